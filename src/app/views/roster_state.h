#pragma once
// What the roster view remembers between frames: the query, the selection, the bulk-note
// dialog, a short notice. One instance (the test interface reads it).
#include "core/roster_query.h"

#include <imgui.h>

#include <string>

namespace wb::app {

struct RosterViewState {
    char search[128] = "";
    RosterQuery query;                     // text mirrors `search`
    ImGuiSelectionBasicStorage selection;  // ids: roster_row_id(student id)
    bool note_open = false;
    char note[1024] = "";
    std::string notice;                    // "note added", "copied", a refusal
    double notice_until = 0;
};

RosterViewState& roster_view_state();

// The selection id of a student (stable across sorting and filtering).
ImGuiID roster_row_id(const std::string& student_id);

// Translated "{name}" formatting for the roster's strings.
std::string roster_format(const char* key, const std::map<std::string, std::string>& values);

// The rows selected, in the order shown by `shown` (indices into roster_model().rows).
std::vector<int> roster_selected_rows(const std::vector<int>& shown);

}  // namespace wb::app

#pragma once
// Bulk actions on the roster's selection: a note to every selected student (event.record kind
// note through the workspace, works offline) in a small dialog, and copying the selected rows as
// tab-separated text.
#include "views/roster_state.h"

#include <vector>

namespace wb::app {

// The action bar shown while rows are selected (`shown`: the rows the table shows).
void draw_roster_bulk_bar(RosterViewState& state, const std::vector<int>& shown);
// The note dialog, when open (Enter saves, Escape cancels).
void draw_roster_note_dialog(RosterViewState& state, const std::vector<int>& shown);

// The selected rows as text: a heading line, then one line per row, cells separated by tabs
// (visible columns only).
std::string roster_selection_as_tsv(const std::vector<int>& rows);

// Records `text` as a note on each student; returns how many were saved, and in `refused` the
// first refusal's reason.
int add_roster_notes(const std::vector<int>& rows, const std::string& text, std::string& refused);

}  // namespace wb::app

#pragma once
// One Today item as a list row: an urgency stripe, the title (task → sub-task), why it exists,
// the students it still concerns (links to their profiles), when it is due, and its actions
// (done / snooze, or undo for a done item). Rows have one fixed height so a list of hundreds
// is clipped (ImGuiListClipper) and costs only what is visible.
#include "core/today.h"

#include <imgui.h>

#include <string>

namespace wb::app {

constexpr float kTodayRowHeight = 78.0f;

enum class RowKind { Open, Snoozed, Done };

struct RowAction {
    enum class Kind { None, Done, Snooze, Reopen, OpenStudent } kind = Kind::None;
    std::string student_id;
};

struct RowContext {
    const SopTemplate* tpl = nullptr;
    const State* state = nullptr;
    const TimeZone* zone = nullptr;
    const TodayWindow* window = nullptr;
};

ImU32 urgency_color(Urgency u);

// Draws the row at the cursor, full width, and advances the cursor by kTodayRowHeight.
RowAction draw_today_row(const RowContext& ctx, const DueTask& task, Urgency urgency, RowKind kind);

}  // namespace wb::app

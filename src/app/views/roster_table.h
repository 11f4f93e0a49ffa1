#pragma once
// The roster table: sortable, resizable, hideable columns (the user's choice of columns kept in
// localStorage), ImGuiListClipper so 10 000 rows cost the visible ones, multi-select with
// Ctrl/Shift click and Ctrl+A, a click opening the student's profile.
#include "views/roster_state.h"

#include <vector>

namespace wb::app {

// Draws the table for the rows `shown` (indices into roster_model().rows) in a region of `size`.
void draw_roster_table(RosterViewState& state, const std::vector<int>& shown, ImVec2 size);

// Column visibility as stored ("name,class,risk,..."), and its parse.
std::string roster_visible_columns();

// Per column: translation key of its heading.
const char* roster_column_key(RosterColumn column);
// The cell text of `row` in `column` (translated), as shown and copied.
std::string roster_cell_text(const RosterRow& row, RosterColumn column);

}  // namespace wb::app

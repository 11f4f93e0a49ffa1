#pragma once
// Today's two filters: the column of SOP tasks with their open counts (a click shows only that
// task) and, for a manager, the tutor chips (all tutors / one tutor, each with its count).
#include "views/today_model.h"

#include <string>

namespace wb::app {

// Draws the task column in a child of `width`; `selected` is a task id ("" = all).
void draw_today_task_column(const TodayBoard& board, float width, float height, std::string& selected);
// Draws the tutor chips wrapping over the available width; `selected` is a tutor id ("" = all).
void draw_today_tutor_chips(const TodayModel& model, std::string& selected);
// Narrow windows: the tasks with open items as wrapping chips instead of a column.
void draw_today_task_chips(const TodayBoard& board, std::string& selected);

}  // namespace wb::app

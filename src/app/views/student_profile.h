#pragma once
// The student profile [学员档案]: drawn by the roster (students view) in a pane beside the table
// for app_state().student_id; contact and parent, enrolment, task states, timeline, risk, notes,
// quick actions.
#include <string>

namespace wb::app {

// Draws the profile of `student_id` into the current child window (the caller sizes it).
void draw_student_profile(const std::string& student_id);

}  // namespace wb::app

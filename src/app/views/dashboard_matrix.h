#pragma once
// The dashboard's student × lesson matrix (attendance, homework, grade per cell), drawn with the
// app's own GL program (shaders/) for the signed-in user's scope: a tutor's classes, a manager's
// team, an admin everyone. Fills the available content region.

namespace wb::app {

void draw_dashboard_matrix();

}  // namespace wb::app

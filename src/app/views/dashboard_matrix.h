#pragma once
// The dashboard's student × lesson matrix (attendance, homework, grade per cell), drawn with the
// app's own GL program (shaders/, views/matrix_gl.h) for the dashboard's scope: names on the left,
// lesson numbers on top, a legend with the counts, a tooltip per cell. Only the visible rows are
// drawn, so a manager's whole team scrolls smoothly. Fills the rest of the content region.
#include <imgui.h>

namespace wb::app {

struct DashboardModel;

void draw_dashboard_matrix(const DashboardModel& m);

// Who draws the cells: the app's GL program, or its peer, ImGui rectangles
// (views/matrix_drawlist.h), for the benchmark and the test that both draw the same pixels.
// `repeat` > 1 draws the cells that many times over (the benchmark's amplifier: the cost of one
// draw is then measurable apart from the rest of the frame).
enum class MatrixRenderer { Shader, DrawList };
void set_matrix_renderer(MatrixRenderer renderer, int repeat = 1);
MatrixRenderer matrix_renderer();
int matrix_repeat();

// Where the last frame drew the matrix (tests: which pixel shows which cell).
struct MatrixLayout {
    ImVec2 min, max;      // the matrix's visible rectangle on the canvas
    ImVec2 window_min, window_max;   // the scrolling region around it (its scrollbar on the right)
    float first_row = 0;  // the row at its top
    float cell_w = 0, cell_h = 0;
    int hover_column = -1, hover_row = -1;
};
const MatrixLayout& matrix_layout();

}  // namespace wb::app

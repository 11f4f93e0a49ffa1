#pragma once
// The GL half of the dashboard's student × lesson matrix: the program from shaders/matrix.*,
// the texture of cell states, and an ImGui draw callback that draws the visible rows into a
// rectangle of the window. GL objects are made on first use and again after a lost context.
#include <cstdint>
#include <vector>

#include <imgui.h>

namespace wb::app::matrix_gl {

// The colours of the cell states, as the shader gets them (attendance 0-3, homework 4-7,
// grade 8-11; see core/student_lesson_matrix.h for the values).
struct Palette {
    ImVec4 states[12];
    ImVec4 empty;
    ImVec4 gap;
};
const Palette& palette();

// Uploads the cells' texels (pack_matrix_texels) when `version` differs from the last upload.
void upload(const std::vector<uint8_t>& texels, int rows, int columns, uint64_t version);

// Adds to `dl` a draw of rows [first_row, first_row + visible_rows) of the matrix into the
// screen rectangle [min, max), each cell cell_w × cell_h points; `hover` column/row or -1.
void draw(ImDrawList* dl, ImVec2 min, ImVec2 max, float first_row, float cell_w, float cell_h, int hover_column,
          int hover_row);

// Frames drawn with the program since start (tests: the GL path ran) and the last GL error.
int frames_drawn();
const char* last_error();

}  // namespace wb::app::matrix_gl

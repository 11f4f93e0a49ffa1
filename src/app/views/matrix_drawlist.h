#pragma once
// The peer of the matrix's GL program: the same cells drawn the way a Dear ImGui app usually
// draws a grid, as filled rectangles in the window's draw list (three stripes per cell, the
// gaps as the background). It exists for the benchmark that puts the two side by side
// (tests/bench/matrix.bench.mjs) and for the test that both draw the same pixels; the product
// draws with the shader.
#include <cstdint>
#include <vector>

#include <imgui.h>

namespace wb::app::matrix_drawlist {

// Rows [first_row, ...) of the matrix whose cells are `texels` (pack_matrix_texels: one RGBA8
// per cell, row-major), into the screen rectangle [min, max), in matrix_gl's palette.
void draw(ImDrawList* dl, const std::vector<uint8_t>& texels, int rows, int columns, ImVec2 min, ImVec2 max,
          float first_row, float cell_w, float cell_h, int hover_column, int hover_row);

}  // namespace wb::app::matrix_drawlist

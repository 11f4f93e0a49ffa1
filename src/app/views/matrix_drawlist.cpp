#include "views/matrix_drawlist.h"

#include <algorithm>
#include <cmath>

#include "views/matrix_gl.h"

namespace wb::app::matrix_drawlist {
namespace {

// The shader's hover tint: the colour mixed 18 % towards the accent.
ImVec4 tinted(const ImVec4& c) {
    const ImVec4 accent(0.23f, 0.42f, 0.96f, 1.0f);
    constexpr float k = 0.18f;
    return ImVec4(c.x + (accent.x - c.x) * k, c.y + (accent.y - c.y) * k, c.z + (accent.z - c.z) * k, 1.0f);
}

ImU32 u32(const ImVec4& c, bool hover) { return ImGui::ColorConvertFloat4ToU32(hover ? tinted(c) : c); }

}  // namespace

void draw(ImDrawList* dl, const std::vector<uint8_t>& texels, int rows, int columns, ImVec2 min, ImVec2 max,
          float first_row, float cell_w, float cell_h, int hover_column, int hover_row) {
    const matrix_gl::Palette& p = matrix_gl::palette();
    // The gap is one framebuffer pixel, as in the shader.
    const float gap = 1.0f / std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
    dl->PushClipRect(min, max, true);
    // The gaps are the background of the rows there are (below the last row the window shows).
    const float bottom = std::min(max.y, min.y + (rows - first_row) * cell_h);
    if (bottom > min.y) dl->AddRectFilled(min, ImVec2(max.x, bottom), ImGui::ColorConvertFloat4ToU32(p.gap));
    const int first = std::max(0, static_cast<int>(std::floor(first_row)));
    const int last = std::min(rows, static_cast<int>(std::ceil(first_row + (max.y - min.y) / cell_h)) + 1);
    for (int r = first; r < last; ++r) {
        const float y0 = min.y + (r - first_row) * cell_h + gap, y1 = min.y + (r + 1 - first_row) * cell_h;
        for (int c = 0; c < columns; ++c) {
            const size_t at = (size_t(r) * size_t(columns) + size_t(c)) * 4;
            if (at + 3 >= texels.size()) break;
            const bool hover = r == hover_row || c == hover_column;
            const float x0 = min.x + c * cell_w, x1 = x0 + cell_w;
            if (texels[at + 3] == 0) {
                dl->AddRectFilled(ImVec2(x0 + gap, y0), ImVec2(x1, y1), u32(p.empty, hover));
                continue;
            }
            const ImVec4 stripes[3] = {p.states[texels[at] & 3], p.states[4 + (texels[at + 1] & 3)],
                                       p.states[8 + (texels[at + 2] & 3)]};
            for (int s = 0; s < 3; ++s) {
                const float sx0 = s == 0 ? x0 + gap : x0 + cell_w * s / 3.0f, sx1 = x0 + cell_w * (s + 1) / 3.0f;
                dl->AddRectFilled(ImVec2(sx0, y0), ImVec2(sx1, y1), u32(stripes[s], hover));
            }
        }
    }
    dl->PopClipRect();
}

}  // namespace wb::app::matrix_drawlist

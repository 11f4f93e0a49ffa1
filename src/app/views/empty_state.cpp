#include "views/empty_state.h"

#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <vector>

namespace wb::app {
namespace {

constexpr float kHaloRadius = 30.0f;
constexpr float kIconSize = 26.0f;
constexpr float kMaxBodyWidth = 420.0f;

struct Line { const char* begin; const char* end; };

// Splits `text` into lines no wider than `width` at the current font size (CJK text has no
// spaces, so ImGui breaks it between characters).
std::vector<Line> wrap_lines(const char* text, float width) {
    std::vector<Line> lines;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const char* end = text + std::strlen(text);
    const char* p = text;
    while (p < end) {
        const char* brk = font->CalcWordWrapPosition(size, p, end, width);
        if (brk == p) brk = p + 1;   // never loop on a glyph wider than the line
        lines.push_back({p, brk});
        p = brk;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
    return lines;
}

void centred_text(const char* begin, const char* end, float region_x, float region_w) {
    const float w = ImGui::CalcTextSize(begin, end).x;
    ImGui::SetCursorPosX(region_x + (region_w - w) * 0.5f);
    ImGui::TextUnformatted(begin, end);
}

void centred_title(const char* title, float region_x, float region_w) {
    const ImVec2 size = ImGui::CalcTextSize(title);
    ImGui::SetCursorPosX(region_x + (region_w - size.x) * 0.5f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    widgets::heavy_text(ImGui::GetWindowDrawList(), at, ImGui::GetColorU32(ImGuiCol_Text), title);
}

}  // namespace

void draw_empty_state(const EmptyState& state) {
    const theme::Palette& pal = theme::palette();
    const char* title = ui::tr(state.title_key);
    const char* body = ui::tr(state.body_key);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float x0 = ImGui::GetCursorPosX();
    const float body_w = std::min(kMaxBodyWidth, avail.x);
    const std::vector<Line> lines = wrap_lines(body, body_w);
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float title_h = theme::kEmptyTitleFontSize * 1.4f;
    const float block_h = kHaloRadius * 2 + 20 + title_h + 8 + lines.size() * line_h;
    // Slightly above the optical centre, where the eye expects it.
    const float top = std::max(0.0f, (avail.y - block_h) * 0.42f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + top);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 screen = ImGui::GetCursorScreenPos();
    const ImVec2 centre(screen.x + avail.x * 0.5f, screen.y + kHaloRadius);
    dl->AddCircleFilled(centre, kHaloRadius, pal.accent_soft);
    state.icon(dl, ImVec2(centre.x - kIconSize * 0.5f, centre.y - kIconSize * 0.5f), kIconSize, pal.accent);
    ImGui::Dummy(ImVec2(avail.x, kHaloRadius * 2 + 12));

    ImGui::PushFont(nullptr, theme::kEmptyTitleFontSize);
    centred_title(title, x0, avail.x);
    ui::note_drawn(title);
    ImGui::PopFont();

    ImGui::Dummy(ImVec2(0, 2));
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_secondary);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 4));
    bool any_visible = false;
    ImVec2 body_min(FLT_MAX, FLT_MAX), body_max(-FLT_MAX, -FLT_MAX);
    for (const Line& line : lines) {
        centred_text(line.begin, line.end, x0, avail.x);
        any_visible = any_visible || ImGui::IsItemVisible();
        body_min = ImVec2(std::min(body_min.x, ImGui::GetItemRectMin().x), std::min(body_min.y, ImGui::GetItemRectMin().y));
        body_max = ImVec2(std::max(body_max.x, ImGui::GetItemRectMax().x), std::max(body_max.y, ImGui::GetItemRectMax().y));
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (any_visible) ui::note_drawn_at(body, body_min, body_max);
}

}  // namespace wb::app

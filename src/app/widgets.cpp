#include "widgets.h"

#include "theme.h"
#include "ui_text.h"

#include <imgui_internal.h>  // GetActiveID, ClearActiveID

#include <algorithm>

namespace wb::app::widgets {

bool segmented_control(const char* id, const char* const* labels, int count, int* selected, Size size) {
    const theme::Palette& pal = theme::palette();
    const float pad_x = size == Size::Small ? 8.0f : 14.0f;
    const float height = size == Size::Small ? 22.0f : 30.0f;
    const float inset = 2.0f;
    ImGui::PushID(id);

    float total = inset * 2;
    for (int i = 0; i < count; ++i) total += ImGui::CalcTextSize(labels[i]).x + pad_x * 2;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + total, origin.y + height), IM_COL32(0xEC, 0xEE, 0xF1, 255), height * 0.5f);

    bool changed = false;
    float x = origin.x + inset;
    for (int i = 0; i < count; ++i) {
        const ImVec2 text = ImGui::CalcTextSize(labels[i]);
        const ImVec2 a(x, origin.y + inset);
        const ImVec2 b(x + text.x + pad_x * 2, origin.y + height - inset);
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("opt", ImVec2(b.x - a.x, b.y - a.y), ImGuiButtonFlags_EnableNav) && *selected != i) {
            *selected = i;
            changed = true;
        }
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const bool on = *selected == i;
        if (on) {
            dl->AddRectFilled(ImVec2(a.x, a.y + 1), ImVec2(b.x, b.y + 1), IM_COL32(0, 0, 0, 18), (b.y - a.y) * 0.5f);
            dl->AddRectFilled(a, b, pal.canvas, (b.y - a.y) * 0.5f);
        }
        const ImU32 col = on ? pal.text : (hovered ? pal.text : pal.text_secondary);
        dl->AddText(ImVec2(a.x + pad_x, a.y + (b.y - a.y - text.y) * 0.5f), col, labels[i]);
        ui::note_drawn(labels[i]);
        x = b.x;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(total, height));
    ImGui::PopID();
    return changed;
}

void status_dot(ImU32 color, float line_height) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = 3.5f;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + line_height * 0.5f), r, color);
    ImGui::Dummy(ImVec2(r * 2, line_height));
}

void heavy_text(ImDrawList* dl, ImVec2 pos, ImU32 color, const char* text) {
    const float offset = 0.55f / std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x * 0.75f);
    dl->AddText(pos, color, text);
    dl->AddText(ImVec2(pos.x + offset, pos.y), color, text);
}

void touch_drag_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource != ImGuiMouseSource_TouchScreen || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f))
        return;
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
    if (ImGui::GetScrollMaxY() <= 0.0f) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
}

}  // namespace wb::app::widgets

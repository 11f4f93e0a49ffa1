#include "widgets.h"

#include "accessibility_mirror.h"
#include "theme.h"
#include "ui_text.h"

#include <imgui_internal.h>  // GetActiveID, ClearActiveID

#include <algorithm>
#include <string>

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
        accessibility::describe_last_item(accessibility::Role::Option, labels[i], nullptr, *selected == i);
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

namespace {

bool styled_button(const char* label, ImVec2 size, bool enabled, ImU32 fill, ImU32 fill_hover, ImU32 text, ImU32 border) {
    const theme::Palette& pal = theme::palette();
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 6.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 7));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, border ? 1.0f : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, enabled ? fill : pal.hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, enabled ? fill_hover : pal.hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, enabled ? fill_hover : pal.hover);
    ImGui::PushStyleColor(ImGuiCol_Text, enabled ? text : pal.text_tertiary);
    ImGui::PushStyleColor(ImGuiCol_Border, border);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::Button(label, size);
    accessibility::describe_last_item(accessibility::Role::Button, label, nullptr, false, enabled);
    ImGui::EndDisabled();
    if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar(3);
    ui::note_drawn(label);
    return clicked && enabled;
}

}  // namespace

bool primary_button(const char* label, ImVec2 size, bool enabled) {
    const theme::Palette& pal = theme::palette();
    return styled_button(label, size, enabled, pal.accent, IM_COL32(0x24, 0x5B, 0xDB, 255), IM_COL32_WHITE, 0);
}

bool secondary_button(const char* label, ImVec2 size, bool enabled) {
    const theme::Palette& pal = theme::palette();
    return styled_button(label, size, enabled, IM_COL32_WHITE, pal.hover, pal.text, pal.border);
}

void section_title(const std::string& text) {
    ImGui::SeparatorText(text.c_str());
    ui::note_drawn(text.c_str());
}

namespace {

// A labelled field: the label above it, or (`label_width` > 0) to its left on the same line.
bool labelled_field(const char* id, const char* label, char* buffer, int size, bool password, float width,
                    float label_width) {
    const theme::Palette& pal = theme::palette();
    if (label_width > 0) ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_secondary);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ui::note_drawn(label);
    if (label_width > 0) ImGui::SameLine(label_width);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 6.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, label_width > 0 ? 5 : 8));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32_WHITE);
    ImGui::PushStyleColor(ImGuiCol_Border, pal.border);
    ImGui::SetNextItemWidth(width > 0 ? width : ImGui::GetContentRegionAvail().x);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (password) flags |= ImGuiInputTextFlags_Password;
    const bool entered = ImGui::InputText(id, buffer, static_cast<size_t>(size), flags);
    accessibility::describe_last_item(password ? accessibility::Role::PasswordField : accessibility::Role::TextField,
                                      label, buffer);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    // The field's rectangle, under its label, so tests can click into it.
    ui::note_drawn_at((std::string(label) + "#field").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return entered;
}

}  // namespace

bool text_field(const char* id, const char* label, char* buffer, int size, bool password, float width) {
    return labelled_field(id, label, buffer, size, password, width, 0.0f);
}

bool inline_text_field(const char* id, const char* label, char* buffer, int size, float label_width) {
    return labelled_field(id, label, buffer, size, false, 0.0f, label_width);
}

bool search_field(const char* id, const char* hint, char* buffer, int size, float width) {
    const theme::Palette& pal = theme::palette();
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 6.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 7));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32_WHITE);
    ImGui::PushStyleColor(ImGuiCol_Border, pal.border);
    ImGui::SetNextItemWidth(width > 0 ? width : ImGui::GetContentRegionAvail().x);
    const bool changed = ImGui::InputTextWithHint(id, hint, buffer, static_cast<size_t>(size));
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    accessibility::describe_last_item(accessibility::Role::TextField, hint, buffer);
    ui::note_drawn_at((std::string(hint) + "#field").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return changed;
}

bool dialog_confirm_key() {
    return ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
}

bool dialog_cancel_key() { return ImGui::IsKeyPressed(ImGuiKey_Escape, false); }

}  // namespace wb::app::widgets

#include "theme.h"

namespace wb::app::theme {
namespace {

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

ImVec4 vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

const Palette& palette() {
    static const Palette p{
        rgb(0xFFFFFF),  // canvas
        rgb(0xF5F6F8),  // sidebar
        rgb(0xE3E5E8),  // border
        rgb(0x1F2329),  // text
        rgb(0x4E5969),  // text_secondary
        rgb(0x8A919C),  // text_tertiary
        rgb(0x3370FF),  // accent
        rgb(0xE6EEFF),  // accent_soft
        rgb(0xEAECEF),  // hover
        rgb(0x22A06B),  // success
        rgb(0xE58A00),  // warning
        rgb(0xE5484D),  // danger
    };
    return p;
}

void apply() {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.FontSizeBase = kFontSize;
    s.WindowPadding = ImVec2(24, 20);
    s.FramePadding = ImVec2(12, 7);
    s.CellPadding = ImVec2(10, 8);
    s.ItemSpacing = ImVec2(10, 10);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.ScrollbarSize = 10;
    s.GrabMinSize = 10;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 0;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 0;
    s.WindowRounding = 0;
    s.ChildRounding = 8;
    s.FrameRounding = 6;
    s.PopupRounding = 8;
    s.ScrollbarRounding = 6;
    s.GrabRounding = 6;
    s.TabRounding = 6;
    s.SelectableTextAlign = ImVec2(0.0f, 0.5f);

    const Palette& p = palette();
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = vec(p.text);
    c[ImGuiCol_TextDisabled] = vec(p.text_tertiary);
    c[ImGuiCol_WindowBg] = vec(p.canvas);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = vec(p.canvas);
    c[ImGuiCol_Border] = vec(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = vec(rgb(0xF2F3F5));
    c[ImGuiCol_FrameBgHovered] = vec(rgb(0xEAECEF));
    c[ImGuiCol_FrameBgActive] = vec(rgb(0xE3E5E8));
    c[ImGuiCol_TitleBg] = vec(p.sidebar);
    c[ImGuiCol_TitleBgActive] = vec(p.sidebar);
    c[ImGuiCol_MenuBarBg] = vec(p.sidebar);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = vec(rgb(0xC9CDD4));
    c[ImGuiCol_ScrollbarGrabHovered] = vec(rgb(0xA9AEB8));
    c[ImGuiCol_ScrollbarGrabActive] = vec(rgb(0x86909C));
    c[ImGuiCol_CheckMark] = vec(p.accent);
    c[ImGuiCol_SliderGrab] = vec(p.accent);
    c[ImGuiCol_SliderGrabActive] = vec(rgb(0x245BDB));
    c[ImGuiCol_Button] = vec(rgb(0xF2F3F5));
    c[ImGuiCol_ButtonHovered] = vec(rgb(0xE6E8EB));
    c[ImGuiCol_ButtonActive] = vec(rgb(0xDADDE2));
    c[ImGuiCol_Header] = vec(p.accent_soft);
    c[ImGuiCol_HeaderHovered] = vec(p.hover);
    c[ImGuiCol_HeaderActive] = vec(rgb(0xD6E2FF));
    c[ImGuiCol_Separator] = vec(p.border);
    c[ImGuiCol_SeparatorHovered] = vec(p.accent);
    c[ImGuiCol_SeparatorActive] = vec(p.accent);
    c[ImGuiCol_Tab] = vec(rgb(0xF2F3F5));
    c[ImGuiCol_TabHovered] = vec(p.hover);
    c[ImGuiCol_TabSelected] = vec(p.accent_soft);
    c[ImGuiCol_TableHeaderBg] = vec(rgb(0xF5F6F8));
    c[ImGuiCol_TableBorderStrong] = vec(p.border);
    c[ImGuiCol_TableBorderLight] = vec(rgb(0xEEF0F2));
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = vec(rgb(0xFAFBFC));
    c[ImGuiCol_TextSelectedBg] = vec(rgb(0x3370FF, 60));
    c[ImGuiCol_NavCursor] = vec(p.accent);
    c[ImGuiCol_ModalWindowDimBg] = vec(rgb(0x1F2329, 90));
}

}  // namespace wb::app::theme

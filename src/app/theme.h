#pragma once
// The look of the workbench: a light theme with one accent colour, generous spacing and soft
// rounding. Custom-drawn parts (sidebar, status bar, empty states) take their colours from
// here so the whole app changes together.
#include <imgui.h>

namespace wb::app::theme {

struct Palette {
    ImU32 canvas;          // content background
    ImU32 sidebar;         // navigation background
    ImU32 border;          // hairlines between regions
    ImU32 text;            // primary text
    ImU32 text_secondary;  // descriptions, inactive navigation
    ImU32 text_tertiary;   // group headings, hints
    ImU32 accent;          // selection, primary actions
    ImU32 accent_soft;     // selected navigation background, icon halos
    ImU32 hover;           // hovered navigation item
    ImU32 success;         // online
    ImU32 warning;         // offline
    ImU32 danger;          // sync failures
};

const Palette& palette();

// Sizes in CSS pixels (ImGui works in CSS pixels; the platform handles devicePixelRatio).
constexpr float kFontSize = 14.0f;
constexpr float kTitleFontSize = 20.0f;
constexpr float kEmptyTitleFontSize = 16.0f;
constexpr float kSidebarWidth = 216.0f;
constexpr float kHeaderHeight = 60.0f;
constexpr float kStatusBarHeight = 30.0f;
constexpr float kNavItemHeight = 34.0f;

// Applies the style and colours to the current ImGui context.
void apply();

}  // namespace wb::app::theme

#pragma once
// Line icons drawn with ImDrawList (no icon font to download). Each draws into the square
// [min, min + size] with strokes scaled to the size, in one colour.
#include <imgui.h>

namespace wb::app::icons {

using IconFn = void (*)(ImDrawList* dl, ImVec2 min, float size, ImU32 color);

void today(ImDrawList* dl, ImVec2 min, float size, ImU32 color);      // check in a circle
void students(ImDrawList* dl, ImVec2 min, float size, ImU32 color);   // two people
void lessons(ImDrawList* dl, ImVec2 min, float size, ImU32 color);    // calendar
void homework(ImDrawList* dl, ImVec2 min, float size, ImU32 color);   // page with lines
void followups(ImDrawList* dl, ImVec2 min, float size, ImU32 color);  // speech bubble
void refunds(ImDrawList* dl, ImVec2 min, float size, ImU32 color);    // return arrow
void renewal(ImDrawList* dl, ImVec2 min, float size, ImU32 color);    // circular arrows
void dashboard(ImDrawList* dl, ImVec2 min, float size, ImU32 color);  // bar chart
void templates(ImDrawList* dl, ImVec2 min, float size, ImU32 color);  // stacked layers
void settings(ImDrawList* dl, ImVec2 min, float size, ImU32 color);   // gear
void cloud(ImDrawList* dl, ImVec2 min, float size, ImU32 color);      // sync state
void globe(ImDrawList* dl, ImVec2 min, float size, ImU32 color);      // language

}  // namespace wb::app::icons

#pragma once
// Small widgets the views share, drawn in the workbench's style.
#include <imgui.h>

#include <string>

namespace wb::app::widgets {

enum class Size { Regular, Small };

// A row of mutually exclusive options in one rounded track (e.g. 中文 | English). `labels` are
// already translated; returns true when the user picked another option.
bool segmented_control(const char* id, const char* const* labels, int count, int* selected,
                       Size size = Size::Regular);

// Buttons in the workbench's style. `label` is already translated; it is recorded as drawn.
// A disabled button shows greyed and never returns true.
bool primary_button(const char* label, ImVec2 size = ImVec2(0, 0), bool enabled = true);
bool secondary_button(const char* label, ImVec2 size = ImVec2(0, 0), bool enabled = true);
// A dialog's keys: Enter (either one) confirms, Escape cancels — in any frame, also the one
// before the dialog's field takes the keyboard.
bool dialog_confirm_key();
bool dialog_cancel_key();

// A section heading with a rule (ImGui's SeparatorText), noted as drawn for tests and the a11y mirror.
void section_title(const std::string& text);

// A labelled single-line text field (label above, hint inside). Returns true when Enter was
// pressed in it.
bool text_field(const char* id, const char* label, char* buffer, int size, bool password = false,
                float width = 0.0f);

// The same with the label on its left, the field from `label_width` to the end of the line
// (dense forms such as the template editor's fields).
bool inline_text_field(const char* id, const char* label, char* buffer, int size, float label_width);

// A single-line search field with a hint inside and no label above (roster search, filters).
// The hint names it for screen readers. Returns true when the text changed.
bool search_field(const char* id, const char* hint, char* buffer, int size, float width = 0.0f);

// A small coloured dot followed by a label, vertically centred on the current line.
void status_dot(ImU32 color, float line_height);

// Text drawn a second time a fraction of a pixel to the right: a semibold weight for titles
// (the CJK font has a single weight).
void heavy_text(ImDrawList* dl, ImVec2 pos, ImU32 color, const char* text);

// Lets a finger drag scroll the current window (ImGui scrolls only with a wheel). Call right
// after Begin/BeginChild of a scrolling region. A drag past a few pixels cancels the press on
// the item under the finger, so scrolling a list never clicks a row.
void touch_drag_scroll();

}  // namespace wb::app::widgets

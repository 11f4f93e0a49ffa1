#pragma once
// The command palette [搜索]: Ctrl+K (Cmd+K on a Mac) or the header's search button opens a
// search over the views and the students the account sees (name, pinyin initials, phone tail —
// the roster's own matching); arrows move, Enter jumps (a student opens beside the roster),
// Escape closes.
#include <imgui.h>

namespace wb::app {

// Listens for the shortcut: call at the start of the frame, before any view is drawn.
void handle_palette_shortcut();
// Draws the palette when open. Call once per frame after the shell.
void draw_command_palette();
// The header's search button, right-aligned to `right_x`, its top at `top_y`, `height` tall.
void draw_palette_button(float right_x, float top_y, float height);
void open_command_palette();

}  // namespace wb::app

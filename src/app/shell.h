#pragma once
// The workbench frame around every view: the sidebar of views, the header with the open view's
// title, the content area, and the status bar (online state, sync state, language).
namespace wb::app {

// Draws the whole frame for the current ImGui frame.
void draw_shell();

}  // namespace wb::app

#pragma once
// What the page shows before the workbench itself: opening the local data, asking the server,
// "cannot reach the server", the login form, and an unreadable local store. Also the login
// dialog shown over the workbench when a session has expired.
namespace wb::app {

class Workspace;

// Draws the screen for the workspace's phase when it is not Ready; returns false when the
// workbench should be drawn instead.
bool draw_start_screen(Workspace& workspace);

// Over the workbench: asks for the password again when the session expired (the data and the
// queue stay as they are).
void draw_relogin_dialog(Workspace& workspace);

}  // namespace wb::app

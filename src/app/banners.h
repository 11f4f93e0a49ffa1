#pragma once
// Notices at the top of the content area: demo data, storage problems, and the changes the
// server rejected (each with its reason, until the user dismisses them).
namespace wb::app {

class Workspace;
void draw_banners(Workspace& workspace);

}  // namespace wb::app

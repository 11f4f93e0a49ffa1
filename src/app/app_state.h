#pragma once
// The app's UI state: which view is open. Data and its sync live in the Workspace
// (offline/workspace.h); this is only what the frame needs to draw itself.
#include "views/view_registry.h"

namespace wb::app {

struct AppState {
    ViewId view = ViewId::Today;
};

// The one instance the frame loop draws (the test interface reads and drives it too).
AppState& app_state();

}  // namespace wb::app

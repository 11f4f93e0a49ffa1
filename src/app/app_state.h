#pragma once
// The app's UI state: which view is open and what the status bar reports. Domain data lives in
// src/core; this is only what the frame needs to draw itself.
#include "sync_status.h"
#include "views/view_registry.h"

namespace wb::app {

struct AppState {
    ViewId view = ViewId::Today;
    SyncStatus sync;
};

// The one instance the frame loop draws (the test interface reads and drives it too).
AppState& app_state();

}  // namespace wb::app

#pragma once
// The app's UI state: which view is open and which student is selected. Data and its sync live
// in the Workspace (offline/workspace.h); this is only what the frame needs to draw itself.
#include "views/view_registry.h"

#include <string>

namespace wb::app {

struct AppState {
    ViewId view = ViewId::Today;
    // The student whose profile is open beside the roster ("" = none). Set by the roster, Today,
    // the command palette; the profile closes itself when the student is no longer in the data.
    std::string student_id;
    // The class lesson the lesson, homework and dashboard views are about ("" = the default one,
    // see default_class_lesson). Shared so going from a lesson to its homework keeps the lesson.
    std::string class_id;
    std::string lesson_id;
};

// The one instance the frame loop draws (the test interface reads and drives it too).
AppState& app_state();

}  // namespace wb::app

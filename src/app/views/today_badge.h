#pragma once
// The number a navigation item shows as a badge (0 = none). Today: the open items (overdue +
// due by tonight) of the signed-in person's tutors, from the cached Today model.
#include "views/view_registry.h"

namespace wb::app {

int badge_count(ViewId view);

}  // namespace wb::app

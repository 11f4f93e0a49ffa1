#pragma once
// The calm placeholder a view shows when it has nothing to list yet: an icon in a soft circle,
// a title and one or two sentences saying what will appear there.
#include "icons.h"

namespace wb::app {

struct EmptyState {
    icons::IconFn icon;
    const char* title_key;
    const char* body_key;
};

// Centred in the remaining content region.
void draw_empty_state(const EmptyState& state);

}  // namespace wb::app

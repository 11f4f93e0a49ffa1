// followups: calls, messages and parent replies, and who needs another call.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_followups_view() {
    draw_empty_state({icons::followups, "empty.followups.title", "empty.followups.body"});
}

}  // namespace wb::app

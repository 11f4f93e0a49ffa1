// today: the tasks due today (lesson reminders, follow-up calls, homework nudges, refund steps), generated from the SOP templates.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_today_view() {
    draw_empty_state({icons::today, "empty.today.title", "empty.today.body"});
}

}  // namespace wb::app

// dashboard: attendance, homework, follow-up and renewal rates as charts.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_dashboard_view() {
    draw_empty_state({icons::dashboard, "empty.dashboard.title", "empty.dashboard.body"});
}

}  // namespace wb::app

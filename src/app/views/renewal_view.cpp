// renewal: renewal intent, conversations and outcomes per student.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_renewal_view() {
    draw_empty_state({icons::renewal, "empty.renewal.title", "empty.renewal.body"});
}

}  // namespace wb::app

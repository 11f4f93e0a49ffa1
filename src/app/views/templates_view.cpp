// templates: the SOP templates: when each task is due, who does it, which message is sent.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_templates_view() {
    draw_empty_state({icons::templates, "empty.templates.title", "empty.templates.body"});
}

}  // namespace wb::app

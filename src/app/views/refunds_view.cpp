// refunds: refund requests, retention steps and the automatic-refund deadline.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_refunds_view() {
    draw_empty_state({icons::refunds, "empty.refunds.title", "empty.refunds.body"});
}

}  // namespace wb::app

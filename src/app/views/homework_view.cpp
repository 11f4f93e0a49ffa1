// homework: homework submissions and grades per lesson.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_homework_view() {
    draw_empty_state({icons::homework, "empty.homework.title", "empty.homework.body"});
}

}  // namespace wb::app

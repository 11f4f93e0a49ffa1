// lessons: the course schedule: start times, lecturers, what to do before and after each lesson.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_lessons_view() {
    draw_empty_state({icons::lessons, "empty.lessons.title", "empty.lessons.body"});
}

}  // namespace wb::app

// students: the roster: each student with parent contacts, attendance and homework.
#include "views/empty_state.h"
#include "views/view_registry.h"

namespace wb::app {

void draw_students_view() {
    draw_empty_state({icons::students, "empty.students.title", "empty.students.body"});
}

}  // namespace wb::app

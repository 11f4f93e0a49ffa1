#include "core/class_lessons.h"

#include <algorithm>
#include <set>

namespace wb {

std::vector<ClassLesson> class_lessons(const State& state, const std::vector<std::string>& class_ids) {
    std::vector<ClassLesson> out;
    const std::set<std::string> wanted(class_ids.begin(), class_ids.end());
    for (const auto& [class_id, c] : state.classes) {
        if (!wanted.count(class_id)) continue;
        for (const auto& [lesson_id, l] : state.lessons)
            if (l.course_id == c.course_id) out.push_back({class_id, lesson_id, l.number, l.start, l.end});
    }
    std::sort(out.begin(), out.end(), [](const ClassLesson& a, const ClassLesson& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.number != b.number) return a.number < b.number;
        return a.class_id < b.class_id;
    });
    return out;
}

int default_class_lesson(const std::vector<ClassLesson>& lessons, TimeMs now) {
    if (lessons.empty()) return -1;
    int last_ended = -1, next = -1;
    for (int i = 0; i < static_cast<int>(lessons.size()); ++i) {
        const ClassLesson& l = lessons[i];
        if (l.start <= now && now < l.end) return i;
        if (l.end <= now) last_ended = i;
        else if (next < 0) next = i;
    }
    if (last_ended >= 0 && now - lessons[last_ended].end < kDayMs) return last_ended;
    if (next >= 0) return next;
    return static_cast<int>(lessons.size()) - 1;
}

std::vector<std::string> class_student_ids(const State& state, const std::string& class_id) {
    std::set<std::string> ids;
    for (const auto& [id, e] : state.enrolments)
        if (e.class_id == class_id && e.status == EnrolmentStatus::Active) ids.insert(e.student_id);
    return {ids.begin(), ids.end()};
}

}  // namespace wb

#pragma once
// The lessons a tutor (or a manager's team) works on: each lesson of a course once per class
// that takes the course, so "class 1 · lesson 3" and "class 2 · lesson 3" are separate pages
// in the lesson, homework and dashboard views.
#include <string>
#include <vector>

#include "core/state.h"

namespace wb {

struct ClassLesson {
    std::string class_id;
    std::string lesson_id;
    int number = 0;
    TimeMs start = 0;
    TimeMs end = 0;
};

// The lessons of the given classes, ordered by start time, then lesson number, then class id.
std::vector<ClassLesson> class_lessons(const State& state, const std::vector<std::string>& class_ids);

// The position of the lesson to open by default: the one in progress at `now`, else the one
// that ended last if it ended less than a day ago (its homework and feedback are still being
// worked on), else the next to start, else the last one. -1 when there are none.
int default_class_lesson(const std::vector<ClassLesson>& lessons, TimeMs now);

// Student ids with an active enrolment in the class, ordered by id.
std::vector<std::string> class_student_ids(const State& state, const std::string& class_id);

}  // namespace wb

#include <doctest/doctest.h>

#include "core/class_lessons.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);  // weekly, 2 h each
}

TEST_CASE("class lessons: each lesson once per class, in time order, only the given classes")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 3, 2);
    must(s, "class.upsert", {{"id", "k2"}, {"courseId", "c1"}, {"tutorId", "t1"}, {"name", "Class 2"}});
    must(s, "course.upsert", {{"id", "c2"}, {"name", "Other"}});
    must(s, "class.upsert", {{"id", "k9"}, {"courseId", "c2"}, {"tutorId", "t1"}, {"name", "Elsewhere"}});
    auto list = class_lessons(s, {"k2", "k1"});
    REQUIRE(list.size() == 6);
    CHECK(list[0].lesson_id == "c1-l1");
    CHECK(list[0].class_id == "k1");
    CHECK(list[1].class_id == "k2");
    CHECK(list[5].lesson_id == "c1-l3");
    CHECK(list[5].number == 3);
    CHECK(class_lessons(s, {}).empty());
}

TEST_CASE("class lessons: the default is the lesson in progress, then one that just ended, then the next")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 3, 2);
    auto list = class_lessons(s, {"k1"});
    CHECK(default_class_lesson(list, kLesson1 - kDayMs) == 0);                 // before everything
    CHECK(default_class_lesson(list, kLesson1 + kHourMs) == 0);                // in progress
    CHECK(default_class_lesson(list, kLesson1 + 5 * kHourMs) == 0);            // ended 3 h ago
    CHECK(default_class_lesson(list, kLesson1 + 3 * kDayMs) == 1);             // next one
    CHECK(default_class_lesson(list, kLesson1 + 60 * kDayMs) == 2);            // course over
    CHECK(default_class_lesson({}, kLesson1) == -1);
}

TEST_CASE("class lessons: the students of a class are its active enrolments")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 1, 3);
    CHECK(class_student_ids(s, "k1") == std::vector<std::string>{"s1", "s2", "s3"});
    must(s, "enrolment.upsert", {{"id", "e2"}, {"studentId", "s2"}, {"classId", "k1"}, {"enrolledAt", kLesson1 - 7 * kDayMs}, {"status", "refunded"}});
    CHECK(class_student_ids(s, "k1") == std::vector<std::string>{"s1", "s3"});
}

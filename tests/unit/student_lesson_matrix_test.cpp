#include <doctest/doctest.h>

#include "core/student_lesson_matrix.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);  // weekly, 2 h each
const TimeMs kEnd1 = kLesson1 + 2 * kHourMs;

Json at_lesson(const char* student, const char* lesson, Json extra = Json::object())
{
    extra["studentId"] = student;
    extra["lessonId"] = lesson;
    return extra;
}
}  // namespace

TEST_CASE("matrix: one row per student of the classes, one column per lesson number")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 3, 2);
    auto m = build_student_lesson_matrix(s, {"k1"}, kLesson1 - kDayMs);
    REQUIRE(m.rows.size() == 2);
    CHECK(m.columns == 3);
    CHECK(m.rows[0].student_id == "s1");
    CHECK(m.rows[1].student_name == "Student 2");
    CHECK(m.cells.size() == 6);
    CHECK(m.lesson_id(1, 2) == "c1-l3");
    CHECK(m.lesson_id(1, 3) == "");
    CHECK(m.row_of("s2") == 1);
    CHECK(m.row_of("nobody") == -1);
    // Before the course starts nothing is known yet.
    CHECK(m.at(0, 0).exists);
    CHECK(m.at(0, 0).attendance == CellAttendance::Unknown);
    CHECK(m.at(0, 0).homework == CellHomework::NotDue);
    CHECK(m.at(0, 0).grade == CellGrade::None);
    CHECK(build_student_lesson_matrix(s, {}, kLesson1).rows.empty());
}

TEST_CASE("matrix: attendance is attended, on leave, absent once the lesson ended, else unknown")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 2, 4);
    record(s, "in1", "class_entry", kLesson1 + kMinuteMs, at_lesson("s1", "c1-l1"));
    record(s, "lv2", "attendance_mark", kLesson1 - kDayMs, at_lesson("s2", "c1-l1", {{"value", "leave"}}));
    // s3 said they would come but never entered: absent once the lesson is over.
    record(s, "ok3", "attendance_mark", kLesson1 - kDayMs, at_lesson("s3", "c1-l1", {{"value", "attend"}}));
    // An extra session is not the lesson.
    record(s, "ex4", "class_entry", kLesson1 + kMinuteMs, at_lesson("s4", "c1-l1", {{"value", "extra"}}));

    auto during = build_student_lesson_matrix(s, {"k1"}, kLesson1 + kHourMs);
    CHECK(during.at(0, 0).attendance == CellAttendance::Attended);
    CHECK(during.at(1, 0).attendance == CellAttendance::Leave);
    CHECK(during.at(2, 0).attendance == CellAttendance::Unknown);
    CHECK(during.at(3, 0).attendance == CellAttendance::Unknown);

    auto after = build_student_lesson_matrix(s, {"k1"}, kEnd1 + kMinuteMs);
    CHECK(after.at(0, 0).attendance == CellAttendance::Attended);
    CHECK(after.at(1, 0).attendance == CellAttendance::Leave);
    CHECK(after.at(2, 0).attendance == CellAttendance::Absent);
    CHECK(after.at(3, 0).attendance == CellAttendance::Absent);
    CHECK(after.at(0, 1).attendance == CellAttendance::Unknown);  // lesson 2 is next week

    auto t = matrix_totals(after);
    CHECK(t.attendance[int(CellAttendance::Attended)] == 1);
    CHECK(t.attendance[int(CellAttendance::Absent)] == 2);
    CHECK(t.attendance[int(CellAttendance::Unknown)] == 4);
}

TEST_CASE("matrix: homework on time within 48 h of the end, late after, missing once overdue; a retracted one does not count")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 1, 4);
    record(s, "h1", "homework_submitted", kEnd1 + 47 * kHourMs, at_lesson("s1", "c1-l1"));
    record(s, "h2", "homework_submitted", kEnd1 + 50 * kHourMs, at_lesson("s2", "c1-l1"));
    record(s, "h4", "homework_submitted", kEnd1 + kHourMs, at_lesson("s4", "c1-l1"));
    must(s, "event.retract", {{"id", "r4"}, {"eventId", "h4"}, {"at", kEnd1 + 2 * kHourMs}, {"by", "t1"}, {"reason", "wrong student"}});

    auto early = build_student_lesson_matrix(s, {"k1"}, kEnd1 + 10 * kHourMs);
    CHECK(early.at(2, 0).homework == CellHomework::NotDue);

    auto m = build_student_lesson_matrix(s, {"k1"}, kEnd1 + 60 * kHourMs);
    CHECK(m.at(0, 0).homework == CellHomework::OnTime);
    CHECK(m.at(1, 0).homework == CellHomework::Late);
    CHECK(m.at(2, 0).homework == CellHomework::Missing);
    CHECK(m.at(3, 0).homework == CellHomework::Missing);
}

TEST_CASE("matrix: the grade is the latest S / A / B of the lesson, none before grading; texels carry all three")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 2, 3);
    record(s, "h1", "homework_submitted", kEnd1 + kHourMs, at_lesson("s1", "c1-l1"));
    record(s, "g1", "grade", kEnd1 + 2 * kHourMs, at_lesson("s1", "c1-l1", {{"value", "B"}}));
    record(s, "g1b", "grade", kEnd1 + 3 * kHourMs, at_lesson("s1", "c1-l1", {{"value", "S"}}));
    record(s, "g2", "grade", kEnd1 + 2 * kHourMs, at_lesson("s2", "c1-l1", {{"value", "A"}}));
    record(s, "g3", "grade", kEnd1 + 2 * kHourMs, at_lesson("s3", "c1-l1", {{"value", "B"}}));
    record(s, "in1", "class_entry", kLesson1, at_lesson("s1", "c1-l1"));

    auto m = build_student_lesson_matrix(s, {"k1"}, kEnd1 + 4 * kHourMs);
    CHECK(m.at(0, 0).grade == CellGrade::S);
    CHECK(m.at(1, 0).grade == CellGrade::A);
    CHECK(m.at(2, 0).grade == CellGrade::B);
    CHECK(m.at(0, 1).grade == CellGrade::None);

    auto texels = pack_matrix_texels(m);
    REQUIRE(texels.size() == m.cells.size() * 4);
    CHECK(texels[0] == uint8_t(CellAttendance::Attended));
    CHECK(texels[1] == uint8_t(CellHomework::OnTime));
    CHECK(texels[2] == uint8_t(CellGrade::S));
    CHECK(texels[3] == 255);
    size_t s2_l1 = size_t(1 * m.columns + 0) * 4;
    CHECK(texels[s2_l1 + 2] == uint8_t(CellGrade::A));
}

TEST_CASE("matrix: classes of different lengths share columns; a missing lesson is an empty cell")
{
    State s = small_roster("Asia/Shanghai", kLesson1, 3, 1);
    must(s, "course.upsert", {{"id", "c2"}, {"name", "Short"}});
    must(s, "lesson.upsert", {{"id", "c2-l1"}, {"courseId", "c2"}, {"number", 1}, {"title", "Only"},
                              {"start", kLesson1}, {"end", kEnd1}, {"lecturerId", "l1"}});
    must(s, "class.upsert", {{"id", "k2"}, {"courseId", "c2"}, {"tutorId", "t1"}, {"name", "Class 2"}});
    must(s, "student.upsert", {{"id", "s9"}, {"name", "Another"}, {"parentPhone", "139"}});
    must(s, "enrolment.upsert", {{"id", "e9"}, {"studentId", "s9"}, {"classId", "k2"}, {"enrolledAt", kLesson1 - kDayMs}});
    auto m = build_student_lesson_matrix(s, {"k2", "k1"}, kLesson1);
    REQUIRE(m.rows.size() == 2);
    CHECK(m.rows[0].class_id == "k2");
    CHECK(m.columns == 3);
    CHECK(m.at(0, 0).exists);
    CHECK_FALSE(m.at(0, 1).exists);
    CHECK(m.at(1, 2).exists);
    CHECK(m.lesson_id(0, 0) == "c2-l1");
    CHECK(pack_matrix_texels(m)[(0 * 3 + 1) * 4 + 3] == 0);
}

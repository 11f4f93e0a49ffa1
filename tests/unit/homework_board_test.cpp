#include <doctest/doctest.h>

#include "core/homework_board.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kStart = utc_ms(2026, 3, 7, 6, 0);  // lesson 1: 06:00–08:00 UTC
const TimeMs kEnd = kStart + 2 * kHourMs;

ClassLesson first_lesson(const State& s) { return class_lessons(s, {"k1"}).front(); }
const HomeworkRow& row_of(const HomeworkBoard& b, const std::string& sid) {
    for (const auto& r : b.rows)
        if (r.student_id == sid) return r;
    FAIL("no row for " << sid);
    return b.rows.front();
}
}  // namespace

TEST_CASE("homework board: submitted first in time order, the missing after, counts and grades")
{
    State s = small_roster("Asia/Shanghai", kStart, 2, 4);
    record(s, "h3", "homework_submitted", kEnd + 2 * kHourMs, {{"studentId", "s3"}, {"lessonId", "c1-l1"}});
    record(s, "h1", "homework_submitted", kEnd + 5 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "hx", "homework_submitted", kEnd + 9 * kDayMs, {{"studentId", "s2"}, {"lessonId", "c1-l2"}});
    record(s, "g3", "grade", kEnd + 6 * kHourMs, {{"studentId", "s3"}, {"lessonId", "c1-l1"}, {"value", "B"}, {"text", "ok"}});
    record(s, "f3", "feedback_sent", kEnd + 7 * kHourMs, {{"studentId", "s3"}, {"lessonId", "c1-l1"}});
    const HomeworkBoard b = homework_board(s, first_lesson(s), kEnd + 30 * kHourMs);
    REQUIRE(b.rows.size() == 4);
    CHECK(b.rows[0].student_id == "s3");
    CHECK(b.rows[1].student_id == "s1");
    CHECK(b.rows[2].student_id == "s2");  // another lesson's work does not count
    CHECK(b.rows[3].student_id == "s4");
    CHECK(b.submitted == 2);
    CHECK(b.remaining == 2);
    CHECK(b.graded == 1);
    CHECK(b.feedback_sent == 1);
    CHECK(b.feedback_viewed == 0);
    CHECK(row_of(b, "s3").grade == "B");
    CHECK(row_of(b, "s3").comment == "ok");
    CHECK(row_of(b, "s1").grade.empty());
    CHECK(grading_queue(b, false) == std::vector<int>{0, 1});
    CHECK(grading_queue(b, true) == std::vector<int>{1});
}

TEST_CASE("homework board: works after `now` and retracted events do not count; a regrade needs new feedback")
{
    State s = small_roster("Asia/Shanghai", kStart, 1, 2);
    record(s, "h1", "homework_submitted", kEnd + kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "h2", "homework_submitted", kEnd + 3 * kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    must(s, "event.retract", {{"id", "r2"}, {"eventId", "h2"}, {"at", kEnd + 4 * kHourMs}, {"by", "t1"}, {"reason", "wrong student"}});
    record(s, "g1", "grade", kEnd + 5 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "A"}});
    record(s, "f1", "feedback_sent", kEnd + 6 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "v1", "feedback_viewed", kEnd + 7 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    HomeworkBoard b = homework_board(s, first_lesson(s), kEnd + 2 * kHourMs);
    CHECK(b.submitted == 1);
    CHECK(b.graded == 0);
    b = homework_board(s, first_lesson(s), kEnd + 8 * kHourMs);
    CHECK(b.submitted == 1);  // s2's work was retracted
    CHECK(row_of(b, "s1").feedback_viewed_at == kEnd + 7 * kHourMs);
    CHECK(b.feedback_viewed == 1);
    record(s, "g1b", "grade", kEnd + 9 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "S"}});
    b = homework_board(s, first_lesson(s), kEnd + 10 * kHourMs);
    CHECK(row_of(b, "s1").grade == "S");
    CHECK(row_of(b, "s1").feedback_sent_at == 0);
    CHECK(b.feedback_sent == 0);
}

TEST_CASE("homework board: the urge reminders at 12/24/36/48 h after the lesson and who gets the urge")
{
    State s = small_roster("Asia/Shanghai", kStart, 1, 3);
    record(s, "h1", "homework_submitted", kEnd + kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    HomeworkBoard b = homework_board(s, first_lesson(s), kEnd + 11 * kHourMs);
    CHECK(b.urges_due == 0);
    CHECK(b.next_urge_at == kEnd + 12 * kHourMs);
    b = homework_board(s, first_lesson(s), kEnd + 24 * kHourMs);
    CHECK(b.urges_due == 2);
    CHECK(b.next_urge_at == kEnd + 36 * kHourMs);
    b = homework_board(s, first_lesson(s), kEnd + 50 * kHourMs);
    CHECK(b.urges_due == 4);
    CHECK(b.next_urge_at == 0);
    CHECK(urge_recipients(b, "") == std::vector<std::string>{"s2", "s3"});
    CHECK(urge_recipients(b, "3") == std::vector<std::string>{"s3"});
    CHECK(urge_recipients(b, "nobody").empty());
}

TEST_CASE("homework board: the leaderboard ranks by grade, then by who submitted first")
{
    State s = small_roster("Asia/Shanghai", kStart, 1, 4);
    const char* grades[] = {"A", "S", "A", "B"};
    for (int i = 1; i <= 4; ++i) {
        const std::string sid = "s" + std::to_string(i);
        record(s, "h" + sid, "homework_submitted", kEnd + i * kHourMs, {{"studentId", sid}, {"lessonId", "c1-l1"}});
        record(s, "g" + sid, "grade", kEnd + 10 * kHourMs, {{"studentId", sid}, {"lessonId", "c1-l1"}, {"value", grades[i - 1]}});
    }
    const auto list = class_leaderboard(homework_board(s, first_lesson(s), kEnd + 20 * kHourMs));
    REQUIRE(list.size() == 4);
    CHECK(list[0].student_id == "s2");
    CHECK(list[1].student_id == "s1");
    CHECK(list[2].student_id == "s3");
    CHECK(list[3].student_id == "s4");
    CHECK(list[3].rank == 4);
}

TEST_CASE("homework board: excellent works are listed newest first with their grade; feedback goes to the graded without it")
{
    State s = small_roster("Asia/Shanghai", kStart, 2, 3);
    record(s, "h1", "homework_submitted", kEnd + kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "h2", "homework_submitted", kEnd + kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    record(s, "g1", "grade", kEnd + 2 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "S"}, {"text", "great"}});
    record(s, "g2", "grade", kEnd + 2 * kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}, {"value", "A"}});
    record(s, "f2", "feedback_sent", kEnd + 3 * kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    record(s, "x1", "excellent_work", kEnd + 90 * kMinuteMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"text", "tidy code"}});
    record(s, "x2", "excellent_work", kEnd + 5 * kHourMs, {{"studentId", "s2"}, {"lessonId", "c1-l1"}});
    const MutationResult refused = apply(s, Mutation{"event.record", {{"id", "x3"}, {"kind", "excellent_work"}, {"at", kEnd}, {"studentId", "s3"}}});
    CHECK_FALSE(refused.ok);  // an excellent work is a work of a lesson
    CHECK(refused.reason.find("lessonId") != std::string::npos);
    must(s, "event.retract", {{"id", "r2"}, {"eventId", "x2"}, {"at", kEnd + 6 * kHourMs}, {"by", "t1"}, {"reason", "wrong student"}});

    const HomeworkBoard b = homework_board(s, first_lesson(s), kEnd + 7 * kHourMs);
    CHECK(row_of(b, "s1").excellent);
    CHECK_FALSE(row_of(b, "s2").excellent);  // retracted
    const auto works = excellent_works(s, {"k1"}, kEnd + 7 * kHourMs);
    REQUIRE(works.size() == 1);
    CHECK(works[0].student_id == "s1");
    CHECK(works[0].grade == "S");  // chosen before it was graded
    CHECK(works[0].comment == "great");
    CHECK(works[0].why == "tidy code");
    CHECK(excellent_works(s, {"k1"}, kEnd + 5 * kHourMs + 30 * kMinuteMs).size() == 2);  // before the retraction

    const auto targets = feedback_targets(b);
    REQUIRE(targets.size() == 1);
    CHECK(targets[0]->student_id == "s1");
}

// The lesson view's board: per student survey, reply, marks, reminders, calls and the live class.
#include <doctest/doctest.h>

#include "core/lesson_board.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {

const TimeMs kStart = utc_ms(2025, 3, 3, 11, 0);  // lesson 1; lesson 2 a week later

void queue_survey(State& s, const std::string& id, const std::string& student, const std::string& lesson, TimeMs at)
{
    must(s, "message.queue", {{"id", id}, {"kind", "survey"}, {"studentId", student}, {"lessonId", lesson},
                              {"recipient", {{"role", "parent"}, {"address", "138"}}}, {"channel", "sms"},
                              {"text", "can you come?"}, {"templateId", "survey.pre_attendance"}, {"at", at}});
}

void deliver(State& s, const std::string& id, TimeMs at)
{
    must(s, "message.attempt", {{"id", id}, {"at", at}, {"outcome", "delivered"}});
}

const LessonBoardRow& row(const LessonBoard& b, const std::string& student)
{
    for (const auto& r : b.rows)
        if (r.student_id == student) return r;
    FAIL("no row for " << student);
    return b.rows.front();
}

}  // namespace

TEST_CASE("lesson board: survey replies become attend, leave, unclear; the rest is no reply")
{
    State s = small_roster("Asia/Shanghai", kStart, 2, 4);
    const std::string lesson = "c1-l2";
    const TimeMs sent = kStart + 7 * kDayMs - 5 * kHourMs;
    for (const char* st : {"s1", "s2", "s3", "s4"}) queue_survey(s, std::string("q-") + st, st, lesson, sent);
    for (const char* st : {"s1", "s2", "s3"}) deliver(s, std::string("q-") + st, sent + 1000);
    record(s, "r1", "reply", sent + kHourMs, {{"studentId", "s1"}, {"text", "1"}, {"refId", "sent:q-s1"}});
    record(s, "m1", "attendance_mark", sent + kHourMs,
           {{"studentId", "s1"}, {"lessonId", lesson}, {"value", "attend"}, {"source", "reply"}, {"refId", "r1"}});
    record(s, "r2", "reply", sent + kHourMs, {{"studentId", "s2"}, {"text", "请假"}, {"refId", "sent:q-s2"}});
    record(s, "m2", "attendance_mark", sent + kHourMs,
           {{"studentId", "s2"}, {"lessonId", lesson}, {"value", "leave"}, {"source", "reply"}, {"refId", "r2"}});
    record(s, "r3", "reply", sent + kHourMs, {{"studentId", "s3"}, {"text", "可能晚到"}, {"refId", "sent:q-s3"}});

    const LessonBoard b = build_lesson_board(s, "k1", lesson, sent + 2 * kHourMs);
    REQUIRE(b.rows.size() == 4);
    CHECK(row(b, "s1").status == AttendanceStatus::Attend);
    CHECK(row(b, "s2").status == AttendanceStatus::Leave);
    CHECK(row(b, "s3").status == AttendanceStatus::Unclear);
    CHECK(row(b, "s3").reply_text == "可能晚到");
    CHECK(row(b, "s4").status == AttendanceStatus::NoReply);
    CHECK(row(b, "s4").survey.state == MessageState::Queued);
    CHECK(row(b, "s1").survey.state == MessageState::Delivered);
    CHECK(row(b, "s1").survey_event_at == sent + 1000);
    CHECK(b.counts.attend == 1);
    CHECK(b.counts.leave == 1);
    CHECK(b.counts.unclear == 1);
    CHECK(b.counts.no_reply == 1);
    CHECK(b.counts.surveyed == 4);

    SUBCASE("a survey for another lesson does not count") {
        const LessonBoard other = build_lesson_board(s, "k1", "c1-l1", sent + 2 * kHourMs);
        CHECK(other.counts.surveyed == 0);
        CHECK(other.counts.no_reply == 4);
    }
    SUBCASE("the tutor's mark overrides the reply, and a retracted mark no longer does") {
        record(s, "man", "attendance_mark", sent + 3 * kHourMs,
               {{"studentId", "s2"}, {"lessonId", lesson}, {"value", "attend"}, {"source", "manual"}});
        LessonBoard o = build_lesson_board(s, "k1", lesson, sent + 3 * kHourMs);
        CHECK(row(o, "s2").status == AttendanceStatus::Attend);
        CHECK(row(o, "s2").manual);
        CHECK(row(o, "s2").reply_text == "请假");
        must(s, "event.retract", {{"id", "x1"}, {"eventId", "man"}, {"at", sent + 4 * kHourMs}, {"by", "t1"},
                                  {"reason", "wrong student"}});
        o = build_lesson_board(s, "k1", lesson, sent + 4 * kHourMs);
        CHECK(row(o, "s2").status == AttendanceStatus::Leave);
        CHECK_FALSE(row(o, "s2").manual);
    }
    SUBCASE("a later unclear reply after a mark makes the student unclear again") {
        record(s, "r1b", "reply", sent + 2 * kHourMs, {{"studentId", "s1"}, {"text", "1还是0"}, {"refId", "sent:q-s1"}});
        CHECK(row(build_lesson_board(s, "k1", lesson, sent + 2 * kHourMs), "s1").status == AttendanceStatus::Unclear);
    }
    SUBCASE("events after now are not seen yet") {
        CHECK(build_lesson_board(s, "k1", lesson, sent).counts.attend == 0);
    }
}

TEST_CASE("lesson board: the forecast adds the class's historical show-up share of the unanswered")
{
    State s = small_roster("Asia/Shanghai", kStart, 2, 4);
    // Lesson 1 is history: 3 of 4 entered class.
    for (const char* st : {"s1", "s2", "s3"})
        record(s, std::string("in1-") + st, "class_entry", kStart + kMinuteMs, {{"studentId", st}, {"lessonId", "c1-l1"}});
    CHECK(attendance_history_rate(s, "k1", kStart + 7 * kDayMs) == doctest::Approx(0.75));
    CHECK(attendance_history_rate(s, "k1", kStart) == doctest::Approx(0.5));  // nothing before the first lesson
    const std::string lesson = "c1-l2";
    record(s, "mk", "attendance_mark", kStart + 6 * kDayMs,
           {{"studentId", "s1"}, {"lessonId", lesson}, {"value", "attend"}, {"source", "manual"}});
    record(s, "ml", "attendance_mark", kStart + 6 * kDayMs,
           {{"studentId", "s2"}, {"lessonId", lesson}, {"value", "leave"}, {"source", "manual"}});
    const LessonBoard b = build_lesson_board(s, "k1", lesson, kStart + 6 * kDayMs);
    CHECK(b.show_up_rate == doctest::Approx(0.75));
    CHECK(b.forecast == 1 + 2);  // attend 1 + round(2 unanswered x 0.75) = 1 + 2
}

TEST_CASE("lesson board: reminders, automatic calls, logged calls, entry, drop-out, interaction")
{
    State s = small_roster("Asia/Shanghai", kStart, 2, 3);
    const std::string lesson = "c1-l1";
    must(s, "message.queue", {{"id", "rem-s1"}, {"kind", "reminder"}, {"studentId", "s1"},
                              {"recipient", {{"role", "parent"}}}, {"channel", "sms"}, {"text", "tomorrow"},
                              {"taskInstanceId", "remind_attend/c1-l1/k1"}, {"at", kStart - 15 * kHourMs}});
    deliver(s, "rem-s1", kStart - 15 * kHourMs + 1000);
    must(s, "message.queue", {{"id", "rem-other"}, {"kind", "reminder"}, {"studentId", "s2"},
                              {"recipient", {{"role", "parent"}}}, {"channel", "sms"}, {"text", "tomorrow"},
                              {"taskInstanceId", "remind_attend/c1-l2/k1"}, {"at", kStart - 15 * kHourMs}});
    must(s, "message.queue", {{"id", "call-s2"}, {"kind", "reminder"}, {"studentId", "s2"},
                              {"recipient", {{"role", "parent"}}}, {"channel", "call"}, {"text", "starts soon"},
                              {"taskInstanceId", "call_late/c1-l1/k1"}, {"at", kStart + 15 * kMinuteMs}});
    record(s, "c-s2", "call", kStart + 17 * kMinuteMs,
           {{"studentId", "s2"}, {"lessonId", lesson}, {"durationSec", 40}, {"value", "reached"}});
    record(s, "c-old", "call", kStart - 3 * kDayMs, {{"studentId", "s3"}, {"durationSec", 300}, {"value", "reached"}});
    record(s, "in-s1", "class_entry", kStart - 5 * kMinuteMs, {{"studentId", "s1"}, {"lessonId", lesson}});
    record(s, "in-s2", "class_entry", kStart + 20 * kMinuteMs, {{"studentId", "s2"}, {"lessonId", lesson}});
    record(s, "out-s2", "class_dropout", kStart + 50 * kMinuteMs, {{"studentId", "s2"}, {"lessonId", lesson}});
    record(s, "hi-s1", "interaction", kStart + 30 * kMinuteMs,
           {{"studentId", "s1"}, {"lessonId", lesson}, {"value", "highlight"}});

    const TimeMs now = kStart + 52 * kMinuteMs;
    const LessonBoard b = build_lesson_board(s, "k1", lesson, now);
    CHECK(row(b, "s1").reminder.state == MessageState::Delivered);
    CHECK_FALSE(row(b, "s2").reminder.exists());  // its reminder is about the next lesson
    CHECK(row(b, "s2").auto_call.exists());
    CHECK(row(b, "s2").calls == 1);
    CHECK(row(b, "s2").last_call_outcome == "reached");
    CHECK(row(b, "s3").calls == 0);  // a call days before is not about this lesson
    CHECK(row(b, "s1").in_class);
    CHECK(row(b, "s1").interaction == "highlight");
    CHECK_FALSE(row(b, "s2").in_class);
    CHECK(row(b, "s2").dropped_at == kStart + 50 * kMinuteMs);
    CHECK(b.counts.entered == 2);
    CHECK(b.counts.in_class == 1);
    CHECK(b.counts.dropped == 1);
    CHECK(b.counts.reminded == 1);

    record(s, "back-s2", "class_entry", kStart + 53 * kMinuteMs, {{"studentId", "s2"}, {"lessonId", lesson}});
    const LessonBoard back = build_lesson_board(s, "k1", lesson, kStart + 54 * kMinuteMs);
    CHECK(row(back, "s2").in_class);
    CHECK(row(back, "s2").dropped_at == 0);
    CHECK(row(back, "s2").entered_at == kStart + 20 * kMinuteMs);
}

TEST_CASE("lesson board: unknown class or lesson gives an empty board")
{
    State s = small_roster("Asia/Shanghai", kStart, 1, 2);
    CHECK(build_lesson_board(s, "nope", "c1-l1", kStart).rows.empty());
    CHECK(build_lesson_board(s, "k1", "nope", kStart).rows.empty());
}

TEST_CASE("lesson board: the survey goes once to whoever has none standing; a failed one may be sent again")
{
    State s = small_roster("Asia/Shanghai", kStart, 2, 4);
    const std::string lesson = "c1-l2";
    const TimeMs sent = kStart + 7 * kDayMs - 5 * kHourMs;
    queue_survey(s, "q-s1", "s1", lesson, sent);
    queue_survey(s, "q-s2", "s2", lesson, sent);
    must(s, "message.cancel", {{"id", "q-s2"}, {"at", sent + 10}});
    queue_survey(s, "q-s3", "s3", "c1-l1", sent);  // about another lesson: s3 still needs this one
    LessonBoard b = build_lesson_board(s, "k1", lesson, sent + kMinuteMs);
    std::vector<std::string> ids;
    for (const LessonBoardRow* r : survey_targets(b)) ids.push_back(r->student_id);
    CHECK(ids == std::vector<std::string>{"s2", "s3", "s4"});

    const AttendanceStatus leave = AttendanceStatus::Leave;
    record(s, "ml", "attendance_mark", sent + 2 * kMinuteMs,
           {{"studentId", "s4"}, {"lessonId", lesson}, {"value", "leave"}, {"source", "manual"}});
    b = build_lesson_board(s, "k1", lesson, sent + 3 * kMinuteMs);
    REQUIRE(survey_targets(b, &leave).size() == 1);
    CHECK(survey_targets(b, &leave)[0]->student_id == "s4");
    // The reminder list leaves out who is on leave.
    ids.clear();
    for (const LessonBoardRow* r : reminder_targets(b)) ids.push_back(r->student_id);
    CHECK(ids == std::vector<std::string>{"s1", "s2", "s3"});
}

TEST_CASE("lesson board: a drop-out's 5-minute follow-up is open until a call is logged or the student is back")
{
    State s = small_roster("Asia/Shanghai", kStart, 2, 2);
    const std::string lesson = "c1-l1";
    record(s, "in-s1", "class_entry", kStart, {{"studentId", "s1"}, {"lessonId", lesson}});
    record(s, "out-s1", "class_dropout", kStart + 30 * kMinuteMs, {{"studentId", "s1"}, {"lessonId", lesson}});
    record(s, "c-early", "call", kStart + 10 * kMinuteMs,
           {{"studentId", "s1"}, {"lessonId", lesson}, {"durationSec", 30}, {"value", "reached"}});
    LessonBoard b = build_lesson_board(s, "k1", lesson, kStart + 32 * kMinuteMs);
    DropOutFollowUp f = drop_out_follow_up(row(b, "s1"), kStart + 32 * kMinuteMs);
    CHECK(f.open);  // the call before the drop-out does not answer it
    CHECK(f.left_ms == 3 * kMinuteMs);
    CHECK(drop_out_follow_up(row(b, "s1"), kStart + 36 * kMinuteMs).left_ms == -kMinuteMs);
    CHECK_FALSE(drop_out_follow_up(row(b, "s2"), kStart + 32 * kMinuteMs).open);  // never entered

    record(s, "c-after", "call", kStart + 33 * kMinuteMs,
           {{"studentId", "s1"}, {"lessonId", lesson}, {"durationSec", 60}, {"value", "unreached"}});
    b = build_lesson_board(s, "k1", lesson, kStart + 34 * kMinuteMs);
    CHECK(row(b, "s1").last_call_outcome == "unreached");
    CHECK(row(b, "s1").last_call_at == kStart + 33 * kMinuteMs);
    CHECK_FALSE(drop_out_follow_up(row(b, "s1"), kStart + 34 * kMinuteMs).open);
}

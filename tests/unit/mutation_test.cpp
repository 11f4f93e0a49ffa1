#include <doctest/doctest.h>

#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
std::string reject(State& s, const std::string& name, Json args)
{
    auto before = state_to_json(s);
    auto r = apply(s, Mutation{name, std::move(args)});
    CHECK_FALSE(r.ok);
    CHECK(state_to_json(s) == before);  // a rejected mutation changes nothing
    return r.reason;
}
}  // namespace

TEST_CASE("invalid mutations are rejected with a reason and leave the state alone")
{
    auto s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0));
    CHECK(reject(s, "student.delete_all", {}) == "unknown mutation \"student.delete_all\"");
    CHECK(reject(s, "org.configure", {{"id", "o1"}, {"timeZone", "Mars/Olympus"}}) ==
          "args/timeZone: unknown time zone \"Mars/Olympus\" (expected an IANA name such as Asia/Shanghai)");
    CHECK(reject(s, "user.upsert", {{"id", "t9"}, {"role", "tutor"}}) == "tutor t9 needs a manager (args/managerId)");
    CHECK(reject(s, "user.upsert", {{"id", "t9"}, {"role", "tutor"}, {"managerId", "t1"}}) ==
          "args/managerId: t1 is not a manager");
    CHECK(reject(s, "lesson.upsert", {{"id", "x"}, {"courseId", "c1"}, {"number", 1}, {"start", 10}, {"end", 5}}) ==
          "args/end: a lesson must end after it starts");
    CHECK(reject(s, "class.upsert", {{"id", "k2"}, {"courseId", "c1"}, {"tutorId", "m1"}}) ==
          "args/tutorId: m1 is not a tutor");
    CHECK(reject(s, "enrolment.upsert", {{"id", "e9"}, {"studentId", "nobody"}, {"classId", "k1"}, {"enrolledAt", 0}}) ==
          "args/studentId: no student nobody");
    CHECK(reject(s, "event.record", {{"id", "g"}, {"kind", "grade"}, {"at", 1}, {"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "C"}}) ==
          "args/value: a grade needs one of S, A, B, got \"C\"");
    CHECK(reject(s, "event.record", {{"id", "g"}, {"kind", "homework_submitted"}, {"at", 1}, {"studentId", "s1"}}) ==
          "args/lessonId: a homework_submitted event belongs to a lesson");
    CHECK(reject(s, "event.record", {{"id", "r"}, {"kind", "refund_decision"}, {"at", 1}, {"studentId", "s1"}, {"value", "retain"}}) ==
          "args/reason: record why the student was retained or refunded");
    CHECK(reject(s, "task.snooze", {{"instanceId", "i"}, {"at", 1}, {"until", 9}}) == "args/reason: say why the task is snoozed");
    CHECK(reject(s, "event.record", {{"id", "n"}, {"kind", "note"}, {"at", "yesterday"}}) == "args/at: expected a whole number");
    CHECK(s.version == 16);  // 16 accepted mutations built the roster; rejections do not count
}

TEST_CASE("the same mutations give the same state (replay on client and server)")
{
    auto a = small_roster("America/New_York", utc_ms(2026, 3, 7, 19, 0));
    auto b = small_roster("America/New_York", utc_ms(2026, 3, 7, 19, 0));
    record(a, "ev1", "refund_requested", 100, {{"studentId", "s1"}, {"reason", "too hard"}});
    record(b, "ev1", "refund_requested", 100, {{"studentId", "s1"}, {"reason", "too hard"}});
    CHECK(state_to_json(a) == state_to_json(b));
    CHECK_FALSE(apply(a, Mutation{"event.record", {{"id", "ev1"}, {"kind", "note"}, {"at", 1}}}).ok);  // ids are unique
}

TEST_CASE("a refund decision marks the enrolment refunded; task actions keep history")
{
    auto s = small_roster("Asia/Shanghai", 0);
    record(s, "d1", "refund_decision", 50, {{"studentId", "s2"}, {"value", "refund"}, {"reason", "moved abroad"}});
    CHECK(s.enrolments.at("e2").status == EnrolmentStatus::Refunded);
    CHECK(s.enrolments.at("e1").status == EnrolmentStatus::Active);
    must(s, "task.snooze", {{"instanceId", "i1"}, {"at", 10}, {"until", 20}, {"reason", "busy"}});
    must(s, "task.done", {{"instanceId", "i1"}, {"at", 30}, {"by", "t1"}});
    const auto& r = s.task_records.at("i1");
    CHECK(r.done);
    CHECK(r.snoozed_until == 0);
    REQUIRE(r.history.size() == 2);
    CHECK(r.history[0].action == TaskAction::Snooze);
    CHECK(r.history[1].by == "t1");
}

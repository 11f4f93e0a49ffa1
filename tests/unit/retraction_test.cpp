#include <doctest/doctest.h>

#include "core/conditions.h"
#include "core/dataset_replay.h"
#include "core/reply_parser.h"
#include "roster_fixture.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);

std::string retract(State& s, const std::string& id, const std::string& event_id, TimeMs at, const std::string& reason)
{
    return apply(s, {"event.retract", {{"id", id}, {"eventId", event_id}, {"at", at}, {"by", "t1"}, {"reason", reason}}}).reason;
}

int history_size(const State& s, const std::string& student, TimeMs now)
{
    return int(EventHistory(s, now).of(student).size());
}
}  // namespace

TEST_CASE("a mistaken event is retracted with a reason, and both stay in history")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    record(s, "hw", "homework_submitted", kLesson1 + 3 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    TimeMs noticed = kLesson1 + 5 * kHourMs;
    CHECK(retract(s, "r1", "hw", noticed, "") == "args/reason: say why the event is retracted");
    CHECK(retract(s, "r1", "nope", noticed, "x") == "args/eventId: no event nope");
    CHECK(retract(s, "r1", "hw", kLesson1, "x") == "args/at: an event cannot be retracted before it happened");
    CHECK(retract(s, "r1", "hw", noticed, "submitted by s2, not s1") == "");
    CHECK(retract(s, "r2", "hw", noticed, "again") == "args/eventId: event hw was already retracted by r1");
    CHECK(retract(s, "r2", "r1", noticed, "undo") ==
          "args/eventId: r1 is a retraction; record the event again instead of retracting it");
    CHECK(retract(s, "r1", "hw", noticed, "x") == "args/id: event r1 was already recorded");
    auto direct = apply(s, {"event.record", {{"id", "r3"}, {"kind", "retraction"}, {"at", noticed}, {"studentId", "s1"}, {"refId", "hw"}}});
    CHECK(direct.reason == "args/kind: a retraction is recorded with the mutation event.retract");

    const Event* r1 = find_event(s, "r1");
    REQUIRE(r1);
    CHECK(r1->kind == EventKind::Retraction);
    CHECK(r1->ref_id == "hw");
    CHECK(r1->student_id == "s1");
    CHECK(r1->actor_id == "t1");
    CHECK(r1->reason == "submitted by s2, not s1");
    CHECK(find_event(s, "hw") != nullptr);  // kept, for the record
    // Readers of history see the submission until the retraction, and neither afterwards.
    CHECK(history_size(s, "s1", noticed - 1) == 1);
    CHECK(history_size(s, "s1", noticed) == 0);
}

TEST_CASE("retracting a refund decision gives the student their enrolment back")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    record(s, "rq", "refund_requested", kLesson1, {{"studentId", "s1"}, {"reason", "时间冲突"}});
    record(s, "d1", "refund_decision", kLesson1 + kHourMs, {{"studentId", "s1"}, {"value", "refund"}, {"reason", "家长坚持"}});
    REQUIRE(s.enrolments.at("e1").status == EnrolmentStatus::Refunded);
    CHECK(retract(s, "r1", "d1", kLesson1 + 2 * kHourMs, "clicked refund instead of retain") == "");
    CHECK(s.enrolments.at("e1").status == EnrolmentStatus::Active);
    // The dataset with its retraction replays to the same state through the mutator.
    auto j = state_to_json(s);
    auto imported = import_dataset(j);
    REQUIRE(imported.error.empty());
    auto back = state_to_json(imported.state);
    back.erase("version");
    j.erase("version");
    CHECK(back == j);
}

TEST_CASE("a retracted manual attendance mark no longer overrides the parent's reply")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    TimeMs sent = utc_ms(2026, 3, 5, 11, 0);
    record(s, "sv", "message_sent", sent, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"channel", "dingtalk"},
                                           {"value", "survey.pre_attendance"}});
    record(s, "mk", "attendance_mark", sent + kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "leave"}});
    record(s, "rp", "reply", sent + 2 * kHourMs, {{"studentId", "s1"}, {"refId", "sv"}, {"text", "1"}});
    CHECK(decide_reply(s, *find_event(s, "rp")).outcome == ReplyOutcome::ManualMarkStands);
    CHECK(retract(s, "r1", "mk", sent + 3 * kHourMs, "marked the wrong student") == "");
    CHECK(decide_reply(s, *find_event(s, "rp")).outcome == ReplyOutcome::Mark);
}

TEST_CASE("tasks triggered by a retracted event disappear from the schedule")
{
    auto s = small_roster("Asia/Shanghai", kLesson1);
    record(s, "hw", "homework_submitted", kLesson1 + 3 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    auto tpl = builtin("tutor");
    auto triggered_by_hw = [&](TimeMs now) {
        int n = 0;
        for (const auto& t : schedule_at(s, tpl, now, INT64_MIN, true).tasks) n += t.event_id == "hw";
        return n;
    };
    CHECK(triggered_by_hw(kLesson1 + 4 * kHourMs) > 0);  // grade it
    REQUIRE(retract(s, "r1", "hw", kLesson1 + 5 * kHourMs, "another student's work") == "");
    CHECK(triggered_by_hw(kLesson1 + 4 * kHourMs) > 0);  // as it looked before the retraction
    CHECK(triggered_by_hw(kLesson1 + 6 * kHourMs) == 0);
}

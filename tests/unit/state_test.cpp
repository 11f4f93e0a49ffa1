#include <doctest/doctest.h>

#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

TEST_CASE("a dataset round-trips through JSON unchanged")
{
    auto s = small_roster("Asia/Shanghai", utc_ms(2026, 3, 7, 6, 0));
    record(s, "ev1", "call", utc_ms(2026, 3, 1, 2, 0), {{"studentId", "s1"}, {"durationSec", 200}, {"value", "reached"}});
    record(s, "ev2", "grade", utc_ms(2026, 3, 8, 2, 0), {{"studentId", "s2"}, {"lessonId", "c1-l1"}, {"value", "B"}});
    must(s, "task.snooze", {{"instanceId", "x:1"}, {"at", 5}, {"until", 10}, {"reason", "parent abroad"}, {"by", "t1"}});
    auto j = state_to_json(s);
    State back;
    REQUIRE(state_from_json(j, back) == "");
    CHECK(state_to_json(back) == j);
    CHECK(back.students.size() == 3);
    CHECK(back.lessons.at("c1-l2").start == utc_ms(2026, 3, 14, 6, 0));
    CHECK(back.events.at(1).kind == EventKind::Grade);
    CHECK(find_event(back, "ev2")->value == "B");
    CHECK(back.task_records.at("x:1").snooze_reason == "parent abroad");
    CHECK(back.organisation.quiet_hours.start_minute == 21 * 60);
}

TEST_CASE("reading a broken dataset names the place and the problem")
{
    auto j = state_to_json(small_roster("Asia/Shanghai", 0));
    State out;
    j["students"][1]["name"] = 5;
    CHECK(state_from_json(j, out) == "/students/1/name: expected a string");
    j["students"][1]["name"] = "x";
    j["students"][1]["nmae"] = "typo";
    CHECK(state_from_json(j, out) == "/students/1/nmae: unknown field");
    j["students"][1].erase("nmae");
    j["events"] = Json::array({{{"id", "a"}, {"kind", "teleport"}, {"at", 1}}});
    CHECK(state_from_json(j, out) == "/events/0/kind: expected one of: call, message_sent, reply, attendance_mark, "
                                     "class_entry, class_dropout, homework_submitted, grade, feedback_sent, "
                                     "feedback_viewed, correction, refund_requested, refund_decision, renewal_step, "
                                     "note, ticket_opened, ticket_resolved, handoff, visit, material_mailed, "
                                     "wechat_added, training_accepted");
}

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
                                     "wechat_added, training_accepted, interaction, complaint, excellent_work, retraction");
}

#include "core/dataset_replay.h"
#include "core/demo.h"

TEST_CASE("a dataset imports by replaying it through the mutator, and bad references are caught")
{
    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    o.students_per_tutor = 15;
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    must(demo.state, "task.snooze", {{"instanceId", "x/1/s1-001"}, {"at", 1}, {"until", 2}, {"reason", "r"}});
    auto j = state_to_json(demo.state);
    auto imported = import_dataset(j);
    REQUIRE(imported.error.empty());
    auto back = state_to_json(imported.state);
    back.erase("version");
    j.erase("version");
    CHECK(back == j);
    j["events"][5]["studentId"] = "ghost";
    CHECK(import_dataset(j).error.find("): args/studentId: no student ghost") != std::string::npos);
}

// A message the outbox sends is also the student's message_sent event: recorded once, by the
// first attempt that makes it sent or delivered, with the lesson and template the metrics, the
// refund risk and the reply parser read; it syncs to the tutor like any event about the student,
// and the timeline shows the message once.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/outbox.h"
#include "core/state.h"
#include "core/student_timeline.h"
#include "roster_fixture.h"
#include "sync_world.h"

using namespace wb;
using namespace wb::test;

namespace {

const TimeMs kT0 = utc_ms(2026, 3, 7, 6, 0);

Json survey_args(const std::string& id, const std::string& student, const std::string& lesson)
{
    return {{"id", id},
            {"kind", "survey"},
            {"studentId", student},
            {"lessonId", lesson},
            {"recipient", {{"role", "parent"}, {"address", "13800000000"}}},
            {"channel", "sms"},
            {"text", "明天 19:00 上课，能来吗？回复1能来，0请假"},
            {"templateId", "survey.pre_attendance"},
            {"at", kT0}};
}

Json attempt(const std::string& id, TimeMs at, const std::string& outcome, Json extra = Json::object())
{
    extra["id"] = id;
    extra["at"] = at;
    extra["outcome"] = outcome;
    return extra;
}

int sent_events(const State& s, const std::string& message_id)
{
    return static_cast<int>(std::count_if(s.events.begin(), s.events.end(), [&](const Event& e) {
        return e.kind == EventKind::MessageSent && e.ref_id == message_id;
    }));
}

}  // namespace

TEST_CASE("the first send records the message_sent event once, with the lesson and template; a delivery report adds none")
{
    State s = small_roster("Asia/Shanghai", kT0 + kDayMs);
    must(s, "message.queue", survey_args("sv", "s1", "c1-l1"));
    CHECK(s.messages.at("sv").lesson_id == "c1-l1");
    CHECK(sent_events(s, "sv") == 0);  // queued is not sent

    must(s, "message.attempt", attempt("sv", kT0 + 500, "failed_retryable", {{"error", "HTTP 500"}, {"nextAttemptAt", kT0 + 1000}}));
    CHECK(sent_events(s, "sv") == 0);  // a failed try is not a send
    must(s, "message.attempt", attempt("sv", kT0 + 2000, "sent"));
    REQUIRE(sent_events(s, "sv") == 1);
    const Event* e = find_event(s, "sent:sv");
    REQUIRE(e != nullptr);
    CHECK(e->kind == EventKind::MessageSent);
    CHECK(e->at == kT0 + 2000);
    CHECK(e->student_id == "s1");
    CHECK(e->lesson_id == "c1-l1");
    CHECK(e->channel == "sms");
    CHECK(e->value == "survey.pre_attendance");
    CHECK(e->text == "明天 19:00 上课，能来吗？回复1能来，0请假");
    CHECK(e->ref_id == "sv");
    CHECK(e->source == EventSource::Auto);

    must(s, "message.attempt", attempt("sv", kT0 + 9000, "delivered"));
    CHECK(sent_events(s, "sv") == 1);
    CHECK(find_event(s, "sent:sv")->at == kT0 + 2000);  // when it went out, not when it arrived

    // Delivered straight away: the event is at the delivery.
    must(s, "message.queue", survey_args("sv2", "s2", "c1-l2"));
    must(s, "message.attempt", attempt("sv2", kT0 + 3000, "delivered"));
    REQUIRE(find_event(s, "sent:sv2") != nullptr);
    CHECK(find_event(s, "sent:sv2")->at == kT0 + 3000);
    CHECK(find_event(s, "sent:sv2")->lesson_id == "c1-l2");
}

TEST_CASE("no message_sent event for a message about no student, a held or failed message; an unknown lesson is refused")
{
    State s = small_roster("Asia/Shanghai", kT0 + kDayMs);
    must(s, "message.queue", {{"id", "esc"}, {"kind", "escalation"}, {"recipient", {{"role", "manager"}, {"userId", "m1"}}},
                              {"channel", "sms"}, {"text", "退费申请 5 小时未处理"}, {"at", kT0}});
    must(s, "message.attempt", attempt("esc", kT0 + 1000, "sent"));
    CHECK(find_event(s, "sent:esc") == nullptr);

    must(s, "message.queue", survey_args("held", "s1", "c1-l1"));
    must(s, "message.attempt", attempt("held", kT0 + 1000, "held", {{"heldReason", "quota"}, {"nextAttemptAt", kT0 + kDayMs}}));
    must(s, "message.attempt", attempt("held", kT0 + kDayMs, "failed_permanent", {{"error", "HTTP 400 bad number"}}));
    CHECK(find_event(s, "sent:held") == nullptr);

    const size_t events = s.events.size();
    auto r = apply(s, Mutation{"message.queue", survey_args("x", "s1", "no-such-lesson")});
    CHECK_FALSE(r.ok);
    CHECK(r.reason.find("args/lessonId: no lesson no-such-lesson") != std::string::npos);
    CHECK(s.messages.count("x") == 0);
    CHECK(s.events.size() == events);
}

TEST_CASE("the message_sent event syncs to the student's tutor with the message, and to no other tutor")
{
    SyncWorld w;
    sync::ClientReplica t1("t1-dev"), t2("t2-dev");
    Json args = survey_args("m-s1", "s1", "l1");
    args["by"] = "t1";
    w.system(mut("message.queue", args), "scheduler");
    w.pull_all(t1, "t1");
    w.pull_all(t2, "t2");
    w.system(mut("message.attempt", attempt("m-s1", kT0 + 1000, "sent")), "outbox-worker");
    w.pull_all(t1, "t1");
    w.pull_all(t2, "t2");
    const Event* e = find_event(t1.view(), "sent:m-s1");
    REQUIRE(e != nullptr);
    CHECK(e->lesson_id == "l1");
    CHECK(e->value == "survey.pre_attendance");
    CHECK(e->actor_id == "t1");
    CHECK(t1.view().messages.at("m-s1").state == MessageState::Sent);
    CHECK(find_event(t2.view(), "sent:m-s1") == nullptr);

    // The delivery report changes the message row only.
    w.system(mut("message.attempt", attempt("m-s1", kT0 + 2000, "delivered")), "outbox-worker");
    w.pull_all(t1, "t1");
    CHECK(sent_events(t1.view(), "m-s1") == 1);
    CHECK(t1.view().messages.at("m-s1").state == MessageState::Delivered);
}

TEST_CASE("the timeline shows a sent message once, as the message; a message_sent recorded by hand stays")
{
    State s = small_roster("Asia/Shanghai", kT0 + kDayMs);
    must(s, "message.queue", survey_args("sv", "s1", "c1-l1"));
    must(s, "message.attempt", attempt("sv", kT0 + 2000, "sent"));
    record(s, "by-hand", "message_sent", kT0 - kHourMs,
           {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"channel", "dingtalk"}, {"value", "survey.pre_attendance"}});
    REQUIRE(find_event(s, "sent:sv") != nullptr);

    auto t = student_timeline(s, "s1");
    REQUIRE(t.size() == 2);
    CHECK(t[0].message_id == "sv");
    CHECK(t[0].summary.key == "outbox.survey.sent");
    CHECK(t[1].event_id == "by-hand");
    for (const auto& entry : t) CHECK(entry.event_id != "sent:sv");
}

#include <doctest/doctest.h>

#include "core/refund_case.h"
#include "core/roster.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

TEST_CASE("refund cases: the escalation stage follows the template's 5 h / 20 h / 24 h")
{
    const TimeMs t0 = utc_ms(2026, 3, 2, 2, 0);
    CHECK(refund_stage_at(t0, t0) == RefundStage::Open);
    CHECK(refund_stage_at(t0, t0 + 5 * kHourMs - 1) == RefundStage::Open);
    CHECK(refund_stage_at(t0, t0 + 5 * kHourMs) == RefundStage::Escalated);
    CHECK(refund_stage_at(t0, t0 + 20 * kHourMs - 1) == RefundStage::Escalated);
    CHECK(refund_stage_at(t0, t0 + 20 * kHourMs) == RefundStage::LastReminder);
    CHECK(refund_stage_at(t0, t0 + 24 * kHourMs) == RefundStage::Expired);
}

TEST_CASE("refund cases: open until a decision, with countdown, for the tutor's and manager's students")
{
    const TimeMs start = utc_ms(2026, 3, 2, 10, 0);
    State s = small_roster("Asia/Shanghai", start, 2, 3);
    const TimeMs asked = start + kDayMs;
    record(s, "rq1", "refund_requested", asked, {{"studentId", "s1"}, {"reason", "too hard"}, {"actorId", "t1"}});
    record(s, "rq2", "refund_requested", asked + kHourMs, {{"studentId", "s2"}, {"reason", "schedule"}});

    auto cases = open_refund_cases(s, nullptr, asked + 6 * kHourMs);
    REQUIRE(cases.size() == 2);
    CHECK(cases[0].student_id == "s1");  // nearest deadline first
    CHECK(cases[0].reason == "too hard");
    CHECK(cases[0].requested_by == "t1");
    CHECK(cases[0].remaining_ms == 18 * kHourMs);
    CHECK(cases[0].stage == RefundStage::Escalated);
    CHECK(cases[1].stage == RefundStage::Escalated);  // s2 asked an hour later: exactly 5 h
    CHECK(open_refund_cases(s, nullptr, asked + 5 * kHourMs + 30 * kMinuteMs)[1].stage == RefundStage::Open);
    CHECK(cases[0].manager_notified_at == 0);

    // A request before `now` only: the clock decides what is known.
    CHECK(open_refund_cases(s, nullptr, asked + 30 * 60 * 1000).size() == 1);

    // The manager sees the team's requests through the classes they see.
    const auto team = students_of_classes(s, visible_class_ids(s, "m1"));
    CHECK(open_refund_cases(s, &team, asked + 6 * kHourMs).size() == 2);
    const std::set<std::string> only_s3{"s3"};
    CHECK(open_refund_cases(s, &only_s3, asked + 6 * kHourMs).empty());

    // The server's escalation message to the manager is the recorded escalation.
    must(s, "message.queue", {{"id", "fire/x#2/dingtalk"}, {"kind", "escalation"}, {"studentId", "s1"},
                              {"recipient", {{"role", "manager"}, {"userId", "m1"}}}, {"channel", "dingtalk"},
                              {"text", "s1 wants a refund"}, {"at", asked + 5 * kHourMs}});
    cases = open_refund_cases(s, nullptr, asked + 6 * kHourMs);
    CHECK(cases[0].manager_notified_at == asked + 5 * kHourMs);
    CHECK(cases[1].manager_notified_at == 0);

    // A decision closes the case; a second request while open is refused.
    CHECK(refund_request_refusal(s, "s1", asked + 6 * kHourMs) == "refunds.refused.already_open");
    CHECK(refund_request_refusal(s, "s3", asked + 6 * kHourMs).empty());
    CHECK(refund_decision_refusal(s, "s3", asked + 6 * kHourMs) == "refunds.refused.not_open");
    record(s, "rd1", "refund_decision", asked + 7 * kHourMs, {{"studentId", "s1"}, {"value", "retain"}, {"reason", "talked"}});
    cases = open_refund_cases(s, nullptr, asked + 8 * kHourMs);
    REQUIRE(cases.size() == 1);
    CHECK(cases[0].student_id == "s2");

    // Retracting the decision reopens the request.
    must(s, "event.retract", {{"id", "rt1"}, {"eventId", "rd1"}, {"reason", "wrong student"}, {"at", asked + 9 * kHourMs}});
    CHECK(open_refund_cases(s, nullptr, asked + 10 * kHourMs).size() == 2);
}

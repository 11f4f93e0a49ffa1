// Parents' replies posted by a channel: matched to their children by phone or parent id, recorded
// as reply events answering the latest pre-attendance survey, and turned into an attendance mark
// only within the 8-hour window, never over a manual mark; the same reply twice records once.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/inbound_reply.h"
#include "core/state.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {

const TimeMs kLesson = utc_ms(2026, 3, 8, 11, 0);  // 19:00 in Shanghai
const TimeMs kSent = kLesson - 20 * kHourMs;         // the survey, the evening before

// s1's parent has a phone written the long way and a WeChat id; s2 and s3 are siblings.
State roster()
{
    State s = small_roster("Asia/Shanghai", kLesson);
    must(s, "student.upsert", {{"id", "s1"}, {"name", "Student 1"}, {"parentPhone", "+86 138-0000-0001"}, {"wechat", "wx-p1"}});
    must(s, "student.upsert", {{"id", "s2"}, {"name", "Student 2"}, {"parentPhone", "139 0000 0002"}});
    must(s, "student.upsert", {{"id", "s3"}, {"name", "Student 3"}, {"parentPhone", "13900000002"}});
    return s;
}

void survey(State& s, const std::string& id, const std::string& student, TimeMs at = kSent)
{
    record(s, id, "message_sent", at,
           {{"studentId", student}, {"lessonId", "c1-l1"}, {"channel", "sms"}, {"value", "survey.pre_attendance"}});
}

InboundReply from_phone(const std::string& phone, const std::string& text, TimeMs at, const std::string& external = "")
{
    return InboundReply{"sms-in", phone, "", text, at, external};
}

// Plans the reply and applies what it says to record; returns the plan.
InboundPlan receive(State& s, const InboundReply& r)
{
    InboundPlan plan = plan_inbound_reply(s, r);
    REQUIRE_MESSAGE(plan.error.empty(), plan.error);
    for (const auto& p : plan.replies)
        for (const auto& m : p.mutations) must(s, m.name, m.args);
    return plan;
}

std::vector<const Event*> marks(const State& s, const std::string& student)
{
    std::vector<const Event*> out;
    for (const auto& e : s.events)
        if (e.kind == EventKind::AttendanceMark && e.student_id == student && e.lesson_id == "c1-l1") out.push_back(&e);
    return out;
}

}  // namespace

TEST_CASE("inbound: a clear reply within 8 hours of the survey is recorded and marks the lesson")
{
    State s = roster();
    survey(s, "sv1", "s1");
    InboundPlan plan = receive(s, from_phone("13800000001", "好的，准时参加", kSent + 2 * kHourMs));
    REQUIRE(plan.replies.size() == 1);
    const PlannedReply& p = plan.replies[0];
    CHECK(p.student_id == "s1");
    CHECK(p.outcome == ReplyOutcome::Mark);
    CHECK(p.mark == "attend");
    CHECK(p.survey_event_id == "sv1");
    CHECK_FALSE(p.already_recorded);

    const Event* reply = find_event(s, p.event_id);
    REQUIRE(reply != nullptr);
    CHECK(reply->kind == EventKind::Reply);
    CHECK(reply->ref_id == "sv1");
    CHECK(reply->text == "好的，准时参加");
    CHECK(reply->at == kSent + 2 * kHourMs);
    CHECK(reply->channel == "sms-in");
    CHECK(reply->source == EventSource::Auto);
    auto m = marks(s, "s1");
    REQUIRE(m.size() == 1);
    CHECK(m[0]->value == "attend");
    CHECK(m[0]->source == EventSource::Reply);
    CHECK(m[0]->ref_id == p.event_id);
}

TEST_CASE("inbound: a reply outside the window is recorded but leaves the mark as it was")
{
    State s = roster();
    survey(s, "sv1", "s1");
    receive(s, from_phone("13800000001", "1", kSent + kHourMs));
    REQUIRE(marks(s, "s1").size() == 1);

    InboundPlan late = receive(s, from_phone("13800000001", "请假", kSent + 8 * kHourMs + kMinuteMs));
    REQUIRE(late.replies.size() == 1);
    CHECK(late.replies[0].outcome == ReplyOutcome::OutsideWindow);
    CHECK(late.replies[0].mark.empty());
    CHECK(late.replies[0].mutations.size() == 1);  // the reply only
    const Event* reply = find_event(s, late.replies[0].event_id);
    REQUIRE(reply != nullptr);
    CHECK(reply->text == "请假");
    CHECK(reply->ref_id == "sv1");
    auto m = marks(s, "s1");
    REQUIRE(m.size() == 1);
    CHECK(m[0]->value == "attend");

    // Exactly at 8 hours still counts.
    survey(s, "sv2", "s2");
    InboundPlan edge = receive(s, InboundReply{"sms-in", "", "s2", "0", kSent + 8 * kHourMs, ""});
    REQUIRE(edge.replies.size() == 1);
    CHECK(edge.replies[0].outcome == ReplyOutcome::Mark);
    CHECK(edge.replies[0].mark == "leave");
}

TEST_CASE("inbound: an unclear reply and a reply over a manual mark record no mark")
{
    State s = roster();
    survey(s, "sv1", "s1");
    InboundPlan unclear = receive(s, from_phone("13800000001", "可能晚到", kSent + kHourMs));
    CHECK(unclear.replies.at(0).outcome == ReplyOutcome::Unclear);
    CHECK(unclear.replies.at(0).mutations.size() == 1);
    CHECK(marks(s, "s1").empty());

    record(s, "manual", "attendance_mark", kSent + 2 * kHourMs,
           {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "leave"}, {"actorId", "t1"}});
    InboundPlan over = receive(s, from_phone("13800000001", "能来", kSent + 3 * kHourMs));
    CHECK(over.replies.at(0).outcome == ReplyOutcome::ManualMarkStands);
    CHECK(find_event(s, over.replies.at(0).event_id) != nullptr);
    auto m = marks(s, "s1");
    REQUIRE(m.size() == 1);
    CHECK(m[0]->id == "manual");
}

TEST_CASE("inbound: siblings sharing a phone each get the reply, against their own survey")
{
    State s = roster();
    survey(s, "sv2", "s2");
    survey(s, "sv3", "s3", kSent + 10 * kMinuteMs);
    InboundPlan plan = receive(s, from_phone("139-0000-0002", "可以", kSent + kHourMs));
    REQUIRE(plan.replies.size() == 2);
    CHECK(plan.replies[0].student_id == "s2");
    CHECK(plan.replies[1].student_id == "s3");
    CHECK(plan.replies[0].event_id != plan.replies[1].event_id);
    CHECK(plan.replies[0].survey_event_id == "sv2");
    CHECK(plan.replies[1].survey_event_id == "sv3");
    CHECK(marks(s, "s2").size() == 1);
    CHECK(marks(s, "s3").size() == 1);
    CHECK(marks(s, "s1").empty());
}

TEST_CASE("inbound: the same reply twice records once and answers the same")
{
    State s = roster();
    survey(s, "sv1", "s1");
    InboundPlan first = receive(s, from_phone("13800000001", "1", kSent + kHourMs, "ext-42"));
    const size_t events = s.events.size();
    // Posted again (later, with another time): the recorded reply stands.
    InboundPlan again = receive(s, from_phone("+8613800000001", "1", kSent + 9 * kHourMs, "ext-42"));
    REQUIRE(again.replies.size() == 1);
    CHECK(again.replies[0].event_id == first.replies[0].event_id);
    CHECK(again.replies[0].already_recorded);
    CHECK(again.replies[0].mutations.empty());
    CHECK(again.replies[0].outcome == ReplyOutcome::Mark);
    CHECK(again.replies[0].mark == "attend");
    CHECK(s.events.size() == events);

    // Without an external id the time and text make the id: equal replies are one, others are not.
    InboundPlan a = receive(s, from_phone("13800000001", "好的", kSent + 2 * kHourMs));
    InboundPlan b = plan_inbound_reply(s, from_phone("13800000001", "好的", kSent + 2 * kHourMs));
    InboundPlan c = plan_inbound_reply(s, from_phone("13800000001", "好的！", kSent + 2 * kHourMs));
    CHECK(b.replies.at(0).event_id == a.replies.at(0).event_id);
    CHECK(b.replies.at(0).mutations.empty());
    CHECK(c.replies.at(0).event_id != a.replies.at(0).event_id);
}

TEST_CASE("inbound: the sender is found by phone digits or parent id; an unknown sender is an error naming it")
{
    State s = roster();
    auto students = [&](const std::string& phone, const std::string& parent_id) {
        return students_of_sender(s, InboundReply{"sms-in", phone, parent_id, "1", kSent, ""});
    };
    using Ids = std::vector<std::string>;
    CHECK(students("13800000001", "") == Ids{"s1"});
    CHECK(students("+86 138-0000-0001", "") == Ids{"s1"});
    CHECK(students("0086 138 0000 0001", "") == Ids{"s1"});
    CHECK(students("(138) 0000-0001", "") == Ids{"s1"});
    CHECK(students("", "wx-p1") == Ids{"s1"});
    CHECK(students("", "s3") == Ids{"s3"});
    CHECK(students("13900000002", "") == Ids{"s2", "s3"});
    CHECK(students("38000000001", "").empty());  // digits must match whole
    CHECK(students("", "").empty());
    CHECK(phone_digits("+86 138-0000-0001") == "13800000001");
    CHECK(phone_digits("010-1234-5678") == "01012345678");  // a landline keeps its area code

    InboundPlan unknown = plan_inbound_reply(s, from_phone("13811112222", "1", kSent));
    CHECK(unknown.replies.empty());
    CHECK(unknown.error.find("13811112222") != std::string::npos);
}

TEST_CASE("inbound: a reply to no survey is recorded all the same, answering nothing")
{
    State s = roster();
    survey(s, "later", "s1", kSent + 5 * kHourMs);  // sent after the reply: not what it answers
    InboundPlan plan = receive(s, from_phone("13800000001", "老师好，孩子今天发烧了", kSent + kHourMs));
    REQUIRE(plan.replies.size() == 1);
    CHECK(plan.replies[0].outcome == ReplyOutcome::NotASurveyReply);
    CHECK(plan.replies[0].survey_event_id.empty());
    const Event* reply = find_event(s, plan.replies[0].event_id);
    REQUIRE(reply != nullptr);
    CHECK(reply->ref_id.empty());
    CHECK(reply->text == "老师好，孩子今天发烧了");
    CHECK(marks(s, "s1").empty());

    // A retracted survey is not answered either.
    survey(s, "sv-wrong", "s1", kSent);
    must(s, "event.retract", {{"id", "r1"}, {"eventId", "sv-wrong"}, {"at", kSent + kMinuteMs}, {"by", "t1"}, {"reason", "wrong lesson"}});
    InboundPlan after = receive(s, from_phone("13800000001", "1", kSent + 2 * kHourMs));
    CHECK(after.replies.at(0).outcome == ReplyOutcome::NotASurveyReply);
}

TEST_CASE("inbound: a student writing from their own phone is recorded as the student's, never a mark")
{
    State s = roster();
    must(s, "student.upsert", {{"id", "s1"}, {"name", "Student 1"}, {"parentPhone", "+86 138-0000-0001"},
                               {"studentPhone", "150 0000 0001"}});
    survey(s, "sv1", "s1");
    // Within the survey's window and as clear as can be: still the student's words, not the parent's answer.
    InboundPlan plan = receive(s, from_phone("15000000001", "老师我能来", kSent + kHourMs));
    REQUIRE(plan.replies.size() == 1);
    const PlannedReply& p = plan.replies[0];
    CHECK(p.student_id == "s1");
    CHECK(p.outcome == ReplyOutcome::FromStudent);
    CHECK(p.mark.empty());
    CHECK(p.survey_event_id.empty());
    const Event* reply = find_event(s, p.event_id);
    REQUIRE(reply != nullptr);
    CHECK(reply->value == "student");
    CHECK(reply->ref_id.empty());
    CHECK(reply->text == "老师我能来");
    CHECK(marks(s, "s1").empty());
    CHECK(students_by_own_phone(s, from_phone("+86 15000000001", "", 0)) == std::vector<std::string>{"s1"});

    // The parent's phone wins when a student's own phone is also a parent's (a child on the family phone).
    must(s, "student.upsert", {{"id", "s2"}, {"name", "Student 2"}, {"parentPhone", "15000000001"}});
    InboundPlan family = plan_inbound_reply(s, from_phone("15000000001", "1", kSent + 2 * kHourMs));
    REQUIRE(family.replies.size() == 1);
    CHECK(family.replies[0].student_id == "s2");
    CHECK(family.replies[0].outcome != ReplyOutcome::FromStudent);

    // An unknown phone is still an error, naming where a sender may be found.
    InboundPlan unknown = plan_inbound_reply(s, from_phone("15999999999", "?", kSent));
    CHECK(unknown.error.find("studentPhone") != std::string::npos);
}

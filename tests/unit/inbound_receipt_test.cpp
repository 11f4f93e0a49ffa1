// A channel's delivery and read reports: a sent message becomes delivered (or failed) by a delivery
// report, a read one-click feedback to a parent records feedback_viewed once and turns the
// homework board's row to "viewed"; late, repeated and contradicting reports are told apart.
#include <doctest/doctest.h>

#include "core/class_lessons.h"
#include "core/homework_board.h"
#include "core/inbound_receipt.h"
#include "core/state.h"
#include "roster_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {

const TimeMs kLesson = utc_ms(2026, 3, 8, 11, 0);
const TimeMs kGraded = kLesson + 30 * kHourMs;

Json feedback_args(const std::string& id, const std::string& role = "parent", const std::string& kind = "feedback")
{
    return Json{{"id", id}, {"kind", kind}, {"studentId", "s1"}, {"lessonId", "c1-l1"},
                {"recipient", {{"role", role}, {"address", "13800000001"}}}, {"channel", "sms"},
                {"text", "作业已批改：A"}, {"templateId", "feedback.homework"}, {"at", kGraded}, {"by", "t1"}};
}

// s1 handed in lesson 1's homework, was graded A and the feedback (message msg1) was queued.
State graded_with_feedback()
{
    State s = small_roster("Asia/Shanghai", kLesson);
    record(s, "sub1", "homework_submitted", kLesson + 2 * kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}});
    record(s, "g1", "grade", kGraded - kHourMs, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"value", "A"}});
    must(s, "message.queue", feedback_args("msg1"));
    record(s, "fb1", "feedback_sent", kGraded, {{"studentId", "s1"}, {"lessonId", "c1-l1"}, {"refId", "msg1"}});
    return s;
}

void sent(State& s, const std::string& id, TimeMs at)
{
    must(s, "message.attempt", {{"id", id}, {"at", at}, {"outcome", "sent"}});
}

ReceiptPlan receive(State& s, const std::string& id, ReceiptStatus status, TimeMs at, const std::string& channel = "sms")
{
    ReceiptPlan p = plan_inbound_receipt(s, InboundReceipt{channel, id, status, at, ""});
    for (const Mutation& m : p.mutations) must(s, m.name, m.args);
    return p;
}

const HomeworkRow& s1_row(const State& s, TimeMs now)
{
    static HomeworkBoard board;
    const auto lessons = class_lessons(s, std::vector<std::string>{"k1"});
    REQUIRE_FALSE(lessons.empty());
    board = homework_board(s, lessons.front(), now);
    const HomeworkRow* r = nullptr;
    for (const HomeworkRow& row : board.rows)
        if (row.student_id == "s1") r = &row;
    REQUIRE(r != nullptr);
    return *r;
}

}  // namespace

TEST_CASE("a read receipt of a parent's feedback: delivered, feedback_viewed once, the board says viewed")
{
    State s = graded_with_feedback();
    sent(s, "msg1", kGraded + kMinuteMs);
    CHECK(s1_row(s, kGraded + kHourMs).feedback_viewed_at == 0);
    CHECK(s1_row(s, kGraded + kHourMs).feedback_message_id == "msg1");

    const TimeMs read_at = kGraded + 3 * kHourMs;
    ReceiptPlan p = receive(s, "msg1", ReceiptStatus::Read, read_at);
    CHECK(p.error.empty());
    REQUIRE(p.mutations.size() == 2);
    CHECK(p.mutations[0].name == "message.attempt");
    CHECK(p.mutations[1].name == "event.record");
    CHECK(p.viewed_event_id == "viewed:msg1");
    CHECK(s.messages.at("msg1").state == MessageState::Delivered);
    CHECK(s.messages.at("msg1").delivered_at == read_at);
    const Event* viewed = find_event(s, "viewed:msg1");
    REQUIRE(viewed != nullptr);
    CHECK(viewed->kind == EventKind::FeedbackViewed);
    CHECK(viewed->lesson_id == "c1-l1");
    CHECK(viewed->ref_id == "msg1");
    CHECK(s1_row(s, read_at + kHourMs).feedback_viewed_at == read_at);

    // The same report again, or a delivery report after it: nothing more to record, no error.
    ReceiptPlan again = receive(s, "msg1", ReceiptStatus::Read, read_at + kMinuteMs);
    CHECK(again.error.empty());
    CHECK(again.mutations.empty());
    CHECK(again.viewed_event_id == "viewed:msg1");
    CHECK(receive(s, "msg1", ReceiptStatus::Delivered, read_at).mutations.empty());
}

TEST_CASE("a delivered message read later records only the viewed event, at the channel's time")
{
    State s = graded_with_feedback();
    must(s, "message.attempt", {{"id", "msg1"}, {"at", kGraded + kMinuteMs}, {"outcome", "delivered"}});
    ReceiptPlan p = receive(s, "msg1", ReceiptStatus::Read, kGraded + 5 * kHourMs);
    REQUIRE(p.mutations.size() == 1);
    const Event* viewed = find_event(s, "viewed:msg1");
    REQUIRE(viewed != nullptr);
    CHECK(viewed->at == kGraded + 5 * kHourMs);
}

TEST_CASE("a gateway's early clock: the delivery report keeps the history in order, the view is not before the message")
{
    State s = graded_with_feedback();
    sent(s, "msg1", kGraded + 10 * kMinuteMs);
    ReceiptPlan p = receive(s, "msg1", ReceiptStatus::Read, kGraded - kHourMs);  // before it was even queued
    REQUIRE(p.mutations.size() == 2);
    CHECK(s.messages.at("msg1").delivered_at == kGraded + 10 * kMinuteMs);
    const Event* viewed = find_event(s, "viewed:msg1");
    REQUIRE(viewed != nullptr);
    CHECK(viewed->at == kGraded);
}

TEST_CASE("a read receipt of anything but a parent's feedback is a delivery report only")
{
    State s = graded_with_feedback();
    must(s, "message.queue", feedback_args("to-student", "student"));
    must(s, "message.queue", feedback_args("urge", "parent", "urge"));
    for (const char* id : {"to-student", "urge"}) {
        sent(s, id, kGraded + kMinuteMs);
        ReceiptPlan p = receive(s, id, ReceiptStatus::Read, kGraded + kHourMs);
        CHECK(p.error.empty());
        CHECK(p.viewed_event_id.empty());
        REQUIRE(p.mutations.size() == 1);
        CHECK(s.messages.at(id).state == MessageState::Delivered);
    }
    CHECK(s1_row(s, kGraded + 2 * kHourMs).feedback_viewed_at == 0);
}

TEST_CASE("a failure report fails a sent message with the channel's reason; contradicting reports are refused")
{
    State s = graded_with_feedback();
    sent(s, "msg1", kGraded + kMinuteMs);
    ReceiptPlan failed = plan_inbound_receipt(s, {"sms", "msg1", ReceiptStatus::Failed, kGraded + kHourMs, "number out of service"});
    REQUIRE(failed.mutations.size() == 1);
    must(s, failed.mutations[0].name, failed.mutations[0].args);
    CHECK(s.messages.at("msg1").state == MessageState::Failed);
    CHECK(s.messages.at("msg1").last_error == "number out of service");

    ReceiptPlan read = plan_inbound_receipt(s, {"sms", "msg1", ReceiptStatus::Read, kGraded + 2 * kHourMs, ""});
    CHECK(read.refusal == ReceiptRefusal::Contradicts);
    CHECK(read.error.find("msg1 is failed (number out of service)") != std::string::npos);
    CHECK(read.mutations.empty());
    CHECK(plan_inbound_receipt(s, {"sms", "msg1", ReceiptStatus::Failed, kGraded, ""}).mutations.empty());

    State d = graded_with_feedback();
    must(d, "message.attempt", {{"id", "msg1"}, {"at", kGraded + kMinuteMs}, {"outcome", "delivered"}});
    ReceiptPlan late = plan_inbound_receipt(d, {"sms", "msg1", ReceiptStatus::Failed, kGraded + kHourMs, ""});
    CHECK(late.refusal == ReceiptRefusal::Contradicts);
    CHECK(late.error.find("cannot fail afterwards") != std::string::npos);
}

TEST_CASE("a receipt for a message not sent yet, not this channel's or unknown is refused with the reason")
{
    State s = graded_with_feedback();
    ReceiptPlan queued = plan_inbound_receipt(s, {"sms", "msg1", ReceiptStatus::Read, kGraded + kHourMs, ""});
    CHECK(queued.refusal == ReceiptRefusal::NotSent);
    CHECK(queued.error.find("msg1 is queued") != std::string::npos);
    sent(s, "msg1", kGraded + kMinuteMs);
    ReceiptPlan other = plan_inbound_receipt(s, {"wecom", "msg1", ReceiptStatus::Read, kGraded + kHourMs, ""});
    CHECK(other.refusal == ReceiptRefusal::UnknownMessage);
    CHECK(other.error == "/messageId: no message msg1 was handed to channel wecom");
    CHECK(plan_inbound_receipt(s, {"sms", "nope", ReceiptStatus::Read, kGraded, ""}).refusal == ReceiptRefusal::UnknownMessage);
    must(s, "message.queue", feedback_args("msg2"));
    must(s, "message.cancel", {{"id", "msg2"}, {"at", kGraded + kMinuteMs}, {"by", "t1"}});
    CHECK(plan_inbound_receipt(s, {"sms", "msg2", ReceiptStatus::Delivered, kGraded + kHourMs, ""}).refusal ==
          ReceiptRefusal::Contradicts);
}

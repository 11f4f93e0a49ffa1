#pragma once
// The outbox: every outbound message (survey, reminder, urge, feedback, escalation to a manager)
// is a record, created by the mutation message.queue (works offline in the browser) and delivered
// by the server, which records each try with message.attempt. The message id is its idempotency
// key: a channel is handed a message at most once it has been sent, and a message in a final state
// (delivered, failed, cancelled) takes no further attempt, so "never sent twice" is a rule of the
// data, checked by the mutator, not a habit of the worker.
//
//   queued ──attempt sent──> sent ──attempt delivered / failed_permanent──> delivered / failed
//     │  └─attempt delivered / failed_permanent──> delivered / failed
//     │  └─attempt failed_retryable──> queued (attempts + 1, nextAttemptAt, lastError)
//     │  └─attempt held──> held (heldReason, nextAttemptAt) ──attempt ...──> as from queued
//     └─cancel (queued or held only)──> cancelled
//
// The first attempt that makes a message about a student sent (or delivered) also records the
// event message_sent "sent:<message id>" (outbox_sent_event), so a message the server delivered
// counts in metrics, conditions, refund risk and the reply parser exactly like one recorded by hand.
#include <string>
#include <vector>

#include "core/event.h"
#include "core/model.h"
#include "core/phrase.h"

namespace wb {

enum class MessageKind { Survey, Reminder, Urge, Feedback, Escalation, Other };
inline const std::vector<const char*>& enum_names(MessageKind)
{
    static const std::vector<const char*> n{"survey", "reminder", "urge", "feedback", "escalation", "other"};
    return n;
}

enum class MessageState { Queued, Sent, Delivered, Failed, Cancelled, Held };
inline const std::vector<const char*>& enum_names(MessageState)
{
    static const std::vector<const char*> n{"queued", "sent", "delivered", "failed", "cancelled", "held"};
    return n;
}

// Why a message waits without being tried: the channel's quota is used up (e.g. WeCom allows one
// group send per customer per day) or the organisation's quiet hours. Held messages are delayed,
// never dropped.
enum class HeldReason { None, Quota, QuietHours };
inline const std::vector<const char*>& enum_names(HeldReason)
{
    static const std::vector<const char*> n{"none", "quota", "quiet_hours"};
    return n;
}

// What one try at delivering a message came to (message.attempt's "outcome").
enum class AttemptOutcome { Sent, Delivered, FailedRetryable, FailedPermanent, Held };
inline const std::vector<const char*>& enum_names(AttemptOutcome)
{
    static const std::vector<const char*> n{"sent", "delivered", "failed_retryable", "failed_permanent", "held"};
    return n;
}

enum class RecipientRole { Parent, Student, Tutor, Manager };
inline const std::vector<const char*>& enum_names(RecipientRole)
{
    static const std::vector<const char*> n{"parent", "student", "tutor", "manager"};
    return n;
}

struct Recipient {
    RecipientRole role = RecipientRole::Parent;
    std::string user_id;  // a user of the organisation (tutor, manager), or ""
    std::string address;  // phone number, webhook user, group id... as the channel needs it, or ""
};
template <class F> void describe(F& f, Recipient& r)
{
    f("role", r.role, Need::Required);
    f("userId", r.user_id);
    f("address", r.address);
}

// One recorded try, kept for the audit trail.
struct MessageAttempt {
    TimeMs at = 0;
    AttemptOutcome outcome = AttemptOutcome::Sent;
    std::string error;
    TimeMs next_attempt_at = 0;
    HeldReason held_reason = HeldReason::None;
};
template <class F> void describe(F& f, MessageAttempt& a)
{
    f("at", a.at, Need::Required);
    f("outcome", a.outcome, Need::Required);
    f("error", a.error);
    f("nextAttemptAt", a.next_attempt_at);
    f("heldReason", a.held_reason);
}

struct OutboxMessage {
    std::string id;                // also the idempotency key channels receive
    MessageKind kind = MessageKind::Other;
    std::string student_id;        // "" for e.g. an escalation to a manager about no one student
    std::string lesson_id;         // the lesson it is about (a pre-attendance survey), or ""
    Recipient recipient;
    std::string channel;           // a configured channel: "simulated", "webhook", "dingtalk", "wecom", "sms", ...
    std::string text;              // rendered, as the recipient reads it
    std::string template_id;       // the message template it was rendered from, or ""
    std::string task_instance_id;  // the task instance that sent it, or ""
    TimeMs created_at = 0;
    std::string created_by;        // user id, "" when automatic (the server's scheduler)
    MessageState state = MessageState::Queued;
    int attempts = 0;              // requests handed to the channel (held does not count)
    std::string last_error;
    TimeMs next_attempt_at = 0;    // 0: as soon as possible
    HeldReason held_reason = HeldReason::None;
    TimeMs sent_at = 0;
    TimeMs delivered_at = 0;
    TimeMs cancelled_at = 0;
    std::string cancelled_by;
    std::vector<MessageAttempt> history;
};
template <class F> void describe(F& f, OutboxMessage& m)
{
    f("id", m.id, Need::Required);
    f("kind", m.kind, Need::Required);
    f("studentId", m.student_id);
    f("lessonId", m.lesson_id);
    f("recipient", m.recipient, Need::Required);
    f("channel", m.channel, Need::Required);
    f("text", m.text, Need::Required);
    f("templateId", m.template_id);
    f("taskInstanceId", m.task_instance_id);
    f("createdAt", m.created_at, Need::Required);
    f("createdBy", m.created_by);
    f("state", m.state);
    f("attempts", m.attempts);
    f("lastError", m.last_error);
    f("nextAttemptAt", m.next_attempt_at);
    f("heldReason", m.held_reason);
    f("sentAt", m.sent_at);
    f("deliveredAt", m.delivered_at);
    f("cancelledAt", m.cancelled_at);
    f("cancelledBy", m.cancelled_by);
    f("history", m.history);
}

// The longest text a message may carry, in characters (UTF-8 code points): SMS gateways split
// long texts and group robots cut them; 1000 is far above any template's message.
constexpr size_t kMaxMessageChars = 1000;

// The message_sent event that records `message` going out at `at` (the attempt that first made
// it sent or delivered): id "sent:<message id>", the message's student, lesson, channel and text,
// value = its template id, ref_id = the message id, source auto.
Event outbox_sent_event(const OutboxMessage& message, TimeMs at);
// An event about `message` (its student, lesson and channel; ref_id = the message id; source
// auto: the outbox or a channel recorded it, no person did): what outbox_sent_event and a
// channel's receipt (inbound_receipt.h) start from.
Event event_about_message(const OutboxMessage& message, EventKind kind, std::string id, TimeMs at);
// The id outbox_sent_event gives the event of the message `message_id`.
std::string outbox_sent_event_id(const std::string& message_id);

// Delivered, failed (permanently) and cancelled messages take no further attempt.
bool is_final(MessageState state);

// The message as one line of the student's timeline [时间线]: kind, channel, state and attempts,
// e.g. {"outbox.survey.delivered", {channel "wecom", attempts "1"}}; texts in assets/i18n/core.json.
Phrase outbox_summary(const OutboxMessage& message);

// Every key outbox_summary may emit ("outbox.<kind>.<state>"; held splits by its reason).
std::vector<std::string> outbox_phrase_keys();

}  // namespace wb

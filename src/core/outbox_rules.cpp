#include "core/outbox_rules.h"

#include <optional>

#include "core/event_rules.h"
#include "core/outbox.h"

namespace wb {
namespace {

MutationResult bad(const std::string& why) { return MutationResult::rejected(why); }

struct QueueArgs {
    std::string id;
    MessageKind kind = MessageKind::Other;
    std::string student_id;
    std::string lesson_id;
    Recipient recipient;
    std::string channel;
    std::string text;
    std::string template_id;
    std::string task_instance_id;
    TimeMs at = 0;
    std::string by;
};
template <class F> void describe(F& f, QueueArgs& a)
{
    f("id", a.id, Need::Required);
    f("kind", a.kind, Need::Required);
    f("studentId", a.student_id);
    f("lessonId", a.lesson_id);
    f("recipient", a.recipient, Need::Required);
    f("channel", a.channel, Need::Required);
    f("text", a.text, Need::Required);
    f("templateId", a.template_id);
    f("taskInstanceId", a.task_instance_id);
    f("at", a.at, Need::Required);
    f("by", a.by);
}

struct AttemptArgs {
    std::string id;
    TimeMs at = 0;
    AttemptOutcome outcome = AttemptOutcome::Sent;
    std::string error;
    TimeMs next_attempt_at = 0;
    HeldReason held_reason = HeldReason::None;
};
template <class F> void describe(F& f, AttemptArgs& a)
{
    f("id", a.id, Need::Required);
    f("at", a.at, Need::Required);
    f("outcome", a.outcome, Need::Required);
    f("error", a.error);
    f("nextAttemptAt", a.next_attempt_at);
    f("heldReason", a.held_reason);
}

struct CancelArgs {
    std::string id;
    TimeMs at = 0;
    std::string by;
};
template <class F> void describe(F& f, CancelArgs& a)
{
    f("id", a.id, Need::Required);
    f("at", a.at, Need::Required);
    f("by", a.by);
}

size_t utf8_chars(const std::string& s)
{
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // continuation bytes do not start a character
    return n;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string check_queue(const State& s, const QueueArgs& a)
{
    if (a.id.empty()) return "args/id: a message needs an id (it is the message's idempotency key)";
    if (s.messages.count(a.id))
        return "args/id: message " + a.id + " was already queued; a message id is its idempotency key and is never reused";
    if (blank(a.text)) return "args/text: a message needs text";
    if (size_t n = utf8_chars(a.text); n > kMaxMessageChars)
        return "args/text: " + std::to_string(n) + " characters; a message may have at most " +
               std::to_string(kMaxMessageChars);
    if (blank(a.channel)) return "args/channel: name the channel that sends the message";
    if (!a.student_id.empty() && !s.students.count(a.student_id)) return "args/studentId: no student " + a.student_id;
    if (!a.lesson_id.empty() && !s.lessons.count(a.lesson_id))
        return "args/lessonId: no lesson " + a.lesson_id + "; a message about a lesson names one the organisation has";
    const bool to_family = a.recipient.role == RecipientRole::Parent || a.recipient.role == RecipientRole::Student;
    if (to_family && a.student_id.empty())
        return std::string("args/studentId: a message to a ") + to_string(a.recipient.role) + " is about a student";
    if (!a.recipient.user_id.empty() && !s.users.count(a.recipient.user_id))
        return "args/recipient/userId: no user " + a.recipient.user_id;
    if (!a.by.empty() && !s.users.count(a.by)) return "args/by: no user " + a.by;
    return "";
}

std::string check_attempt(const OutboxMessage& m, const AttemptArgs& a)
{
    if (is_final(m.state))
        return "args/id: message " + m.id + " is already " + to_string(m.state) +
               "; a message in a final state takes no further attempt";
    const bool report = a.outcome == AttemptOutcome::Delivered || a.outcome == AttemptOutcome::FailedPermanent;
    if (m.state == MessageState::Sent && !report)
        return "args/outcome: message " + m.id + " was already sent at " + std::to_string(m.sent_at) +
               " and is never sent again; only a delivery report (delivered or failed_permanent) may follow";
    if (a.at < m.created_at) return "args/at: an attempt cannot be before the message was queued";
    if (!m.history.empty() && a.at < m.history.back().at)
        return "args/at: attempts are recorded in order; the last was at " + std::to_string(m.history.back().at);
    const bool failed = a.outcome == AttemptOutcome::FailedRetryable || a.outcome == AttemptOutcome::FailedPermanent;
    if (failed && blank(a.error)) return "args/error: say why the attempt failed";
    const bool waits = a.outcome == AttemptOutcome::FailedRetryable || a.outcome == AttemptOutcome::Held;
    if (waits && a.next_attempt_at <= a.at)
        return std::string("args/nextAttemptAt: a ") + to_string(a.outcome) +
               " attempt says when to try again, after its own time";
    if (!waits && a.next_attempt_at != 0)
        return "args/nextAttemptAt: only a failed_retryable or held attempt sets the next attempt";
    if (a.outcome == AttemptOutcome::Held && a.held_reason == HeldReason::None)
        return "args/heldReason: a held message says why it waits: quota or quiet_hours";
    if (a.outcome != AttemptOutcome::Held && a.held_reason != HeldReason::None)
        return "args/heldReason: only a held attempt has a reason to wait";
    return "";
}

void record_attempt(OutboxMessage& m, const AttemptArgs& a)
{
    // A delivery report after "sent" is news about the same request, not another try.
    const bool report_after_send = m.state == MessageState::Sent;
    if (a.outcome != AttemptOutcome::Held && !report_after_send) ++m.attempts;
    m.next_attempt_at = a.next_attempt_at;
    m.held_reason = a.held_reason;
    switch (a.outcome) {
    case AttemptOutcome::Sent:
        m.state = MessageState::Sent;
        m.sent_at = a.at;
        m.last_error.clear();
        break;
    case AttemptOutcome::Delivered:
        m.state = MessageState::Delivered;
        m.delivered_at = a.at;
        if (m.sent_at == 0) m.sent_at = a.at;
        m.last_error.clear();
        break;
    case AttemptOutcome::FailedRetryable:
        m.state = MessageState::Queued;
        m.last_error = a.error;
        break;
    case AttemptOutcome::FailedPermanent:
        m.state = MessageState::Failed;
        m.last_error = a.error;
        break;
    case AttemptOutcome::Held:
        m.state = MessageState::Held;
        break;
    }
    m.history.push_back({a.at, a.outcome, a.error, a.next_attempt_at, a.held_reason});
}

}  // namespace

MutationResult message_queue(State& s, const Json& args)
{
    QueueArgs a;
    std::string err = read_json(args, a, "args");
    if (err.empty()) err = check_queue(s, a);
    if (!err.empty()) return bad(err);
    OutboxMessage m;
    m.id = a.id;
    m.kind = a.kind;
    m.student_id = a.student_id;
    m.lesson_id = a.lesson_id;
    m.recipient = a.recipient;
    m.channel = a.channel;
    m.text = a.text;
    m.template_id = a.template_id;
    m.task_instance_id = a.task_instance_id;
    m.created_at = a.at;
    m.created_by = a.by;
    s.messages.emplace(m.id, std::move(m));
    return MutationResult::accepted();
}

Mutation attempt_mutation(const std::string& message_id, TimeMs at, AttemptOutcome outcome, const std::string& error,
                          TimeMs next_attempt_at, HeldReason held)
{
    Json args{{"id", message_id}, {"at", at}, {"outcome", to_string(outcome)}};
    if (!error.empty()) args["error"] = error;
    if (next_attempt_at > 0) args["nextAttemptAt"] = next_attempt_at;
    if (held != HeldReason::None) args["heldReason"] = to_string(held);
    return {"message.attempt", std::move(args)};
}

MutationResult message_attempt(State& s, const Json& args)
{
    AttemptArgs a;
    std::string err = read_json(args, a, "args");
    if (!err.empty()) return bad(err);
    auto it = s.messages.find(a.id);
    if (it == s.messages.end()) return bad("args/id: no message " + a.id);
    err = check_attempt(it->second, a);
    if (!err.empty()) return bad(err);
    // The first send of a message about a student is also its message_sent event (outbox.h).
    const bool goes_out = a.outcome == AttemptOutcome::Sent || a.outcome == AttemptOutcome::Delivered;
    std::optional<Event> sent;
    if (goes_out && it->second.sent_at == 0 && !it->second.student_id.empty()) {
        sent = outbox_sent_event(it->second, a.at);
        if (s.event_index.count(sent->id)) {
            sent.reset();  // recorded by hand under this id already: it stands for the send
        } else if (err = check_event(s, *sent); !err.empty()) {
            return bad("message " + a.id + " cannot record its message_sent event: " + err);
        }
    }
    record_attempt(it->second, a);
    if (sent) record_event(s, std::move(*sent));  // checked above: cannot be refused
    return MutationResult::accepted();
}

MutationResult message_cancel(State& s, const Json& args)
{
    CancelArgs a;
    std::string err = read_json(args, a, "args");
    if (!err.empty()) return bad(err);
    auto it = s.messages.find(a.id);
    if (it == s.messages.end()) return bad("args/id: no message " + a.id);
    OutboxMessage& m = it->second;
    if (m.state != MessageState::Queued && m.state != MessageState::Held)
        return bad("args/id: message " + a.id + " is " + to_string(m.state) +
                   "; only a queued or held message can be cancelled");
    if (a.at < m.created_at) return bad("args/at: a message cannot be cancelled before it was queued");
    if (!a.by.empty() && !s.users.count(a.by)) return bad("args/by: no user " + a.by);
    m.state = MessageState::Cancelled;
    m.cancelled_at = a.at;
    m.cancelled_by = a.by;
    m.next_attempt_at = 0;
    m.held_reason = HeldReason::None;
    return MutationResult::accepted();
}

}  // namespace wb

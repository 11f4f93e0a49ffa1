#include "core/inbound_receipt.h"

#include <algorithm>

#include "core/event_rules.h"
#include "core/json_fields.h"
#include "core/outbox.h"
#include "core/outbox_rules.h"

namespace wb {
namespace {

constexpr const char* kDefaultFailure = "the channel reported the message as not delivered";

// Only feedback about a lesson, read by the parent, is "the parent viewed the feedback".
bool is_parent_feedback(const OutboxMessage& m)
{
    return m.kind == MessageKind::Feedback && m.recipient.role == RecipientRole::Parent && !m.student_id.empty() &&
           !m.lesson_id.empty();
}

// The report's time, moved up to the message's last recorded time when the gateway's is earlier.
TimeMs report_time(const OutboxMessage& m, TimeMs at)
{
    TimeMs floor = std::max(m.created_at, m.history.empty() ? 0 : m.history.back().at);
    return std::max(at, floor);
}

ReceiptPlan refuse(ReceiptRefusal why, std::string error)
{
    ReceiptPlan p;
    p.refusal = why;
    p.error = std::move(error);
    return p;
}

std::string state_words(const OutboxMessage& m)
{
    std::string w = "message " + m.id + " is " + to_string(m.state);
    if (m.state == MessageState::Failed && !m.last_error.empty()) w += " (" + m.last_error + ")";
    return w;
}

}  // namespace

std::string receipt_viewed_event_id(const std::string& message_id) { return "viewed:" + message_id; }

ReceiptPlan plan_inbound_receipt(const State& s, const InboundReceipt& r)
{
    auto found = s.messages.find(r.message_id);
    if (found == s.messages.end() || found->second.channel != r.channel_id)
        return refuse(ReceiptRefusal::UnknownMessage,
                      "/messageId: no message " + r.message_id + " was handed to channel " + r.channel_id);
    const OutboxMessage& m = found->second;
    if (m.state == MessageState::Queued || m.state == MessageState::Held)
        return refuse(ReceiptRefusal::NotSent, "/messageId: " + state_words(m) +
                                                   ": it has not been sent yet, so there is nothing to report on");
    if (m.state == MessageState::Cancelled)
        return refuse(ReceiptRefusal::Contradicts, "/messageId: " + state_words(m) + ": it was never sent");
    const TimeMs at = report_time(m, r.at);
    ReceiptPlan p;
    if (r.status == ReceiptStatus::Failed) {
        if (m.state == MessageState::Delivered)
            return refuse(ReceiptRefusal::Contradicts,
                          "/status: " + state_words(m) + " already; a delivered message cannot fail afterwards");
        if (m.state == MessageState::Sent)
            p.mutations.push_back(attempt_mutation(m.id, at, AttemptOutcome::FailedPermanent, r.error.empty() ? kDefaultFailure : r.error));
        return p;
    }
    if (m.state == MessageState::Failed)
        return refuse(ReceiptRefusal::Contradicts, "/status: " + state_words(m) + "; it cannot be " + to_string(r.status));
    if (m.state == MessageState::Sent) p.mutations.push_back(attempt_mutation(m.id, at, AttemptOutcome::Delivered));
    if (r.status == ReceiptStatus::Read && is_parent_feedback(m)) {
        // The parent read it when the channel says (never before it was written); only the
        // delivery report is held to the history's order.
        p.viewed_event_id = receipt_viewed_event_id(m.id);
        if (!find_event(s, p.viewed_event_id))
            p.mutations.push_back(Mutation{"event.record", to_json_value(event_about_message(
                m, EventKind::FeedbackViewed, p.viewed_event_id, std::max(r.at, m.created_at)))});
    }
    return p;
}

}  // namespace wb

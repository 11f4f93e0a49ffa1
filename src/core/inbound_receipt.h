#pragma once
// A channel's report about a message it was handed (POST /api/inbound/<channel>/receipt), turned
// into what to record. Gateways report later what happened to a message: it reached the phone
// (delivered), the recipient opened it (read), or it never arrived (failed). The outbox records
// delivered / failed as a delivery report (message.attempt after "sent"); a read one-click
// feedback to a parent is also the homework board's "家长已查看": the event feedback_viewed
// "viewed:<message id>" for the message's student and lesson.
//
// Reports arrive late, twice and out of order: a report that adds nothing (delivered after read,
// read twice) plans nothing and is not an error; one that contradicts what is recorded (read after
// failed) is refused with the reason. A delivery report's time is never before what the message
// already records (attempts are in order), so a gateway's slow clock cannot reorder the history;
// the parent's view keeps the gateway's time, but not before the message was queued.
#include <string>
#include <vector>

#include "core/mutation.h"
#include "core/state.h"

namespace wb {

enum class ReceiptStatus { Delivered, Read, Failed };
inline const std::vector<const char*>& enum_names(ReceiptStatus)
{
    static const std::vector<const char*> n{"delivered", "read", "failed"};
    return n;
}

struct InboundReceipt {
    std::string channel_id;  // the channel that reports
    std::string message_id;  // the outbox message's id (the idempotency key the channel was given)
    ReceiptStatus status = ReceiptStatus::Delivered;
    TimeMs at = 0;
    std::string error;       // failed: the channel's reason ("" = none given)
};

enum class ReceiptRefusal { None, UnknownMessage, NotSent, Contradicts };

struct ReceiptPlan {
    std::vector<Mutation> mutations;  // message.attempt and/or event.record, in this order
    std::string viewed_event_id;      // the feedback_viewed event (planned or already there), or ""
    ReceiptRefusal refusal = ReceiptRefusal::None;
    std::string error;                // why it is refused, naming the message and its state
};

ReceiptPlan plan_inbound_receipt(const State& state, const InboundReceipt& receipt);

// The id of the feedback_viewed event a read receipt of `message_id` records.
std::string receipt_viewed_event_id(const std::string& message_id);

}  // namespace wb

#pragma once
// When may an outbound message go out? The pure rules the delivery worker asks before each send
// attempt and after each failed one: retry back-off, per-recipient daily quotas (WeCom allows
// one group send per customer per day), and quiet hours. A message that may not go now is HELD
// until a stated instant with a stated reason, never dropped. Time is a parameter; days and
// quiet hours are read in the organisation's time zone.
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/outbox.h"
#include "core/time_zone.h"

namespace wb {

// Back-off between failed attempts: first_delay, then doubling, capped at max_delay. After
// max_attempts attempts the message fails for good.
struct RetryRules {
    TimeMs first_delay_ms = 30 * 1000;
    TimeMs max_delay_ms = 30 * kMinuteMs;
    int max_attempts = 8;
};

// A channel's limits, filled from its configuration.
struct DeliveryRules {
    int max_sends_per_recipient_per_day = 0;  // 0 = no quota
    // The channel's own quiet hours instead of the organisation's (start == end: none at all).
    std::optional<QuietHours> quiet_hours;
    // Message kinds that go out even in quiet hours (e.g. an escalation to a manager).
    std::vector<MessageKind> kinds_exempt_from_quiet_hours;
    RetryRules retry;
};

struct DeliveryDecision {
    bool send_now = true;
    TimeMs hold_until = 0;                // when !send_now: the earliest instant it may go
    HeldReason reason = HeldReason::None;  // why it is held (the first rule that held it)
};

// `organisation_quiet_hours` apply unless the channel has its own; `sends_to_recipient`: when
// this channel sent to the same recipient before (any order).
DeliveryDecision decide_delivery(const DeliveryRules& rules, const QuietHours& organisation_quiet_hours,
                                 const TimeZone& zone, MessageKind kind,
                                 const std::vector<TimeMs>& sends_to_recipient, TimeMs now);

struct RetryDecision {
    bool give_up = false;  // max_attempts reached: the message fails permanently
    TimeMs retry_at = 0;
};

// After `attempts_made` (>= 1) failed attempts, the last one ending at `now`.
RetryDecision next_retry(const RetryRules& rules, int attempts_made, TimeMs now);
// The pause after the n-th failed attempt (n >= 1), capped.
TimeMs retry_delay(const RetryRules& rules, int attempts_made);

}  // namespace wb

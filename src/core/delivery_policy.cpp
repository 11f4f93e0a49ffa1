#include "core/delivery_policy.h"

#include <algorithm>

#include "core/schedule.h"

namespace wb {

namespace {

bool same_local_day(const LocalDateTime& a, const LocalDateTime& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

// The next local midnight when the day of `t` has used up its quota, else `t`.
TimeMs after_daily_quota(int quota, const TimeZone& zone, const std::vector<TimeMs>& sends, TimeMs t) {
    LocalDateTime day = zone.to_local(t);
    auto on_that_day = std::count_if(sends.begin(), sends.end(),
                                     [&](TimeMs s) { return same_local_day(zone.to_local(s), day); });
    if (on_that_day < quota) return t;
    return zone.local_day_at(t, 1, 0);
}

}  // namespace

DeliveryDecision decide_delivery(const DeliveryRules& rules, const QuietHours& organisation_quiet_hours,
                                 const TimeZone& zone, MessageKind kind,
                                 const std::vector<TimeMs>& sends_to_recipient, TimeMs now) {
    const auto& exempt = rules.kinds_exempt_from_quiet_hours;
    const QuietHours quiet_hours = rules.quiet_hours.value_or(organisation_quiet_hours);
    bool quiet = std::find(exempt.begin(), exempt.end(), kind) == exempt.end();
    DeliveryDecision d;
    TimeMs t = now;
    // Moving past one rule can land inside the other (quota -> midnight -> quiet hours), so
    // repeat until neither moves the time. Each pass moves forward by at least a day or to the
    // end of a quiet window; sends on future days are the only thing that can make it loop.
    for (int pass = 0; pass < 400; ++pass) {
        TimeMs before = t;
        if (rules.max_sends_per_recipient_per_day > 0) {
            t = after_daily_quota(rules.max_sends_per_recipient_per_day, zone, sends_to_recipient, t);
            if (t != before && d.reason == HeldReason::None) d.reason = HeldReason::Quota;
        }
        if (quiet) {
            TimeMs q = after_quiet_hours(t, quiet_hours, zone);
            if (q != t && d.reason == HeldReason::None) d.reason = HeldReason::QuietHours;
            t = q;
        }
        if (t == before) break;
    }
    if (t != now) {
        d.send_now = false;
        d.hold_until = t;
    }
    return d;
}

TimeMs retry_delay(const RetryRules& rules, int attempts_made) {
    TimeMs delay = std::max<TimeMs>(rules.first_delay_ms, 0);
    for (int n = 1; n < attempts_made && delay < rules.max_delay_ms; ++n) delay *= 2;
    return std::min(delay, rules.max_delay_ms);
}

RetryDecision next_retry(const RetryRules& rules, int attempts_made, TimeMs now) {
    RetryDecision r;
    if (attempts_made >= rules.max_attempts) {
        r.give_up = true;
        return r;
    }
    r.retry_at = now + retry_delay(rules, attempts_made);
    return r;
}

}  // namespace wb

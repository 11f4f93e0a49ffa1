// The delivery policy (src/core/delivery_policy.h): quotas and quiet hours hold a message until
// a stated local time in the organisation's zone, never drop it; retries back off and give up.
#include <doctest/doctest.h>

#include "core/delivery_policy.h"

using namespace wb;

namespace {

TimeZone shanghai() {
    TimeZone z;
    std::string err;
    REQUIRE_MESSAGE(TimeZone::find("Asia/Shanghai", z, err), err);
    return z;
}

// An instant given as Shanghai wall-clock time.
TimeMs local(int month, int day, int hour, int minute) {
    LocalDateTime t;
    t.year = 2026;
    t.month = month;
    t.day = day;
    t.hour = hour;
    t.minute = minute;
    return shanghai().to_utc(t);
}

std::string shown(TimeMs t) { return format_local(shanghai().to_local(t)); }

// Organisation settings: no quiet hours (start == end), or 21:30 -> 08:00.
const QuietHours kNoQuietHours{0, 0};
const QuietHours kEvenings{21 * 60 + 30, 8 * 60};

DeliveryRules wecom_like() {
    DeliveryRules r;
    r.max_sends_per_recipient_per_day = 1;
    return r;
}

}  // namespace

TEST_CASE("delivery policy: a second send to the same customer the same local day waits for midnight") {
    auto z = shanghai();
    std::vector<TimeMs> sent = {local(3, 10, 10, 0)};
    auto d = decide_delivery(wecom_like(), kNoQuietHours, z, MessageKind::Reminder, sent, local(3, 10, 15, 0));
    CHECK_FALSE(d.send_now);
    CHECK(d.reason == HeldReason::Quota);
    CHECK(shown(d.hold_until) == "2026-03-11 00:00");
    CHECK(format_utc(d.hold_until) == "2026-03-10T16:00:00Z");  // midnight in Shanghai, not UTC

    // 00:30 local is still "yesterday" in UTC (16:30Z on the 10th): the local day counts.
    auto after_midnight = decide_delivery(wecom_like(), kNoQuietHours, z, MessageKind::Reminder, sent, local(3, 11, 0, 30));
    CHECK(after_midnight.send_now);
    CHECK(after_midnight.reason == HeldReason::None);
}

TEST_CASE("delivery policy: a send the previous local day does not count; a quota of two allows two") {
    auto z = shanghai();
    CHECK(decide_delivery(wecom_like(), kNoQuietHours, z, MessageKind::Reminder, {local(3, 9, 23, 50)},
                          local(3, 10, 0, 10))
              .send_now);
    CHECK(decide_delivery(wecom_like(), kNoQuietHours, z, MessageKind::Reminder, {}, local(3, 10, 9, 0)).send_now);
    DeliveryRules two = wecom_like();
    two.max_sends_per_recipient_per_day = 2;
    CHECK(decide_delivery(two, kNoQuietHours, z, MessageKind::Reminder, {local(3, 10, 9, 0)}, local(3, 10, 10, 0)).send_now);
    auto d = decide_delivery(two, kNoQuietHours, z, MessageKind::Reminder, {local(3, 10, 9, 0), local(3, 10, 10, 0)},
                             local(3, 10, 11, 0));
    CHECK_FALSE(d.send_now);
    CHECK(shown(d.hold_until) == "2026-03-11 00:00");
}

TEST_CASE("delivery policy: quiet hours 21:30-08:00 delay to their end") {
    auto z = shanghai();
    DeliveryRules rules;
    auto evening = decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {}, local(3, 10, 22, 0));
    CHECK_FALSE(evening.send_now);
    CHECK(evening.reason == HeldReason::QuietHours);
    CHECK(shown(evening.hold_until) == "2026-03-11 08:00");

    auto morning = decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {}, local(3, 11, 7, 15));
    CHECK_FALSE(morning.send_now);
    CHECK(shown(morning.hold_until) == "2026-03-11 08:00");

    CHECK(decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {}, local(3, 10, 21, 29)).send_now);
    CHECK_FALSE(decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {}, local(3, 10, 21, 30)).send_now);
    CHECK(decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {}, local(3, 11, 8, 0)).send_now);
}

TEST_CASE("delivery policy: a channel's own window replaces the organisation's; exempt kinds go in quiet hours") {
    auto z = shanghai();
    DeliveryRules lunch;
    lunch.quiet_hours = QuietHours{12 * 60, 13 * 60};  // the channel's own window replaces the evening one
    auto d = decide_delivery(lunch, kEvenings, z, MessageKind::Survey, {}, local(3, 10, 12, 20));
    CHECK_FALSE(d.send_now);
    CHECK(shown(d.hold_until) == "2026-03-10 13:00");
    CHECK(decide_delivery(lunch, kEvenings, z, MessageKind::Survey, {}, local(3, 10, 11, 59)).send_now);

    CHECK(decide_delivery(lunch, kEvenings, z, MessageKind::Survey, {}, local(3, 10, 23, 0)).send_now);

    DeliveryRules rules;
    rules.kinds_exempt_from_quiet_hours = {MessageKind::Escalation};
    CHECK(decide_delivery(rules, kEvenings, z, MessageKind::Escalation, {}, local(3, 10, 23, 0)).send_now);
    CHECK_FALSE(decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {}, local(3, 10, 23, 0)).send_now);

    DeliveryRules none;
    none.quiet_hours = QuietHours{0, 0};  // the channel switches quiet hours off
    CHECK(decide_delivery(none, kEvenings, z, MessageKind::Reminder, {}, local(3, 10, 23, 0)).send_now);
}

TEST_CASE("delivery policy: over quota, the next midnight is in quiet hours, so it waits until 08:00") {
    auto z = shanghai();
    auto rules = wecom_like();
    auto d = decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {local(3, 10, 9, 0)}, local(3, 10, 15, 0));
    CHECK_FALSE(d.send_now);
    CHECK(d.reason == HeldReason::Quota);
    CHECK(shown(d.hold_until) == "2026-03-11 08:00");

    // Today's quota is free (the last send was yesterday), so quiet hours hold it: 08:00.
    auto q = decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {local(3, 9, 9, 0)}, local(3, 10, 23, 0));
    CHECK(q.reason == HeldReason::QuietHours);
    CHECK(shown(q.hold_until) == "2026-03-11 08:00");

    // The morning already used its quota (a send at 08:05 on the 11th): the day after at 08:00.
    auto both = decide_delivery(rules, kEvenings, z, MessageKind::Reminder, {local(3, 11, 8, 5)}, local(3, 10, 23, 0));
    CHECK(shown(both.hold_until) == "2026-03-12 08:00");
}

TEST_CASE("delivery policy: retries back off by doubling, capped, and give up after the last attempt") {
    RetryRules r;
    r.first_delay_ms = 30 * 1000;
    r.max_delay_ms = 5 * kMinuteMs;
    r.max_attempts = 6;
    CHECK(retry_delay(r, 1) == 30 * 1000);
    CHECK(retry_delay(r, 2) == 60 * 1000);
    CHECK(retry_delay(r, 3) == 120 * 1000);
    CHECK(retry_delay(r, 4) == 240 * 1000);
    CHECK(retry_delay(r, 5) == 300 * 1000);   // capped
    CHECK(retry_delay(r, 60) == 300 * 1000);  // no overflow for large counts

    TimeMs now = 1'000'000;
    auto first = next_retry(r, 1, now);
    CHECK_FALSE(first.give_up);
    CHECK(first.retry_at == now + 30 * 1000);
    CHECK_FALSE(next_retry(r, 5, now).give_up);
    CHECK(next_retry(r, 6, now).give_up);
    CHECK(next_retry(r, 7, now).give_up);
}

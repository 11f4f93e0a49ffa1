#include "server/delivery_worker.h"

#include <algorithm>
#include <set>

#include "core/delivery_policy.h"
#include "core/enum_names.h"
#include "core/outbox.h"
#include "core/outbox_rules.h"
#include "core/time_zone.h"
#include "server/organisation_sync.h"

namespace wb::server {
namespace {

// A due message with what the policy needs to know about it, read under the state's lock.
struct DueMessage {
    OutboxMessage message;
    std::string student_name;
    std::vector<TimeMs> sends_to_recipient;  // earlier sends on the same channel to the same person
};

struct Snapshot {
    std::vector<DueMessage> due;
    QuietHours quiet_hours;
    std::string time_zone;
};

std::string recipient_key(const OutboxMessage& m)
{
    return std::string(to_string(m.recipient.role)) + "/" + m.recipient.user_id + "/" + m.recipient.address + "/" + m.student_id;
}

// Messages of a paused (disabled) channel wait untouched until it is enabled again.
Snapshot read_due(const State& s, TimeMs now, const std::set<std::string>& paused)
{
    Snapshot out{{}, s.organisation.quiet_hours, s.organisation.time_zone};
    auto due = [&](const OutboxMessage& m) {
        const bool waiting = m.state == MessageState::Queued || m.state == MessageState::Held;
        return waiting && m.next_attempt_at <= now && !paused.count(m.channel);
    };
    // The worker runs every second: find out cheaply whether anything is due at all.
    if (std::none_of(s.messages.begin(), s.messages.end(), [&](const auto& kv) { return due(kv.second); }))
        return out;
    std::map<std::string, std::vector<TimeMs>> sends;  // channel + recipient -> send times
    for (const auto& [id, m] : s.messages)
        if (m.sent_at > 0) sends[m.channel + "|" + recipient_key(m)].push_back(m.sent_at);
    for (const auto& [id, m] : s.messages) {
        if (!due(m)) continue;
        auto student = s.students.find(m.student_id);
        out.due.push_back({m, student == s.students.end() ? "" : student->second.name,
                           sends[m.channel + "|" + recipient_key(m)]});
    }
    return out;
}

}  // namespace

DeliveryWorker::DeliveryWorker(OrganisationSync& sync, std::map<std::string, std::unique_ptr<Channel>> channels,
                               Clock clock)
    : sync_(sync), channels_(std::move(channels)), clock_(std::move(clock)) {}

DeliveryPass DeliveryWorker::run_once()
{
    DeliveryPass pass;
    const TimeMs now = clock_();
    std::set<std::string> paused;
    for (const auto& [id, channel] : channels_)
        if (!channel) paused.insert(id);
    Snapshot snap = sync_.with_state([&](const State& s) { return read_due(s, now, paused); });
    TimeZone zone;
    std::string zone_error;
    if (!TimeZone::find(snap.time_zone, zone, zone_error)) zone = TimeZone();
    for (const DueMessage& due : snap.due) {
        const OutboxMessage& m = due.message;
        Mutation result;
        auto channel = channels_.find(m.channel);
        if (channel == channels_.end()) {
            result = attempt_mutation(m.id, now, AttemptOutcome::FailedPermanent,
                             "no channel '" + m.channel + "' is configured for this organisation");
            ++pass.failed;
        } else if (DeliveryDecision d = decide_delivery(channel->second->config().rules, snap.quiet_hours, zone,
                                                        m.kind, due.sends_to_recipient, now);
                   !d.send_now) {
            result = attempt_mutation(m.id, now, AttemptOutcome::Held, "", d.hold_until, d.reason);
            ++pass.held;
        } else {
            const std::string recipient = m.recipient.user_id.empty() ? to_string(m.recipient.role) : m.recipient.user_id;
            DeliveryResult r = channel->second->send({m.id, to_string(m.kind), recipient, m.recipient.address, m.text,
                                                      due.student_name});
            if (r.ok()) {
                result = attempt_mutation(m.id, now, r.outcome == DeliveryOutcome::Delivered ? AttemptOutcome::Delivered
                                                                                : AttemptOutcome::Sent);
                ++pass.sent;
            } else if (RetryDecision retry = next_retry(channel->second->config().rules.retry, m.attempts + 1, now);
                       r.outcome == DeliveryOutcome::Retryable && !retry.give_up) {
                result = attempt_mutation(m.id, now, AttemptOutcome::FailedRetryable, r.error, retry.retry_at);
                ++pass.retrying;
            } else {
                result = attempt_mutation(m.id, now, AttemptOutcome::FailedPermanent, r.error);
                ++pass.failed;
            }
        }
        // One transaction per message: a crash loses at most the record of the send in flight.
        auto recorded = sync_.apply_as_system({result}, kClientId);
        if (!recorded.response) pass.error = recorded.error.message;
        else if (!recorded.response->results.empty() && !recorded.response->results[0].ok)
            pass.error = "the attempt at " + m.id + " was refused: " + recorded.response->results[0].error.message;
    }
    return pass;
}

}  // namespace wb::server

#pragma once
// Channels: how an outbound message leaves the server. One small interface, one adapter per
// service (generic JSON webhook, DingTalk group robot, WeCom group robot, SMS gateway over
// HTTP, and a simulated channel for demos). Adapters never throw for expected failures: the
// answer says whether trying again later can help (Retryable) or a person must fix something
// first (Permanent), with a message saying what.
//
// Every HTTP adapter sends `Idempotency-Key: <message id>`, so a receiver that honours it never
// shows a message twice when the worker retries after a lost answer.
#include <functional>
#include <memory>
#include <string>

#include "core/model.h"
#include "server/channel_config.h"

namespace wb::server {

struct OutboundMessage {
    std::string id;            // the outbox message id; also the idempotency key
    std::string kind;          // "survey", "reminder", "urge", "feedback", "escalation", ...
    std::string recipient;     // who it is for (parent / student / user id): quotas count per recipient
    std::string address;       // as the channel needs it (the phone number for SMS), or ""
    std::string text;          // rendered, ready to send
    std::string student_name;  // optional, for receivers that show it
};

enum class DeliveryOutcome {
    Delivered,  // the service confirmed it reached the recipient (robot posted into the group)
    Sent,       // accepted; whether it arrives is not known (webhook, SMS gateway)
    Retryable,  // 5xx, 429, timeout, connection refused, "too fast": try again later
    Permanent,  // 4xx, rejected signature, bad configuration: retrying cannot help
};
const char* delivery_outcome_name(DeliveryOutcome o);  // "delivered", "sent", "retryable", "permanent"

struct DeliveryResult {
    DeliveryOutcome outcome = DeliveryOutcome::Permanent;
    int http_status = 0;  // 0 when no HTTP answer arrived
    std::string error;    // empty on success; otherwise what happened and what to check
    bool ok() const { return outcome == DeliveryOutcome::Delivered || outcome == DeliveryOutcome::Sent; }
};

class Channel {
public:
    virtual ~Channel() = default;
    virtual DeliveryResult send(const OutboundMessage& m) = 0;
    virtual const ChannelConfig& config() const = 0;
};

// Wall-clock time for adapters that sign with a timestamp (DingTalk); tests inject a fixed one.
using WallClock = std::function<TimeMs()>;
WallClock system_wall_clock();

// The adapter for a configuration that validate_channel_config() accepted.
std::unique_ptr<Channel> make_channel(const ChannelConfig& config, WallClock clock = system_wall_clock());

}  // namespace wb::server

#pragma once
// The simulated channel for demos: no network. It keeps what it "sent", in order, for the app
// to show, and can play a parent answering one of those messages. Honours the idempotency key
// like a well-behaved receiver: the same message id twice is kept once. Thread-safe.
#include <mutex>
#include <optional>
#include <vector>

#include "server/channel.h"

namespace wb::server {

struct SimulatedSend {
    OutboundMessage message;
    TimeMs at = 0;
};

struct SimulatedReply {
    std::string message_id;  // the message being answered
    std::string recipient;   // who answered (the message's recipient)
    std::string text;
    TimeMs at = 0;
};

class SimulatedChannel : public Channel {
public:
    SimulatedChannel(ChannelConfig config, WallClock clock);

    DeliveryResult send(const OutboundMessage& m) override;
    const ChannelConfig& config() const override { return config_; }

    std::vector<SimulatedSend> sent() const;
    // Records a reply to a message this channel sent; nullopt with `error` set when it sent
    // no message with that id or the text is empty.
    std::optional<SimulatedReply> simulate_reply(const std::string& message_id, const std::string& text,
                                                 std::string& error);
    std::vector<SimulatedReply> replies() const;

private:
    ChannelConfig config_;
    WallClock clock_;
    mutable std::mutex mutex_;
    std::vector<SimulatedSend> sent_;
    std::vector<SimulatedReply> replies_;
};

}  // namespace wb::server

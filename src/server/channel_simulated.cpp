#include "server/channel_simulated.h"

#include <algorithm>

namespace wb::server {

SimulatedChannel::SimulatedChannel(ChannelConfig config, WallClock clock)
    : config_(std::move(config)), clock_(std::move(clock)) {}

DeliveryResult SimulatedChannel::send(const OutboundMessage& m) {
    std::lock_guard lock(mutex_);
    bool seen = std::any_of(sent_.begin(), sent_.end(), [&](const SimulatedSend& s) { return s.message.id == m.id; });
    if (!seen) sent_.push_back({m, clock_()});
    return {DeliveryOutcome::Delivered, 0, {}};
}

std::vector<SimulatedSend> SimulatedChannel::sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
}

std::optional<SimulatedReply> SimulatedChannel::simulate_reply(const std::string& message_id, const std::string& text,
                                                               std::string& error) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(sent_.begin(), sent_.end(),
                           [&](const SimulatedSend& s) { return s.message.id == message_id; });
    if (it == sent_.end()) {
        error = "the simulated channel \"" + config_.id + "\" sent no message " + message_id;
        return std::nullopt;
    }
    if (text.empty()) {
        error = "a simulated reply needs some text";
        return std::nullopt;
    }
    SimulatedReply reply{message_id, it->message.recipient, text, clock_()};
    replies_.push_back(reply);
    return reply;
}

std::vector<SimulatedReply> SimulatedChannel::replies() const {
    std::lock_guard lock(mutex_);
    return replies_;
}

}  // namespace wb::server

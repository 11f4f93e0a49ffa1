// Generic JSON webhook: POST {"id", "kind", "recipient", "text", "sentAt", ["address"],
// ["studentName"]} to the configured URL. Any 2xx means accepted (Sent): the receiver decides
// what happens next.
#include <nlohmann/json.hpp>

#include "server/channel_adapters.h"

namespace wb::server {

namespace {

class WebhookChannel : public Channel {
public:
    WebhookChannel(ChannelConfig config, WallClock clock) : config_(std::move(config)), clock_(std::move(clock)) {}

    const ChannelConfig& config() const override { return config_; }

    DeliveryResult send(const OutboundMessage& m) override {
        nlohmann::json body = {
            {"id", m.id}, {"kind", m.kind}, {"recipient", m.recipient}, {"text", m.text}, {"sentAt", clock_()}};
        if (!m.address.empty()) body["address"] = m.address;
        if (!m.student_name.empty()) body["studentName"] = m.student_name;
        return post_json(config_, config_.url, m.id, body.dump()).result;
    }

private:
    ChannelConfig config_;
    WallClock clock_;
};

}  // namespace

std::unique_ptr<Channel> make_webhook_channel(const ChannelConfig& config, WallClock clock) {
    return std::make_unique<WebhookChannel>(config, std::move(clock));
}

}  // namespace wb::server

// SMS gateway over HTTP: POST {"to": <address = phone number>, "text", "id"} with
// "Authorization: Bearer <key>".
// A 2xx means the gateway accepted it (Sent); its delivery and read reports come back through
// POST /api/inbound/<channel>/receipt (api_inbound.cpp).
#include <nlohmann/json.hpp>

#include "server/channel_adapters.h"

namespace wb::server {

namespace {

class SmsChannel : public Channel {
public:
    explicit SmsChannel(ChannelConfig config) : config_(std::move(config)) {}

    const ChannelConfig& config() const override { return config_; }

    DeliveryResult send(const OutboundMessage& m) override {
        if (m.address.empty())
            return {DeliveryOutcome::Permanent, 0,
                    "channel \"" + config_.id + "\": message " + m.id + " has no phone number for an SMS"};
        nlohmann::json body = {{"to", m.address}, {"text", m.text}, {"id", m.id}};
        return post_json(config_, config_.url, m.id, body.dump(), {{"Authorization", "Bearer " + config_.key}}).result;
    }

private:
    ChannelConfig config_;
};

}  // namespace

std::unique_ptr<Channel> make_sms_channel(const ChannelConfig& config) {
    return std::make_unique<SmsChannel>(config);
}

}  // namespace wb::server

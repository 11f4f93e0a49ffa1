#include "server/channel.h"

#include <chrono>

#include "server/channel_adapters.h"
#include "server/channel_simulated.h"

namespace wb::server {

const char* delivery_outcome_name(DeliveryOutcome o) {
    switch (o) {
        case DeliveryOutcome::Delivered: return "delivered";
        case DeliveryOutcome::Sent: return "sent";
        case DeliveryOutcome::Retryable: return "retryable";
        case DeliveryOutcome::Permanent: return "permanent";
    }
    return "permanent";
}

WallClock system_wall_clock() {
    return [] {
        using namespace std::chrono;
        return static_cast<TimeMs>(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
    };
}

std::unique_ptr<Channel> make_channel(const ChannelConfig& config, WallClock clock) {
    switch (config.type) {
        case ChannelType::Webhook: return make_webhook_channel(config, std::move(clock));
        case ChannelType::DingTalk: return make_dingtalk_channel(config, std::move(clock));
        case ChannelType::WeCom: return make_wecom_channel(config);
        case ChannelType::Sms: return make_sms_channel(config);
        case ChannelType::Simulated: return std::make_unique<SimulatedChannel>(config, std::move(clock));
    }
    return nullptr;
}

}  // namespace wb::server

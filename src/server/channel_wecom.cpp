// WeCom (企业微信) group robot: POST {"msgtype":"text","text":{"content":...}} to
// …/cgi-bin/webhook/send?key=<robot key>. The key is the only credential; there is no signing.
#include "server/channel_adapters.h"

namespace wb::server {

namespace {

class WeComChannel : public Channel {
public:
    explicit WeComChannel(ChannelConfig config) : config_(std::move(config)) {}

    const ChannelConfig& config() const override { return config_; }

    DeliveryResult send(const OutboundMessage& m) override {
        std::string url = config_.url;
        if (!config_.key.empty() && url.find("key=") == std::string::npos)
            url = with_query_param(url, "key", httplib::detail::encode_query_param(config_.key));
        auto exchange = post_json(config_, url, m.id, robot_text_body(m));
        return read_robot_answer(exchange, config_, "WeCom",
                                 {{-1, true, "WeCom is busy; will try again"},
                                  {45009, true, "the robot's rate limit (20 messages a minute); will try again"},
                                  {93000, false, "the webhook key is not valid: copy the robot's address again"},
                                  {40008, false, "the message type is not accepted"}});
    }

private:
    ChannelConfig config_;
};

}  // namespace

std::unique_ptr<Channel> make_wecom_channel(const ChannelConfig& config) {
    return std::make_unique<WeComChannel>(config);
}

}  // namespace wb::server

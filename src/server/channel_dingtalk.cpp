// DingTalk group robot ("custom robot"): POST {"msgtype":"text","text":{"content":...}} to the
// webhook address (…/robot/send?access_token=…). With signing switched on, the address also
// carries &timestamp=<ms>&sign=<urlencode(base64(HMAC-SHA256(key = secret,
// message = timestamp + "\n" + secret)))>; DingTalk rejects timestamps more than an hour off.
#include <sodium.h>

#include <stdexcept>

#include "server/channel_adapters.h"

namespace wb::server {

namespace {

std::string hmac_sha256_base64(const std::string& key, const std::string& message) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot initialise (no entropy source)");
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    char b64[sodium_base64_ENCODED_LEN(crypto_auth_hmacsha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
    return b64;
}

class DingTalkChannel : public Channel {
public:
    DingTalkChannel(ChannelConfig config, WallClock clock) : config_(std::move(config)), clock_(std::move(clock)) {}

    const ChannelConfig& config() const override { return config_; }

    DeliveryResult send(const OutboundMessage& m) override {
        std::string url = config_.url;
        if (!config_.secret.empty()) {
            std::string timestamp = std::to_string(clock_());
            std::string sign = hmac_sha256_base64(config_.secret, timestamp + "\n" + config_.secret);
            url = with_query_param(url, "timestamp", timestamp);
            url = with_query_param(url, "sign", httplib::detail::encode_query_param(sign));
        }
        auto exchange = post_json(config_, url, m.id, robot_text_body(m));
        return read_robot_answer(
            exchange, config_, "DingTalk",
            {{-1, true, "DingTalk is busy; will try again"},
             {130101, true, "more than 20 messages a minute to this group; will try again"},
             {310000, false, "the signature, keyword or IP check failed: check the secret (SEC...) and the robot's "
                             "security settings"},
             {300001, false, "the access_token is not valid: copy the robot's webhook address again"},
             {400013, false, "the group is dissolved or the robot was removed"},
             {410100, false, "the robot's daily or monthly quota is used up"}});
    }

private:
    ChannelConfig config_;
    WallClock clock_;
};

}  // namespace

std::unique_ptr<Channel> make_dingtalk_channel(const ChannelConfig& config, WallClock clock) {
    return std::make_unique<DingTalkChannel>(config, std::move(clock));
}

}  // namespace wb::server

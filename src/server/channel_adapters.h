#pragma once
// Constructors of the HTTP adapters, for make_channel() and tests. Each takes a configuration
// validate_channel_config() accepted.
#include <initializer_list>
#include <memory>

#include "server/channel.h"
#include "server/channel_http.h"

namespace wb::server {

std::unique_ptr<Channel> make_webhook_channel(const ChannelConfig& config, WallClock clock);
std::unique_ptr<Channel> make_dingtalk_channel(const ChannelConfig& config, WallClock clock);
std::unique_ptr<Channel> make_wecom_channel(const ChannelConfig& config);
std::unique_ptr<Channel> make_sms_channel(const ChannelConfig& config);

// DingTalk and WeCom robots answer HTTP 200 with {"errcode": 0, "errmsg": "ok"} on success and a
// non-zero errcode otherwise. `retryable` lists the codes that mean "later" (rate limits,
// system busy); every other non-zero code needs a person.
struct RobotErrcode {
    long long code;
    bool retryable;
    const char* hint;  // what to check
};
DeliveryResult read_robot_answer(const HttpExchange& exchange, const ChannelConfig& config, const char* service,
                                 std::initializer_list<RobotErrcode> known_codes);

// {"msgtype": "text", "text": {"content": ...}}: the text message both robots accept.
std::string robot_text_body(const OutboundMessage& m);

}  // namespace wb::server

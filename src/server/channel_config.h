#pragma once
// A channel's configuration, one per channel of an organisation, as JSON:
//
//   {"id": "wecom-parents", "type": "wecom", "url": "http://host/cgi-bin/webhook/send",
//    "key": "ROBOT-KEY", "enabled": true, "connectTimeoutMs": 3000, "readTimeoutMs": 5000,
//    "quotaPerRecipientPerDay": 1, "quietHours": {"from": "21:30", "to": "08:00"},
//    "quietHoursExemptKinds": ["escalation"],
//    "retry": {"firstDelayMs": 30000, "maxDelayMs": 1800000, "maxAttempts": 8}}
//
// type: "webhook" (url), "dingtalk" (url with access_token; optional "secret" = the robot's
// signing secret, "SEC..."), "wecom" (url; "key" appended as ?key= unless the url has one),
// "sms" (url; "key" = the gateway's bearer token, required), "simulated" (nothing).
// WeCom's quota defaults to 1 per recipient per day (the service's own limit), others to none.
// "inboundSecret": the shared secret a channel sends with the replies it posts to
// /api/inbound/<id> (header X-Channel-Secret); without one the channel posts no replies.
// "quietHours" replaces the organisation's quiet hours for this channel ("from" == "to": none).
// URLs are http:// or https://; an https receiver's certificate must be trusted by the system's
// CAs (package ca-certificates) or by "caCertFile", a PEM file of the CA that signed it (a
// company's own gateway).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/delivery_policy.h"

namespace wb::server {

enum class ChannelType { Webhook, DingTalk, WeCom, Sms, Simulated };
const char* channel_type_name(ChannelType t);  // "webhook", "dingtalk", "wecom", "sms", "simulated"

// "http://host:port/path?query" taken apart for httplib::Client.
struct HttpEndpoint {
    std::string scheme_host_port;  // "http://127.0.0.1:8080" or "https://oapi.dingtalk.com"
    std::string path_and_query;    // "/robot/send?access_token=abc" ("/" when empty)
};

struct ChannelConfig {
    std::string id;
    ChannelType type = ChannelType::Simulated;
    std::string url;
    std::string secret;
    std::string key;
    std::string inbound_secret;
    std::string ca_cert_file;  // "" = the system's CAs
    bool enabled = true;
    int connect_timeout_ms = 3000;
    int read_timeout_ms = 5000;
    DeliveryRules rules;
};

struct ChannelConfigParse {
    std::optional<ChannelConfig> config;
    std::string error;  // when !config: which field is wrong and how to fix it
};

// Reads and validates one channel's JSON.
ChannelConfigParse parse_channel_config(const nlohmann::json& j);
// Checks a configuration built in code; empty when it is usable.
std::string validate_channel_config(const ChannelConfig& c);

struct HttpEndpointParse {
    std::optional<HttpEndpoint> endpoint;
    std::string error;
};
HttpEndpointParse parse_http_url(const std::string& url);

}  // namespace wb::server

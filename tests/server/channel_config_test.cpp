// Channel configuration JSON (src/server/channel_config.h): what is accepted, the defaults, and
// errors that say which field is wrong; then the parsed rules driving the delivery policy.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "server/channel_config.h"

using nlohmann::json;
using namespace wb::server;
using wb::MessageKind;

namespace {

std::string error_of(const json& j) {
    auto p = parse_channel_config(j);
    CHECK_FALSE(p.config.has_value());
    return p.error;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("channel config: a full WeCom configuration") {
    auto p = parse_channel_config(json::parse(R"({
        "id": "wecom-parents", "type": "wecom", "url": "http://10.0.0.5:8080/cgi-bin/webhook/send",
        "key": "K", "enabled": false, "connectTimeoutMs": 1500, "readTimeoutMs": 4000,
        "quietHours": {"from": "21:30", "to": "08:00"}, "quietHoursExemptKinds": ["escalation"],
        "retry": {"firstDelayMs": 10000, "maxDelayMs": 600000, "maxAttempts": 5}})"));
    REQUIRE_MESSAGE(p.config.has_value(), p.error);
    const auto& c = *p.config;
    CHECK(c.id == "wecom-parents");
    CHECK(c.type == ChannelType::WeCom);
    CHECK(c.key == "K");
    CHECK_FALSE(c.enabled);
    CHECK(c.connect_timeout_ms == 1500);
    CHECK(c.read_timeout_ms == 4000);
    CHECK(c.rules.max_sends_per_recipient_per_day == 1);  // WeCom's own limit by default
    REQUIRE(c.rules.quiet_hours.has_value());
    CHECK(c.rules.quiet_hours->start_minute == 21 * 60 + 30);
    CHECK(c.rules.quiet_hours->end_minute == 8 * 60);
    CHECK(c.rules.kinds_exempt_from_quiet_hours == std::vector<wb::MessageKind>{wb::MessageKind::Escalation});
    CHECK(c.rules.retry.first_delay_ms == 10000);
    CHECK(c.rules.retry.max_delay_ms == 600000);
    CHECK(c.rules.retry.max_attempts == 5);
}

TEST_CASE("channel config: defaults, and quotas only where given") {
    auto hook = parse_channel_config({{"id", "h"}, {"type", "webhook"}, {"url", "http://example.test/in"}});
    REQUIRE_MESSAGE(hook.config.has_value(), hook.error);
    CHECK(hook.config->enabled);
    CHECK(hook.config->connect_timeout_ms == 3000);
    CHECK(hook.config->read_timeout_ms == 5000);
    CHECK(hook.config->rules.max_sends_per_recipient_per_day == 0);
    CHECK_FALSE(hook.config->rules.quiet_hours.has_value());  // the organisation's apply
    auto more = parse_channel_config({{"id", "w"}, {"type", "wecom"}, {"url", "http://h/send?key=k"},
                                      {"quotaPerRecipientPerDay", 3}});
    REQUIRE_MESSAGE(more.config.has_value(), more.error);
    CHECK(more.config->rules.max_sends_per_recipient_per_day == 3);
    CHECK(parse_channel_config({{"id", "demo"}, {"type", "simulated"}}).config.has_value());
}

TEST_CASE("channel config: errors name the field and the fix") {
    CHECK(mentions(error_of({{"id", "x"}, {"type", "telegram"}}), "unknown channel type \"telegram\""));
    CHECK(mentions(error_of({{"id", "x"}}), "\"type\" is missing"));
    CHECK(mentions(error_of({{"type", "simulated"}}), "\"id\" is missing"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "webhook"}}), "\"url\" is missing"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "webhook"}, {"url", "ftp://h/x"}}), "must start with http://"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "webhook"}, {"url", "http:///x"}}), "has no host"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "webhook"}, {"url", "http://h:99999/x"}}), "bad port"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "dingtalk"}, {"url", "http://h/robot/send"}}), "access_token"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "dingtalk"}, {"url", "http://h/robot/send?access_token=a"},
                             {"secret", "abc"}}),
                   "starts with \"SEC\""));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "wecom"}, {"url", "http://h/send"}}), "needs its key"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "sms"}, {"url", "http://h/sms"}}), "bearer token"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "simulated"}, {"readTimeoutMs", "5s"}}),
                   "\"readTimeoutMs\" must be a whole number"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "simulated"}, {"quietHours", {{"from", "9pm"}, {"to", "08:00"}}}}),
                   "\"quietHours.from\" must be a local time"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "simulated"}, {"retry", {{"maxAttempts", 0}}}}),
                   "\"retry.maxAttempts\" must be between 1 and 100"));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "simulated"}, {"quietHours", {{"from", "21:00"}}}}),
                   "needs both \"from\" and \"to\""));
    CHECK(mentions(error_of({{"id", "x"}, {"type", "simulated"}, {"quietHoursExemptKinds", {"alarm"}}}),
                   "lists message kinds: survey, reminder"));
    CHECK(mentions(error_of(json::array()), "must be a JSON object"));
}

TEST_CASE("channel config: http URLs split into host and path with query") {
    auto a = parse_http_url("http://127.0.0.1:8080/robot/send?access_token=x");
    REQUIRE(a.endpoint.has_value());
    CHECK(a.endpoint->scheme_host_port == "http://127.0.0.1:8080");
    CHECK(a.endpoint->path_and_query == "/robot/send?access_token=x");
    auto b = parse_http_url("http://example.test");
    REQUIRE(b.endpoint.has_value());
    CHECK(b.endpoint->path_and_query == "/");
    auto c = parse_http_url("http://example.test?key=1#frag");
    REQUIRE(c.endpoint.has_value());
    CHECK(c.endpoint->path_and_query == "/?key=1");
}

TEST_CASE("channel config drives the policy: a second WeCom send the same Shanghai day is held to the next allowed time") {
    auto p = parse_channel_config(json::parse(R"({"id": "w", "type": "wecom", "url": "http://h/send?key=k"})"));
    REQUIRE_MESSAGE(p.config.has_value(), p.error);
    wb::TimeZone shanghai;
    std::string err;
    REQUIRE(wb::TimeZone::find("Asia/Shanghai", shanghai, err));
    wb::TimeMs first = 1773111600000;   // 2026-03-10T03:00:00Z = 11:00 in Shanghai
    wb::TimeMs now = first + 5 * 3600 * 1000;  // 16:00 in Shanghai
    const wb::QuietHours organisation{21 * 60 + 30, 8 * 60};
    auto d = wb::decide_delivery(p.config->rules, organisation, shanghai, wb::MessageKind::Reminder, {first}, now);
    CHECK_FALSE(d.send_now);
    CHECK(d.reason == wb::HeldReason::Quota);
    // The next local midnight is inside quiet hours, so: 08:00 on the 11th, Shanghai time.
    CHECK(wb::format_utc(d.hold_until) == "2026-03-11T00:00:00Z");
    CHECK(wb::decide_delivery(p.config->rules, organisation, shanghai, wb::MessageKind::Reminder, {}, now).send_now);
}

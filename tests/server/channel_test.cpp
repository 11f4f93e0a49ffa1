// Channels against a local HTTP receiver (src/server/channel*.h): each adapter's exact request
// (method, path, query, headers with Idempotency-Key, JSON body), DingTalk's signature, and how
// answers map to outcomes: 2xx, 5xx and timeouts and refused connections (Retryable), 4xx and
// the robots' errcodes.
#include <doctest/doctest.h>
#include <sodium.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "channel_receiver.h"
#include "server/channel.h"

using nlohmann::json;
using namespace wb::server;
using wb::test::ChannelReceiver;

namespace {

constexpr wb::TimeMs kNow = 1773100000000;  // 2026-03-09T23:46:40Z

WallClock fixed_clock() {
    return [] { return kNow; };
}

ChannelConfig config_for(ChannelType type, const std::string& url) {
    ChannelConfig c;
    c.id = std::string(channel_type_name(type)) + "-test";
    c.type = type;
    c.url = url;
    c.connect_timeout_ms = 300;
    c.read_timeout_ms = 250;
    return c;
}

OutboundMessage message(const std::string& id = "msg-1") {
    OutboundMessage m;
    m.id = id;
    m.kind = "reminder";
    m.recipient = "parent-7";
    m.address = "13800138000";
    m.text = "明天 19:00 上课，请准时参加";
    m.student_name = "王小明";
    return m;
}

json body_of(const wb::test::ReceivedRequest& r) { return json::parse(r.body, nullptr, false); }

std::string hmac_sha256_base64(const std::string& key, const std::string& text) {
    REQUIRE(sodium_init() >= 0);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    crypto_auth_hmacsha256_final(&st, mac);
    char b64[sodium_base64_ENCODED_LEN(sizeof mac, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
    return b64;
}

DeliveryResult send_once(ChannelReceiver& rx, ChannelType type, const std::string& path, int status,
                         const std::string& answer) {
    rx.answer(status, answer);
    auto c = config_for(type, rx.url(path));
    c.key = "token-1";
    return make_channel(c, fixed_clock())->send(message());
}

}  // namespace

TEST_CASE("channel webhook: POSTs the message as JSON with an Idempotency-Key") {
    ChannelReceiver rx;
    rx.answer(202, "{}");
    auto channel = make_channel(config_for(ChannelType::Webhook, rx.url("/hooks/wb")), fixed_clock());
    auto r = channel->send(message());
    CHECK(r.outcome == DeliveryOutcome::Sent);
    CHECK(r.http_status == 202);
    CHECK(r.error.empty());
    auto got = rx.requests();
    REQUIRE(got.size() == 1);
    CHECK(got[0].method == "POST");
    CHECK(got[0].target == "/hooks/wb");
    CHECK(got[0].header("Idempotency-Key") == "msg-1");
    CHECK(got[0].header("Content-Type").rfind("application/json", 0) == 0);
    CHECK(body_of(got[0]) == json{{"id", "msg-1"},
                                  {"kind", "reminder"},
                                  {"recipient", "parent-7"},
                                  {"address", "13800138000"},
                                  {"text", "明天 19:00 上课，请准时参加"},
                                  {"studentName", "王小明"},
                                  {"sentAt", kNow}});
}

TEST_CASE("channel webhook: 5xx and 429 are retryable, other 4xx permanent, with the status in the error") {
    ChannelReceiver rx;
    auto five = send_once(rx, ChannelType::Webhook, "/h", 500, "boom");
    CHECK(five.outcome == DeliveryOutcome::Retryable);
    CHECK(five.http_status == 500);
    CHECK(five.error.find("HTTP 500") != std::string::npos);
    CHECK(five.error.find("webhook-test") != std::string::npos);
    CHECK(send_once(rx, ChannelType::Webhook, "/h", 503, "").outcome == DeliveryOutcome::Retryable);
    CHECK(send_once(rx, ChannelType::Webhook, "/h", 429, "").outcome == DeliveryOutcome::Retryable);
    auto bad = send_once(rx, ChannelType::Webhook, "/h", 400, "{\"error\":\"no such group\"}");
    CHECK(bad.outcome == DeliveryOutcome::Permanent);
    CHECK(bad.http_status == 400);
    CHECK(bad.error.find("no such group") != std::string::npos);
    auto denied = send_once(rx, ChannelType::Webhook, "/h", 403, "");
    CHECK(denied.outcome == DeliveryOutcome::Permanent);
    CHECK(denied.error.find("key or secret") != std::string::npos);
    CHECK(rx.requests().size() == 5);
}

TEST_CASE("channel webhook: an answer slower than the read timeout is retryable, and does not wait for it") {
    ChannelReceiver rx;
    rx.answer(200, "{}", 700);
    auto c = config_for(ChannelType::Webhook, rx.url("/slow"));
    c.read_timeout_ms = 200;
    auto start = std::chrono::steady_clock::now();
    auto r = make_channel(c, fixed_clock())->send(message());
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    CHECK(r.outcome == DeliveryOutcome::Retryable);
    CHECK(r.http_status == 0);
    CHECK(r.error.find("within 200 ms") != std::string::npos);
    CHECK(took < 650);
}

TEST_CASE("channel webhook: a refused connection is retryable and says where it tried") {
    std::string url;
    {
        ChannelReceiver gone;
        url = gone.url("/h");
    }  // the port is closed again
    auto r = make_channel(config_for(ChannelType::Webhook, url), fixed_clock())->send(message());
    CHECK(r.outcome == DeliveryOutcome::Retryable);
    CHECK(r.http_status == 0);
    CHECK(r.error.find("cannot connect to http://127.0.0.1:") != std::string::npos);
}

TEST_CASE("channel dingtalk: signs the webhook address with timestamp and HMAC-SHA256 of the secret") {
    ChannelReceiver rx;
    rx.answer(200, R"({"errcode":0,"errmsg":"ok"})");
    auto c = config_for(ChannelType::DingTalk, rx.url("/robot/send?access_token=tok-123"));
    c.secret = "SECtest02";
    auto r = make_channel(c, fixed_clock())->send(message("msg-9"));
    CHECK(r.outcome == DeliveryOutcome::Delivered);
    CHECK(r.http_status == 200);
    auto got = rx.requests();
    REQUIRE(got.size() == 1);
    const auto& q = got[0];
    CHECK(q.method == "POST");
    CHECK(q.path == "/robot/send");
    CHECK(q.header("Idempotency-Key") == "msg-9");
    CHECK(q.params.size() == 3);
    CHECK(q.params.find("access_token")->second == "tok-123");
    CHECK(q.params.find("timestamp")->second == "1773100000000");
    std::string expected_sign = hmac_sha256_base64("SECtest02", "1773100000000\nSECtest02");
    CHECK(q.params.find("sign")->second == expected_sign);
    // The same value computed independently (Python's hmac + base64 + quote_plus), and its
    // encoding on the wire: '+', '/' and '=' must arrive percent-encoded.
    CHECK(expected_sign == "jg+hwO58iwUZZhRf/Fgum1GSWDber4awnaRDhPc+Hio=");
    CHECK(q.target == "/robot/send?access_token=tok-123&timestamp=1773100000000"
                      "&sign=jg%2BhwO58iwUZZhRf%2FFgum1GSWDber4awnaRDhPc%2BHio%3D");
    CHECK(body_of(q) == json{{"msgtype", "text"}, {"text", {{"content", "明天 19:00 上课，请准时参加"}}}});
}

TEST_CASE("channel dingtalk: without a secret the address is used as it is") {
    ChannelReceiver rx;
    rx.answer(200, R"({"errcode":0,"errmsg":"ok"})");
    auto r = make_channel(config_for(ChannelType::DingTalk, rx.url("/robot/send?access_token=t")), fixed_clock())
                 ->send(message());
    CHECK(r.outcome == DeliveryOutcome::Delivered);
    REQUIRE(rx.requests().size() == 1);
    CHECK(rx.requests()[0].target == "/robot/send?access_token=t");
}

TEST_CASE("channel dingtalk: errcodes map to permanent or retryable with what to check") {
    ChannelReceiver rx;
    const std::string path = "/robot/send?access_token=t";
    auto sign = send_once(rx, ChannelType::DingTalk, path, 200, R"({"errcode":310000,"errmsg":"sign not match"})");
    CHECK(sign.outcome == DeliveryOutcome::Permanent);
    CHECK(sign.error.find("310000") != std::string::npos);
    CHECK(sign.error.find("sign not match") != std::string::npos);
    CHECK(sign.error.find("secret") != std::string::npos);
    auto fast = send_once(rx, ChannelType::DingTalk, path, 200, R"({"errcode":130101,"errmsg":"send too fast"})");
    CHECK(fast.outcome == DeliveryOutcome::Retryable);
    CHECK(send_once(rx, ChannelType::DingTalk, path, 200, R"({"errcode":-1,"errmsg":"busy"})").outcome ==
          DeliveryOutcome::Retryable);
    CHECK(send_once(rx, ChannelType::DingTalk, path, 200, R"({"errcode":123456,"errmsg":"?"})").outcome ==
          DeliveryOutcome::Permanent);
    auto not_robot = send_once(rx, ChannelType::DingTalk, path, 200, "<html>hello</html>");
    CHECK(not_robot.outcome == DeliveryOutcome::Permanent);
    CHECK(not_robot.error.find("not a DingTalk robot answer") != std::string::npos);
    CHECK(send_once(rx, ChannelType::DingTalk, path, 502, "").outcome == DeliveryOutcome::Retryable);
}

TEST_CASE("channel wecom: posts the text message to the robot address with its key") {
    ChannelReceiver rx;
    rx.answer(200, R"({"errcode":0,"errmsg":"ok"})");
    auto c = config_for(ChannelType::WeCom, rx.url("/cgi-bin/webhook/send"));
    c.key = "robot-key-1";
    auto r = make_channel(c, fixed_clock())->send(message("msg-3"));
    CHECK(r.outcome == DeliveryOutcome::Delivered);
    auto got = rx.requests();
    REQUIRE(got.size() == 1);
    CHECK(got[0].method == "POST");
    CHECK(got[0].target == "/cgi-bin/webhook/send?key=robot-key-1");
    CHECK(got[0].header("Idempotency-Key") == "msg-3");
    CHECK(body_of(got[0]) == json{{"msgtype", "text"}, {"text", {{"content", "明天 19:00 上课，请准时参加"}}}});

    // A key already in the address is not added twice.
    auto in_url = config_for(ChannelType::WeCom, rx.url("/cgi-bin/webhook/send?key=abc"));
    in_url.key = "robot-key-1";
    make_channel(in_url, fixed_clock())->send(message());
    CHECK(rx.requests().back().target == "/cgi-bin/webhook/send?key=abc");
}

TEST_CASE("channel wecom: rate limit 45009 is retryable, a bad key permanent") {
    ChannelReceiver rx;
    const std::string path = "/cgi-bin/webhook/send?key=k";
    auto limited = send_once(rx, ChannelType::WeCom, path, 200, R"({"errcode":45009,"errmsg":"api freq out of limit"})");
    CHECK(limited.outcome == DeliveryOutcome::Retryable);
    CHECK(limited.error.find("45009") != std::string::npos);
    auto bad = send_once(rx, ChannelType::WeCom, path, 200, R"({"errcode":93000,"errmsg":"invalid webhook url"})");
    CHECK(bad.outcome == DeliveryOutcome::Permanent);
    CHECK(bad.error.find("key") != std::string::npos);
}

TEST_CASE("channel sms: posts to, text and id with the gateway's bearer token") {
    ChannelReceiver rx;
    rx.answer(200, R"({"accepted":true})");
    auto c = config_for(ChannelType::Sms, rx.url("/v1/sms"));
    c.key = "gw-token";
    auto channel = make_channel(c, fixed_clock());
    auto r = channel->send(message("msg-5"));
    CHECK(r.outcome == DeliveryOutcome::Sent);
    auto got = rx.requests();
    REQUIRE(got.size() == 1);
    CHECK(got[0].target == "/v1/sms");
    CHECK(got[0].header("Authorization") == "Bearer gw-token");
    CHECK(got[0].header("Idempotency-Key") == "msg-5");
    CHECK(body_of(got[0]) == json{{"to", "13800138000"}, {"text", "明天 19:00 上课，请准时参加"}, {"id", "msg-5"}});

    auto no_phone = message("msg-6");
    no_phone.address.clear();
    auto refused = channel->send(no_phone);
    CHECK(refused.outcome == DeliveryOutcome::Permanent);
    CHECK(refused.error.find("no phone number") != std::string::npos);
    CHECK(rx.requests().size() == 1);  // nothing was sent

    rx.answer(401, "");
    CHECK(channel->send(message("msg-7")).outcome == DeliveryOutcome::Permanent);
}

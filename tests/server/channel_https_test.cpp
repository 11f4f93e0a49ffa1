// https channels against a local TLS receiver started by the test, with a certificate the test
// makes with the openssl tool: trusted through the channel's caCertFile the message goes out;
// untrusted it fails for good with a message that says why (trying again would not help).
#include <doctest/doctest.h>

#include <httplib.h>

#include <cstdlib>
#include <thread>

#include "server/channel.h"
#include "server/channel_config.h"
#include "test_support.h"

using namespace wb;
using namespace wb::server;

namespace {

struct TlsReceiver {
    wb::test::TempDir dir;
    std::string cert, key;
    std::unique_ptr<httplib::SSLServer> http;
    std::thread serving;
    int port = 0;
    std::string received;

    TlsReceiver() {
        cert = dir.str() + "/cert.pem";
        key = dir.str() + "/key.pem";
        const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                                 "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert +
                                 " > /dev/null 2>&1";
        REQUIRE_MESSAGE(std::system(make.c_str()) == 0, "the openssl tool could not make a certificate");
        http = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str());
        REQUIRE(http->is_valid());
        http->Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
            received = req.body;
            res.set_content("{}", "application/json");
        });
        port = http->bind_to_any_port("127.0.0.1");
        REQUIRE(port > 0);
        serving = std::thread([this] { http->listen_after_bind(); });
        while (!http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~TlsReceiver() {
        http->stop();
        serving.join();
    }
};

ChannelConfig webhook(const std::string& url, const std::string& ca) {
    nlohmann::json j{{"id", "secure"}, {"type", "webhook"}, {"url", url}, {"readTimeoutMs", 3000}};
    if (!ca.empty()) j["caCertFile"] = ca;
    auto parsed = parse_channel_config(j);
    REQUIRE_MESSAGE(parsed.config, parsed.error);
    return *parsed.config;
}

const OutboundMessage kMessage{"m-1", "reminder", "parent", "13800000000", "明天19:00上课", "王小明"};

}  // namespace

TEST_CASE("https channel: a receiver whose certificate the channel trusts gets the message") {
    TlsReceiver receiver;
    const std::string url = "https://127.0.0.1:" + std::to_string(receiver.port) + "/hook";
    DeliveryResult r = make_channel(webhook(url, receiver.cert))->send(kMessage);
    INFO(r.error);
    CHECK(r.ok());
    CHECK(receiver.received.find("明天19:00上课") != std::string::npos);
}

TEST_CASE("https channel: an untrusted certificate fails for good, saying so") {
    TlsReceiver receiver;
    const std::string url = "https://127.0.0.1:" + std::to_string(receiver.port) + "/hook";
    DeliveryResult r = make_channel(webhook(url, ""))->send(kMessage);
    CHECK_FALSE(r.ok());
    CHECK(r.outcome == DeliveryOutcome::Permanent);
    CHECK(r.error.find("not trusted") != std::string::npos);
    CHECK(receiver.received.empty());
}

TEST_CASE("https channel: caCertFile must name a readable file") {
    auto parsed = parse_channel_config({{"id", "s"}, {"type", "webhook"}, {"url", "https://127.0.0.1:1/x"},
                                        {"caCertFile", "/nonexistent/ca.pem"}});
    CHECK_FALSE(parsed.config);
    CHECK(parsed.error.find("caCertFile") != std::string::npos);
}

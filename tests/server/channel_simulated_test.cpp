// The simulated channel: keeps sent messages in order (once per id), answers Delivered, records
// simulated parent replies, and is safe to use from several threads.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "server/channel_simulated.h"

using namespace wb::server;

namespace {

std::shared_ptr<SimulatedChannel> simulated(std::atomic<wb::TimeMs>& clock) {
    ChannelConfig c;
    c.id = "demo";
    c.type = ChannelType::Simulated;
    return std::make_shared<SimulatedChannel>(c, [&clock] { return clock.load(); });
}

OutboundMessage message(const std::string& id, const std::string& recipient) {
    OutboundMessage m;
    m.id = id;
    m.kind = "survey";
    m.recipient = recipient;
    m.text = "text of " + id;
    return m;
}

}  // namespace

TEST_CASE("channel simulated: keeps sends in order, once per message id") {
    std::atomic<wb::TimeMs> now{1000};
    auto ch = simulated(now);
    CHECK(ch->send(message("a", "p1")).outcome == DeliveryOutcome::Delivered);
    now = 2000;
    ch->send(message("b", "p2"));
    now = 3000;
    CHECK(ch->send(message("a", "p1")).outcome == DeliveryOutcome::Delivered);  // a retry: not shown twice
    auto sent = ch->sent();
    REQUIRE(sent.size() == 2);
    CHECK(sent[0].message.id == "a");
    CHECK(sent[0].at == 1000);
    CHECK(sent[1].message.id == "b");
    CHECK(sent[1].message.text == "text of b");
    CHECK(sent[1].at == 2000);
}

TEST_CASE("channel simulated: a parent's reply to a sent message is recorded; others are refused") {
    std::atomic<wb::TimeMs> now{5000};
    auto ch = simulated(now);
    ch->send(message("m1", "parent-9"));
    std::string error;
    auto reply = ch->simulate_reply("m1", "1 会参加", error);
    REQUIRE(reply.has_value());
    CHECK(reply->recipient == "parent-9");
    CHECK(reply->text == "1 会参加");
    CHECK(reply->at == 5000);
    CHECK_FALSE(ch->simulate_reply("nope", "hi", error).has_value());
    CHECK(error.find("sent no message nope") != std::string::npos);
    CHECK_FALSE(ch->simulate_reply("m1", "", error).has_value());
    REQUIRE(ch->replies().size() == 1);
    CHECK(ch->replies()[0].message_id == "m1");
}

TEST_CASE("channel simulated: concurrent senders lose nothing") {
    std::atomic<wb::TimeMs> now{1};
    auto ch = simulated(now);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([ch, t] {
            for (int i = 0; i < 200; ++i) ch->send(message(std::to_string(t) + "-" + std::to_string(i), "p"));
        });
    for (auto& th : threads) th.join();
    CHECK(ch->sent().size() == 800);
}

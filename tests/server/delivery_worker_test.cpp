// The delivery worker against a local HTTP receiver and a real store: due messages reach their
// channel once, failures retry with back-off, a quota holds the second send, a message for an
// unconfigured channel fails with a reason, and a restarted server sends nothing twice.
#include <doctest/doctest.h>

#include "channel_receiver.h"
#include "core/outbox.h"
#include "server/delivery_worker.h"
#include "server/organisation_sync.h"
#include "seeded_organisation.h"
#include "store_backends.h"

using namespace wb;
using namespace wb::server;
using wb::test::ChannelReceiver;
using wb::test::for_each_store;
using wb::test::StoreUnderTest;

namespace {
constexpr TimeMs kNoon = 1'772'856'000'000;  // 2026-03-07 04:00 UTC = 12:00 in Shanghai

void queue(OrganisationSync& sync, const std::string& id, const std::string& channel, const std::string& student)
{
    auto r = sync.apply_as_system({{"message.queue", Json{{"id", id}, {"kind", "reminder"}, {"studentId", student},
                                                           {"recipient", {{"role", "parent"}, {"address", "13800000000"}}},
                                                           {"channel", channel}, {"text", "明天有课，请准时参加"},
                                                           {"at", kNoon}}}},
                                  "test");
    REQUIRE(r.response);
    REQUIRE(r.response->results.at(0).ok);
}

OutboxMessage message(OrganisationSync& sync, const std::string& id)
{
    return sync.with_state([&](const State& s) { return s.messages.at(id); });
}

std::map<std::string, std::unique_ptr<Channel>> channels(const std::string& url, const std::string& json_extra = "")
{
    Json config = Json::parse(R"({"id": "sms", "type": "sms", "key": "token-1", "connectTimeoutMs": 300,
                                  "readTimeoutMs": 300, "retry": {"firstDelayMs": 60000, "maxAttempts": 3}})");
    config["url"] = url;
    if (!json_extra.empty()) config.update(Json::parse(json_extra));
    auto parsed = parse_channel_config(config);
    REQUIRE_MESSAGE(parsed.config, parsed.error);
    std::map<std::string, std::unique_ptr<Channel>> out;
    out["sms"] = make_channel(*parsed.config);
    return out;
}

int requests_for(const ChannelReceiver& receiver, const std::string& id)
{
    int n = 0;
    for (const auto& r : receiver.requests()) n += r.header("Idempotency-Key") == id;
    return n;
}
}  // namespace

TEST_CASE("delivery: sent once, a 500 retried after the back-off, and nothing sent twice after a restart")
{
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        ChannelReceiver receiver;
        TimeMs now = kNoon;
        auto sync = test::seeded_organisation(*s.store, 2, 2, kNoon);
        const std::string student = sync->with_state([](const State& st) { return st.students.begin()->first; });
        queue(*sync, "m-ok", "sms", student);
        queue(*sync, "m-nowhere", "wecom", student);
        {
            DeliveryWorker worker(*sync, channels(receiver.url("/sms")), [&now] { return now; });
            DeliveryPass pass = worker.run_once();
            CHECK(pass.error == "");
            CHECK(pass.sent == 1);
            CHECK(pass.failed == 1);
        }
        CHECK(requests_for(receiver, "m-ok") == 1);
        CHECK(message(*sync, "m-ok").state == MessageState::Sent);
        CHECK(message(*sync, "m-ok").attempts == 1);
        const OutboxMessage nowhere = message(*sync, "m-nowhere");
        CHECK(nowhere.state == MessageState::Failed);
        CHECK(nowhere.last_error.find("no channel 'wecom'") != std::string::npos);

        // The gateway fails: the message waits for the back-off, then goes.
        receiver.answer(500, "{\"error\":\"busy\"}");
        queue(*sync, "m-retry", "sms", student);
        DeliveryWorker worker(*sync, channels(receiver.url("/sms")), [&now] { return now; });
        CHECK(worker.run_once().retrying == 1);
        OutboxMessage waiting = message(*sync, "m-retry");
        CHECK(waiting.state == MessageState::Queued);
        CHECK(waiting.next_attempt_at == now + 60000);
        CHECK(waiting.last_error.find("500") != std::string::npos);
        now += 30000;
        CHECK(worker.run_once().retrying == 0);  // not yet
        CHECK(requests_for(receiver, "m-retry") == 1);
        receiver.answer(200, "{}");
        now += 30000;
        CHECK(worker.run_once().sent == 1);
        CHECK(requests_for(receiver, "m-retry") == 2);  // the same key both times
        CHECK(message(*sync, "m-retry").state == MessageState::Sent);

        // A restart: the outbox comes back from the store; nothing is sent again.
        sync.reset();
        auto reopened = OrganisationSync::open(*s.store);
        REQUIRE(reopened.ok());
        DeliveryWorker after(*reopened.value(), channels(receiver.url("/sms")), [&now] { return now + kHourMs; });
        DeliveryPass again = after.run_once();
        CHECK(again.sent == 0);
        CHECK(requests_for(receiver, "m-ok") == 1);
        CHECK(requests_for(receiver, "m-retry") == 2);
        CHECK(message(*reopened.value(), "m-ok").state == MessageState::Sent);
    });
}

TEST_CASE("delivery: a channel's daily quota holds the second message to a parent until local midnight")
{
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        ChannelReceiver receiver;
        TimeMs now = kNoon;
        auto sync = test::seeded_organisation(*s.store, 2, 2, kNoon);
        const std::string student = sync->with_state([](const State& st) { return st.students.begin()->first; });
        queue(*sync, "q-1", "sms", student);
        DeliveryWorker worker(*sync, channels(receiver.url("/sms"), R"({"quotaPerRecipientPerDay": 1})"),
                              [&now] { return now; });
        CHECK(worker.run_once().sent == 1);
        now += kMinuteMs;
        queue(*sync, "q-2", "sms", student);
        CHECK(worker.run_once().held == 1);
        const OutboxMessage held = message(*sync, "q-2");
        CHECK(held.state == MessageState::Held);
        CHECK(held.held_reason == HeldReason::Quota);
        // The next local day starts at midnight, inside the demo's quiet hours: 08:00 in Shanghai.
        CHECK(held.next_attempt_at == kNoon + 20 * kHourMs);
        CHECK(requests_for(receiver, "q-2") == 0);
        now = held.next_attempt_at;
        CHECK(worker.run_once().sent == 1);
        CHECK(requests_for(receiver, "q-2") == 1);
    });
}

// GET/PUT /api/channels over real HTTP on both backends: who may read what, validation that keeps
// the saved list, secrets that never come back out and survive a save that leaves them out.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "server/channel_registry.h"
#include "sync_http.h"

using nlohmann::json;
using namespace wb;
using namespace wb::test;

namespace {

httplib::Result get_channels(SyncClient& c) {
    return c.http.Get("/api/channels", {{"Authorization", "Bearer " + c.token}});
}

httplib::Result put_channels(SyncClient& c, const json& channels) {
    return c.http.Put("/api/channels", {{"Authorization", "Bearer " + c.token}},
                      json{{"channels", channels}}.dump(), "application/json");
}

const json kWebhook = {{"id", "crm"}, {"type", "webhook"}, {"url", "http://127.0.0.1:9/hook"},
                       {"inboundSecret", "s3cret-inbound"}};

}  // namespace

TEST_CASE("channels API: the demo's simulated channels, admin-only saving, validation, secrets") {
    for_each_sync_server([](SyncServer& s) {
        SyncClient admin(s, "admin", "admin-device");
        SyncClient tutor(s, "tutor1", "tutor-device");

        // The demo seeds one simulated channel per channel the template's reminders use.
        auto listed = get_channels(tutor);
        REQUIRE(listed);
        REQUIRE(listed->status == 200);
        json demo = json::parse(listed->body)["channels"];
        std::set<std::string> ids;
        for (const auto& c : demo) {
            ids.insert(c["id"].get<std::string>());
            CHECK(c["type"] == "simulated");
            CHECK(c.size() == 3);  // a tutor reads id, type and enabled only
        }
        CHECK(ids == std::set<std::string>{"sms", "dingtalk", "call"});

        auto anonymous = admin.http.Get("/api/channels");
        REQUIRE(anonymous);
        CHECK(anonymous->status == 401);

        auto by_tutor = put_channels(tutor, json::array({kWebhook}));
        REQUIRE(by_tutor);
        CHECK(by_tutor->status == 403);
        CHECK(json::parse(by_tutor->body)["error"]["code"] == "forbidden");

        // A bad entry: 400 naming the channel and field, and nothing saved.
        json bad = kWebhook;
        bad["url"] = "ftp://example/hook";
        auto refused = put_channels(admin, json::array({json{{"id", "sms"}, {"type", "simulated"}}, bad}));
        REQUIRE(refused);
        CHECK(refused->status == 400);
        json error = json::parse(refused->body)["error"];
        CHECK(error["code"] == "bad_channel");
        CHECK(error["index"] == 1);
        CHECK(error["message"].get<std::string>().find("http://") != std::string::npos);
        CHECK(s.server->channels().list().size() == 3);

        auto duplicate = put_channels(admin, json::array({kWebhook, kWebhook}));
        REQUIRE(duplicate);
        CHECK(duplicate->status == 400);
        CHECK(json::parse(duplicate->body)["error"]["message"].get<std::string>().find("crm") != std::string::npos);

        auto garbage = admin.http.Put("/api/channels", {{"Authorization", "Bearer " + admin.token}}, "{nope",
                                      "application/json");
        REQUIRE(garbage);
        CHECK(garbage->status == 400);
        CHECK(json::parse(garbage->body)["error"]["code"] == "bad_json");

        // Saved: the admin reads every setting but the secret, which is only "set".
        auto saved = put_channels(admin, json::array({json{{"id", "sms"}, {"type", "simulated"}}, kWebhook}));
        REQUIRE(saved);
        REQUIRE(saved->status == 200);
        auto full = get_channels(admin);
        REQUIRE(full);
        json crm = json::parse(full->body)["channels"][1];
        CHECK(crm["id"] == "crm");
        CHECK(crm["url"] == "http://127.0.0.1:9/hook");
        CHECK(crm["inboundSecretSet"] == true);
        CHECK(crm["secretSet"] == false);
        CHECK(full->body.find("s3cret-inbound") == std::string::npos);

        // Saving what GET returned (secrets left out) keeps the secret; "" clears it.
        json again = json::parse(full->body)["channels"];
        again[1]["enabled"] = false;
        auto kept = put_channels(admin, again);
        REQUIRE(kept);
        REQUIRE(kept->status == 200);
        REQUIRE(s.server->channels().find("crm"));
        CHECK(s.server->channels().find("crm")->inbound_secret == "s3cret-inbound");
        CHECK_FALSE(s.server->channels().find("crm")->enabled);
        again[1]["inboundSecret"] = "";
        auto cleared = put_channels(admin, again);
        REQUIRE(cleared);
        REQUIRE(cleared->status == 200);
        CHECK(s.server->channels().find("crm")->inbound_secret.empty());

        // Kept in the store: a registry opened afresh reads the same list.
        auto reopened = server::ChannelRegistry::open(s.server->store());
        REQUIRE(reopened);
        CHECK(reopened.value()->list().size() == 2);
        CHECK(reopened.value()->find("crm")->url == "http://127.0.0.1:9/hook");
    });
}

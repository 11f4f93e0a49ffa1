#include "sync_http.h"

#include <doctest/doctest.h>

#include "store_backends.h"

using nlohmann::json;

namespace wb::test {

std::string SyncServer::password(const std::string& login) const {
    for (const auto& c : server->demo().new_credentials)
        if (c.login == login) return c.password;
    FAIL("no demo password for " << login);
    return "";
}

void for_each_sync_server(const std::function<void(SyncServer&)>& body,
                          const std::function<void(server::ServerOptions&)>& adjust) {
    SUBCASE("sqlite") {
        SyncServer s;
        s.backend = "sqlite";
        write_site(s.site.path(), sample_site_files());
        auto options = test_options(s.site.str(), s.data.str());
        if (adjust) adjust(options);
        auto started = server::WorkbenchServer::start(options);
        REQUIRE_MESSAGE(started.ok(), (started.ok() ? "" : started.message()));
        s.server = std::move(started).value();
        body(s);
    }
    std::string pg = test_pg_url();
    if (pg.empty()) return;
    SUBCASE("postgresql") {
        SyncServer s;
        s.backend = "postgresql";
        write_site(s.site.path(), sample_site_files());
        auto options = test_options(s.site.str(), s.data.str());
        options.store_url = fresh_pg_database(pg, s.database);
        if (adjust) adjust(options);
        auto started = server::WorkbenchServer::start(options);
        REQUIRE_MESSAGE(started.ok(), (started.ok() ? "" : started.message()));
        s.server = std::move(started).value();
        body(s);
    }
}

SyncClient::SyncClient(const SyncServer& s, const std::string& login, const std::string& id)
    : http("127.0.0.1", s.server->port()), client_id(id) {
    http.set_read_timeout(30);
    auto res = http.Post("/api/login", json{{"login", login}, {"password", s.password(login)}}.dump(),
                         "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    token = json::parse(res->body)["token"].get<std::string>();
}

httplib::Result SyncClient::post(const std::string& path, const json& body) {
    return http.Post(path.c_str(), {{"Authorization", "Bearer " + token}}, body.dump(), "application/json");
}

json SyncClient::push(const std::string& name, const json& args) {
    json m = {{"id", next_mutation++}, {"name", name}, {"args", args}, {"createdAt", 1}};
    auto res = post("/api/push", {{"clientId", client_id}, {"mutations", json::array({m})}});
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return json::parse(res->body);
}

json SyncClient::pull(const std::string& cursor, int limit, int64_t acked) {
    auto res = post("/api/pull", {{"clientId", client_id}, {"cursor", cursor}, {"limit", limit}, {"acked", acked}});
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body.substr(0, 300));
    return json::parse(res->body);
}

PulledRows pull_all(SyncClient& client, std::string& cursor, int limit) {
    PulledRows out;
    for (bool more = true; more;) {
        json page = client.pull(cursor, limit);
        out.reset |= page["reset"].get<bool>();
        CHECK(page["changes"].size() <= static_cast<size_t>(limit));
        for (const auto& row : page["changes"]) {
            std::string kind = row["kind"], id = row["id"];
            if (row.value("deleted", false)) {
                out.live[kind].erase(id);
                out.deleted[kind].push_back(id);
            } else {
                out.live[kind][id] = row["body"];
            }
        }
        cursor = page["cursor"].get<std::string>();
        more = page["more"].get<bool>();
        REQUIRE(++out.pages < 1000);
    }
    return out;
}

}  // namespace wb::test

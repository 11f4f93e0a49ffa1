#pragma once
// Sync over real HTTP for the server tests: a server on each backend (SQLite always, PostgreSQL
// when WB_TEST_PG_URL is set), a signed-in client that pushes and pulls JSON as the browser will.
#include <httplib.h>

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/server.h"
#include "test_support.h"

namespace wb::test {

struct SyncServer {
    std::string backend;
    std::shared_ptr<void> database;  // a PostgreSQL database, dropped last
    TempDir site, data;
    std::unique_ptr<server::WorkbenchServer> server;
    std::string password(const std::string& login) const;
};

// Runs `body` once per available backend on a freshly seeded server (a doctest SUBCASE each);
// `adjust` may change the options first (e.g. turn the automation on).
void for_each_sync_server(const std::function<void(SyncServer&)>& body,
                          const std::function<void(server::ServerOptions&)>& adjust = {});

// One device of one account.
struct SyncClient {
    httplib::Client http;
    std::string token;
    std::string client_id;
    int64_t next_mutation = 1;

    SyncClient(const SyncServer& s, const std::string& login, const std::string& client_id);
    httplib::Result post(const std::string& path, const nlohmann::json& body);
    // Pushes one mutation under the next number; returns the response body (status 200 required).
    nlohmann::json push(const std::string& name, const nlohmann::json& args);
    nlohmann::json pull(const std::string& cursor, int limit = 1000, int64_t acked = 0);
};

// All rows of a complete pull chain (pages of `limit`), by kind and id; `cursor` is updated.
struct PulledRows {
    std::map<std::string, std::map<std::string, nlohmann::json>> live;  // kind -> id -> body
    std::map<std::string, std::vector<std::string>> deleted;            // kind -> ids
    int pages = 0;
    bool reset = false;
};
PulledRows pull_all(SyncClient& client, std::string& cursor, int limit);

}  // namespace wb::test

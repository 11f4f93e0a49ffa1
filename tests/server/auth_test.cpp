// Accounts over HTTP: demo accounts, login, bearer sessions, logout, expiry.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "server/authenticator.h"
#include "server/organisation_sync.h"
#include "server/passwords.h"
#include "store/open_store.h"
#include "store_backends.h"
#include "test_support.h"

using nlohmann::json;
using wb::test::RunningServer;

namespace {
std::string password_of(const RunningServer& s, const std::string& login) {
    for (const auto& c : s.server->demo().new_credentials)
        if (c.login == login) return c.password;
    FAIL("no demo password for " << login);
    return "";
}

httplib::Result post_json(httplib::Client& cli, const char* path, const json& body,
                          const httplib::Headers& headers = {}) {
    return cli.Post(path, headers, body.dump(), "application/json");
}

std::string login(httplib::Client& cli, const std::string& who, const std::string& password) {
    auto res = post_json(cli, "/api/login", {{"login", who}, {"password", password}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return json::parse(res->body)["token"].get<std::string>();
}

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

void check_error(const httplib::Result& res, int status, const std::string& code) {
    REQUIRE(res);
    CHECK(res->status == status);
    auto body = json::parse(res->body, nullptr, false);
    REQUIRE(body.is_object());
    CHECK(body["error"]["code"] == code);
    if (status == 401) CHECK(res->get_header_value("WWW-Authenticate") == "Bearer");
}
}  // namespace

TEST_CASE("the demo accounts are seeded once, with Argon2id hashes, and their passwords work") {
    RunningServer s;
    const auto& demo = s.server->demo();
    REQUIRE(demo.new_credentials.size() == 6);
    int tutors = 0, managers = 0, admins = 0;
    for (const auto& c : demo.new_credentials) {
        tutors += c.role == wb::store::Role::Tutor;
        managers += c.role == wb::store::Role::Manager;
        admins += c.role == wb::store::Role::Admin;
        CHECK(c.password.size() >= 10);
    }
    CHECK(tutors == 4);
    CHECK(managers == 1);
    CHECK(admins == 1);
    auto accounts = s.server->store().accounts();
    REQUIRE(accounts.ok());
    for (const auto& a : accounts.value()) {
        CAPTURE(a.login);
        CHECK(a.password_hash.rfind("$argon2id$", 0) == 0);
        if (a.role == wb::store::Role::Tutor) CHECK(a.manager_id == "m1");
        CHECK(wb::server::verify_password(a.password_hash, password_of(s, a.login)));
        CHECK_FALSE(wb::server::verify_password(a.password_hash, "wrong"));
    }

    // A restart keeps the accounts and makes no new passwords; a reset makes new ones.
    s.server->stop();
    auto options = wb::test::test_options(s.site.str(), (s.data.path() / "data").string());
    {
        auto again = wb::server::WorkbenchServer::start(options);
        REQUIRE(again.ok());
        CHECK(again.value()->demo().new_credentials.empty());
        CHECK(again.value()->demo().account_count == 6);
    }
    options.reset_demo_passwords = true;
    auto reset = wb::server::WorkbenchServer::start(options);
    REQUIRE(reset.ok());
    REQUIRE(reset.value()->demo().new_credentials.size() == 6);
    httplib::Client cli("127.0.0.1", reset.value()->port());
    std::string old_password = password_of(s, "tutor1");
    check_error(post_json(cli, "/api/login", {{"login", "tutor1"}, {"password", old_password}}), 401,
                "invalid_credentials");
    std::string fresh;
    for (const auto& c : reset.value()->demo().new_credentials)
        if (c.login == "tutor1") fresh = c.password;
    CHECK_FALSE(login(cli, "tutor1", fresh).empty());
}

TEST_CASE("login gives a bearer token; /api/me tells who it is; logout ends it") {
    RunningServer s;
    auto cli = s.client();
    auto res = post_json(cli, "/api/login", {{"login", "tutor2"}, {"password", password_of(s, "tutor2")}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto body = json::parse(res->body);
    std::string token = body["token"];
    CHECK(token.size() == 64);
    CHECK(body["user"]["id"] == "t2");  // the demo dataset's user id
    CHECK(body["user"]["role"] == "tutor");
    CHECK(body["user"]["managerId"] == "m1");
    CHECK(body["user"]["name"] == s.server->sync().with_state([](const wb::State& st) { return st.users.at("t2").name; }));
    CHECK(body["expiresAt"].get<std::int64_t>() > 0);
    CHECK(res->get_header_value("Cache-Control") == "no-store");

    // The store keeps only the token's hash.
    CHECK_FALSE(s.server->store().find_session(token).value());
    CHECK(s.server->store().find_session(wb::server::session_token_hash(token)).value());

    auto me = cli.Get("/api/me", bearer(token));
    REQUIRE(me);
    CHECK(me->status == 200);
    CHECK(json::parse(me->body)["user"]["login"] == "tutor2");
    auto lower = cli.Get("/api/me", {{"Authorization", "bearer " + token}});
    CHECK(lower->status == 200);

    // Two sessions of one person are independent.
    std::string second = login(cli, "tutor2", password_of(s, "tutor2"));
    CHECK(second != token);
    auto out = cli.Post("/api/logout", bearer(token), "", "application/json");
    REQUIRE(out);
    CHECK(out->status == 200);
    check_error(cli.Get("/api/me", bearer(token)), 401, "unauthorized");
    check_error(cli.Post("/api/logout", bearer(token), "", "application/json"), 401, "unauthorized");
    CHECK(cli.Get("/api/me", bearer(second))->status == 200);
}

TEST_CASE("wrong credentials, bad bodies and missing tokens get clear errors") {
    RunningServer s;
    auto cli = s.client();
    check_error(post_json(cli, "/api/login", {{"login", "tutor1"}, {"password", "nope"}}), 401,
                "invalid_credentials");
    check_error(post_json(cli, "/api/login", {{"login", "nobody"}, {"password", "nope"}}), 401,
                "invalid_credentials");
    check_error(cli.Post("/api/login", "{not json", "application/json"), 400, "bad_json");
    check_error(post_json(cli, "/api/login", {{"login", 42}, {"password", "x"}}), 400, "bad_request");
    check_error(post_json(cli, "/api/login", json::array({"tutor1"})), 400, "bad_request");
    check_error(post_json(cli, "/api/login", {{"login", "tutor1"}}), 400, "bad_request");
    check_error(cli.Get("/api/login"), 405, "method_not_allowed");

    check_error(cli.Get("/api/me"), 401, "unauthorized");
    check_error(cli.Get("/api/me", {{"Authorization", "Basic dXNlcjpwYXNz"}}), 401, "unauthorized");
    check_error(cli.Get("/api/me", {{"Authorization", "Bearer "}}), 401, "unauthorized");
    check_error(cli.Get("/api/me", bearer(std::string(64, 'a'))), 401, "unauthorized");
    check_error(cli.Post("/api/logout", "", "application/json"), 401, "unauthorized");
    // The server keeps serving.
    CHECK(cli.Get("/api/health")->status == 200);
}

TEST_CASE("an expired session is refused as session_expired") {
    RunningServer s([](wb::server::ServerOptions& o) { o.session_ttl_ms = 300; });
    auto cli = s.client();
    std::string token = login(cli, "manager", password_of(s, "manager"));
    CHECK(cli.Get("/api/me", bearer(token))->status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    check_error(cli.Get("/api/me", bearer(token)), 401, "session_expired");
    // Signing in again works; the next login sweeps the expired session away.
    std::string again = login(cli, "manager", password_of(s, "manager"));
    CHECK(cli.Get("/api/me", bearer(again))->status == 200);
    CHECK_FALSE(s.server->store().find_session(wb::server::session_token_hash(token)).value());
}

TEST_CASE("the server runs on PostgreSQL with --store postgresql://") {
    std::string pg = wb::test::test_pg_url();
    if (pg.empty()) {
        MESSAGE("SKIPPED: WB_TEST_PG_URL is not set");
        return;
    }
    std::shared_ptr<void> database;
    std::string url = wb::test::fresh_pg_database(pg, database);
    wb::test::TempDir site, data;
    wb::test::write_site(site.path(), wb::test::sample_site_files());
    auto options = wb::test::test_options(site.str(), data.str());
    options.store_url = url;
    std::string tutor_password, tutor_name;
    {
        auto server = wb::server::WorkbenchServer::start(options);
        REQUIRE_MESSAGE(server.ok(), (server.ok() ? "" : server.message()));
        CHECK(server.value()->demo().seeded_now);
        for (const auto& c : server.value()->demo().new_credentials)
            if (c.login == "tutor3") tutor_password = c.password, tutor_name = c.name;
        httplib::Client cli("127.0.0.1", server.value()->port());
        auto health = cli.Get("/api/health");
        REQUIRE(health);
        CHECK(json::parse(health->body)["store"] == "postgresql");
        std::string token = login(cli, "tutor3", tutor_password);
        CHECK(json::parse(cli.Get("/api/me", bearer(token))->body)["user"]["name"] == tutor_name);
        CHECK(server.value()->demo().student_count == wb::test::kTestDemoStudents);
    }
    auto again = wb::server::WorkbenchServer::start(options);
    REQUIRE(again.ok());
    CHECK_FALSE(again.value()->demo().seeded_now);
    CHECK(again.value()->demo().new_credentials.empty());
    httplib::Client cli("127.0.0.1", again.value()->port());
    CHECK_FALSE(login(cli, "tutor3", tutor_password).empty());
    // The SQLite file is not made when PostgreSQL is the store.
    CHECK_FALSE(std::filesystem::exists(wb::store::default_sqlite_path(data.str())));
}

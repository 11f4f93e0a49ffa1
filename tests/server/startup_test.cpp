// Starting and stopping: port conflicts, data directory problems, the SQLite file and the demo
// organisation.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server/demo_seed.h"
#include "server/organisation_sync.h"
#include "store/open_store.h"
#include "test_support.h"

using wb::test::RunningServer;
using wb::test::TempDir;

namespace {
wb::server::ServerOptions options_for(const TempDir& site, const std::string& data_dir, int port = 0) {
    wb::test::write_site(site.path(), wb::test::sample_site_files());
    auto o = wb::test::test_options(site.str(), data_dir);
    o.port = port;
    return o;
}

std::string pragma_text(const std::string& file, const char* pragma) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, pragma, -1, &stmt, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}
}  // namespace

TEST_CASE("a port that is already taken is an error value naming the port") {
    RunningServer first;
    TempDir site, data;
    auto second = wb::server::WorkbenchServer::start(
        options_for(site, (data.path() / "d").string(), first.server->port()));
    REQUIRE_FALSE(second.ok());
    CHECK(second.message().find(std::to_string(first.server->port())) != std::string::npos);
    CHECK(second.message().find("in use") != std::string::npos);

    // Also when the other listener is not one of ours.
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(listen(sock, 4) == 0);
    socklen_t len = sizeof addr;
    getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
    int port = ntohs(addr.sin_port);
    auto third = wb::server::WorkbenchServer::start(options_for(site, (data.path() / "e").string(), port));
    CHECK_FALSE(third.ok());
    close(sock);
}

TEST_CASE("a data directory that cannot be created or written is an error value") {
    TempDir site, scratch;
    wb::test::write_file(scratch.path() / "plain-file", "not a directory");
    for (std::string bad : {(scratch.path() / "plain-file" / "data").string(),
                            (scratch.path() / "plain-file").string(),
                            std::string("/proc/wb-server-test-data")}) {
        CAPTURE(bad);
        auto started = wb::server::WorkbenchServer::start(options_for(site, bad));
        REQUIRE_FALSE(started.ok());
        CHECK(started.message().find(bad) != std::string::npos);
        CHECK(started.message().find("data directory") != std::string::npos);
    }
}

TEST_CASE("a missing site directory is an error that says how to build it") {
    TempDir data;
    auto o = wb::test::test_options((data.path() / "no-site").string(), (data.path() / "d").string());
    auto started = wb::server::WorkbenchServer::start(o);
    REQUIRE_FALSE(started.ok());
    CHECK(started.message().find("no-site") != std::string::npos);
    CHECK(started.message().find("build") != std::string::npos);
}

TEST_CASE("the SQLite file is created in WAL mode and the demo organisation is seeded exactly once") {
    TempDir site, data;
    std::string data_dir = (data.path() / "nested" / "data").string();
    auto options = options_for(site, data_dir);
    options.demo_students_per_tutor = wb::server::ServerOptions{}.demo_students_per_tutor;  // the real size
    std::string file = wb::store::default_sqlite_path(data_dir);
    {
        auto started = wb::server::WorkbenchServer::start(options);
        REQUIRE_MESSAGE(started.ok(), (started.ok() ? "" : started.message()));
        CHECK(started.value()->demo().seeded_now);
        REQUIRE(started.value()->demo().organisation);
        // One organisation: the store's record is the synced dataset's organisation.
        auto synced = started.value()->sync().with_state([](const wb::State& st) { return st.organisation; });
        CHECK_FALSE(synced.name.empty());
        CHECK(started.value()->demo().organisation->name == synced.name);
        CHECK(started.value()->demo().organisation->time_zone == "Asia/Shanghai");
        CHECK(started.value()->demo().student_count == 1000);
        MESSAGE("demo seeding through the sync service took " << started.value()->demo().seed_ms << " ms");
        CHECK(std::filesystem::is_regular_file(file));
        CHECK(pragma_text(file, "PRAGMA journal_mode") == "wal");
        started.value()->stop();
    }
    for (int restart = 0; restart < 2; ++restart) {
        auto again = wb::server::WorkbenchServer::start(options);
        REQUIRE(again.ok());
        CHECK_FALSE(again.value()->demo().seeded_now);
        CHECK(again.value()->demo().student_count == 1000);  // rebuilt from the store's rows
        auto orgs = again.value()->store().organisations();
        REQUIRE(orgs.ok());
        CHECK(orgs.value().size() == 1);
    }
    CHECK(pragma_text(file, "SELECT COUNT(*) FROM organisations") == "1");
    CHECK(std::stoi(pragma_text(file, "SELECT MAX(version) FROM schema_version")) >= 1);
}

TEST_CASE("stop() is graceful and idempotent; the port is free again afterwards") {
    RunningServer s;
    int port = s.server->port();
    REQUIRE(s.client().Get("/api/health"));
    s.server->stop();
    s.server->stop();
    CHECK_FALSE(s.client().Get("/api/health"));
    TempDir site, data;
    auto reuse = wb::server::WorkbenchServer::start(options_for(site, (data.path() / "d").string(), port));
    CHECK_MESSAGE(reuse.ok(), (reuse.ok() ? "" : reuse.message()));
}

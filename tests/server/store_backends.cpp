#include "store_backends.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>
#include <pqxx/pqxx>

#include "store/open_store.h"
#include "store/random_name.h"
#include "test_support.h"

namespace wb::test {

std::string test_pg_url() {
    const char* url = std::getenv("WB_TEST_PG_URL");
    if (url && *url) return url;
    static bool told = false;
    if (!told) {
        told = true;
        std::cerr << "[server_tests] PostgreSQL store cases SKIPPED: WB_TEST_PG_URL is not set "
                     "(run: scripts/pg-throwaway.sh -- build/.../server_tests)\n";
    }
    return "";
}

namespace {

// postgresql://user@host:port/db?x  ->  same URL naming another database.
std::string with_database(const std::string& url, const std::string& db) {
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme + 3);
    auto query = url.find('?', scheme + 3);
    std::string base = url.substr(0, slash == std::string::npos ? query : slash);
    std::string rest = query == std::string::npos ? "" : url.substr(query);
    return base + "/" + db + rest;
}

StoreUnderTest sqlite_store() {
    auto dir = std::make_shared<TempDir>();
    std::string url = "sqlite:" + (dir->path() / "store.sqlite3").string();
    auto opened = store::open_store(url, dir->str());
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.message()));
    StoreUnderTest s;
    s.backend = "sqlite";
    s.store = std::move(opened).value();
    s.reopen = [url, dir] {
        auto again = store::open_store(url, dir->str());
        REQUIRE(again.ok());
        return std::move(again).value();
    };
    s.cleanup = dir;
    return s;
}

struct PgDatabase {
    std::string admin_url;
    std::string name;
    ~PgDatabase() {
        try {
            pqxx::connection admin(admin_url);
            pqxx::nontransaction tx(admin);
            tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name) + " WITH (FORCE)");
        } catch (const std::exception& e) {
            std::cerr << "[server_tests] cannot drop test database " << name << ": " << e.what() << "\n";
        }
    }
};

}  // namespace

std::string fresh_pg_database(const std::string& admin_url, std::shared_ptr<void>& keep_alive) {
    auto db = std::make_shared<PgDatabase>();
    db->admin_url = admin_url;
    db->name = "wb_test_" + store::random_hex(6);
    {
        pqxx::connection admin(admin_url);
        pqxx::nontransaction tx(admin);
        // CREATE DATABASE takes no parameters; the name is ours and quoted by libpq.
        tx.exec("CREATE DATABASE " + tx.quote_name(db->name));
    }
    keep_alive = db;
    return with_database(admin_url, db->name);
}

namespace {

StoreUnderTest postgres_store(const std::string& admin_url) {
    std::shared_ptr<void> db;
    std::string url = fresh_pg_database(admin_url, db);
    auto opened = store::open_store(url, "");
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.message()));
    StoreUnderTest s;
    s.backend = "postgresql";
    s.store = std::move(opened).value();
    s.reopen = [url] {
        auto again = store::open_store(url, "");
        REQUIRE(again.ok());
        return std::move(again).value();
    };
    s.cleanup = db;
    return s;
}

}  // namespace

void for_each_store(const std::function<void(StoreUnderTest&)>& body) {
    SUBCASE("sqlite") {
        auto s = sqlite_store();
        body(s);
    }
    std::string pg = test_pg_url();
    if (!pg.empty()) {
        SUBCASE("postgresql") {
            auto s = postgres_store(pg);
            body(s);
        }
    }
}

}  // namespace wb::test

#pragma once
// The same store tests run against every backend: SQLite always, PostgreSQL when WB_TEST_PG_URL
// names a server (scripts/pg-throwaway.sh starts one). Each store is fresh: a new SQLite file or
// a new PostgreSQL database, dropped afterwards.
#include <functional>
#include <memory>
#include <string>

#include "store/store.h"

namespace wb::test {

struct StoreUnderTest {
    std::shared_ptr<void> cleanup;  // first member: destroyed last, after the store closed
    std::string backend;  // "sqlite" / "postgresql"
    std::unique_ptr<store::Store> store;
    std::function<std::unique_ptr<store::Store>()> reopen;  // a second handle on the same data
};

// Runs `body` once per available backend (as a doctest SUBCASE named after it).
void for_each_store(const std::function<void(StoreUnderTest&)>& body);

// A fresh PostgreSQL database on the test server, dropped when `keep_alive` goes away.
std::string fresh_pg_database(const std::string& admin_url, std::shared_ptr<void>& keep_alive);

// The PostgreSQL URL for tests, or "" (and a visible message once) when unset.
std::string test_pg_url();

}  // namespace wb::test

// The store contract, run against every backend (store_backends.h).
#include <doctest/doctest.h>

#include <atomic>
#include <future>
#include <set>
#include <thread>

#include "store_backends.h"

using wb::store::Account;
using wb::store::OwnerFilter;
using wb::store::Rejection;
using wb::store::Role;
using wb::store::SessionRecord;
using wb::store::StoredRow;
using wb::store::SyncWriter;
using wb::test::StoreUnderTest;
using wb::test::for_each_store;

namespace {
Account account(const std::string& id, Role role, const std::string& manager = "") {
    return Account{id, "login-" + id, "Name " + id, role, manager, "$argon2id$fake-hash-" + id};
}

// Writes one row per key in one transaction; returns the versions.
std::vector<std::int64_t> write_rows(wb::store::Store& store,
                                     const std::vector<std::pair<std::string, std::string>>& ids_owners) {
    std::vector<std::int64_t> versions;
    auto done = store.transact([&](SyncWriter& w) -> wb::Status {
        for (const auto& [id, owner] : ids_owners) {
            auto v = w.allocate_version();
            if (!v) return v.error();
            versions.push_back(v.value());
            auto s = w.write_row(StoredRow{"students", id, v.value(), false,
                                           "{\"id\":\"" + id + "\",\"name\":\"学生\"}", owner});
            if (!s) return s;
        }
        return wb::ok_status();
    });
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.message()));
    return versions;
}
}  // namespace

TEST_CASE("store: schema, epoch and organisations") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        auto version = s.store->schema_version();
        REQUIRE(version.ok());
        CHECK(version.value() >= 2);
        auto epoch = s.store->epoch();
        REQUIRE(epoch.ok());
        CHECK(epoch.value().size() == 16);
        CHECK(s.store->kind() == s.backend);

        REQUIRE(s.store->organisations().value().empty());
        auto org = s.store->create_organisation("演示学校", "Asia/Shanghai");
        REQUIRE(org.ok());
        // Reopening applies no migration twice and keeps data and epoch.
        auto again = s.reopen();
        CHECK(again->schema_version().value() == version.value());
        CHECK(again->epoch().value() == epoch.value());
        auto orgs = again->organisations();
        REQUIRE(orgs.ok());
        REQUIRE(orgs.value().size() == 1);
        CHECK(orgs.value()[0].name == "演示学校");
        CHECK(orgs.value()[0].time_zone == "Asia/Shanghai");
    });
}

TEST_CASE("store: settings are kept across a reopen, overwritten by key, and the epoch is not one") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        auto none = s.store->setting("scheduler.fired_through");
        REQUIRE(none.ok());
        CHECK_FALSE(none.value().has_value());
        REQUIRE(s.store->set_setting("scheduler.fired_through", "1000").ok());
        REQUIRE(s.store->set_setting("scheduler.fired_through", "2000").ok());
        const std::string epoch = s.store->epoch().value();
        CHECK_FALSE(s.store->set_setting("epoch", "x").ok());
        auto again = s.reopen();
        CHECK(again->setting("scheduler.fired_through").value() == std::optional<std::string>("2000"));
        CHECK(again->epoch().value() == epoch);
    });
}

TEST_CASE("store: accounts are unique by login and user id") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        REQUIRE(s.store->create_account(account("m1", Role::Manager)).ok());
        REQUIRE(s.store->create_account(account("t1", Role::Tutor, "m1")).ok());
        auto duplicate = s.store->create_account(account("t1", Role::Tutor, "m1"));
        REQUIRE_FALSE(duplicate.ok());
        CHECK(duplicate.message().find("already exists") != std::string::npos);
        Account same_login = account("t2", Role::Tutor, "m1");
        same_login.login = "login-t1";
        CHECK_FALSE(s.store->create_account(same_login).ok());

        auto found = s.store->find_account_by_login("login-t1");
        REQUIRE(found.ok());
        REQUIRE(found.value());
        CHECK(found.value()->user_id == "t1");
        CHECK(found.value()->role == Role::Tutor);
        CHECK(found.value()->manager_id == "m1");
        CHECK(found.value()->password_hash == "$argon2id$fake-hash-t1");
        CHECK_FALSE(s.store->find_account_by_login("nobody").value());
        CHECK(s.store->find_account("m1").value()->role == Role::Manager);
        CHECK(s.store->accounts().value().size() == 2);

        REQUIRE(s.store->set_password_hash("t1", "$argon2id$new").ok());
        CHECK(s.store->find_account("t1").value()->password_hash == "$argon2id$new");
        CHECK_FALSE(s.store->set_password_hash("ghost", "x").ok());
    });
}

TEST_CASE("store: sessions are found by token hash, expire and can be deleted") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        REQUIRE(s.store->create_account(account("t1", Role::Tutor)).ok());
        REQUIRE(s.store->create_session({"hash-a", "t1", 1000, 5000}).ok());
        REQUIRE(s.store->create_session({"hash-b", "t1", 1000, 9000}).ok());
        CHECK_FALSE(s.store->create_session({"hash-c", "ghost", 1000, 9000}).ok());

        auto a = s.store->find_session("hash-a");
        REQUIRE(a.ok());
        REQUIRE(a.value());
        CHECK(a.value()->user_id == "t1");
        CHECK(a.value()->expires_at_ms == 5000);
        CHECK_FALSE(s.store->find_session("unknown").value());

        auto removed = s.store->delete_expired_sessions(6000);
        REQUIRE(removed.ok());
        CHECK(removed.value() == 1);
        CHECK_FALSE(s.store->find_session("hash-a").value());
        REQUIRE(s.store->delete_session("hash-b").ok());
        CHECK_FALSE(s.store->find_session("hash-b").value());
    });
}

TEST_CASE("store: versions are consecutive, rows are latest-wins, pulls page in version order") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        auto first = write_rows(*s.store, {{"s1", "t1"}, {"s2", "t2"}, {"s3", ""}});
        CHECK(first == std::vector<std::int64_t>{1, 2, 3});
        auto second = write_rows(*s.store, {{"s1", "t1"}});  // s1 changes again
        CHECK(second == std::vector<std::int64_t>{4});

        OwnerFilter everything{true, {}};
        auto all = s.store->pull(0, everything, 100, "c1", 0);
        REQUIRE(all.ok());
        CHECK(all.value().max_version == 4);
        CHECK_FALSE(all.value().more);
        REQUIRE(all.value().rows.size() == 3);  // s1 appears once, at its latest version
        CHECK(all.value().rows[0].id == "s2");
        CHECK(all.value().rows[2].id == "s1");
        CHECK(all.value().rows[2].version == 4);
        CHECK(all.value().rows[2].body == "{\"id\":\"s1\",\"name\":\"学生\"}");

        auto paged = s.store->pull(0, everything, 2, "c1", 0);
        REQUIRE(paged.ok());
        CHECK(paged.value().rows.size() == 2);
        CHECK(paged.value().more);
        auto rest = s.store->pull(paged.value().rows.back().version, everything, 2, "c1", 0);
        CHECK(rest.value().rows.size() == 1);
        CHECK_FALSE(rest.value().more);

        // A tutor's filter: their rows and the shared ones, nothing of another tutor.
        auto t1 = s.store->pull(0, OwnerFilter{false, {"", "t1"}}, 100, "c1", 0);
        REQUIRE(t1.ok());
        REQUIRE(t1.value().rows.size() == 2);
        for (const auto& row : t1.value().rows) CHECK(row.owner != "t2");
        auto nobody = s.store->pull(0, OwnerFilter{false, {}}, 100, "c1", 0);
        CHECK(nobody.value().rows.empty());
        CHECK(nobody.value().max_version == 4);

        // Deletion leaves a tombstone for pulls, but not among live rows.
        REQUIRE(s.store->transact([](SyncWriter& w) -> wb::Status {
            auto v = w.allocate_version();
            if (!v) return v.error();
            return w.write_row(StoredRow{"students", "s2", v.value(), true, "", "t2"});
        }).ok());
        auto tomb = s.store->pull(4, everything, 100, "c1", 0);
        REQUIRE(tomb.value().rows.size() == 1);
        CHECK(tomb.value().rows[0].deleted);
        CHECK(tomb.value().rows[0].version == 5);
        auto live = s.store->live_rows();
        REQUIRE(live.ok());
        CHECK(live.value().size() == 2);
    });
}

TEST_CASE("store: a failed transaction leaves nothing, not even a used version") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        auto failed = s.store->transact([](SyncWriter& w) -> wb::Status {
            auto v = w.allocate_version();
            if (!v) return v.error();
            if (auto r = w.write_row(StoredRow{"students", "x", v.value(), false, "{}", "t1"}); !r) return r;
            if (auto r = w.set_last_applied("c1", "t1", 7); !r) return r;
            return wb::fail("the mutator failed");
        });
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.message() == "the mutator failed");
        auto page = s.store->pull(0, OwnerFilter{true, {}}, 10, "c1", 0);
        REQUIRE(page.ok());
        CHECK(page.value().rows.empty());
        CHECK(page.value().max_version == 0);
        CHECK_FALSE(page.value().client);
        CHECK_FALSE(s.store->sync_client("c1").value());
        CHECK(write_rows(*s.store, {{"y", "t1"}}) == std::vector<std::int64_t>{1});
    });
}

TEST_CASE("store: last applied numbers, the owning user and rejections per client") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        REQUIRE(s.store->transact([](SyncWriter& w) -> wb::Status {
            auto before = w.client("c1");
            if (!before) return before.error();
            if (before.value()) return wb::fail("a new client has no record");
            if (auto r = w.set_last_applied("c1", "t1", 1); !r) return r;
            if (auto r = w.record_rejection("c1", Rejection{2, "rejected", "学生不存在"}); !r) return r;
            if (auto r = w.set_last_applied("c1", "t1", 3); !r) return r;
            return w.set_last_applied("c2", "t2", 9);
        }).ok());
        std::optional<wb::store::SyncClient> seen;
        REQUIRE(s.store->transact([&](SyncWriter& w) -> wb::Status {
            auto n = w.client("c1");
            if (!n) return n.error();
            seen = n.value();
            return wb::ok_status();
        }).ok());
        REQUIRE(seen);
        CHECK(seen->last_applied == 3);
        CHECK(seen->user_id == "t1");
        // Read on its own, outside a transaction.
        auto c2 = s.store->sync_client("c2");
        REQUIRE(c2.ok());
        REQUIRE(c2.value());
        CHECK(c2.value()->user_id == "t2");
        CHECK(c2.value()->last_applied == 9);
        CHECK_FALSE(s.store->sync_client("c3").value());
        // The first user stays bound: a later record under another user only moves the number.
        REQUIRE(s.store->transact([](SyncWriter& w) { return w.set_last_applied("c2", "t9", 10); }).ok());
        CHECK(s.store->sync_client("c2").value()->user_id == "t2");
        CHECK(s.store->sync_client("c2").value()->last_applied == 10);

        auto page = s.store->pull(0, OwnerFilter{true, {}}, 10, "c1", 0);
        REQUIRE(page.ok());
        REQUIRE(page.value().client);
        CHECK(page.value().client->last_applied == 3);
        CHECK(page.value().client->user_id == "t1");
        REQUIRE(page.value().rejected.size() == 1);
        CHECK(page.value().rejected[0].mutation_id == 2);
        CHECK(page.value().rejected[0].code == "rejected");
        CHECK(page.value().rejected[0].message == "学生不存在");
        // Once the client acknowledged number 2, the rejection is not sent again.
        CHECK(s.store->pull(0, OwnerFilter{true, {}}, 10, "c1", 2).value().rejected.empty());
        CHECK(s.store->pull(0, OwnerFilter{true, {}}, 10, "c2", 0).value().client->last_applied == 10);
        CHECK_FALSE(s.store->pull(0, OwnerFilter{true, {}}, 10, "c3", 0).value().client);
    });
}

TEST_CASE("store: concurrent writers never let a pull cursor skip a row") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        // Several writers on their own handles commit while a reader pulls continuously, moving
        // its cursor to the highest version it saw. Any row committed late below the cursor
        // would be lost to that reader; at the end the reader must hold every row.
        constexpr int kWriters = 3, kRowsEach = 15;
        std::vector<std::unique_ptr<wb::store::Store>> handles;
        for (int i = 0; i < kWriters; ++i) handles.push_back(s.reopen());
        std::atomic<int> finished{0};
        std::vector<std::thread> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back([&, w] {
                for (int i = 0; i < kRowsEach; ++i) {
                    auto done = handles[w]->transact([&](SyncWriter& tx) -> wb::Status {
                        auto v = tx.allocate_version();
                        if (!v) return v.error();
                        // Hold the transaction open a little so commits interleave with pulls.
                        std::this_thread::sleep_for(std::chrono::microseconds(300 * (w + 1)));
                        return tx.write_row(StoredRow{"events", std::to_string(w) + "-" + std::to_string(i),
                                                      v.value(), false, "{}", "t1"});
                    });
                    if (!done.ok()) FAIL_CHECK(done.message());
                }
                ++finished;
            });
        }
        std::int64_t cursor = 0;
        std::set<std::string> seen;
        for (;;) {
            bool writers_done = finished.load() == kWriters;
            auto page = s.store->pull(cursor, OwnerFilter{true, {}}, 1000, "reader", 0);
            REQUIRE(page.ok());
            for (const auto& row : page.value().rows) {
                CHECK(row.version > cursor);
                seen.insert(row.id);
                cursor = row.version;
            }
            // The committed maximum never runs ahead of what a pull can see.
            if (!page.value().more) CHECK(cursor <= page.value().max_version);
            if (writers_done && !page.value().more) break;
        }
        for (auto& t : writers) t.join();
        CHECK(seen.size() == static_cast<size_t>(kWriters * kRowsEach));
        CHECK(cursor == kWriters * kRowsEach);
    });
}

TEST_CASE("store: a writer that allocated a version holds back later writers until it commits") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        // The hard case of out-of-order commits: T1 takes version 1 and stays open; T2 wants a
        // version meanwhile. If T2 could take 2 and commit first, a reader would move its cursor
        // to 2 and never see 1. The store must make T2 wait for T1 instead.
        auto first = s.reopen();
        auto second = s.reopen();
        std::promise<void> t1_allocated, t1_may_commit;
        std::atomic<bool> t2_allocated{false};
        std::int64_t v1 = 0, v2 = 0;
        std::thread t1([&] {
            auto done = first->transact([&](SyncWriter& w) -> wb::Status {
                auto v = w.allocate_version();
                if (!v) return v.error();
                v1 = v.value();
                if (auto r = w.write_row(StoredRow{"events", "early", v1, false, "{}", "t1"}); !r) return r;
                t1_allocated.set_value();
                t1_may_commit.get_future().wait();
                return wb::ok_status();
            });
            CHECK(done.ok());
        });
        t1_allocated.get_future().wait();
        std::thread t2([&] {
            auto done = second->transact([&](SyncWriter& w) -> wb::Status {
                auto v = w.allocate_version();
                if (!v) return v.error();
                v2 = v.value();
                t2_allocated = true;
                return w.write_row(StoredRow{"events", "late", v2, false, "{}", "t1"});
            });
            CHECK(done.ok());
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        CHECK_FALSE(t2_allocated.load());
        auto during = s.store->pull(0, OwnerFilter{true, {}}, 10, "reader", 0);
        REQUIRE(during.ok());
        CHECK(during.value().rows.empty());
        CHECK(during.value().max_version == 0);

        t1_may_commit.set_value();
        t1.join();
        t2.join();
        CHECK(v1 == 1);
        CHECK(v2 == 2);
        auto after = s.store->pull(0, OwnerFilter{true, {}}, 10, "reader", 0);
        REQUIRE(after.value().rows.size() == 2);
        CHECK(after.value().rows[0].id == "early");
        CHECK(after.value().rows[1].id == "late");
    });
}

TEST_CASE("store: a row that moved to another owner reaches the old owner's readers as deleted") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        write_rows(*s.store, {{"s1", "t1"}, {"s2", "t1"}});
        // s1 moves from t1 to t2 at version 3.
        REQUIRE(s.store->transact([](SyncWriter& w) -> wb::Status {
            auto v = w.allocate_version();
            if (!v) return v.error();
            if (auto r = w.write_row(StoredRow{"students", "s1", v.value(), false, "{\"id\":\"s1\"}", "t2"}); !r)
                return r;
            return w.revoke("students", "s1", "t1", v.value());
        }).ok());
        auto t1 = s.store->pull(2, OwnerFilter{false, {"", "t1"}}, 10, "c", 0);
        REQUIRE(t1.ok());
        REQUIRE(t1.value().rows.size() == 1);
        CHECK(t1.value().rows[0].id == "s1");
        CHECK(t1.value().rows[0].deleted);
        CHECK(t1.value().rows[0].version == 3);
        auto t2 = s.store->pull(0, OwnerFilter{false, {"", "t2"}}, 10, "c", 0);
        REQUIRE(t2.value().rows.size() == 1);
        CHECK_FALSE(t2.value().rows[0].deleted);
        // A manager of both sees the row itself, not a tombstone.
        auto both = s.store->pull(2, OwnerFilter{false, {"", "t1", "t2"}}, 10, "c", 0);
        REQUIRE(both.value().rows.size() == 1);
        CHECK_FALSE(both.value().rows[0].deleted);
        auto admin = s.store->pull(2, OwnerFilter{true, {}}, 10, "c", 0);
        REQUIRE(admin.value().rows.size() == 1);
        CHECK_FALSE(admin.value().rows[0].deleted);
        // Cursor past the move: nothing more for t1.
        CHECK(s.store->pull(3, OwnerFilter{false, {"", "t1"}}, 10, "c", 0).value().rows.empty());
    });
}

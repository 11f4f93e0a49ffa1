// The sync service (src/sync) running on the real stores through SyncStoreAdapter: the same
// exactly-once and scope rules as with the in-memory store, now on SQLite and PostgreSQL.
#include <doctest/doctest.h>

#include "../unit/sync_fixture.h"
#include "store/sync_store_adapter.h"
#include "store_backends.h"
#include "sync/client_replica.h"
#include "sync/sync_service.h"

using namespace wb::sync;
using wb::test::StoreUnderTest;
using wb::test::for_each_store;

namespace {

void pull_all(SyncService& server, ClientReplica& c, const std::string& user) {
    for (int i = 0; i < 100; ++i) {
        auto r = server.pull(c.next_pull(5), user);  // small pages: exercises `more`
        REQUIRE_MESSAGE(r.response, r.error.message);
        c.on_pull(*r.response);
        if (!r.response->more) return;
    }
    FAIL("pull did not finish");
}

}  // namespace

TEST_CASE("sync on a real store: exactly once, in scope, and the state survives a restart") {
    for_each_store([](StoreUnderTest& s) {
        CAPTURE(s.backend);
        wb::store::SyncStoreAdapter port(*s.store);
        std::string error;
        auto server = SyncService::open(port, error);
        REQUIRE_MESSAGE(server, error);
        REQUIRE(server->apply_as_system(wb::test::sync_fixture_mutations(), "seed").response);

        ClientReplica t1("device-t1");
        pull_all(*server, t1, "t1");
        REQUIRE(t1.enqueue(wb::test::note("n1", "s1", 1, "家长已联系"), 1).record);
        REQUIRE(t1.enqueue(wb::test::note("n2", "s2", 2, "请假"), 2).record);
        PushRequest request = t1.next_push(10);
        auto first = server->push(request, "t1");
        REQUIRE_MESSAGE(first.response, first.error.message);
        CHECK(first.response->last_applied == 2);
        // The acknowledgement is lost; the same batch comes again and is not applied twice.
        auto again = server->push(request, "t1");
        REQUIRE(again.response);
        CHECK(again.response->last_applied == 2);
        CHECK(again.response->results.empty());
        t1.on_push(*again.response);
        pull_all(*server, t1, "t1");
        CHECK(t1.pending().empty());
        CHECK(t1.confirmed().events.size() == 2);

        // Another tutor sees none of it; the manager sees it all.
        ClientReplica t2("device-t2"), mgr("device-mgr");
        pull_all(*server, t2, "t2");
        pull_all(*server, mgr, "mgr");
        CHECK(t2.confirmed().events.empty());
        CHECK(mgr.confirmed().events.size() == 2);
        CHECK(t2.confirmed().users.size() == server->state().users.size());  // shared rows

        // A fresh service on a fresh handle rebuilds the same state from the rows.
        auto reopened = s.reopen();
        wb::store::SyncStoreAdapter port2(*reopened);
        auto restarted = SyncService::open(port2, error);
        REQUIRE_MESSAGE(restarted, error);
        CHECK(restarted->state().events.size() == 2);
        CHECK(restarted->state().students.size() == server->state().students.size());
        ClientReplica late("device-late");
        pull_all(*restarted, late, "t1");
        CHECK(late.confirmed().events.size() == 2);

        // Class k1 moves from t1 to t2: t1's copy loses its students and notes, t2's gains them.
        size_t t1_students = t1.confirmed().students.size();
        REQUIRE(t1_students > 0);
        auto moved = restarted->apply_as_system(
            {wb::test::mut("class.upsert", {{"id", "k1"}, {"courseId", "c1"}, {"tutorId", "t2"}, {"name", "一班"}})},
            "admin-console");
        REQUIRE_MESSAGE(moved.response, moved.error.message);
        pull_all(*restarted, t1, "t1");
        pull_all(*restarted, t2, "t2");
        CHECK(t1.confirmed().events.empty());
        CHECK(t1.confirmed().students.size() < t1_students);
        CHECK(t2.confirmed().events.size() == 2);
    });
}

TEST_CASE("owner filters follow the scope rules") {
    Scope tutor;
    tutor.known = true;
    tutor.tutors = {"t1"};
    auto f = wb::store::owner_filter(tutor);
    CHECK_FALSE(f.everything);
    CHECK(f.owners == std::vector<std::string>{"", "t1"});
    Scope admin;
    admin.known = true;
    admin.whole_organisation = true;
    CHECK(wb::store::owner_filter(admin).everything);
    Scope stranger;
    auto none = wb::store::owner_filter(stranger);
    CHECK_FALSE(none.everything);
    CHECK(none.owners.empty());
}

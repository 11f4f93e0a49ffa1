// event.retract through sync: the sync row table has no entry for it, so the service diffs the
// whole state; this checks that the retraction, its effect on enrolments and the scope rules
// travel like any other change.
#include <doctest/doctest.h>

#include "sync/client_replica.h"
#include "sync/memory_sync_store.h"
#include "sync/sync_service.h"
#include "sync_fixture.h"

using namespace wb;
using namespace wb::sync;

namespace {

Mutation retract(const std::string& id, const std::string& event_id, TimeMs at)
{
    return test::mut("event.retract", {{"id", id}, {"eventId", event_id}, {"at", at}, {"by", "t1"}, {"reason", "recorded by mistake"}});
}

void pull_all(SyncService& server, ClientReplica& c, const std::string& user)
{
    for (int i = 0; i < 100; ++i) {
        auto r = server.pull(c.next_pull(1000), user);
        REQUIRE_MESSAGE(r.response, r.error.message);
        c.on_pull(*r.response);
        if (!r.response->more) return;
    }
}

}  // namespace

TEST_CASE("a retraction syncs: the tutor's other device sees it and the enrolment back; other tutors' events are out of reach")
{
    MemorySyncStore store{"epoch-1"};
    std::string err;
    auto server = SyncService::open(store, err);
    REQUIRE(server);
    REQUIRE(server->apply_as_system(test::sync_fixture_mutations(), "seed").response);
    const TimeMs at = 1767225600000 + 10 * kDayMs;
    REQUIRE(server->apply_as_system({test::mut("event.record", {{"id", "d1"}, {"kind", "refund_decision"}, {"at", at}, {"studentId", "s1"},
                                                                {"value", "refund"}, {"reason", "家长坚持"}}),
                                     test::note("n4", "s4", at, "t2's student")},
                                    "seed")
                .response);
    REQUIRE(server->state().enrolments.at("e1").status == EnrolmentStatus::Refunded);

    ClientReplica phone("phone"), laptop("laptop");
    pull_all(*server, phone, "t1");
    pull_all(*server, laptop, "t1");
    REQUIRE(laptop.view().enrolments.at("e1").status == EnrolmentStatus::Refunded);
    phone.enqueue(retract("r1", "d1", at + kHourMs), at + kHourMs);
    CHECK(phone.view().enrolments.at("e1").status == EnrolmentStatus::Active);  // optimistically, on the phone
    auto pushed = server->push(phone.next_push(10), "t1");
    REQUIRE(pushed.response);
    REQUIRE(pushed.response->results.size() == 1);
    CHECK(pushed.response->results[0].ok);
    phone.on_push(*pushed.response);
    // A client that sends a retraction of another tutor's student's event is refused.
    auto rogue = server->push(PushRequest{"rogue", {PendingMutation{1, retract("r2", "n4", at + kHourMs), 1}}}, "t1");
    REQUIRE(rogue.response);
    REQUIRE(rogue.response->results.size() == 1);
    CHECK(rogue.response->results[0].error.code == code::kForbidden);

    CHECK(server->state().enrolments.at("e1").status == EnrolmentStatus::Active);
    CHECK_FALSE(find_event(server->state(), "r2"));
    pull_all(*server, laptop, "t1");
    const Event* r1 = find_event(laptop.view(), "r1");
    REQUIRE(r1);
    CHECK(r1->ref_id == "d1");
    CHECK(laptop.view().enrolments.at("e1").status == EnrolmentStatus::Active);
    CHECK(find_event(laptop.view(), "d1"));  // the mistaken decision stays in history
}

// Outbox messages through the sync service: a tutor queues messages for their own students
// only, the server's record of a delivery reaches the tutor, another tutor never sees them, and
// they move with a student who changes tutor.
#include <doctest/doctest.h>

#include "sync_world.h"

using namespace wb;
using namespace wb::sync;

namespace {

const TimeMs kAt = 1767225600000 + 3 * kDayMs;

Mutation queue(const std::string& id, const std::string& student)
{
    return test::mut("message.queue", {{"id", id},
                                       {"kind", "reminder"},
                                       {"studentId", student},
                                       {"recipient", {{"role", "parent"}}},
                                       {"channel", "simulated"},
                                       {"text", "今晚 19:00 上课"},
                                       {"at", kAt},
                                       {"by", "t1"}});
}

using World = test::SyncWorld;

}  // namespace

TEST_CASE("outbox messages sync to their student's tutor only, with the server's delivery record, and follow a moved student")
{
    World w;
    ClientReplica t1("t1-dev"), t2("t2-dev");
    w.pull_all(t1, "t1");
    w.pull_all(t2, "t2");

    PushRequest req{"t1-dev", {PendingMutation{1, queue("m-s1", "s1"), 1}, PendingMutation{2, queue("m-s4", "s4"), 1}}};
    auto pushed = w.server->push(req, "t1");
    REQUIRE(pushed.response);
    REQUIRE(pushed.response->results.size() == 2);
    CHECK(pushed.response->results[0].ok);
    CHECK_FALSE(pushed.response->results[1].ok);  // s4 is t2's student
    CHECK(pushed.response->results[1].error.code == code::kForbidden);
    CHECK(w.server->state().messages.count("m-s4") == 0);

    // The server's worker records the delivery; the tutor's replica receives it.
    w.system(test::mut("message.attempt", {{"id", "m-s1"}, {"at", kAt + 1000}, {"outcome", "delivered"}}), "outbox-worker");
    w.pull_all(t1, "t1");
    w.pull_all(t2, "t2");
    REQUIRE(t1.view().messages.count("m-s1") == 1);
    CHECK(t1.view().messages.at("m-s1").state == MessageState::Delivered);
    CHECK(t1.view().messages.at("m-s1").attempts == 1);
    CHECK(t2.view().messages.count("m-s1") == 0);

    // s1 moves to t2's class: the message goes to t2 and is revoked from t1.
    w.system(test::mut("enrolment.upsert", {{"id", "e1"}, {"studentId", "s1"}, {"classId", "k2"}, {"enrolledAt", kAt}}), "admin-move");
    w.pull_all(t1, "t1");
    w.pull_all(t2, "t2");
    CHECK(t1.view().messages.count("m-s1") == 0);
    REQUIRE(t2.view().messages.count("m-s1") == 1);
    CHECK(t2.view().messages.at("m-s1").state == MessageState::Delivered);
}

// The hard cases of sync, one by one (the randomized simulation mixes them).
#include <doctest/doctest.h>

#include "sync_world.h"

using namespace wb;
using namespace wb::sync;

namespace {

using World = test::SyncWorld;

}  // namespace

TEST_CASE("a lost acknowledgement: the retry is recognised and nothing is applied twice")
{
    World w;
    ClientReplica c("dev");
    w.pull_all(c, "t1");
    REQUIRE(c.enqueue(test::note("n1", "s1", 1, "一"), 1).record);
    PushRequest req = c.next_push(10);
    auto first = w.server->push(req, "t1");  // committed; pretend the answer was lost
    auto again = w.server->push(req, "t1");
    REQUIRE(again.response);
    CHECK(again.response->last_applied == 1);
    CHECK(again.response->results.empty());  // nothing new applied
    w.pull_all(c, "t1");
    CHECK(c.pending().empty());
    CHECK(c.rejected().empty());
    CHECK(w.server->state().events.size() == 1);
}

TEST_CASE("a gap: the server answers out_of_order and the client resends from the expected number")
{
    World w;
    ClientReplica c("dev");
    w.pull_all(c, "t1");
    for (int i = 1; i <= 3; ++i) REQUIRE(c.enqueue(test::note("n" + std::to_string(i), "s1", i, "x"), i).record);
    PushRequest req = c.next_push(10);
    req.mutations.erase(req.mutations.begin());  // mutation 1 got lost on the way
    auto r = w.server->push(req, "t1");
    REQUIRE(r.response);
    REQUIRE(r.response->error);
    CHECK(r.response->error->code == code::kOutOfOrder);
    CHECK(r.response->last_applied == 0);
    c.on_push(*r.response);
    CHECK(c.next_push(10).mutations.front().id == 1);
    CHECK(w.push(c, "t1").last_applied == 3);
}

TEST_CASE("a poison mutation advances the number, keeps its reason and does not block the queue")
{
    World w;
    ClientReplica c("dev");
    w.pull_all(c, "t1");
    REQUIRE(c.enqueue(test::note("dup", "s1", 1, "first"), 1).record);
    REQUIRE(c.enqueue(test::note("n2", "s2", 2, "second"), 2).record);
    // Another device records an event with the same id first: ours fails on the server.
    ClientReplica other("other");
    w.pull_all(other, "t1");
    REQUIRE(other.enqueue(test::note("dup", "s3", 1, "theirs"), 1).record);
    w.push(other, "t1");
    auto resp = w.push(c, "t1");
    CHECK(resp.last_applied == 2);
    REQUIRE(resp.results.size() == 2);
    CHECK_FALSE(resp.results[0].ok);
    CHECK(resp.results[0].error.message.find("already recorded") != std::string::npos);
    CHECK(resp.results[1].ok);
    w.pull_all(c, "t1");
    CHECK(c.pending().empty());
    REQUIRE(c.rejected().size() == 1);
    CHECK(c.rejected()[0].id == 1);
    CHECK(find_event(c.view(), "n2"));
}

TEST_CASE("a restored server database: a cursor from the future resets and keeps pending mutations")
{
    World w;
    auto backup = w.store.data();
    ClientReplica c("dev");
    REQUIRE(w.server->apply_as_system({test::note("late", "s1", 5, "after the backup")}, "seed").response);
    w.pull_all(c, "t1");
    REQUIRE(find_event(c.view(), "late"));
    REQUIRE(c.enqueue(test::note("mine", "s2", 6, "offline"), 6).record);

    SUBCASE("same epoch, versions went back") { w.store.restore(backup, "epoch-1"); }
    SUBCASE("a new database") { w.store.restore(backup, "epoch-2"); }
    std::string err;
    w.server = SyncService::open(w.store, err);
    REQUIRE(w.server);
    auto r = w.server->pull(c.next_pull(1000), "t1");
    REQUIRE(r.response);
    CHECK(r.response->reset);
    c.on_pull(*r.response);
    CHECK_FALSE(find_event(c.view(), "late"));  // gone with the restore
    CHECK(find_event(c.view(), "mine"));         // still pending, still shown
    CHECK(c.pending().size() == 1);
    w.push(c, "t1");
    w.pull_all(c, "t1");
    CHECK(c.pending().empty());
    CHECK(find_event(w.server->state(), "mine"));
}

TEST_CASE("a student moved to another tutor's class leaves the old tutor's device and reaches the new one")
{
    World w;
    REQUIRE(w.server->apply_as_system({test::note("n3", "s3", 1, "history")}, "seed").response);
    ClientReplica a("dev-t1"), b("dev-t2");
    w.pull_all(a, "t1");
    w.pull_all(b, "t2");
    REQUIRE(a.view().students.count("s3"));
    REQUIRE_FALSE(b.view().students.count("s3"));
    auto moved = w.server->apply_as_system(
        {test::mut("enrolment.upsert", {{"id", "e3"}, {"studentId", "s3"}, {"classId", "k2"}, {"enrolledAt", 1}})}, "seed");
    REQUIRE(moved.response);
    w.pull_all(a, "t1");
    w.pull_all(b, "t2");
    CHECK_FALSE(a.view().students.count("s3"));
    CHECK_FALSE(find_event(a.view(), "n3"));
    CHECK(b.view().students.count("s3"));
    CHECK(find_event(b.view(), "n3"));
}

TEST_CASE("a tutor cannot write another tutor's students, whatever the client sends")
{
    World w;
    PushRequest req{"rogue", {PendingMutation{1, test::note("x", "s4", 1, "not mine"), 1},
                              PendingMutation{2, test::mut("student.upsert", {{"id", "s5"}, {"name", "改"}}), 1},
                              PendingMutation{3, test::mut("lesson.upsert", {{"id", "l1"}, {"courseId", "c1"}, {"number", 1}, {"start", 1}, {"end", 2}}), 1},
                              PendingMutation{4, test::note("ok", "s1", 1, "mine"), 1}}};
    auto r = w.server->push(req, "t1");
    REQUIRE(r.response);
    REQUIRE(r.response->results.size() == 4);
    for (int i = 0; i < 3; ++i) {
        CHECK_FALSE(r.response->results[i].ok);
        CHECK(r.response->results[i].error.code == code::kForbidden);
    }
    CHECK(r.response->results[3].ok);
    CHECK_FALSE(find_event(w.server->state(), "x"));
    CHECK(w.server->state().students.at("s5").name == "学生5");
    CHECK(w.server->state().lessons.at("l1").start != 1);
    CHECK(find_event(w.server->state(), "ok"));
    // And reading: t1's pull holds none of t2's students.
    ClientReplica c("dev");
    w.pull_all(c, "t1");
    CHECK(c.view().students.size() == 3);
    CHECK_FALSE(w.server->pull(c.next_pull(10), "intruder").response);
}

TEST_CASE("pulls page through the changes and a reload keeps everything")
{
    World w;
    ClientReplica c("dev");
    int pages = 0;
    for (;;) {
        auto r = w.server->pull(c.next_pull(4), "mgr");
        REQUIRE(r.response);
        c.on_pull(*r.response);
        ++pages;
        if (!r.response->more) break;
    }
    CHECK(pages > 3);
    CHECK(c.view().students.size() == 6);  // the manager sees both tutors' classes
    REQUIRE(c.enqueue(test::note("n", "s6", 1, "x"), 1).record);
    std::string err;
    auto back = ClientReplica::restore(c.save(), err);
    REQUIRE(back);
    CHECK(state_rows(back->view()) == state_rows(c.view()));
    CHECK(back->next_id() == 2);
}

TEST_CASE("malformed protocol messages are refused with a path and a reason")
{
    PushRequest push;
    CHECK(from_json(Json::parse(R"({"clientId":"a","mutations":[{"id":0,"name":"x"}]})"), push).find("/mutations/0/id") == 0);
    PushRequest push2;
    CHECK(from_json(Json::parse(R"({"clientId":"a","mutations":[{"id":1,"name":5}]})"), push2) == "/mutations/0/name: expected a string");
    PullRequest pull;
    CHECK(from_json(Json::parse(R"({"clientId":"a","limit":0})"), pull) == "/limit: must be between 1 and 10000");
    std::string err;
    CHECK_FALSE(parse_cursor("nodot", err));
    CHECK_FALSE(parse_cursor("e.12x", err));
    CHECK(parse_cursor("e.12", err)->version == 12);
    PushResponse resp{3, {{1, true, {}}, {2, false, {"rejected", "no"}}}, ErrorInfo{"out_of_order", "expected 4"}};
    PushResponse back;
    REQUIRE(from_json(to_json(resp), back) == "");
    CHECK(back.last_applied == 3);
    CHECK(back.results[1].error.message == "no");
    CHECK(back.error->code == "out_of_order");
}

TEST_CASE("a client id belongs to the user who first pushed or pulled with it")
{
    World w;
    ClientReplica pulled_first("pulled-first"), pushed_first("pushed-first");
    w.pull_all(pulled_first, "t1");  // a pull binds the client id
    auto pushed = w.server->push(PushRequest{"pushed-first", {PendingMutation{1, test::note("n1", "s1", 1, "一"), 1}}},
                                 "t1");  // so does a push
    REQUIRE(pushed.response);

    for (ClientReplica* c : {&pulled_first, &pushed_first}) {
        CAPTURE(c->client_id());
        auto pull = w.server->pull(c->next_pull(10), "t2");
        REQUIRE_FALSE(pull.response);
        CHECK(pull.error.code == code::kForbidden);
        CHECK(pull.error.message.find(c->client_id()) != std::string::npos);
        PushRequest req{c->client_id(), {PendingMutation{5, test::note("n-t2", "s4", 2, "二"), 2}}};
        auto push = w.server->push(req, "t2");
        REQUIRE_FALSE(push.response);
        CHECK(push.error.code == code::kForbidden);
        // The admin may read everything, but not through someone else's client id either.
        CHECK_FALSE(w.server->pull(c->next_pull(10), "admin").response);
    }
    CHECK(find_event(w.server->state(), "n-t2") == nullptr);
    CHECK(w.store.data().clients.at("pulled-first").user_id == "t1");
    CHECK(w.store.data().clients.at("pushed-first").last_applied == 1);
    // The owner carries on with both.
    w.pull_all(pulled_first, "t1");
    w.pull_all(pushed_first, "t1");
    CHECK(pushed_first.acked() == 1);
    CHECK(pulled_first.confirmed().events.size() == 1);
}

TEST_CASE("apply_as_system continues a client's numbering across calls without a write to read it")
{
    World w;  // seeded under "seed"
    size_t seeded = test::sync_fixture_mutations().size();
    CHECK(w.store.data().clients.at("seed").last_applied == static_cast<int64_t>(seeded));
    int64_t version = w.store.data().version;
    auto more = w.server->apply_as_system({test::note("sys1", "s1", 5, "系统")}, "seed");
    REQUIRE(more.response);
    CHECK(more.response->last_applied == static_cast<int64_t>(seeded) + 1);
    REQUIRE(more.response->results.size() == 1);
    CHECK(more.response->results[0].ok);
    CHECK(w.store.data().version == version + 1);
}

TEST_CASE("a pull's waitMs travels as JSON, is bounded, and an answer with nothing new is idle")
{
    PullRequest req{"dev", "e.5", 100, 3, 25000};
    Json j = to_json(req);
    CHECK(j["waitMs"] == 25000);
    PullRequest back;
    REQUIRE(from_json(j, back) == "");
    CHECK(back.wait_ms == 25000);
    CHECK_FALSE(to_json(PullRequest{"dev", "", 10, 0, 0}).contains("waitMs"));  // 0: not sent
    for (Json bad : {Json(-1), Json(25001), Json("5"), Json(0.5)}) {
        Json b = j;
        b["waitMs"] = bad;
        PullRequest out;
        CHECK(from_json(b, out).rfind("/waitMs", 0) == 0);
    }

    PullResponse idle{"e.9", {}, 3, {}, false, false};
    CHECK(pull_is_idle(req, idle));
    PullResponse applied = idle;
    applied.last_applied = 4;  // a push of this client was applied since it acknowledged 3
    CHECK_FALSE(pull_is_idle(req, applied));
    PullResponse changed = idle;
    changed.changes.push_back(Row{{"events", "n1"}, 9, true, Json()});
    CHECK_FALSE(pull_is_idle(req, changed));
    PullResponse more = idle;
    more.more = true;
    CHECK_FALSE(pull_is_idle(req, more));
    PullResponse reset = idle;
    reset.reset = true;
    CHECK_FALSE(pull_is_idle(req, reset));
    PullResponse rejected = idle;
    rejected.rejected.push_back(MutationOutcome{3, false, {code::kForbidden, "x"}});
    CHECK_FALSE(pull_is_idle(req, rejected));
}

TEST_CASE("view_changes moves with every change of the view and only then")
{
    World w;
    ClientReplica c("dev");
    w.pull_all(c, "t1");
    const uint64_t after_pull = c.view_changes();
    CHECK(after_pull > 0);
    auto idle = w.server->pull(c.next_pull(1000), "t1");  // nothing new: the view is the same
    REQUIRE(idle.response);
    c.on_pull(*idle.response);
    CHECK(c.view_changes() == after_pull);
    CHECK_FALSE(c.enqueue(test::note("n1", "no-such-student", 1, "x"), 1).record);
    CHECK(c.view_changes() == after_pull);  // a refused edit changes nothing
    REQUIRE(c.enqueue(test::note("n1", "s1", 1, "一"), 1).record);
    CHECK(c.view_changes() == after_pull + 1);
}

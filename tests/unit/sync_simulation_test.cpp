// A randomized simulation of sync (deterministic seeds): three devices of two tutors go offline
// and online, push duplicates, lose requests and answers, push out of order, reload, and the
// server restarts and fails commits. Afterwards every device shows exactly what the server
// holds for its user, every mutation was applied exactly once (an event applied twice would
// come back as a rejection), and the one kind of mutation the server must refuse (a tutor
// writing another tutor's student) was refused and reported to that device.
#include <doctest/doctest.h>

#include <set>

#include "sync/client_replica.h"
#include "sync/memory_sync_store.h"
#include "sync/sync_service.h"
#include "sync_fixture.h"

using namespace wb;
using namespace wb::sync;

namespace {

// Deterministic on every platform: a 64-bit LCG with our own reduction, since the standard
// distributions differ between libstdc++ and libc++ (native and wasm must agree).
struct Dice {
    uint64_t s;
    uint32_t next() { s = s * 6364136223846793005ULL + 1442695040888963407ULL; return uint32_t(s >> 33); }
    int below(int n) { return int(next() % uint32_t(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

struct Device {
    std::string user;
    ClientReplica replica;
    std::vector<std::string> own_students;
    std::string foreign_student;  // a student of the other tutor: writing it must be refused
};

struct Sim {
    Dice dice;
    MemorySyncStore store{"epoch-1"};
    std::optional<SyncService> server;
    std::vector<Device> devices;
    std::set<std::pair<std::string, int64_t>> must_be_refused;
    std::set<std::string> notes_written;
    int steps = 0;
    int lost_answers = 0, out_of_order = 0, restarts = 0, failed_commits = 0, reloads = 0;

    explicit Sim(uint64_t seed) : dice{seed * 0x9E3779B97F4A7C15ULL + 1}
    {
        std::string err;
        server = SyncService::open(store, err);
        REQUIRE(server);
        auto seeded = server->apply_as_system(test::sync_fixture_mutations(), "seed");
        REQUIRE(seeded.response);
        for (const auto& r : seeded.response->results) REQUIRE(r.ok);
        devices.push_back({"t1", ClientReplica("dev-a"), {"s1", "s2", "s3"}, "s4"});
        devices.push_back({"t1", ClientReplica("dev-b"), {"s1", "s2", "s3"}, "s5"});
        devices.push_back({"t2", ClientReplica("dev-c"), {"s4", "s5", "s6"}, "s1"});
    }

    void edit(Device& d)
    {
        const TimeMs at = 1768000000000 + steps;
        if (dice.chance(8)) {
            // Locally fine (the device does not see that student), refused by the server.
            auto e = d.replica.enqueue(test::mut("student.upsert", {{"id", d.foreign_student}, {"name", "抢来的"}}), at);
            REQUIRE(e.record);
            must_be_refused.insert({d.replica.client_id(), e.record->id});
            return;
        }
        if (dice.chance(5)) {  // invalid input is refused at once and never queued
            size_t before = d.replica.pending().size();
            auto e = d.replica.enqueue(test::mut("event.record", {{"id", "bad"}, {"kind", "grade"}, {"at", at}}), at);
            CHECK_FALSE(e.result.ok);
            CHECK(d.replica.pending().size() == before);
            return;
        }
        const std::string& student = d.own_students[dice.below(3)];
        std::string id = d.replica.client_id() + "-n" + std::to_string(steps);
        auto e = d.replica.enqueue(test::note(id, student, at, "记录 " + id), at);
        if (!d.replica.view().students.count(student)) {  // before the first pull: nothing to note on
            CHECK_FALSE(e.result.ok);
            return;
        }
        REQUIRE_MESSAGE(e.result.ok, e.result.reason);
        notes_written.insert(id);
    }

    void push(Device& d, bool reliable)
    {
        PushRequest req = d.replica.next_push(1 + dice.below(4));
        if (req.mutations.empty()) return;
        if (!reliable && dice.chance(15)) return;  // the request never arrived
        if (!reliable && req.mutations.size() > 1 && dice.chance(20)) {
            std::swap(req.mutations.front(), req.mutations.back());  // a reordered retry
        }
        if (!reliable && dice.chance(10)) {
            store.fail_next_commit();
            auto r = server->push(req, d.user);
            CHECK_FALSE(r.response);
            ++failed_commits;
            check_server_matches_store();  // the batch was taken back out of the live state
            return;
        }
        auto r = server->push(req, d.user);
        check_server_matches_store();  // refused mutations were undone in place
        REQUIRE_MESSAGE(r.response, r.error.message);
        if (r.response->error) ++out_of_order;
        if (!reliable && dice.chance(20)) { ++lost_answers; return; }  // committed, answer lost
        if (!reliable && dice.chance(10)) server->push(req, d.user);    // a duplicate in flight
        d.replica.on_push(*r.response);
    }

    bool pull(Device& d, bool reliable)
    {
        PullRequest req = d.replica.next_pull(reliable ? 1000 : 2 + dice.below(20));
        auto r = server->pull(req, d.user);
        REQUIRE_MESSAGE(r.response, r.error.message);
        if (!reliable && dice.chance(15)) { ++lost_answers; return true; }
        d.replica.on_pull(*r.response);
        check_incremental(d.replica);
        return r.response->more || !r.response->changes.empty();
    }

    // The service applies pushes to its live state in place and undoes refused mutations and
    // failed commits; the live state must always be what the store's rows say.
    void check_server_matches_store()
    {
        std::vector<Row> rows;
        REQUIRE(store.live_rows(rows).empty());
        State from_store;
        REQUIRE(state_from_rows(rows, from_store).empty());
        CHECK(state_rows(server->state()) == state_rows(from_store));
        CHECK(server->state().events.size() == server->state().event_index.size());
    }

    // The replica applies each pull's rows to its states in place; they must equal what a full
    // rebuild from all its rows gives (events in version order), and with nothing pending the
    // view must be the confirmed state.
    static void check_incremental(const ClientReplica& replica)
    {
        SavedReplica saved = replica.save();
        State rebuilt;
        if (!saved.rows.empty() && state_from_rows(saved.rows, rebuilt).empty())
            CHECK(state_to_json(replica.confirmed()) == state_to_json(rebuilt));
        if (replica.pending().empty()) CHECK(state_to_json(replica.view()) == state_to_json(replica.confirmed()));
    }

    void step()
    {
        ++steps;
        Device& d = devices[dice.below(int(devices.size()))];
        int what = dice.below(100);
        if (what < 40) edit(d);
        else if (what < 65) push(d, false);
        else if (what < 88) pull(d, false);
        else if (what < 93) {  // the tab reloads: only what storage kept comes back
            std::string err;
            auto back = ClientReplica::restore(d.replica.save(), err);
            REQUIRE_MESSAGE(back, err);
            d.replica = std::move(*back);
            ++reloads;
        } else if (what < 97) {  // the server restarts between requests
            std::string err;
            server = SyncService::open(store, err);
            REQUIRE_MESSAGE(server, err);
            ++restarts;
        }
    }

    void settle()
    {
        for (int round = 0; round < 200; ++round) {
            bool busy = false;
            for (auto& d : devices) {
                if (!d.replica.pending().empty()) {
                    busy = true;
                    push(d, true);
                }
                busy = pull(d, true) || busy;
            }
            if (!busy) return;
        }
        FAIL("sync did not settle in 200 rounds");
    }
};

RowMap readable_rows(const State& server_state, const std::string& user)
{
    Scope scope = scope_for(server_state, user);
    RowOwners owners(server_state);
    RowMap out;
    for (auto& [key, body] : state_rows(server_state))
        if (scope.reads(owners.owner(key, body))) out[key] = body;
    return out;
}

void run_simulation(uint64_t seed, int steps)
{
    Sim sim(seed);
    for (int i = 0; i < steps; ++i) sim.step();
    sim.settle();

    const State& truth = sim.server->state();
    for (auto& d : sim.devices) {
        CHECK_MESSAGE(d.replica.pending().empty(), "seed " << seed << " " << d.replica.client_id());
        RowMap mine = state_rows(d.replica.view()), theirs = readable_rows(truth, d.user);
        if (mine != theirs) {
            for (auto& [k, b] : mine) if (!theirs.count(k) || theirs[k] != b) MESSAGE("device has " << k.kind << "/" << k.id << " " << b.dump());
            for (auto& [k, b] : theirs) if (!mine.count(k)) MESSAGE("server has " << k.kind << "/" << k.id << " " << b.dump());
        }
        CHECK_MESSAGE(mine == theirs,
                      "seed " << seed << ": " << d.replica.client_id() << " differs from the server");
        // The device learnt about exactly its refused mutations, with a reason.
        std::set<std::pair<std::string, int64_t>> seen;
        for (const auto& o : d.replica.rejected()) {
            seen.insert({d.replica.client_id(), o.id});
            CHECK(o.error.code == code::kForbidden);
        }
        std::set<std::pair<std::string, int64_t>> expected;
        for (const auto& r : sim.must_be_refused)
            if (r.first == d.replica.client_id()) expected.insert(r);
        CHECK_MESSAGE(seen == expected, "seed " << seed << " " << d.replica.client_id() << ": unexpected rejections");
    }
    // Every note reached the server once: present, and no duplicate-event rejection anywhere.
    for (const auto& id : sim.notes_written) CHECK_MESSAGE(find_event(truth, id), "seed " << seed << " lost " << id);
    CHECK(truth.students.at("s1").name == "学生1");  // no refused write slipped through
    CHECK(truth.students.at("s4").name == "学生4");
}

}  // namespace

TEST_CASE("sync simulation: 300 seeded runs converge with every mutation applied exactly once")
{
    for (uint64_t seed = 1; seed <= 300; ++seed) run_simulation(seed, 120);
}

TEST_CASE("sync simulation exercises the hard cases it claims to")
{
    Sim sim(7);
    for (int i = 0; i < 400; ++i) sim.step();
    sim.settle();
    CHECK(sim.lost_answers > 0);
    CHECK(sim.out_of_order > 0);
    CHECK(sim.restarts > 0);
    CHECK(sim.failed_commits > 0);
    CHECK(sim.reloads > 0);
    CHECK(sim.must_be_refused.size() > 0);
}

// Rows: the dataset split into sync rows, diffs, and the key table that predicts what a
// mutation changes.
#include <doctest/doctest.h>

#include "sync/rows.h"
#include "sync/scope.h"
#include "sync_fixture.h"

using namespace wb;
using namespace wb::sync;

namespace {

State fixture_state()
{
    State s;
    for (const auto& m : test::sync_fixture_mutations()) {
        auto r = apply(s, m);
        REQUIRE_MESSAGE(r.ok, m.name << ": " << r.reason);
    }
    return s;
}

std::vector<Row> versioned(const RowMap& map)
{
    std::vector<Row> rows;
    int64_t v = 0;
    for (const auto& [k, body] : map) rows.push_back(Row{k, ++v, false, body});
    return rows;
}

}  // namespace

TEST_CASE("a state survives the trip through rows")
{
    State s = fixture_state();
    REQUIRE(apply(s, test::note("n1", "s1", 5, "first")).ok);
    REQUIRE(apply(s, test::note("n2", "s2", 6, "second")).ok);
    RowMap rows = state_rows(s);
    CHECK(rows.count({"students", "s3"}) == 1);
    CHECK(rows.count({"organisation", "org1"}) == 1);
    State back;
    REQUIRE(state_from_rows(versioned(rows), back) == "");
    CHECK(state_rows(back) == rows);
}

TEST_CASE("events come back in the order of their versions, not of their ids")
{
    State s = fixture_state();
    RowMap rows = state_rows(s);
    std::vector<Row> list = versioned(rows);
    State probe = s;
    REQUIRE(apply(probe, test::note("zz", "s1", 1, "recorded first")).ok);
    REQUIRE(apply(probe, test::note("aa", "s1", 2, "recorded second")).ok);
    list.push_back(Row{{"events", "zz"}, 1000, false, *entity_json(probe, {"events", "zz"})});
    list.push_back(Row{{"events", "aa"}, 1001, false, *entity_json(probe, {"events", "aa"})});
    State back;
    REQUIRE(state_from_rows(list, back) == "");
    REQUIRE(back.events.size() == 2);
    CHECK(back.events[0].id == "zz");
    CHECK(back.events[1].id == "aa");
}

TEST_CASE("rows that cannot form a state are reported")
{
    State out;
    CHECK(state_from_rows({}, out).find("organisation") != std::string::npos);
    Row odd{{"spaceships", "x"}, 1, false, Json::object()};
    Row org{{"organisation", "o"}, 2, false, Json{{"id", "o"}}};
    CHECK(state_from_rows({org, odd}, out).find("spaceships") != std::string::npos);
}

TEST_CASE("the key table names exactly what each mutation changes")
{
    // Compare the cheap per-key diff with a full diff of the whole state, mutation by mutation,
    // over the fixture and a week of typical work (including a refund that ends an enrolment).
    std::vector<Mutation> muts = test::sync_fixture_mutations();
    muts.push_back(test::note("n1", "s1", 10, "note"));
    muts.push_back(test::mut("event.record", {{"id", "r1"}, {"kind", "refund_requested"}, {"at", 11}, {"studentId", "s2"}, {"reason", "太难"}}));
    muts.push_back(test::mut("event.record", {{"id", "r2"}, {"kind", "refund_decision"}, {"at", 12}, {"studentId", "s2"}, {"value", "refund"}, {"reason", "家长坚持"}}));
    muts.push_back(test::mut("task.done", {{"instanceId", "i1"}, {"at", 13}, {"by", "t1"}}));
    muts.push_back(test::mut("task.snooze", {{"instanceId", "i2"}, {"at", 13}, {"by", "t1"}, {"until", 99}, {"reason", "家长出差"}}));
    muts.push_back(test::mut("student.upsert", {{"id", "s1"}, {"name", "改名"}}));
    muts.push_back(test::mut("org.configure", {{"id", "org1"}, {"name", "新名字"}, {"timeZone", "Asia/Shanghai"}}));
    State s;
    int compared = 0;
    for (const auto& m : muts) {
        State before = s;
        auto keys = touched_keys(s, m);
        REQUIRE_MESSAGE(apply(s, m).ok, m.name);
        REQUIRE_MESSAGE(keys.has_value(), m.name);
        auto quick = diff_keys(before, s, *keys);
        auto full = diff_states(before, s);
        REQUIRE_MESSAGE(quick.size() == full.size(), m.name);
        for (size_t i = 0; i < full.size(); ++i) {
            bool found = false;
            for (const auto& q : quick) found = found || (q.key == full[i].key && q.body == full[i].body);
            CHECK_MESSAGE(found, m.name << " missed " << full[i].key.kind << "/" << full[i].key.id);
        }
        ++compared;
    }
    CHECK(compared == static_cast<int>(muts.size()));
    CHECK(s.enrolments.at("e2").status == EnrolmentStatus::Refunded);
}

TEST_CASE("scope: tutors read their own students, managers their team, admins everything")
{
    State s = fixture_state();
    REQUIRE(apply(s, test::note("n4", "s4", 10, "t2's student")).ok);
    RowOwners owners(s);
    auto owner = [&](const char* kind, const char* id) { return owners.owner({kind, id}, *entity_json(s, {kind, id})); };
    CHECK(owner("students", "s1") == "t1");
    CHECK(owner("students", "s4") == "t2");
    CHECK(owner("events", "n4") == "t2");
    CHECK(owner("enrolments", "e5") == "t2");
    CHECK(owner("lessons", "l1") == kSharedOwner);

    Scope t1 = scope_for(s, "t1"), mgr = scope_for(s, "mgr"), admin = scope_for(s, "admin"), nobody = scope_for(s, "x");
    CHECK(t1.reads("t1"));
    CHECK_FALSE(t1.reads("t2"));
    CHECK(t1.reads(kSharedOwner));
    CHECK_FALSE(t1.writes(kSharedOwner));
    CHECK_FALSE(t1.writes(kUnassignedOwner));
    CHECK(mgr.reads("t1"));
    CHECK(mgr.reads("t2"));
    CHECK(admin.writes(kSharedOwner));
    CHECK(admin.reads(kUnassignedOwner));
    CHECK_FALSE(nobody.reads(kSharedOwner));
}

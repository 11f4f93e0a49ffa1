// The renewal funnel: per-student steps, totals that are the metrics engine's, the re-approach
// list and the refusals (a fourth push, an order before the reservation).
#include <doctest/doctest.h>

#include "core/demo.h"
#include "core/renewal_funnel.h"
#include "roster_fixture.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kStart = utc_ms(2026, 3, 7, 6, 0);

void step(State& s, const std::string& id, const std::string& student, const char* value, TimeMs at, const char* text = "") {
    Json args{{"studentId", student}, {"value", value}};
    if (*text) args["text"] = text;
    record(s, id, "renewal_step", at, args);
}

MetricQuery tutor_query(TimeMs now) {
    MetricQuery q;
    q.from = 0;
    q.to = now + 1;
    q.now = now;
    q.tutor_id = "t1";
    return q;
}

const RenewalRow& row_of(const RenewalFunnel& f, const std::string& sid) {
    for (const auto& r : f.rows)
        if (r.student_id == sid) return r;
    FAIL("no row for " << sid);
    return f.rows.front();
}
}  // namespace

TEST_CASE("renewal funnel: each student's steps, totals against the targets, the not reserved to re-approach")
{
    State s = small_roster("Asia/Shanghai", kStart, 4, 5);
    const TimeMs t = kStart + 20 * kDayMs;
    for (int i = 0; i < 3; ++i) step(s, "w1" + std::to_string(i), "s1", "warmup", t + i * kDayMs);
    step(s, "r1", "s1", "reservation", t + 4 * kDayMs, "立减 200");
    step(s, "o1", "s1", "order", t + 5 * kDayMs);
    step(s, "w2", "s2", "warmup", t);
    step(s, "r2", "s2", "reservation", t + kDayMs, "立减 100");
    step(s, "w3", "s3", "warmup", t);
    record(s, "q5", "refund_requested", t, {{"studentId", "s5"}});
    record(s, "d5", "refund_decision", t + kHourMs, {{"studentId", "s5"}, {"value", "refund"}, {"reason", "moved"}});

    const TimeMs now = t + 6 * kDayMs;
    const RenewalFunnel f = renewal_funnel(s, builtin("tutor"), {"k1"}, tutor_query(now));
    CHECK(f.students == 4);  // s5 was refunded
    CHECK(f.warmed == 3);
    CHECK(f.reserved == 2);
    CHECK(f.ordered == 1);
    CHECK(row_of(f, "s1").pushes == 3);
    CHECK(row_of(f, "s1").stage == RenewalStage::Ordered);
    CHECK(row_of(f, "s2").coupon == "立减 100");
    CHECK(row_of(f, "s2").stage == RenewalStage::Reserved);
    CHECK(row_of(f, "s4").stage == RenewalStage::None);
    REQUIRE(f.reapproach.size() == 2);
    CHECK(f.reapproach[0]->student_id == "s4");  // no push yet comes first
    CHECK(f.reapproach[1]->student_id == "s3");

    REQUIRE(f.totals.size() == 3);
    CHECK(f.totals[0].metric_id == "reservation_rate");
    CHECK(f.totals[0].value.numerator == f.reserved);
    CHECK(f.totals[0].value.denominator == f.students);
    CHECK(f.totals[0].value.target.value == doctest::Approx(0.85));
    CHECK_FALSE(f.totals[0].value.met);
    CHECK(f.totals[1].value.numerator == f.ordered);  // order_rate: among the reserved
    CHECK(f.totals[1].value.denominator == f.reserved);
    CHECK(f.totals[2].value.value == doctest::Approx(0.25));
    CHECK(f.totals[2].value.target.value == doctest::Approx(0.8));

    // An earlier moment sees fewer steps.
    CHECK(renewal_funnel(s, builtin("tutor"), {"k1"}, tutor_query(t + 2 * kHourMs)).reserved == 0);
}

TEST_CASE("renewal funnel: never more than 3 pushes, an order only after the reservation, nothing after the order")
{
    RenewalRow r;
    CHECK(renewal_step_refusal(r, "warmup") == "");
    CHECK(renewal_step_refusal(r, "order") == "renewal.refused.order_first");
    CHECK(renewal_step_refusal(r, "reservation") == "");
    r.pushes = 3;
    CHECK(renewal_step_refusal(r, "warmup") == "renewal.refused.max_pushes");
    r.reserved_at = 5;
    CHECK(renewal_step_refusal(r, "reservation") == "renewal.refused.reserved");
    CHECK(renewal_step_refusal(r, "order") == "");
    r.ordered_at = 6;
    CHECK(renewal_step_refusal(r, "order") == "renewal.refused.ordered");
    CHECK(renewal_step_refusal(r, "teleport") == "renewal.refused.ordered");
    r.ordered_at = 0;
    CHECK(renewal_step_refusal(r, "teleport") == "renewal.refused.unknown");
}

TEST_CASE("renewal funnel over the demo: the funnel's counts are the metrics' for every tutor")
{
    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    o.students_per_tutor = 40;
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    State& s = demo.state;
    const SopTemplate tpl = builtin("tutor");
    int n = 0;
    for (const auto& [id, st] : s.students) {
        if (n % 3 == 0) step(s, "dw" + id, id, "warmup", o.now - 3 * kDayMs);
        if (n % 4 == 0) step(s, "dr" + id, id, "reservation", o.now - 2 * kDayMs, "coupon");
        if (n % 8 == 0) step(s, "do" + id, id, "order", o.now - kDayMs);
        ++n;
    }
    int tutors = 0;
    for (const auto& [uid, u] : s.users) {
        if (u.role != Role::Tutor) continue;
        std::vector<std::string> classes;
        for (const auto& [cid, c] : s.classes)
            if (c.tutor_id == uid) classes.push_back(cid);
        MetricQuery q = tutor_query(o.now);
        q.tutor_id = uid;
        const RenewalFunnel f = renewal_funnel(s, tpl, classes, q);
        CHECK(f.totals[0].value.numerator == f.reserved);
        CHECK(f.totals[0].value.denominator == f.students);
        CHECK(f.totals[1].value.numerator == f.ordered);
        CHECK(f.totals[2].value.numerator == f.ordered);
        CHECK(f.totals[2].value.denominator == f.students);
        ++tutors;
    }
    CHECK(tutors >= 2);
}

TEST_CASE("a fourth warm-up push is refused by the core, so no client or API can send one; a retracted push frees its place")
{
    State s = small_roster("Asia/Shanghai", kStart, 4, 2);
    for (int i = 0; i < 3; ++i) step(s, "p" + std::to_string(i), "s1", "warmup", kStart + i * kDayMs);
    const MutationResult fourth = apply(s, Mutation{"event.record", {{"id", "p3"}, {"kind", "renewal_step"}, {"at", kStart + 4 * kDayMs},
                                                                     {"studentId", "s1"}, {"value", "warmup"}}});
    CHECK_FALSE(fourth.ok);
    CHECK(fourth.reason == "args/value: s1 had 3 renewal warm-up pushes; never more than that");
    step(s, "q0", "s2", "warmup", kStart);  // another student's count is their own
    must(s, "event.retract", {{"id", "r1"}, {"eventId", "p1"}, {"at", kStart + 5 * kDayMs}, {"by", "t1"}, {"reason", "sent twice"}});
    step(s, "p4", "s1", "warmup", kStart + 6 * kDayMs);
    const RenewalFunnel f = renewal_funnel(s, builtin("tutor"), {"k1"}, tutor_query(kStart + 7 * kDayMs));
    CHECK(row_of(f, "s1").pushes == 3);  // p0, p2 and p4
    CHECK(row_of(f, "s2").pushes == 1);
}

#include <doctest/doctest.h>

#include "core/metrics.h"
#include "core/visit_plan.h"
#include "roster_fixture.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

namespace {
const TimeMs kLesson1 = utc_ms(2026, 3, 7, 6, 0);  // lessons weekly; the last ends 2026-03-28 08:00 UTC

TimeZone shanghai()
{
    TimeZone z;
    std::string err;
    REQUIRE(TimeZone::find("Asia/Shanghai", z, err));
    return z;
}
}  // namespace

TEST_CASE("working days are Monday to Friday of the local month")
{
    auto march = working_days_of_month(2026, 3);  // 1 March 2026 is a Sunday
    CHECK(march.size() == 22);
    CHECK(march.front() == 2);
    CHECK(march.back() == 31);
    CHECK(working_days_of_month(2026, 2).size() == 20);
    CHECK(working_days_of_month(2024, 12).size() == 22);
}

TEST_CASE("the 3-minute rule: only a reached call of 180 s or more counts")
{
    Event e;
    e.kind = EventKind::Call;
    e.value = "reached";
    e.duration_sec = 179;
    CHECK_FALSE(counts_as_3min_call(e));
    e.duration_sec = 180;
    CHECK(counts_as_3min_call(e));
    e.value = "unreached";
    CHECK_FALSE(counts_as_3min_call(e));
}

TEST_CASE("the plan spreads the roster over the working days; coverage is the monthly metric")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 4, 3);
    const TimeMs now = utc_ms(2026, 3, 10, 4, 0);  // Tuesday 10 March, 12:00 in Shanghai
    VisitPlan p = plan_visits(s, builtin("tutor"), shanghai(), "t1", now);
    CHECK(p.month == 3);
    CHECK(p.today == 10);
    CHECK(p.month_start == utc_ms(2026, 2, 28, 16, 0));
    CHECK(p.month_end == utc_ms(2026, 3, 31, 16, 0));
    REQUIRE(p.plan.size() == 3);
    CHECK(p.plan[0].day == 2);
    CHECK(p.plan[1].day == 11);
    CHECK(p.plan[2].day == 20);
    REQUIRE(p.today_list.size() == 1);  // only the overdue first student
    CHECK(p.today_list[0].student_id == "s1");
    CHECK(p.roster == 3);
    CHECK(p.visited == 0);
    CHECK(p.has_target);
    CHECK(p.target == doctest::Approx(0.8));
    CHECK(p.needed == 3);  // ceil(0.8 * 3)

    record(s, "c1", "call", now - kHourMs, {{"studentId", "s1"}, {"durationSec", 240}, {"value", "reached"}, {"text", "ok"}});
    record(s, "v1", "visit", now - kHourMs, {{"studentId", "s1"}, {"durationSec", 240}});
    record(s, "c2", "call", now - 30 * kMinuteMs, {{"studentId", "s2"}, {"durationSec", 120}, {"value", "reached"}});
    record(s, "c0", "call", utc_ms(2026, 2, 27, 4, 0), {{"studentId", "s3"}, {"durationSec", 600}, {"value", "reached"}});
    p = plan_visits(s, builtin("tutor"), shanghai(), "t1", now);
    CHECK(p.visited == 1);
    CHECK(p.unvisited == std::vector<std::string>{"s2", "s3"});
    CHECK(p.needed == 2);
    CHECK(p.today_list.empty());
    REQUIRE(p.calls.size() == 2);  // February's call is not this month's
    CHECK(p.calls[0].event_id == "c2");
    CHECK_FALSE(p.calls[0].counted);
    CHECK(p.calls[1].counted);
    CHECK(p.calls[1].note == "ok");

    MetricQuery q{p.month_start, p.month_end, now, "t1", ""};
    MetricValue m = compute_metric(s, "monthly_followup_rate", q);
    CHECK(m.numerator == p.visited);
    CHECK(m.denominator == p.roster);
}

TEST_CASE("everyone once: from the pre-renewal opening until the course ends")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 4, 3);
    record(s, "v1", "visit", utc_ms(2026, 3, 10, 4, 0), {{"studentId", "s1"}});  // before the window
    VisitPlan before = plan_visits(s, builtin("tutor"), shanghai(), "t1", utc_ms(2026, 3, 13, 4, 0));
    CHECK_FALSE(before.renewal_window);
    CHECK(before.everyone_once.empty());

    record(s, "v2", "visit", utc_ms(2026, 3, 15, 4, 0), {{"studentId", "s2"}});
    VisitPlan open = plan_visits(s, builtin("tutor"), shanghai(), "t1", utc_ms(2026, 3, 20, 4, 0));
    CHECK(open.renewal_window);
    CHECK(open.renewal_open == utc_ms(2026, 3, 14, 2, 0));  // 14 days before the end, 10:00 local
    CHECK(open.everyone_once == std::vector<std::string>{"s1", "s3"});

    VisitPlan after = plan_visits(s, builtin("tutor"), shanghai(), "t1", utc_ms(2026, 3, 29, 4, 0));
    CHECK_FALSE(after.renewal_window);
}

TEST_CASE("a refunded student leaves the plan and the coverage")
{
    auto s = small_roster("Asia/Shanghai", kLesson1, 4, 3);
    record(s, "r1", "refund_decision", utc_ms(2026, 3, 9, 4, 0), {{"studentId", "s3"}, {"value", "refund"}, {"reason", "x"}});
    VisitPlan p = plan_visits(s, builtin("tutor"), shanghai(), "t1", utc_ms(2026, 3, 10, 4, 0));
    CHECK(p.roster == 2);
    CHECK(p.plan.size() == 2);
}

// The dashboard arranges the metrics engine's numbers: the same values as compute_metrics for the
// scope and period, named by their place in the template, with one trend point per lesson whose
// values are the metrics of that lesson's window.
#include <doctest/doctest.h>

#include "core/dashboard.h"
#include "core/demo.h"
#include "schedule_fixture.h"

using namespace wb;
using namespace wb::test;

TEST_CASE("dashboard over the demo: every number is the metric's, the trend is per lesson window")
{
    DemoOptions o;
    o.now = utc_ms(2026, 4, 15, 4, 0);
    o.students_per_tutor = 30;
    auto demo = generate_demo(o);
    REQUIRE(demo.error.empty());
    const SopTemplate tpl = builtin("tutor");
    MetricQuery q;
    q.from = o.now - 30 * kDayMs;
    q.to = o.now + 1;
    q.now = o.now;
    q.tutor_id = "t1";
    std::vector<std::string> classes;
    for (const auto& [id, c] : demo.state.classes)
        if (c.tutor_id == "t1") classes.push_back(id);
    const std::string course = main_course(demo.state, classes);
    REQUIRE_FALSE(course.empty());
    const Dashboard d = build_dashboard(demo.state, tpl, q, course, false);
    const auto direct = compute_metrics(demo.state, tpl, q);
    REQUIRE(d.metrics.size() == direct.size());
    int met = 0, with_target = 0;
    for (size_t i = 0; i < direct.size(); ++i) {
        CHECK(d.metrics[i].value.id == direct[i].id);
        CHECK(d.metrics[i].value.numerator == direct[i].numerator);
        CHECK(d.metrics[i].value.denominator == direct[i].denominator);
        CHECK(d.metrics[i].value.value == doctest::Approx(direct[i].value));
        CHECK(d.metrics[i].trend.size() == d.points.size());
        CHECK_FALSE(d.metrics[i].owner.zh.empty());
        CHECK_FALSE(d.metrics[i].owner_path.empty());
        if (direct[i].has_target && direct[i].measured) ++with_target, met += direct[i].met;
    }
    CHECK(d.met == met);
    CHECK(d.with_target == with_target);
    // The demo's course is half-way through: about half its lessons have started.
    REQUIRE(d.points.size() >= 3);
    for (size_t i = 1; i < d.points.size(); ++i) CHECK(d.points[i].from == d.points[i - 1].to);
    CHECK(d.points.back().to == o.now + 1);
    // A trend point is the metric over that lesson's window.
    MetricQuery one = q;
    one.from = d.points[1].from;
    one.to = d.points[1].to;
    const MetricValue attendance = compute_metric(demo.state, "attendance_rate", one);
    for (const auto& m : d.metrics)
        if (m.value.id == "attendance_rate") {
            CHECK(m.trend[1].numerator == attendance.numerator);
            CHECK(m.trend[1].denominator == attendance.denominator);
        }
    CHECK(build_dashboard(demo.state, tpl, q, "", false).points.empty());
}

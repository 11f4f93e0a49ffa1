#pragma once
// The dashboard's numbers [数据看板]: every metric of the template for a scope (a tutor, a
// manager's team) and period, named by where the template asks for it (goal, task, sub-task),
// with the trend over the lessons of the scope's course (one point per lesson: the period from
// that lesson's start to the next one's, the last one to the query's end). Every number is the metrics engine's
// (core/metrics.h); this only arranges them. Pure.
#include <string>
#include <vector>

#include "core/metrics.h"

namespace wb {

struct DashboardMetric {
    MetricValue value;              // over the whole period, with its target
    Text owner;                     // the goal / task / sub-task that names the metric first
    std::string owner_path;         // "11 续报 › 预约（含优惠券）"
    std::vector<MetricValue> trend; // one per trend point (same order as Dashboard::points)
};

struct TrendPoint {
    int lesson_number = 0;
    TimeMs from = 0;
    TimeMs to = 0;
};

struct Dashboard {
    std::vector<DashboardMetric> metrics;  // template order
    std::vector<TrendPoint> points;        // lessons of `course_id` that started by now
    int met = 0;                           // metrics with a target that is met
    int with_target = 0;                   // measured metrics with a target
};

// `query` names the scope and period; `course_id` the course whose lessons make the trend ("":
// no trend). `english` picks the owner path's language.
Dashboard build_dashboard(const State& state, const SopTemplate& tpl, const MetricQuery& query,
                          const std::string& course_id, bool english);

// The course most of the scope's students are enrolled in ("" when none).
std::string main_course(const State& state, const std::vector<std::string>& class_ids);

}  // namespace wb

#pragma once
// The renewal funnel [续报] of a tutor's (or a team's) students: warm-up pushes (1 to 3, never
// more than 3) → reservation with a coupon → order, per student and in total against the
// template's targets (renewal_rate 80 %, reservation_rate 85 %, order_rate 100 % of the
// reserved), and the re-approach list of the not reserved. The totals are the metrics engine's
// (core/metrics.h), so the funnel and the dashboard never disagree. Pure.
#include <string>
#include <vector>

#include "core/metrics.h"

namespace wb {

// Renewal steps a student has taken, in funnel order.
enum class RenewalStage { None, WarmedUp, Reserved, Ordered };

struct RenewalRow {
    std::string student_id;
    std::string name;
    std::string class_id;
    int pushes = 0;            // warm-up pushes so far
    TimeMs last_push_at = 0;
    TimeMs reserved_at = 0;    // 0: not reserved
    std::string coupon;        // the reservation's coupon (its text)
    TimeMs ordered_at = 0;     // 0: no order
    RenewalStage stage = RenewalStage::None;
};

struct FunnelTotal {
    MetricValue value;   // the metric, with its target from the template
    std::string metric_id;
};

struct RenewalFunnel {
    std::vector<RenewalRow> rows;        // by name: a row stays in place as its student moves on
    int students = 0;
    int warmed = 0;                      // at least one push
    int reserved = 0;
    int ordered = 0;
    std::vector<FunnelTotal> totals;     // reservation_rate, order_rate, renewal_rate (template targets)
    std::vector<const RenewalRow*> reapproach;   // not reserved: fewest pushes first, then name
};

// The funnel of the students active at `query.now` in `class_ids` (the query names the same
// tutor or team, so the totals are that scope's metrics).
RenewalFunnel renewal_funnel(const State& state, const SopTemplate& tpl, const std::vector<std::string>& class_ids,
                             const MetricQuery& query);

// Why `step` ("warmup" / "reservation" / "order") cannot be recorded for the row now, as a
// translation key ("" when it can): a fourth push, a second reservation, an order before the
// reservation, anything after the order.
std::string renewal_step_refusal(const RenewalRow& row, const std::string& step);

}  // namespace wb

// The Renewal view's half of window.workbench.query (tests only): the funnel the view draws, read
// from the same cached model (views/renewal_model.cpp).
#include "test_queries.h"
#include "views/renewal_model.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace wb::app {
namespace {

const bool registered = register_test_query("renewal.state", [](const json&) {
    const RenewalModel& m = renewal_model();
    if (!m.ready) return json{{"ready", false}};
    const RenewalFunnel& f = m.funnel;
    json rows = json::array();
    for (const RenewalRow& r : f.rows)
        rows.push_back({{"studentId", r.student_id}, {"name", r.name}, {"pushes", r.pushes}, {"reservedAt", r.reserved_at},
                        {"coupon", r.coupon}, {"orderedAt", r.ordered_at}, {"stage", static_cast<int>(r.stage)}});
    json totals = json::object();
    for (const FunnelTotal& t : f.totals)
        totals[t.metric_id] = {{"numerator", t.value.numerator}, {"denominator", t.value.denominator},
                               {"value", t.value.value}, {"met", t.value.met}, {"target", t.value.target.value}};
    json reapproach = json::array();
    for (const RenewalRow* r : f.reapproach) reapproach.push_back(r->student_id);
    return json{{"ready", true}, {"team", m.team}, {"rows", rows}, {"students", f.students}, {"warmed", f.warmed},
                {"reserved", f.reserved}, {"ordered", f.ordered}, {"totals", totals}, {"reapproach", reapproach}};
});

}  // namespace
}  // namespace wb::app

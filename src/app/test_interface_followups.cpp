// Test queries of the follow-up view: its model as JSON, so browser tests assert on real numbers.
#include "test_queries.h"
#include "views/followup_model.h"

namespace wb::app {
namespace {

nlohmann::json plan_json() {
    const FollowupModel& m = followup_model();
    nlohmann::json j{{"ready", m.ready}, {"error", m.error}, {"tutorId", m.tutor_id}};
    if (!m.ready) return j;
    const VisitPlan& v = m.plan;
    j["roster"] = v.roster;
    j["visited"] = v.visited;
    j["needed"] = v.needed;
    j["unvisited"] = v.unvisited;
    nlohmann::json names = nlohmann::json::object();
    for (size_t i = 0; i < v.unvisited.size() && i < 60; ++i) names[v.unvisited[i]] = followup_student_name(v.unvisited[i]);
    j["names"] = names;
    j["everyoneOnce"] = v.everyone_once;
    j["renewalWindow"] = v.renewal_window;
    nlohmann::json today = nlohmann::json::array();
    for (const PlannedVisit& p : v.today_list) today.push_back({{"studentId", p.student_id}, {"day", p.day}, {"name", followup_student_name(p.student_id)}});
    j["today"] = today;
    nlohmann::json calls = nlohmann::json::array();
    for (const LoggedCall& c : v.calls)
        calls.push_back({{"id", c.event_id}, {"studentId", c.student_id}, {"durationSec", c.duration_sec}, {"reached", c.reached},
                         {"counted", c.counted}, {"note", c.note}});
    j["calls"] = calls;
    return j;
}

const bool registered = register_test_query("followups.state", [](const nlohmann::json&) { return plan_json(); });

}  // namespace
}  // namespace wb::app

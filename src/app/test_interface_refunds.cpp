// Refunds' half of window.workbench.query (tests only): the open refund cases the Refunds view
// draws, read from the same cached model (refund_model.cpp).
#include "core/enum_names.h"
#include "test_queries.h"
#include "views/refund_model.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace wb::app {
namespace {

json cases_json() {
    const RefundsModel& m = refunds_model();
    if (!m.ready) return {{"ready", false}};
    json cases = json::array();
    for (size_t i = 0; i < m.cases.size(); ++i) {
        const RefundCase& c = m.cases[i];
        cases.push_back({{"requestId", c.request_id}, {"studentId", c.student_id}, {"name", m.case_names[i]},
                         {"reason", c.reason}, {"requestedAt", c.requested_at}, {"deadline", c.deadline},
                         {"remainingMs", c.remaining_ms}, {"stage", to_string(c.stage)},
                         {"managerNotifiedAt", c.manager_notified_at}});
    }
    json risks = json::array();
    for (const RefundRisk& r : m.risks) {
        json reasons = json::array();
        for (const Phrase& p : r.reasons) reasons.push_back(p.key);
        risks.push_back({{"studentId", r.student_id}, {"name", r.name}, {"tutor", r.tutor_name},
                         {"level", to_string(r.level)}, {"probability", r.probability}, {"reasons", reasons}});
    }
    json students = json::array();
    for (const RefundStudent& s : m.students) students.push_back({{"id", s.id}, {"name", s.name}});
    return {{"ready", true}, {"now", m.now}, {"cases", cases}, {"risks", risks}, {"low", m.low}, {"riskKnown", m.risk_known},
            {"students", students}, {"formStudent", refund_form_student(m)}, {"computations", m.computations}};
}

const bool registered = register_test_query("refunds.state", [](const json&) { return cases_json(); });

}  // namespace
}  // namespace wb::app

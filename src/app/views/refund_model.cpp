#include "views/refund_model.h"

#include "core/conditions.h"
#include "core/roster.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "views/recompute_pacer.h"
#include "views/risk_model_cache.h"
#include "views/roster_model.h"

#include <algorithm>

namespace wb::app {
namespace {

// Medium and high risk students of the roster, with the model's reasons; those with an open
// request are already on the screen as cases.
void fill_risks(RefundsModel& model, const State& state, TimeMs now) {
    const RiskModel* risk = organisation_risk_model(state, workspace().data_version(), now);
    model.risk_known = risk != nullptr;
    if (!risk) return;
    std::set<std::string> open;
    for (const RefundCase& c : model.cases) open.insert(c.student_id);
    const EventHistory history(state, now);
    for (const RosterRow& row : roster_model().rows) {
        if (open.count(row.student_id)) continue;
        if (row.risk == RiskLevel::Low) {
            ++model.low;
            continue;
        }
        // The level is the roster's (one source, so the roster's risk filter and this list agree);
        // the assessment is only asked for its reasons.
        const RiskAssessment a = assess_risk(state, *risk, row.student_id, history.of(row.student_id), now);
        model.risks.push_back({row.student_id, row.name, row.tutor_name, row.risk, row.risk_probability, a.reasons});
    }
    std::sort(model.risks.begin(), model.risks.end(), [](const RefundRisk& a, const RefundRisk& b) {
        if (a.level != b.level) return a.level > b.level;
        if (a.probability != b.probability) return a.probability > b.probability;
        return a.student_id < b.student_id;
    });
}

// The tutor of a visible student, as the roster shows it.
std::string tutor_of(const std::string& student_id) {
    for (const RosterRow& row : roster_model().rows)
        if (row.student_id == student_id) return row.tutor_name;
    return "";
}

}  // namespace

const RefundsModel& refunds_model() {
    static RefundsModel model;
    static uint64_t version = ~uint64_t(0);
    static int64_t minute = -1;
    static std::string user;
    const State* state = workspace().view();
    if (!state) {
        model = RefundsModel{};
        return model;
    }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const std::string& who = workspace().account().user_id;
    if (version == workspace().data_version() && minute == now / kMinuteMs && user == who) return model;
    // While a sync streams pages in, recompute at the roster's pace, not per page.
    static RecomputePacer pacer;
    const bool same_otherwise = minute == now / kMinuteMs && user == who;
    if (same_otherwise && model.ready && pacer.defer()) return model;
    pacer.started();
    version = workspace().data_version();
    minute = now / kMinuteMs;
    user = who;
    const int computations = model.computations + 1;
    model = RefundsModel{};
    model.computations = computations;
    model.now = now;
    const std::set<std::string> visible = students_of_classes(*state, visible_class_ids(*state, who));
    model.cases = open_refund_cases(*state, &visible, now);
    for (const RefundCase& c : model.cases) {
        auto it = state->students.find(c.student_id);
        model.case_names.push_back(it == state->students.end() ? c.student_id : it->second.name);
        model.case_tutors.push_back(tutor_of(c.student_id));
    }
    fill_risks(model, *state, now);
    for (const std::string& id : visible) {
        auto it = state->students.find(id);
        if (it != state->students.end()) model.students.push_back({id, it->second.name});
    }
    std::sort(model.students.begin(), model.students.end(),
              [](const RefundStudent& a, const RefundStudent& b) { return a.name < b.name; });
    model.ready = true;
    pacer.finished();
    return model;
}

}  // namespace wb::app

#include "views/renewal_model.h"

#include "core/roster.h"
#include "core/schedule.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "views/model_cache.h"

namespace wb::app {

const RenewalModel& renewal_model() {
    static RenewalModel model;
    static ModelCache cache;
    const State* state = workspace().view();
    if (!state) { model = RenewalModel{}; cache.reset(); return model; }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const std::string who = workspace().account().user_id;
    if (!cache.stale(workspace().data_version(), now, who, model.ready)) return model;
    const int computations = model.computations + 1;
    model = RenewalModel{};
    model.computations = computations;
    model.now = now;
    model.template_error = active_template(*state, model.tpl);
    MetricQuery q;
    q.from = 0;
    q.to = now + 1;
    q.now = now;
    auto u = state->users.find(who);
    model.team = u != state->users.end() && u->second.role == Role::Manager;
    if (model.team) q.manager_id = who;
    else if (u != state->users.end() && u->second.role == Role::Tutor) q.tutor_id = who;
    model.funnel = renewal_funnel(*state, model.tpl, visible_class_ids(*state, who), q);
    model.ready = true;
    cache.built();
    return model;
}

const RenewalRow* renewal_row(const RenewalModel& m, const std::string& student_id) {
    for (const RenewalRow& r : m.funnel.rows)
        if (r.student_id == student_id) return &r;
    return nullptr;
}

}  // namespace wb::app

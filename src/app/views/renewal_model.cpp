#include "views/renewal_model.h"

#include "core/roster.h"
#include "core/schedule.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "views/recompute_pacer.h"

namespace wb::app {

const RenewalModel& renewal_model() {
    static RenewalModel model;
    static uint64_t version = ~uint64_t(0);
    static int64_t minute = -1;
    static std::string user;
    const State* state = workspace().view();
    if (!state) { model = RenewalModel{}; version = ~uint64_t(0); return model; }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const std::string who = workspace().account().user_id;
    if (version == workspace().data_version() && minute == now / kMinuteMs && user == who) return model;
    static RecomputePacer pacer;
    if (minute == now / kMinuteMs && user == who && model.ready && pacer.defer()) return model;
    pacer.started();
    version = workspace().data_version();
    minute = now / kMinuteMs;
    user = who;
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
    pacer.finished();
    return model;
}

const RenewalRow* renewal_row(const RenewalModel& m, const std::string& student_id) {
    for (const RenewalRow& r : m.funnel.rows)
        if (r.student_id == student_id) return &r;
    return nullptr;
}

}  // namespace wb::app

#include "views/dashboard_model.h"

#include "core/roster.h"
#include "core/schedule.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "ui_text.h"
#include "views/model_cache.h"

namespace wb::app {
namespace {

std::vector<DashboardScope> scopes_of(const State& state, const std::string& user_id) {
    std::vector<DashboardScope> out;
    auto u = state.users.find(user_id);
    if (u == state.users.end()) return out;
    if (u->second.role == Role::Tutor) return {{ui::tr("dashboard.scope.mine"), user_id, ""}};
    if (u->second.role == Role::Admin) out.push_back({ui::tr("dashboard.scope.everyone"), "", ""});
    else out.push_back({ui::tr("dashboard.scope.team"), "", user_id});
    for (const auto& [id, t] : state.users)
        if (t.role == Role::Tutor && (u->second.role == Role::Admin || t.manager_id == user_id))
            out.push_back({t.name.empty() ? id : t.name, id, ""});
    return out;
}

std::vector<std::string> scope_classes(const State& state, const std::string& user_id, const DashboardScope& scope) {
    std::vector<std::string> out;
    for (const std::string& c : visible_class_ids(state, user_id)) {
        auto cls = state.classes.find(c);
        if (scope.tutor_id.empty() || (cls != state.classes.end() && cls->second.tutor_id == scope.tutor_id)) out.push_back(c);
    }
    return out;
}

TimeMs period_start(const State& state, const std::string& course_id, DashboardPeriod p, TimeMs now) {
    if (p == DashboardPeriod::Week) return now - 7 * kDayMs;
    if (p == DashboardPeriod::Month) return now - 30 * kDayMs;
    TimeMs first = now;
    for (const auto& [id, l] : state.lessons)
        if (l.course_id == course_id) first = std::min(first, l.start);
    return first;
}

void build(DashboardModel& m, const State& state, const std::string& user_id, TimeMs now) {
    DashboardChoice& choice = dashboard_choice();
    m.scopes = scopes_of(state, user_id);
    if (m.scopes.empty()) return;
    if (choice.scope < 0 || choice.scope >= static_cast<int>(m.scopes.size())) choice.scope = 0;
    const DashboardScope& scope = m.scopes[size_t(choice.scope)];
    const std::vector<std::string> classes = scope_classes(state, user_id, scope);
    m.course_id = main_course(state, classes);
    m.query.now = now;
    m.query.to = now + 1000;   // events after `now` are not known anyway
    m.query.from = period_start(state, m.course_id, static_cast<DashboardPeriod>(choice.period), now);
    m.query.tutor_id = scope.tutor_id;
    m.query.manager_id = scope.manager_id;
    SopTemplate tpl;
    m.template_error = active_template(state, tpl);
    if (m.template_error.empty()) m.board = build_dashboard(state, tpl, m.query, m.course_id, ui::language() == Language::En);
    m.matrix = build_student_lesson_matrix(state, classes, now);
    m.texels = pack_matrix_texels(m.matrix);
    m.totals = matrix_totals(m.matrix);
    m.ready = true;
}

}  // namespace

DashboardChoice& dashboard_choice() {
    static DashboardChoice c;
    return c;
}

const DashboardModel& dashboard_model() {
    static DashboardModel model;
    static ModelCache cache;
    const State* state = workspace().view();
    if (!state) { model = DashboardModel{}; cache.reset(); return model; }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const DashboardChoice& c = dashboard_choice();
    const std::string user = workspace().account().user_id;
    const std::string key = user + "/" + std::to_string(c.scope) + "/" + std::to_string(c.period) + "/" +
                            std::to_string(static_cast<int>(ui::language()));
    if (!cache.stale(workspace().data_version(), now, key, model.ready)) return model;
    const int computations = model.computations + 1;
    const uint64_t version = model.version + 1;
    model = DashboardModel{};
    model.computations = computations;
    model.version = version;
    // Whole seconds, as workbench-cli takes times: the same period gives the same numbers there.
    build(model, *state, user, now / 1000 * 1000);
    cache.built();
    return model;
}

}  // namespace wb::app

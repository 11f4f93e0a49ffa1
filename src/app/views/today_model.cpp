#include "views/today_model.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "views/recompute_pacer.h"

#include <algorithm>

namespace wb::app {
namespace {

// Whose work the signed-in person sees: a tutor their own, a manager their tutors, an admin
// every tutor. Returns the tutor ids ("" alone = the tutor themself).
std::vector<std::string> tutors_in_scope(const State& state, const Account& account) {
    if (account.role == "tutor") return {account.user_id};
    if (account.role == "manager") return tutors_of_manager(state, account.user_id);
    std::vector<std::string> all;
    for (const auto& [id, u] : state.users)
        if (u.role == Role::Tutor) all.push_back(id);
    return all;
}

struct CacheKey {
    uint64_t version = ~0ull;
    int64_t minute = 0;
    std::string user;
    std::string tutor;
    bool operator==(const CacheKey& o) const {
        return version == o.version && minute == o.minute && user == o.user && tutor == o.tutor;
    }
};

void recompute(TodayModel& m, const State& state, const Account& account, const std::string& tutor_id, TimeMs now) {
    const double started = platform::now_ms();
    m.ready = false;
    m.error = active_template(state, m.tpl);
    if (m.error.empty() && !TimeZone::find(state.organisation.time_zone, m.zone, m.error)) m.zone = TimeZone();
    if (!m.error.empty()) return;
    const std::vector<std::string> scope = tutors_in_scope(state, account);
    const TodayWindow window = today_window(now, m.zone);
    // One schedule for everyone in scope; grouping it again for one tutor is cheap.
    const Schedule schedule = compute_schedule(state, m.tpl, today_schedule_query(window, scope.size() == 1 ? scope[0] : ""));
    if (!schedule.error.empty()) {
        m.error = schedule.error;
        return;
    }
    m.all = group_today(schedule, m.tpl, window, scope);
    const bool one = !tutor_id.empty() && std::find(scope.begin(), scope.end(), tutor_id) != scope.end();
    m.board = one ? group_today(schedule, m.tpl, window, {tutor_id}) : m.all;
    m.tutors.clear();
    if (account.role != "tutor") {
        for (const auto& id : scope) {
            auto u = state.users.find(id);
            auto open = m.all.open_by_tutor.find(id);
            m.tutors.push_back({id, u == state.users.end() ? id : u->second.name,
                                open == m.all.open_by_tutor.end() ? 0 : open->second});
        }
    }
    m.ready = true;
    m.compute_ms = platform::now_ms() - started;
    ++m.computations;
}

}  // namespace

std::string& today_selected_tutor() {
    static std::string selected;
    return selected;
}

const TodayModel& today_model(const std::string& tutor_id) {
    static TodayModel model;
    static CacheKey cached;
    const Workspace& ws = workspace();
    const State* state = ws.view();
    if (!state) {
        model.ready = false;
        cached = CacheKey{};
        return model;
    }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    CacheKey key{ws.data_version(), now / kMinuteMs, ws.account().user_id, tutor_id};
    if (key == cached) return model;
    static RecomputePacer pacer;
    const bool only_data_changed = key.minute == cached.minute && key.user == cached.user && key.tutor == cached.tutor;
    if (model.ready && only_data_changed && pacer.defer()) return model;
    cached = key;
    // The board is kept until the data or the minute changes, so every frame of it is the same.
    // It is computed at this very moment, not the minute's start: an event just recorded (a B
    // grade that opens a 1-on-1 task) counts at once, not a minute later.
    pacer.started();
    recompute(model, *state, ws.account(), tutor_id, now);
    pacer.finished();
    return model;
}

const Task* find_task(const SopTemplate& tpl, const std::string& task_id) {
    for (const Task& t : tpl.tasks)
        if (t.id == task_id) return &t;
    return nullptr;
}

const SubTask* find_subtask(const Task& task, const std::string& subtask_id) {
    for (const SubTask& s : task.subtasks)
        if (s.id == subtask_id) return &s;
    return nullptr;
}

}  // namespace wb::app

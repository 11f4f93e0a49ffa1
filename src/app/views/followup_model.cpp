#include "views/followup_model.h"

#include "js_reply.h"
#include "offline/workspace.h"

#include "core/schedule.h"
#include "core/today.h"

namespace wb::app {
namespace {

struct Cache {
    uint64_t version = ~0ull;
    int64_t minute = -1;
    std::string user, chosen;
    FollowupModel model;
};

Cache& cache() {
    static Cache c;
    return c;
}

std::string chosen_tutor;

void recompute(FollowupModel& m, const State& state, const Account& account, TimeMs now) {
    m = FollowupModel{};
    SopTemplate tpl;
    m.error = active_template(state, tpl);
    if (!m.error.empty()) return;
    if (!TimeZone::find(state.organisation.time_zone, m.zone, m.error)) return;
    if (account.role == "tutor") {
        m.tutor_id = account.user_id;
    } else {
        std::vector<std::string> ids;
        if (account.role == "manager") ids = tutors_of_manager(state, account.user_id);
        else
            for (const auto& [id, u] : state.users)
                if (u.role == Role::Tutor) ids.push_back(id);
        for (const auto& id : ids) {
            auto u = state.users.find(id);
            m.tutors.push_back({id, u == state.users.end() ? id : u->second.name});
        }
        m.tutor_id = ids.empty() ? "" : ids.front();
        for (const auto& id : ids)
            if (id == chosen_tutor) m.tutor_id = id;
    }
    m.plan = plan_visits(state, tpl, m.zone, m.tutor_id, now);
    m.ready = true;
}

}  // namespace

const FollowupModel& followup_model() {
    Cache& c = cache();
    const State* state = workspace().view();
    if (!state) {
        c.model = FollowupModel{};
        c.version = ~0ull;
        return c.model;
    }
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    const int64_t minute = now / kMinuteMs;
    const Account& account = workspace().account();
    if (c.version != workspace().data_version() || c.minute != minute || c.user != account.user_id || c.chosen != chosen_tutor) {
        recompute(c.model, *state, account, now);
        c.version = workspace().data_version();
        c.minute = minute;
        c.user = account.user_id;
        c.chosen = chosen_tutor;
    }
    return c.model;
}

void choose_followup_tutor(const std::string& tutor_id) { chosen_tutor = tutor_id; }

std::string followup_student_name(const std::string& student_id) {
    const State* state = workspace().view();
    if (!state) return "";
    auto it = state->students.find(student_id);
    return it == state->students.end() ? student_id : it->second.name;
}

}  // namespace wb::app

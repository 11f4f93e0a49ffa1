#include "views/roster_model.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "views/recompute_pacer.h"
#include "views/risk_model_cache.h"

#include "core/schedule.h"

namespace wb::app {
namespace {

constexpr TimeMs kBucketMs = 15 * kMinuteMs;

bool same_query(const RosterQuery& a, const RosterQuery& b) {
    return a.text == b.text && a.class_ids == b.class_ids && a.risks == b.risks && a.attendance == b.attendance &&
           a.homework == b.homework && a.follow_up == b.follow_up && a.sort == b.sort && a.descending == b.descending;
}

void rebuild(RosterModel& m, const State& state, const Account& account, TimeMs now, uint64_t version) {
    const double started = platform::now_ms();
    // The organisation's model, shared with the profile and refitted at most every few minutes.
    const int fits_before = risk_fit_stats().fits;
    const RiskModel* risk = organisation_risk_model(state, version, now);
    if (risk_fit_stats().fits != fits_before) m.risk_fit_ms = platform::now_ms() - started;
    SopTemplate sop;
    Schedule schedule;
    RosterInput in;
    in.user_id = account.user_id;
    in.now = now;
    in.risk_model = risk;
    if (active_template(state, sop).empty()) {
        ScheduleQuery q;
        q.now = now;
        schedule = compute_schedule(state, sop, q);
        if (schedule.error.empty()) {
            in.due_tasks = &schedule.tasks;
            in.sop = &sop;
        }
    }
    m.rows = build_roster(state, in);
    m.class_ids = visible_class_ids(state, account.user_id);
    m.ready = true;
    ++m.computations;
    m.build_ms = platform::now_ms() - started;
}

struct ShownCache {
    int computations = -1;
    RosterQuery query;
    std::vector<int> shown;
    double ms = 0;
};

ShownCache& shown_cache() {
    static ShownCache c;
    return c;
}

}  // namespace

const RosterModel& roster_model() {
    static RosterModel model;
    static uint64_t cached_version = ~0ull;
    static TimeMs cached_bucket = -1;
    static std::string cached_user;
    const Workspace& ws = workspace();
    const State* state = ws.view();
    if (!state) {
        model = RosterModel{};
        cached_version = ~0ull;
        return model;
    }
    const TimeMs now = TimeMs(js::now_utc_ms());
    const TimeMs bucket = now / kBucketMs;
    static RecomputePacer pacer;
    const bool same_otherwise = bucket == cached_bucket && ws.account().user_id == cached_user;
    if (same_otherwise && ws.data_version() != cached_version && model.computations > 0 && pacer.defer()) return model;
    if (ws.data_version() != cached_version || !same_otherwise) {
        pacer.started();
        rebuild(model, *state, ws.account(), now, ws.data_version());
        pacer.finished();
        cached_version = ws.data_version();
        cached_bucket = bucket;
        cached_user = ws.account().user_id;
    }
    return model;
}

const std::vector<int>& roster_shown(const RosterQuery& query) {
    const RosterModel& m = roster_model();
    ShownCache& c = shown_cache();
    if (c.computations != m.computations || !same_query(c.query, query)) {
        const double started = platform::now_ms();
        c.shown = query_roster(m.rows, query);
        c.query = query;
        c.computations = m.computations;
        c.ms = platform::now_ms() - started;
    }
    return c.shown;
}

double roster_last_query_ms() { return shown_cache().ms; }

}  // namespace wb::app

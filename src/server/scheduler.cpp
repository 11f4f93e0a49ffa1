#include "server/scheduler.h"

#include <charconv>

#include "core/schedule.h"
#include "core/server_firings.h"
#include "server/organisation_sync.h"

namespace wb::server {
namespace {

bool already_recorded(const State& state, const Mutation& m)
{
    const std::string id = m.args.value("id", "");
    if (m.name == "message.queue") return state.messages.count(id) > 0;
    return find_event(state, id) != nullptr;
}

// The mutations for the reminders due in (from, to], without those recorded before.
std::vector<Mutation> plan(const State& state, TimeMs from, TimeMs to, int& already, std::string& error)
{
    SopTemplate tpl;
    error = active_template(state, tpl);
    if (!error.empty()) return {};
    ScheduleQuery query;
    query.now = to;
    query.fired_after = from;
    Schedule schedule = compute_schedule(state, tpl, query);
    if (!schedule.error.empty()) {
        error = schedule.error;
        return {};
    }
    std::vector<Mutation> out;
    for (auto& m : plan_firings(state, schedule.reminders, Language::ZhCN)) {
        if (already_recorded(state, m)) ++already;
        else out.push_back(std::move(m));
    }
    return out;
}

}  // namespace

Scheduler::Scheduler(store::Store& store, OrganisationSync& sync, Clock clock)
    : store_(store), sync_(sync), clock_(std::move(clock)) {}

Scheduler::~Scheduler() = default;

std::string Scheduler::begin()
{
    auto saved = store_.setting(kProgressSetting);
    if (!saved) return "cannot read the scheduler's progress: " + saved.error().message;
    if (saved.value()) return "";
    if (auto s = store_.set_setting(kProgressSetting, std::to_string(clock_())); !s) return s.message();
    return "";
}

SchedulerRun Scheduler::run_once()
{
    SchedulerRun run;
    run.to = clock_();
    auto saved = store_.setting(kProgressSetting);
    if (!saved) {
        run.error = "cannot read the scheduler's progress: " + saved.error().message;
        return run;
    }
    if (!saved.value()) {  // the first run on this store: start from now
        run.from = run.to;
        if (auto s = store_.set_setting(kProgressSetting, std::to_string(run.to)); !s) run.error = s.message();
        return run;
    }
    const std::string& text = *saved.value();
    auto [end, parsed] = std::from_chars(text.data(), text.data() + text.size(), run.from);
    if (parsed != std::errc() || end != text.data() + text.size()) {
        run.error = "the scheduler's progress '" + text + "' is not a time in milliseconds; set the setting " +
                    kProgressSetting + " to one (or delete it to start from now)";
        return run;
    }
    if (run.to <= run.from) return run;
    // Planned on a copy so pushes and pulls don't wait for the whole organisation's schedule.
    // Only the scheduler makes these ids, so nothing can record one between copy and apply.
    const State snapshot = sync_.with_state([](const State& state) { return state; });
    std::vector<Mutation> firings = plan(snapshot, run.from, run.to, run.already, run.error);
    if (!run.error.empty()) return run;
    if (!firings.empty()) {
        auto applied = sync_.apply_as_system(firings, kClientId);
        if (!applied.response) {
            run.error = "cannot record the firings: " + applied.error.message;
            return run;
        }
        for (const auto& r : applied.response->results) (r.ok ? run.fired : run.refused) += 1;
    }
    if (auto s = store_.set_setting(kProgressSetting, std::to_string(run.to)); !s) run.error = s.message();
    return run;
}

}  // namespace wb::server

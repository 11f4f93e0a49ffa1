#pragma once
// The server's scheduler: fires the reminders that must happen while no browser is open
// (core/server_firings.h: messages into the outbox, the automatic refund) for the organisation.
// It remembers how far it has fired ("fired through", a store setting), so a restart catches up
// on what came due while the server was down instead of skipping it; the first run on a store
// starts from that moment (a fresh demo's history is not fired). A reminder fired just before a
// crash, before the progress was saved, is planned again and skipped: its mutation ids exist.
#include <functional>
#include <string>

#include "core/model.h"
#include "store/store.h"

namespace wb::server {

class OrganisationSync;

struct SchedulerRun {
    TimeMs from = 0;       // fired what came due in (from, to]
    TimeMs to = 0;
    int fired = 0;         // mutations applied
    int already = 0;       // planned again after a restart: already recorded, skipped
    int refused = 0;       // refused by the mutator (recorded as the scheduler client's rejections)
    std::string error;     // the run failed and will be retried from `from`
};

class Scheduler {
public:
    using Clock = std::function<TimeMs()>;  // wall-clock milliseconds (tests control it)
    static constexpr const char* kProgressSetting = "scheduler.fired_through";
    static constexpr const char* kClientId = "server-scheduler";

    Scheduler(store::Store& store, OrganisationSync& sync, Clock clock);
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    // On a store with no progress yet, records clock() as the point firing starts from; "" or
    // why it could not. The server calls it as it starts, before any request can move a test
    // clock, so the first run's "from" is the start and not whenever the thread first ran.
    std::string begin();
    // Fires everything that came due up to clock() since the last run (the server calls it
    // periodically: automation.h).
    SchedulerRun run_once();

private:
    store::Store& store_;
    OrganisationSync& sync_;
    Clock clock_;
};

}  // namespace wb::server

#pragma once
// What the server does on its own, on a background thread: the scheduler fires due reminders
// into the outbox (every 30 s) and the delivery worker hands due messages to the organisation's
// channels (every second). The channels are rebuilt from the registry whenever an admin saves
// them; disabled channels keep their messages waiting. wake() runs a round at once (a test moved
// the clock, an admin saved the channels).
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "server/delivery_worker.h"
#include "server/scheduler.h"

namespace wb::server {

class ChannelRegistry;

struct AutomationRound {
    std::optional<SchedulerRun> scheduled;  // when the scheduler ran in this round
    DeliveryPass delivered;
};

class ServerAutomation {
public:
    using Clock = std::function<TimeMs()>;
    static constexpr int kDeliveryEveryMs = 1000;
    static constexpr int kScheduleEveryMs = 30000;

    ServerAutomation(store::Store& store, OrganisationSync& sync, ChannelRegistry& channels, Clock clock);
    ~ServerAutomation();
    ServerAutomation(const ServerAutomation&) = delete;
    ServerAutomation& operator=(const ServerAutomation&) = delete;

    // One round now: the scheduler when its time has come (or `schedule_now`), then delivery.
    AutomationRound run_once(bool schedule_now = false);
    void start();
    // Runs a round with the scheduler right away (on the background thread).
    void wake();
    void stop();

private:
    DeliveryWorker& worker();  // rebuilt when the channels changed

    OrganisationSync& sync_;
    ChannelRegistry& channels_;
    Clock clock_;
    Scheduler scheduler_;
    std::unique_ptr<DeliveryWorker> worker_;
    std::uint64_t worker_version_ = 0;
    TimeMs last_schedule_ = 0;

    std::mutex round_mutex_;  // one round at a time
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
};

}  // namespace wb::server

#include "server/automation.h"

#include <chrono>
#include <cstdio>

#include "server/channel_registry.h"

namespace wb::server {

ServerAutomation::ServerAutomation(store::Store& store, OrganisationSync& sync, ChannelRegistry& channels,
                                   Clock clock)
    : sync_(sync), channels_(channels), clock_(clock), scheduler_(store, sync, clock) {}

ServerAutomation::~ServerAutomation() { stop(); }

DeliveryWorker& ServerAutomation::worker()
{
    const std::uint64_t version = channels_.version();
    if (!worker_ || version != worker_version_) {
        std::map<std::string, std::unique_ptr<Channel>> made;
        for (const ChannelConfig& config : channels_.list())
            made[config.id] = config.enabled ? make_channel(config, clock_) : nullptr;
        worker_ = std::make_unique<DeliveryWorker>(sync_, std::move(made), clock_);
        worker_version_ = version;
    }
    return *worker_;
}

AutomationRound ServerAutomation::run_once(bool schedule_now)
{
    std::lock_guard<std::mutex> round(round_mutex_);
    AutomationRound out;
    const TimeMs now = clock_();
    if (schedule_now || last_schedule_ == 0 || now - last_schedule_ >= kScheduleEveryMs || now < last_schedule_) {
        out.scheduled = scheduler_.run_once();
        last_schedule_ = now;
    }
    out.delivered = worker().run_once();
    return out;
}

void ServerAutomation::start()
{
    stop();
    if (const std::string error = scheduler_.begin(); !error.empty()) std::fprintf(stderr, "scheduler: %s\n", error.c_str());
    stopping_ = false;
    thread_ = std::thread([this] {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!stopping_) {
            const bool woken = woken_;
            woken_ = false;
            lock.unlock();
            AutomationRound r = run_once(woken);
            if (r.scheduled && !r.scheduled->error.empty())
                std::fprintf(stderr, "scheduler: %s\n", r.scheduled->error.c_str());
            if (!r.delivered.error.empty()) std::fprintf(stderr, "delivery: %s\n", r.delivered.error.c_str());
            lock.lock();
            wake_.wait_for(lock, std::chrono::milliseconds(kDeliveryEveryMs), [this] { return stopping_ || woken_; });
        }
    });
}

void ServerAutomation::wake()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

void ServerAutomation::stop()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace wb::server

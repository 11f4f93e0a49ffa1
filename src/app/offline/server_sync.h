#pragma once
// The leader tab's conversation with the server: push the pending mutations in batches, pull
// what changed (in pages, then one long-poll at a time while idle), back off on failures, and
// stop — keeping everything — when the session has expired. Only the tab holding the Web Lock
// runs this (see Workspace), so one queue is pushed by one tab.
#include <cstdint>
#include <functional>
#include <string>

#include "sync/client_replica.h"

namespace wb::app {

struct HttpAnswer;

struct ServerSyncHooks {
    std::function<sync::ClientReplica*()> replica;                 // nullptr: nothing to sync
    std::function<std::string()> token;
    std::function<void(const sync::PullApplied&)> pulled;          // persist + redraw
    std::function<void()> session_expired;
    std::function<void()> status_changed;
};

class ServerSync {
public:
    enum class Activity { Idle, Pushing, Pulling, Waiting /* long-poll */, BackingOff, Offline, Stopped };

    explicit ServerSync(ServerSyncHooks hooks) : hooks_(std::move(hooks)) {}

    void start();                  // begin (or resume after a login)
    void stop();                   // session expired or logged out: no more requests
    void kick();                   // something to push, or the network is back: act now
    void set_online(bool online);
    // Before the replica is replaced (another tab changed the store): no response may be applied
    // to the new one. Calls `ready` once no request is in flight.
    void pause_for_reload(std::function<void()> ready);
    void resume_after_reload();

    Activity activity() const { return activity_; }
    int64_t last_synced_ms() const { return last_synced_ms_; }
    void set_last_synced_ms(int64_t ms) { last_synced_ms_ = ms; }
    const std::string& error() const { return error_; }   // the last failure, "" after a success
    bool more_to_pull() const { return pull_again_; }      // in a pull's hook: more pages follow

private:
    void next();
    void push();
    void pull(int wait_ms);
    bool usable(const HttpAnswer& a);
    void fail(const std::string& message);
    void schedule_retry();
    void set_activity(Activity a);

    ServerSyncHooks hooks_;
    Activity activity_ = Activity::Stopped;
    bool running_ = false;
    bool online_ = true;
    bool paused_ = false;
    bool pull_again_ = true;       // a pull is due (start, after a push, a page marked "more")
    int request_ = 0;              // the request in flight (0: none)
    long retry_timer_ = 0;
    int attempt_ = 0;              // consecutive failures, for the back-off
    int64_t last_synced_ms_ = 0;
    std::string error_;
    std::function<void()> on_idle_;
};

}  // namespace wb::app

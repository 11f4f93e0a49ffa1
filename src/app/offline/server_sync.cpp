#include "offline/server_sync.h"

#include "js_reply.h"
#include "offline/http_client.h"
#include "sync/retry_delay.h"

#include <emscripten/eventloop.h>

#include <random>

namespace wb::app {
namespace {

constexpr size_t kPushBatch = 200;        // mutations per push request
constexpr int kPullPage = 2000;           // rows per pull page
constexpr int kLongPollMs = 20000;        // how long the server may hold an idle pull
constexpr int kRequestTimeoutMs = 30000;  // on top of the long-poll's own wait
constexpr int kMinIdlePullGapMs = 1000;   // a server that ignores waitMs must not cause a storm

double jitter() {
    static std::minstd_rand rng(static_cast<unsigned>(js::now_utc_ms()));
    return static_cast<double>(rng() % 10000) / 10000.0;
}

std::string failure_text(const HttpAnswer& a) {
    switch (a.kind) {
        case HttpAnswer::Kind::NetworkError: return "network: " + a.text;
        case HttpAnswer::Kind::Timeout: return "timeout";
        case HttpAnswer::Kind::Aborted: return "aborted";
        case HttpAnswer::Kind::Response: break;
    }
    const std::string code = a.error_code();
    return "HTTP " + std::to_string(a.status) + (code.empty() ? "" : " " + code) + ": " + a.error_message();
}

}  // namespace

void ServerSync::start() {
    running_ = true;
    pull_again_ = true;
    attempt_ = 0;
    error_.clear();
    next();
}

void ServerSync::stop() {
    running_ = false;
    if (retry_timer_) { emscripten_clear_timeout(retry_timer_); retry_timer_ = 0; }
    if (request_) abort_request(request_);
    set_activity(Activity::Stopped);
}

void ServerSync::kick() {
    if (!running_) return;
    if (retry_timer_) { emscripten_clear_timeout(retry_timer_); retry_timer_ = 0; }
    sync::ClientReplica* replica = hooks_.replica();
    const bool has_unpushed = replica && !replica->next_push(1).mutations.empty();
    if (request_ && activity_ == Activity::Waiting && has_unpushed) {
        abort_request(request_);   // its answer (aborted) calls next()
        return;
    }
    if (!request_) next();
}

void ServerSync::set_online(bool online) {
    if (online_ == online) return;
    online_ = online;
    if (!online) {
        // A pull in flight may hang until the browser gives up on the lost connection, and a
        // leader waits for it before it reads another tab's change: end it now. (A push is
        // left to finish or fail: its answer says which mutations the server has.)
        if (request_ && (activity_ == Activity::Waiting || activity_ == Activity::Pulling)) abort_request(request_);
        if (!request_) set_activity(running_ ? Activity::Offline : Activity::Stopped);
        return;
    }
    attempt_ = 0;   // the network is back: try at once, not after the last back-off
    kick();
}

void ServerSync::pause_for_reload(std::function<void()> ready) {
    paused_ = true;
    if (!request_) { ready(); return; }
    on_idle_ = std::move(ready);
    if (activity_ == Activity::Waiting) abort_request(request_);
}

void ServerSync::resume_after_reload() {
    paused_ = false;
    on_idle_ = nullptr;
    if (!request_) next();
}

void ServerSync::set_activity(Activity a) {
    if (activity_ == a) return;
    activity_ = a;
    if (hooks_.status_changed) hooks_.status_changed();
}

void ServerSync::next() {
    if (request_) return;
    if (paused_) {
        if (on_idle_) { auto ready = std::move(on_idle_); on_idle_ = nullptr; ready(); }
        return;
    }
    if (!running_) return;
    if (!online_) { set_activity(Activity::Offline); return; }
    if (retry_timer_) return;
    sync::ClientReplica* replica = hooks_.replica();
    if (!replica) { set_activity(Activity::Idle); return; }
    if (!replica->next_push(1).mutations.empty()) push();
    else pull(pull_again_ ? 0 : kLongPollMs);
}

void ServerSync::push() {
    sync::ClientReplica* replica = hooks_.replica();
    const std::string body = sync::to_json(replica->next_push(kPushBatch)).dump();
    set_activity(Activity::Pushing);
    request_ = send_request("POST", "api/push", body, hooks_.token(), kRequestTimeoutMs, [this](HttpAnswer a) {
        request_ = 0;
        if (!usable(a)) return;
        sync::PushResponse response;
        const std::string problem = sync::from_json(a.json, response);
        if (!problem.empty()) { fail("push answer: " + problem); return; }
        if (sync::ClientReplica* r = hooks_.replica()) r->on_push(response);
        attempt_ = 0;
        error_.clear();
        pull_again_ = true;   // the pull carries the effects and drops the confirmed mutations
        next();
    });
}

void ServerSync::pull(int wait_ms) {
    sync::ClientReplica* replica = hooks_.replica();
    nlohmann::json body = sync::to_json(replica->next_pull(kPullPage));
    if (wait_ms > 0) body["waitMs"] = wait_ms;
    set_activity(wait_ms > 0 ? Activity::Waiting : Activity::Pulling);
    const double started = js::now_utc_ms();
    request_ = send_request("POST", "api/pull", body.dump(), hooks_.token(), kRequestTimeoutMs + wait_ms,
                            [this, wait_ms, started](HttpAnswer a) {
        request_ = 0;
        if (!usable(a)) return;
        sync::PullResponse response;
        const std::string problem = sync::from_json(a.json, response);
        if (problem.size()) { fail("pull answer: " + problem); return; }
        sync::ClientReplica* r = hooks_.replica();
        if (!r) { next(); return; }
        const sync::PullApplied applied = r->on_pull(response);
        pull_again_ = response.more;
        attempt_ = 0;
        error_.clear();
        if (!response.more) last_synced_ms_ = static_cast<int64_t>(js::now_utc_ms());
        hooks_.pulled(applied);
        const bool empty_idle_answer = wait_ms > 0 && applied.changed.empty() && applied.dropped.empty() &&
                                       js::now_utc_ms() - started < kMinIdlePullGapMs;
        if (empty_idle_answer && !paused_) {
            set_activity(Activity::Idle);
            retry_timer_ = emscripten_set_timeout([](void* self) {
                auto* sync = static_cast<ServerSync*>(self);
                sync->retry_timer_ = 0;
                sync->next();
            }, kMinIdlePullGapMs, this);
            return;
        }
        next();
    }, /*redraw=*/false);
}

// The common outcomes of an answer that carries no data: an abort we asked for (carry on), an
// expired session (stop, keep everything), a failure (back off). True when `a` has data.
bool ServerSync::usable(const HttpAnswer& a) {
    if (a.kind == HttpAnswer::Kind::Aborted) { next(); return false; }
    if (a.kind == HttpAnswer::Kind::Response && a.status == 401) { stop(); hooks_.session_expired(); return false; }
    if (!a.ok()) { fail(failure_text(a)); return false; }
    return true;
}

void ServerSync::fail(const std::string& message) {
    error_ = message;
    ++attempt_;
    if (paused_) { next(); return; }
    schedule_retry();
}

void ServerSync::schedule_retry() {
    set_activity(online_ ? Activity::BackingOff : Activity::Offline);
    if (hooks_.status_changed) hooks_.status_changed();
    const int delay = sync::retry_delay_ms(attempt_, jitter());
    retry_timer_ = emscripten_set_timeout([](void* self) {
        auto* sync = static_cast<ServerSync*>(self);
        sync->retry_timer_ = 0;
        sync->next();
    }, delay, this);
}

}  // namespace wb::app

#include "server/organisation_sync.h"

#include <chrono>

namespace wb::server {

Result<std::unique_ptr<OrganisationSync>> OrganisationSync::open(store::Store& store) {
    std::unique_ptr<OrganisationSync> sync(new OrganisationSync(store));
    std::string error;
    sync->service_ = sync::SyncService::open(sync->adapter_, error);
    if (!sync->service_) return fail("cannot load the synced data from the store: " + error);
    return sync;
}

void OrganisationSync::committed(const sync::PushResult& result) {
    if (!result.response) return;  // nothing was kept
    ++generation_;
    commits_.notify_all();
}

sync::PushResult OrganisationSync::push(const sync::PushRequest& request, const std::string& user_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto result = service_->push(request, user_id);
    committed(result);
    return result;
}

sync::PullResult OrganisationSync::pull(const sync::PullRequest& request, const std::string& user_id) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(request.wait_ms);
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        std::uint64_t seen = generation_;
        auto result = service_->pull(request, user_id);
        if (!result.response || request.wait_ms <= 0 || stopping_ ||
            !sync::pull_is_idle(request, *result.response))
            return result;
        // Nothing for this client yet: wait for the next commit (someone else's rows may not be
        // readable by this user; then pull again and keep waiting until the deadline).
        ++waiting_;
        bool woke = commits_.wait_until(lock, deadline, [&] { return generation_ != seen || stopping_; });
        --waiting_;
        if (!woke || stopping_) return result;
    }
}

sync::PushResult OrganisationSync::apply_as_system(const std::vector<Mutation>& mutations,
                                                   const std::string& client_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto result = service_->apply_as_system(mutations, client_id);
    committed(result);
    return result;
}

void OrganisationSync::shutdown() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    commits_.notify_all();
}

int OrganisationSync::waiting_pulls() {
    std::lock_guard<std::mutex> lock(mutex_);
    return waiting_;
}

}  // namespace wb::server

#pragma once
// The organisation's sync service on the server's store: one per server (a single organisation
// for now). The service is single-writer, so every call goes through one mutex.
//
// Long-poll: a pull with `wait_ms` that finds nothing new for its client waits (the mutex
// released) on a condition variable that every committed push or system apply notifies, then
// pulls again; it answers as usual when something arrived for it, when the wait ran out, or when
// the server shuts down (shutdown() wakes every waiter at once).
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/result.h"
#include "store/store.h"
#include "store/sync_store_adapter.h"
#include "sync/sync_service.h"

namespace wb::server {

class OrganisationSync {
public:
    // Rebuilds the live state from the store's rows.
    static Result<std::unique_ptr<OrganisationSync>> open(store::Store& store);

    sync::PushResult push(const sync::PushRequest& request, const std::string& user_id);
    // Waits up to request.wait_ms for something new when there is nothing to answer yet.
    sync::PullResult pull(const sync::PullRequest& request, const std::string& user_id);
    sync::PushResult apply_as_system(const std::vector<Mutation>& mutations, const std::string& client_id);

    // Wakes every waiting pull (they answer what they have) and makes later pulls not wait.
    void shutdown();
    // How many pulls are waiting right now (for tests and diagnostics).
    int waiting_pulls();

    // Reads the live state under the lock.
    template <class F> auto with_state(F&& read) {
        std::lock_guard<std::mutex> lock(mutex_);
        return read(service_->state());
    }

private:
    explicit OrganisationSync(store::Store& store) : adapter_(store) {}
    void committed(const sync::PushResult& result);  // under mutex_

    store::SyncStoreAdapter adapter_;  // the service keeps a pointer to it: never moved
    std::optional<sync::SyncService> service_;
    std::mutex mutex_;
    std::condition_variable commits_;  // notified after every commit (and at shutdown)
    std::uint64_t generation_ = 0;     // counts commits; a waiter pulls again when it moved
    bool stopping_ = false;
    int waiting_ = 0;
};

}  // namespace wb::server

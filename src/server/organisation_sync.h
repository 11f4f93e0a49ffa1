#pragma once
// The organisation's sync service on the server's store: one per server (a single organisation
// for now). The service is single-writer, so every call goes through one mutex.
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
    sync::PullResult pull(const sync::PullRequest& request, const std::string& user_id);
    sync::PushResult apply_as_system(const std::vector<Mutation>& mutations, const std::string& client_id);

    // Reads the live state under the lock.
    template <class F> auto with_state(F&& read) {
        std::lock_guard<std::mutex> lock(mutex_);
        return read(service_->state());
    }

private:
    explicit OrganisationSync(store::Store& store) : adapter_(store) {}

    store::SyncStoreAdapter adapter_;  // the service keeps a pointer to it: never moved
    std::optional<sync::SyncService> service_;
    std::mutex mutex_;
};

}  // namespace wb::server

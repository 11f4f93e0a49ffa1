#include "server/organisation_sync.h"

namespace wb::server {

Result<std::unique_ptr<OrganisationSync>> OrganisationSync::open(store::Store& store) {
    std::unique_ptr<OrganisationSync> sync(new OrganisationSync(store));
    std::string error;
    sync->service_ = sync::SyncService::open(sync->adapter_, error);
    if (!sync->service_) return fail("cannot load the synced data from the store: " + error);
    return sync;
}

sync::PushResult OrganisationSync::push(const sync::PushRequest& request, const std::string& user_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return service_->push(request, user_id);
}

sync::PullResult OrganisationSync::pull(const sync::PullRequest& request, const std::string& user_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return service_->pull(request, user_id);
}

sync::PushResult OrganisationSync::apply_as_system(const std::vector<Mutation>& mutations,
                                                   const std::string& client_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return service_->apply_as_system(mutations, client_id);
}

}  // namespace wb::server

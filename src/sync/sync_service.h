#pragma once
// The server side of sync, pure: applies pushed mutations exactly once and in order with the
// same mutator the browser runs, and answers pulls from the store. The HTTP layer calls it with
// the signed-in user; it serialises calls per organisation (one service, one writer).
#include <optional>
#include <string>

#include "core/state.h"
#include "sync/scope.h"
#include "sync/sync_store.h"

namespace wb::sync {

struct PushResult {
    std::optional<PushResponse> response;  // set on success (including out_of_order answers)
    ErrorInfo error;                       // otherwise: forbidden, or the store failed
};

struct PullResult {
    std::optional<PullResponse> response;
    ErrorInfo error;  // bad_request (malformed cursor), forbidden, storage
};

class SyncService {
public:
    // Rebuilds the live state from the store's rows; an empty store starts from `initial`.
    static std::optional<SyncService> open(SyncStore& store, std::string& error);

    PushResult push(const PushRequest& request, const std::string& user_id);
    PullResult pull(const PullRequest& request, const std::string& user_id);

    // Seeds an empty store (or adds to it) as the organisation's admin would, through mutations.
    PushResult apply_as_system(const std::vector<Mutation>& mutations, const std::string& client_id);

    const State& state() const { return live_; }

private:
    SyncService(SyncStore& store, State live)
        : store_(&store), live_(std::move(live)), owners_(live_) {}
    PushResult push_checked(const PushRequest& request, const Scope& scope);

    SyncStore* store_;
    State live_;
    // Who owns which rows as of live_, updated with every applied (or undone) mutation.
    RowOwners owners_;
};

}  // namespace wb::sync

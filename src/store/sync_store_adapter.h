#pragma once
// The sync service's storage port (wb::sync::SyncStore, src/sync/sync_store.h) on top of a
// server store (SQLite or PostgreSQL). Rows travel as JSON text; a scope becomes an owner filter.
//
// SyncStore's pull(), epoch() and live_rows() have no error channel, and an empty answer would
// be a wrong one (a client could take a failed pull for "no changes" or even "reset"). So when
// the database fails there, they throw StoreUnavailable, which the HTTP layer's exception
// handler turns into a 500 error answer: no client ever gets made-up data.
#include <stdexcept>

#include "store/store.h"
#include "sync/sync_store.h"

namespace wb::store {

struct StoreUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class SyncStoreAdapter final : public sync::SyncStore {
public:
    explicit SyncStoreAdapter(Store& store) : store_(store) {}

    std::string epoch() override;
    std::string transact(const std::function<std::string(sync::SyncTransaction&)>& work) override;
    sync::PullSnapshot pull(int64_t after, const sync::Scope& scope, int limit,
                            const std::string& client_id, int64_t acked) override;
    std::vector<sync::Row> live_rows() override;

private:
    Store& store_;
};

// The owners whose rows `scope` may read (see sync::Scope::reads).
OwnerFilter owner_filter(const sync::Scope& scope);

}  // namespace wb::store

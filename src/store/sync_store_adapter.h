#pragma once
// The sync service's storage port (wb::sync::SyncStore, src/sync/sync_store.h) on top of a
// server store (SQLite or PostgreSQL). Rows travel as JSON text; a scope becomes an owner filter.
//
// Database failures come back as error values (see sync_store.h); the sync service answers them
// with a `storage` error, never with made-up data.
#include "store/store.h"
#include "sync/sync_store.h"

namespace wb::store {

class SyncStoreAdapter final : public sync::SyncStore {
public:
    explicit SyncStoreAdapter(Store& store) : store_(store) {}

    std::string epoch(std::string& out) override;
    std::string transact(const std::function<std::string(sync::SyncTransaction&)>& work) override;
    std::string pull(int64_t after, const sync::Scope& scope, int limit, const std::string& client_id,
                     int64_t acked, sync::PullSnapshot& out) override;
    std::string live_rows(std::vector<sync::Row>& out) override;
    std::string client(const std::string& client_id, sync::ClientRecord& out) override;

private:
    Store& store_;
};

// The owners whose rows `scope` may read (see sync::Scope::reads).
OwnerFilter owner_filter(const sync::Scope& scope);

}  // namespace wb::store

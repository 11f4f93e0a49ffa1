#pragma once
// The port through which the sync service reaches its database. Implementations: MemorySyncStore
// (tests and the simulation), SQLite and PostgreSQL (src/store/sync_store_adapter). Every method
// is one transaction; `transact` runs the push's whole batch in one. Failures are values: each
// method returns "" or what went wrong, and then its output must not be used (an empty pull
// would look like "no changes").
#include <functional>
#include <string>
#include <vector>

#include "sync/protocol.h"
#include "sync/scope.h"

namespace wb::sync {

// What the database knows of one client id. A client id belongs to one user: the first push or
// pull with it binds it, and later calls never change the user.
struct ClientRecord {
    bool known = false;        // the client id has pushed or pulled before
    std::string user_id;       // its user (when known)
    int64_t last_applied = 0;  // the last mutation number applied (0 when unknown)
};

class SyncTransaction {
public:
    virtual ~SyncTransaction() = default;
    virtual ClientRecord client(const std::string& client_id) = 0;
    // Records the client's last applied number. The first record of a client id binds it to
    // `user_id`; for a known client id the user stays what it was.
    virtual void set_last_applied(const std::string& client_id, const std::string& user_id, int64_t id) = 0;
    // The next global version. Versions must become visible to readers in the order they were
    // allocated (no pull cursor may pass a version whose row is not yet visible): stores
    // allocate from a single counter row that stays locked until commit.
    virtual int64_t allocate_version() = 0;
    virtual void write_row(const Row& row, const std::string& owner) = 0;
    // The row (written at `version`) no longer belongs to `old_owner`: readers of that owner who
    // cannot read the row's new owner receive it as deleted at `version`.
    virtual void revoke(const RowKey& key, const std::string& old_owner, int64_t version) = 0;
    virtual void record_rejection(const std::string& client_id, const MutationOutcome& outcome) = 0;
};

// What one pull reads, in one consistent snapshot.
struct PullSnapshot {
    std::vector<Row> rows;   // version > after, readable by the scope, in version order
    bool more = false;       // rows were cut at the limit
    int64_t max_version = 0; // the highest committed version
    ClientRecord client;     // the pulling client id's record
    std::vector<MutationOutcome> rejected;  // in (acked, client.last_applied]
};

class SyncStore {
public:
    virtual ~SyncStore() = default;
    // Names this database; a new or restored database gets a new epoch.
    virtual std::string epoch(std::string& out) = 0;
    // Runs `work` in one transaction; commits when it returns "", rolls back and returns the
    // error otherwise (or when the commit fails).
    virtual std::string transact(const std::function<std::string(SyncTransaction&)>& work) = 0;
    virtual std::string pull(int64_t after, const Scope& scope, int limit, const std::string& client_id,
                             int64_t acked, PullSnapshot& out) = 0;
    // The client id's record, read on its own (outside any push).
    virtual std::string client(const std::string& client_id, ClientRecord& out) = 0;
    // Every live (not deleted) row, to rebuild the server's state at start.
    virtual std::string live_rows(std::vector<Row>& out) = 0;
};

}  // namespace wb::sync

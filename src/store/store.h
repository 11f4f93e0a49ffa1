#pragma once
// The server's storage port. One abstract interface, two adapters: SQLite (embedded default,
// src/store/sqlite) and PostgreSQL (src/store/postgres), chosen by URL in open_store.h.
// Every method returns its failure as a value; implementations use prepared statements with
// bound parameters only and are safe to call from several request threads at once.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/result.h"

namespace wb::store {

struct Organisation {
    std::int64_t id = 0;
    std::string name;
    std::string time_zone;  // IANA name, e.g. "Asia/Shanghai"
};

enum class Role { Tutor, Manager, Admin };
const char* role_name(Role role);  // "tutor", "manager", "admin"
std::optional<Role> parse_role(const std::string& name);

// A person who can sign in. `user_id` is the id of the user entity in the synced data.
struct Account {
    std::string user_id;
    std::string login;          // unique, what the person types
    std::string display_name;
    Role role = Role::Tutor;
    std::string manager_id;     // the manager's user id, for tutors ("" otherwise)
    std::string password_hash;  // Argon2id, libsodium's crypto_pwhash_str format
};

// A signed-in session. The token itself is never stored, only its hash.
struct SessionRecord {
    std::string token_hash;
    std::string user_id;
    std::int64_t created_at_ms = 0;
    std::int64_t expires_at_ms = 0;
};

// One entity of the synced data as the server stores it: the latest state of (kind, id), the
// global version of the change that wrote it, and the user whose scope it belongs to.
struct StoredRow {
    std::string kind;
    std::string id;
    std::int64_t version = 0;
    bool deleted = false;
    std::string body;   // JSON text; empty when deleted
    std::string owner;  // a tutor's user id, "" for rows everyone reads, "-" for unassigned
};

// A mutation the server refused; the client is told with its next pull.
struct Rejection {
    std::int64_t mutation_id = 0;
    std::string code;
    std::string message;
};

// A sync client id as the store knows it: the user it belongs to (the first to push or pull with
// it; never changed afterwards) and the last mutation number applied.
struct SyncClient {
    std::string user_id;
    std::int64_t last_applied = 0;
};

// Which owners' rows a pull may read.
struct OwnerFilter {
    bool everything = false;          // an admin
    std::vector<std::string> owners;  // otherwise: exactly these owners
};

// What one pull reads, from one consistent snapshot.
struct RowPage {
    // version > after, readable through the filter, by version; revocations appear as deleted
    // rows (owner = the old owner)
    std::vector<StoredRow> rows;
    bool more = false;            // cut at the limit
    std::int64_t max_version = 0; // the highest committed version
    std::optional<SyncClient> client;          // the pulling client id's record, if it has one
    std::vector<Rejection> rejected;           // the client's rejections in (acked, last_applied]
};

// The writes of one push, all inside one transaction (see Store::transact).
class SyncWriter {
public:
    virtual ~SyncWriter() = default;
    virtual Result<std::optional<SyncClient>> client(const std::string& client_id) = 0;
    // Inserts the client id bound to `user_id`, or updates its number (the user stays).
    virtual Status set_last_applied(const std::string& client_id, const std::string& user_id,
                                    std::int64_t mutation_id) = 0;
    // The next global version. It comes from a single counter row that stays locked until the
    // transaction ends, so versions become visible in the order they were handed out and a pull
    // cursor can never pass a version whose row is not visible yet.
    virtual Result<std::int64_t> allocate_version() = 0;
    // Inserts or replaces the row (kind, id); `row.version` must come from allocate_version().
    virtual Status write_row(const StoredRow& row) = 0;
    // The row (kind, id), written at `version`, no longer belongs to `old_owner`: readers of
    // that owner who cannot read the row's current owner get it as deleted at `version`.
    virtual Status revoke(const std::string& kind, const std::string& id, const std::string& old_owner,
                          std::int64_t version) = 0;
    virtual Status record_rejection(const std::string& client_id, const Rejection& rejection) = 0;
};

class Store {
public:
    virtual ~Store() = default;

    // "sqlite" or "postgresql", as reported by /api/health.
    virtual std::string kind() const = 0;
    // A short description for logs, e.g. the file path (never a password).
    virtual std::string location() const = 0;
    // The highest migration applied.
    virtual Result<int> schema_version() = 0;

    // [Settings] Small named values the server keeps for itself (the scheduler's progress).
    // The key "epoch" is the sync epoch's and cannot be set.
    virtual Result<std::optional<std::string>> setting(const std::string& key) = 0;
    virtual Status set_setting(const std::string& key, const std::string& value) = 0;

    virtual Result<std::vector<Organisation>> organisations() = 0;
    virtual Result<Organisation> create_organisation(const std::string& name,
                                                     const std::string& time_zone) = 0;

    // [Accounts] A second account with the same login or user id is an error.
    virtual Status create_account(const Account& account) = 0;
    virtual Result<std::optional<Account>> find_account_by_login(const std::string& login) = 0;
    virtual Result<std::optional<Account>> find_account(const std::string& user_id) = 0;
    virtual Result<std::vector<Account>> accounts() = 0;
    virtual Status set_password_hash(const std::string& user_id, const std::string& hash) = 0;

    // [Sessions] find_session returns expired sessions too: the caller tells "expired" from
    // "unknown" so the client knows to sign in again.
    virtual Status create_session(const SessionRecord& session) = 0;
    virtual Result<std::optional<SessionRecord>> find_session(const std::string& token_hash) = 0;
    virtual Status delete_session(const std::string& token_hash) = 0;
    virtual Result<std::int64_t> delete_expired_sessions(std::int64_t now_ms) = 0;

    // [Sync] The database's epoch: a random name made when the database was created. A cursor
    // from another epoch (a restored backup, a replaced database) means "reset".
    virtual Result<std::string> epoch() = 0;
    // Runs `work` in one transaction: commits when it succeeds, rolls back when it fails (and
    // returns its error) or when the commit fails.
    virtual Status transact(const std::function<Status(SyncWriter&)>& work) = 0;
    virtual Result<RowPage> pull(std::int64_t after, const OwnerFilter& filter, int limit,
                                 const std::string& client_id, std::int64_t acked) = 0;
    // Every row that is not deleted, in version order (to rebuild the server's state at start).
    virtual Result<std::vector<StoredRow>> live_rows() = 0;
    // The client id's record, or nullopt for a client id never seen.
    virtual Result<std::optional<SyncClient>> sync_client(const std::string& client_id) = 0;
};

}  // namespace wb::store

#pragma once
// The embedded store: one SQLite file in WAL mode with foreign keys on and a busy timeout.
// One connection guarded by a mutex serves all request threads (SQLite writes are serialised
// anyway; this keeps transactions simple and correct).
#include <memory>
#include <mutex>
#include <string>

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace wb::store {

class SqliteStore final : public Store {
public:
    static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);

    std::string kind() const override { return "sqlite"; }
    std::string location() const override { return path_; }
    Result<int> schema_version() override;

    Result<std::vector<Organisation>> organisations() override;
    Result<Organisation> create_organisation(const std::string& name,
                                             const std::string& time_zone) override;

    Status create_account(const Account& account) override;
    Result<std::optional<Account>> find_account_by_login(const std::string& login) override;
    Result<std::optional<Account>> find_account(const std::string& user_id) override;
    Result<std::vector<Account>> accounts() override;
    Status set_password_hash(const std::string& user_id, const std::string& hash) override;

    Status create_session(const SessionRecord& session) override;
    Result<std::optional<SessionRecord>> find_session(const std::string& token_hash) override;
    Status delete_session(const std::string& token_hash) override;
    Result<std::int64_t> delete_expired_sessions(std::int64_t now_ms) override;

    Result<std::string> epoch() override;
    Result<std::optional<std::string>> setting(const std::string& key) override;
    Status set_setting(const std::string& key, const std::string& value) override;
    Status transact(const std::function<Status(SyncWriter&)>& work) override;
    Result<RowPage> pull(std::int64_t after, const OwnerFilter& filter, int limit,
                         const std::string& client_id, std::int64_t acked) override;
    Result<std::vector<StoredRow>> live_rows() override;
    Result<std::optional<SyncClient>> sync_client(const std::string& client_id) override;

private:
    SqliteStore(std::string path, std::unique_ptr<SqliteDb> db)
        : path_(std::move(path)), db_(std::move(db)) {}
    Status configure();
    Status migrate();
    Status ensure_epoch();
    sqlite3* db_handle() const { return db_->handle(); }
    Result<std::optional<Account>> find_account_where(const char* sql, const std::string& key);
    Result<int> schema_version_locked();

    std::string path_;
    std::unique_ptr<SqliteDb> db_;
    std::mutex mutex_;
};

}  // namespace wb::store

#pragma once
// The PostgreSQL store (libpqxx 6.4): the same contract as SqliteStore, for organisations that
// outgrow one file. Connections come from a pool; every call is its own transaction except
// transact(), which runs a push's whole batch in one.
#include <memory>
#include <string>

#include "store/postgres/pg_pool.h"
#include "store/store.h"

namespace wb::store {

class PgStore final : public Store {
public:
    static Result<std::unique_ptr<PgStore>> open(const std::string& url);

    std::string kind() const override { return "postgresql"; }
    std::string location() const override { return location_; }
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
    PgStore(std::string url, std::string location)
        : pool_(std::move(url), kMaxConnections), location_(std::move(location)) {}
    Status migrate();
    Result<std::optional<Account>> find_account_where(const char* sql, const std::string& key);

    static constexpr size_t kMaxConnections = 8;  // httplib's request threads
    PgPool pool_;
    std::string location_;
};

// Runs `body` and turns a libpqxx exception into an error value naming `what`.
template <class F>
auto pg_guard(const char* what, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const std::exception& e) {
        return fail(std::string("PostgreSQL, ") + what + ": " + e.what());
    }
}

}  // namespace wb::store

// SqliteStore: accounts and sessions.
#include "store/sqlite/sqlite_store.h"

namespace wb::store {

namespace {
constexpr const char* kAccountColumns =
    "SELECT user_id, login, display_name, role, manager_id, password_hash FROM accounts ";

Result<Account> account_from(const SqliteStatement& stmt) {
    Account a;
    a.user_id = stmt.column_text(0);
    a.login = stmt.column_text(1);
    a.display_name = stmt.column_text(2);
    auto role = parse_role(stmt.column_text(3));
    if (!role) return fail("account " + a.user_id + " has an unknown role '" + stmt.column_text(3) + "'");
    a.role = *role;
    a.manager_id = stmt.column_text(4);
    a.password_hash = stmt.column_text(5);
    return a;
}

Status explain_constraint(Status s, const Account& account) {
    if (s.ok() || s.message().find("UNIQUE") == std::string::npos) return s;
    return fail("an account with login '" + account.login + "' or user id '" + account.user_id +
                "' already exists");
}
}  // namespace

Status SqliteStore::create_account(const Account& a) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare(
        "INSERT INTO accounts (user_id, login, display_name, role, manager_id, password_hash)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!stmt) return stmt.error();
    stmt->bind(1, a.user_id).bind(2, a.login).bind(3, a.display_name);
    stmt->bind(4, std::string(role_name(a.role))).bind(5, a.manager_id).bind(6, a.password_hash);
    return explain_constraint(stmt->run(), a);
}

Result<std::optional<Account>> SqliteStore::find_account_where(const char* sql, const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare(sql);
    if (!stmt) return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!row.value()) return std::optional<Account>();
    auto account = account_from(stmt.value());
    if (!account) return account.error();
    return std::optional<Account>(std::move(account).value());
}

Result<std::optional<Account>> SqliteStore::find_account_by_login(const std::string& login) {
    static const std::string sql = std::string(kAccountColumns) + "WHERE login = ?1";
    return find_account_where(sql.c_str(), login);
}

Result<std::optional<Account>> SqliteStore::find_account(const std::string& user_id) {
    static const std::string sql = std::string(kAccountColumns) + "WHERE user_id = ?1";
    return find_account_where(sql.c_str(), user_id);
}

Result<std::vector<Account>> SqliteStore::accounts() {
    std::lock_guard<std::mutex> lock(mutex_);
    static const std::string sql = std::string(kAccountColumns) + "ORDER BY user_id";
    auto stmt = db_->prepare(sql.c_str());
    if (!stmt) return stmt.error();
    std::vector<Account> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!row.value()) break;
        auto account = account_from(stmt.value());
        if (!account) return account.error();
        out.push_back(std::move(account).value());
    }
    return out;
}

Status SqliteStore::set_password_hash(const std::string& user_id, const std::string& hash) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("UPDATE accounts SET password_hash = ?2 WHERE user_id = ?1");
    if (!stmt) return stmt.error();
    if (auto s = stmt->bind(1, user_id).bind(2, hash).run(); !s) return s;
    if (sqlite3_changes(db_handle()) == 0) return fail("no account with user id '" + user_id + "'");
    return ok_status();
}

Status SqliteStore::create_session(const SessionRecord& s) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare(
        "INSERT INTO sessions (token_hash, user_id, created_at_ms, expires_at_ms) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt) return stmt.error();
    stmt->bind(1, s.token_hash).bind(2, s.user_id).bind(3, s.created_at_ms).bind(4, s.expires_at_ms);
    auto done = stmt->run();
    if (!done && done.message().find("FOREIGN KEY") != std::string::npos) {
        return fail("no account with user id '" + s.user_id + "'");
    }
    return done;
}

Result<std::optional<SessionRecord>> SqliteStore::find_session(const std::string& token_hash) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT token_hash, user_id, created_at_ms, expires_at_ms FROM sessions WHERE token_hash = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, token_hash);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!row.value()) return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(SessionRecord{stmt->column_text(0), stmt->column_text(1),
                                                      stmt->column_int(2), stmt->column_int(3)});
}

Status SqliteStore::delete_session(const std::string& token_hash) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("DELETE FROM sessions WHERE token_hash = ?1");
    if (!stmt) return stmt.error();
    return stmt->bind(1, token_hash).run();
}

Result<std::int64_t> SqliteStore::delete_expired_sessions(std::int64_t now_ms) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("DELETE FROM sessions WHERE expires_at_ms <= ?1");
    if (!stmt) return stmt.error();
    if (auto s = stmt->bind(1, now_ms).run(); !s) return s.error();
    return std::int64_t{sqlite3_changes(db_handle())};
}

}  // namespace wb::store

// PgStore: accounts and sessions.
#include "store/postgres/pg_store.h"

namespace wb::store {

namespace {
constexpr const char* kAccountColumns =
    "SELECT user_id, login, display_name, role, manager_id, password_hash FROM accounts ";

Result<Account> account_from(const pqxx::row& row) {
    Account a;
    a.user_id = row[0].as<std::string>();
    a.login = row[1].as<std::string>();
    a.display_name = row[2].as<std::string>();
    auto role = parse_role(row[3].as<std::string>());
    if (!role) return fail("account " + a.user_id + " has an unknown role");
    a.role = *role;
    a.manager_id = row[4].as<std::string>();
    a.password_hash = row[5].as<std::string>();
    return a;
}
}  // namespace

Status PgStore::create_account(const Account& a) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    try {
        pqxx::work tx(*lease.value());
        tx.exec_params(
            "INSERT INTO accounts (user_id, login, display_name, role, manager_id, password_hash)"
            " VALUES ($1, $2, $3, $4, $5, $6)",
            a.user_id, a.login, a.display_name, std::string(role_name(a.role)), a.manager_id,
            a.password_hash);
        tx.commit();
        return ok_status();
    } catch (const pqxx::unique_violation&) {
        return fail("an account with login '" + a.login + "' or user id '" + a.user_id +
                    "' already exists");
    } catch (const std::exception& e) {
        return fail(std::string("PostgreSQL, creating an account: ") + e.what());
    }
}

Result<std::optional<Account>> PgStore::find_account_where(const char* sql, const std::string& key) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading an account", [&]() -> Result<std::optional<Account>> {
        pqxx::read_transaction tx(*lease.value());
        auto r = tx.exec_params(sql, key);
        if (r.empty()) return std::optional<Account>();
        auto account = account_from(r[0]);
        if (!account) return account.error();
        return std::optional<Account>(std::move(account).value());
    });
}

Result<std::optional<Account>> PgStore::find_account_by_login(const std::string& login) {
    static const std::string sql = std::string(kAccountColumns) + "WHERE login = $1";
    return find_account_where(sql.c_str(), login);
}

Result<std::optional<Account>> PgStore::find_account(const std::string& user_id) {
    static const std::string sql = std::string(kAccountColumns) + "WHERE user_id = $1";
    return find_account_where(sql.c_str(), user_id);
}

Result<std::vector<Account>> PgStore::accounts() {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading accounts", [&]() -> Result<std::vector<Account>> {
        pqxx::read_transaction tx(*lease.value());
        std::vector<Account> out;
        for (const auto& row : tx.exec(std::string(kAccountColumns) + "ORDER BY user_id")) {
            auto account = account_from(row);
            if (!account) return account.error();
            out.push_back(std::move(account).value());
        }
        return out;
    });
}

Status PgStore::set_password_hash(const std::string& user_id, const std::string& hash) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("changing a password", [&]() -> Status {
        pqxx::work tx(*lease.value());
        auto r = tx.exec_params("UPDATE accounts SET password_hash = $2 WHERE user_id = $1", user_id, hash);
        tx.commit();
        if (r.affected_rows() == 0) return fail("no account with user id '" + user_id + "'");
        return ok_status();
    });
}

Status PgStore::create_session(const SessionRecord& s) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    try {
        pqxx::work tx(*lease.value());
        tx.exec_params(
            "INSERT INTO sessions (token_hash, user_id, created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4)",
            s.token_hash, s.user_id, s.created_at_ms, s.expires_at_ms);
        tx.commit();
        return ok_status();
    } catch (const pqxx::foreign_key_violation&) {
        return fail("no account with user id '" + s.user_id + "'");
    } catch (const std::exception& e) {
        return fail(std::string("PostgreSQL, creating a session: ") + e.what());
    }
}

Result<std::optional<SessionRecord>> PgStore::find_session(const std::string& token_hash) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading a session", [&]() -> Result<std::optional<SessionRecord>> {
        pqxx::read_transaction tx(*lease.value());
        auto r = tx.exec_params(
            "SELECT token_hash, user_id, created_at_ms, expires_at_ms FROM sessions WHERE token_hash = $1",
            token_hash);
        if (r.empty()) return std::optional<SessionRecord>();
        return std::optional<SessionRecord>(SessionRecord{
            r[0][0].as<std::string>(), r[0][1].as<std::string>(), r[0][2].as<std::int64_t>(),
            r[0][3].as<std::int64_t>()});
    });
}

Status PgStore::delete_session(const std::string& token_hash) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("deleting a session", [&]() -> Status {
        pqxx::work tx(*lease.value());
        tx.exec_params("DELETE FROM sessions WHERE token_hash = $1", token_hash);
        tx.commit();
        return ok_status();
    });
}

Result<std::int64_t> PgStore::delete_expired_sessions(std::int64_t now_ms) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("deleting expired sessions", [&]() -> Result<std::int64_t> {
        pqxx::work tx(*lease.value());
        auto r = tx.exec_params("DELETE FROM sessions WHERE expires_at_ms <= $1", now_ms);
        tx.commit();
        return static_cast<std::int64_t>(r.affected_rows());
    });
}

}  // namespace wb::store

#include "store/sqlite/sqlite_db.h"

namespace wb::store {

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), in_use_(other.in_use_) {
    other.stmt_ = nullptr;
    other.in_use_ = nullptr;
}

SqliteStatement::~SqliteStatement() {
    if (!stmt_) return;
    if (!in_use_) {
        sqlite3_finalize(stmt_);
        return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::string& value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
}

Result<bool> SqliteStatement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return fail(std::string("SQLite: ") + sqlite3_errmsg(db_));
}

Status SqliteStatement::run() {
    for (;;) {
        auto more = step();
        if (!more) return more.error();
        if (!more.value()) return ok_status();
    }
}

std::int64_t SqliteStatement::column_int(int col) const {
    return sqlite3_column_int64(stmt_, col);
}

std::string SqliteStatement::column_text(int col) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    int size = sqlite3_column_bytes(stmt_, col);
    return text ? std::string(text, static_cast<size_t>(size)) : std::string();
}

bool SqliteStatement::column_is_null(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::optional<std::int64_t> SqliteStatement::column_optional_int(int col) const {
    if (column_is_null(col)) return std::nullopt;
    return column_int(col);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::string& path) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close(raw);
        return fail("cannot open SQLite file " + path + ": " + message);
    }
    sqlite3_extended_result_codes(raw, 1);
    return std::unique_ptr<SqliteDb>(new SqliteDb(raw));
}

SqliteDb::~SqliteDb() {
    for (auto& [sql, cached] : cache_) sqlite3_finalize(cached->stmt);
    sqlite3_close_v2(db_);
}

Result<SqliteStatement> SqliteDb::prepare(const char* sql) {
    auto found = cache_.find(sql);
    if (found != cache_.end() && !found->second->in_use) {
        found->second->in_use = true;
        return SqliteStatement(db_, found->second->stmt, &found->second->in_use);
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return fail(std::string("SQLite cannot prepare a statement: ") + sqlite3_errmsg(db_));
    }
    if (found != cache_.end()) return SqliteStatement(db_, stmt);  // the cached one is busy
    auto& cached = cache_[sql];
    cached = std::make_unique<CachedStatement>(CachedStatement{stmt, true});
    return SqliteStatement(db_, stmt, &cached->in_use);
}

Status SqliteDb::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        return fail("SQLite: " + text);
    }
    return ok_status();
}

std::int64_t SqliteDb::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_);
}

std::string SqliteDb::last_error() const {
    return sqlite3_errmsg(db_);
}

}  // namespace wb::store

#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared statements with bound
// parameters (the only way this code runs SQL that carries values), errors as values.
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "store/result.h"

namespace wb::store {

class SqliteStatement {
public:
    // `in_use` is set for a statement of the connection's cache: it is reset when done, not
    // finalized, and the flag cleared.
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, bool* in_use = nullptr)
        : db_(db), stmt_(stmt), in_use_(in_use) {}
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    // Parameters are 1-based, as in SQLite.
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, const std::string& value);
    SqliteStatement& bind_null(int index);
    SqliteStatement& bind(int index, const std::optional<std::int64_t>& value);

    // Advances one row: true when a row is available, false when done, error otherwise.
    Result<bool> step();
    // Runs to completion (for statements that return no rows).
    Status run();

    std::int64_t column_int(int col) const;
    std::string column_text(int col) const;
    bool column_is_null(int col) const;
    std::optional<std::int64_t> column_optional_int(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
    bool* in_use_ = nullptr;
};

class SqliteDb {
public:
    // Opens (creating if needed) the file at `path`.
    static Result<std::unique_ptr<SqliteDb>> open(const std::string& path);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    // Statements are cached per SQL text (parsing was a third of the time of a big push); a
    // statement already in use is prepared afresh.
    Result<SqliteStatement> prepare(const char* sql);
    // Runs constant SQL without parameters (schema, pragmas, BEGIN/COMMIT).
    Status exec(const char* sql);
    std::int64_t last_insert_rowid() const;
    std::string last_error() const;
    sqlite3* handle() const { return db_; }

private:
    explicit SqliteDb(sqlite3* db) : db_(db) {}
    struct CachedStatement {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;
    };
    sqlite3* db_;
    std::map<std::string, std::unique_ptr<CachedStatement>> cache_;
};

}  // namespace wb::store

#pragma once
#include "store/sqlite/sqlite_db.h"

namespace wb::store {

// BEGIN IMMEDIATE ... COMMIT; rolls back on scope exit unless committed. IMMEDIATE takes the
// write lock at the start, so two writers never deadlock upgrading a read lock.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDb& db, const char* begin = "BEGIN IMMEDIATE")
        : db_(db), begin_(begin) {}
    Status begin() {
        auto begun = db_.exec(begin_);
        active_ = begun.ok();
        return begun;
    }
    Status commit() {
        auto done = db_.exec("COMMIT");
        if (done) active_ = false;
        return done;
    }
    ~SqliteTransaction() {
        if (active_) (void)db_.exec("ROLLBACK");
    }
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

private:
    SqliteDb& db_;
    const char* begin_;
    bool active_ = false;
};

}  // namespace wb::store

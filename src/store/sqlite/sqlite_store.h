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

private:
    SqliteStore(std::string path, std::unique_ptr<SqliteDb> db)
        : path_(std::move(path)), db_(std::move(db)) {}
    Status configure();
    Status migrate();
    Result<int> schema_version_locked();

    std::string path_;
    std::unique_ptr<SqliteDb> db_;
    std::mutex mutex_;
};

}  // namespace wb::store

#include "store/sqlite/sqlite_store.h"

#include "store/random_name.h"
#include "store/sqlite/sqlite_migrations.h"
#include "store/sqlite/sqlite_transaction.h"

namespace wb::store {

namespace {
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
    auto db = SqliteDb::open(path);
    if (!db) return db.error();
    std::unique_ptr<SqliteStore> store(new SqliteStore(path, std::move(db).value()));
    if (auto configured = store->configure(); !configured) {
        return fail("cannot use SQLite file " + path + ": " + configured.message());
    }
    if (auto migrated = store->migrate(); !migrated) {
        return fail("cannot migrate SQLite file " + path + ": " + migrated.message());
    }
    if (auto named = store->ensure_epoch(); !named) {
        return fail("cannot use SQLite file " + path + ": " + named.message());
    }
    return store;
}

Status SqliteStore::configure() {
    if (auto s = db_->exec("PRAGMA busy_timeout = 5000"); !s) return s;
    static_assert(kBusyTimeoutMs == 5000, "keep the pragma above in step");
    // journal_mode answers with the mode in force; anything but "wal" means WAL is unavailable
    // (e.g. a file system without shared memory) and we say so instead of running slower.
    auto mode = db_->prepare("PRAGMA journal_mode = WAL");
    if (!mode) return mode.error();
    auto row = mode->step();
    if (!row) return row.error();
    if (!row.value() || mode->column_text(0) != "wal") {
        return fail("the file system does not support SQLite's WAL mode");
    }
    if (auto s = db_->exec("PRAGMA foreign_keys = ON"); !s) return s;
    return db_->exec("PRAGMA synchronous = NORMAL");
}

Status SqliteStore::migrate() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto s = db_->exec("CREATE TABLE IF NOT EXISTS schema_version ("
                           " version INTEGER PRIMARY KEY,"
                           " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
        !s) {
        return s;
    }
    auto current = schema_version_locked();
    if (!current) return current.error();
    const auto& all = sqlite_migrations();
    if (!all.empty() && current.value() > all.back().version) {
        return fail("the file was written by a newer workbench (schema " +
                    std::to_string(current.value()) + ", this build knows up to " +
                    std::to_string(all.back().version) + ")");
    }
    for (const auto& migration : all) {
        if (migration.version <= current.value()) continue;
        SqliteTransaction tx(*db_);
        if (auto s = tx.begin(); !s) return s;
        if (auto s = db_->exec(migration.sql); !s) {
            return fail("migration " + std::to_string(migration.version) + ": " + s.message());
        }
        auto record = db_->prepare("INSERT INTO schema_version (version) VALUES (?1)");
        if (!record) return record.error();
        if (auto s = record->bind(1, std::int64_t{migration.version}).run(); !s) return s;
        if (auto s = tx.commit(); !s) return s;
    }
    return ok_status();
}

Status SqliteStore::ensure_epoch() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?1)");
    if (!stmt) return stmt.error();
    return stmt->bind(1, random_hex(8)).run();
}

Result<std::string> SqliteStore::epoch() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("SELECT value FROM meta WHERE key = 'epoch'");
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!row.value()) return fail("the database has no epoch (an incomplete migration?)");
    return stmt->column_text(0);
}

Result<std::optional<std::string>> SqliteStore::setting(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("SELECT value FROM meta WHERE key = ?1");
    if (!stmt) return stmt.error();
    auto row = stmt->bind(1, key).step();
    if (!row) return row.error();
    if (!row.value()) return std::optional<std::string>();
    return std::optional<std::string>(stmt->column_text(0));
}

Status SqliteStore::set_setting(const std::string& key, const std::string& value) {
    if (key == "epoch") return fail("the epoch is not a setting: it changes only with a new database");
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!stmt) return stmt.error();
    return stmt->bind(1, key).bind(2, value).run();
}

Result<int> SqliteStore::schema_version_locked() {
    auto stmt = db_->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    return static_cast<int>(stmt->column_int(0));
}

Result<int> SqliteStore::schema_version() {
    std::lock_guard<std::mutex> lock(mutex_);
    return schema_version_locked();
}

Result<std::vector<Organisation>> SqliteStore::organisations() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("SELECT id, name, time_zone FROM organisations ORDER BY id");
    if (!stmt) return stmt.error();
    std::vector<Organisation> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!row.value()) break;
        out.push_back({stmt->column_int(0), stmt->column_text(1), stmt->column_text(2)});
    }
    return out;
}

Result<Organisation> SqliteStore::create_organisation(const std::string& name,
                                                      const std::string& time_zone) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare("INSERT INTO organisations (name, time_zone) VALUES (?1, ?2)");
    if (!stmt) return stmt.error();
    if (auto s = stmt->bind(1, name).bind(2, time_zone).run(); !s) return s.error();
    return Organisation{db_->last_insert_rowid(), name, time_zone};
}

}  // namespace wb::store

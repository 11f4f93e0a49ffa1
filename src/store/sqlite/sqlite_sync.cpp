// SqliteStore: the sync tables. One connection and one mutex serialise every transaction, so
// versions are trivially committed in the order they were allocated.
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_transaction.h"

namespace wb::store {

namespace {

Result<std::optional<SyncClient>> read_client(SqliteDb& db, const std::string& client_id) {
    auto stmt = db.prepare("SELECT user_id, last_applied FROM sync_clients WHERE client_id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, client_id);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!row.value()) return std::optional<SyncClient>();
    return std::optional<SyncClient>(SyncClient{stmt->column_text(0), stmt->column_int(1)});
}

class SqliteSyncWriter final : public SyncWriter {
public:
    explicit SqliteSyncWriter(SqliteDb& db) : db_(db) {}

    Result<std::optional<SyncClient>> client(const std::string& client_id) override {
        return read_client(db_, client_id);
    }

    Status set_last_applied(const std::string& client_id, const std::string& user_id,
                            std::int64_t mutation_id) override {
        auto stmt = db_.prepare(
            "INSERT INTO sync_clients (client_id, user_id, last_applied) VALUES (?1, ?2, ?3)"
            " ON CONFLICT (client_id) DO UPDATE SET last_applied = excluded.last_applied");
        if (!stmt) return stmt.error();
        return stmt->bind(1, client_id).bind(2, user_id).bind(3, mutation_id).run();
    }

    Result<std::int64_t> allocate_version() override {
        auto stmt = db_.prepare(
            "UPDATE sync_counter SET version = version + 1 WHERE id = 1 RETURNING version");
        if (!stmt) return stmt.error();
        auto row = stmt->step();
        if (!row) return row.error();
        if (!row.value()) return fail("the sync counter row is missing");
        std::int64_t version = stmt->column_int(0);
        if (auto s = stmt->run(); !s) return s.error();
        return version;
    }

    Status write_row(const StoredRow& r) override {
        auto stmt = db_.prepare(
            "INSERT INTO sync_rows (kind, id, version, deleted, body, owner) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
            " ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version,"
            " deleted = excluded.deleted, body = excluded.body, owner = excluded.owner");
        if (!stmt) return stmt.error();
        stmt->bind(1, r.kind).bind(2, r.id).bind(3, r.version).bind(4, std::int64_t{r.deleted ? 1 : 0});
        stmt->bind(5, r.deleted ? std::string() : r.body).bind(6, r.owner);
        return stmt->run();
    }

    Status revoke(const std::string& kind, const std::string& id, const std::string& old_owner,
                  std::int64_t version) override {
        auto stmt = db_.prepare(
            "INSERT OR IGNORE INTO sync_revocations (kind, id, old_owner, version) VALUES (?1, ?2, ?3, ?4)");
        if (!stmt) return stmt.error();
        return stmt->bind(1, kind).bind(2, id).bind(3, old_owner).bind(4, version).run();
    }

    Status record_rejection(const std::string& client_id, const Rejection& r) override {
        auto stmt = db_.prepare(
            "INSERT OR REPLACE INTO sync_rejections (client_id, mutation_id, code, message)"
            " VALUES (?1, ?2, ?3, ?4)");
        if (!stmt) return stmt.error();
        return stmt->bind(1, client_id).bind(2, r.mutation_id).bind(3, r.code).bind(4, r.message).run();
    }

private:
    SqliteDb& db_;
};

StoredRow row_from(const SqliteStatement& stmt) {
    return StoredRow{stmt.column_text(0), stmt.column_text(1), stmt.column_int(2),
                     stmt.column_int(3) != 0, stmt.column_text(4), stmt.column_text(5)};
}

}  // namespace

Status SqliteStore::transact(const std::function<Status(SyncWriter&)>& work) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteTransaction tx(*db_);
    if (auto s = tx.begin(); !s) return s;
    SqliteSyncWriter writer(*db_);
    if (auto s = work(writer); !s) return s;  // tx rolls back
    return tx.commit();
}

Result<RowPage> SqliteStore::pull(std::int64_t after, const OwnerFilter& filter, int limit,
                                  const std::string& client_id, std::int64_t acked) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteTransaction tx(*db_, "BEGIN");  // one snapshot for every read below
    if (auto s = tx.begin(); !s) return s.error();
    RowPage page;

    // Readable rows, plus tombstones for rows revoked from a readable owner whose current
    // owner is not readable (the same rule as MemorySyncStore).
    auto rows = db_->prepare(
        "SELECT kind, id, version, deleted, body, owner FROM sync_rows"
        " WHERE version > ?1 AND (?2 = 1 OR owner IN (SELECT value FROM json_each(?3)))"
        " UNION ALL"
        " SELECT r.kind, r.id, r.version, 1, '', r.old_owner FROM sync_revocations r"
        " LEFT JOIN sync_rows cur ON cur.kind = r.kind AND cur.id = r.id"
        " WHERE r.version > ?1 AND (?2 = 1 OR r.old_owner IN (SELECT value FROM json_each(?3)))"
        " AND NOT (cur.kind IS NOT NULL AND (?2 = 1 OR cur.owner IN (SELECT value FROM json_each(?3))))"
        " ORDER BY 3 LIMIT ?4");
    if (!rows) return rows.error();
    rows->bind(1, after).bind(2, std::int64_t{filter.everything ? 1 : 0});
    rows->bind(3, nlohmann::json(filter.owners).dump()).bind(4, std::int64_t{limit} + 1);
    for (;;) {
        auto row = rows->step();
        if (!row) return row.error();
        if (!row.value()) break;
        page.rows.push_back(row_from(rows.value()));
    }
    if (static_cast<int>(page.rows.size()) > limit) {
        page.rows.resize(static_cast<size_t>(limit));
        page.more = true;
    }

    auto counter = db_->prepare("SELECT version FROM sync_counter WHERE id = 1");
    if (!counter) return counter.error();
    if (auto row = counter->step(); !row) return row.error();
    page.max_version = counter->column_int(0);

    auto client = read_client(*db_, client_id);
    if (!client) return client.error();
    page.client = client.value();
    std::int64_t last_applied = page.client ? page.client->last_applied : 0;

    auto rejected = db_->prepare(
        "SELECT mutation_id, code, message FROM sync_rejections"
        " WHERE client_id = ?1 AND mutation_id > ?2 AND mutation_id <= ?3 ORDER BY mutation_id");
    if (!rejected) return rejected.error();
    rejected->bind(1, client_id).bind(2, acked).bind(3, last_applied);
    for (;;) {
        auto row = rejected->step();
        if (!row) return row.error();
        if (!row.value()) break;
        page.rejected.push_back({rejected->column_int(0), rejected->column_text(1), rejected->column_text(2)});
    }
    if (auto s = tx.commit(); !s) return s.error();
    return page;
}

Result<std::optional<SyncClient>> SqliteStore::sync_client(const std::string& client_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return read_client(*db_, client_id);
}

Result<std::vector<StoredRow>> SqliteStore::live_rows() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stmt = db_->prepare(
        "SELECT kind, id, version, deleted, body, owner FROM sync_rows WHERE deleted = 0 ORDER BY version");
    if (!stmt) return stmt.error();
    std::vector<StoredRow> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!row.value()) break;
        out.push_back(row_from(stmt.value()));
    }
    return out;
}

}  // namespace wb::store

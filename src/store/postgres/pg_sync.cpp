// PgStore: the sync tables.
//
// Versions come from the single row of sync_counter, updated inside the writing transaction.
// The row lock is held until commit, so a second writer waits and then reads the committed
// value: versions are handed out and committed in the same order, and any snapshot that sees
// version v also sees every version below it. (A SEQUENCE would not do: its values are taken
// at once but commit in any order, and a reader's cursor could pass a row committed late.)
#include <nlohmann/json.hpp>

#include "store/postgres/pg_store.h"

namespace wb::store {

namespace {

std::optional<SyncClient> read_client(pqxx::transaction_base& tx, const std::string& client_id) {
    auto r = tx.exec_params("SELECT user_id, last_applied FROM sync_clients WHERE client_id = $1", client_id);
    if (r.empty()) return std::nullopt;
    return SyncClient{r[0][0].as<std::string>(), r[0][1].as<std::int64_t>()};
}

class PgSyncWriter final : public SyncWriter {
public:
    explicit PgSyncWriter(pqxx::work& tx) : tx_(tx) {}

    Result<std::optional<SyncClient>> client(const std::string& client_id) override {
        return pg_guard("reading a sync client", [&]() -> Result<std::optional<SyncClient>> {
            return read_client(tx_, client_id);
        });
    }

    Status set_last_applied(const std::string& client_id, const std::string& user_id,
                            std::int64_t mutation_id) override {
        return pg_guard("recording a client's last applied number", [&]() -> Status {
            tx_.exec_params(
                "INSERT INTO sync_clients (client_id, user_id, last_applied) VALUES ($1, $2, $3)"
                " ON CONFLICT (client_id) DO UPDATE SET last_applied = EXCLUDED.last_applied",
                client_id, user_id, mutation_id);
            return ok_status();
        });
    }

    Result<std::int64_t> allocate_version() override {
        return pg_guard("allocating a version", [&]() -> Result<std::int64_t> {
            auto r = tx_.exec("UPDATE sync_counter SET version = version + 1 WHERE id = 1 RETURNING version");
            if (r.empty()) return fail("the sync counter row is missing");
            return r[0][0].as<std::int64_t>();
        });
    }

    Status write_row(const StoredRow& row) override {
        return pg_guard("writing a row", [&]() -> Status {
            tx_.exec_params(
                "INSERT INTO sync_rows (kind, id, version, deleted, body, owner) VALUES ($1, $2, $3, $4, $5, $6)"
                " ON CONFLICT (kind, id) DO UPDATE SET version = EXCLUDED.version,"
                " deleted = EXCLUDED.deleted, body = EXCLUDED.body, owner = EXCLUDED.owner",
                row.kind, row.id, row.version, row.deleted, row.deleted ? std::string() : row.body,
                row.owner);
            return ok_status();
        });
    }

    Status revoke(const std::string& kind, const std::string& id, const std::string& old_owner,
                  std::int64_t version) override {
        return pg_guard("revoking a row", [&]() -> Status {
            tx_.exec_params(
                "INSERT INTO sync_revocations (kind, id, old_owner, version) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT DO NOTHING",
                kind, id, old_owner, version);
            return ok_status();
        });
    }

    Status record_rejection(const std::string& client_id, const Rejection& r) override {
        return pg_guard("recording a rejection", [&]() -> Status {
            tx_.exec_params(
                "INSERT INTO sync_rejections (client_id, mutation_id, code, message) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT (client_id, mutation_id) DO UPDATE SET code = EXCLUDED.code,"
                " message = EXCLUDED.message",
                client_id, r.mutation_id, r.code, r.message);
            return ok_status();
        });
    }

private:
    pqxx::work& tx_;
};

StoredRow row_from(const pqxx::row& r) {
    return StoredRow{r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::int64_t>(),
                     r[3].as<bool>(), r[4].as<std::string>(), r[5].as<std::string>()};
}

}  // namespace

Status PgStore::transact(const std::function<Status(SyncWriter&)>& work) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("committing a push", [&]() -> Status {
        pqxx::work tx(*lease.value());
        PgSyncWriter writer(tx);
        if (auto s = work(writer); !s) return s;  // tx aborts when it goes out of scope
        tx.commit();
        return ok_status();
    });
}

Result<RowPage> PgStore::pull(std::int64_t after, const OwnerFilter& filter, int limit,
                              const std::string& client_id, std::int64_t acked) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("pulling", [&]() -> Result<RowPage> {
        // One snapshot for all reads: rows, the counter and the client's record agree.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(*lease.value());
        RowPage page;
        // Readable rows, plus tombstones for rows revoked from a readable owner whose current
        // owner is not readable (the same rule as MemorySyncStore).
        auto rows = tx.exec_params(
            "WITH readable AS (SELECT jsonb_array_elements_text($3::jsonb) AS owner)"
            " SELECT kind, id, version, deleted, body, owner FROM sync_rows"
            " WHERE version > $1 AND ($2 OR owner IN (SELECT owner FROM readable))"
            " UNION ALL"
            " SELECT r.kind, r.id, r.version, TRUE, '', r.old_owner FROM sync_revocations r"
            " LEFT JOIN sync_rows cur ON cur.kind = r.kind AND cur.id = r.id"
            " WHERE r.version > $1 AND ($2 OR r.old_owner IN (SELECT owner FROM readable))"
            " AND NOT (cur.kind IS NOT NULL AND ($2 OR cur.owner IN (SELECT owner FROM readable)))"
            " ORDER BY 3 LIMIT $4",
            after, filter.everything, nlohmann::json(filter.owners).dump(), limit + 1);
        for (const auto& r : rows) page.rows.push_back(row_from(r));
        if (static_cast<int>(page.rows.size()) > limit) {
            page.rows.resize(static_cast<size_t>(limit));
            page.more = true;
        }
        page.max_version = tx.exec("SELECT version FROM sync_counter WHERE id = 1")[0][0].as<std::int64_t>();
        page.client = read_client(tx, client_id);
        std::int64_t last_applied = page.client ? page.client->last_applied : 0;
        auto rejected = tx.exec_params(
            "SELECT mutation_id, code, message FROM sync_rejections"
            " WHERE client_id = $1 AND mutation_id > $2 AND mutation_id <= $3 ORDER BY mutation_id",
            client_id, acked, last_applied);
        for (const auto& r : rejected) {
            page.rejected.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::string>()});
        }
        tx.commit();
        return page;
    });
}

Result<std::optional<SyncClient>> PgStore::sync_client(const std::string& client_id) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading a sync client", [&]() -> Result<std::optional<SyncClient>> {
        pqxx::read_transaction tx(*lease.value());
        auto found = read_client(tx, client_id);
        tx.commit();
        return found;
    });
}

Result<std::vector<StoredRow>> PgStore::live_rows() {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading live rows", [&]() -> Result<std::vector<StoredRow>> {
        pqxx::read_transaction tx(*lease.value());
        std::vector<StoredRow> out;
        for (const auto& r : tx.exec("SELECT kind, id, version, deleted, body, owner FROM sync_rows"
                                     " WHERE NOT deleted ORDER BY version")) {
            out.push_back(row_from(r));
        }
        return out;
    });
}

}  // namespace wb::store

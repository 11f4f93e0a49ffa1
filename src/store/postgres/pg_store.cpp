#include "store/postgres/pg_store.h"

#include "store/open_store.h"
#include "store/postgres/pg_migrations.h"
#include "store/random_name.h"

namespace wb::store {

namespace {
// Serialises migrations of several servers starting against one database at once.
constexpr long long kMigrationLockKey = 0x776f726b62656e63;  // "workbenc"
}

Result<std::unique_ptr<PgStore>> PgStore::open(const std::string& url) {
    std::unique_ptr<PgStore> store(new PgStore(url, redact_store_url(url)));
    {
        auto lease = store->pool_.acquire();  // fails early with a clear message if unreachable
        if (!lease) return fail(lease.message() + " (" + redact_store_url(url) + ")");
    }
    if (auto migrated = store->migrate(); !migrated) {
        return fail("cannot migrate the PostgreSQL database " + redact_store_url(url) + ": " +
                    migrated.message());
    }
    return store;
}

Status PgStore::migrate() {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("migrating", [&]() -> Status {
        const auto& all = pg_migrations();
        pqxx::work tx(*lease.value());
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
        tx.exec("CREATE TABLE IF NOT EXISTS schema_version ("
                " version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        int current = tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0].as<int>();
        if (!all.empty() && current > all.back().version) {
            return fail("the database was written by a newer workbench (schema " +
                        std::to_string(current) + ")");
        }
        for (const auto& m : all) {
            if (m.version <= current) continue;
            tx.exec(m.sql);
            tx.exec_params("INSERT INTO schema_version (version) VALUES ($1)", m.version);
        }
        tx.exec_params("INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT DO NOTHING",
                       random_hex(8));
        tx.commit();
        return ok_status();
    });
}

Result<int> PgStore::schema_version() {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading the schema version", [&]() -> Result<int> {
        pqxx::read_transaction tx(*lease.value());
        return tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0].as<int>();
    });
}

Result<std::string> PgStore::epoch() {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading the epoch", [&]() -> Result<std::string> {
        pqxx::read_transaction tx(*lease.value());
        auto r = tx.exec("SELECT value FROM meta WHERE key = 'epoch'");
        if (r.empty()) return fail("the database has no epoch (an incomplete migration?)");
        return r[0][0].as<std::string>();
    });
}

Result<std::optional<std::string>> PgStore::setting(const std::string& key) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading a setting", [&]() -> Result<std::optional<std::string>> {
        pqxx::read_transaction tx(*lease.value());
        auto r = tx.exec_params("SELECT value FROM meta WHERE key = $1", key);
        if (r.empty()) return std::optional<std::string>();
        return std::optional<std::string>(r[0][0].as<std::string>());
    });
}

Status PgStore::set_setting(const std::string& key, const std::string& value) {
    if (key == "epoch") return fail("the epoch is not a setting: it changes only with a new database");
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("writing a setting", [&]() -> Status {
        pqxx::work tx(*lease.value());
        tx.exec_params("INSERT INTO meta (key, value) VALUES ($1, $2) "
                       "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", key, value);
        tx.commit();
        return ok_status();
    });
}

Result<std::vector<Organisation>> PgStore::organisations() {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("reading organisations", [&]() -> Result<std::vector<Organisation>> {
        pqxx::read_transaction tx(*lease.value());
        std::vector<Organisation> out;
        for (const auto& row : tx.exec("SELECT id, name, time_zone FROM organisations ORDER BY id")) {
            out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>()});
        }
        return out;
    });
}

Result<Organisation> PgStore::create_organisation(const std::string& name, const std::string& time_zone) {
    auto lease = pool_.acquire();
    if (!lease) return lease.error();
    return pg_guard("creating an organisation", [&]() -> Result<Organisation> {
        pqxx::work tx(*lease.value());
        auto r = tx.exec_params("INSERT INTO organisations (name, time_zone) VALUES ($1, $2) RETURNING id",
                                name, time_zone);
        tx.commit();
        return Organisation{r[0][0].as<std::int64_t>(), name, time_zone};
    });
}

}  // namespace wb::store

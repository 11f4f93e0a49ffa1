#include "store/sqlite/sqlite_migrations.h"

namespace wb::store {

const std::vector<SqliteMigration>& sqlite_migrations() {
    static const std::vector<SqliteMigration> migrations = {
        {1, R"sql(
            CREATE TABLE organisations (
                id        INTEGER PRIMARY KEY,
                name      TEXT NOT NULL,
                time_zone TEXT NOT NULL
            );
        )sql"},
        // Accounts, sessions and the sync tables (docs/sync-store.md).
        {2, R"sql(
            CREATE TABLE meta (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            CREATE TABLE accounts (
                user_id       TEXT PRIMARY KEY,
                login         TEXT NOT NULL UNIQUE,
                display_name  TEXT NOT NULL,
                role          TEXT NOT NULL CHECK (role IN ('tutor', 'manager', 'admin')),
                manager_id    TEXT NOT NULL DEFAULT '',
                password_hash TEXT NOT NULL
            );
            CREATE TABLE sessions (
                token_hash    TEXT PRIMARY KEY,
                user_id       TEXT NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
                created_at_ms INTEGER NOT NULL,
                expires_at_ms INTEGER NOT NULL
            );
            CREATE INDEX sessions_by_expiry ON sessions (expires_at_ms);
            CREATE TABLE sync_counter (
                id      INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            );
            INSERT INTO sync_counter (id, version) VALUES (1, 0);
            CREATE TABLE sync_rows (
                kind    TEXT NOT NULL,
                id      TEXT NOT NULL,
                version INTEGER NOT NULL UNIQUE,
                deleted INTEGER NOT NULL DEFAULT 0,
                body    TEXT NOT NULL DEFAULT '',
                owner   TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (kind, id)
            );
            CREATE INDEX sync_rows_by_owner ON sync_rows (owner, version);
            CREATE TABLE sync_clients (
                client_id    TEXT PRIMARY KEY,
                user_id      TEXT NOT NULL,
                last_applied INTEGER NOT NULL
            );
            CREATE TABLE sync_rejections (
                client_id   TEXT NOT NULL,
                mutation_id INTEGER NOT NULL,
                code        TEXT NOT NULL,
                message     TEXT NOT NULL,
                PRIMARY KEY (client_id, mutation_id)
            );
        )sql"},
        // Rows that moved to another owner (a class changed tutor): the old owner's readers get
        // a tombstone at the version of the move.
        {3, R"sql(
            CREATE TABLE sync_revocations (
                kind      TEXT NOT NULL,
                id        TEXT NOT NULL,
                old_owner TEXT NOT NULL,
                version   INTEGER NOT NULL,
                PRIMARY KEY (kind, id, old_owner, version)
            );
            CREATE INDEX sync_revocations_by_version ON sync_revocations (version);
        )sql"},
    };
    return migrations;
}

}  // namespace wb::store

#include "store/postgres/pg_migrations.h"

namespace wb::store {

const std::vector<PgMigration>& pg_migrations() {
    static const std::vector<PgMigration> migrations = {
        {1, R"sql(
            CREATE TABLE organisations (
                id        BIGSERIAL PRIMARY KEY,
                name      TEXT NOT NULL,
                time_zone TEXT NOT NULL
            );
        )sql"},
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
                created_at_ms BIGINT NOT NULL,
                expires_at_ms BIGINT NOT NULL
            );
            CREATE INDEX sessions_by_expiry ON sessions (expires_at_ms);
            -- One row; every writer updates it in its own transaction, so the row lock orders
            -- commits and versions become visible in allocation order (no sequence gaps that
            -- commit late under a reader's cursor).
            CREATE TABLE sync_counter (
                id      INTEGER PRIMARY KEY CHECK (id = 1),
                version BIGINT NOT NULL
            );
            INSERT INTO sync_counter (id, version) VALUES (1, 0);
            CREATE TABLE sync_rows (
                kind    TEXT NOT NULL,
                id      TEXT NOT NULL,
                version BIGINT NOT NULL UNIQUE,
                deleted BOOLEAN NOT NULL DEFAULT FALSE,
                body    TEXT NOT NULL DEFAULT '',
                owner   TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (kind, id)
            );
            CREATE INDEX sync_rows_by_owner ON sync_rows (owner, version);
            CREATE TABLE sync_clients (
                client_id    TEXT PRIMARY KEY,
                user_id      TEXT NOT NULL,
                last_applied BIGINT NOT NULL
            );
            CREATE TABLE sync_rejections (
                client_id   TEXT NOT NULL,
                mutation_id BIGINT NOT NULL,
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
                version   BIGINT NOT NULL,
                PRIMARY KEY (kind, id, old_owner, version)
            );
            CREATE INDEX sync_revocations_by_version ON sync_revocations (version);
        )sql"},
    };
    return migrations;
}

}  // namespace wb::store

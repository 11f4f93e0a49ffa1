#pragma once
// The PostgreSQL schema as an ordered list of migrations (the same tables as SQLite's).
#include <vector>

namespace wb::store {

struct PgMigration {
    int version;
    const char* sql;  // constant DDL
};

const std::vector<PgMigration>& pg_migrations();

}  // namespace wb::store

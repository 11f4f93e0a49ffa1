#pragma once
// The SQLite schema as an ordered list of migrations. A migration is never edited once released;
// a change to the schema is a new entry at the end.
#include <vector>

namespace wb::store {

struct SqliteMigration {
    int version;
    const char* sql;  // constant DDL, run as one script inside the migration's transaction
};

const std::vector<SqliteMigration>& sqlite_migrations();

}  // namespace wb::store

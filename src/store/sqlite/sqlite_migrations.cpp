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
    };
    return migrations;
}

}  // namespace wb::store

#pragma once
// Chooses and opens a store from the --store option:
//   ""                      -> SQLite file DATA_DIR/workbench.sqlite3 (the default)
//   "sqlite:PATH"           -> SQLite file PATH
//   "postgresql://..."      -> PostgreSQL (also "postgres://...")
// Opening applies pending schema migrations.
#include <memory>
#include <string>

#include "store/result.h"
#include "store/store.h"

namespace wb::store {

Result<std::unique_ptr<Store>> open_store(const std::string& url, const std::string& data_dir);

// The SQLite file used when no --store is given.
std::string default_sqlite_path(const std::string& data_dir);

// Drops the password from a postgresql:// URL so it can be printed.
std::string redact_store_url(const std::string& url);

}  // namespace wb::store

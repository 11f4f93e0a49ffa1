#pragma once
// The server's storage port. One abstract interface, two adapters: SQLite (embedded default,
// src/store/sqlite) and PostgreSQL (src/store/postgres), chosen by URL in open_store.h.
// Every method returns its failure as a value; implementations use prepared statements with
// bound parameters only and are safe to call from several request threads at once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/result.h"

namespace wb::store {

struct Organisation {
    std::int64_t id = 0;
    std::string name;
    std::string time_zone;  // IANA name, e.g. "Asia/Shanghai"
};

class Store {
public:
    virtual ~Store() = default;

    // "sqlite" or "postgresql", as reported by /api/health.
    virtual std::string kind() const = 0;
    // A short description for logs, e.g. the file path (never a password).
    virtual std::string location() const = 0;
    // The highest migration applied.
    virtual Result<int> schema_version() = 0;

    virtual Result<std::vector<Organisation>> organisations() = 0;
    virtual Result<Organisation> create_organisation(const std::string& name,
                                                     const std::string& time_zone) = 0;
};

}  // namespace wb::store

#include "store/open_store.h"

#include <filesystem>

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

namespace wb::store {

namespace {
bool starts_with(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}
}  // namespace

std::string default_sqlite_path(const std::string& data_dir) {
    return (std::filesystem::path(data_dir) / "workbench.sqlite3").string();
}

std::string redact_store_url(const std::string& url) {
    auto scheme_end = url.find("://");
    auto at = url.find('@');
    if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end) return url;
    auto colon = url.find(':', scheme_end + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Result<std::unique_ptr<Store>> open_store(const std::string& url, const std::string& data_dir) {
    if (url.empty() || url == "sqlite") {
        auto opened = SqliteStore::open(default_sqlite_path(data_dir));
        if (!opened) return opened.error();
        return std::unique_ptr<Store>(std::move(opened).value());
    }
    if (starts_with(url, "sqlite:")) {
        std::string path = url.substr(7);
        if (path.empty()) return fail("--store sqlite:PATH needs a file path after 'sqlite:'");
        auto opened = SqliteStore::open(path);
        if (!opened) return opened.error();
        return std::unique_ptr<Store>(std::move(opened).value());
    }
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
        auto opened = PgStore::open(url);
        if (!opened) return opened.error();
        return std::unique_ptr<Store>(std::move(opened).value());
    }
    return fail("unknown store '" + redact_store_url(url) +
                "': use sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE");
}

}  // namespace wb::store

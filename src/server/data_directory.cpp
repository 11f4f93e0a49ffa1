#include "server/data_directory.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace wb::server {

namespace fs = std::filesystem;

Status prepare_data_directory(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail("cannot create the data directory '" + dir + "': " + ec.message());
    if (!fs::is_directory(dir, ec)) {
        return fail("the data directory '" + dir + "' exists but is not a directory");
    }
    fs::path probe = fs::path(dir) / ".write-probe";
    {
        std::ofstream out(probe, std::ios::binary | std::ios::trunc);
        if (!out || !(out << "ok") || !out.flush()) {
            int err = errno;
            return fail("the data directory '" + dir + "' is not writable: " + std::strerror(err));
        }
    }
    fs::remove(probe, ec);
    return ok_status();
}

}  // namespace wb::server

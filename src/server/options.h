#pragma once
// The command line of workbench-server (see usage_text()).
#include <string>

#include "store/result.h"

namespace wb::server {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                  // 0 picks a free port
    std::string site_dir = "build/web/site";
    std::string data_dir = "data";
    std::string store_url;            // empty: SQLite file DATA_DIR/workbench.sqlite3
};

struct ParsedCommandLine {
    ServerOptions options;
    bool show_help = false;
};

// Parses argv (without changing it). Bad options come back as an error naming the option.
Result<ParsedCommandLine> parse_command_line(int argc, const char* const* argv);

std::string usage_text();

}  // namespace wb::server

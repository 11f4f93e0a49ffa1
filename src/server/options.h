#pragma once
// The command line of workbench-server (see usage_text()).
#include <cstdint>
#include <string>

#include "server/passwords.h"
#include "store/result.h"

namespace wb::server {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;                  // 0 picks a free port
    std::string site_dir = "build/web/site";
    std::string data_dir = "data";
    std::string store_url;            // empty: SQLite file DATA_DIR/workbench.sqlite3
    bool reset_demo_passwords = false;  // give the demo accounts new passwords and print them
    // Size of the demo organisation a fresh store is seeded with (tests use a few).
    int demo_students_per_tutor = 250;
    int demo_lessons = 12;  // lessons in the demo course (--demo-lessons)
    // The scheduler and the delivery worker run in the background (--no-automation: they don't).
    bool automation = true;
    // POST /api/test/clock may move the server's clock forward (--test-clock; never in production).
    bool test_clock = false;

    // Not on the command line: tests make hashing cheap and sessions short.
    PasswordCost password_cost = PasswordCost::Interactive;
    std::int64_t session_ttl_ms = 14LL * 24 * 3600 * 1000;  // two weeks: tutors work offline for days
};

struct ParsedCommandLine {
    ServerOptions options;
    bool show_help = false;
};

// Parses argv (without changing it). Bad options come back as an error naming the option.
Result<ParsedCommandLine> parse_command_line(int argc, const char* const* argv);

std::string usage_text();

}  // namespace wb::server

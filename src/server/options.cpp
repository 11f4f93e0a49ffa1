#include "server/options.h"

#include <string_view>

namespace wb::server {

std::string usage_text() {
    return
        "Usage: workbench-server [options]\n"
        "\n"
        "Serves the workbench (the built site) and its API from one process.\n"
        "\n"
        "Options:\n"
        "  --host HOST     address to listen on (default 127.0.0.1)\n"
        "  --port PORT     TCP port, 0 picks a free one (default 8080)\n"
        "  --site DIR      the built site: index.html, workbench.js/.wasm, build-info.json\n"
        "                  (default build/web/site)\n"
        "  --data DIR      data directory, created if missing (default ./data)\n"
        "  --store URL     sqlite:PATH  or  postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE\n"
        "                  (default: SQLite file DATA_DIR/workbench.sqlite3)\n"
        "  --demo-students-per-tutor N\n"
        "                  students per tutor in the demo organisation a fresh store is\n"
        "                  seeded with, 1 to 2500 (default 250; ignored when the store has data)\n"
        "  --demo-lessons N\n"
        "                  lessons in the demo course, 1 to 12 (default 12); half of them are\n"
        "                  history at the start. Fewer lessons seed a large roster faster\n"
        "  --no-automation don't run the scheduler and the delivery worker (nothing is sent)\n"
        "  --test-clock    let POST /api/test/clock move the server's clock forward (tests only)\n"
        "  --reset-demo-passwords\n"
        "                  give the demo accounts new passwords and print them\n"
        "  -h, --help      show this help\n"
        "\n"
        "When ready it prints one line 'listening on http://HOST:PORT'.\n"
        "SIGINT or SIGTERM stops it gracefully.\n";
}

namespace {
Result<int> parse_port(std::string_view text) {
    if (text.empty() || text.size() > 5) return fail("--port needs a number from 0 to 65535");
    int port = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return fail("--port needs a number from 0 to 65535, not '" +
                                            std::string(text) + "'");
        port = port * 10 + (c - '0');
    }
    if (port > 65535) return fail("--port needs a number from 0 to 65535, not '" + std::string(text) + "'");
    return port;
}

// 4 tutors x 2500 = the 10 000-row roster the browser test sorts and filters.
constexpr int kMaxDemoStudentsPerTutor = 2500;
constexpr int kMaxDemoLessons = 12;

Result<int> parse_whole(std::string_view name, std::string_view text, int min, int max) {
    std::string bad = std::string(name) + " needs a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '" +
                      std::string(text) + "'";
    if (text.empty() || text.size() > 4) return fail(bad);
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return fail(bad);
        n = n * 10 + (c - '0');
    }
    if (n < min || n > max) return fail(bad);
    return n;
}
}  // namespace

Result<ParsedCommandLine> parse_command_line(int argc, const char* const* argv) {
    ParsedCommandLine parsed;
    ServerOptions& o = parsed.options;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            parsed.show_help = true;
            continue;
        }
        if (arg == "--reset-demo-passwords") {
            o.reset_demo_passwords = true;
            continue;
        }
        if (arg == "--no-automation") {
            o.automation = false;
            continue;
        }
        if (arg == "--test-clock") {
            o.test_clock = true;
            continue;
        }
        // Accept both "--name value" and "--name=value".
        std::string name(arg);
        std::string value;
        bool has_value = false;
        if (auto eq = name.find('='); eq != std::string::npos && name.rfind("--", 0) == 0) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_value = true;
        }
        auto take_value = [&]() -> Result<std::string> {
            if (has_value) return value;
            if (i + 1 >= argc) return fail(name + " needs a value (see --help)");
            return std::string(argv[++i]);
        };
        if (name == "--host" || name == "--site" || name == "--data" || name == "--store" ||
            name == "--port" || name == "--demo-students-per-tutor" || name == "--demo-lessons") {
            auto v = take_value();
            if (!v) return v.error();
            if (v.value().empty() && name != "--store") return fail(name + " needs a non-empty value");
            if (name == "--host") o.host = v.value();
            else if (name == "--site") o.site_dir = v.value();
            else if (name == "--data") o.data_dir = v.value();
            else if (name == "--store") o.store_url = v.value();
            else if (name == "--demo-students-per-tutor") {
                auto n = parse_whole(name, v.value(), 1, kMaxDemoStudentsPerTutor);
                if (!n) return n.error();
                o.demo_students_per_tutor = n.value();
            } else if (name == "--demo-lessons") {
                auto n = parse_whole(name, v.value(), 2, kMaxDemoLessons);
                if (!n) return n.error();
                o.demo_lessons = n.value();
            } else {
                auto port = parse_port(v.value());
                if (!port) return port.error();
                o.port = port.value();
            }
            continue;
        }
        return fail("unknown option '" + std::string(arg) + "' (see --help)");
    }
    return parsed;
}

}  // namespace wb::server

// The registry behind window.workbench.query and its one exported entry point.
#include "test_queries.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

namespace wb::app {
namespace {

// A function-local static: registrations run during static initialisation of other files.
std::map<std::string, TestQuery>& queries() {
    static std::map<std::string, TestQuery> all;
    return all;
}

}  // namespace

bool register_test_query(const char* name, TestQuery query) {
    if (!queries().emplace(name, std::move(query)).second) {
        std::fprintf(stderr, "test query registered twice: %s\n", name);
        std::abort();
    }
    return true;
}

}  // namespace wb::app

// {"ok": true, "value": <answer>} or {"ok": false, "error": "..."} for an unknown name or bad args.
extern "C" EMSCRIPTEN_KEEPALIVE const char* wb_test_query(const char* name, const char* args_json) {
    static std::string out;
    using nlohmann::json;
    json args = json::parse(args_json ? args_json : "{}", nullptr, false);
    auto& all = wb::app::queries();
    auto it = all.find(name ? name : "");
    if (it == all.end()) out = json{{"ok", false}, {"error", std::string("unknown test query: ") + (name ? name : "")}}.dump();
    else if (args.is_discarded()) out = json{{"ok", false}, {"error", "arguments are not JSON"}}.dump();
    else out = json{{"ok", true}, {"value", it->second(args)}}.dump();
    return out.c_str();
}

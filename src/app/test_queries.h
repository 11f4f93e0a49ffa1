#pragma once
// Named test queries for window.workbench.query(name, args) (web/test-interface.js): each area
// of the app registers what its browser tests need to read or drive in its own
// test_interface_<area>.cpp, without touching the exported function list. For tests only.
//
//   static const bool registered = wb::app::register_test_query("roster.rows", [](const nlohmann::json& args) {
//       return nlohmann::json{...};
//   });
#include <functional>

#include <nlohmann/json.hpp>

namespace wb::app {

using TestQuery = std::function<nlohmann::json(const nlohmann::json& args)>;

// Returns true so it can initialise a static. A second query with the same name is a bug: it
// aborts at start-up (every browser test would fail at once).
bool register_test_query(const char* name, TestQuery query);

}  // namespace wb::app

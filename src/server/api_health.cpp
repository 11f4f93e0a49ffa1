// GET /api/health: is the server up, which build, which store.
#include <nlohmann/json.hpp>

#include "server/api_router.h"
#include "server/api_routes.h"
#include "server/http_responses.h"
#include "server/server.h"

namespace wb::server {

namespace {
void health(WorkbenchServer& server, const httplib::Request& req, httplib::Response& res) {
    auto schema = server.store().schema_version();
    if (!schema) {
        send_error(req, res, 503, "store_unavailable", "the store does not answer: " + schema.message());
        return;
    }
    send_json(req, res, 200,
              {{"status", "ok"},
               {"version", WB_VERSION},
               {"store", server.store().kind()},
               {"schema", schema.value()}});
}
}  // namespace

void add_health_routes(ApiRouter& router, WorkbenchServer& server) {
    router.add("GET", "/api/health", [&server](const httplib::Request& req, httplib::Response& res) {
        health(server, req, res);
    });
}

}  // namespace wb::server

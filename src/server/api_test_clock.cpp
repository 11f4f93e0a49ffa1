// POST /api/test/clock (only with --test-clock): moves the server's clock forward so end-to-end
// tests can see what the scheduler does hours later (a refund request's 5 h escalation) without
// waiting. Returns the new time. Without the option the endpoint does not exist (404).
#include <nlohmann/json.hpp>

#include "server/api_router.h"
#include "server/api_routes.h"
#include "server/http_responses.h"
#include "server/server.h"

namespace wb::server {

namespace {

constexpr std::int64_t kMaxAdvanceMs = 400LL * 24 * 3600 * 1000;  // a course year and then some

void advance(WorkbenchServer& server, const httplib::Request& req, httplib::Response& res) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded()) return send_error(req, res, 400, "bad_json", "the request body is not valid JSON");
    if (!body.is_object() || !body.contains("advanceMs") || !body["advanceMs"].is_number_integer() ||
        body["advanceMs"].get<std::int64_t>() < 0 || body["advanceMs"].get<std::int64_t>() > kMaxAdvanceMs)
        return send_error(req, res, 400, "bad_request",
                          "expected {\"advanceMs\": N} with N milliseconds from 0 to 400 days (the clock only moves forward)");
    server.advance_clock(body["advanceMs"].get<std::int64_t>());
    send_json(req, res, 200, {{"nowMs", server.now_ms()}});
}

}  // namespace

void add_test_clock_routes(ApiRouter& router, WorkbenchServer& server) {
    if (!server.options().test_clock) return;
    WorkbenchServer* s = &server;
    router.add("POST", "/api/test/clock", [s](const httplib::Request& req, httplib::Response& res) {
        advance(*s, req, res);
    });
}

}  // namespace wb::server

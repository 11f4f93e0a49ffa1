// POST /api/push, POST /api/pull (docs/api.md, "Sync"; the protocol is docs/sync.md).
// The bearer session names the user; the organisation's sync service does the rest.
#include <chrono>
#include <nlohmann/json.hpp>

#include "server/api_router.h"
#include "server/api_routes.h"
#include "server/api_session.h"
#include "server/authenticator.h"
#include "server/http_responses.h"
#include "server/organisation_sync.h"
#include "server/server.h"
#include "sync/protocol.h"

namespace wb::server {

namespace {

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The signed-in user's id, or the 401 already sent.
std::optional<std::string> signed_in_user(Authenticator& auth, const httplib::Request& req,
                                          httplib::Response& res) {
    auto account = signed_in_account(auth, req, res, now_ms());
    if (!account) return std::nullopt;
    return account->user_id;
}

// Reads the body into a protocol message, or sends 400 with the JSON path of the problem.
template <class Message>
bool read_body(const httplib::Request& req, httplib::Response& res, Message& out) {
    auto body = Json::parse(req.body, nullptr, false);
    if (body.is_discarded()) {
        send_error(req, res, 400, sync::code::kBadRequest, "/: the request body is not valid JSON");
        return false;
    }
    std::string error = sync::from_json(body, out);
    if (!error.empty()) {
        send_error(req, res, 400, sync::code::kBadRequest, error);
        return false;
    }
    return true;
}

// Errors of the service (not out_of_order, which is a normal answer) as HTTP statuses.
void send_sync_error(const httplib::Request& req, httplib::Response& res, const sync::ErrorInfo& e) {
    int status = 500;
    if (e.code == sync::code::kForbidden) status = 403;
    else if (e.code == sync::code::kBadRequest) status = 400;  // the service only judges the cursor
    else if (e.code == "storage") status = 503;
    std::string message = status == 400 && e.message.rfind('/', 0) != 0 ? "/cursor: " + e.message : e.message;
    send_error(req, res, status, e.code.empty() ? "internal" : e.code, message);
}

void push(Authenticator& auth, OrganisationSync& sync, const httplib::Request& req, httplib::Response& res) {
    auto user = signed_in_user(auth, req, res);
    if (!user) return;
    sync::PushRequest request;
    if (!read_body(req, res, request)) return;
    auto result = sync.push(request, *user);
    if (!result.response) return send_sync_error(req, res, result.error);
    send_json(req, res, 200, sync::to_json(*result.response));
}

void pull(Authenticator& auth, OrganisationSync& sync, const httplib::Request& req, httplib::Response& res) {
    auto user = signed_in_user(auth, req, res);
    if (!user) return;
    sync::PullRequest request;
    if (!read_body(req, res, request)) return;
    auto result = sync.pull(request, *user);
    if (!result.response) return send_sync_error(req, res, result.error);
    send_json(req, res, 200, sync::to_json(*result.response));
}

}  // namespace

void add_sync_routes(ApiRouter& router, WorkbenchServer& server) {
    Authenticator* auth = &server.authenticator();
    OrganisationSync* sync = &server.sync();
    router.add("POST", "/api/push", [auth, sync](const httplib::Request& req, httplib::Response& res) {
        push(*auth, *sync, req, res);
    });
    router.add("POST", "/api/pull", [auth, sync](const httplib::Request& req, httplib::Response& res) {
        pull(*auth, *sync, req, res);
    });
}

}  // namespace wb::server

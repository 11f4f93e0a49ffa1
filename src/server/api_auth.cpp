// POST /api/login, POST /api/logout, GET /api/me (docs/api.md, "Accounts").
#include <chrono>
#include <nlohmann/json.hpp>

#include "server/api_router.h"
#include "server/api_routes.h"
#include "server/authenticator.h"
#include "server/http_responses.h"
#include "server/server.h"

namespace wb::server {

namespace {

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

nlohmann::json account_json(const store::Account& a) {
    return {{"id", a.user_id},
            {"login", a.login},
            {"name", a.display_name},
            {"role", store::role_name(a.role)},
            {"managerId", a.manager_id}};
}

void send_failure(const httplib::Request& req, httplib::Response& res, const AuthFailure& f) {
    if (f.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    send_error(req, res, f.status, f.code, f.message);
}

void login(Authenticator& auth, const httplib::Request& req, httplib::Response& res) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded()) {
        send_error(req, res, 400, "bad_json", "the request body is not valid JSON");
        return;
    }
    if (!body.is_object() || !body.contains("login") || !body["login"].is_string() ||
        !body.contains("password") || !body["password"].is_string()) {
        send_error(req, res, 400, "bad_request",
                   "expected {\"login\": string, \"password\": string}");
        return;
    }
    auto result = auth.login(body["login"].get<std::string>(), body["password"].get<std::string>(), now_ms());
    if (!result.ok()) {
        send_failure(req, res, result.failure);
        return;
    }
    send_json(req, res, 200,
              {{"token", result.value->token},
               {"expiresAt", result.value->expires_at_ms},
               {"user", account_json(result.value->account)}});
}

void logout(Authenticator& auth, const httplib::Request& req, httplib::Response& res) {
    auto result = auth.logout(req.get_header_value("Authorization"), now_ms());
    if (!result.ok()) {
        send_failure(req, res, result.failure);
        return;
    }
    send_json(req, res, 200, {{"ok", true}});
}

void me(Authenticator& auth, const httplib::Request& req, httplib::Response& res) {
    auto who = auth.authenticate(req.get_header_value("Authorization"), now_ms());
    if (!who.ok()) {
        send_failure(req, res, who.failure);
        return;
    }
    send_json(req, res, 200, {{"user", account_json(*who.value)}});
}

}  // namespace

void add_auth_routes(ApiRouter& router, WorkbenchServer& server) {
    Authenticator* auth = &server.authenticator();
    router.add("POST", "/api/login", [auth](const httplib::Request& req, httplib::Response& res) {
        login(*auth, req, res);
    });
    router.add("POST", "/api/logout", [auth](const httplib::Request& req, httplib::Response& res) {
        logout(*auth, req, res);
    });
    router.add("GET", "/api/me", [auth](const httplib::Request& req, httplib::Response& res) {
        me(*auth, req, res);
    });
}

}  // namespace wb::server

// GET /api/channels, PUT /api/channels (docs/api.md, "Channels"): the organisation's channel list,
// kept on the server (channel_registry.h). Everyone signed in may read which channels exist;
// only an admin reads their settings (never their secrets) and saves the list.
#include <nlohmann/json.hpp>

#include "server/api_router.h"
#include "server/api_routes.h"
#include "server/api_session.h"
#include "server/channel_registry.h"
#include "server/http_responses.h"
#include "server/server.h"

namespace wb::server {

namespace {

using json = nlohmann::json;

void list(WorkbenchServer& server, const httplib::Request& req, httplib::Response& res) {
    auto account = signed_in_account(server.authenticator(), req, res, server.now_ms());
    if (!account) return;
    const bool admin = account->role == store::Role::Admin;
    send_json(req, res, 200, {{"channels", server.channels().to_json(admin)}});
}

void save(WorkbenchServer& server, const httplib::Request& req, httplib::Response& res) {
    auto account = signed_in_account(server.authenticator(), req, res, server.now_ms());
    if (!account) return;
    if (account->role != store::Role::Admin)
        return send_error(req, res, 403, "forbidden", "only an admin may change the organisation's channels");
    json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) return send_error(req, res, 400, "bad_json", "the request body is not valid JSON");
    if (!body.is_object() || !body.contains("channels"))
        return send_error(req, res, 400, "bad_request",
                          "expected {\"channels\": [...]}: the whole list of the organisation's channels");
    ChannelSave saved = server.channels().replace(body["channels"]);
    if (!saved.ok && saved.storage) return send_error(req, res, 503, "store_unavailable", saved.error);
    if (!saved.ok) {
        json error{{"code", "bad_channel"}, {"message", saved.error}};
        if (saved.index >= 0) error["index"] = saved.index;
        return send_json(req, res, 400, {{"error", error}});
    }
    send_json(req, res, 200, {{"channels", server.channels().to_json(true)}});
}

}  // namespace

void add_channel_routes(ApiRouter& router, WorkbenchServer& server) {
    WorkbenchServer* s = &server;
    router.add("GET", "/api/channels", [s](const httplib::Request& req, httplib::Response& res) {
        list(*s, req, res);
    });
    router.add("PUT", "/api/channels", [s](const httplib::Request& req, httplib::Response& res) {
        save(*s, req, res);
    });
}

}  // namespace wb::server

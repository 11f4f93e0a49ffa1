// The data half of window.workbench (web/test-interface.js): the workspace's state, login,
// changes through the same Workspace::submit the views use, and reads of the visible data.
// The product never calls these.
#include "offline/workspace.h"
#include "platform.h"

#include "sync/rows.h"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace wb;
using nlohmann::json;

namespace {

const char* keep(std::string text) {
    static std::string kept;
    kept = std::move(text);
    return kept.c_str();
}

const char* phase_name(app::Workspace::Phase p) {
    switch (p) {
        case app::Workspace::Phase::Opening: return "opening";
        case app::Workspace::Phase::Probing: return "probing";
        case app::Workspace::Phase::Unreachable: return "unreachable";
        case app::Workspace::Phase::Login: return "login";
        case app::Workspace::Phase::Ready: return "ready";
        case app::Workspace::Phase::Broken: return "broken";
    }
    return "";
}

const char* sync_phase_name(app::SyncStatus::Phase p) {
    switch (p) {
        case app::SyncStatus::Phase::NeverSynced: return "never";
        case app::SyncStatus::Phase::Syncing: return "syncing";
        case app::SyncStatus::Phase::Synced: return "synced";
        case app::SyncStatus::Phase::Failed: return "failed";
        case app::SyncStatus::Phase::SessionExpired: return "expired";
        case app::SyncStatus::Phase::Demo: return "demo";
    }
    return "";
}

const char* storage_name(app::StorageIssue i) {
    switch (i) {
        case app::StorageIssue::None: return "";
        case app::StorageIssue::Unavailable: return "unavailable";
        case app::StorageIssue::Full: return "full";
        case app::StorageIssue::Wiped: return "wiped";
        case app::StorageIssue::Failed: return "failed";
    }
    return "";
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* wb_test_workspace() {
    const app::Workspace& ws = app::workspace();
    const app::SyncStatus s = ws.sync_status();
    json rejected = json::array();
    for (const auto& r : ws.rejected()) rejected.push_back({{"id", r.id}, {"code", r.error.code}, {"message", r.error.message}});
    json out = {{"phase", phase_name(ws.phase())},
                {"mode", ws.mode() == app::Workspace::Mode::Server ? "server" : ws.mode() == app::Workspace::Mode::Demo ? "demo" : ""},
                {"leader", ws.leader()},
                {"storage", storage_name(ws.storage_issue())},
                {"storageDetail", ws.storage_detail()},
                {"sessionExpired", ws.session_expired()},
                {"user", ws.account().user_id},
                {"token", ws.account().token},
                {"loginError", ws.login_error()},
                {"loginBusy", ws.login_busy()},
                {"sync", {{"phase", sync_phase_name(s.phase)}, {"pending", s.pending_mutations},
                          {"rejected", s.rejected_mutations}, {"lastSynced", s.last_synced_ms}, {"error", s.error}}},
                {"rejectedList", rejected},
                {"localRejections", ws.local_rejections().size()}};
    if (const sync::ClientReplica* r = ws.replica())
        out["replica"] = {{"clientId", r->client_id()}, {"cursor", r->cursor()}, {"acked", r->acked()}, {"nextId", r->next_id()}};
    return keep(out.dump());
}

EMSCRIPTEN_KEEPALIVE void wb_test_login(const char* login, const char* password) {
    app::workspace().login(login, password);
    platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void wb_test_start_demo() {
    app::workspace().start_demo();
    platform::request_redraw();
}

// {"ok", "reason", "ticket"}: the change goes through exactly the path a view's button takes.
EMSCRIPTEN_KEEPALIVE const char* wb_test_submit(const char* name, const char* args_json) {
    json args = json::parse(args_json, nullptr, false);
    if (args.is_discarded()) return keep(json{{"ok", false}, {"reason", "args are not JSON"}}.dump());
    const app::Workspace::Submitted r = app::workspace().submit(Mutation{name, args});
    platform::request_redraw();
    return keep(json{{"ok", r.ok}, {"reason", r.reason}, {"ticket", r.ticket}}.dump());
}

EMSCRIPTEN_KEEPALIVE int wb_test_saved(double ticket) { return app::workspace().saved(static_cast<int64_t>(ticket)) ? 1 : 0; }

// One entity of the visible (optimistic) data as its JSON row body, or "null".
EMSCRIPTEN_KEEPALIVE const char* wb_test_entity(const char* kind, const char* id) {
    const State* view = app::workspace().view();
    if (!view) return "null";
    std::optional<Json> body = sync::entity_json(*view, {kind, id});
    return keep(body ? body->dump() : "null");
}

// How many entities of a kind the visible data holds ("events", "students", ...).
EMSCRIPTEN_KEEPALIVE int wb_test_count(const char* kind) {
    const State* view = app::workspace().view();
    if (!view) return -1;
    const std::string k = kind;
    if (k == "events") return static_cast<int>(view->events.size());
    if (k == "students") return static_cast<int>(view->students.size());
    if (k == "users") return static_cast<int>(view->users.size());
    if (k == "classes") return static_cast<int>(view->classes.size());
    if (k == "lessons") return static_cast<int>(view->lessons.size());
    if (k == "enrolments") return static_cast<int>(view->enrolments.size());
    return -1;
}

// The first `limit` ids of a kind in the visible data ("students", "events": the newest last).
EMSCRIPTEN_KEEPALIVE const char* wb_test_ids(const char* kind, int limit) {
    const State* view = app::workspace().view();
    json out = json::array();
    if (!view) return keep(out.dump());
    const std::string k = kind;
    auto take = [&](const auto& map) {
        for (const auto& entry : map) {
            if (static_cast<int>(out.size()) >= limit) break;
            out.push_back(entry.first);
        }
    };
    if (k == "students") take(view->students);
    else if (k == "classes") take(view->classes);
    else if (k == "lessons") take(view->lessons);
    else if (k == "events")
        for (size_t i = view->events.size() > static_cast<size_t>(limit) ? view->events.size() - limit : 0; i < view->events.size(); ++i)
            out.push_back(view->events[i].id);
    return keep(out.dump());
}

}  // extern "C"

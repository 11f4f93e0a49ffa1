#include "offline/workspace.h"

#include "js_reply.h"
#include "offline/http_client.h"
#include "offline/replica_record.h"
#include "platform.h"

#include "core/demo.h"
#include "sync/rows.h"

namespace wb::app {
namespace {

using nlohmann::json;

constexpr const char* kStoreName = "workbench";
constexpr int kProbeTimeoutMs = 6000;
constexpr int kLoginTimeoutMs = 15000;
constexpr double kCatchUpRedrawMs = 250;  // frames while more sync pages follow

json account_to_json(const Account& a) {
    return {{"token", a.token}, {"expiresAt", a.expires_at},
            {"user", {{"id", a.user_id}, {"login", a.login}, {"name", a.name}, {"role", a.role}}}};
}

std::string text_field(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Account account_from_json(const json& j) {
    Account a;
    if (!j.is_object()) return a;
    a.token = text_field(j, "token");
    if (j.contains("expiresAt") && j["expiresAt"].is_number_integer()) a.expires_at = j["expiresAt"].get<int64_t>();
    if (j.contains("user") && j["user"].is_object()) {
        const json& u = j["user"];
        a.user_id = text_field(u, "id");
        a.login = text_field(u, "login");
        a.name = text_field(u, "name");
        a.role = text_field(u, "role");
    }
    return a;
}

// The demo organisation as confirmed rows, versioned so events keep their recorded order.
std::optional<sync::ClientReplica> demo_replica(std::string& error) {
    DemoOptions options;
    options.now = static_cast<TimeMs>(js::now_utc_ms());
    options.students_per_tutor = 150;
    DemoDataset demo = generate_demo(options);
    if (!demo.error.empty()) { error = demo.error; return std::nullopt; }
    sync::SavedReplica saved;
    saved.client_id = "demo-" + js::random_hex();
    int64_t version = 0;
    for (auto& [key, body] : sync::state_rows(demo.state))
        if (key.kind != "events") saved.rows.push_back(sync::Row{key, ++version, false, std::move(body)});
    for (const Event& e : demo.state.events) {
        auto body = sync::entity_json(demo.state, {"events", e.id});
        if (body) saved.rows.push_back(sync::Row{{"events", e.id}, ++version, false, std::move(*body)});
    }
    return sync::ClientReplica::restore(std::move(saved), error);
}

Account demo_account(const State& state) {
    Account a;
    a.user_id = "t1";
    a.login = "demo";
    a.role = "tutor";
    auto it = state.users.find("t1");
    if (it != state.users.end()) a.name = it->second.name;
    return a;
}

}  // namespace

Workspace& workspace() {
    static Workspace instance;
    return instance;
}

Workspace::Workspace()
    : sync_(ServerSyncHooks{
          [this]() -> sync::ClientReplica* { return mode_ == Mode::Server && replica_ ? &*replica_ : nullptr; },
          [this]() { return account_.token; },
          [this](const sync::PullApplied& applied) {
              const bool nothing_new = applied.changed.empty() && applied.dropped.empty() && applied.rejected.empty() &&
                                       !applied.reset && replica_->cursor() == persisted_cursor_;
              if (nothing_new) return;   // an idle long-poll's answer: no write, no redraw
              persisted_cursor_ = replica_->cursor();
              StoreBatch batch = batch_for_pull(applied, *replica_);
              if (sync_.last_synced_ms()) batch.put_meta(kMetaLastSynced, sync_.last_synced_ms());
              persist(batch, [this](bool) { broadcast_changed(); }, /*redraw=*/false);  // nothing shown waits for it
              if (!applied.changed.empty() || !applied.dropped.empty() || !applied.rejected.empty() || applied.reset) {
                  // A first sync of a large organisation is dozens of pages: drawing after each
                  // one would spend more time drawing than syncing; the progress shows 4 times a second.
                  if (sync_.more_to_pull()) platform::request_redraw_in(kCatchUpRedrawMs);
                  else platform::request_redraw();
              }
          },
          [this]() {
              session_expired_ = true;
              broadcast_changed();
              platform::request_redraw();
          },
          []() { platform::request_redraw(); }}) {}

void Workspace::start() {
    wb_js_install_leave_guard();
    phase_ = Phase::Opening;
    open_local_store(kStoreName, [this](StoreOpened opened) { this->opened(opened); });
}

void Workspace::opened(const StoreOpened& opened) {
    switch (opened.status) {
        case StoreOpened::Status::Unavailable:
            memory_only_ = true;
            storage_issue_ = StorageIssue::Unavailable;
            storage_detail_ = opened.message;
            probe();
            return;
        case StoreOpened::Status::Wiped:
            storage_issue_ = StorageIssue::Wiped;
            storage_detail_ = opened.message;
            break;
        case StoreOpened::Status::New:
        case StoreOpened::Status::Ready:
            break;
    }
    persist_local_store([](bool) {});   // ask for persistent storage; the answer shows in settings
    load_and_show();
}

void Workspace::load_and_show() {
    load_local_store([this](StoreContents contents) {
        if (!contents.error.empty()) {
            phase_ = Phase::Broken;
            broken_detail_ = contents.error;
            return;
        }
        show_contents(contents);
    });
}

void Workspace::show_contents(const StoreContents& contents) {
    const std::string mode = text_field(contents.meta, kMetaMode);
    if (mode != "server" && mode != "demo") { probe(); return; }
    std::string error;
    std::optional<sync::ClientReplica> replica = replica_from_store(contents, error);
    if (!replica) {
        phase_ = Phase::Broken;
        broken_detail_ = error;
        return;
    }
    account_ = account_from_json(contents.meta.contains(kMetaAccount) ? contents.meta[kMetaAccount] : json());
    if (contents.meta.contains(kMetaLastSynced) && contents.meta[kMetaLastSynced].is_number_integer())
        sync_.set_last_synced_ms(contents.meta[kMetaLastSynced].get<int64_t>());
    replica_ = std::move(replica);
    ++replicas_made_;
    mode_ = mode == "server" ? Mode::Server : Mode::Demo;
    phase_ = Phase::Ready;
    start_tabs();
}

// [SECTION] Finding out where we are ---------------------------------------------------------

void Workspace::probe() {
    phase_ = Phase::Probing;
    send_request("GET", "api/health", "", "", kProbeTimeoutMs, [this](HttpAnswer a) {
        if (phase_ != Phase::Probing) return;   // answered late: a login or the demo came first
        if (a.kind != HttpAnswer::Kind::Response) { phase_ = Phase::Unreachable; return; }
        const bool ours = a.ok() && a.json.is_object() && text_field(a.json, "status") == "ok";
        if (ours) phase_ = Phase::Login;
        else start_demo();   // a static host without our API: the workbench runs on demo data
    });
}

void Workspace::retry_probe() { probe(); }

void Workspace::start_demo() {
    phase_ = Phase::Opening;
    std::string error;
    std::optional<sync::ClientReplica> replica = demo_replica(error);
    if (!replica) {
        phase_ = Phase::Broken;
        broken_detail_ = "demo: " + error;
        return;
    }
    account_ = demo_account(replica->view());
    begin_replica(std::move(*replica), Mode::Demo);
}

void Workspace::begin_replica(sync::ClientReplica replica, Mode mode) {
    replica_ = std::move(replica);
    ++replicas_made_;
    mode_ = mode;
    session_expired_ = false;
    StoreBatch batch = batch_for_new_replica(*replica_);
    batch.put_meta(kMetaMode, mode == Mode::Server ? "server" : "demo")
        .put_meta(kMetaAccount, account_to_json(account_))
        .put_meta(kMetaLastSynced, 0);
    sync_.set_last_synced_ms(0);
    phase_ = Phase::Ready;
    // The first write of a replica holds everything (the whole demo): until it is stored, a
    // reload would lose edits made on top of it, so it counts as unsaved like an edit does.
    const int64_t ticket = next_ticket_++;
    unsaved_.insert(ticket);
    persist(batch, [this, ticket](bool) {
        unsaved_.erase(ticket);
        broadcast_changed();
    });
    start_tabs();
    start_sync_if_leading();
}

// [SECTION] Accounts -------------------------------------------------------------------------

void Workspace::login(const std::string& login, const std::string& password) {
    if (login_busy_) return;
    login_error_.clear();
    login_detail_.clear();
    if (login.empty() || password.empty()) { login_error_ = "login.error.empty"; return; }
    login_busy_ = true;
    const std::string body = json{{"login", login}, {"password", password}}.dump();
    send_request("POST", "api/login", body, "", kLoginTimeoutMs, [this](HttpAnswer a) {
        login_busy_ = false;
        if (a.kind != HttpAnswer::Kind::Response) { login_error_ = "login.error.network"; return; }
        if (a.status == 401) { login_error_ = "login.error.credentials"; return; }
        if (!a.ok()) {
            login_error_ = "login.error.server";
            login_detail_ = a.error_message();
            return;
        }
        const Account account = account_from_json(a.json);
        if (account.token.empty() || account.user_id.empty()) {
            login_error_ = "login.error.server";
            login_detail_ = "no token in the answer";
            return;
        }
        const bool same_user = mode_ == Mode::Server && replica_ && account.user_id == account_.user_id;
        if (mode_ == Mode::Server && replica_ && !same_user && !replica_->pending().empty()) {
            // Another person's unsent changes are on this device: they must reach the server first.
            login_error_ = "login.error.other_user_pending";
            login_detail_ = account_.login;
            return;
        }
        adopt_account(account, same_user);
    });
}

void Workspace::adopt_account(const Account& account, bool same_user) {
    account_ = account;
    if (same_user) {   // the session had expired: the queue simply continues
        session_expired_ = false;
        persist(StoreBatch().put_meta(kMetaAccount, account_to_json(account_)), [this](bool) { broadcast_changed(); });
        start_sync_if_leading();
        return;
    }
    begin_replica(sync::ClientReplica(js::random_hex()), Mode::Server);
}

void Workspace::show_account_from_meta(const json& j) { account_ = account_from_json(j); }

std::string Workspace::leave() {
    if (mode_ == Mode::Server && replica_ && !replica_->pending().empty()) return "account.leave.pending";
    if (mode_ == Mode::Server && !account_.token.empty())
        send_request("POST", "api/logout", "{}", account_.token, kLoginTimeoutMs, [](HttpAnswer) {});
    sync_.stop();
    replica_.reset();
    ++replicas_made_;
    account_ = Account{};
    mode_ = Mode::None;
    session_expired_ = false;
    persist(StoreBatch().clear_rows().clear_pending().put_meta(kMetaMode, "").put_meta(kMetaAccount, nullptr),
            [this](bool) { broadcast_changed(); });
    probe();
    return "";
}

}  // namespace wb::app

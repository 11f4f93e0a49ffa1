// The workspace's data path: local changes, durable writes, other tabs, and the status.
#include "offline/workspace.h"

#include <emscripten/emscripten.h>

#include "js_reply.h"
#include "offline/replica_record.h"
#include "platform.h"

#include <emscripten/eventloop.h>

namespace wb::app {
namespace {

using nlohmann::json;

constexpr const char* kTabsName = "wb-workspace";
constexpr int kReloadDebounceMs = 120;
constexpr int kMaxConflictRetries = 5;

const std::vector<sync::MutationOutcome> kNoOutcomes;

}  // namespace

// [SECTION] Local changes --------------------------------------------------------------------

std::string Workspace::actor_id() const {
    const State* s = view();
    return s && s->users.count(account_.user_id) ? account_.user_id : "";
}

std::string Workspace::new_id(const char* prefix) {
    // The client id separates devices; tabs of one browser share it, so a random token drawn
    // once per tab separates them; the wall clock separates reloads; the counter, ids made in
    // one millisecond.
    static const std::string tab = std::to_string(static_cast<int>(emscripten_random() * 1e6));
    const std::string client = replica_ ? replica_->client_id() : std::string("local");
    return std::string(prefix) + "-" + client + "-" + tab + "-" +
           std::to_string(static_cast<int64_t>(js::now_utc_ms())) + "-" + std::to_string(++ids_made_);
}

Workspace::Submitted Workspace::submit(const Mutation& mutation) {
    Submitted out;
    if (!replica_ || phase_ != Phase::Ready) { out.reason = "no data is open"; return out; }
    sync::Enqueued queued = replica_->enqueue(mutation, static_cast<TimeMs>(js::now_utc_ms()));
    if (!queued.record) { out.reason = queued.result.reason; return out; }
    out.ok = true;
    out.ticket = next_ticket_++;
    unsaved_.insert(out.ticket);
    commit_submission(*queued.record, mutation, out.ticket, 0);
    return out;
}

// Writes one queued mutation. If another tab appended to the queue first (the store's next
// number moved on), this tab's replica is stale: reload it and queue the mutation again.
void Workspace::commit_submission(sync::PendingMutation record, Mutation mutation, int64_t ticket, int attempt) {
    if (memory_only_) {
        store_dirty_ = true;
        unsaved_.erase(ticket);
        persist_whole_replica();
        sync_.kick();
        return;
    }
    commit_local_store(batch_for_enqueue(record), [this, record, mutation, ticket, attempt](StoreCommitted result) {
        if (result.ok) {
            unsaved_.erase(ticket);
            broadcast_changed();
            sync_.kick();
            return;
        }
        if (result.kind == "conflict" && attempt < kMaxConflictRetries) {
            load_local_store([this, mutation, ticket, attempt](StoreContents contents) {
                std::string error;
                std::optional<sync::ClientReplica> fresh = contents.error.empty() ? replica_from_store(contents, error) : std::nullopt;
                if (fresh) {
                    replica_ = std::move(fresh);
                    ++replicas_made_;
                }
                sync::Enqueued again = replica_->enqueue(mutation, static_cast<TimeMs>(js::now_utc_ms()));
                if (!again.record) {   // no longer valid on the newer data: say so
                    unsaved_.erase(ticket);
                    sync::MutationOutcome outcome;
                    outcome.id = 0;
                    outcome.ok = false;
                    outcome.error = {"rejected", again.result.reason};
                    local_rejections_.push_back(outcome);
                    platform::request_redraw();
                    return;
                }
                commit_submission(*again.record, mutation, ticket, attempt + 1);
            });
            return;
        }
        note_storage_failure(result);
        unsaved_.erase(ticket);
        sync_.kick();
    });
}

void Workspace::persist(const StoreBatch& batch, std::function<void(bool)> after, bool redraw) {
    if (memory_only_) {
        store_dirty_ = true;
        persist_whole_replica();
        if (after) after(false);
        return;
    }
    commit_local_store(batch, [this, after = std::move(after)](StoreCommitted result) {
        if (!result.ok) note_storage_failure(result);   // (it asks for a frame itself)
        if (after) after(result.ok);
    }, redraw);
}

// After a failed write the store lacks some changes; once writing works again (space freed)
// the whole replica is written in one transaction and the warning goes away.
void Workspace::persist_whole_replica() {
    if (storage_issue_ == StorageIssue::Unavailable || !replica_) return;
    // Rewriting every row after each change of a full disk would be the slowest path of all:
    // try at most every half minute.
    const double now = js::now_utc_ms();
    if (now - whole_write_tried_at_ < 30000) return;
    whole_write_tried_at_ = now;
    StoreBatch batch = batch_for_new_replica(*replica_);
    batch.put_meta(kMetaMode, mode_ == Mode::Server ? "server" : "demo");
    commit_local_store(batch, [this](StoreCommitted result) {
        if (!result.ok) return;
        memory_only_ = false;
        store_dirty_ = false;
        storage_issue_ = StorageIssue::None;
        storage_detail_.clear();
        broadcast_changed();
        platform::request_redraw();
    });
}

void Workspace::note_storage_failure(const StoreCommitted& result) {
    memory_only_ = true;
    store_dirty_ = true;
    storage_issue_ = result.kind == "full" ? StorageIssue::Full
                   : result.kind == "wiped" ? StorageIssue::Wiped
                   : result.kind == "unavailable" ? StorageIssue::Unavailable
                                                  : StorageIssue::Failed;
    storage_detail_ = result.message;
    platform::request_redraw();
}

const std::vector<sync::MutationOutcome>& Workspace::rejected() const {
    return replica_ ? replica_->rejected() : kNoOutcomes;
}

void Workspace::dismiss_rejection(int64_t id) {
    if (!replica_) return;
    replica_->dismiss_rejection(id);
    persist(batch_for_rejections(*replica_), [this](bool) { broadcast_changed(); });
}

// [SECTION] Tabs -----------------------------------------------------------------------------

void Workspace::start_tabs() {
    if (tabs_started_) { start_sync_if_leading(); return; }
    tabs_started_ = true;
    const int leader_ticket = js::expect_answer([this](int status, std::string) {
        leader_ = true;
        tabs_supported_ = status == 1;
        start_sync_if_leading();
    });
    const int listen_ticket = js::expect_answers([this](int, std::string text) { on_tab_message(text); });
    wb_js_tabs_start(leader_ticket, listen_ticket, kTabsName);
}

void Workspace::start_sync_if_leading() {
    if (!leader_ || mode_ != Mode::Server || !replica_ || session_expired_) return;
    sync_.set_online(platform::online());
    sync_.start();
}

void Workspace::broadcast_changed() {
    json message = {{"type", "changed"}};
    if (leader_) message["status"] = {{"lastSynced", sync_.last_synced_ms()},
                                      {"activity", static_cast<int>(sync_.activity())},
                                      {"error", sync_.error()},
                                      {"expired", session_expired_}};
    wb_js_tabs_post(message.dump().c_str());
}

void Workspace::on_tab_message(const std::string& text) {
    json message = json::parse(text, nullptr, false);
    if (!message.is_object() || !message.contains("type") || message["type"] != "changed") return;
    // Parsed once here, not in every frame's sync_status().
    if (message.contains("status") && message["status"].is_object()) {
        const json& status = message["status"];
        leader_status_ = SyncStatus{};
        if (status.contains("lastSynced") && status["lastSynced"].is_number_integer())
            leader_status_.last_synced_ms = status["lastSynced"].get<int64_t>();
        if (status.contains("error") && status["error"].is_string()) leader_status_.error = status["error"].get<std::string>();
        leader_status_.phase = status.contains("expired") && status["expired"] == true ? SyncStatus::Phase::SessionExpired
                             : !leader_status_.error.empty() ? SyncStatus::Phase::Failed
                             : leader_status_.last_synced_ms ? SyncStatus::Phase::Synced : SyncStatus::Phase::NeverSynced;
        leader_status_known_ = true;
    }
    if (reload_pending_) return;
    reload_pending_ = true;
    emscripten_set_timeout([](void*) { workspace().reload_from_store(); }, kReloadDebounceMs, nullptr);
}

// Another tab wrote the store: read it again. The leader first lets its request in flight
// finish (its answer is applied and written before the read, IndexedDB keeps that order).
void Workspace::reload_from_store() {
    reload_pending_ = false;
    if (memory_only_) return;
    // A change announced while this tab is reading may have been written after the read
    // began: read once more when this read ends, or the tab would miss it until the next one.
    if (reloading_) { reload_again_ = true; return; }
    reloading_ = true;
    auto read = [this]() {
        const uint64_t commits_before = local_store_commits_begun();
        load_local_store([this, commits_before](StoreContents contents) {
            reloading_ = false;
            // This tab wrote while the read ran: the contents lack that write, and taking them
            // would hide the tab's own edit. Read again instead.
            const bool stale = contents.error.empty() && local_store_commits_begun() != commits_before;
            if (reload_again_ || stale) {
                reload_again_ = false;
                reload_pending_ = true;
                emscripten_set_timeout([](void*) { workspace().reload_from_store(); }, 0, nullptr);
                if (stale) { sync_.resume_after_reload(); return; }
            }
            if (!contents.error.empty()) { sync_.resume_after_reload(); return; }
            const std::string mode = contents.meta.contains(kMetaMode) && contents.meta[kMetaMode].is_string()
                                         ? contents.meta[kMetaMode].get<std::string>() : "";
            if (mode.empty()) {   // another tab left the account
                sync_.stop();
                replica_.reset();
                ++replicas_made_;
                mode_ = Mode::None;
                account_ = Account{};
                probe();
                return;
            }
            std::string error;
            std::optional<sync::ClientReplica> fresh = replica_from_store(contents, error);
            if (fresh) {
                replica_ = std::move(fresh);
                ++replicas_made_;
                mode_ = mode == "server" ? Mode::Server : Mode::Demo;
                if (contents.meta.contains(kMetaAccount)) {
                    const std::string before = account_.token;
                    show_account_from_meta(contents.meta[kMetaAccount]);
                    if (session_expired_ && account_.token != before) {   // another tab logged in again
                        session_expired_ = false;
                        start_sync_if_leading();
                    }
                }
                if (phase_ != Phase::Ready) { phase_ = Phase::Ready; start_tabs(); }
            }
            sync_.resume_after_reload();
            sync_.kick();
            platform::request_redraw();
        });
    };
    if (leader_) sync_.pause_for_reload(read);
    else read();
}

// [SECTION] Status ---------------------------------------------------------------------------

SyncStatus Workspace::sync_status() const {
    SyncStatus s;
    s.leader = leader_;
    if (replica_) {
        s.pending_mutations = static_cast<int>(replica_->pending().size());
        s.rejected_mutations = static_cast<int>(replica_->rejected().size() + local_rejections_.size());
    }
    if (mode_ == Mode::Demo) { s.phase = SyncStatus::Phase::Demo; return s; }
    if (session_expired_) { s.phase = SyncStatus::Phase::SessionExpired; return s; }
    if (!leader_ && leader_status_known_) {
        s.phase = leader_status_.phase;
        s.last_synced_ms = leader_status_.last_synced_ms;
        s.error = leader_status_.error;
        return s;
    }
    s.last_synced_ms = sync_.last_synced_ms();
    s.error = sync_.error();
    switch (sync_.activity()) {
        case ServerSync::Activity::Pushing:
        case ServerSync::Activity::Pulling: s.phase = SyncStatus::Phase::Syncing; break;
        case ServerSync::Activity::BackingOff: s.phase = SyncStatus::Phase::Failed; break;
        default:
            s.phase = s.last_synced_ms ? SyncStatus::Phase::Synced : SyncStatus::Phase::NeverSynced;
            if (!s.error.empty()) s.phase = SyncStatus::Phase::Failed;
    }
    return s;
}

}  // namespace wb::app

// The page's beforeunload handler asks this (see wb_js_install_leave_guard in js/bridge.js).
extern "C" EMSCRIPTEN_KEEPALIVE int wb_unsaved_writes() {
    return static_cast<int>(wb::app::workspace().unsaved_writes());
}

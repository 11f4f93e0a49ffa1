#pragma once
// The workspace: the account this browser is signed in to (or the demo organisation), its data
// as a sync::ClientReplica kept in IndexedDB, and — in the tab that leads — its sync with the
// server. Views read view() and change data only through submit(); everything else (where the
// data comes from, durability, other tabs, the network) is handled here.
//
// Start-up: open the local store; if it holds an account or the demo, show it at once (no
// network needed); otherwise ask the server (api/health): a server answers -> login screen; a
// plain static host answers -> demo mode; nothing answers -> "cannot reach the server" with
// retry and "use the demo".
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "offline/local_store.h"
#include "offline/server_sync.h"
#include "sync/client_replica.h"
#include "sync_status.h"

namespace wb::app {

struct Account {
    std::string token;
    int64_t expires_at = 0;
    std::string user_id, login, name, role;
};

class Workspace {
public:
    enum class Phase { Opening, Probing, Unreachable, Login, Ready, Broken };
    enum class Mode { None, Server, Demo };

    Workspace();
    void start();

    // [SECTION] Screens before the workbench
    Phase phase() const { return phase_; }
    Mode mode() const { return mode_; }
    void retry_probe();
    void start_demo();
    // Logs in (first time, or again after the session expired). The answer arrives later:
    // login_busy() while waiting, then login_error() or the workbench.
    void login(const std::string& login, const std::string& password);
    bool login_busy() const { return login_busy_; }
    const std::string& login_error() const { return login_error_; }      // a translation key
    const std::string& login_detail() const { return login_detail_; }    // e.g. the server's message
    // Leaves the account or the demo. Refused (returns a translation key) while changes are
    // still waiting for the server: they would be lost.
    std::string leave();

    // [SECTION] Data
    const State* view() const { return replica_ ? &replica_->view() : nullptr; }
    // Moves whenever view() may show different data: views cache what they derive from the data
    // (schedule, risk, roster rows) and recompute when it changes, never per frame.
    uint64_t data_version() const { return (replicas_made_ << 32) + (replica_ ? replica_->view_changes() : 0); }
    const Account& account() const { return account_; }
    // The signed-in user's id when the data has that user (an event's actorId), else "".
    std::string actor_id() const;
    bool session_expired() const { return session_expired_; }
    struct Submitted {
        bool ok = false;
        std::string reason;   // rejected locally: why (the user's input stays where it was)
        int64_t ticket = 0;   // saved() turns true for it once it is durable in the store
    };
    Submitted submit(const Mutation& mutation);
    // A fresh id for an entity this device creates ("note-<client id>-<time><counter>"): unique
    // across devices and reloads without asking the server.
    std::string new_id(const char* prefix);
    bool saved(int64_t ticket) const { return ticket > 0 && ticket < next_ticket_ && !unsaved_.count(ticket); }
    size_t unsaved_writes() const { return unsaved_.size(); }   // changes not yet in IndexedDB
    const std::vector<sync::MutationOutcome>& rejected() const;
    void dismiss_rejection(int64_t id);
    // Changes another tab's newer data made invalid before this tab could queue them.
    const std::vector<sync::MutationOutcome>& local_rejections() const { return local_rejections_; }
    void dismiss_local_rejections() { local_rejections_.clear(); }

    // [SECTION] Status
    SyncStatus sync_status() const;
    StorageIssue storage_issue() const { return storage_issue_; }
    const std::string& storage_detail() const { return storage_detail_; }
    const std::string& broken_detail() const { return broken_detail_; }
    bool leader() const { return leader_; }
    bool tabs_supported() const { return tabs_supported_; }
    const sync::ClientReplica* replica() const { return replica_ ? &*replica_ : nullptr; }
    void set_online(bool online) { sync_.set_online(online); }

private:
    void opened(const StoreOpened& opened);
    void load_and_show();
    void show_contents(const StoreContents& contents);
    void probe();
    void adopt_account(const Account& account, bool same_user);
    void begin_replica(sync::ClientReplica replica, Mode mode);
    void persist(const StoreBatch& batch, std::function<void(bool ok)> after = nullptr, bool redraw = true);
    void persist_whole_replica();
    void note_storage_failure(const StoreCommitted& result);
    void commit_submission(sync::PendingMutation record, Mutation mutation, int64_t ticket, int attempt);
    void start_tabs();
    void on_tab_message(const std::string& text);
    void reload_from_store();
    void broadcast_changed();
    void start_sync_if_leading();
    void show_account_from_meta(const nlohmann::json& j);

    Phase phase_ = Phase::Opening;
    Mode mode_ = Mode::None;
    Account account_;
    std::optional<sync::ClientReplica> replica_;
    uint64_t replicas_made_ = 0;    // replica_ replaced or dropped: part of data_version()
    ServerSync sync_;
    bool memory_only_ = false;      // the store cannot be written: keep working in memory
    bool store_dirty_ = false;      // memory holds changes the store lacks
    StorageIssue storage_issue_ = StorageIssue::None;
    std::string storage_detail_;
    std::string broken_detail_;
    bool session_expired_ = false;
    bool login_busy_ = false;
    std::string login_error_, login_detail_;
    bool leader_ = false;
    bool tabs_started_ = false;
    bool tabs_supported_ = true;
    bool reload_pending_ = false;
    bool reloading_ = false;
    bool reload_again_ = false;     // another tab wrote while this tab was reading the store
    int64_t next_ticket_ = 1;
    int64_t ids_made_ = 0;
    std::set<int64_t> unsaved_;     // tickets whose transaction has not completed
    std::vector<sync::MutationOutcome> local_rejections_;
    SyncStatus leader_status_;      // followers: what the leader last reported
    bool leader_status_known_ = false;
    double whole_write_tried_at_ = -1e18;  // memory-only: when the whole replica was last tried
    std::string persisted_cursor_;  // the cursor last written, so idle answers write nothing     // followers: the leader's last status message (JSON)
};

Workspace& workspace();

}  // namespace wb::app

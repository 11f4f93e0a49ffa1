#pragma once
// The browser's side of sync, pure: the confirmed rows from the server, the queue of pending
// mutations, and the optimistic view (confirmed state + pending mutations replayed in order).
// The storage adapter persists what each call returns (new pending record, changed rows,
// dropped ids, cursor), so a reload rebuilds the same replica with `restore`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sync/protocol.h"

namespace wb::sync {

// Everything a replica needs to come back after a reload, as the storage adapter keeps it.
struct SavedReplica {
    std::string client_id;
    std::string cursor;
    int64_t next_id = 1;  // number of the next mutation
    int64_t acked = 0;    // mutations up to here are confirmed and dropped
    std::vector<Row> rows;
    std::vector<PendingMutation> pending;
    std::vector<MutationOutcome> rejected;  // not yet dismissed by the user
};

struct Enqueued {
    MutationResult result;                 // rejected locally: nothing was queued
    std::optional<PendingMutation> record; // persist this before telling the user it is saved
};

struct PullApplied {
    std::vector<Row> changed;              // rows to write (deleted ones: remove)
    std::vector<int64_t> dropped;          // pending mutations now confirmed: remove
    std::vector<MutationOutcome> rejected; // newly learnt rejections: show them
    bool reset = false;                    // all stored rows were replaced by `changed`
};

class ClientReplica {
public:
    explicit ClientReplica(std::string client_id);
    static std::optional<ClientReplica> restore(SavedReplica saved, std::string& error);

    const std::string& client_id() const { return client_id_; }
    const State& view() const { return view_; }
    const State& confirmed() const { return confirmed_; }
    const std::vector<PendingMutation>& pending() const { return pending_; }
    const std::vector<MutationOutcome>& rejected() const { return rejected_; }
    const std::string& cursor() const { return cursor_; }
    int64_t acked() const { return acked_; }
    int64_t next_id() const { return next_id_; }
    // Counts changes of view(): readers cache what they derive from the view and recompute when
    // this moves (a new replica object starts again at 0, so keep its identity too).
    uint64_t view_changes() const { return view_changes_; }
    SavedReplica save() const;

    // A local change: checked against the optimistic view first; a rejected one is not queued
    // and its reason goes back to the user with their input intact.
    Enqueued enqueue(const Mutation& mutation, TimeMs now);

    // The next batch to push: pending mutations the server has not yet answered for.
    PushRequest next_push(size_t max_batch) const;
    void on_push(const PushResponse& response);

    PullRequest next_pull(int limit) const;
    PullApplied on_pull(const PullResponse& response);

    void dismiss_rejection(int64_t id);

private:
    void rebuild_view();

    std::string client_id_;
    std::string cursor_;
    int64_t next_id_ = 1;
    int64_t acked_ = 0;
    int64_t pushed_through_ = 0;  // the server has applied up to here (not persisted: a reload resends)
    std::map<RowKey, Row> rows_;
    std::vector<PendingMutation> pending_;
    std::vector<MutationOutcome> rejected_;
    State confirmed_;
    State view_;
    uint64_t view_changes_ = 0;
};

}  // namespace wb::sync

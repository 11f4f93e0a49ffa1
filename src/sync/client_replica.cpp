#include "sync/client_replica.h"

#include <algorithm>

namespace wb::sync {

ClientReplica::ClientReplica(std::string client_id) : client_id_(std::move(client_id)) {}

std::optional<ClientReplica> ClientReplica::restore(SavedReplica saved, std::string& error)
{
    ClientReplica r(std::move(saved.client_id));
    r.cursor_ = std::move(saved.cursor);
    r.acked_ = saved.acked;
    r.next_id_ = std::max<int64_t>(saved.next_id, 1);
    for (auto& row : saved.rows) r.rows_[row.key] = std::move(row);
    std::sort(saved.pending.begin(), saved.pending.end(),
              [](const PendingMutation& a, const PendingMutation& b) { return a.id < b.id; });
    for (auto& p : saved.pending) {
        if (p.id <= r.acked_) continue;  // confirmed before the reload: dropping it was not saved yet
        r.next_id_ = std::max(r.next_id_, p.id + 1);
        r.pending_.push_back(std::move(p));
    }
    r.rejected_ = std::move(saved.rejected);
    if (!r.rows_.empty()) {
        std::vector<Row> rows;
        for (auto& [k, row] : r.rows_) rows.push_back(row);
        error = state_from_rows(rows, r.confirmed_);
        if (!error.empty()) return std::nullopt;
    }
    r.rebuild_view();
    return r;
}

SavedReplica ClientReplica::save() const
{
    SavedReplica s{client_id_, cursor_, next_id_, acked_, {}, pending_, rejected_};
    for (const auto& [k, row] : rows_) s.rows.push_back(row);
    return s;
}

Enqueued ClientReplica::enqueue(const Mutation& mutation, TimeMs now)
{
    State trial = view_;
    MutationResult r = apply(trial, mutation);
    if (!r.ok) return {r, std::nullopt};
    view_ = std::move(trial);
    ++view_changes_;
    PendingMutation record{next_id_++, mutation, now};
    pending_.push_back(record);
    return {r, record};
}

PushRequest ClientReplica::next_push(size_t max_batch) const
{
    PushRequest req;
    req.client_id = client_id_;
    for (const auto& p : pending_) {
        if (p.id <= pushed_through_) continue;
        if (req.mutations.size() >= max_batch) break;
        req.mutations.push_back(p);
    }
    return req;
}

void ClientReplica::on_push(const PushResponse& response)
{
    // The server's count is the truth either way: after an out_of_order answer the next batch
    // starts right after what it applied.
    pushed_through_ = std::max(acked_, response.last_applied);
}

PullRequest ClientReplica::next_pull(int limit) const
{
    return PullRequest{client_id_, cursor_, limit, acked_};
}

PullApplied ClientReplica::on_pull(const PullResponse& response)
{
    PullApplied out;
    out.reset = response.reset;
    // With nothing pending the view is the confirmed state, and the same rows keep it so;
    // otherwise the pending mutations are replayed over the new confirmed state below.
    const bool view_follows = pending_.empty() && !response.reset;
    if (response.reset) {
        rows_.clear();
        confirmed_ = State{};
    }
    for (const auto& row : response.changes) {
        if (row.deleted) rows_.erase(row.key);
        else rows_[row.key] = row;
        out.changed.push_back(row);
    }
    cursor_ = response.cursor;
    if (!response.more) {
        // Only a complete pull holds every effect of the mutations it reports as applied.
        for (const auto& p : pending_)
            if (p.id <= response.last_applied) out.dropped.push_back(p.id);
        pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                      [&](const PendingMutation& p) { return p.id <= response.last_applied; }),
                       pending_.end());
        acked_ = std::max(acked_, response.last_applied);
        pushed_through_ = std::max(pushed_through_, acked_);
        next_id_ = std::max(next_id_, acked_ + 1);
    }
    for (const auto& o : response.rejected) {
        bool known = std::any_of(rejected_.begin(), rejected_.end(), [&](const MutationOutcome& r) { return r.id == o.id; });
        if (!known) {
            rejected_.push_back(o);
            out.rejected.push_back(o);
        }
    }
    // Only the changed rows are applied: the rows come from our own server's state (a bad row
    // would have been refused there), and they are newer than every row held.
    apply_rows(confirmed_, response.changes, EventPlacement::ByVersion);
    if (view_follows) {
        apply_rows(view_, response.changes, EventPlacement::ByVersion);
        if (!response.changes.empty()) ++view_changes_;
    } else {
        rebuild_view();
    }
    return out;
}

void ClientReplica::dismiss_rejection(int64_t id)
{
    rejected_.erase(std::remove_if(rejected_.begin(), rejected_.end(),
                                   [&](const MutationOutcome& o) { return o.id == id; }),
                    rejected_.end());
}

void ClientReplica::rebuild_view()
{
    view_ = confirmed_;
    ++view_changes_;
    // A pending mutation that no longer applies stays queued: the server has the last word
    // and its rejection will come back with a reason.
    for (const auto& p : pending_) apply(view_, p.mutation);
}

}  // namespace wb::sync

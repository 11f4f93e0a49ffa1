#include "sync/sync_service.h"

#include <algorithm>
#include <set>

namespace wb::sync {
namespace {

constexpr const char* kStorage = "storage";

ErrorInfo not_your_client(const std::string& client_id)
{
    return {code::kForbidden, "client id '" + client_id +
                                  "' belongs to another user: a client id is bound to the account that first "
                                  "synced with it; use a new client id for this account"};
}

// One mutation applied to the working state: the rows it changed with their bodies before.
struct Applied {
    MutationOutcome outcome;
    std::vector<Row> rows;
    std::map<RowKey, Json> before;  // bodies of changed rows that existed before
};

bool known_mutation(const std::string& name)
{
    static const std::vector<std::string> names = mutation_names();
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Mutations only the server's own workers apply (apply_as_system): what a channel did with a
// message is the server's to say.
bool recorded_by_server_only(const std::string& name) { return name == "message.attempt"; }

Applied apply_one(State& working, const RowOwners& owners, const PendingMutation& pm)
{
    Applied out;
    out.outcome.id = pm.id;
    auto keys = touched_keys(working, pm.mutation,
                             [&](const std::string& student) { return owners.enrolments_of_student(student); });
    if (!keys && !known_mutation(pm.mutation.name)) keys = std::vector<RowKey>{};  // refused without a change
    State full_before;
    if (keys) {
        for (const auto& k : *keys)
            if (auto body = entity_json(working, k)) out.before[k] = std::move(*body);
    } else {
        full_before = working;  // a mutation the key table does not know (rare): diff everything
    }
    MutationResult r = apply(working, pm.mutation);
    if (!r.ok) {
        out.outcome = MutationOutcome{pm.id, false, {code::kRejected, r.reason}};
        return out;
    }
    if (keys) {
        for (const auto& k : *keys) {
            auto now = entity_json(working, k);
            auto was = out.before.find(k);
            if (now && (was == out.before.end() || was->second != *now)) out.rows.push_back(Row{k, 0, false, *now});
            else if (!now && was != out.before.end()) out.rows.push_back(Row{k, 0, true, Json()});
        }
    } else {
        out.rows = diff_states(full_before, working);
        for (const auto& row : out.rows)
            if (auto body = entity_json(full_before, row.key)) out.before[row.key] = std::move(*body);
    }
    return out;
}

// Puts back what `a` changed (its rows as they were before; rows it created are removed) and
// the mutation counter it advanced.
void undo(State& state, const Applied& a)
{
    std::vector<Row> back;
    back.reserve(a.rows.size());
    for (const auto& row : a.rows) {
        auto was = a.before.find(row.key);
        if (was == a.before.end()) back.push_back(Row{row.key, 0, true, Json()});
        else back.push_back(Row{row.key, 0, false, was->second});
    }
    apply_rows(state, back, EventPlacement::InPlace);  // bodies this state wrote itself: they read back
    --state.version;
}

// A user may change a row when it is theirs before the change and stays theirs after it.
bool allowed(const Scope& scope, const Applied& a, const RowOwners& owners, const OwnersBefore& before)
{
    if (scope.whole_organisation) return true;
    for (const auto& row : a.rows) {
        auto was = a.before.find(row.key);
        if (was != a.before.end() && !scope.writes(owners.owner(row.key, was->second, &before))) return false;
        if (!row.deleted && !scope.writes(owners.owner(row.key, row.body))) return false;
    }
    return true;
}

std::vector<RowKey> changed_keys(const Applied& a)
{
    std::vector<RowKey> keys;
    keys.reserve(a.rows.size());
    for (const auto& r : a.rows) keys.push_back(r.key);
    return keys;
}

// Rows that follow a student whose tutor changed (a class change or a new enrolment): the
// student, their enrolments and their events, so the new tutor receives them.
void add_moved_rows(const State& working, const RowOwners& owners, const OwnersBefore& before, Applied& a)
{
    std::vector<std::string> moved;
    for (const auto& [student, was] : before.student_tutor)
        if (owners.tutor_of_student(student, &before) != owners.tutor_of_student(student)) moved.push_back(student);
    if (moved.empty()) return;
    std::set<RowKey> have;
    for (const auto& r : a.rows) have.insert(r.key);
    auto add = [&](RowKey key) {
        if (have.count(key)) return;
        if (auto body = entity_json(working, key)) {
            a.before[key] = *body;  // unchanged, but now someone else's
            a.rows.push_back(Row{key, 0, false, std::move(*body)});
            have.insert(std::move(key));
        }
    };
    for (const auto& s : moved) {
        add({"students", s});
        for (auto& key : owners.rows_of_student(working, s)) add(std::move(key));
    }
}

// Gives each changed row its version and owner; a row whose owner changed is revoked from the
// old owner at the same version.
void write_rows(SyncTransaction& tx, const State& working, const RowOwners& owners, const OwnersBefore& before,
                Applied& a)
{
    add_moved_rows(working, owners, before, a);
    for (auto& row : a.rows) {
        row.version = tx.allocate_version();
        auto was = a.before.find(row.key);
        std::string old_owner = was == a.before.end() ? "" : owners.owner(row.key, was->second, &before);
        std::string new_owner = row.deleted ? old_owner : owners.owner(row.key, row.body);
        tx.write_row(row, new_owner);  // a tombstone goes to whoever could read the row before
        if (was != a.before.end() && old_owner != new_owner) tx.revoke(row.key, old_owner, row.version);
    }
}

}  // namespace

std::optional<SyncService> SyncService::open(SyncStore& store, std::string& error)
{
    std::vector<Row> rows;
    error = store.live_rows(rows);
    if (!error.empty()) return std::nullopt;
    State state;
    if (!rows.empty()) {
        error = state_from_rows(rows, state);
        if (!error.empty()) return std::nullopt;
    }
    return SyncService(store, std::move(state));
}

PushResult SyncService::push(const PushRequest& request, const std::string& user_id)
{
    Scope scope = scope_for(live_, user_id);
    if (!scope.known) return {std::nullopt, {code::kForbidden, "unknown user " + user_id}};
    return push_checked(request, scope);
}

PushResult SyncService::apply_as_system(const std::vector<Mutation>& mutations, const std::string& client_id)
{
    Scope system;
    system.user_id = "system";
    system.known = true;
    system.whole_organisation = true;
    system.server = true;
    ClientRecord client;
    if (std::string e = store_->client(client_id, client); !e.empty()) return {std::nullopt, {kStorage, e}};
    int64_t last = client.last_applied;
    PushRequest req;
    req.client_id = client_id;
    for (const auto& m : mutations) req.mutations.push_back(PendingMutation{++last, m, 0});
    return push_checked(req, system);
}

// Applies the batch to the live state in place (no copy of the state per push): each mutation
// remembers what it changed, and a refused mutation or a failed transaction is undone from that.
PushResult SyncService::push_checked(const PushRequest& request, const Scope& scope)
{
    PushResponse response;
    std::optional<ErrorInfo> refused;
    std::vector<Applied> kept;  // applied to live_ in this batch, in order
    std::string err = store_->transact([&](SyncTransaction& tx) {
        ClientRecord client = tx.client(request.client_id);
        if (client.known && client.user_id != scope.user_id) {
            refused = not_your_client(request.client_id);
            return std::string("refused");
        }
        int64_t last = client.last_applied;
        for (const auto& pm : request.mutations) {
            if (pm.id <= last) continue;  // applied before: a retry after a lost answer
            if (pm.id != last + 1) {
                response.error = ErrorInfo{code::kOutOfOrder, "expected mutation " + std::to_string(last + 1) +
                                                                  ", got " + std::to_string(pm.id)};
                break;
            }
            if (!scope.server && recorded_by_server_only(pm.mutation.name)) {  // e.g. a device claiming a message went out
                MutationOutcome refused_outcome{pm.id, false, {code::kForbidden,
                    pm.mutation.name + " is recorded by the server only"}};
                tx.record_rejection(request.client_id, refused_outcome);
                response.results.push_back(refused_outcome);
                last = pm.id;
                continue;
            }
            Applied a = apply_one(live_, owners_, pm);
            OwnersBefore before;  // what this mutation changed about who owns what
            if (a.outcome.ok) owners_.update(live_, changed_keys(a), &before);
            if (a.outcome.ok && !allowed(scope, a, owners_, before)) {
                undo(live_, a);
                owners_.update(live_, changed_keys(a));
                a.outcome = MutationOutcome{pm.id, false, {code::kForbidden,
                    pm.mutation.name + " changes data outside your classes"}};
            }
            if (a.outcome.ok) {
                write_rows(tx, live_, owners_, before, a);
                response.results.push_back(a.outcome);
                kept.push_back(std::move(a));
            } else {
                tx.record_rejection(request.client_id, a.outcome);  // the number still advances
                response.results.push_back(a.outcome);
            }
            last = pm.id;
        }
        response.last_applied = last;
        tx.set_last_applied(request.client_id, scope.user_id, last);
        return std::string();
    });
    if (refused || !err.empty()) {  // nothing was kept: take the batch back out of the live state
        for (auto it = kept.rbegin(); it != kept.rend(); ++it) undo(live_, *it);
        if (!kept.empty()) owners_ = RowOwners(live_);
        if (refused) return {std::nullopt, *refused};
        return {std::nullopt, {kStorage, err}};
    }
    return {response, {}};
}

PullResult SyncService::pull(const PullRequest& request, const std::string& user_id)
{
    Scope scope = scope_for(live_, user_id);
    if (!scope.known) return {std::nullopt, {code::kForbidden, "unknown user " + user_id}};
    std::string err;
    auto cursor = parse_cursor(request.cursor, err);
    if (!cursor) return {std::nullopt, {code::kBadRequest, err}};

    std::string epoch;
    if (std::string e = store_->epoch(epoch); !e.empty()) return {std::nullopt, {kStorage, e}};
    PullResponse response;
    int64_t after = cursor->version;
    if (!request.cursor.empty() && cursor->epoch != epoch) {
        response.reset = true;  // another database (restored or replaced): start over
        after = 0;
    }
    PullSnapshot snap;
    std::string failed = store_->pull(after, scope, request.limit, request.client_id, request.acked, snap);
    if (failed.empty() && after > snap.max_version) {  // a cursor from the future: the database went back in time
        response.reset = true;
        after = 0;
        failed = store_->pull(0, scope, request.limit, request.client_id, request.acked, snap);
    }
    if (!failed.empty()) return {std::nullopt, {kStorage, failed}};
    if (snap.client.known && snap.client.user_id != user_id)
        return {std::nullopt, not_your_client(request.client_id)};
    if (!snap.client.known) {  // the first pull binds the client id to this user
        failed = store_->transact([&](SyncTransaction& tx) {
            tx.set_last_applied(request.client_id, user_id, 0);
            return std::string();
        });
        if (!failed.empty()) return {std::nullopt, {kStorage, failed}};
    }
    response.more = snap.more;
    int64_t reached = snap.rows.empty() ? after : snap.rows.back().version;
    if (!snap.more) reached = std::max(reached, snap.max_version);
    response.cursor = format_cursor({epoch, reached});
    response.changes = std::move(snap.rows);
    response.last_applied = snap.client.last_applied;
    response.rejected = std::move(snap.rejected);
    return {response, {}};
}

}  // namespace wb::sync

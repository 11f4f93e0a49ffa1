#pragma once
// The dataset as rows: the unit of sync. Every entity of a State (the organisation, each user,
// course, lesson, class, student, enrolment, event, task record, outbox message and template)
// is one Row with a kind, an id and its JSON body, exactly as the dataset JSON (state_to_json)
// writes it, so sync needs no knowledge of the entities' fields. The server gives every row
// change a global version; a client rebuilds its confirmed State from the rows it pulled.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/mutation.h"
#include "core/state.h"

namespace wb::sync {

struct RowKey {
    std::string kind;  // the dataset JSON's collection name: "students", "events", ...
    std::string id;
    bool operator<(const RowKey& o) const { return kind != o.kind ? kind < o.kind : id < o.id; }
    bool operator==(const RowKey& o) const { return kind == o.kind && id == o.id; }
};

struct Row {
    RowKey key;
    int64_t version = 0;  // global version of the change that wrote it (0: not yet versioned)
    bool deleted = false;
    Json body;            // absent when deleted
};

using RowMap = std::map<RowKey, Json>;

// All entities of `state` by key.
RowMap state_rows(const State& state);

// What changed from `before` to `after`: changed and new rows in key order, deleted rows
// (deleted = true, no body), then new events in the order they were recorded. Versions are
// left at 0 for the caller to assign in this order.
// FIXME: compares every non-event entity as JSON (O(entities)); when that shows in the server's
// push time, let the mutator report the keys it touched instead.
std::vector<Row> diff_states(const State& before, const State& after);

// One entity of `state` as its row body, or nullopt when the state has no such entity.
std::optional<Json> entity_json(const State& state, const RowKey& key);

// The rows a mutation can change, known from its name and arguments (an upsert touches its
// entity, event.record appends its event, task.* touch the task record, ...), or nullopt for a
// mutation this table does not know, whose effect must then be found with diff_states.
// `enrolments_of` (a student's enrolment ids) spares a scan of every enrolment per event.
using EnrolmentsOf = std::function<std::vector<std::string>(const std::string& student_id)>;
std::optional<std::vector<RowKey>> touched_keys(const State& state, const Mutation& mutation,
                                                const EnrolmentsOf& enrolments_of = {});

// The changed rows among `keys`, comparing each entity before and after.
std::vector<Row> diff_keys(const State& before, const State& after, const std::vector<RowKey>& keys);

// Rebuilds a State from rows. Events keep the order of their versions (the order the server
// recorded them), so a client's copy matches the server's event order. Returns "" or a
// message naming the offending row.
std::string state_from_rows(const std::vector<Row>& rows, State& out);

// Where apply_rows puts an event row whose event the state already has.
enum class EventPlacement {
    ByVersion,  // at the end: the rows are newer than every event held (a pull), so the events
                // keep the order of their versions, exactly as state_from_rows would build them
    InPlace,    // where it was (undoing a mutation on the server's state)
};

// Applies rows to `state` in place, in their order: a row replaces or adds its entity, a deleted
// row removes it (a deleted organisation row leaves an unconfigured organisation); new events
// are appended. Touches only the rows' entities, so a pull or an undo costs what it changes,
// not the size of the state. Returns "" or a message naming the offending row; the rows before
// it are applied.
std::string apply_rows(State& state, const std::vector<Row>& rows, EventPlacement events);

// The singleton organisation is stored under this kind with the organisation's id.
extern const char* const kOrganisationKind;

}  // namespace wb::sync

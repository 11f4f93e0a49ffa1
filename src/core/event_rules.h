#pragma once
// What makes an event valid, and what it changes besides being recorded.
#include <limits>
#include <set>
#include <string>

#include "core/state.h"

namespace wb {

// "" when `event` may be recorded in `state`, else why not.
std::string check_event(const State& state, const Event& event);
// Effects on entities: a refund decision "refund" marks the student's active enrolments refunded.
void apply_event_effects(State& state, const Event& event);
// Records `event` (a new id that passes check_event) with its effects: what event.record does
// once the arguments are read, and what other mutations use to record an event of their own.
// "" or why not; on refusal the state is unchanged.
std::string record_event(State& state, Event event);

// Retraction: "" when `retraction` (kind retraction, ref_id = the mistaken event) may be
// recorded, else why not. Only facts can be retracted, each at most once, not before they happened.
std::string check_retraction(const State& state, const Event& retraction);
// Undoes the target's effects on entities: a retracted refund decision "refund" gives the student
// their enrolments back, unless another refund decision "refund" still stands.
void undo_event_effects(State& state, const Event& retracted);
// Ids of the events retracted by a retraction recorded at or before `now`. Readers of history
// (EventHistory, refund risk, the reply parser) skip these and the retraction events themselves.
std::set<std::string> retracted_events(const State& state, TimeMs now = std::numeric_limits<TimeMs>::max());

}  // namespace wb

#pragma once
// What makes an event valid, and what it changes besides being recorded.
#include <string>

#include "core/state.h"

namespace wb {

// "" when `event` may be recorded in `state`, else why not.
std::string check_event(const State& state, const Event& event);
// Effects on entities: a refund decision "refund" marks the student's active enrolments refunded.
void apply_event_effects(State& state, const Event& event);

}  // namespace wb

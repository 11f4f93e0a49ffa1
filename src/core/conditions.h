#pragma once
// Trigger conditions (catalog.h) evaluated for one student against the events known at `now`.
#include <map>
#include <string>
#include <vector>

#include "core/state.h"

namespace wb {

// Each student's events up to a moment, in time order; retracted events (and the retractions
// themselves) are left out once the retraction is known.
class EventHistory {
public:
    EventHistory(const State& state, TimeMs now);
    const std::vector<const Event*>& of(const std::string& student_id) const;

private:
    std::map<std::string, std::vector<const Event*>> by_student_;
    std::vector<const Event*> none_;
};

// The attendance mark in force for a lesson: the latest manual mark, else the latest mark parsed
// from a reply ("" when none). A tutor's manual mark is never overridden by a reply.
std::string effective_attendance(const std::vector<const Event*>& events, const std::string& lesson_id);

struct ConditionSubject {
    const std::vector<const Event*>* events = nullptr;  // the student's history
    const Student* student = nullptr;
    std::string lesson_id;
    const Event* anchor_event = nullptr;
    TimeMs open_at = 0;
};

bool condition_holds(const std::string& condition, const ConditionSubject& subject);
bool all_conditions_hold(const std::vector<std::string>& conditions, const ConditionSubject& subject);

}  // namespace wb

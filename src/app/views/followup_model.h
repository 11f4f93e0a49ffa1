#pragma once
// The follow-up view's data: the core's visit plan (core/visit_plan.h) for the tutor in view,
// cached by the data version and the minute (the month and "today" depend on the clock).
#include "core/visit_plan.h"

#include <string>
#include <vector>

namespace wb::app {

struct FollowupModel {
    bool ready = false;
    std::string error;          // no data / no template: why
    std::string tutor_id;       // whose roster
    std::vector<std::pair<std::string, std::string>> tutors;  // (id, name) a manager can pick
    TimeZone zone;
    VisitPlan plan;
};

// The model for the signed-in person (a tutor: their own; a manager/admin: the chosen tutor).
const FollowupModel& followup_model();
// The tutor a manager or admin looks at ("" = the first one).
void choose_followup_tutor(const std::string& tutor_id);
// A student's display name ("" when unknown).
std::string followup_student_name(const std::string& student_id);

}  // namespace wb::app

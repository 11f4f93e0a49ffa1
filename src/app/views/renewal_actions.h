#pragma once
// What the Renewal view records [续报]: each funnel step is a renewal_step event (works offline,
// syncs later); the warm-up push and the coupon go to the parents through the outbox or the
// clipboard (views/family_messages.h). A step the funnel does not allow (a fourth push, an order
// before the reservation) is refused with its reason and records nothing.
#include <string>
#include <vector>

#include "views/lesson_actions.h"
#include "views/renewal_model.h"

namespace wb::app {

using RenewalActionResult = LessonActionResult;

// The template's warm-up push to the parents of `student_ids` (those who may get one more).
RenewalActionResult push_warmup(const RenewalModel& m, const std::vector<std::string>& student_ids,
                                const std::string& channel_id);
// The reservation with its coupon (the coupon message goes to the parents).
RenewalActionResult record_reservation(const RenewalModel& m, const std::string& student_id, const std::string& coupon,
                                       const std::string& channel_id);
// The order of a reserved student.
RenewalActionResult record_order(const RenewalModel& m, const std::string& student_id);

}  // namespace wb::app

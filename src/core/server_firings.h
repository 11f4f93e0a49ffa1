#pragma once
// What the server's scheduler does with the reminders that came due (between its last run and
// now, so a downtime is caught up): people outside the workbench get a message in the outbox
// (parents by SMS or an automatic call, tutors and managers through the group robot), and the
// automatic refund at 24 h is recorded as the refund decision. The workbench's own pop-ups are
// left to the browser, which computes the same schedule.
//
// Every mutation's id is derived from the reminder's id (stable, see schedule.h), so planning
// the same reminder again yields the same ids and the mutator refuses the copy: each reminder
// fires exactly once however often the scheduler runs or restarts.
#include <string>
#include <vector>

#include "core/mutation.h"
#include "core/schedule.h"
#include "i18n/translator.h"

namespace wb {

std::vector<Mutation> plan_firings(const State& state, const std::vector<DueReminder>& due, Language language);

// The id of the message a reminder sends through `channel` (to one student's parent when
// `student_id` is set), and of the refund an automatic refund records for a student.
std::string firing_message_id(const DueReminder& reminder, Channel channel, const std::string& student_id);
std::string firing_refund_id(const DueReminder& reminder, const std::string& student_id);

}  // namespace wb

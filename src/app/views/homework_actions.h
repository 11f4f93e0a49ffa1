#pragma once
// What the Homework view records [练习]: every action is a mutation (works offline, syncs later);
// urges and feedback go to the outbox or the clipboard (views/family_messages.h).
#include <string>
#include <vector>

#include "views/homework_model.h"
#include "views/lesson_actions.h"

namespace wb::app {

// What an action did, as a translated line (the lesson view's kind, so both show it alike).
using HomeworkActionResult = LessonActionResult;

// The template's urge to the parents of `student_ids` (the missing ones) through `channel_id`.
HomeworkActionResult urge_missing(const HomeworkModel& m, const std::vector<std::string>& student_ids,
                                  const std::string& channel_id);

// A grade ("S" / "A" / "B") with its comment; a B opens the template's 1-on-1 explanation task.
HomeworkActionResult save_grade(const HomeworkModel& m, const std::string& student_id, const std::string& grade,
                                const std::string& comment);

// The student's work of the lesson into the excellent-works library.
HomeworkActionResult mark_excellent(const HomeworkModel& m, const std::string& student_id);

// One-click feedback: the template's feedback (grade and comment) to each target's parents, and
// a feedback_sent event per student sent to.
HomeworkActionResult send_feedback(const HomeworkModel& m, const std::vector<const HomeworkRow*>& targets,
                                   const std::string& channel_id);

// The leaderboard as text, copied for the class group.
HomeworkActionResult copy_leaderboard(const HomeworkModel& m);
std::string leaderboard_text(const HomeworkModel& m);

}  // namespace wb::app

#pragma once
// The schedule engine: SOP template + roster + events + "now" -> the task instances due for a
// tutor and the reminders to fire. Pure and deterministic; the client shows the result, the
// server's scheduler fires what must happen while no browser is open.
//
// Rules:
//  - An instance's id is stable: "<sub-task id>/<anchor key>[/<class or student id>]". The same
//    rule firing again finds the same id, so an instance is never duplicated.
//  - Conditions are evaluated on the events known at `now`; when no student satisfies them any
//    more the instance closes by itself (Closed). A person's "done" wins and stays in history.
//  - Reminders to parents (sms, call) falling in the organisation's quiet hours are delayed to
//    the end of the quiet period, never dropped; a snoozed instance's tutor reminders wait for
//    the snooze to end.
#include <limits>
#include <string>
#include <vector>

#include "core/sop_template.h"
#include "core/state.h"
#include "core/time_zone.h"

namespace wb {

enum class DueStatus { Upcoming, Open, Overdue, Snoozed, Done, Closed };
inline const std::vector<const char*>& enum_names(DueStatus)
{
    static const std::vector<const char*> n{"upcoming", "open", "overdue", "snoozed", "done", "closed"};
    return n;
}

struct DueTask {
    std::string id;
    int task_number = 0;
    std::string task_id;
    std::string subtask_id;
    Anchor anchor = Anchor::LessonStart;
    std::string tutor_id;
    std::string class_id;
    std::string lesson_id;                 // lesson anchors and lesson-bound events
    std::string event_id;                  // event anchors
    std::vector<std::string> student_ids;  // who it still concerns
    int subject_count = 0;                 // class scope: students considered
    TimeMs anchor_at = 0;
    TimeMs open_at = 0;
    TimeMs due_at = 0;
    DueStatus status = DueStatus::Open;
    TimeMs done_at = 0;
    TimeMs snoozed_until = 0;
    std::string snooze_reason;
    std::string why;  // "task 8 练习 > urge_homework > lesson_end +12h > lesson 3"
};

struct DueReminder {
    std::string id;  // "<instance id>#<reminder index>"
    std::string instance_id;
    TimeMs planned_at = 0;  // as the template says
    TimeMs at = 0;          // after quiet hours / snooze
    std::vector<Channel> channels;
    Audience audience = Audience::Tutor;
    std::string recipient_id;  // tutor or manager; parents: see student_ids
    std::vector<std::string> student_ids;
    std::string message;
    ReminderAction action = ReminderAction::Notify;
};

struct ScheduleQuery {
    TimeMs now = 0;
    std::string tutor_id;  // empty: every tutor
    // Reminders with fired_after < at <= now are returned (the server passes its last run).
    TimeMs fired_after = std::numeric_limits<TimeMs>::min();
    TimeMs horizon_ms = 0;        // also list instances opening up to now + horizon (Upcoming)
    bool include_closed = false;  // closed instances are normally left out
};

struct Schedule {
    std::vector<DueTask> tasks;          // ordered by due time, then id
    std::vector<DueReminder> reminders;  // ordered by time, then id
    std::string error;                   // e.g. an unknown time zone
};

Schedule compute_schedule(const State& state, const SopTemplate& tpl, const ScheduleQuery& query);

// The template the organisation runs: one stored by template.set under its templateId, else the
// built-in one of that id. Returns "" or why it cannot be used.
std::string active_template(const State& state, SopTemplate& out);

// The instant an offset points at from `anchor`, in `zone` ("days -2 at 19:00" is local).
TimeMs resolve_offset(const Offset& offset, TimeMs anchor, const TimeZone& zone);
// `t`, or the end of the quiet period when `t` falls inside it.
TimeMs after_quiet_hours(TimeMs t, const QuietHours& quiet, const TimeZone& zone);

}  // namespace wb

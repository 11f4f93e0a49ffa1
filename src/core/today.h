#pragma once
// Today [今日待办]: a tutor's task instances from the schedule engine, grouped by urgency for
// the workbench's first screen. Pure: "now" and the organisation's zone are parameters.
//
// Groups (instances that are neither done, snoozed nor closed):
//   Overdue     past their due time
//   Soon        open, due within the next 2 hours (due_at <= now + 2 h)
//   LaterToday  open, due after that but before the local end of today (next local midnight
//               in the organisation's zone, not UTC's)
//   Upcoming    open but due on a later day, or opening before the end of the horizon: today
//               plus `upcoming_days` local days. Three days by default: pre-attendance opens two
//               days before a lesson at 19:00, so a tutor sees the next lesson's work coming a
//               day before it opens, and the list stays short enough to read.
// "Open" for the badge and the per-task counts = Overdue + Soon + LaterToday: what must be done
// by tonight. Done today = marked done since the local start of today.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/schedule.h"

namespace wb {

enum class Urgency { Overdue, Soon, LaterToday, Upcoming };
constexpr int kUrgencyCount = 4;
inline const std::vector<const char*>& enum_names(Urgency)
{
    static const std::vector<const char*> n{"overdue", "soon", "later_today", "upcoming"};
    return n;
}

constexpr TimeMs kSoonWindowMs = 2 * kHourMs;
constexpr int kDefaultUpcomingDays = 3;

struct TodayWindow {
    TimeMs now = 0;
    TimeMs start_of_day = 0;  // local midnight that began today
    TimeMs end_of_day = 0;    // next local midnight
    TimeMs horizon_end = 0;   // end of the last upcoming day
};

// The boundaries of "today" at `now` in `zone`.
TodayWindow today_window(TimeMs now, const TimeZone& zone, int upcoming_days = kDefaultUpcomingDays);

// The schedule query that lists everything a Today board needs (upcoming up to the horizon).
ScheduleQuery today_schedule_query(const TodayWindow& window, const std::string& tutor_id);

// Which group an instance belongs to; false for done, snoozed and closed instances and for
// instances opening after the horizon.
bool urgency_of(const DueTask& task, const TodayWindow& window, Urgency& out);

struct TaskCount {
    std::string task_id;
    int number = 0;
    Text title;
    int open = 0;      // overdue + soon + later today
    int upcoming = 0;
    int done_today = 0;
};

struct TodayBoard {
    TodayWindow window;
    std::array<std::vector<DueTask>, kUrgencyCount> groups;  // each ordered by due time, then id
    std::vector<DueTask> snoozed;                             // ordered by snooze end
    std::vector<DueTask> done_today;                          // most recent first
    std::vector<TaskCount> tasks;                             // template order, every task with a trigger
    std::map<std::string, int> open_by_tutor;                 // tutor id -> open count
    int open = 0;                                             // the badge: overdue + soon + later today

    int count(Urgency u) const { return int(groups[size_t(u)].size()); }
};

// Groups `schedule` (computed with today_schedule_query) for the tutors in `tutor_ids` (empty:
// every tutor in the schedule).
TodayBoard group_today(const Schedule& schedule, const SopTemplate& tpl, const TodayWindow& window,
                       const std::vector<std::string>& tutor_ids = {});

// The tutors a manager leads (users whose managerId is `manager_id`), ordered by name then id.
std::vector<std::string> tutors_of_manager(const State& state, const std::string& manager_id);

}  // namespace wb

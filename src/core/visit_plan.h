#pragma once
// Follow-up visits [回访] of one tutor's roster for the calendar month of `now` (in the
// organisation's time zone):
//  - coverage: the template's monthly_followup_rate for the month (a visit recorded this month),
//    computed by compute_metric itself, so the view and the dashboard can never disagree;
//  - the plan: the roster spread evenly over the month's working days (Monday-Friday), each
//    student on one day, in a stable order (by name then id) so the plan does not move as visits
//    are recorded; today's list = planned today or earlier and not yet visited;
//  - the call log of the month, each call marked counted or not by the 3-minute rule
//    (counts_as_3min_call in metrics.h, the rule of call_3min_rate);
//  - "everyone once" before renewal: from the opening of the template's pre-renewal visit (the
//    sub-task measured by pre_renewal_followup_rate, anchored at the course's end) until the course
//    ends, the students without a visit since it opened.
#include <string>
#include <vector>

#include "core/sop_template.h"
#include "core/state.h"
#include "core/time_zone.h"

namespace wb {

struct PlannedVisit {
    std::string student_id;
    int day = 0;           // day of the month it is planned for
    bool visited = false;  // a visit recorded this month
};

struct LoggedCall {
    std::string event_id;
    std::string student_id;
    TimeMs at = 0;
    int duration_sec = 0;
    bool reached = false;
    bool counted = false;  // reached and at least 3 minutes
    std::string note;
};

struct VisitPlan {
    int year = 0, month = 0, today = 0;  // local calendar month and day of `now`
    TimeMs month_start = 0, month_end = 0;
    std::vector<int> working_days;        // days of the month, Monday-Friday
    std::vector<PlannedVisit> plan;       // whole roster, by planned day
    std::vector<PlannedVisit> today_list; // planned up to today, not visited; today's first, then overdue
    int roster = 0, visited = 0;          // = the metric's denominator and numerator
    bool has_target = false;
    double target = 0;                    // monthly_followup_rate's target (a fraction)
    int needed = 0;                       // visits still needed to reach the target (>= 0)
    std::vector<std::string> unvisited;   // the metric's `missing`
    std::vector<LoggedCall> calls;        // this month's calls to the roster, newest first
    // Everyone once before renewal.
    bool renewal_window = false;          // some student's pre-renewal window is open now
    TimeMs renewal_open = 0;              // earliest opening among the open windows
    std::vector<std::string> everyone_once;  // not visited since their window opened
};

// `zone` is the organisation's; `now` the wall clock. Pure: no I/O.
VisitPlan plan_visits(const State& state, const SopTemplate& tpl, const TimeZone& zone,
                      const std::string& tutor_id, TimeMs now);

// Working days (Monday-Friday) of a local month.
std::vector<int> working_days_of_month(int year, int month);

}  // namespace wb

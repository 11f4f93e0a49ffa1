#pragma once
// The data behind Today [今日待办]: the schedule of the signed-in person's tutors grouped by
// urgency (core/today.h), cached. Recomputed only when the workspace's data changed
// (data_version), the minute turned, or the scope (all tutors / one tutor / task filter) was
// changed — never per frame. The sidebar badge reads the same cache.
#include "core/today.h"

#include <string>
#include <vector>

namespace wb::app {

struct TodayTutor {
    std::string id;
    std::string name;
    int open = 0;
};

struct TodayModel {
    bool ready = false;          // false before data, or when the template cannot be used
    std::string error;           // why not (a developer message: template / zone problem)
    SopTemplate tpl;
    TimeZone zone;
    TodayBoard all;              // every tutor in scope: badge and per-tutor counts
    TodayBoard board;            // what the view lists: `all`, or one tutor's when one is picked
    std::vector<TodayTutor> tutors;  // manager / admin: the tutors to pick from (empty for a tutor)
    double compute_ms = 0;       // the last recomputation (schedule + grouping)
    int computations = 0;        // how many times it was recomputed (tests: never per frame)
};

// The model for the current data and minute. `tutor_id` "" = every tutor in scope.
const TodayModel& today_model(const std::string& tutor_id);
// The tutor the view currently shows ("" = all), kept across frames.
std::string& today_selected_tutor();

// Looks up template texts for a DueTask.
const Task* find_task(const SopTemplate& tpl, const std::string& task_id);
const SubTask* find_subtask(const Task& task, const std::string& subtask_id);

}  // namespace wb::app

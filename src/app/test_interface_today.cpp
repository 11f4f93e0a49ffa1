// Today's half of window.workbench.query (tests only): what the Today view shows, read from the
// same cached model the view and the sidebar badge draw. Completing an item is NOT offered
// here: tests click the real button (labels "完成#<instance id>", see views/today_row.cpp).
#include "core/enum_names.h"
#include "offline/workspace.h"
#include "test_queries.h"
#include "views/today_badge.h"
#include "views/today_model.h"
#include "views/today_text.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace wb::app {
namespace {

json item_json(const TodayModel& m, const DueTask& t) {
    json names = json::array();
    if (const State* state = workspace().view())
        for (const StudentName& n : today_item_students(*state, t, 4)) names.push_back(n.name);
    return {{"id", t.id}, {"studentNames", names}, {"taskId", t.task_id}, {"subtaskId", t.subtask_id}, {"title", today_item_title(m.tpl, t)}, {"tutorId", t.tutor_id},
            {"students", t.student_ids}, {"dueAt", t.due_at}, {"openAt", t.open_at}, {"status", to_string(t.status)}};
}

json list_json(const TodayModel& m, const std::vector<DueTask>& items) {
    json out = json::array();
    for (const DueTask& t : items) out.push_back(item_json(m, t));
    return out;
}

json state_json() {
    const TodayModel& m = today_model(today_selected_tutor());
    if (!m.ready) return {{"ready", false}, {"error", m.error}};
    json groups = json::object();
    for (int g = 0; g < kUrgencyCount; ++g)
        groups[enum_names(Urgency{})[size_t(g)]] = list_json(m, m.board.groups[size_t(g)]);
    json tasks = json::array();
    for (const TaskCount& c : m.board.tasks)
        tasks.push_back({{"id", c.task_id}, {"number", c.number}, {"title", template_text(c.title)}, {"open", c.open},
                         {"upcoming", c.upcoming}, {"doneToday", c.done_today}});
    json tutors = json::array();
    for (const TodayTutor& t : m.tutors) tutors.push_back({{"id", t.id}, {"name", t.name}, {"open", t.open}});
    return {{"ready", true},
            {"badge", badge_count(ViewId::Today)},
            {"open", m.board.open},
            {"selectedTutor", today_selected_tutor()},
            {"groups", groups},
            {"snoozed", list_json(m, m.board.snoozed)},
            {"doneToday", list_json(m, m.board.done_today)},
            {"tasks", tasks},
            {"tutors", tutors},
            {"now", m.board.window.now},
            {"endOfDay", m.board.window.end_of_day},
            {"computeMs", m.compute_ms},
            {"computations", m.computations}};
}

const bool registered = register_test_query("today.state", [](const json&) { return state_json(); });

}  // namespace
}  // namespace wb::app

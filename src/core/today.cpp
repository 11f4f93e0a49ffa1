#include "core/today.h"

#include <algorithm>

namespace wb {

TodayWindow today_window(TimeMs now, const TimeZone& zone, int upcoming_days)
{
    TodayWindow w;
    w.now = now;
    w.start_of_day = zone.local_day_at(now, 0, 0);
    w.end_of_day = zone.local_day_at(now, 1, 0);
    w.horizon_end = zone.local_day_at(now, 1 + std::max(0, upcoming_days), 0);
    return w;
}

ScheduleQuery today_schedule_query(const TodayWindow& window, const std::string& tutor_id)
{
    ScheduleQuery q;
    q.now = window.now;
    q.tutor_id = tutor_id;
    // Reminders are the server's business; Today only needs the instances.
    q.fired_after = window.now;
    q.horizon_ms = std::max<TimeMs>(0, window.horizon_end - window.now - 1);
    return q;
}

bool urgency_of(const DueTask& task, const TodayWindow& window, Urgency& out)
{
    switch (task.status) {
        case DueStatus::Overdue: out = Urgency::Overdue; return true;
        case DueStatus::Upcoming:
            if (task.open_at >= window.horizon_end) return false;
            out = Urgency::Upcoming;
            return true;
        case DueStatus::Open:
            if (task.due_at <= window.now + kSoonWindowMs) out = Urgency::Soon;
            else if (task.due_at < window.end_of_day) out = Urgency::LaterToday;
            else out = Urgency::Upcoming;
            return true;
        case DueStatus::Snoozed:
        case DueStatus::Done:
        case DueStatus::Closed: return false;
    }
    return false;
}

namespace {

std::vector<TaskCount> template_tasks(const SopTemplate& tpl)
{
    std::vector<TaskCount> out;
    for (const Task& t : tpl.tasks) {
        bool triggered = std::any_of(t.subtasks.begin(), t.subtasks.end(), [](const SubTask& s) { return s.trigger.has_value(); });
        if (triggered) out.push_back({t.id, t.number, t.title});
    }
    return out;
}

TaskCount* count_of(std::vector<TaskCount>& counts, const std::string& task_id)
{
    for (auto& c : counts)
        if (c.task_id == task_id) return &c;
    return nullptr;
}

bool is_open(Urgency u) { return u != Urgency::Upcoming; }

}  // namespace

TodayBoard group_today(const Schedule& schedule, const SopTemplate& tpl, const TodayWindow& window,
                       const std::vector<std::string>& tutor_ids)
{
    TodayBoard board;
    board.window = window;
    board.tasks = template_tasks(tpl);
    auto wanted = [&](const DueTask& t) {
        return tutor_ids.empty() || std::find(tutor_ids.begin(), tutor_ids.end(), t.tutor_id) != tutor_ids.end();
    };
    for (const DueTask& t : schedule.tasks) {
        Urgency u;
        const bool grouped = urgency_of(t, window, u);
        if (grouped && is_open(u)) ++board.open_by_tutor[t.tutor_id];
        if (!wanted(t)) continue;
        TaskCount* count = count_of(board.tasks, t.task_id);
        if (grouped) {
            board.groups[size_t(u)].push_back(t);
            if (count) ++(is_open(u) ? count->open : count->upcoming);
            if (is_open(u)) ++board.open;
        } else if (t.status == DueStatus::Snoozed) {
            board.snoozed.push_back(t);
        } else if (t.status == DueStatus::Done && t.done_at >= window.start_of_day) {
            board.done_today.push_back(t);
            if (count) ++count->done_today;
        }
    }
    // Upcoming mixes open instances (ordered by due) and ones not yet open: order by when they
    // need attention, the later of opening and now.
    auto& upcoming = board.groups[size_t(Urgency::Upcoming)];
    std::stable_sort(upcoming.begin(), upcoming.end(), [&](const DueTask& a, const DueTask& b) {
        return std::max(a.open_at, window.now) < std::max(b.open_at, window.now);
    });
    std::stable_sort(board.snoozed.begin(), board.snoozed.end(),
                     [](const DueTask& a, const DueTask& b) { return a.snoozed_until < b.snoozed_until; });
    std::stable_sort(board.done_today.begin(), board.done_today.end(),
                     [](const DueTask& a, const DueTask& b) { return a.done_at > b.done_at; });
    return board;
}

std::vector<std::string> tutors_of_manager(const State& state, const std::string& manager_id)
{
    std::vector<const User*> found;
    for (const auto& [id, u] : state.users)
        if (u.role == Role::Tutor && u.manager_id == manager_id) found.push_back(&u);
    std::sort(found.begin(), found.end(), [](const User* a, const User* b) {
        return a->name != b->name ? a->name < b->name : a->id < b->id;
    });
    std::vector<std::string> out;
    for (const User* u : found) out.push_back(u->id);
    return out;
}

}  // namespace wb

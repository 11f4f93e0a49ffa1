#include "core/metrics_tasks.h"

#include <set>

#include "core/schedule.h"

namespace wb {
namespace {

bool in_scope(const State& s, const MetricQuery& q, const std::string& tutor_id)
{
    if (!q.tutor_id.empty()) return tutor_id == q.tutor_id;
    if (q.manager_id.empty()) return true;
    auto it = s.users.find(tutor_id);
    return it != s.users.end() && it->second.manager_id == q.manager_id;
}

}  // namespace

bool task_completion_metric(const State& state, const SopTemplate& tpl, const std::string& id,
                            const MetricQuery& query, MetricValue& out)
{
    SopTemplate only;  // the sub-tasks measured by `id`, so the engine computes nothing else
    only.tasks = {};
    for (const auto& task : tpl.tasks) {
        Task copy = task;
        copy.subtasks.clear();
        for (const auto& sub : task.subtasks)
            for (const auto& m : sub.metrics)
                if (m.id == id && sub.trigger) copy.subtasks.push_back(sub);
        if (!copy.subtasks.empty()) only.tasks.push_back(copy);
    }
    if (only.tasks.empty()) return false;
    ScheduleQuery sq;
    sq.now = query.now;
    sq.include_closed = true;
    auto schedule = compute_schedule(state, only, sq);
    std::set<std::string> missing;
    for (const auto& d : schedule.tasks) {
        if (d.open_at < query.from || d.open_at >= query.to || d.open_at > query.now) continue;
        if (!in_scope(state, query, d.tutor_id)) continue;
        ++out.denominator;
        if (d.status == DueStatus::Done || d.status == DueStatus::Closed) ++out.numerator;
        else missing.insert(d.student_ids.begin(), d.student_ids.end());
    }
    out.measured = out.denominator > 0;
    out.value = out.measured ? double(out.numerator) / out.denominator : 0;
    out.missing.assign(missing.begin(), missing.end());
    return true;
}

}  // namespace wb

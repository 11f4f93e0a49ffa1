#include "core/dashboard.h"

#include <algorithm>
#include <map>

#include "core/class_lessons.h"

namespace wb {
namespace {

const std::string& pick(const Text& t, bool english) { return english && !t.en.empty() ? t.en : t.zh; }

// Where each metric is first named: goal, task or sub-task, as a path.
std::map<std::string, std::pair<Text, std::string>> metric_owners(const SopTemplate& tpl, bool english) {
    std::map<std::string, std::pair<Text, std::string>> out;
    auto note = [&](const std::vector<MetricRef>& refs, const Text& title, const std::string& path) {
        for (const MetricRef& m : refs) out.emplace(m.id, std::make_pair(title, path));
    };
    for (const Goal& g : tpl.goals) note(g.metrics, g.title, pick(g.title, english));
    for (const Task& t : tpl.tasks) {
        const std::string task = std::to_string(t.number) + " " + pick(t.title, english);
        note(t.metrics, t.title, task);
        for (const SubTask& s : t.subtasks) note(s.metrics, s.title, task + " › " + pick(s.title, english));
    }
    return out;
}

std::vector<TrendPoint> trend_points(const State& state, const std::string& course_id, TimeMs now, TimeMs end) {
    std::vector<const Lesson*> lessons;
    for (const auto& [id, l] : state.lessons)
        if (l.course_id == course_id && l.start <= now) lessons.push_back(&l);
    std::sort(lessons.begin(), lessons.end(), [](const Lesson* a, const Lesson* b) { return a->start < b->start; });
    std::vector<TrendPoint> points;
    for (size_t i = 0; i < lessons.size(); ++i)
        points.push_back({lessons[i]->number, lessons[i]->start, i + 1 < lessons.size() ? lessons[i + 1]->start : end});
    return points;
}

}  // namespace

Dashboard build_dashboard(const State& state, const SopTemplate& tpl, const MetricQuery& query,
                          const std::string& course_id, bool english) {
    Dashboard d;
    const auto owners = metric_owners(tpl, english);
    for (MetricValue& v : compute_metrics(state, tpl, query)) {
        DashboardMetric m;
        if (auto o = owners.find(v.id); o != owners.end()) m.owner = o->second.first, m.owner_path = o->second.second;
        if (v.has_target && v.measured) ++d.with_target, d.met += v.met;
        m.value = std::move(v);
        d.metrics.push_back(std::move(m));
    }
    if (course_id.empty()) return d;
    d.points = trend_points(state, course_id, query.now, query.to);
    for (const TrendPoint& p : d.points) {
        MetricQuery q = query;
        q.from = p.from;
        q.to = p.to;
        std::vector<MetricValue> values = compute_metrics(state, tpl, q);
        for (size_t i = 0; i < values.size() && i < d.metrics.size(); ++i) d.metrics[i].trend.push_back(std::move(values[i]));
    }
    return d;
}

std::string main_course(const State& state, const std::vector<std::string>& class_ids) {
    std::map<std::string, int> students;
    for (const std::string& c : class_ids) {
        auto cls = state.classes.find(c);
        if (cls != state.classes.end()) students[cls->second.course_id] += static_cast<int>(class_student_ids(state, c).size());
    }
    std::string best;
    int most = -1;
    for (const auto& [course, n] : students)
        if (n > most) best = course, most = n;
    return best;
}

}  // namespace wb

#include "core/visit_plan.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/conditions.h"
#include "core/metrics.h"
#include "core/schedule.h"

namespace wb {
namespace {

struct RosterEntry {
    const Student* student;
    const TutoringClass* cls;
};

bool refunded_by(const std::vector<const Event*>& events, TimeMs t)
{
    return std::any_of(events.begin(), events.end(), [t](const Event* e) {
        return e->kind == EventKind::RefundDecision && e->value == "refund" && e->at <= t;
    });
}

// The tutor's active students (enrolled by now, not refunded), each once, by name then id.
std::vector<RosterEntry> active_roster(const State& s, const EventHistory& history, const std::string& tutor_id, TimeMs now)
{
    std::vector<RosterEntry> out;
    std::set<std::string> seen;
    for (const auto& [_, e] : s.enrolments) {
        auto c = s.classes.find(e.class_id);
        auto st = s.students.find(e.student_id);
        if (c == s.classes.end() || st == s.students.end() || c->second.tutor_id != tutor_id) continue;
        if (e.enrolled_at > now || !seen.insert(e.student_id).second) continue;
        if (refunded_by(history.of(e.student_id), now)) continue;
        out.push_back({&st->second, &c->second});
    }
    std::sort(out.begin(), out.end(), [](const RosterEntry& a, const RosterEntry& b) {
        return a.student->name != b.student->name ? a.student->name < b.student->name : a.student->id < b.student->id;
    });
    return out;
}

// The month's monthly_followup_rate target from the template, if it names one.
const MetricRef* find_metric(const SopTemplate& tpl, const std::string& id)
{
    for (const Goal& g : tpl.goals)
        for (const MetricRef& m : g.metrics)
            if (m.id == id) return &m;
    for (const Task& t : tpl.tasks) {
        for (const MetricRef& m : t.metrics)
            if (m.id == id) return &m;
        for (const SubTask& st : t.subtasks)
            for (const MetricRef& m : st.metrics)
                if (m.id == id) return &m;
    }
    return nullptr;
}

const Trigger* pre_renewal_trigger(const SopTemplate& tpl)
{
    for (const Task& t : tpl.tasks)
        for (const SubTask& st : t.subtasks) {
            if (!st.trigger || st.trigger->anchor != Anchor::CourseEnd) continue;
            for (const MetricRef& m : st.metrics)
                if (m.id == "pre_renewal_followup_rate") return &*st.trigger;
        }
    return nullptr;
}

TimeMs course_end(const State& s, const std::string& course_id)
{
    TimeMs end = 0;
    for (const auto& [_, l] : s.lessons)
        if (l.course_id == course_id) end = std::max(end, l.end);
    return end;
}

std::vector<LoggedCall> month_calls(const std::vector<RosterEntry>& roster, const EventHistory& history, TimeMs from, TimeMs to)
{
    std::vector<LoggedCall> calls;
    for (const RosterEntry& r : roster)
        for (const Event* e : history.of(r.student->id)) {
            if (e->kind != EventKind::Call || e->at < from || e->at >= to) continue;
            calls.push_back({e->id, e->student_id, e->at, e->duration_sec, e->value == "reached", counts_as_3min_call(*e), e->text});
        }
    std::sort(calls.begin(), calls.end(), [](const LoggedCall& a, const LoggedCall& b) {
        return a.at != b.at ? a.at > b.at : a.event_id > b.event_id;
    });
    return calls;
}

void fill_everyone_once(VisitPlan& p, const State& s, const SopTemplate& tpl, const TimeZone& zone,
                        const std::vector<RosterEntry>& roster, const EventHistory& history, TimeMs now)
{
    const Trigger* trigger = pre_renewal_trigger(tpl);
    if (!trigger) return;
    std::map<std::string, std::pair<TimeMs, TimeMs>> window;  // course -> [open, end)
    for (const RosterEntry& r : roster) {
        const std::string& course = r.cls->course_id;
        if (!window.count(course)) {
            TimeMs end = course_end(s, course);
            window[course] = {end ? resolve_offset(trigger->offset, end, zone) : 0, end};
        }
        // Not a structured binding: C++17 lambdas cannot capture those (clang refuses, g++ allows).
        const TimeMs open = window[course].first, end = window[course].second;
        if (!end || now < open || now >= end) continue;
        p.renewal_window = true;
        if (!p.renewal_open || open < p.renewal_open) p.renewal_open = open;
        const auto& ev = history.of(r.student->id);
        bool visited = std::any_of(ev.begin(), ev.end(), [open](const Event* e) { return e->kind == EventKind::Visit && e->at >= open; });
        if (!visited) p.everyone_once.push_back(r.student->id);
    }
}

}  // namespace

std::vector<int> working_days_of_month(int year, int month)
{
    std::vector<int> days;
    const int64_t first = days_from_civil(year, month, 1);
    const int64_t next = month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
    for (int64_t d = first; d < next; ++d) {
        int weekday = int(((d % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
        if (weekday != 0 && weekday != 6) days.push_back(int(d - first) + 1);
    }
    return days;
}

VisitPlan plan_visits(const State& state, const SopTemplate& tpl, const TimeZone& zone, const std::string& tutor_id, TimeMs now)
{
    VisitPlan p;
    const LocalDateTime local = zone.to_local(now);
    p.year = local.year;
    p.month = local.month;
    p.today = local.day;
    p.month_start = zone.to_utc({local.year, local.month, 1, 0, 0, 0, 0});
    p.month_end = zone.to_utc({local.month == 12 ? local.year + 1 : local.year, local.month == 12 ? 1 : local.month + 1, 1, 0, 0, 0, 0});
    p.working_days = working_days_of_month(p.year, p.month);

    MetricQuery q;
    q.from = p.month_start;
    q.to = p.month_end;
    q.now = now;
    q.tutor_id = tutor_id;
    const MetricValue coverage = compute_metric(state, "monthly_followup_rate", q);
    p.roster = coverage.denominator;
    p.visited = coverage.numerator;
    p.unvisited = coverage.missing;
    if (const MetricRef* m = find_metric(tpl, "monthly_followup_rate")) {
        p.has_target = true;
        p.target = m->target.value;
        p.needed = std::max(0, int(std::ceil(p.target * p.roster - 1e-9)) - p.visited);
    }

    const EventHistory history(state, now);
    const std::vector<RosterEntry> roster = active_roster(state, history, tutor_id, now);
    const std::set<std::string> unvisited(p.unvisited.begin(), p.unvisited.end());
    const size_t n = roster.size(), w = p.working_days.size();
    for (size_t i = 0; i < n; ++i) {
        PlannedVisit v{roster[i].student->id, w ? p.working_days[i * w / n] : 1, !unvisited.count(roster[i].student->id)};
        p.plan.push_back(v);
        if (!v.visited && v.day <= p.today) p.today_list.push_back(v);
    }
    std::stable_sort(p.today_list.begin(), p.today_list.end(), [](const PlannedVisit& a, const PlannedVisit& b) { return a.day > b.day; });
    p.calls = month_calls(roster, history, p.month_start, p.month_end);
    fill_everyone_once(p, state, tpl, zone, roster, history, now);
    return p;
}

}  // namespace wb

#include "core/metrics.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/conditions.h"
#include "core/metrics_tasks.h"

namespace wb {
namespace {

using Events = std::vector<const Event*>;

struct MetricScope {
    const State& state;
    const MetricQuery& q;
    EventHistory history;
    std::vector<const Student*> students;             // enrolled in the scope's classes
    std::map<std::string, const Enrolment*> enrolment;  // by student
    std::vector<const Lesson*> lessons;               // of those classes' courses, started in the period, ended by now
    std::set<std::string> tutors;

    bool in_period(TimeMs t) const { return t >= q.from && t < q.to; }
    // Active at `t`: enrolled before and not refunded before.
    bool active_at(const Student* s, TimeMs t) const
    {
        const Enrolment* e = enrolment.at(s->id);
        if (e->enrolled_at > t) return false;
        for (const Event* ev : history.of(s->id))
            if (ev->kind == EventKind::RefundDecision && ev->value == "refund" && ev->at <= t) return false;
        return true;
    }
};

bool tutor_in_scope(const State& s, const MetricQuery& q, const std::string& tutor_id)
{
    if (!q.tutor_id.empty()) return tutor_id == q.tutor_id;
    if (q.manager_id.empty()) return true;
    auto it = s.users.find(tutor_id);
    return it != s.users.end() && it->second.manager_id == q.manager_id;
}

MetricScope make_scope(const State& s, const MetricQuery& q)
{
    MetricScope sc{s, q, EventHistory(s, q.now), {}, {}, {}, {}};
    std::set<std::string> courses, classes;
    for (const auto& [id, c] : s.classes) {
        if (!tutor_in_scope(s, q, c.tutor_id)) continue;
        classes.insert(id);
        courses.insert(c.course_id);
        sc.tutors.insert(c.tutor_id);
    }
    for (const auto& [_, e] : s.enrolments) {
        auto st = s.students.find(e.student_id);
        if (!classes.count(e.class_id) || st == s.students.end() || sc.enrolment.count(e.student_id)) continue;
        sc.students.push_back(&st->second);
        sc.enrolment[e.student_id] = &e;
    }
    for (const auto& [_, l] : s.lessons)
        if (courses.count(l.course_id) && sc.in_period(l.start) && l.end <= q.now) sc.lessons.push_back(&l);
    std::sort(sc.lessons.begin(), sc.lessons.end(), [](const Lesson* a, const Lesson* b) { return a->start < b->start; });
    return sc;
}

// Accumulates a rate and the students missing from it.
struct Tally {
    MetricValue v;
    std::set<std::string> missing;
    void add(const std::string& student, bool counted)
    {
        ++v.denominator;
        if (counted) ++v.numerator;
        else missing.insert(student);
    }
    MetricValue done()
    {
        v.measured = v.denominator > 0;
        v.value = v.measured ? double(v.numerator) / v.denominator : 0;
        v.missing.assign(missing.begin(), missing.end());
        return v;
    }
};

bool any(const Events& ev, const std::function<bool(const Event&)>& pred)
{
    return std::any_of(ev.begin(), ev.end(), [&](const Event* e) { return pred(*e); });
}

bool is_contact(const Event& e) { return e.kind == EventKind::Call || e.kind == EventKind::MessageSent || e.kind == EventKind::Visit; }
bool is_lesson_entry(const Event& e) { return e.kind == EventKind::ClassEntry && e.value != "extra"; }

// A student-level rate: per student active at the period's end (or now), does `pred` hold?
MetricValue per_student(const MetricScope& sc, const std::function<bool(const Events&)>& pred)
{
    Tally t;
    TimeMs at = std::min(sc.q.to, sc.q.now);
    for (const Student* s : sc.students)
        if (sc.active_at(s, at)) t.add(s->id, pred(sc.history.of(s->id)));
    return t.done();
}

// A rate over lesson seats: each (lesson in period, student active at its start).
MetricValue per_seat(const MetricScope& sc, const std::function<bool(const Events&, const Lesson&)>& pred)
{
    Tally t;
    for (const Lesson* l : sc.lessons)
        for (const Student* s : sc.students)
            if (sc.active_at(s, l->start)) t.add(s->id, pred(sc.history.of(s->id), *l));
    return t.done();
}

// A rate over events of one kind in the period: does `pred` hold for each?
MetricValue per_event(const MetricScope& sc, EventKind kind, const std::string& value,
                      const std::function<bool(const Events&, const Event&)>& pred)
{
    Tally t;
    for (const Student* s : sc.students) {
        const Events& ev = sc.history.of(s->id);
        for (const Event* e : ev)
            if (e->kind == kind && (value.empty() || e->value == value) && sc.in_period(e->at)) t.add(s->id, pred(ev, *e));
    }
    return t.done();
}

}  // namespace

bool counts_as_3min_call(const Event& e)
{
    return e.kind == EventKind::Call && e.value == "reached" && e.duration_sec >= 180;
}

namespace {

using MetricFn = std::function<MetricValue(const MetricScope&)>;

bool reached_call(const Event& e, int min_sec)
{
    return e.kind == EventKind::Call && e.value == "reached" && e.duration_sec >= min_sec;
}

bool has_kind(const Events& ev, EventKind k) { return any(ev, [k](const Event& e) { return e.kind == k; }); }

bool after_within(const Events& ev, const Event& start, TimeMs window, const std::function<bool(const Event&)>& pred)
{
    return any(ev, [&](const Event& e) { return e.at >= start.at && e.at <= start.at + window && pred(e); });
}

MetricValue students_per_tutor(const MetricScope& sc)
{
    MetricValue v;
    TimeMs at = std::min(sc.q.to, sc.q.now);
    for (const Student* s : sc.students) v.numerator += sc.active_at(s, at);
    v.denominator = int(sc.tutors.size());
    v.measured = v.denominator > 0;
    v.value = v.measured ? double(v.numerator) / v.denominator : 0;
    return v;
}

MetricValue count_per_student(const MetricScope& sc, EventKind kind, const std::string& value)
{
    MetricValue v = per_student(sc, [](const Events&) { return true; });
    v.numerator = 0;
    for (const Student* s : sc.students)
        for (const Event* e : sc.history.of(s->id))
            v.numerator += e->kind == kind && e->value == value && sc.in_period(e->at);
    v.value = v.measured ? double(v.numerator) / v.denominator : 0;
    v.missing.clear();
    return v;
}

MetricValue renewal_among(const MetricScope& sc, const char* step, const char* among)
{
    Tally t;
    TimeMs at = std::min(sc.q.to, sc.q.now);
    auto has_step = [](const Events& ev, const char* s) {
        return any(ev, [s](const Event& e) { return e.kind == EventKind::RenewalStep && e.value == s; });
    };
    for (const Student* s : sc.students) {
        const Events& ev = sc.history.of(s->id);
        if (!sc.active_at(s, at) || (among && !has_step(ev, among))) continue;
        t.add(s->id, has_step(ev, step));
    }
    return t.done();
}

// Complaints from the scope's students in the period: the value is their number (a count whose
// target is usually "<= 0"), `missing` lists the students who complained so someone follows up.
MetricValue complaint_count(const MetricScope& sc)
{
    MetricValue v;
    std::set<std::string> who;
    TimeMs at = std::min(sc.q.to, sc.q.now);
    for (const Student* s : sc.students) {
        v.denominator += sc.active_at(s, at);
        for (const Event* e : sc.history.of(s->id)) {
            if (e->kind != EventKind::Complaint || !sc.in_period(e->at)) continue;
            ++v.numerator;
            who.insert(s->id);
        }
    }
    v.measured = v.denominator > 0;
    v.value = v.numerator;
    v.missing.assign(who.begin(), who.end());
    return v;
}

const std::map<std::string, MetricFn>& definitions()
{
    static const std::map<std::string, MetricFn> table{
        {"students_per_tutor", students_per_tutor},
        {"complaint_count", complaint_count},
        {"home_visit_rate", [](const MetricScope& sc) { return per_student(sc, [](const Events& ev) {
             return any(ev, [](const Event& e) { return reached_call(e, 1); }) && has_kind(ev, EventKind::MaterialMailed) &&
                    has_kind(ev, EventKind::WechatAdded); }); }},
        {"phone_reach_rate", [](const MetricScope& sc) { return per_student(sc, [](const Events& ev) {
             return any(ev, [](const Event& e) { return reached_call(e, 1); }); }); }},
        {"call_3min_rate", [](const MetricScope& sc) { return per_student(sc, [](const Events& ev) {
             return any(ev, [](const Event& e) { return counts_as_3min_call(e); }); }); }},
        {"material_mailing_rate", [](const MetricScope& sc) { return per_student(sc, [](const Events& ev) {
             return has_kind(ev, EventKind::MaterialMailed); }); }},
        {"wechat_added_rate", [](const MetricScope& sc) { return per_student(sc, [](const Events& ev) {
             return has_kind(ev, EventKind::WechatAdded); }); }},
        {"attendance_rate", [](const MetricScope& sc) { return per_seat(sc, [](const Events& ev, const Lesson& l) {
             return any(ev, [&](const Event& e) { return is_lesson_entry(e) && e.lesson_id == l.id; }); }); }},
        {"class_completion_rate", [](const MetricScope& sc) { return per_seat(sc, [](const Events& ev, const Lesson& l) {
             return any(ev, [&](const Event& e) { return is_lesson_entry(e) && e.lesson_id == l.id; }) &&
                    !any(ev, [&](const Event& e) { return e.kind == EventKind::ClassDropOut && e.lesson_id == l.id; }); }); }},
        {"homework_submission_48h_rate", [](const MetricScope& sc) { return per_seat(sc, [](const Events& ev, const Lesson& l) {
             return any(ev, [&](const Event& e) { return e.kind == EventKind::HomeworkSubmitted && e.lesson_id == l.id && e.at <= l.end + 48 * kHourMs; }); }); }},
        {"extra_session_attendance_rate", [](const MetricScope& sc) { return per_seat(sc, [](const Events& ev, const Lesson& l) {
             return any(ev, [&](const Event& e) { return e.kind == EventKind::ClassEntry && e.value == "extra" && e.lesson_id == l.id; }); }); }},
        {"dropout_followup_5min_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::ClassDropOut, "", [](const Events& ev, const Event& d) {
             return after_within(ev, d, 5 * kMinuteMs, is_contact); }); }},
        {"grading_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::HomeworkSubmitted, "", [](const Events& ev, const Event& h) {
             return any(ev, [&](const Event& e) { return e.kind == EventKind::Grade && e.lesson_id == h.lesson_id; }); }); }},
        {"feedback_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::Grade, "", [](const Events& ev, const Event& g) {
             return any(ev, [&](const Event& e) { return e.kind == EventKind::FeedbackSent && e.lesson_id == g.lesson_id; }); }); }},
        {"correction_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::Grade, "B", [](const Events& ev, const Event& g) {
             return any(ev, [&](const Event& e) { return e.kind == EventKind::Correction && e.lesson_id == g.lesson_id; }); }); }},
        {"b_grade_1on1_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::Grade, "B", [](const Events& ev, const Event& g) {
             return after_within(ev, g, 48 * kHourMs, [](const Event& e) { return e.kind == EventKind::Call || e.kind == EventKind::Visit; }); }); }},
        {"monthly_followup_rate", [](const MetricScope& sc) { return per_student(sc, [&sc](const Events& ev) {
             return any(ev, [&](const Event& e) { return e.kind == EventKind::Visit && sc.in_period(e.at); }); }); }},
        {"refund_rate", [](const MetricScope& sc) { MetricValue v = per_event(sc, EventKind::RefundDecision, "refund", [](const Events&, const Event&) { return true; });
             Tally t;
             for (const Student* s : sc.students) t.add(s->id, true);
             t.v.numerator = v.numerator;
             MetricValue r = t.done();
             r.missing.clear();
             return r; }},
        {"complaint_followup_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::Complaint, "", [](const Events& ev, const Event& c) {
             return after_within(ev, c, 24 * kHourMs, is_contact); }); }},
        {"rescue_success_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::RefundDecision, "", [](const Events&, const Event& d) {
             return d.value == "retain"; }); }},
        {"pre_attendance_reply_rate", [](const MetricScope& sc) { return per_event(sc, EventKind::MessageSent, "survey.pre_attendance", [](const Events& ev, const Event& m) {
             return after_within(ev, m, 8 * kHourMs, [&](const Event& e) { return e.kind == EventKind::Reply && e.ref_id == m.id; }); }); }},
        {"warmup_push_count", [](const MetricScope& sc) { return count_per_student(sc, EventKind::RenewalStep, "warmup"); }},
        {"reservation_rate", [](const MetricScope& sc) { return renewal_among(sc, "reservation", nullptr); }},
        {"order_rate", [](const MetricScope& sc) { return renewal_among(sc, "order", "reservation"); }},
        {"renewal_rate", [](const MetricScope& sc) { return renewal_among(sc, "order", nullptr); }},
    };
    return table;
}

std::string not_measured_key() { return "metric.explain.not_measured"; }
std::string task_completion_key() { return "metric.explain.task_instances"; }

Phrase explain(const MetricValue& v, std::string key)
{
    return {std::move(key), {{"numerator", std::to_string(v.numerator)}, {"denominator", std::to_string(v.denominator)}}};
}

}  // namespace

const Target* template_target(const SopTemplate& tpl, const std::string& id)
{
    auto scan = [&](const std::vector<MetricRef>& refs) -> const Target* {
        for (const auto& m : refs)
            if (m.id == id) return &m.target;
        return nullptr;
    };
    for (const auto& g : tpl.goals)
        if (auto t = scan(g.metrics)) return t;
    for (const auto& task : tpl.tasks) {
        if (auto t = scan(task.metrics)) return t;
        for (const auto& sub : task.subtasks)
            if (auto t = scan(sub.metrics)) return t;
    }
    return nullptr;
}

MetricValue compute_metric(const State& state, const std::string& id, const MetricQuery& query)
{
    MetricScope sc = make_scope(state, query);
    auto it = definitions().find(id);
    MetricValue v;
    if (it != definitions().end()) v = it->second(sc);
    v.id = id;
    v.explanation = explain(v, it != definitions().end() ? "metric.explain." + id : not_measured_key());
    return v;
}

std::vector<MetricValue> compute_metrics(const State& state, const SopTemplate& tpl, const MetricQuery& query)
{
    std::vector<std::string> ids;
    auto collect = [&](const std::vector<MetricRef>& refs) {
        for (const auto& m : refs)
            if (std::find(ids.begin(), ids.end(), m.id) == ids.end()) ids.push_back(m.id);
    };
    for (const auto& g : tpl.goals) collect(g.metrics);
    for (const auto& task : tpl.tasks) {
        collect(task.metrics);
        for (const auto& sub : task.subtasks) collect(sub.metrics);
    }
    MetricScope sc = make_scope(state, query);
    std::vector<MetricValue> out;
    for (const auto& id : ids) {
        auto it = definitions().find(id);
        MetricValue v;
        std::string key = not_measured_key();
        if (it != definitions().end()) {
            v = it->second(sc);
            key = "metric.explain." + id;
        } else if (task_completion_metric(state, tpl, id, query, v)) {
            key = task_completion_key();
        }
        v.id = id;
        v.explanation = explain(v, key);
        if (const Target* t = template_target(tpl, id)) {
            v.has_target = true;
            v.target = *t;
            v.met = v.measured && target_met(*t, v.value);
        }
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::string> metric_explanation_keys()
{
    std::vector<std::string> keys;
    for (const auto& [id, _] : definitions()) keys.push_back("metric.explain." + id);
    keys.push_back(task_completion_key());
    keys.push_back(not_measured_key());
    return keys;
}

}  // namespace wb

#include "core/refund_risk.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/conditions.h"
#include "core/event_rules.h"

namespace wb {
namespace {

using Events = std::vector<const Event*>;

bool has(const Events& ev, EventKind kind, const std::string& lesson, TimeMs by, const char* value = nullptr)
{
    return std::any_of(ev.begin(), ev.end(), [&](const Event* e) {
        return e->kind == kind && e->lesson_id == lesson && e->at <= by && (!value || e->value == value);
    });
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// How little the student took part in their last few marked lessons: the interaction marks of
// the lecturer or tutor (the latest per lesson), highlight 0, active 0.25, quiet 0.75, lowlight 1.
// Lessons the student missed have no mark, so this looks past them to the last lessons attended.
struct InteractionShortfall {
    double sum = 0;
    int marked = 0;
    int low = 0;  // quiet or lowlight
};
InteractionShortfall recent_interaction(const State& s, const Events& ev)
{
    std::map<std::string, double> by_lesson;
    for (const Event* e : ev) {
        if (e->kind != EventKind::Interaction) continue;
        by_lesson[e->lesson_id] = e->value == "highlight" ? 0 : e->value == "active" ? 0.25 : e->value == "quiet" ? 0.75 : 1;
    }
    std::vector<std::pair<TimeMs, double>> marks;  // by lesson start
    for (const auto& [lesson, score] : by_lesson) {
        auto l = s.lessons.find(lesson);
        marks.push_back({l == s.lessons.end() ? 0 : l->second.start, score});
    }
    std::sort(marks.begin(), marks.end());
    InteractionShortfall out;
    for (size_t i = marks.size() > size_t(kRiskRecentLessons) ? marks.size() - kRiskRecentLessons : 0; i < marks.size(); ++i) {
        out.sum += marks[i].second;
        ++out.marked;
        out.low += marks[i].second >= 0.75;
    }
    return out;
}

// What the features were computed from, so that a reason can say "3 of the last 3 lessons".
struct Observation {
    std::vector<double> x;       // see risk_feature_names()
    std::vector<int> count;      // per feature: lessons (or surveys) that fell short
    std::vector<int> out_of;     // per feature: lessons (or surveys) considered
};

Observation observe(const State& s, const RiskLessons& index, const Events& all, const std::string& student_id, TimeMs at)
{
    Events ev;
    for (const Event* e : all)
        if (e->at <= at) ev.push_back(e);
    auto lessons = index.recent(student_id, at);
    int n = int(lessons.size());
    int absent = 0, left = 0, no_homework = 0, b = 0, unviewed = 0, surveys = 0, replies = 0;
    for (const Lesson* l : lessons) {
        bool in = std::any_of(ev.begin(), ev.end(), [&](const Event* e) {
            return e->kind == EventKind::ClassEntry && e->lesson_id == l->id && e->value != "extra";
        });
        absent += !in;
        left += !(in && !has(ev, EventKind::ClassDropOut, l->id, at));
        no_homework += !has(ev, EventKind::HomeworkSubmitted, l->id, at);
        b += has(ev, EventKind::Grade, l->id, at, "B");
        unviewed += !has(ev, EventKind::FeedbackViewed, l->id, at);
    }
    for (const Event* e : ev) {
        surveys += e->kind == EventKind::MessageSent && e->value == "survey.pre_attendance";
        replies += e->kind == EventKind::Reply;
    }
    int unanswered = std::max(0, surveys - replies);
    auto interaction = recent_interaction(s, ev);
    double d = std::max(1, n);
    Observation o;
    // Shortfalls, so that a larger value means more risk for every feature. A student without any
    // interaction mark counts as taking part an ordinary amount (0.5).
    o.x = {absent / d, left / d, no_homework / d, b / d, surveys > 0 ? double(unanswered) / surveys : 0, unviewed / d,
           interaction.marked > 0 ? interaction.sum / interaction.marked : 0.5};
    o.count = {absent, left, no_homework, b, unanswered, unviewed, interaction.low};
    o.out_of = {n, n, n, n, surveys, n, interaction.marked};
    return o;
}

Events student_events(const State& s, const std::string& student_id)
{
    auto retracted = retracted_events(s);
    Events ev;
    for (const auto& e : s.events)
        if (e.student_id == student_id && e.kind != EventKind::Retraction && !retracted.count(e.id)) ev.push_back(&e);
    return ev;
}

// Per feature: its name and the key of the reason it gives (values "count" and "total").
struct FeatureInfo {
    const char* name;
    const char* reason_key;
};
const std::vector<FeatureInfo>& features()
{
    static const std::vector<FeatureInfo> f{
        {"attendance", "risk.reason.absent_lessons"},
        {"completion", "risk.reason.not_completed"},
        {"homework", "risk.reason.homework_missing"},
        {"b_grades", "risk.reason.b_grades"},
        {"replies", "risk.reason.survey_unanswered"},
        {"feedback_viewed", "risk.reason.feedback_unviewed"},
        {"interaction", "risk.reason.low_interaction"},
    };
    return f;
}

}  // namespace

RiskLessons::RiskLessons(const State& s)
{
    // The course of the student's last enrolment (by id) whose class exists.
    for (const auto& [_, e] : s.enrolments) {
        auto cls = s.classes.find(e.class_id);
        if (cls != s.classes.end()) course_of_[e.student_id] = cls->second.course_id;
    }
    for (const auto& [_, l] : s.lessons) by_course_[l.course_id].push_back(&l);
    for (auto& [_, list] : by_course_)
        std::stable_sort(list.begin(), list.end(), [](const Lesson* a, const Lesson* b) { return a->start < b->start; });
}

std::vector<const Lesson*> RiskLessons::recent(const std::string& student_id, TimeMs at) const
{
    std::vector<const Lesson*> out;
    auto course = course_of_.find(student_id);
    // A student without an enrolment matches the lessons of no course (an empty course id).
    auto lessons = by_course_.find(course == course_of_.end() ? std::string() : course->second);
    if (lessons == by_course_.end()) return out;
    for (const Lesson* l : lessons->second)
        if (l->end <= at) out.push_back(l);
    if (out.size() > size_t(kRiskRecentLessons)) out.erase(out.begin(), out.end() - kRiskRecentLessons);
    return out;
}

const std::vector<std::string>& risk_feature_names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& f : features()) out.push_back(f.name);
        return out;
    }();
    return names;
}

const std::vector<std::string>& risk_reason_keys()
{
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& f : features()) out.push_back(f.reason_key);
        return out;
    }();
    return keys;
}

std::vector<double> risk_features(const State& s, const std::string& student_id, TimeMs at)
{
    return observe(s, RiskLessons(s), student_events(s, student_id), student_id, at).x;
}

std::vector<RiskExample> risk_examples(const State& s, TimeMs now, TimeMs horizon)
{
    std::vector<RiskExample> out;
    EventHistory history(s, now);
    std::map<std::string, TimeMs> first_request;
    auto retracted = retracted_events(s, now);
    for (const auto& e : s.events)
        if (e.kind == EventKind::RefundRequested && e.at <= now && !retracted.count(e.id) && !first_request.count(e.student_id))
            first_request[e.student_id] = e.at;
    RiskLessons index(s);
    // Per course, its enrolments (in enrolment id order), so each lesson visits only its own.
    std::map<std::string, std::vector<const Enrolment*>> enrolled;
    for (const auto& [_, en] : s.enrolments) {
        auto cls = s.classes.find(en.class_id);
        if (cls != s.classes.end()) enrolled[cls->second.course_id].push_back(&en);
    }
    for (const auto& [_, l] : s.lessons) {
        if (l.number < 2 || l.end + horizon > now) continue;
        auto course = enrolled.find(l.course_id);
        if (course == enrolled.end()) continue;
        for (const Enrolment* en : course->second) {
            if (en->enrolled_at > l.end) continue;
            auto req = first_request.find(en->student_id);
            if (req != first_request.end() && req->second <= l.end) continue;  // already asked
            bool label = req != first_request.end() && req->second <= l.end + horizon;
            out.push_back({en->student_id, l.end, observe(s, index, history.of(en->student_id), en->student_id, l.end).x, label});
        }
    }
    return out;
}

RiskModel fit_risk_model(const std::vector<RiskExample>& ex, int iterations, double rate)
{
    size_t k = risk_feature_names().size();
    RiskModel m;
    m.weights.assign(k, 0);
    m.mean.assign(k, 0);
    m.scale.assign(k, 1);
    if (ex.empty()) return m;
    for (size_t j = 0; j < k; ++j) {
        double sum = 0, sq = 0;
        for (const auto& e : ex) sum += e.x[j];
        m.mean[j] = sum / ex.size();
        for (const auto& e : ex) sq += (e.x[j] - m.mean[j]) * (e.x[j] - m.mean[j]);
        m.scale[j] = std::sqrt(sq / ex.size()) > 1e-9 ? std::sqrt(sq / ex.size()) : 1;
    }
    double positives = 0;
    for (const auto& e : ex) positives += e.refund_requested;
    double w_pos = positives > 0 ? (ex.size() - positives) / positives : 1;  // balance the classes
    for (int it = 0; it < iterations; ++it) {
        std::vector<double> grad(k, 0);
        double grad_b = 0, total = 0;
        for (const auto& e : ex) {
            double z = m.bias;
            for (size_t j = 0; j < k; ++j) z += m.weights[j] * (e.x[j] - m.mean[j]) / m.scale[j];
            double w = e.refund_requested ? w_pos : 1;
            double err = w * (sigmoid(z) - (e.refund_requested ? 1 : 0));
            for (size_t j = 0; j < k; ++j) grad[j] += err * (e.x[j] - m.mean[j]) / m.scale[j];
            grad_b += err;
            total += w;
        }
        for (size_t j = 0; j < k; ++j) m.weights[j] -= rate * (grad[j] / total + 0.001 * m.weights[j]);
        m.bias -= rate * grad_b / total;
    }
    return m;
}

double risk_probability(const RiskModel& m, const std::vector<double>& x)
{
    double z = m.bias;
    for (size_t j = 0; j < m.weights.size() && j < x.size(); ++j) z += m.weights[j] * (x[j] - m.mean[j]) / m.scale[j];
    return sigmoid(z);
}

namespace {

RiskLevel level_of(const RiskModel& m, double p)
{
    return p >= m.high_at ? RiskLevel::High : p >= m.medium_at ? RiskLevel::Medium : RiskLevel::Low;
}

}  // namespace

RiskAssessment assess_risk(const State& state, const RiskModel& m, const std::string& student_id, TimeMs now)
{
    return assess_risk(state, m, student_id, student_events(state, student_id), now);
}

RiskAssessment assess_risk(const State& state, const RiskModel& m, const std::string& student_id,
                           const std::vector<const Event*>& history, TimeMs now)
{
    return assess_risk(state, m, RiskLessons(state), student_id, history, now);
}

RiskAssessment assess_risk(const State& state, const RiskModel& m, const RiskLessons& lessons,
                           const std::string& student_id, const std::vector<const Event*>& history, TimeMs now)
{
    RiskAssessment a;
    a.student_id = student_id;
    auto o = observe(state, lessons, history, student_id, now);
    a.probability = risk_probability(m, o.x);
    a.level = level_of(m, a.probability);
    // Reasons: the features above the average student that push the risk up the most.
    std::vector<std::pair<double, size_t>> push;
    for (size_t j = 0; j < m.weights.size() && j < o.x.size(); ++j) {
        double c = m.weights[j] * (o.x[j] - m.mean[j]) / m.scale[j];
        if (m.weights[j] > 0 && c > 0.05 && o.count[j] > 0) push.push_back({c, j});
    }
    std::sort(push.begin(), push.end(), [](const auto& p, const auto& q) { return p.first > q.first; });
    for (size_t i = 0; i < push.size() && i < 3; ++i) {
        size_t j = push[i].second;
        a.reasons.push_back({features()[j].reason_key,
                             {{"count", std::to_string(o.count[j])}, {"total", std::to_string(o.out_of[j])}}});
    }
    return a;
}

RiskEvaluation evaluate_risk(const RiskModel& m, const std::vector<RiskExample>& ex)
{
    RiskEvaluation r;
    for (const auto& e : ex) {
        bool predicted = level_of(m, risk_probability(m, e.x)) != RiskLevel::Low;
        if (predicted && e.refund_requested) ++r.true_positive;
        else if (predicted) ++r.false_positive;
        else if (e.refund_requested) ++r.false_negative;
        else ++r.true_negative;
    }
    return r;
}

bool held_back(const std::string& student_id, int percent)
{
    uint32_t h = 2166136261u;
    for (unsigned char c : student_id) h = (h ^ c) * 16777619u;
    return int(h % 100) < percent;
}

}  // namespace wb

#include "core/refund_risk.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/conditions.h"

namespace wb {
namespace {

using Events = std::vector<const Event*>;

// Lessons of the student's class's course that ended by `at`, latest last.
std::vector<const Lesson*> lessons_before(const State& s, const std::string& student_id, TimeMs at)
{
    std::string course;
    for (const auto& [_, e] : s.enrolments) {
        if (e.student_id != student_id) continue;
        auto cls = s.classes.find(e.class_id);
        if (cls != s.classes.end()) course = cls->second.course_id;
    }
    std::vector<const Lesson*> out;
    for (const auto& [_, l] : s.lessons)
        if (l.course_id == course && l.end <= at) out.push_back(&l);
    std::sort(out.begin(), out.end(), [](const Lesson* a, const Lesson* b) { return a->start < b->start; });
    if (out.size() > size_t(kRiskRecentLessons)) out.erase(out.begin(), out.end() - kRiskRecentLessons);
    return out;
}

bool has(const Events& ev, EventKind kind, const std::string& lesson, TimeMs by, const char* value = nullptr)
{
    return std::any_of(ev.begin(), ev.end(), [&](const Event* e) {
        return e->kind == kind && e->lesson_id == lesson && e->at <= by && (!value || e->value == value);
    });
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

std::vector<double> features_from(const State& s, const Events& all, const std::string& student_id, TimeMs at)
{
    Events ev;
    for (const Event* e : all)
        if (e->at <= at) ev.push_back(e);
    auto lessons = lessons_before(s, student_id, at);
    double n = std::max<size_t>(1, lessons.size());
    double attend = 0, complete = 0, homework = 0, b = 0, viewed = 0, surveys = 0, replies = 0;
    for (const Lesson* l : lessons) {
        bool in = std::any_of(ev.begin(), ev.end(), [&](const Event* e) {
            return e->kind == EventKind::ClassEntry && e->lesson_id == l->id && e->value != "extra";
        });
        attend += in;
        complete += in && !has(ev, EventKind::ClassDropOut, l->id, at);
        homework += has(ev, EventKind::HomeworkSubmitted, l->id, at);
        b += has(ev, EventKind::Grade, l->id, at, "B");
        viewed += has(ev, EventKind::FeedbackViewed, l->id, at);
    }
    for (const Event* e : ev) {
        surveys += e->kind == EventKind::MessageSent && e->value == "survey.pre_attendance";
        replies += e->kind == EventKind::Reply;
    }
    // Shortfalls, so that a larger value means more risk for every feature.
    return {1 - attend / n, 1 - complete / n, 1 - homework / n, b / n,
            surveys > 0 ? 1 - std::min(1.0, replies / surveys) : 0, 1 - viewed / n};
}

}  // namespace

const std::vector<std::string>& risk_feature_names()
{
    static const std::vector<std::string> names{"attendance", "completion", "homework", "b_grades", "replies", "feedback_viewed"};
    return names;
}

std::vector<double> risk_features(const State& s, const std::string& student_id, TimeMs at)
{
    Events ev;
    for (const auto& e : s.events)
        if (e.student_id == student_id) ev.push_back(&e);
    return features_from(s, ev, student_id, at);
}

std::vector<RiskExample> risk_examples(const State& s, TimeMs now, TimeMs horizon)
{
    std::vector<RiskExample> out;
    EventHistory history(s, now);
    std::map<std::string, TimeMs> first_request;
    for (const auto& e : s.events)
        if (e.kind == EventKind::RefundRequested && e.at <= now && !first_request.count(e.student_id))
            first_request[e.student_id] = e.at;
    for (const auto& [_, l] : s.lessons) {
        if (l.number < 2 || l.end + horizon > now) continue;
        for (const auto& [enrolment_id, en] : s.enrolments) {
            auto cls = s.classes.find(en.class_id);
            if (cls == s.classes.end() || cls->second.course_id != l.course_id || en.enrolled_at > l.end) continue;
            auto req = first_request.find(en.student_id);
            if (req != first_request.end() && req->second <= l.end) continue;  // already asked
            bool label = req != first_request.end() && req->second <= l.end + horizon;
            out.push_back({en.student_id, l.end, features_from(s, history.of(en.student_id), en.student_id, l.end), label});
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

std::string reason_text(size_t feature, double value)
{
    static const char* const what[] = {"missed lessons", "left lessons early", "homework not submitted",
                                       "works graded B", "survey replies missing", "feedback not viewed"};
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s: %.0f%% of the last %d lessons", what[feature], value * 100, kRiskRecentLessons);
    return buf;
}

}  // namespace

RiskAssessment assess_risk(const State& state, const RiskModel& m, const std::string& student_id, TimeMs now)
{
    RiskAssessment a;
    a.student_id = student_id;
    auto x = risk_features(state, student_id, now);
    a.probability = risk_probability(m, x);
    a.level = level_of(m, a.probability);
    std::vector<std::pair<double, size_t>> push;  // contribution above the average student
    for (size_t j = 0; j < m.weights.size(); ++j) {
        double c = m.weights[j] * (x[j] - m.mean[j]) / m.scale[j];
        if (c > 0.05) push.push_back({c, j});
    }
    std::sort(push.begin(), push.end(), [](const auto& p, const auto& q) { return p.first > q.first; });
    for (size_t i = 0; i < push.size() && i < 3; ++i) a.reasons.push_back(reason_text(push[i].second, x[push[i].second]));
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

#pragma once
// Refund risk and health: high / medium / low per student from the last few lessons'
// attendance, completion (no drop-out), homework submission, grades, in-class interaction (the
// lecturer's or tutor's interaction marks) and engagement with the tutor's messages, scored by a
// logistic model fitted on past refund requests in the data. Each assessment names its top
// reasons (the features pushing the risk up the most) as translation keys with values.
#include <map>
#include <string>
#include <vector>

#include "core/phrase.h"
#include "core/state.h"

namespace wb {

enum class RiskLevel { Low, Medium, High };
inline const std::vector<const char*>& enum_names(RiskLevel)
{
    static const std::vector<const char*> n{"low", "medium", "high"};
    return n;
}

constexpr int kRiskRecentLessons = 3;

struct RiskExample {
    std::string student_id;
    TimeMs at = 0;              // features use what was known at this time
    std::vector<double> x;      // see risk_feature_names()
    bool refund_requested = false;  // label: a refund request within the horizon after `at`
};

const std::vector<std::string>& risk_feature_names();
// Per feature, the key of the reason it gives: "risk.reason.absent_lessons" with values "count"
// (lessons or surveys that fell short) and "total" (lessons or surveys considered).
const std::vector<std::string>& risk_reason_keys();

// Each student's course lessons, gathered once so that assessing or making examples for
// thousands of students does not scan every enrolment and lesson for each of them.
class RiskLessons {
public:
    explicit RiskLessons(const State& state);
    // The student's course's lessons ended by `at`, the last kRiskRecentLessons, latest last.
    std::vector<const Lesson*> recent(const std::string& student_id, TimeMs at) const;

private:
    std::map<std::string, std::string> course_of_;                 // student id -> course id
    std::map<std::string, std::vector<const Lesson*>> by_course_;  // course id -> lessons by start
};

// Features for one student at `at` (from the last kRiskRecentLessons lessons ended by then).
std::vector<double> risk_features(const State& state, const std::string& student_id, TimeMs at);
// Training examples: for each lesson end with `horizon` of known future before `now`.
std::vector<RiskExample> risk_examples(const State& state, TimeMs now, TimeMs horizon = 14 * kDayMs);

struct RiskModel {
    std::vector<double> weights;  // on standardised features
    double bias = 0;
    std::vector<double> mean, scale;
    double medium_at = 0.6, high_at = 0.85;  // probability thresholds for the levels
};

// Logistic regression by full-batch gradient descent, positives weighted to balance the classes.
RiskModel fit_risk_model(const std::vector<RiskExample>& examples, int iterations = 500, double rate = 0.3);
double risk_probability(const RiskModel& model, const std::vector<double>& x);

struct RiskAssessment {
    std::string student_id;
    RiskLevel level = RiskLevel::Low;
    double probability = 0;
    std::vector<Phrase> reasons;  // e.g. {"risk.reason.absent_lessons", {count 2, total 3}}, strongest first
};
RiskAssessment assess_risk(const State& state, const RiskModel& model, const std::string& student_id, TimeMs now);
// The same with the student's history already gathered (EventHistory::of): the roster assesses
// thousands of students without scanning every event of the organisation for each.
RiskAssessment assess_risk(const State& state, const RiskModel& model, const std::string& student_id,
                           const std::vector<const Event*>& history, TimeMs now);
// The same with the lessons gathered too (RiskLessons of the same state).
RiskAssessment assess_risk(const State& state, const RiskModel& model, const RiskLessons& lessons,
                           const std::string& student_id, const std::vector<const Event*>& history, TimeMs now);

struct RiskEvaluation {
    int true_positive = 0, false_positive = 0, false_negative = 0, true_negative = 0;
    double precision() const { return true_positive ? double(true_positive) / (true_positive + false_positive) : 0; }
    double recall() const { return true_positive ? double(true_positive) / (true_positive + false_negative) : 0; }
};
// Counts "medium or high" as a predicted refund.
RiskEvaluation evaluate_risk(const RiskModel& model, const std::vector<RiskExample>& examples);

// Deterministic split by student id: about `percent` % of students are held back.
bool held_back(const std::string& student_id, int percent);

}  // namespace wb

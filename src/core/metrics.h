#pragma once
// Metrics over a period, per tutor or per team, compared with the template's targets. Every
// value explains itself: numerator, denominator, what was counted (a translation key,
// "metric.explain.<id>", with the values "numerator" and "denominator") and the students missing
// from the numerator (so a tutor can act on them; for complaint_count, the students who
// complained).
#include <string>
#include <vector>

#include "core/phrase.h"
#include "core/sop_template.h"
#include "core/state.h"

namespace wb {

struct MetricQuery {
    TimeMs from = 0;  // period [from, to); lessons by start time, events by time
    TimeMs to = 0;
    TimeMs now = 0;   // events after now are not known yet
    std::string tutor_id;    // one tutor, or
    std::string manager_id;  // the team of this manager; both empty: everyone
};

struct MetricValue {
    std::string id;
    bool measured = false;  // false: no data in the period (denominator 0) or not measurable
    double value = 0;
    int numerator = 0;
    int denominator = 0;
    Phrase explanation;  // {"metric.explain.call_3min_rate", {numerator, denominator}}
    std::vector<std::string> missing;  // student ids not in the numerator
    bool has_target = false;
    Target target;
    bool met = false;
};

// Every metric the template names (goals, tasks, sub-tasks), once each, in template order.
std::vector<MetricValue> compute_metrics(const State& state, const SopTemplate& tpl, const MetricQuery& query);
// One metric by id (see metric_catalog()); targets are not filled in.
MetricValue compute_metric(const State& state, const std::string& id, const MetricQuery& query);
// The template's target for metric `id` (the first place the template names it), or nullptr.
const Target* template_target(const SopTemplate& tpl, const std::string& id);
// The 3-minute rule of call_3min_rate: a reached call of at least 3 minutes counts.
bool counts_as_3min_call(const Event& e);
// Every key MetricValue::explanation can hold.
std::vector<std::string> metric_explanation_keys();

}  // namespace wb

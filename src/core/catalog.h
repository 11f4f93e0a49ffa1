#pragma once
// The vocabularies templates may use: metric ids (computed by metrics.h) and trigger conditions
// (evaluated by the schedule engine). A template naming anything else is rejected.
#include <string>
#include <vector>

namespace wb {

enum class MetricUnit { Rate, Count, PerTutor };

struct MetricInfo {
    const char* id;
    MetricUnit unit;
};
const std::vector<MetricInfo>& metric_catalog();
const MetricInfo* find_metric(const std::string& id);

struct ConditionInfo {
    const char* name;
    bool takes_argument;  // "no_handoff:csm"
    const char* meaning;
};
const std::vector<ConditionInfo>& condition_catalog();
const ConditionInfo* find_condition(const std::string& name);

}  // namespace wb

#pragma once
// A metric's value and target as the views show them: "50%" / "3" and "目标 ≥ 85%" /
// "target 1–3". Rates (catalogue metrics whose value is a fraction) are percentages.
#include <string>

#include "core/metrics.h"

namespace wb::app {

// True for metrics whose value is a fraction of 1 (shown as a percentage).
bool metric_is_rate(const std::string& metric_id);
// The value: "50%" for a rate, "2.5" for a count per student; "—" when not measured.
std::string metric_value_text(const MetricValue& v);
// "目标 ≥ 85%" / "target ≥ 85%", "" when there is no target.
std::string metric_target_text(const MetricValue& v);

}  // namespace wb::app

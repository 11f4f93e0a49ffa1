#pragma once
// Metrics of sub-tasks that no event measures directly (lesson prep, leaderboard, hand-over…):
// the share of the sub-task's instances opened in the period that were done, or that closed by
// themselves because their condition cleared. Used by compute_metrics as the fallback.
#include "core/metrics.h"

namespace wb {

// Fills `out` and returns true when some sub-task with a trigger names metric `id`.
bool task_completion_metric(const State& state, const SopTemplate& tpl, const std::string& id,
                            const MetricQuery& query, MetricValue& out);

}  // namespace wb

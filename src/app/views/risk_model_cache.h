#pragma once
// The organisation's refund-risk model, shared by the roster and the student profile. Fitting
// reads the whole history, so it is refitted at most once per kRiskRefitMs of data changes (a
// note saved does not move it noticeably), and a large organisation is fitted on a
// deterministic sample of its examples so that a refit never blocks a frame for seconds.
#include <cstdint>

#include "core/refund_risk.h"

namespace wb::app {

constexpr int64_t kRiskRefitMs = 5 * 60 * 1000;
constexpr size_t kRiskMaxFitExamples = 20000;

// nullptr while the history has no training example yet. `now` is the wall clock (UTC ms).
const RiskModel* organisation_risk_model(const State& state, uint64_t data_version, TimeMs now);

struct RiskFitStats {
    int fits = 0;             // how many times the model was fitted
    double examples_ms = 0;   // the last fit: gathering the examples
    double fit_ms = 0;        //               fitting on them
    size_t examples = 0;      //               examples in the history
    size_t fitted_on = 0;     //               of which used (the sample)
};
const RiskFitStats& risk_fit_stats();

}  // namespace wb::app

#include "views/risk_model_cache.h"

#include "platform.h"

namespace wb::app {
namespace {

struct RiskModelCache {
    RiskModel model;
    bool fitted = false;
    uint64_t version = 0;
    TimeMs fitted_at = 0;
    RiskFitStats stats;
};

RiskModelCache& cache() {
    static RiskModelCache c;
    return c;
}

// Every k-th example, k chosen to keep at most kRiskMaxFitExamples: deterministic, and spread
// over all lessons and students (the examples come lesson by lesson, students in id order).
std::vector<RiskExample> sample(std::vector<RiskExample> all) {
    if (all.size() <= kRiskMaxFitExamples) return all;
    const size_t step = (all.size() + kRiskMaxFitExamples - 1) / kRiskMaxFitExamples;
    std::vector<RiskExample> out;
    out.reserve(all.size() / step + 1);
    for (size_t i = 0; i < all.size(); i += step) out.push_back(std::move(all[i]));
    return out;
}

}  // namespace

const RiskModel* organisation_risk_model(const State& state, uint64_t data_version, TimeMs now) {
    RiskModelCache& c = cache();
    const bool stale = c.version != data_version && now - c.fitted_at > kRiskRefitMs;
    if (c.fitted && !stale) return &c.model;
    if (!c.fitted && c.version == data_version && c.stats.fits > 0) return nullptr;  // no example in this data
    const double started = platform::now_ms();
    auto examples = risk_examples(state, now);
    c.stats.examples_ms = platform::now_ms() - started;
    c.stats.examples = examples.size();
    c.version = data_version;
    c.fitted_at = now;
    ++c.stats.fits;
    if (examples.empty()) {
        c.fitted = false;
        return nullptr;
    }
    auto fitted_on = sample(std::move(examples));
    c.stats.fitted_on = fitted_on.size();
    const double fit_started = platform::now_ms();
    c.model = fit_risk_model(fitted_on);
    c.stats.fit_ms = platform::now_ms() - fit_started;
    c.fitted = true;
    return &c.model;
}

const RiskFitStats& risk_fit_stats() { return cache().stats; }

}  // namespace wb::app

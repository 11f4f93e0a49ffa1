#include "views/metric_text.h"

#include <cmath>
#include <cstdio>

#include "ui_text.h"

namespace wb::app {
namespace {

std::string number(double v, bool rate) {
    char buf[32];
    if (rate) std::snprintf(buf, sizeof buf, "%d%%", static_cast<int>(std::lround(v * 100)));
    else if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%d", static_cast<int>(std::lround(v)));
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

bool metric_is_rate(const std::string& id) {
    return id.size() > 5 && id.compare(id.size() - 5, 5, "_rate") == 0;
}

std::string metric_value_text(const MetricValue& v) {
    if (!v.measured) return ui::tr("metric.not_measured");
    return number(v.value, metric_is_rate(v.id));
}

std::string metric_target_text(const MetricValue& v) {
    if (!v.has_target) return "";
    const bool rate = metric_is_rate(v.id);
    const Target& t = v.target;
    if (t.op == TargetOp::Between)
        return ui::format("metric.target.between", {{"min", number(t.value, rate)}, {"max", number(t.max, rate)}});
    // In the translation table, so the font subset has the signs.
    static const char* const kKeys[] = {"metric.target.at_least", "metric.target.at_most", "metric.target.below",
                                        "metric.target.above"};   // TargetOp order
    return ui::format(kKeys[size_t(t.op)], {{"value", number(t.value, rate)}});
}

}  // namespace wb::app

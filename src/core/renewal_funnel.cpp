#include "core/renewal_funnel.h"

#include <algorithm>
#include <set>

#include "core/class_lessons.h"
#include "core/conditions.h"

namespace wb {
namespace {

bool refunded_by(const std::vector<const Event*>& events, TimeMs t) {
    for (const Event* e : events)
        if (e->kind == EventKind::RefundDecision && e->value == "refund" && e->at <= t) return true;
    return false;
}

RenewalRow row_of(const State& state, const std::string& sid, const std::string& class_id,
                  const std::vector<const Event*>& events) {
    RenewalRow r;
    r.student_id = sid;
    r.class_id = class_id;
    if (auto s = state.students.find(sid); s != state.students.end()) r.name = s->second.name;
    for (const Event* e : events) {
        if (e->kind != EventKind::RenewalStep) continue;
        if (e->value == "warmup") ++r.pushes, r.last_push_at = e->at;
        if (e->value == "reservation" && !r.reserved_at) r.reserved_at = e->at, r.coupon = e->text;
        if (e->value == "order" && !r.ordered_at) r.ordered_at = e->at;
    }
    r.stage = r.ordered_at ? RenewalStage::Ordered : r.reserved_at ? RenewalStage::Reserved
            : r.pushes ? RenewalStage::WarmedUp : RenewalStage::None;
    return r;
}

FunnelTotal total(const State& state, const SopTemplate& tpl, const char* id, const MetricQuery& q) {
    FunnelTotal t{compute_metric(state, id, q), id};
    if (const Target* target = template_target(tpl, id)) {
        t.value.has_target = true;
        t.value.target = *target;
        t.value.met = t.value.measured && target_met(*target, t.value.value);
    }
    return t;
}

}  // namespace

RenewalFunnel renewal_funnel(const State& state, const SopTemplate& tpl, const std::vector<std::string>& class_ids,
                             const MetricQuery& query) {
    RenewalFunnel f;
    const EventHistory history(state, query.now);
    std::set<std::string> seen;
    for (const std::string& c : class_ids)
        for (const std::string& sid : class_student_ids(state, c)) {
            auto e = std::find_if(state.enrolments.begin(), state.enrolments.end(), [&](const auto& kv) {
                return kv.second.student_id == sid && kv.second.class_id == c;
            });
            if (e == state.enrolments.end() || e->second.enrolled_at > query.now) continue;
            if (!seen.insert(sid).second || refunded_by(history.of(sid), query.now)) continue;
            f.rows.push_back(row_of(state, sid, c, history.of(sid)));
        }
    std::sort(f.rows.begin(), f.rows.end(), [](const RenewalRow& a, const RenewalRow& b) {
        return a.name != b.name ? a.name < b.name : a.student_id < b.student_id;
    });
    for (const RenewalRow& r : f.rows) {
        ++f.students;
        f.warmed += r.pushes > 0;
        f.reserved += r.reserved_at != 0;
        f.ordered += r.ordered_at != 0;
        if (!r.reserved_at) f.reapproach.push_back(&r);
    }
    std::stable_sort(f.reapproach.begin(), f.reapproach.end(),
                     [](const RenewalRow* a, const RenewalRow* b) { return a->pushes < b->pushes; });
    for (const char* id : {"reservation_rate", "order_rate", "renewal_rate"}) f.totals.push_back(total(state, tpl, id, query));
    return f;
}

std::string renewal_step_refusal(const RenewalRow& row, const std::string& step) {
    if (row.ordered_at) return "renewal.refused.ordered";
    if (step == "warmup") {
        if (row.reserved_at) return "renewal.refused.reserved";
        if (row.pushes >= kMaxWarmupPushes) return "renewal.refused.max_pushes";
        return "";
    }
    if (step == "reservation") return row.reserved_at ? "renewal.refused.reserved" : "";
    if (step == "order") return row.reserved_at ? "" : "renewal.refused.order_first";
    return "renewal.refused.unknown";
}

}  // namespace wb

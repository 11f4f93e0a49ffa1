#include "core/refund_case.h"

#include <algorithm>
#include <map>

#include "core/event_rules.h"

namespace wb {

RefundStage refund_stage_at(TimeMs requested_at, TimeMs now)
{
    const TimeMs age = now - requested_at;
    if (age >= kRefundRescueMs) return RefundStage::Expired;
    if (age >= kRefundLastReminderAfterMs) return RefundStage::LastReminder;
    if (age >= kRefundEscalateAfterMs) return RefundStage::Escalated;
    return RefundStage::Open;
}

namespace {

// The latest request per student that no decision at or after it answers, known by `now`.
std::map<std::string, const Event*> open_requests(const State& state, const std::set<std::string>* students, TimeMs now)
{
    const std::set<std::string> gone = retracted_events(state, now);
    std::map<std::string, const Event*> open;
    std::map<std::string, TimeMs> decided;  // student -> latest decision time
    for (const Event& e : state.events) {
        if (e.at > now || gone.count(e.id)) continue;
        if (students && !students->count(e.student_id)) continue;
        if (e.kind == EventKind::RefundRequested) {
            const Event*& slot = open[e.student_id];
            if (!slot || slot->at <= e.at) slot = &e;
        } else if (e.kind == EventKind::RefundDecision) {
            TimeMs& d = decided[e.student_id];
            d = std::max(d, e.at);
        }
    }
    for (auto it = open.begin(); it != open.end();) {
        auto d = decided.find(it->first);
        if (d != decided.end() && d->second >= it->second->at) it = open.erase(it);
        else ++it;
    }
    return open;
}

TimeMs manager_notified_at(const State& state, const std::string& student_id, TimeMs since)
{
    TimeMs at = 0;
    for (const auto& [id, m] : state.messages) {
        if (m.kind != MessageKind::Escalation || m.student_id != student_id) continue;
        if (m.recipient.role != RecipientRole::Manager || m.created_at < since) continue;
        if (!at || m.created_at < at) at = m.created_at;
    }
    return at;
}

}  // namespace

std::vector<RefundCase> open_refund_cases(const State& state, const std::set<std::string>* students, TimeMs now)
{
    std::vector<RefundCase> out;
    for (const auto& [student, e] : open_requests(state, students, now)) {
        RefundCase c;
        c.request_id = e->id;
        c.student_id = student;
        c.requested_by = e->actor_id;
        c.reason = e->reason.empty() ? e->text : e->reason;
        c.requested_at = e->at;
        c.deadline = e->at + kRefundRescueMs;
        c.remaining_ms = std::max<TimeMs>(0, c.deadline - now);
        c.stage = refund_stage_at(e->at, now);
        c.manager_notified_at = manager_notified_at(state, student, e->at);
        out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const RefundCase& a, const RefundCase& b) {
        return a.deadline != b.deadline ? a.deadline < b.deadline : a.student_id < b.student_id;
    });
    return out;
}

std::set<std::string> students_of_classes(const State& state, const std::vector<std::string>& class_ids)
{
    const std::set<std::string> classes(class_ids.begin(), class_ids.end());
    std::set<std::string> out;
    for (const auto& [id, e] : state.enrolments)
        if (classes.count(e.class_id)) out.insert(e.student_id);
    return out;
}

std::string refund_request_refusal(const State& state, const std::string& student_id, TimeMs now)
{
    if (!state.students.count(student_id)) return "refunds.refused.no_student";
    const std::set<std::string> one{student_id};
    if (!open_requests(state, &one, now).empty()) return "refunds.refused.already_open";
    return "";
}

std::string refund_decision_refusal(const State& state, const std::string& student_id, TimeMs now)
{
    const std::set<std::string> one{student_id};
    if (open_requests(state, &one, now).empty()) return "refunds.refused.not_open";
    return "";
}

}  // namespace wb

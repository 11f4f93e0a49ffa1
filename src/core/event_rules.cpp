#include "core/event_rules.h"

#include <set>

namespace wb {
namespace {

bool one_of(const std::string& value, std::initializer_list<const char*> allowed)
{
    for (const char* a : allowed)
        if (value == a) return true;
    return false;
}

bool needs_lesson(EventKind k)
{
    switch (k) {
    case EventKind::AttendanceMark:
    case EventKind::ClassEntry:
    case EventKind::ClassDropOut:
    case EventKind::HomeworkSubmitted:
    case EventKind::Grade:
    case EventKind::FeedbackSent:
    case EventKind::FeedbackViewed:
    case EventKind::Correction:
    case EventKind::Interaction:
    case EventKind::ExcellentWork:
        return true;
    default:
        return false;
    }
}

// Checks `value` for the kinds whose value is one of a fixed set.
std::string check_value(const Event& e)
{
    auto need = [&](std::initializer_list<const char*> allowed, const char* list) -> std::string {
        if (one_of(e.value, allowed)) return "";
        return "args/value: a " + std::string(to_string(e.kind)) + " needs one of " + list + ", got \"" +
               e.value + "\"";
    };
    switch (e.kind) {
    case EventKind::AttendanceMark: return need({"attend", "leave"}, "attend, leave");
    case EventKind::Grade: return need({"S", "A", "B"}, "S, A, B");
    case EventKind::RefundDecision: return need({"retain", "refund"}, "retain, refund");
    case EventKind::RenewalStep: return need({"warmup", "reservation", "order"}, "warmup, reservation, order");
    case EventKind::TicketOpened: return need({"question", "incident"}, "question, incident");
    case EventKind::Call: return need({"reached", "unreached"}, "reached, unreached");
    case EventKind::Interaction:
        return need({"highlight", "active", "quiet", "lowlight"}, "highlight, active, quiet, lowlight");
    case EventKind::Complaint: return need({"teaching", "service", "schedule", "other"}, "teaching, service, schedule, other");
    default: return "";
    }
}

}  // namespace

namespace {

// The student's renewal warm-up pushes so far, retracted ones left out. (A scan: pushes are
// recorded one at a time by a person, rarely enough.)
int warmup_pushes(const State& s, const std::string& student_id)
{
    std::set<std::string> pushes, retracted;
    for (const Event& e : s.events) {
        if (e.student_id != student_id) continue;
        if (e.kind == EventKind::RenewalStep && e.value == "warmup") pushes.insert(e.id);
        if (e.kind == EventKind::Retraction) retracted.insert(e.ref_id);
    }
    int n = 0;
    for (const std::string& id : pushes) n += !retracted.count(id);
    return n;
}

}  // namespace

std::string check_event(const State& s, const Event& e)
{
    if (e.id.empty()) return "args/id: an event needs an id";
    if (!e.student_id.empty() && !s.students.count(e.student_id))
        return "args/studentId: no student " + e.student_id;
    if (e.student_id.empty() && e.kind != EventKind::Note)
        return "args/studentId: a " + std::string(to_string(e.kind)) + " event is about a student";
    if (needs_lesson(e.kind) && e.lesson_id.empty())
        return "args/lessonId: a " + std::string(to_string(e.kind)) + " event belongs to a lesson";
    if (!e.lesson_id.empty() && !s.lessons.count(e.lesson_id)) return "args/lessonId: no lesson " + e.lesson_id;
    if (!e.actor_id.empty() && !s.users.count(e.actor_id)) return "args/actorId: no user " + e.actor_id;
    if (e.duration_sec < 0) return "args/durationSec: cannot be negative";
    if (e.kind == EventKind::RefundDecision && e.reason.empty())
        return "args/reason: record why the student was retained or refunded";
    if (e.kind == EventKind::Retraction) return "args/kind: a retraction is recorded with the mutation event.retract";
    if (e.kind == EventKind::Complaint && e.text.empty()) return "args/text: record what the complaint was about";
    if (e.kind == EventKind::TicketResolved && !find_event(s, e.ref_id))
        return "args/refId: no ticket event " + e.ref_id;
    if (e.kind == EventKind::RenewalStep && e.value == "warmup" && warmup_pushes(s, e.student_id) >= kMaxWarmupPushes)
        return "args/value: " + e.student_id + " had " + std::to_string(kMaxWarmupPushes) +
               " renewal warm-up pushes; never more than that";
    return check_value(e);
}

void apply_event_effects(State& s, const Event& e)
{
    if (e.kind != EventKind::RefundDecision || e.value != "refund") return;
    for (auto& [id, enrolment] : s.enrolments) {
        if (enrolment.student_id == e.student_id && enrolment.status == EnrolmentStatus::Active)
            enrolment.status = EnrolmentStatus::Refunded;
    }
}

std::string record_event(State& s, Event e)
{
    if (s.event_index.count(e.id)) return "args/id: event " + e.id + " was already recorded";
    std::string err = check_event(s, e);
    if (!err.empty()) return err;
    apply_event_effects(s, e);
    s.event_index[e.id] = s.events.size();
    s.events.push_back(std::move(e));
    return "";
}

std::string check_retraction(const State& s, const Event& r)
{
    if (r.id.empty()) return "args/id: a retraction needs an id";
    if (s.event_index.count(r.id)) return "args/id: event " + r.id + " was already recorded";
    const Event* target = find_event(s, r.ref_id);
    if (!target) return "args/eventId: no event " + r.ref_id;
    if (target->kind == EventKind::Retraction)
        return "args/eventId: " + r.ref_id + " is a retraction; record the event again instead of retracting it";
    for (const auto& e : s.events)
        if (e.kind == EventKind::Retraction && e.ref_id == r.ref_id)
            return "args/eventId: event " + r.ref_id + " was already retracted by " + e.id;
    if (r.reason.empty()) return "args/reason: say why the event is retracted";
    if (r.at < target->at) return "args/at: an event cannot be retracted before it happened";
    if (!r.actor_id.empty() && !s.users.count(r.actor_id)) return "args/by: no user " + r.actor_id;
    return "";
}

void undo_event_effects(State& s, const Event& retracted)
{
    if (retracted.kind != EventKind::RefundDecision || retracted.value != "refund") return;
    auto gone = retracted_events(s);
    for (const auto& e : s.events)
        if (e.kind == EventKind::RefundDecision && e.value == "refund" && e.student_id == retracted.student_id &&
            !gone.count(e.id))
            return;  // another refund decision still stands
    for (auto& [id, enrolment] : s.enrolments)
        if (enrolment.student_id == retracted.student_id && enrolment.status == EnrolmentStatus::Refunded)
            enrolment.status = EnrolmentStatus::Active;
}

std::set<std::string> retracted_events(const State& s, TimeMs now)
{
    std::set<std::string> out;
    for (const auto& e : s.events)
        if (e.kind == EventKind::Retraction && e.at <= now) out.insert(e.ref_id);
    return out;
}

}  // namespace wb

#include "core/conditions.h"

#include <algorithm>

#include "core/event_rules.h"

namespace wb {
namespace {

using Events = std::vector<const Event*>;

bool any_of_kind(const Events& events, EventKind kind, const std::string& lesson_id = "", TimeMs since = 0)
{
    return std::any_of(events.begin(), events.end(), [&](const Event* e) {
        return e->kind == kind && (lesson_id.empty() || e->lesson_id == lesson_id) && e->at >= since;
    });
}

bool contacted_since(const Events& events, TimeMs since, bool visits_only)
{
    return std::any_of(events.begin(), events.end(), [&](const Event* e) {
        if (e->at < since) return false;
        if (e->kind == EventKind::Visit) return true;
        return !visits_only && (e->kind == EventKind::Call || e->kind == EventKind::MessageSent);
    });
}

bool long_call(const Events& events)
{
    return std::any_of(events.begin(), events.end(), [](const Event* e) {
        return e->kind == EventKind::Call && e->value == "reached" && e->duration_sec >= 180;
    });
}

// "kind" or "kind=value".
bool has_event(const Events& events, const std::string& argument)
{
    auto eq = argument.find('=');
    EventKind kind;
    if (!from_string(argument.substr(0, eq), kind)) return false;
    std::string value = eq == std::string::npos ? "" : argument.substr(eq + 1);
    return std::any_of(events.begin(), events.end(), [&](const Event* e) {
        return e->kind == kind && (value.empty() || e->value == value);
    });
}

bool refund_pending(const Events& events, const Event* request)
{
    if (!request) return false;
    return !std::any_of(events.begin(), events.end(), [&](const Event* e) {
        return e->kind == EventKind::RefundDecision && e->at >= request->at;
    });
}

bool ticket_open(const Events& events, const Event* ticket)
{
    if (!ticket) return false;
    return !std::any_of(events.begin(), events.end(), [&](const Event* e) {
        return e->kind == EventKind::TicketResolved && e->ref_id == ticket->id;
    });
}

}  // namespace

EventHistory::EventHistory(const State& state, TimeMs now)
{
    auto retracted = retracted_events(state, now);
    for (const auto& e : state.events)
        if (e.at <= now && !e.student_id.empty() && e.kind != EventKind::Retraction && !retracted.count(e.id))
            by_student_[e.student_id].push_back(&e);
    for (auto& [_, list] : by_student_)
        std::stable_sort(list.begin(), list.end(), [](const Event* a, const Event* b) { return a->at < b->at; });
}

const std::vector<const Event*>& EventHistory::of(const std::string& student_id) const
{
    auto it = by_student_.find(student_id);
    return it == by_student_.end() ? none_ : it->second;
}

std::string effective_attendance(const Events& events, const std::string& lesson_id)
{
    std::string manual, parsed;
    for (const Event* e : events) {
        if (e->kind != EventKind::AttendanceMark || e->lesson_id != lesson_id) continue;
        (e->source == EventSource::Manual ? manual : parsed) = e->value;
    }
    return manual.empty() ? parsed : manual;
}

bool condition_holds(const std::string& condition, const ConditionSubject& s)
{
    const Events& ev = *s.events;
    const std::string& lesson = s.lesson_id;
    auto colon = condition.find(':');
    auto name = condition.substr(0, colon);
    auto arg = colon == std::string::npos ? std::string() : condition.substr(colon + 1);
    TimeMs since_anchor = s.anchor_event ? s.anchor_event->at : 0;
    if (name == "not_on_leave") return effective_attendance(ev, lesson) != "leave";
    if (name == "confirmed_attend") return effective_attendance(ev, lesson) == "attend";
    if (name == "no_attendance_mark") return effective_attendance(ev, lesson).empty();
    if (name == "not_entered_class")  // an extra-session entry (value "extra") is not the lesson
        return !std::any_of(ev.begin(), ev.end(), [&](const Event* e) {
            return e->kind == EventKind::ClassEntry && e->lesson_id == lesson && e->value != "extra";
        });
    if (name == "not_submitted") return !any_of_kind(ev, EventKind::HomeworkSubmitted, lesson);
    if (name == "ungraded") return !any_of_kind(ev, EventKind::Grade, lesson, since_anchor);
    if (name == "feedback_not_sent") return !any_of_kind(ev, EventKind::FeedbackSent, lesson, since_anchor);
    if (name == "not_corrected") return !any_of_kind(ev, EventKind::Correction, lesson, since_anchor);
    if (name == "no_contact_since_open") return !contacted_since(ev, s.open_at, false);
    if (name == "no_visit_since_open") return !contacted_since(ev, s.open_at, true);
    if (name == "no_call_3min") return !long_call(ev);
    if (name == "material_not_mailed") return !any_of_kind(ev, EventKind::MaterialMailed);
    if (name == "wechat_not_added") return !any_of_kind(ev, EventKind::WechatAdded);
    if (name == "refund_pending") return refund_pending(ev, s.anchor_event);
    if (name == "ticket_open") return ticket_open(ev, s.anchor_event);
    if (name == "missing_event") return !has_event(ev, arg);
    if (name == "has_event") return has_event(ev, arg);
    return false;  // unknown names never pass the template validator
}

bool all_conditions_hold(const std::vector<std::string>& conditions, const ConditionSubject& subject)
{
    for (const auto& c : conditions)
        if (!condition_holds(c, subject)) return false;
    return true;
}

}  // namespace wb

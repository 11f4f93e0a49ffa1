#include "core/inbound_reply.h"

#include <cstdint>
#include <cstdio>

#include "core/event_rules.h"

namespace wb {
namespace {

constexpr const char* kPreAttendanceSurvey = "survey.pre_attendance";

// FNV-1a, 64 bits, as 16 hex digits: tells two different texts at the same millisecond apart in
// an id. Not a security measure (the channel's secret is); the core has no hashing library.
std::string text_hash(const std::string& text)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string reply_event_id(const InboundReply& r, const std::string& student_id)
{
    if (!r.external_id.empty()) return "reply:" + r.channel_id + ":" + r.external_id + ":" + student_id;
    return "reply:" + r.channel_id + ":" + student_id + ":" + std::to_string(r.at) + ":" + text_hash(r.text);
}

// The student's latest pre-attendance survey sent at or before `at` (not retracted), or nullptr.
const Event* latest_survey(const State& s, const std::string& student_id, TimeMs at,
                           const std::set<std::string>& retracted)
{
    const Event* best = nullptr;
    for (const auto& e : s.events) {
        if (e.kind != EventKind::MessageSent || e.student_id != student_id || e.value != kPreAttendanceSurvey ||
            e.lesson_id.empty() || e.at > at || retracted.count(e.id))
            continue;
        if (!best || e.at >= best->at) best = &e;  // ties: the one recorded last
    }
    return best;
}

Event new_reply_event(const State& s, const InboundReply& r, const std::string& student_id,
                      const std::set<std::string>& retracted, bool from_student)
{
    Event e;
    e.id = reply_event_id(r, student_id);
    e.kind = EventKind::Reply;
    e.at = r.at;
    e.student_id = student_id;
    e.channel = r.channel_id;
    e.text = r.text;
    e.source = EventSource::Auto;  // no one at the workbench typed it: the channel brought it in
    if (from_student) {
        e.value = kStudentReplyValue;  // answers no survey: the survey asks the parent
        return e;
    }
    if (const Event* survey = latest_survey(s, student_id, r.at, retracted)) e.ref_id = survey->id;
    return e;
}

PlannedReply plan_for_student(const State& s, const InboundReply& r, const std::string& student_id,
                              const std::set<std::string>& retracted, bool from_student)
{
    PlannedReply p;
    p.student_id = student_id;
    p.event_id = reply_event_id(r, student_id);
    const Event* recorded = find_event(s, p.event_id);
    p.already_recorded = recorded != nullptr;
    Event reply = recorded ? *recorded : new_reply_event(s, r, student_id, retracted, from_student);
    if (!recorded) p.mutations.push_back(Mutation{"event.record", to_json_value(reply)});
    p.survey_event_id = reply.ref_id;
    ReplyDecision d = decide_reply(s, reply);
    p.outcome = d.outcome;
    if (d.outcome == ReplyOutcome::Mark) {
        p.mark = to_string(d.parsed.intent);
        const std::string mark_id = d.mark.args.value("id", std::string());
        if (!find_event(s, mark_id)) p.mutations.push_back(d.mark);
    }
    return p;
}

bool same_parent_id(const Student& st, const std::string& parent_id)
{
    return !parent_id.empty() && (st.id == parent_id || (!st.wechat.empty() && st.wechat == parent_id));
}

}  // namespace

std::string phone_digits(const std::string& phone)
{
    std::string d;
    for (char c : phone)
        if (c >= '0' && c <= '9') d += c;
    if (d.rfind("0086", 0) == 0) return d.substr(4);
    if (d.size() == 13 && d.rfind("86", 0) == 0) return d.substr(2);  // +86 before an 11-digit mobile
    return d;
}

std::vector<std::string> students_of_sender(const State& s, const InboundReply& r)
{
    const std::string phone = phone_digits(r.phone);
    std::vector<std::string> out;
    for (const auto& [id, st] : s.students) {
        const bool by_phone = !phone.empty() && phone_digits(st.parent_phone) == phone;
        if (by_phone || same_parent_id(st, r.parent_id)) out.push_back(id);
    }
    return out;
}

std::vector<std::string> students_by_own_phone(const State& s, const InboundReply& r)
{
    const std::string phone = phone_digits(r.phone);
    std::vector<std::string> out;
    if (phone.empty()) return out;
    for (const auto& [id, st] : s.students)
        if (phone_digits(st.student_phone) == phone) out.push_back(id);
    return out;
}

InboundPlan plan_inbound_reply(const State& s, const InboundReply& r)
{
    InboundPlan plan;
    std::vector<std::string> students = students_of_sender(s, r);
    // A parent's phone wins: a child who answers from it answers as the family.
    const bool from_student = students.empty();
    if (from_student) students = students_by_own_phone(s, r);
    if (students.empty()) {
        std::string who;
        if (!r.phone.empty()) who = "parent phone " + r.phone;
        if (!r.parent_id.empty()) who += (who.empty() ? "" : " or ") + std::string("parent id ") + r.parent_id;
        plan.error = "no student has " + (who.empty() ? std::string("this sender") : who) +
                     "; the sender must be a student's parentPhone, studentPhone, wechat or student id";
        return plan;
    }
    const std::set<std::string> retracted = retracted_events(s);
    for (const auto& id : students) plan.replies.push_back(plan_for_student(s, r, id, retracted, from_student));
    return plan;
}

}  // namespace wb

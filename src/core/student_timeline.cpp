#include "core/student_timeline.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/enum_names.h"
#include "core/reply_parser.h"

namespace wb {
namespace {

// Kinds whose summary depends on a value from a fixed set: "timeline.<kind>.<value>".
// Kinds whose phrase depends on the event's value ("timeline.call.reached"); a value not listed
// is ".other" (from a newer version of the rules), or, for a kind plain without a value, no
// value is the kind's own phrase (a reply without one is the parent's: "timeline.reply").
struct ValuedKind {
    std::vector<const char*> values;
    bool plain_without_value = false;
};

const std::map<EventKind, ValuedKind>& valued_kinds()
{
    static const std::map<EventKind, ValuedKind> m{
        {EventKind::Call, {{"reached", "unreached"}}},
        {EventKind::AttendanceMark, {{"attend", "leave"}}},
        {EventKind::Grade, {{"S", "A", "B"}}},
        {EventKind::RefundDecision, {{"retain", "refund"}}},
        {EventKind::RenewalStep, {{"warmup", "reservation", "order"}}},
        {EventKind::TicketOpened, {{"question", "incident"}}},
        {EventKind::Interaction, {{"highlight", "active", "quiet", "lowlight"}}},
        {EventKind::Complaint, {{"teaching", "service", "schedule", "other"}}},
        {EventKind::Reply, {{kStudentReplyValue}, true}},
    };
    return m;
}

bool lesson_bound(EventKind k)
{
    switch (k) {
    case EventKind::AttendanceMark: case EventKind::ClassEntry: case EventKind::ClassDropOut:
    case EventKind::HomeworkSubmitted: case EventKind::Grade: case EventKind::FeedbackSent:
    case EventKind::FeedbackViewed: case EventKind::Correction: case EventKind::Interaction:
    case EventKind::ExcellentWork:
        return true;
    default:
        return false;
    }
}

bool timed(EventKind k) { return k == EventKind::Call || k == EventKind::Visit; }

std::string summary_key(const Event& e)
{
    std::string key = std::string("timeline.") + to_string(e.kind);
    auto valued = valued_kinds().find(e.kind);
    if (valued == valued_kinds().end() || (e.value.empty() && valued->second.plain_without_value)) return key;
    for (const char* v : valued->second.values)
        if (e.value == v) return key + "." + v;
    return key + ".other";  // a value from a newer version of the rules
}

std::string name_of_user(const State& s, const std::string& id)
{
    auto it = s.users.find(id);
    return it == s.users.end() ? "" : it->second.name;
}

int status_rank(DueStatus s)
{
    switch (s) {
    case DueStatus::Overdue: return 0;
    case DueStatus::Open: return 1;
    case DueStatus::Snoozed: return 2;
    case DueStatus::Upcoming: return 3;
    case DueStatus::Done: return 4;
    case DueStatus::Closed: return 5;
    }
    return 6;
}

bool ends_with(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

const SubTask* find_subtask(const SopTemplate& tpl, const std::string& id)
{
    for (const auto& task : tpl.tasks)
        for (const auto& sub : task.subtasks)
            if (sub.id == id) return &sub;
    return nullptr;
}

std::string two_digits(int n)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

}  // namespace

Phrase timeline_summary(const State& state, const Event& e)
{
    Phrase p{summary_key(e), {}};
    if (lesson_bound(e.kind)) {
        auto lesson = state.lessons.find(e.lesson_id);
        p.values["number"] = lesson == state.lessons.end() ? "?" : std::to_string(lesson->second.number);
        // The title as the course names it ("第6课"), else the number.
        const bool titled = lesson != state.lessons.end() && !lesson->second.title.empty();
        p.values["lesson"] = titled ? lesson->second.title : "#" + p.values["number"];
    }
    if (timed(e.kind)) {
        p.values["minutes"] = std::to_string(e.duration_sec / 60);
        p.values["seconds"] = std::to_string(e.duration_sec % 60);
    }
    if (e.kind == EventKind::Handoff) p.values["role"] = e.value;
    return p;
}

std::vector<TimelineEntry> student_timeline(const State& state, const std::string& student_id)
{
    std::map<std::string, const Event*> retraction_of;  // retracted event id -> the retraction
    for (const auto& e : state.events)
        if (e.kind == EventKind::Retraction) retraction_of.emplace(e.ref_id, &e);

    std::vector<TimelineEntry> out;
    for (size_t i = state.events.size(); i-- > 0;) {
        const Event& e = state.events[i];
        if (e.student_id != student_id || e.kind == EventKind::Retraction) continue;
        // A message the outbox sent is shown below as the message, with its state and attempts.
        if (e.kind == EventKind::MessageSent && !e.ref_id.empty() && state.messages.count(e.ref_id)) continue;
        TimelineEntry t;
        t.event_id = e.id;
        t.kind = e.kind;
        t.at = e.at;
        t.summary = timeline_summary(state, e);
        t.text = e.text.empty() ? e.reason : e.text;
        t.actor_name = name_of_user(state, e.actor_id);
        t.source = e.source;
        auto r = retraction_of.find(e.id);
        if (r != retraction_of.end()) {
            t.retracted = true;
            t.retracted_at = r->second->at;
            t.retraction_reason = r->second->reason;
        }
        out.push_back(std::move(t));
    }
    for (const auto& [id, m] : state.messages) {
        if (m.student_id != student_id) continue;
        TimelineEntry t;
        t.message_id = id;
        t.kind = EventKind::MessageSent;
        t.at = m.created_at;
        t.summary = outbox_summary(m);
        t.text = m.text;
        t.actor_name = name_of_user(state, m.created_by);
        t.source = m.created_by.empty() ? EventSource::Auto : EventSource::Manual;
        out.push_back(std::move(t));
    }
    // Walking backwards made ties "later recorded first"; a stable sort keeps that.
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) { return a.at > b.at; });
    return out;
}

std::vector<StudentTask> student_tasks(const Schedule& schedule, const SopTemplate& tpl, const std::string& student_id)
{
    const std::string own = "/" + student_id;
    std::vector<StudentTask> out;
    for (const DueTask& d : schedule.tasks) {
        bool concerns = ends_with(d.id, own) ||
                        std::find(d.student_ids.begin(), d.student_ids.end(), student_id) != d.student_ids.end();
        if (!concerns) continue;
        StudentTask t;
        t.id = d.id;
        t.own = ends_with(d.id, own);
        t.task_number = d.task_number;
        t.subtask_id = d.subtask_id;
        if (const SubTask* sub = find_subtask(tpl, d.subtask_id)) t.title = sub->title;
        else t.title = Text{d.subtask_id, d.subtask_id};
        t.status = d.status;
        t.open_at = d.open_at;
        t.due_at = d.due_at;
        t.done_at = d.done_at;
        t.why = d.why;
        out.push_back(std::move(t));
    }
    std::stable_sort(out.begin(), out.end(), [](const StudentTask& a, const StudentTask& b) {
        int ra = status_rank(a.status), rb = status_rank(b.status);
        if (ra != rb) return ra < rb;
        if (a.own != b.own) return a.own;  // the student's own before the class's
        if (ra >= 4) return a.due_at > b.due_at;  // finished: the latest first
        return a.due_at < b.due_at;
    });
    return out;
}

std::vector<StudentEnrolment> student_enrolments(const State& state, const std::string& student_id)
{
    std::vector<StudentEnrolment> out;
    for (const auto& [id, en] : state.enrolments) {
        if (en.student_id != student_id) continue;
        StudentEnrolment s;
        s.id = id;
        s.class_id = en.class_id;
        s.enrolled_at = en.enrolled_at;
        s.status = en.status;
        auto cls = state.classes.find(en.class_id);
        if (cls != state.classes.end()) {
            s.class_name = cls->second.name;
            s.course_id = cls->second.course_id;
            s.tutor_id = cls->second.tutor_id;
            s.tutor_name = name_of_user(state, cls->second.tutor_id);
            auto course = state.courses.find(cls->second.course_id);
            if (course != state.courses.end()) s.course_name = course->second.name;
        }
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const StudentEnrolment& a, const StudentEnrolment& b) { return a.enrolled_at > b.enrolled_at; });
    return out;
}

const StudentEnrolment* current_enrolment(const std::vector<StudentEnrolment>& enrolments)
{
    const StudentEnrolment* current = nullptr;
    for (const auto& e : enrolments)
        if (!current || (e.status == EnrolmentStatus::Active && current->status != EnrolmentStatus::Active)) current = &e;
    return current;
}

const Lesson* message_lesson(const State& state, const std::vector<StudentEnrolment>& enrolments, TimeMs now)
{
    const StudentEnrolment* current = current_enrolment(enrolments);
    if (!current) return nullptr;
    const Lesson* next = nullptr;
    const Lesson* last = nullptr;
    for (const auto& [id, l] : state.lessons) {
        if (l.course_id != current->course_id) continue;
        if (l.end >= now && (!next || l.start < next->start)) next = &l;
        if (l.end < now && (!last || l.start > last->start)) last = &l;
    }
    return next ? next : last;
}

namespace {

// The values that do not depend on the lesson; the student's enrolment, or nullptr.
std::map<std::string, std::string> student_values(const State& state, const std::string& student_id,
                                                  std::vector<StudentEnrolment>& enrolments)
{
    std::map<std::string, std::string> v;
    auto st = state.students.find(student_id);
    if (st == state.students.end()) return v;
    if (!st->second.name.empty()) v["student"] = st->second.name;
    if (!st->second.parent_name.empty()) v["parent"] = st->second.parent_name;
    enrolments = student_enrolments(state, student_id);
    const StudentEnrolment* current = current_enrolment(enrolments);
    if (!current) return v;
    if (!current->tutor_name.empty()) v["tutor"] = current->tutor_name;
    if (!current->class_name.empty()) v["class"] = current->class_name;
    if (!current->course_name.empty()) v["course"] = current->course_name;
    return v;
}

void add_lesson_values(std::map<std::string, std::string>& v, const Lesson& lesson, const TimeZone& zone)
{
    v["lesson"] = lesson.title.empty() ? std::to_string(lesson.number) : lesson.title;
    LocalDateTime t = zone.to_local(lesson.start);
    v["time"] = two_digits(t.month) + "-" + two_digits(t.day) + " " + two_digits(t.hour) + ":" + two_digits(t.minute);
}

}  // namespace

std::map<std::string, std::string> message_values(const State& state, const std::string& student_id, TimeMs now,
                                                  const TimeZone& zone)
{
    std::vector<StudentEnrolment> enrolments;
    std::map<std::string, std::string> v = student_values(state, student_id, enrolments);
    if (const Lesson* lesson = message_lesson(state, enrolments, now)) add_lesson_values(v, *lesson, zone);
    return v;
}

std::map<std::string, std::string> lesson_message_values(const State& state, const std::string& student_id,
                                                         const Lesson& lesson, const TimeZone& zone)
{
    std::vector<StudentEnrolment> enrolments;
    std::map<std::string, std::string> v = student_values(state, student_id, enrolments);
    if (state.students.count(student_id)) add_lesson_values(v, lesson, zone);
    return v;
}

std::vector<std::string> parent_message_keys(const SopTemplate& tpl)
{
    std::set<std::string> seen;
    std::vector<std::string> out;
    for (const auto& [key, _] : tpl.messages)  // surveys parents answer (the reply parser reads them)
        if (key.rfind("survey.", 0) == 0 && seen.insert(key).second) out.push_back(key);
    for (const auto& task : tpl.tasks)
        for (const auto& sub : task.subtasks) {
            if (!sub.trigger) continue;
            for (const auto& r : sub.trigger->reminders)
                if (r.audience == Audience::Parent && tpl.messages.count(r.message) && seen.insert(r.message).second)
                    out.push_back(r.message);
        }
    if (out.empty())
        for (const auto& [key, _] : tpl.messages) out.push_back(key);
    return out;
}

}  // namespace wb

namespace wb {

std::vector<std::string> timeline_phrase_keys()
{
    std::vector<std::string> keys;
    for (const char* kind : enum_names(EventKind{})) {
        EventKind k{};
        from_string(kind, k);
        if (k == EventKind::Retraction) continue;
        auto valued = valued_kinds().find(k);
        if (valued == valued_kinds().end()) {
            keys.push_back(std::string("timeline.") + kind);
            continue;
        }
        if (valued->second.plain_without_value) keys.push_back(std::string("timeline.") + kind);
        bool has_other = false;
        for (const char* v : valued->second.values) {
            keys.push_back(std::string("timeline.") + kind + "." + v);
            has_other = has_other || std::string(v) == "other";
        }
        if (!has_other) keys.push_back(std::string("timeline.") + kind + ".other");
    }
    for (const char* k : {"call.duration.empty", "call.duration.invalid", "call.duration.seconds_range",
                          "call.duration.too_long"})
        keys.push_back(k);
    return keys;
}

}  // namespace wb

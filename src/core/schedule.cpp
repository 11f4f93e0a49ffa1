#include "core/schedule.h"

#include <algorithm>

#include "core/conditions.h"

namespace wb {
namespace {

// One occurrence of a trigger's anchor, with the students it may concern.
struct Occurrence {
    std::string key;  // part of the instance id
    TimeMs anchor_at = 0;
    const Lesson* lesson = nullptr;
    const Event* event = nullptr;
    std::vector<const Student*> students;
};

struct Run {
    const State& state;
    const ScheduleQuery& query;
    const TimeZone& zone;
    EventHistory history;
    Schedule& out;
    // Each class's enrolments in id order, gathered once: scanning every enrolment per lesson
    // and trigger cost most of a manager's schedule at 10 000 students.
    std::map<std::string, std::vector<const Enrolment*>> class_enrolments;
};

std::vector<const Lesson*> course_lessons(const State& s, const std::string& course_id)
{
    std::vector<const Lesson*> out;
    for (const auto& [_, l] : s.lessons)
        if (l.course_id == course_id) out.push_back(&l);
    std::sort(out.begin(), out.end(), [](const Lesson* a, const Lesson* b) { return a->number < b->number; });
    return out;
}

// Students of a class; `enrolled_by`: only those enrolled by then (a late joiner has no tasks for
// the lessons before they came).
std::vector<const Student*> class_students(const Run& run, const std::string& class_id, bool active_only,
                                           TimeMs enrolled_by = std::numeric_limits<TimeMs>::max())
{
    std::vector<const Student*> out;
    auto enrolments = run.class_enrolments.find(class_id);
    if (enrolments == run.class_enrolments.end()) return out;
    for (const Enrolment* e : enrolments->second) {
        if ((active_only && e->status != EnrolmentStatus::Active) || e->enrolled_at > enrolled_by) continue;
        auto it = run.state.students.find(e->student_id);
        if (it != run.state.students.end()) out.push_back(&it->second);
    }
    return out;
}

bool lesson_selected(const Trigger& t, const Lesson& l, int first, int last)
{
    switch (t.lessons) {
    case LessonFilter::All: return true;
    case LessonFilter::First: return l.number == first;
    case LessonFilter::Last: return l.number == last;
    case LessonFilter::Listed: return std::count(t.lesson_numbers.begin(), t.lesson_numbers.end(), l.number) > 0;
    }
    return false;
}

EventKind anchor_event_kind(Anchor a)
{
    switch (a) {
    case Anchor::HomeworkSubmitted: return EventKind::HomeworkSubmitted;
    case Anchor::Grade: return EventKind::Grade;
    case Anchor::RefundRequested: return EventKind::RefundRequested;
    case Anchor::ClassDropOut: return EventKind::ClassDropOut;
    case Anchor::TicketOpened: return EventKind::TicketOpened;
    case Anchor::Complaint: return EventKind::Complaint;
    default: return EventKind::Handoff;
    }
}

std::vector<Occurrence> roster_occurrences(const Run& run, const Trigger& t, const TutoringClass& cls)
{
    std::vector<Occurrence> out;
    auto lessons = course_lessons(run.state, cls.course_id);
    if (is_lesson_anchor(t.anchor)) {
        for (const Lesson* l : lessons) {
            if (!lesson_selected(t, *l, lessons.front()->number, lessons.back()->number)) continue;
            out.push_back({l->id, t.anchor == Anchor::LessonStart ? l->start : l->end, l, nullptr,
                           class_students(run, cls.id, true, l->start)});
        }
    } else if (t.anchor == Anchor::CourseEnd && !lessons.empty()) {
        out.push_back({"end", lessons.back()->end, nullptr, nullptr, class_students(run, cls.id, true)});
    } else if (t.anchor == Anchor::Enrolment) {
        auto enrolments = run.class_enrolments.find(cls.id);
        if (enrolments == run.class_enrolments.end()) return out;
        for (const Enrolment* e : enrolments->second) {
            if (e->status != EnrolmentStatus::Active) continue;
            auto st = run.state.students.find(e->student_id);
            if (st != run.state.students.end()) out.push_back({e->id, e->enrolled_at, nullptr, nullptr, {&st->second}});
        }
    }
    return out;
}

std::vector<Occurrence> event_occurrences(const Run& run, const Trigger& t, const TutoringClass& cls)
{
    std::vector<Occurrence> out;
    EventKind kind = anchor_event_kind(t.anchor);
    for (const Student* st : class_students(run, cls.id, false)) {
        for (const Event* e : run.history.of(st->id)) {
            if (e->kind != kind || (!t.event_value.empty() && e->value != t.event_value)) continue;
            auto lesson = run.state.lessons.find(e->lesson_id);
            const Lesson* l = lesson == run.state.lessons.end() ? nullptr : &lesson->second;
            out.push_back({e->id, e->at, l, e, {st}});
        }
    }
    return out;
}

std::string describe_offset(const Offset& o)
{
    auto sign = [](int v) { return (v >= 0 ? "+" : "") + std::to_string(v); };
    std::string s;
    if (o.days) s += sign(o.days) + "d";
    if (!o.at.empty()) return (s.empty() ? "+0d" : s) + " at " + o.at;
    if (o.hours) s += sign(o.hours) + "h";
    if (o.minutes) s += sign(o.minutes) + "min";
    return s.empty() ? "+0" : s;
}

std::string why(const Task& task, const SubTask& sub, const Occurrence& occ)
{
    const Trigger& t = *sub.trigger;
    std::string text = "task " + std::to_string(task.number) + " " + task.title.zh + " > " + sub.id + " > " +
                       to_string(t.anchor) + " " + describe_offset(t.offset);
    if (occ.lesson) text += " > lesson " + std::to_string(occ.lesson->number);
    if (occ.event) text += " > event " + occ.event->id;
    return text;
}

DueStatus status_of(const DueTask& d, const TaskRecord* record, TimeMs now)
{
    if (record && record->done) return DueStatus::Done;
    if (d.open_at > now) return DueStatus::Upcoming;
    if (d.student_ids.empty()) return DueStatus::Closed;
    if (record && record->snoozed_until > now) return DueStatus::Snoozed;
    return now > d.due_at ? DueStatus::Overdue : DueStatus::Open;
}

}  // namespace

namespace {

// The students of `occ` for whom every condition still holds.
std::vector<std::string> concerned_students(const Run& run, const Trigger& t, const Occurrence& occ, TimeMs open_at)
{
    std::vector<std::string> ids;
    for (const Student* st : occ.students) {
        ConditionSubject subject{&run.history.of(st->id), st, occ.lesson ? occ.lesson->id : "", occ.event, open_at};
        if (all_conditions_hold(t.conditions, subject)) ids.push_back(st->id);
    }
    return ids;
}

std::string recipient(const Run& run, Audience audience, const std::string& tutor_id)
{
    if (audience != Audience::Manager) return audience == Audience::Tutor ? tutor_id : "";
    auto it = run.state.users.find(tutor_id);
    return it == run.state.users.end() ? "" : it->second.manager_id;
}

void add_reminders(Run& run, const Trigger& t, const DueTask& d)
{
    if (d.status == DueStatus::Done || d.status == DueStatus::Closed || d.student_ids.empty()) return;
    for (size_t i = 0; i < t.reminders.size(); ++i) {
        const Reminder& r = t.reminders[i];
        DueReminder rem;
        rem.planned_at = resolve_offset(r.offset, d.anchor_at, run.zone);
        rem.at = rem.planned_at;
        if (r.audience == Audience::Parent) rem.at = after_quiet_hours(rem.at, run.state.organisation.quiet_hours, run.zone);
        else if (d.snoozed_until > rem.at) rem.at = d.snoozed_until;
        if (rem.at > run.query.now || rem.at <= run.query.fired_after) continue;
        rem.id = d.id + "#" + std::to_string(i);
        rem.instance_id = d.id;
        rem.channels = r.channels;
        rem.audience = r.audience;
        rem.recipient_id = recipient(run, r.audience, d.tutor_id);
        rem.student_ids = d.student_ids;
        rem.message = r.message;
        rem.action = r.action;
        run.out.reminders.push_back(std::move(rem));
    }
}

void add_instance(Run& run, const Task& task, const SubTask& sub, const TutoringClass& cls, const Occurrence& occ,
                  const Student* only)
{
    const Trigger& t = *sub.trigger;
    DueTask d;
    d.open_at = resolve_offset(t.offset, occ.anchor_at, run.zone);
    if (d.open_at > run.query.now + run.query.horizon_ms) return;
    const Offset* due = &t.due;
    if (only) {
        auto seg = t.due_by_segment.find(only->segment);
        if (seg != t.due_by_segment.end()) due = &seg->second;
    }
    d.due_at = resolve_offset(*due, occ.anchor_at, run.zone);
    d.id = sub.id + "/" + occ.key + "/" + (only ? only->id : cls.id);
    d.task_number = task.number;
    d.task_id = task.id;
    d.subtask_id = sub.id;
    d.anchor = t.anchor;
    d.tutor_id = cls.tutor_id;
    d.class_id = cls.id;
    d.lesson_id = occ.lesson ? occ.lesson->id : "";
    d.event_id = occ.event ? occ.event->id : "";
    d.anchor_at = occ.anchor_at;
    Occurrence subset = occ;
    if (only) subset.students = {only};
    d.subject_count = int(subset.students.size());
    d.student_ids = concerned_students(run, t, subset, d.open_at);
    auto rec = run.state.task_records.find(d.id);
    const TaskRecord* record = rec == run.state.task_records.end() ? nullptr : &rec->second;
    if (record) {
        d.done_at = record->done_at;
        d.snoozed_until = record->snoozed_until;  // also after it ended: reminders stay delayed to it
        d.snooze_reason = record->snooze_reason;
    }
    d.status = status_of(d, record, run.query.now);
    d.why = why(task, sub, occ);
    add_reminders(run, t, d);
    if (d.status != DueStatus::Closed || run.query.include_closed) run.out.tasks.push_back(std::move(d));
}

void schedule_subtask(Run& run, const Task& task, const SubTask& sub, const TutoringClass& cls)
{
    const Trigger& t = *sub.trigger;
    auto occurrences = is_event_anchor(t.anchor) ? event_occurrences(run, t, cls) : roster_occurrences(run, t, cls);
    for (const auto& occ : occurrences) {
        if (t.scope == Scope::Class) {
            add_instance(run, task, sub, cls, occ, nullptr);
            continue;
        }
        for (const Student* st : occ.students) add_instance(run, task, sub, cls, occ, st);
    }
}

}  // namespace

TimeMs resolve_offset(const Offset& o, TimeMs anchor, const TimeZone& zone)
{
    int at = offset_at_minute(o);
    if (at >= 0) return zone.local_day_at(anchor, o.days, at);
    return anchor + o.days * kDayMs + o.hours * kHourMs + o.minutes * kMinuteMs;
}

TimeMs after_quiet_hours(TimeMs t, const QuietHours& quiet, const TimeZone& zone)
{
    int m = zone.to_local(t).minute_of_day();
    int start = quiet.start_minute, end = quiet.end_minute;
    if (start == end) return t;
    bool crosses_midnight = start > end;
    bool quiet_now = crosses_midnight ? (m >= start || m < end) : (m >= start && m < end);
    if (!quiet_now) return t;
    int day_shift = crosses_midnight && m >= start ? 1 : 0;
    return zone.local_day_at(t, day_shift, end);
}

std::string active_template(const State& state, SopTemplate& out)
{
    const std::string& id = state.organisation.template_id;
    auto stored = state.templates.find(id);
    if (stored != state.templates.end()) return parse_template(stored->second, out);
    const char* builtin = builtin_template_text(id);
    if (!builtin) return "no template \"" + id + "\" (store one with template.set, or use tutor / csm)";
    return parse_template_text(builtin, out);
}

Schedule compute_schedule(const State& state, const SopTemplate& tpl, const ScheduleQuery& query)
{
    Schedule out;
    TimeZone zone;
    if (!TimeZone::find(state.organisation.time_zone, zone, out.error)) return out;
    Run run{state, query, zone, EventHistory(state, query.now), out, {}};
    for (const auto& [_, e] : state.enrolments) run.class_enrolments[e.class_id].push_back(&e);
    for (const auto& [_, cls] : state.classes) {
        if (!query.tutor_id.empty() && cls.tutor_id != query.tutor_id) continue;
        for (const auto& task : tpl.tasks)
            for (const auto& sub : task.subtasks)
                if (sub.trigger) schedule_subtask(run, task, sub, cls);
    }
    std::sort(out.tasks.begin(), out.tasks.end(), [](const DueTask& a, const DueTask& b) {
        return a.due_at != b.due_at ? a.due_at < b.due_at : a.id < b.id;
    });
    std::sort(out.reminders.begin(), out.reminders.end(), [](const DueReminder& a, const DueReminder& b) {
        return a.at != b.at ? a.at < b.at : a.id < b.id;
    });
    return out;
}

}  // namespace wb

#pragma once
// SOP template [目标 <= 任务 = 行为1 + … + 行为N]: goals -> tasks -> sub-tasks -> behaviours,
// each node with a metric and target, sub-tasks with a trigger saying when task instances
// appear, for whom, until when they stay open, and which reminders go out on which channel.
// The format is documented in assets/templates/README.md; parse_template() validates it and
// reports the first problem as "<JSON path>: <what is wrong>".
#include <map>
#include <string>
#include <vector>

#include "core/json_fields.h"
#include "core/model.h"

namespace wb {

struct Text {
    std::string zh;
    std::string en;
};
template <class F> void describe(F& f, Text& t)
{
    f("zh-CN", t.zh, Need::Required);
    f("en", t.en);
}

enum class TargetOp { AtLeast, AtMost, Below, Above, Between };
inline const std::vector<const char*>& enum_names(TargetOp)
{
    static const std::vector<const char*> n{">=", "<=", "<", ">", "between"};
    return n;
}

struct Target {
    TargetOp op = TargetOp::AtLeast;
    double value = 0;  // rates are fractions (0.9 = 90 %)
    double max = 0;    // "between" only
};
template <class F> void describe(F& f, Target& t)
{
    f("op", t.op, Need::Required);
    f("value", t.value, Need::Required);
    f("max", t.max);
}
bool target_met(const Target& target, double value);

struct MetricRef {
    std::string id;  // from metric_catalog()
    Target target;
};
template <class F> void describe(F& f, MetricRef& m)
{
    f("id", m.id, Need::Required);
    f("target", m.target, Need::Required);
}

// An offset from the anchor: either a plain duration (days/hours/minutes, any sign) or a local
// calendar day shift with a wall-clock time ("days": -2, "at": "19:00").
struct Offset {
    int days = 0;
    int hours = 0;
    int minutes = 0;
    std::string at;  // "HH:MM" local time of the organisation, optional
};
template <class F> void describe(F& f, Offset& o)
{
    f("days", o.days);
    f("hours", o.hours);
    f("minutes", o.minutes);
    f("at", o.at);
}

enum class Anchor {
    LessonStart, LessonEnd, Enrolment, CourseEnd,                          // roster anchors
    HomeworkSubmitted, Grade, RefundRequested, ClassDropOut, TicketOpened, Handoff,  // events
    Complaint,
};
inline const std::vector<const char*>& enum_names(Anchor)
{
    static const std::vector<const char*> n{"lesson_start", "lesson_end", "enrolment", "course_end",
                                            "homework_submitted", "grade", "refund_requested",
                                            "class_dropout", "ticket_opened", "handoff", "complaint"};
    return n;
}
bool is_event_anchor(Anchor a);
bool is_lesson_anchor(Anchor a);

enum class LessonFilter { All, First, Last, Listed };
inline const std::vector<const char*>& enum_names(LessonFilter)
{
    static const std::vector<const char*> n{"all", "first", "last", "listed"};
    return n;
}

// One instance per student, or one per class (per anchor) listing the students it concerns.
enum class Scope { Student, Class };
inline const std::vector<const char*>& enum_names(Scope)
{
    static const std::vector<const char*> n{"student", "class"};
    return n;
}

enum class Channel { Workbench, Dingtalk, Sms, Call };
inline const std::vector<const char*>& enum_names(Channel)
{
    static const std::vector<const char*> n{"workbench", "dingtalk", "sms", "call"};
    return n;
}

enum class Audience { Tutor, Parent, Manager };
inline const std::vector<const char*>& enum_names(Audience)
{
    static const std::vector<const char*> n{"tutor", "parent", "manager"};
    return n;
}

// What a reminder does beyond telling someone: the server acts on these.
enum class ReminderAction { Notify, AutoCall, AutoRefund };
inline const std::vector<const char*>& enum_names(ReminderAction)
{
    static const std::vector<const char*> n{"notify", "auto_call", "auto_refund"};
    return n;
}

struct Reminder {
    Offset offset;
    std::vector<Channel> channels;
    Audience audience = Audience::Tutor;
    std::string message;  // message template key
    ReminderAction action = ReminderAction::Notify;
};
template <class F> void describe(F& f, Reminder& r)
{
    f("offset", r.offset, Need::Required);
    f("channels", r.channels, Need::Required);
    f("audience", r.audience);
    f("message", r.message, Need::Required);
    f("action", r.action);
}

struct Trigger {
    Anchor anchor = Anchor::LessonStart;
    std::string event_value;  // event anchors: only events with this value (grade "B", ...)
    LessonFilter lessons = LessonFilter::All;
    std::vector<int> lesson_numbers;  // with "listed"
    Scope scope = Scope::Student;
    Offset offset;                    // when the instance appears
    Offset due;                       // when it is overdue (from the anchor)
    std::map<std::string, Offset> due_by_segment;  // CSM SLAs by customer size
    std::vector<std::string> conditions;  // see condition_catalog(); "name" or "name:argument"
    std::vector<Reminder> reminders;
};
template <class F> void describe(F& f, Trigger& t)
{
    f("anchor", t.anchor, Need::Required);
    f("eventValue", t.event_value);
    f("lessons", t.lessons);
    f("lessonNumbers", t.lesson_numbers);
    f("scope", t.scope);
    f("offset", t.offset, Need::Required);
    f("due", t.due, Need::Required);
    f("dueBySegment", t.due_by_segment);
    f("conditions", t.conditions);
    f("reminders", t.reminders);
}

struct Behaviour {
    std::string id;
    Text title;
};
template <class F> void describe(F& f, Behaviour& b)
{
    f("id", b.id, Need::Required);
    f("title", b.title, Need::Required);
}

struct SubTask {
    std::string id;
    Text title;
    std::vector<MetricRef> metrics;
    std::optional<Trigger> trigger;
    std::vector<Behaviour> behaviours;
};
template <class F> void describe(F& f, SubTask& s)
{
    f("id", s.id, Need::Required);
    f("title", s.title, Need::Required);
    f("metrics", s.metrics);
    f("trigger", s.trigger);
    f("behaviours", s.behaviours, Need::Required);
}

struct Task {
    std::string id;
    int number = 0;
    Text title;
    std::string goal;  // id of the goal it serves
    std::vector<MetricRef> metrics;
    std::vector<SubTask> subtasks;
};
template <class F> void describe(F& f, Task& t)
{
    f("id", t.id, Need::Required);
    f("number", t.number, Need::Required);
    f("title", t.title, Need::Required);
    f("goal", t.goal, Need::Required);
    f("metrics", t.metrics);
    f("subtasks", t.subtasks, Need::Required);
}

struct Goal {
    std::string id;
    Text title;
    std::vector<MetricRef> metrics;
};
template <class F> void describe(F& f, Goal& g)
{
    f("id", g.id, Need::Required);
    f("title", g.title, Need::Required);
    f("metrics", g.metrics, Need::Required);
}

// Which saved version a stored template is (set by the template editor; absent in the files
// shipped in assets/templates, which count as version 1).
struct Revision {
    int version = 1;
    std::string by;   // user id of the admin who saved it
    int64_t at = 0;   // UTC ms
    std::string note;
};
template <class F> void describe(F& f, Revision& r)
{
    f("version", r.version, Need::Required);
    f("by", r.by);
    f("at", r.at);
    f("note", r.note);
}

struct SopTemplate {
    std::string format;  // "workbench-sop/1"
    std::string id;
    Text name;
    std::optional<Revision> revision;
    std::vector<Goal> goals;
    std::vector<Task> tasks;
    std::map<std::string, Text> messages;  // message template key -> text with {placeholders}
};
template <class F> void describe(F& f, SopTemplate& t)
{
    f("format", t.format, Need::Required);
    f("id", t.id, Need::Required);
    f("name", t.name, Need::Required);
    f("goals", t.goals, Need::Required);
    f("tasks", t.tasks, Need::Required);
    f("messages", t.messages, Need::Required);
    f("revision", t.revision);
}

// Reads and validates; returns "" or "<JSON path>: <what is wrong>" for the first problem.
std::string parse_template(const Json& j, SopTemplate& out);
// The same problem as a path and a Phrase (the template editor shows it in the admin's language).
SchemaProblem template_problem_of(const Json& j, SopTemplate& out);
// Every key template_problem_of() may give ("template.check.*"; structure: schema_problem_keys()).
std::vector<std::string> template_problem_keys();
std::string parse_template_text(std::string_view text, SopTemplate& out);

// "at" as minutes of the day, or -1 when absent / malformed.
int offset_at_minute(const Offset& o);

// The templates shipped in assets/templates (embedded in the binary).
const char* builtin_template_text(std::string_view id);  // "tutor" / "csm"; nullptr if unknown

// The text of message `key` in zh-CN (or en when `english`), with {name} placeholders replaced
// by `values`; unknown placeholders stay visible. "" when the key is unknown.
std::string render_message(const SopTemplate& tpl, const std::string& key, bool english,
                           const std::map<std::string, std::string>& values);
// `text` with each {name} that `values` has replaced by its value; unknown ones stay visible.
std::string fill_placeholders(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace wb

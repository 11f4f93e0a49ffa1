#include "core/mutation.h"

#include <functional>
#include <map>

#include "core/event_rules.h"
#include "core/outbox_rules.h"
#include "core/sop_template.h"
#include "core/time_zone.h"

namespace wb {
namespace {

using Handler = std::function<MutationResult(State&, const Json&)>;

MutationResult bad(const std::string& why) { return MutationResult::rejected(why); }

template <class T>
bool read_args(const Json& args, T& out, std::string& error)
{
    error = read_json(args, out, "args");
    return error.empty();
}

MutationResult org_configure(State& s, const Json& args)
{
    Organisation org;
    std::string err;
    if (!read_args(args, org, err)) return bad(err);
    TimeZone zone;
    if (!TimeZone::find(org.time_zone, zone, err)) return bad("args/timeZone: " + err);
    auto valid_minute = [](int m) { return m >= 0 && m < 24 * 60; };
    if (!valid_minute(org.quiet_hours.start_minute) || !valid_minute(org.quiet_hours.end_minute))
        return bad("args/quietHours: minutes of the day must be within 0..1439");
    s.organisation = org;
    return MutationResult::accepted();
}

MutationResult user_upsert(State& s, const Json& args)
{
    User user;
    std::string err;
    if (!read_args(args, user, err)) return bad(err);
    if (user.role == Role::Tutor) {
        auto it = s.users.find(user.manager_id);
        if (user.manager_id.empty()) return bad("tutor " + user.id + " needs a manager (args/managerId)");
        if (it == s.users.end() || it->second.role != Role::Manager)
            return bad("args/managerId: " + user.manager_id + " is not a manager");
    }
    s.users[user.id] = user;
    return MutationResult::accepted();
}

MutationResult course_upsert(State& s, const Json& args)
{
    Course course;
    std::string err;
    if (!read_args(args, course, err)) return bad(err);
    s.courses[course.id] = course;
    return MutationResult::accepted();
}

MutationResult lesson_upsert(State& s, const Json& args)
{
    Lesson lesson;
    std::string err;
    if (!read_args(args, lesson, err)) return bad(err);
    if (!s.courses.count(lesson.course_id)) return bad("args/courseId: no course " + lesson.course_id);
    if (lesson.end <= lesson.start) return bad("args/end: a lesson must end after it starts");
    if (lesson.number < 1) return bad("args/number: lesson numbers start at 1");
    if (!lesson.lecturer_id.empty() && !s.users.count(lesson.lecturer_id))
        return bad("args/lecturerId: no user " + lesson.lecturer_id);
    s.lessons[lesson.id] = lesson;
    return MutationResult::accepted();
}

MutationResult class_upsert(State& s, const Json& args)
{
    TutoringClass cls;
    std::string err;
    if (!read_args(args, cls, err)) return bad(err);
    if (!s.courses.count(cls.course_id)) return bad("args/courseId: no course " + cls.course_id);
    auto tutor = s.users.find(cls.tutor_id);
    if (tutor == s.users.end() || tutor->second.role != Role::Tutor)
        return bad("args/tutorId: " + cls.tutor_id + " is not a tutor");
    s.classes[cls.id] = cls;
    return MutationResult::accepted();
}

MutationResult student_upsert(State& s, const Json& args)
{
    Student student;
    std::string err;
    if (!read_args(args, student, err)) return bad(err);
    s.students[student.id] = student;
    return MutationResult::accepted();
}

MutationResult enrolment_upsert(State& s, const Json& args)
{
    Enrolment e;
    std::string err;
    if (!read_args(args, e, err)) return bad(err);
    if (!s.students.count(e.student_id)) return bad("args/studentId: no student " + e.student_id);
    if (!s.classes.count(e.class_id)) return bad("args/classId: no class " + e.class_id);
    s.enrolments[e.id] = e;
    return MutationResult::accepted();
}

MutationResult event_record(State& s, const Json& args)
{
    Event e;
    std::string err;
    if (!read_args(args, e, err)) return bad(err);
    err = record_event(s, std::move(e));
    if (!err.empty()) return bad(err);
    return MutationResult::accepted();
}

struct RetractArgs {
    std::string id;
    std::string event_id;
    TimeMs at = 0;
    std::string by;
    std::string reason;
};
template <class F> void describe(F& f, RetractArgs& a)
{
    f("id", a.id, Need::Required);
    f("eventId", a.event_id, Need::Required);
    f("at", a.at, Need::Required);
    f("by", a.by);
    f("reason", a.reason);
}

// A mistaken event is not deleted: a retraction event points at it, with who, when and why.
MutationResult event_retract(State& s, const Json& args)
{
    RetractArgs a;
    std::string err;
    if (!read_args(args, a, err)) return bad(err);
    Event r;
    r.id = a.id;
    r.kind = EventKind::Retraction;
    r.at = a.at;
    r.ref_id = a.event_id;
    r.actor_id = a.by;
    r.reason = a.reason;
    err = check_retraction(s, r);
    if (!err.empty()) return bad(err);
    r.student_id = find_event(s, a.event_id)->student_id;
    s.event_index[r.id] = s.events.size();
    s.events.push_back(std::move(r));
    undo_event_effects(s, *find_event(s, a.event_id));
    return MutationResult::accepted();
}

struct TaskArgs {
    std::string instance_id;
    TimeMs at = 0;
    std::string by;
    TimeMs until = 0;
    std::string reason;
};
template <class F> void describe(F& f, TaskArgs& a)
{
    f("instanceId", a.instance_id, Need::Required);
    f("at", a.at, Need::Required);
    f("by", a.by);
    f("until", a.until);
    f("reason", a.reason);
}

MutationResult task_action(State& s, const Json& args, TaskAction action)
{
    TaskArgs a;
    std::string err;
    if (!read_args(args, a, err)) return bad(err);
    if (action == TaskAction::Snooze && a.reason.empty())
        return bad("args/reason: say why the task is snoozed");
    if (action == TaskAction::Snooze && a.until <= a.at)
        return bad("args/until: a snooze must end after it starts");
    auto& record = s.task_records[a.instance_id];
    record.instance_id = a.instance_id;
    if (action == TaskAction::Snooze) {
        record.snoozed_until = a.until;
        record.snooze_reason = a.reason;
    } else if (action == TaskAction::Done) {
        record.done = true;
        record.done_at = a.at;
        record.snoozed_until = 0;
    } else {
        record.done = false;
        record.snoozed_until = 0;
    }
    record.history.push_back({action, a.at, a.by, a.reason, a.until});
    return MutationResult::accepted();
}

MutationResult template_set(State& s, const Json& args)
{
    if (!args.is_object() || !args.contains("id") || !args["id"].is_string())
        return bad("args/id: a template id (string) is required");
    if (!args.contains("template")) return bad("args/template: is required");
    SopTemplate tpl;
    auto err = parse_template(args["template"], tpl);
    if (!err.empty()) return bad("args/template" + err);
    s.templates[args["id"].get<std::string>()] = args["template"];
    return MutationResult::accepted();
}

const std::map<std::string, Handler>& handlers()
{
    static const std::map<std::string, Handler> table{
        {"org.configure", org_configure},
        {"user.upsert", user_upsert},
        {"course.upsert", course_upsert},
        {"lesson.upsert", lesson_upsert},
        {"class.upsert", class_upsert},
        {"student.upsert", student_upsert},
        {"enrolment.upsert", enrolment_upsert},
        {"event.record", event_record},
        {"event.retract", event_retract},
        {"task.done", [](State& s, const Json& a) { return task_action(s, a, TaskAction::Done); }},
        {"task.snooze", [](State& s, const Json& a) { return task_action(s, a, TaskAction::Snooze); }},
        {"task.reopen", [](State& s, const Json& a) { return task_action(s, a, TaskAction::Reopen); }},
        {"template.set", template_set},
        {"message.queue", message_queue},
        {"message.attempt", message_attempt},
        {"message.cancel", message_cancel},
    };
    return table;
}

}  // namespace

MutationResult apply(State& state, const Mutation& mutation)
{
    auto it = handlers().find(mutation.name);
    if (it == handlers().end()) return bad("unknown mutation \"" + mutation.name + "\"");
    if (!mutation.args.is_object()) return bad("args: expected an object");
    // Handlers validate fully before they write, so a rejection leaves the state untouched.
    auto result = it->second(state, mutation.args);
    if (result.ok) ++state.version;
    return result;
}

std::vector<std::string> mutation_names()
{
    std::vector<std::string> names;
    for (const auto& [name, _] : handlers()) names.push_back(name);
    return names;
}

}  // namespace wb

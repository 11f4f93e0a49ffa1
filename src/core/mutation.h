#pragma once
// The single write path. Every change to a State is a named Mutation with JSON arguments,
// validated and applied by `apply`. The mutator is deterministic: ids and times come from the
// arguments, never from a clock or a random generator, so the client (optimistically) and the
// server (authoritatively) reach the same state by replaying the same mutations.
//
// Mutations (arguments in camelCase, as in the dataset JSON):
//   org.configure      {id, name, timeZone, quietHours, templateId}
//   user.upsert        {id, name, role, managerId, phone}      tutors need a manager
//   course.upsert      {id, name}
//   lesson.upsert      {id, courseId, number, title, start, end, lecturerId}
//   class.upsert       {id, courseId, tutorId, name}
//   student.upsert     {id, name, parentName, parentPhone, studentPhone, wechat, address, segment}
//   enrolment.upsert   {id, studentId, classId, enrolledAt, status}
//   event.record       {id, kind, at, studentId, lessonId, ...}  see event.h
//   event.retract      {id, eventId, at, by, reason}           a mistaken event: a retraction
//                                                              event, both kept in history
//   task.done          {instanceId, at, by}
//   task.snooze        {instanceId, at, by, until, reason}     a reason is required
//   task.reopen        {instanceId, at, by, reason}
//   template.set       {id, template}                          validated SOP template
//   message.queue / message.attempt / message.cancel          the outbox: see outbox_rules.h
#include <string>
#include <vector>

#include "core/state.h"

namespace wb {

struct Mutation {
    std::string name;
    Json args = Json::object();
};
template <class F> void describe(F& f, Mutation& m)
{
    f("name", m.name, Need::Required);
    f("args", m.args, Need::Required);
}

struct MutationResult {
    bool ok = true;
    std::string reason;  // why it was rejected, for a person to read
    static MutationResult accepted() { return {}; }
    static MutationResult rejected(std::string why) { return {false, std::move(why)}; }
};

// Validates and applies; on rejection the state is unchanged.
MutationResult apply(State& state, const Mutation& mutation);

// The names `apply` understands.
std::vector<std::string> mutation_names();

}  // namespace wb

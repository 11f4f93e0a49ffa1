#pragma once
// The whole dataset of one organisation. Only the mutator (mutation.h) changes it.
// Entities are kept in maps by id so lookups stay fast at thousands of students and tens of
// thousands of events; JSON holds them as arrays sorted by id.
#include <map>
#include <string>

#include "core/event.h"
#include "core/model.h"
#include "core/outbox.h"
#include "core/task_record.h"

namespace wb {

struct State {
    Organisation organisation;
    std::map<std::string, User> users;
    std::map<std::string, Course> courses;
    std::map<std::string, Lesson> lessons;
    std::map<std::string, TutoringClass> classes;
    std::map<std::string, Student> students;
    std::map<std::string, Enrolment> enrolments;
    std::vector<Event> events;                  // in the order they were recorded
    std::map<std::string, size_t> event_index;  // event id -> position in `events`
    std::map<std::string, TaskRecord> task_records;
    std::map<std::string, Json> templates;      // template id -> validated SOP template JSON
    std::map<std::string, OutboxMessage> messages;  // the outbox: message id -> message
    int64_t version = 0;                        // number of mutations applied
};

Json state_to_json(const State& state);
// Reads a dataset written by state_to_json; returns "" or "<json path>: <what is wrong>".
std::string state_from_json(const Json& j, State& out);

const Event* find_event(const State& state, const std::string& id);

}  // namespace wb

#include "sync/scope.h"

#include <algorithm>

namespace wb::sync {

bool Scope::reads(const std::string& owner) const
{
    if (!known) return false;
    if (whole_organisation || owner == kSharedOwner) return true;
    return tutors.count(owner) > 0;
}

bool Scope::writes(const std::string& owner) const
{
    if (!known) return false;
    if (whole_organisation) return true;
    return owner != kSharedOwner && owner != kUnassignedOwner && tutors.count(owner) > 0;
}

Scope scope_for(const State& state, const std::string& user_id)
{
    Scope scope;
    scope.user_id = user_id;
    auto it = state.users.find(user_id);
    if (it == state.users.end()) return scope;
    scope.known = true;
    switch (it->second.role) {
    case Role::Admin:
        scope.whole_organisation = true;
        break;
    case Role::Manager:
        for (const auto& [id, user] : state.users)
            if (user.role == Role::Tutor && user.manager_id == user_id) scope.tutors.insert(id);
        break;
    case Role::Tutor:
        scope.tutors.insert(user_id);
        break;
    }
    return scope;
}

namespace {
// Remembers the first value a key had in this update (later changes in it must not overwrite it).
template <class Map, class Value>
void remember(Map* before, const std::string& key, const Value& was)
{
    if (before) before->emplace(key, was);
}

std::string student_of(const State& state, const RowKey& key)
{
    if (key.kind == "enrolments") {
        auto it = state.enrolments.find(key.id);
        return it == state.enrolments.end() ? "" : it->second.student_id;
    }
    if (key.kind == "messages") {
        auto it = state.messages.find(key.id);
        return it == state.messages.end() ? "" : it->second.student_id;
    }
    const Event* e = find_event(state, key.id);
    return e ? e->student_id : "";
}
}  // namespace

RowOwners::RowOwners(const State& state)
{
    for (const auto& [id, c] : state.classes) class_tutor_[id] = c.tutor_id;
    for (const auto& [id, u] : state.users)
        if (u.role == Role::Tutor) tutors_.insert(id);
    std::set<std::string> students;
    for (const auto& [id, e] : state.enrolments) index_row(state, {"enrolments", id}, students);
    for (const auto& e : state.events) index_row(state, {"events", e.id}, students);
    for (const auto& [id, m] : state.messages) index_row(state, {"messages", id}, students);
    for (const auto& student : students) recompute_student(state, student, nullptr);
}

void RowOwners::update(const State& state, const std::vector<RowKey>& changed, OwnersBefore* before)
{
    std::set<std::string> students;  // whose tutor may have changed
    bool class_changed = false;
    for (const auto& key : changed) {
        if (key.kind == "classes") {
            auto was = class_tutor_.find(key.id);
            remember(before ? &before->class_tutor : nullptr, key.id, was == class_tutor_.end() ? "" : was->second);
            auto now = state.classes.find(key.id);
            if (now == state.classes.end()) class_tutor_.erase(key.id);
            else class_tutor_[key.id] = now->second.tutor_id;
            class_changed = true;
        } else if (key.kind == "users") {
            remember(before ? &before->tutor : nullptr, key.id, tutors_.count(key.id) > 0);
            auto now = state.users.find(key.id);
            if (now != state.users.end() && now->second.role == Role::Tutor) tutors_.insert(key.id);
            else tutors_.erase(key.id);
        } else if (key.kind == "enrolments" || key.kind == "events" || key.kind == "messages") {
            std::set<std::string> touched;
            index_row(state, key, touched);
            if (key.kind == "enrolments") students.insert(touched.begin(), touched.end());
        }
    }
    if (class_changed) {  // any enrolled student's tutor may have changed (classes change rarely)
        for (const auto& [student, rows] : student_rows_) students.insert(student);
        for (const auto& [student, tutor] : student_tutor_) students.insert(student);
    }
    for (const auto& student : students) recompute_student(state, student, before);
}

void RowOwners::index_row(const State& state, const RowKey& key, std::set<std::string>& touched)
{
    std::string now = student_of(state, key);
    if (!now.empty()) touched.insert(now);  // an enrolment may have changed class or status
    auto was = row_student_.find(key);
    if (was != row_student_.end()) {
        if (was->second == now) return;
        touched.insert(was->second);
        auto rows = student_rows_.find(was->second);
        rows->second.erase(key);
        if (rows->second.empty()) student_rows_.erase(rows);
        row_student_.erase(was);
    }
    if (now.empty()) return;
    row_student_[key] = now;
    student_rows_[now].insert(key);
}

// An active enrolment decides (the last by id); otherwise the first enrolment of any status.
void RowOwners::recompute_student(const State& state, const std::string& student_id, OwnersBefore* before)
{
    std::string first, active;
    auto rows = student_rows_.find(student_id);
    if (rows != student_rows_.end()) {
        for (const auto& key : rows->second) {
            if (key.kind != "enrolments") continue;
            const Enrolment& e = state.enrolments.at(key.id);
            std::string tutor = tutor_of_class(e.class_id, nullptr);
            if (tutor.empty()) continue;
            if (first.empty()) first = tutor;
            if (e.status == EnrolmentStatus::Active) active = tutor;
        }
    }
    const std::string& tutor = active.empty() ? first : active;
    auto was = student_tutor_.find(student_id);
    remember(before ? &before->student_tutor : nullptr, student_id, was == student_tutor_.end() ? "" : was->second);
    if (tutor.empty()) student_tutor_.erase(student_id);
    else student_tutor_[student_id] = tutor;
}

std::vector<RowKey> RowOwners::rows_of_student(const State& state, const std::string& student_id) const
{
    std::vector<RowKey> out;
    auto rows = student_rows_.find(student_id);
    if (rows == student_rows_.end()) return out;
    std::vector<std::pair<size_t, RowKey>> events;
    std::vector<RowKey> messages;
    for (const auto& key : rows->second) {
        if (key.kind == "enrolments") out.push_back(key);
        else if (key.kind == "messages") messages.push_back(key);
        else events.emplace_back(state.event_index.at(key.id), key);
    }
    std::sort(events.begin(), events.end());
    for (auto& [position, key] : events) out.push_back(std::move(key));
    for (auto& key : messages) out.push_back(std::move(key));
    return out;
}

std::vector<std::string> RowOwners::enrolments_of_student(const std::string& student_id) const
{
    std::vector<std::string> out;
    auto rows = student_rows_.find(student_id);
    if (rows == student_rows_.end()) return out;
    for (const auto& key : rows->second)
        if (key.kind == "enrolments") out.push_back(key.id);
    return out;
}

std::string RowOwners::tutor_of_class(const std::string& class_id, const OwnersBefore* before) const
{
    if (before) {
        auto it = before->class_tutor.find(class_id);
        if (it != before->class_tutor.end()) return it->second;
    }
    auto it = class_tutor_.find(class_id);
    return it == class_tutor_.end() ? "" : it->second;
}

std::string RowOwners::tutor_of_student(const std::string& student_id, const OwnersBefore* before) const
{
    if (before) {
        auto it = before->student_tutor.find(student_id);
        if (it != before->student_tutor.end()) return it->second.empty() ? kUnassignedOwner : it->second;
    }
    auto it = student_tutor_.find(student_id);
    return it == student_tutor_.end() ? kUnassignedOwner : it->second;
}

std::string RowOwners::tutor_of_user(const std::string& user_id, const OwnersBefore* before) const
{
    bool tutor = tutors_.count(user_id) > 0;
    if (before) {
        auto it = before->tutor.find(user_id);
        if (it != before->tutor.end()) tutor = it->second;
    }
    return tutor ? user_id : std::string(kUnassignedOwner);
}

std::string RowOwners::owner(const RowKey& key, const Json& body, const OwnersBefore* before) const
{
    const std::string& k = key.kind;
    auto field = [&](const char* name) {
        auto it = body.find(name);
        return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (k == "classes") {
        std::string tutor = field("tutorId");
        return tutor.empty() ? kUnassignedOwner : tutor;
    }
    if (k == "enrolments") {
        std::string tutor = tutor_of_class(field("classId"), before);
        return tutor.empty() ? kUnassignedOwner : tutor;
    }
    if (k == "students") return tutor_of_student(key.id, before);
    if (k == "events") {
        std::string student = field("studentId");
        return student.empty() ? tutor_of_user(field("actorId"), before) : tutor_of_student(student, before);
    }
    if (k == "messages") {  // like events: the student's tutor, else the tutor who queued it
        std::string student = field("studentId");
        return student.empty() ? tutor_of_user(field("createdBy"), before) : tutor_of_student(student, before);
    }
    if (k == "taskRecords") {
        // FIXME: a task record does not say whose task it is; the first person who acted on it
        // decides for now. The schedule engine's instance ids should carry the subject.
        auto h = body.find("history");
        if (h != body.end() && h->is_array() && !h->empty() && (*h)[0].is_object())
            return tutor_of_user((*h)[0].value("by", ""), before);
        return kUnassignedOwner;
    }
    return kSharedOwner;  // organisation, users, courses, lessons, templates
}

}  // namespace wb::sync

#include "sync/scope.h"

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

RowOwners::RowOwners(const State& state)
{
    for (const auto& [id, c] : state.classes) class_tutor_[id] = c.tutor_id;
    for (const auto& [id, u] : state.users)
        if (u.role == Role::Tutor) tutors_.insert(id);
    // An active enrolment decides; otherwise the latest-recorded enrolment of any status.
    for (const auto& [id, e] : state.enrolments) {
        std::string tutor = tutor_of_class(e.class_id);
        if (tutor.empty()) continue;
        auto [slot, fresh] = student_tutor_.emplace(e.student_id, tutor);
        if (!fresh && e.status == EnrolmentStatus::Active) slot->second = tutor;
    }
}

std::string RowOwners::tutor_of_class(const std::string& class_id) const
{
    auto it = class_tutor_.find(class_id);
    return it == class_tutor_.end() ? "" : it->second;
}

std::string RowOwners::tutor_of_student(const std::string& student_id) const
{
    auto it = student_tutor_.find(student_id);
    return it == student_tutor_.end() ? kUnassignedOwner : it->second;
}

std::string RowOwners::tutor_of_user(const std::string& user_id) const
{
    return tutors_.count(user_id) ? user_id : std::string(kUnassignedOwner);
}

std::string RowOwners::owner(const RowKey& key, const Json& body) const
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
        std::string tutor = tutor_of_class(field("classId"));
        return tutor.empty() ? kUnassignedOwner : tutor;
    }
    if (k == "students") return tutor_of_student(key.id);
    if (k == "events") {
        std::string student = field("studentId");
        return student.empty() ? tutor_of_user(field("actorId")) : tutor_of_student(student);
    }
    if (k == "taskRecords") {
        // FIXME: a task record does not say whose task it is; the first person who acted on it
        // decides for now. The schedule engine's instance ids should carry the subject.
        auto h = body.find("history");
        if (h != body.end() && h->is_array() && !h->empty() && (*h)[0].is_object())
            return tutor_of_user((*h)[0].value("by", ""));
        return kUnassignedOwner;
    }
    return kSharedOwner;  // organisation, users, courses, lessons, templates
}

}  // namespace wb::sync

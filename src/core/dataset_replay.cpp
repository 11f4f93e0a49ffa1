#include "core/dataset_replay.h"

namespace wb {
namespace {

template <class T>
void upserts(std::vector<Mutation>& out, const char* name, const std::map<std::string, T>& items)
{
    for (const auto& [_, item] : items) out.push_back({name, to_json_value(item)});
}

}  // namespace

std::vector<Mutation> dataset_mutations(const State& s)
{
    std::vector<Mutation> out;
    out.push_back({"org.configure", to_json_value(s.organisation)});
    for (const auto& [id, tpl] : s.templates) out.push_back({"template.set", {{"id", id}, {"template", tpl}}});
    // Managers and admins before tutors: a tutor's manager must exist first.
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& [_, u] : s.users)
            if ((u.role == Role::Tutor) == (pass == 1)) out.push_back({"user.upsert", to_json_value(u)});
    upserts(out, "course.upsert", s.courses);
    upserts(out, "lesson.upsert", s.lessons);
    upserts(out, "class.upsert", s.classes);
    upserts(out, "student.upsert", s.students);
    // Enrolments as they were at the start; refunds come back with their decision events.
    for (const auto& [_, e] : s.enrolments) {
        Json args = to_json_value(e);
        if (e.status == EnrolmentStatus::Refunded) args["status"] = "active";
        out.push_back({"enrolment.upsert", args});
    }
    for (const auto& e : s.events) {
        if (e.kind == EventKind::Retraction)
            out.push_back({"event.retract", {{"id", e.id}, {"eventId", e.ref_id}, {"at", e.at}, {"by", e.actor_id}, {"reason", e.reason}}});
        else
            out.push_back({"event.record", to_json_value(e)});
    }
    for (const auto& [_, e] : s.enrolments)  // final statuses (a refund recorded without an event)
        if (e.status != EnrolmentStatus::Active) out.push_back({"enrolment.upsert", to_json_value(e)});
    for (const auto& [id, r] : s.task_records) {
        for (const auto& h : r.history) {
            Json args{{"instanceId", id}, {"at", h.at}, {"by", h.by}, {"reason", h.reason}, {"until", h.until}};
            out.push_back({std::string("task.") + to_string(h.action), args});
        }
    }
    return out;
}

DatasetImport import_dataset(const Json& j)
{
    DatasetImport out;
    State read;
    out.error = state_from_json(j, read);
    if (!out.error.empty()) return out;
    auto mutations = dataset_mutations(read);
    for (size_t i = 0; i < mutations.size(); ++i) {
        auto r = apply(out.state, mutations[i]);
        if (r.ok) continue;
        const Json& id = mutations[i].args.contains("id") ? mutations[i].args["id"] : mutations[i].args["instanceId"];
        out.error = "mutation " + std::to_string(i + 1) + " (" + mutations[i].name + " " +
                    (id.is_string() ? id.get<std::string>() : "") + "): " + r.reason;
        return out;
    }
    return out;
}

}  // namespace wb

#include "core/state.h"

namespace wb {
namespace {

template <class T>
Json map_to_json(const std::map<std::string, T>& items)
{
    Json out = Json::array();
    for (const auto& [id, item] : items) out.push_back(to_json_value(item));
    return out;
}

template <class T, class IdOf>
std::string map_from_json(const Json& j, const char* key, std::map<std::string, T>& out, IdOf id_of)
{
    auto it = j.find(key);
    if (it == j.end()) return "";
    std::vector<T> items;
    JsonReader r(j, "");
    r.read(*it, std::string("/") + key, items);
    if (!r.ok()) return r.error();
    for (size_t i = 0; i < items.size(); ++i) {
        auto id = id_of(items[i]);
        if (out.count(id)) return "/" + std::string(key) + "/" + std::to_string(i) + ": duplicate id " + id;
        out.emplace(id, std::move(items[i]));
    }
    return "";
}

std::string templates_from_json(const Json& j, State& out)
{
    auto it = j.find("templates");
    if (it == j.end()) return "";
    if (!it->is_object()) return "/templates: expected an object of id -> template";
    for (const auto& [id, tpl] : it->items()) out.templates[id] = tpl;
    return "";
}

}  // namespace

Json state_to_json(const State& s)
{
    Json j;
    j["format"] = "workbench-dataset";
    j["version"] = s.version;
    j["organisation"] = to_json_value(s.organisation);
    j["users"] = map_to_json(s.users);
    j["courses"] = map_to_json(s.courses);
    j["lessons"] = map_to_json(s.lessons);
    j["classes"] = map_to_json(s.classes);
    j["students"] = map_to_json(s.students);
    j["enrolments"] = map_to_json(s.enrolments);
    j["events"] = to_json_value(s.events);
    j["taskRecords"] = map_to_json(s.task_records);
    // Only when there are any, so a dataset without an outbox reads (and hashes) as it always did.
    if (!s.messages.empty()) j["messages"] = map_to_json(s.messages);
    j["templates"] = Json::object();
    for (const auto& [id, tpl] : s.templates) j["templates"][id] = tpl;
    return j;
}

std::string state_from_json(const Json& j, State& out)
{
    out = State{};
    if (!j.is_object()) return "/: expected a dataset object";
    JsonReader r(j, "");
    r("version", out.version);
    r("organisation", out.organisation, Need::Required);
    r("events", out.events);
    if (!r.ok()) return r.error();
    std::string err;
    auto id = [](const auto& x) { return x.id; };
    if (err.empty()) err = map_from_json(j, "users", out.users, id);
    if (err.empty()) err = map_from_json(j, "courses", out.courses, id);
    if (err.empty()) err = map_from_json(j, "lessons", out.lessons, id);
    if (err.empty()) err = map_from_json(j, "classes", out.classes, id);
    if (err.empty()) err = map_from_json(j, "students", out.students, id);
    if (err.empty()) err = map_from_json(j, "enrolments", out.enrolments, id);
    if (err.empty())
        err = map_from_json(j, "taskRecords", out.task_records, [](const TaskRecord& t) { return t.instance_id; });
    if (err.empty()) err = map_from_json(j, "messages", out.messages, id);
    if (err.empty()) err = templates_from_json(j, out);
    for (size_t i = 0; err.empty() && i < out.events.size(); ++i) {
        if (!out.event_index.emplace(out.events[i].id, i).second)
            err = "/events/" + std::to_string(i) + ": duplicate id " + out.events[i].id;
    }
    return err;
}

const Event* find_event(const State& state, const std::string& id)
{
    auto it = state.event_index.find(id);
    return it == state.event_index.end() ? nullptr : &state.events[it->second];
}

}  // namespace wb

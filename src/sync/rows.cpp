#include "sync/rows.h"

#include <algorithm>
#include <set>

#include "core/json_fields.h"
#include "core/outbox.h"

namespace wb::sync {

const char* const kOrganisationKind = "organisation";

namespace {

// Collections of the dataset JSON that hold arrays of objects with an id field.
struct Collection {
    const char* kind;
    const char* id_field;
};
constexpr Collection kCollections[] = {
    {"users", "id"},     {"courses", "id"},    {"lessons", "id"},
    {"classes", "id"},   {"students", "id"},   {"enrolments", "id"},
    {"events", "id"},    {"taskRecords", "instanceId"},
    {"messages", "id"},
};

const Collection* find_collection(const std::string& kind)
{
    for (const auto& c : kCollections)
        if (kind == c.kind) return &c;
    return nullptr;
}

}  // namespace

namespace {

RowMap rows_of(const State& state, bool with_events)
{
    RowMap rows;
    Json data = state_to_json(state);
    if (!state.organisation.id.empty())  // a state not yet configured has no organisation row
        rows[{kOrganisationKind, state.organisation.id}] = std::move(data["organisation"]);
    for (const auto& c : kCollections) {
        if (!with_events && std::string(c.kind) == "events") continue;
        auto items = data.find(c.kind);  // state_to_json leaves out an empty outbox
        if (items == data.end()) continue;
        for (auto& item : *items) {
            std::string id = item.value(c.id_field, "");
            rows[{c.kind, id}] = std::move(item);
        }
    }
    for (auto& [id, tpl] : data["templates"].items()) rows[{"templates", id}] = std::move(tpl);
    return rows;
}

// Events are appended, never edited (event.h), so the usual case is a longer list with the same
// prefix: the new rows are its tail, in recording order. Anything else (a mutator that removed
// an event) falls back to comparing every event.
void diff_events(const State& before, const State& after, std::vector<Row>& out)
{
    bool appended = after.events.size() >= before.events.size();
    for (size_t i = 0; appended && i < before.events.size(); ++i)
        appended = before.events[i].id == after.events[i].id;
    if (appended) {
        for (size_t i = before.events.size(); i < after.events.size(); ++i)
            out.push_back(Row{{"events", after.events[i].id}, 0, false, to_json_value(after.events[i])});
        return;
    }
    for (const auto& e : before.events) {
        const Event* now = find_event(after, e.id);
        if (!now) out.push_back(Row{{"events", e.id}, 0, true, Json()});
        else if (to_json_value(*now) != to_json_value(e)) out.push_back(Row{{"events", e.id}, 0, false, to_json_value(*now)});
    }
    for (const auto& e : after.events) {
        if (!find_event(before, e.id)) out.push_back(Row{{"events", e.id}, 0, false, to_json_value(e)});
    }
}

}  // namespace

RowMap state_rows(const State& state) { return rows_of(state, true); }

std::vector<Row> diff_states(const State& before, const State& after)
{
    RowMap a = rows_of(before, false), b = rows_of(after, false);
    std::vector<Row> out;
    for (auto& [key, body] : b) {
        auto it = a.find(key);
        if (it == a.end() || it->second != body) out.push_back(Row{key, 0, false, std::move(body)});
    }
    for (const auto& [key, body] : a) {
        if (!b.count(key)) out.push_back(Row{key, 0, true, Json()});
    }
    diff_events(before, after, out);
    return out;
}

std::optional<Json> entity_json(const State& s, const RowKey& key)
{
    auto from = [&](const auto& map) -> std::optional<Json> {
        auto it = map.find(key.id);
        if (it == map.end()) return std::nullopt;
        return to_json_value(it->second);
    };
    const std::string& k = key.kind;
    if (k == kOrganisationKind) {
        if (s.organisation.id != key.id) return std::nullopt;
        return to_json_value(s.organisation);
    }
    if (k == "users") return from(s.users);
    if (k == "courses") return from(s.courses);
    if (k == "lessons") return from(s.lessons);
    if (k == "classes") return from(s.classes);
    if (k == "students") return from(s.students);
    if (k == "enrolments") return from(s.enrolments);
    if (k == "taskRecords") return from(s.task_records);
    if (k == "messages") return from(s.messages);
    if (k == "templates") return from(s.templates);
    if (k == "events") {
        const Event* e = find_event(s, key.id);
        if (!e) return std::nullopt;
        return to_json_value(*e);
    }
    return std::nullopt;
}

std::optional<std::vector<RowKey>> touched_keys(const State& state, const Mutation& m, const EnrolmentsOf& enrolments_of)
{
    static const std::map<std::string, std::pair<const char*, const char*>> kTable = {
        {"user.upsert", {"users", "id"}},         {"course.upsert", {"courses", "id"}},
        {"lesson.upsert", {"lessons", "id"}},     {"class.upsert", {"classes", "id"}},
        {"student.upsert", {"students", "id"},},  {"enrolment.upsert", {"enrolments", "id"}},
        {"event.record", {"events", "id"}},       {"task.done", {"taskRecords", "instanceId"}},
        {"task.snooze", {"taskRecords", "instanceId"}}, {"task.reopen", {"taskRecords", "instanceId"}},
        {"template.set", {"templates", "id"}},
        {"message.queue", {"messages", "id"}},    {"message.attempt", {"messages", "id"}},
        {"message.cancel", {"messages", "id"}},
    };
    if (m.name == "org.configure") {
        std::vector<RowKey> keys;
        if (!state.organisation.id.empty()) keys.push_back({kOrganisationKind, state.organisation.id});  // not before the first
        auto id = m.args.find("id");
        if (id != m.args.end() && id->is_string() && id->get<std::string>() != state.organisation.id)
            keys.push_back({kOrganisationKind, id->get<std::string>()});
        return keys;
    }
    auto it = kTable.find(m.name);
    if (it == kTable.end()) return std::nullopt;
    auto id = m.args.find(it->second.second);
    if (id == m.args.end() || !id->is_string()) return std::vector<RowKey>{};  // the mutator rejects it
    std::vector<RowKey> keys{{it->second.first, id->get<std::string>()}};
    // The first send of a message about a student also records its message_sent event.
    if (m.name == "message.attempt") keys.push_back({"events", outbox_sent_event_id(id->get<std::string>())});
    if (m.name == "event.record") {
        // An event can change its student's enrolments (a refund decision ends them).
        auto student = m.args.find("studentId");
        if (student != m.args.end() && student->is_string()) {
            const std::string& student_id = student->get_ref<const std::string&>();
            if (enrolments_of) {
                for (auto& eid : enrolments_of(student_id)) keys.push_back({"enrolments", std::move(eid)});
            } else {
                for (const auto& [eid, e] : state.enrolments)
                    if (e.student_id == student_id) keys.push_back({"enrolments", eid});
            }
        }
    }
    return keys;
}

std::vector<Row> diff_keys(const State& before, const State& after, const std::vector<RowKey>& keys)
{
    std::vector<Row> out;
    for (const auto& key : keys) {
        auto a = entity_json(before, key);
        auto b = entity_json(after, key);
        if (b && (!a || *a != *b)) out.push_back(Row{key, 0, false, std::move(*b)});
        else if (a && !b) out.push_back(Row{key, 0, true, Json()});
    }
    return out;
}

namespace {

template <class T>
std::string parse_entity(const Row& row, T& out)
{
    static const Json kNoFields = Json::object();
    JsonReader reader(kNoFields, "");
    reader.read(row.body, "rows/" + row.key.kind + "/" + row.key.id, out);
    return reader.error();
}

template <class T>
std::string put_entity(std::map<std::string, T>& map, const Row& row)
{
    if (row.deleted) {
        map.erase(row.key.id);
        return "";
    }
    T value{};
    std::string err = parse_entity(row, value);
    if (err.empty()) map[row.key.id] = std::move(value);
    return err;
}

// Every entity but events, which apply_rows gathers and places in one pass.
std::string put_row(State& s, const Row& row)
{
    const std::string& k = row.key.kind;
    if (k == kOrganisationKind) {
        if (row.deleted) {
            if (s.organisation.id == row.key.id) s.organisation = Organisation{};
            return "";
        }
        Organisation org;
        std::string err = parse_entity(row, org);
        if (err.empty()) s.organisation = std::move(org);
        return err;
    }
    if (k == "users") return put_entity(s.users, row);
    if (k == "courses") return put_entity(s.courses, row);
    if (k == "lessons") return put_entity(s.lessons, row);
    if (k == "classes") return put_entity(s.classes, row);
    if (k == "students") return put_entity(s.students, row);
    if (k == "enrolments") return put_entity(s.enrolments, row);
    if (k == "taskRecords") return put_entity(s.task_records, row);
    if (k == "messages") return put_entity(s.messages, row);
    if (k == "templates") {
        if (row.deleted) s.templates.erase(row.key.id);
        else s.templates[row.key.id] = row.body;
        return "";
    }
    return "rows: unknown kind '" + k + "' (row " + row.key.id + ")";
}

}  // namespace

std::string apply_rows(State& s, const std::vector<Row>& rows, EventPlacement placement)
{
    std::set<std::string> drop;  // events held now that leave their place (deleted or moved to the end)
    std::vector<Event> append;   // in row order
    auto unqueue = [&](const std::string& id) {
        append.erase(std::remove_if(append.begin(), append.end(), [&](const Event& e) { return e.id == id; }),
                     append.end());
    };
    std::string err;
    for (const auto& row : rows) {
        if (row.key.kind != "events") {
            err = put_row(s, row);
            if (!err.empty()) break;
            continue;
        }
        const std::string& id = row.key.id;
        auto held = s.event_index.find(id);
        bool in_place = held != s.event_index.end() && !drop.count(id);
        unqueue(id);
        if (row.deleted) {
            if (in_place) drop.insert(id);
            continue;
        }
        Event e;
        err = parse_entity(row, e);
        if (!err.empty()) break;
        if (in_place && placement == EventPlacement::InPlace) {
            s.events[held->second] = std::move(e);
            continue;
        }
        if (in_place) drop.insert(id);
        append.push_back(std::move(e));
    }
    if (!drop.empty()) {
        s.events.erase(std::remove_if(s.events.begin(), s.events.end(), [&](const Event& e) { return drop.count(e.id) > 0; }),
                       s.events.end());
        s.event_index.clear();
        for (size_t i = 0; i < s.events.size(); ++i) s.event_index[s.events[i].id] = i;
    }
    for (auto& e : append) {
        s.event_index[e.id] = s.events.size();
        s.events.push_back(std::move(e));
    }
    return err;
}

std::string state_from_rows(const std::vector<Row>& rows, State& out)
{
    Json data = Json::object();
    data["format"] = "workbench-dataset";
    data["templates"] = Json::object();
    for (const auto& c : kCollections) data[c.kind] = Json::array();

    std::vector<const Row*> events;
    bool have_org = false;
    for (const auto& row : rows) {
        if (row.deleted) continue;
        const std::string& kind = row.key.kind;
        if (kind == kOrganisationKind) {
            if (have_org) return "rows: more than one organisation row (" + row.key.id + ")";
            data["organisation"] = row.body;
            have_org = true;
        } else if (kind == "templates") {
            data["templates"][row.key.id] = row.body;
        } else if (kind == "events") {
            events.push_back(&row);
        } else if (find_collection(kind)) {
            data[kind].push_back(row.body);
        } else {
            return "rows: unknown kind '" + kind + "' (row " + row.key.id + ")";
        }
    }
    if (!have_org) return "rows: the organisation row is missing";
    std::stable_sort(events.begin(), events.end(),
                     [](const Row* a, const Row* b) { return a->version < b->version; });
    for (const Row* e : events) data["events"].push_back(e->body);
    return state_from_json(data, out);
}

}  // namespace wb::sync

#include "core/template_edit.h"

#include <algorithm>
#include <cstdlib>

#include "core/sop_template.h"

namespace wb {
namespace {

std::vector<std::string> split_path(std::string_view path)
{
    std::vector<std::string> out;
    size_t i = 0;
    if (!path.empty() && path[0] == '/') i = 1;
    while (i <= path.size() && !path.empty()) {
        size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        out.emplace_back(path.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

bool parse_index(const std::string& s, size_t& out)
{
    if (s.empty() || s.size() > 9) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    out = static_cast<size_t>(std::atol(s.c_str()));
    return true;
}

std::string join(const std::vector<std::string>& parts, size_t from, size_t to)
{
    std::string out;
    for (size_t i = from; i < to && i < parts.size(); ++i) {
        if (!out.empty()) out += "/";
        out += parts[i];
    }
    return out;
}

std::string str(const Json& j, const char* key)
{
    if (!j.is_object()) return "";
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string title(const Json& j, const char* lang)
{
    if (!j.is_object()) return "";
    auto it = j.find("title");
    return it == j.end() ? "" : str(*it, lang);
}

const Json& array_of(const Json& j, const char* key)
{
    static const Json empty = Json::array();
    if (!j.is_object()) return empty;
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : empty;
}

// The parent array and the index of item `path`.
Json* parent_array(Json& tpl, std::string_view path, size_t& index)
{
    auto slash = path.rfind('/');
    if (slash == std::string_view::npos) return nullptr;
    if (!parse_index(std::string(path.substr(slash + 1)), index)) return nullptr;
    Json* arr = template_value_at(tpl, path.substr(0, slash));
    if (!arr || !arr->is_array() || index >= arr->size()) return nullptr;
    return arr;
}

int revision_version(const Json& tpl)
{
    if (!tpl.is_object()) return 1;
    auto it = tpl.find("revision");
    if (it == tpl.end() || !it->is_object()) return 1;
    auto v = it->find("version");
    return v != it->end() && v->is_number_integer() ? v->get<int>() : 1;
}

}  // namespace

TemplateNodeRef locate_template_path(std::string_view json_path)
{
    auto p = split_path(json_path);
    TemplateNodeRef r;
    size_t n = 0, idx = 0;
    auto take = [&](size_t count, TemplateNodeKind kind) {
        r.kind = kind;
        n = count;
    };
    if (p.size() >= 2 && p[0] == "goals" && parse_index(p[1], idx)) take(2, TemplateNodeKind::Goal);
    else if (p.size() >= 2 && p[0] == "messages") take(2, TemplateNodeKind::Message);
    else if (p.size() >= 2 && p[0] == "tasks" && parse_index(p[1], idx)) {
        take(2, TemplateNodeKind::Task);
        if (p.size() >= 4 && p[2] == "subtasks" && parse_index(p[3], idx)) {
            take(4, TemplateNodeKind::SubTask);
            if (p.size() >= 6 && p[4] == "behaviours" && parse_index(p[5], idx))
                take(6, TemplateNodeKind::Behaviour);
        }
    }
    r.node = n == 0 ? "" : "/" + join(p, 0, n);
    r.field = join(p, n, p.size());
    return r;
}

TemplateProblem template_problem(const SchemaProblem& problem)
{
    TemplateProblem out;
    out.path = problem.path;
    out.what = problem.what;
    if (!out.path.empty() && out.path != "/") out.where = locate_template_path(out.path);
    return out;
}

std::vector<TemplateTreeRow> template_tree(const Json& tpl)
{
    std::vector<TemplateTreeRow> rows;
    const Json& goals = array_of(tpl, "goals");
    for (size_t g = 0; g < goals.size(); ++g)
        rows.push_back({TemplateNodeKind::Goal, 0, "/goals/" + std::to_string(g), str(goals[g], "id"),
                        title(goals[g], "zh-CN"), title(goals[g], "en")});
    const Json& tasks = array_of(tpl, "tasks");
    for (size_t t = 0; t < tasks.size(); ++t) {
        std::string tp = "/tasks/" + std::to_string(t);
        rows.push_back({TemplateNodeKind::Task, 0, tp, str(tasks[t], "id"), title(tasks[t], "zh-CN"),
                        title(tasks[t], "en")});
        const Json& subs = array_of(tasks[t], "subtasks");
        for (size_t s = 0; s < subs.size(); ++s) {
            std::string sp = tp + "/subtasks/" + std::to_string(s);
            rows.push_back({TemplateNodeKind::SubTask, 1, sp, str(subs[s], "id"), title(subs[s], "zh-CN"),
                            title(subs[s], "en")});
            const Json& bs = array_of(subs[s], "behaviours");
            for (size_t b = 0; b < bs.size(); ++b)
                rows.push_back({TemplateNodeKind::Behaviour, 2, sp + "/behaviours/" + std::to_string(b),
                                str(bs[b], "id"), title(bs[b], "zh-CN"), title(bs[b], "en")});
        }
    }
    if (tpl.is_object() && tpl.contains("messages") && tpl["messages"].is_object())
        for (const auto& [key, text] : tpl["messages"].items())
            rows.push_back({TemplateNodeKind::Message, 0, "/messages/" + key, key, str(text, "zh-CN"),
                            str(text, "en")});
    return rows;
}

Json* template_value_at(Json& tpl, std::string_view path)
{
    Json* cur = &tpl;
    for (const std::string& part : split_path(path)) {
        if (cur->is_object()) {
            auto it = cur->find(part);
            if (it == cur->end()) return nullptr;
            cur = &*it;
        } else if (cur->is_array()) {
            size_t i = 0;
            if (!parse_index(part, i) || i >= cur->size()) return nullptr;
            cur = &(*cur)[i];
        } else {
            return nullptr;
        }
    }
    return cur;
}

bool set_template_value(Json& tpl, std::string_view path, Json value)
{
    auto slash = path.rfind('/');
    if (slash == std::string_view::npos) return false;
    Json* parent = template_value_at(tpl, path.substr(0, slash));
    if (!parent) return false;
    std::string last(path.substr(slash + 1));
    if (parent->is_object()) {
        (*parent)[last] = std::move(value);
        return true;
    }
    size_t i = 0;
    if (!parent->is_array() || !parse_index(last, i) || i >= parent->size()) return false;
    (*parent)[i] = std::move(value);
    return true;
}

bool move_template_item(Json& tpl, std::string_view path, int delta)
{
    size_t i = 0;
    Json* arr = parent_array(tpl, path, i);
    if (!arr) return false;
    long j = static_cast<long>(i) + delta;
    if (j < 0 || j >= static_cast<long>(arr->size())) return false;
    std::swap((*arr)[i], (*arr)[static_cast<size_t>(j)]);
    return true;
}

bool remove_template_item(Json& tpl, std::string_view path)
{
    size_t i = 0;
    Json* arr = parent_array(tpl, path, i);
    if (!arr) return false;
    arr->erase(arr->begin() + static_cast<long>(i));
    return true;
}

std::string template_version_key(const std::string& id, int version)
{
    return id + "@" + std::to_string(version);
}

bool is_template_version_key(const std::string& key) { return key.find('@') != std::string::npos; }

Json current_template_json(const State& state, const std::string& id)
{
    auto it = state.templates.find(id);
    if (it != state.templates.end()) return it->second;
    const char* builtin = builtin_template_text(id);
    if (!builtin) return nullptr;
    Json j = Json::parse(builtin, nullptr, false);
    return j.is_discarded() ? Json(nullptr) : j;
}

std::vector<TemplateVersion> template_versions(const State& state, const std::string& id)
{
    std::vector<TemplateVersion> out;
    const std::string prefix = id + "@";
    for (auto it = state.templates.lower_bound(prefix);
         it != state.templates.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        const Json& tpl = it->second;
        TemplateVersion v;
        v.version = revision_version(tpl);
        v.key = it->first;
        if (tpl.contains("revision") && tpl["revision"].is_object()) {
            const Json& r = tpl["revision"];
            v.by = str(r, "by");
            v.note = str(r, "note");
            if (r.contains("at") && r["at"].is_number_integer()) v.at = r["at"].get<int64_t>();
        }
        out.push_back(v);
    }
    bool has_one = std::any_of(out.begin(), out.end(), [](const TemplateVersion& v) { return v.version == 1; });
    if (!has_one && !current_template_json(state, id).is_null()) out.push_back({1, "", 0, "", ""});
    std::sort(out.begin(), out.end(),
              [](const TemplateVersion& a, const TemplateVersion& b) { return a.version > b.version; });
    return out;
}

int next_template_version(const State& state, const std::string& id)
{
    int top = revision_version(current_template_json(state, id));
    for (const TemplateVersion& v : template_versions(state, id)) top = std::max(top, v.version);
    return top + 1;
}

Json template_version_json(const State& state, const std::string& id, int version)
{
    auto it = state.templates.find(template_version_key(id, version));
    if (it != state.templates.end()) return it->second;
    if (version != 1) return nullptr;
    // Version 1 that was never copied: the built-in file (or the current one if it is still v1).
    Json cur = current_template_json(state, id);
    if (!cur.is_null() && revision_version(cur) == 1) return cur;
    const char* builtin = builtin_template_text(id);
    if (!builtin) return nullptr;
    Json j = Json::parse(builtin, nullptr, false);
    return j.is_discarded() ? Json(nullptr) : j;
}

std::vector<Mutation> save_template_mutations(const State& state, const std::string& id, Json edited,
                                              const std::string& by, int64_t at, const std::string& note)
{
    int version = next_template_version(state, id);
    edited["revision"] = {{"version", version}, {"by", by}, {"at", at}, {"note", note}};
    return {{"template.set", {{"id", template_version_key(id, version)}, {"template", edited}}},
            {"template.set", {{"id", id}, {"template", edited}}}};
}

std::vector<Mutation> rollback_template_mutations(const State& state, const std::string& id, int version,
                                                  const std::string& by, int64_t at, const std::string& note)
{
    Json old = template_version_json(state, id, version);
    if (old.is_null()) return {};
    return save_template_mutations(state, id, std::move(old), by, at, note);
}

std::vector<std::string> runnable_template_ids(const State& state)
{
    std::vector<std::string> out{"tutor", "csm"};
    for (const auto& [key, tpl] : state.templates)
        if (!is_template_version_key(key) && std::find(out.begin(), out.end(), key) == out.end())
            out.push_back(key);
    return out;
}

}  // namespace wb

#pragma once
// The template editor's pure logic: the SOP tree as rows, where a validator problem points in
// that tree, edits of the template JSON by path, and the
// version history.
//
// Versions live in State.templates next to the template they belong to: "<id>" is the current
// template (what the organisation runs) and "<id>@<n>" a copy of version n, each carrying its
// "revision" {version, by, at, note}. Saving submits two template.set mutations (the copy, then
// the current one), so both sync as ordinary template rows. A built-in template that was never
// saved counts as version 1.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/mutation.h"
#include "core/state.h"

namespace wb {

enum class TemplateNodeKind { Template, Goal, Task, SubTask, Behaviour, Message };

// A node of the tree plus the field below it that a path names.
struct TemplateNodeRef {
    TemplateNodeKind kind = TemplateNodeKind::Template;
    std::string node;   // JSON path of the node: "/tasks/3/subtasks/0", "/messages/remind.x", ""
    std::string field;  // the rest: "title/en", "trigger/reminders/1/offset/hours", ""
};
// "/tasks/3/subtasks/0/trigger/due/hours" -> {SubTask, "/tasks/3/subtasks/0", "trigger/due/hours"}
TemplateNodeRef locate_template_path(std::string_view json_path);

// A validator problem with the node its path names.
struct TemplateProblem {
    std::string path;
    Phrase what;
    TemplateNodeRef where;
};
TemplateProblem template_problem(const SchemaProblem& problem);

struct TemplateTreeRow {
    TemplateNodeKind kind = TemplateNodeKind::Template;
    int depth = 0;
    std::string path;   // JSON path of the node
    std::string id;     // node id (message key for messages)
    std::string zh;     // title zh-CN / message text
    std::string en;
};
// Goals, then tasks -> sub-tasks -> behaviours, then messages; tolerant of half-edited JSON.
std::vector<TemplateTreeRow> template_tree(const Json& tpl);

// Edits by JSON path ("/tasks/0/title/en"). false when the path does not exist.
Json* template_value_at(Json& tpl, std::string_view path);
bool set_template_value(Json& tpl, std::string_view path, Json value);
// Moves item `path` ("/tasks/2") by `delta` within its array; false at the ends.
bool move_template_item(Json& tpl, std::string_view path, int delta);
bool remove_template_item(Json& tpl, std::string_view path);

struct TemplateVersion {
    int version = 1;
    std::string by;
    int64_t at = 0;
    std::string note;
    std::string key;  // State.templates key of the copy ("" for the built-in version 1)
};
std::string template_version_key(const std::string& id, int version);  // "tutor@2"
bool is_template_version_key(const std::string& key);
// Newest first. Always has at least version 1 when `id` is stored or built in.
std::vector<TemplateVersion> template_versions(const State& state, const std::string& id);
int next_template_version(const State& state, const std::string& id);
// The JSON of the current template / of version n (null when unknown).
Json current_template_json(const State& state, const std::string& id);
Json template_version_json(const State& state, const std::string& id, int version);

// The mutations that save `edited` as the next version of `id`.
std::vector<Mutation> save_template_mutations(const State& state, const std::string& id, Json edited,
                                              const std::string& by, int64_t at, const std::string& note);
// Saving version n again as a new version; empty when n is unknown.
std::vector<Mutation> rollback_template_mutations(const State& state, const std::string& id, int version,
                                                  const std::string& by, int64_t at, const std::string& note);

// Templates an organisation can run: the built-in tutor and csm plus stored ones (no copies).
std::vector<std::string> runnable_template_ids(const State& state);

}  // namespace wb

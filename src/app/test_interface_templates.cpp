// The template editor's half of window.workbench.query (tests only): what the editor shows.
#include "offline/workspace.h"
#include "test_queries.h"
#include "views/template_editor.h"
#include "views/template_labels.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace wb::app {
namespace {

const bool registered = register_test_query("templates.state", [](const json&) {
    template_editor::refresh();
    const template_editor::Editor& e = template_editor::editor();
    const State* state = workspace().view();
    json fields = json::array();
    for (const template_editor::Field& f : e.fields)
        fields.push_back({{"path", f.path}, {"label", f.label}, {"title", template_labels::field_title(f.label)}, {"text", f.text}, {"error", f.error}});
    json versions = json::array();
    if (state)
        for (const TemplateVersion& v : template_versions(*state, e.id))
            versions.push_back({{"version", v.version}, {"by", v.by}, {"note", v.note}});
    return json{{"id", e.id}, {"active", state ? state->organisation.template_id : ""}, {"dirty", e.dirty},
                {"valid", e.valid}, {"problem", {{"path", e.problem.path}, {"key", e.problem.what.key}, {"what", template_labels::problem_what(e.problem)},
                             {"where", template_labels::problem_where(e.problem, e.tree)}, {"node", e.problem.where.node}}},
                {"selected", e.selected}, {"fields", fields}, {"tree", e.tree.size()}, {"versions", versions},
                {"last", {{"ok", e.last.ok}, {"message", e.last.message}}}};
});

}  // namespace
}  // namespace wb::app

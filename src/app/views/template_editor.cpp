#include "views/template_editor.h"

#include <algorithm>
#include <cstdlib>

#include "core/sop_template.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "ui_text.h"
#include "views/template_labels.h"

namespace wb::app::template_editor {
namespace {

// The keys below a node that are nodes of their own in the tree (edited when chosen there).
bool child_nodes(TemplateNodeKind kind, const std::string& key) {
    switch (kind) {
    case TemplateNodeKind::Template: return key == "goals" || key == "tasks" || key == "messages" || key == "revision";
    case TemplateNodeKind::Task: return key == "subtasks";
    case TemplateNodeKind::SubTask: return key == "behaviours";
    default: return false;
    }
}

std::string escape(const std::string& key) {   // JSON pointer escaping (message keys have dots only)
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

void collect(const Json& j, const std::string& path, const std::string& label, std::vector<Field>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it)
            collect(it.value(), path + "/" + escape(it.key()), label.empty() ? it.key() : label + "/" + it.key(), out);
    } else if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i)
            collect(j[i], path + "/" + std::to_string(i), label + "/" + std::to_string(i), out);
    } else {
        Field f;
        f.path = path;
        f.label = label;
        if (j.is_string()) f.text = j.get<std::string>();
        else if (j.is_boolean()) f.kind = 'b', f.text = j.get<bool>() ? "true" : "false";
        else if (j.is_number()) f.kind = 'n', f.text = j.dump();
        else f.text = "";
        out.push_back(std::move(f));
    }
}

void validate() {
    Editor& e = editor();
    SopTemplate parsed;
    const SchemaProblem problem = template_problem_of(e.working, parsed);
    e.valid = problem.empty();
    e.problem = template_problem(problem);
    e.tree = template_tree(e.working);
}

void load_fields() {
    Editor& e = editor();
    e.fields.clear();
    const Json* node = e.selected.empty() ? &e.working : template_value_at(e.working, e.selected);
    if (!node) { e.selected.clear(); node = &e.working; }
    const TemplateNodeKind kind = e.selected.empty() ? TemplateNodeKind::Template : locate_template_path(e.selected).kind;
    if (!node->is_object()) return collect(*node, e.selected, "", e.fields);
    for (auto it = node->begin(); it != node->end(); ++it)
        if (!child_nodes(kind, it.key())) collect(it.value(), e.selected + "/" + escape(it.key()), it.key(), e.fields);
    // The words first (titles, message texts), then the rest in key order.
    auto words = [](const Field& f) { return f.label.rfind("title/", 0) == 0 || f.label == "zh-CN" || f.label == "en"; };
    std::stable_partition(e.fields.begin(), e.fields.end(), words);
}

LessonActionResult submit_all(const std::vector<Mutation>& mutations, const std::string& done) {
    for (const Mutation& m : mutations) {
        const Workspace::Submitted r = workspace().submit(m);
        if (!r.ok) return {false, ui::format("templates.refused", {{"reason", r.reason}})};
    }
    platform::request_redraw();
    return {true, done};
}

}  // namespace

Editor& editor() {
    static Editor e;
    return e;
}

void open(std::string id) {   // (a copy: callers pass editor().id, which this resets)
    Editor& e = editor();
    const State* state = workspace().view();
    const std::string keep = e.id == id ? e.selected : "";
    e = Editor{};
    e.id = id;
    if (!state) return;
    e.working = current_template_json(*state, id);
    e.loaded_at_version = workspace().data_version();
    validate();
    select(keep);
}

void refresh() {
    Editor& e = editor();
    const State* state = workspace().view();
    if (!state) return;
    if (e.id.empty()) return open(state->organisation.template_id);
    if (!e.dirty && e.loaded_at_version != workspace().data_version() &&
        current_template_json(*state, e.id) != e.working) {
        LessonActionResult last = e.last;
        open(e.id);
        e.last = last;
    }
}

void select(const std::string& path) {
    editor().selected = path;
    load_fields();
}

void edit_field(size_t i, const std::string& text) {
    Editor& e = editor();
    if (i >= e.fields.size()) return;
    Field& f = e.fields[i];
    f.text = text;
    f.error.clear();
    Json value = text;
    if (f.kind == 'n') {
        char* end = nullptr;
        const double d = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0') { f.error = ui::tr("templates.field.number"); return; }
        value = d == static_cast<double>(static_cast<int64_t>(d)) ? Json(static_cast<int64_t>(d)) : Json(d);
    } else if (f.kind == 'b') {
        if (text != "true" && text != "false") { f.error = ui::tr("templates.field.bool"); return; }
        value = text == "true";
    }
    if (!set_template_value(e.working, f.path, value)) { f.error = ui::tr("templates.field.gone"); return; }
    e.dirty = true;
    validate();
}

int field_errors() {
    int n = 0;
    for (const Field& f : editor().fields) n += !f.error.empty();
    return n;
}

LessonActionResult save() {
    Editor& e = editor();
    const State* state = workspace().view();
    if (!state) return {false, ""};
    if (field_errors() > 0) return {false, ui::format("templates.save.field_errors", {{"count", std::to_string(field_errors())}})};
    if (!e.valid)
        return {false, ui::format("templates.save.invalid", {{"where", template_labels::problem_where(e.problem, e.tree)},
                                                             {"what", template_labels::problem_what(e.problem)}})};
    const int version = next_template_version(*state, e.id);
    auto mutations = save_template_mutations(*state, e.id, e.working, workspace().actor_id(),
                                             static_cast<int64_t>(js::now_utc_ms()), e.note);
    LessonActionResult r = submit_all(mutations, ui::format("templates.saved", {{"version", std::to_string(version)}}));
    if (r.ok) e.dirty = false, e.note[0] = 0;
    return r;
}

LessonActionResult rollback(int version) {
    Editor& e = editor();
    const State* state = workspace().view();
    if (!state) return {false, ""};
    auto mutations = rollback_template_mutations(*state, e.id, version, workspace().actor_id(),
                                                 static_cast<int64_t>(js::now_utc_ms()),
                                                 ui::format("templates.rollback.note", {{"version", std::to_string(version)}}));
    if (mutations.empty()) return {false, ui::format("templates.rollback.unknown", {{"version", std::to_string(version)}})};
    LessonActionResult r = submit_all(mutations, ui::format("templates.rolled_back", {{"version", std::to_string(version)}}));
    if (r.ok) e.dirty = false;
    return r;
}

LessonActionResult activate(const std::string& id) {
    const State* state = workspace().view();
    if (!state) return {false, ""};
    Json org = state_to_json(*state)["organisation"];
    org["templateId"] = id;
    return submit_all({Mutation{"org.configure", org}}, ui::format("templates.activated", {{"id", id}}));
}

}  // namespace wb::app::template_editor

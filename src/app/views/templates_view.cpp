// Templates [模板] (admin): the SOP tree of a template (goals, tasks → sub-tasks → behaviours,
// messages) on the left, the chosen node's fields on the right, validated as you type (the
// problem's node is marked in the tree); saving makes a new version that syncs to every tutor,
// any version can be restored, and one click makes a template the one the organisation runs
// (the tutor or the CSM template: tasks and metrics follow without code). Others see it read-only.
// State and logic: template_editor.cpp.
#include "views/template_editor.h"
#include "views/template_labels.h"
#include "views/view_registry.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/empty_state.h"
#include "views/lesson_picker.h"
#include "views/lessons_ui.h"
#include "widgets.h"

#include <algorithm>

namespace wb::app {
namespace {

using namespace template_editor;
using lessons_ui::label;

bool is_admin() {
    const State* s = workspace().view();
    if (!s) return false;
    auto u = s->users.find(workspace().account().user_id);
    return u != s->users.end() && u->second.role == Role::Admin;
}

void draw_picker(const State& state, bool admin) {
    Editor& e = editor();
    ImGui::SetNextItemWidth(200);
    if (ImGui::BeginCombo("##template_id", e.id.c_str())) {
        for (const std::string& id : runnable_template_ids(state)) {
            if (ImGui::Selectable(id.c_str(), id == e.id)) open(id);
            ui::note_drawn(id.c_str());
        }
        ImGui::EndCombo();
    }
    ui::note_drawn_at((e.id + "#template").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine();
    if (state.organisation.template_id == e.id) label(ui::tr("templates.active"), theme::palette().success);
    else if (widgets::secondary_button(ui::tr("templates.activate"), ImVec2(0, 0), admin)) e.last = activate(e.id);
}

void draw_tree() {
    Editor& e = editor();
    const theme::Palette& p = theme::palette();
    if (ImGui::Selectable(ui::tr("templates.root"), e.selected.empty())) select("");
    ui::note_drawn(ui::tr("templates.root"));
    for (const TemplateTreeRow& r : e.tree) {
        const bool broken = !e.valid && e.problem.where.node == r.path;
        const std::string text = std::string(size_t(r.depth) * 2, ' ') + (r.id.empty() ? r.path : r.id) + "  " +
                                 (ui::language() == Language::En && !r.en.empty() ? r.en : r.zh);
        ImGui::PushID(r.path.c_str());
        if (broken) ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        if (ImGui::Selectable(text.c_str(), e.selected == r.path)) select(r.path);
        if (broken) ImGui::PopStyleColor();
        ui::note_drawn_at((r.path + "#node").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        ImGui::PopID();
    }
}

void draw_status() {
    const Editor& e = editor();
    const theme::Palette& p = theme::palette();
    if (field_errors() > 0) label(ui::format("templates.save.field_errors", {{"count", std::to_string(field_errors())}}), p.danger);
    else if (e.valid) label(ui::tr(e.dirty ? "templates.valid.unsaved" : "templates.valid"), p.success);
    else label(ui::format("templates.invalid", {{"where", template_labels::problem_where(e.problem, e.tree)},
                                                {"what", template_labels::problem_what(e.problem)}}), p.danger);
}

void draw_fields(bool admin) {
    Editor& e = editor();
    const theme::Palette& p = theme::palette();
    for (size_t i = 0; i < e.fields.size(); ++i) {
        Field& f = e.fields[i];
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", f.text.c_str());
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginDisabled(!admin);
        widgets::inline_text_field("##field", template_labels::field_title(f.label).c_str(), buf, sizeof buf, 190);
        ImGui::EndDisabled();
        if (buf != f.text) edit_field(i, buf);
        const bool here = !e.valid && e.problem.path == f.path;
        if (!f.error.empty()) label(f.error, p.danger);
        else if (here) label(template_labels::problem_what(e.problem), p.danger);
        ImGui::PopID();
    }
}

void draw_versions(const State& state, bool admin) {
    Editor& e = editor();
    widgets::section_title(ui::tr("templates.versions"));
    const std::vector<TemplateVersion> versions = template_versions(state, e.id);
    for (const TemplateVersion& v : versions) {
        const std::string who = v.by.empty() ? ui::tr("templates.builtin") : v.by;
        label(ui::format("templates.version", {{"version", std::to_string(v.version)}, {"by", who},
                                               {"when", v.at ? local_day_and_time(state, v.at) : "—"}, {"note", v.note}}),
              theme::palette().text_secondary);
        ImGui::SameLine();
        const std::string back = ui::format("templates.rollback", {{"version", std::to_string(v.version)}});
        ImGui::PushID(v.version);
        // The newest version is what runs: restoring it would change nothing.
        const bool older = v.version != versions.front().version;
        if (lessons_ui::row_button(back.c_str(), "v" + std::to_string(v.version), admin && older)) e.last = rollback(v.version);
        ImGui::PopID();
    }
}

void draw_editor(const State& state, bool admin) {
    Editor& e = editor();
    draw_status();
    lessons_ui::show_result(e.last);
    if (admin) {
        widgets::text_field("##template_note", ui::tr("templates.note"), e.note, sizeof e.note, false, 360);
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetTextLineHeightWithSpacing());
        const std::string text = ui::format("templates.save", {{"version", std::to_string(next_template_version(state, e.id))}});
        if (widgets::primary_button(text.c_str(), ImVec2(0, 0), e.dirty && e.valid && field_errors() == 0)) e.last = save();
    } else {
        label(ui::tr("templates.read_only"), theme::palette().text_tertiary);
    }
    widgets::section_title(template_labels::node_title(e.selected, e.tree));
    draw_fields(admin);
    draw_versions(state, admin);
}

}  // namespace

void draw_templates_view() {
    const State* state = workspace().view();
    if (!state) return draw_empty_state({icons::templates, "empty.templates.title", "empty.templates.body"});
    refresh();
    Editor& e = editor();
    if (e.working.is_null()) return label(ui::format("templates.unknown", {{"id", e.id}}), theme::palette().danger);
    const bool admin = is_admin();
    draw_picker(*state, admin);
    const float left = std::min(420.0f, ImGui::GetContentRegionAvail().x * 0.4f);
    if (ImGui::BeginChild("##template_tree", ImVec2(left, 0), ImGuiChildFlags_Borders)) {
        widgets::touch_drag_scroll();
        draw_tree();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (ImGui::BeginChild("##template_node", ImVec2(0, 0))) {
        widgets::touch_drag_scroll();
        draw_editor(*state, admin);
    }
    ImGui::EndChild();
}

}  // namespace wb::app

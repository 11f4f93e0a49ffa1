// Roster [学员]: every student the signed-in person looks after, in one table that stays smooth
// at 10 000 rows. Above it the search (name, pinyin initials, phone tail), the filters and the
// count; below ~1000 px the selected student's profile takes the whole area with a back button,
// wider it sits beside the table. Rows come from roster_model.cpp, the table from
// roster_table.cpp, bulk actions from roster_bulk.cpp.
#include "app_state.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "views/roster_bulk.h"
#include "views/roster_model.h"
#include "views/roster_table.h"
#include "views/student_profile.h"
#include "views/view_registry.h"
#include "widgets.h"

#include "core/enum_names.h"

#include <imgui.h>

#include <algorithm>

namespace wb::app {
namespace {

constexpr float kProfileBesideAt = 1000.0f;  // narrower: the profile replaces the table

// One filter as a combo: "any" or one value. Returns true when it changed.
template <class T>
bool filter_combo(const char* id, const char* any_key, const char* prefix, int count, std::vector<T>& chosen,
                  float width) {
    const std::string current = chosen.empty() ? ui::tr(any_key)
                                               : ui::tr(std::string(prefix) + enum_names(chosen[0])[size_t(chosen[0])]);
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, current.c_str())) {
        if (ImGui::Selectable(ui::tr(any_key), chosen.empty())) {
            chosen.clear();
            changed = true;
        }
        for (int i = 0; i < count; ++i) {
            const T value = T(i);
            const char* label = ui::tr(std::string(prefix) + enum_names(value)[size_t(i)]);
            if (ImGui::Selectable(label, !chosen.empty() && chosen[0] == value)) {
                chosen = {value};
                changed = true;
            }
            ui::note_drawn(label);
        }
        ImGui::EndCombo();
    }
    ui::note_drawn(current.c_str());
    return changed;
}

void class_combo(RosterQuery& q, const RosterModel& m, float width) {
    std::string current = ui::tr("roster.filter.all_classes");
    const State* state = workspace().view();
    auto name_of = [&](const std::string& id) {
        if (!state) return id;
        auto c = state->classes.find(id);
        return c != state->classes.end() && !c->second.name.empty() ? c->second.name : id;
    };
    if (!q.class_ids.empty()) current = name_of(q.class_ids[0]);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##class", current.c_str())) {
        if (ImGui::Selectable(ui::tr("roster.filter.all_classes"), q.class_ids.empty())) q.class_ids.clear();
        for (const auto& id : m.class_ids)
            if (ImGui::Selectable(name_of(id).c_str(), !q.class_ids.empty() && q.class_ids[0] == id)) q.class_ids = {id};
        ImGui::EndCombo();
    }
    ui::note_drawn(current.c_str());
}

bool has_filters(const RosterQuery& q) {
    return !q.class_ids.empty() || !q.risks.empty() || !q.attendance.empty() || !q.homework.empty() ||
           !q.follow_up.empty();
}

void clear_filters(RosterViewState& s) {
    s.search[0] = '\0';
    s.query.text.clear();
    s.query.class_ids.clear();
    s.query.risks.clear();
    s.query.attendance.clear();
    s.query.homework.clear();
    s.query.follow_up.clear();
}

void draw_toolbar(RosterViewState& s, const RosterModel& m, const std::vector<int>& shown) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < 760.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10.0f, 7.0f));
    ImGui::SetNextItemWidth(narrow ? avail : std::min(360.0f, avail * 0.4f));
    ImGui::InputTextWithHint("##roster-search", ui::tr("roster.search.hint"), s.search, sizeof s.search);
    ui::note_drawn(ui::tr("roster.search.hint"));  // where a test clicks to type
    s.query.text = s.search;
    const float search_w = narrow ? avail : std::min(360.0f, avail * 0.4f);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float combo = narrow ? (avail - 4 * spacing) / 5.0f
                               : std::min(130.0f, (avail - search_w - 5 * spacing) / 5.0f);
    if (!narrow) ImGui::SameLine();
    class_combo(s.query, m, combo);
    ImGui::SameLine();
    filter_combo("##risk", "roster.filter.any_risk", "roster.risk.", 3, s.query.risks, combo);
    ImGui::SameLine();
    filter_combo("##attendance", "roster.filter.any_attendance", "roster.attendance.", 4, s.query.attendance, combo);
    ImGui::SameLine();
    filter_combo("##homework", "roster.filter.any_homework", "roster.homework.", 6, s.query.homework, combo);
    ImGui::SameLine();
    filter_combo("##follow_up", "roster.filter.any_follow_up", "roster.follow_up.", 3, s.query.follow_up, combo);
    ImGui::PopStyleVar();

    // The count, then the selection's actions or a notice.
    const std::string count = roster_format("roster.count", {{"shown", std::to_string(shown.size())},
                                                             {"total", std::to_string(m.rows.size())}});
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_secondary);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(count.c_str());
    ImGui::PopStyleColor();
    ui::note_drawn(count.c_str());
    if (has_filters(s.query) || s.search[0]) {
        ImGui::SameLine(0, 16.0f);
        if (widgets::secondary_button(ui::tr("roster.filter.clear"))) clear_filters(s);
    }
    ImGui::SameLine(0, 24.0f);
    draw_roster_bulk_bar(s, shown);
    if (!s.notice.empty() && platform::now_ms() < s.notice_until) {
        ImGui::SameLine(0, 16.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().success);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(s.notice.c_str());
        ImGui::PopStyleColor();
        ui::note_drawn(s.notice.c_str());
    }
}

void draw_nothing_matches(RosterViewState& s, const RosterModel& m) {
    const std::string title = m.rows.empty()   ? std::string(ui::tr("roster.empty.none"))
                              : s.search[0]    ? roster_format("roster.empty.title", {{"query", s.search}})
                                               : std::string(ui::tr("roster.empty.filtered"));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size = ImGui::CalcTextSize(title.c_str());
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail.x - size.x) * 0.5f, ImGui::GetCursorPosY() + 80.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_secondary);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    ui::note_drawn(title.c_str());
    if (m.rows.empty()) return;
    const float w = ImGui::CalcTextSize(ui::tr("roster.filter.clear")).x + 32.0f;
    ImGui::Spacing();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail.x - w) * 0.5f);
    if (widgets::primary_button(ui::tr("roster.filter.clear"))) clear_filters(s);
}

void draw_profile_pane(const std::string& id, bool full) {
    if (full) {
        if (widgets::secondary_button(ui::tr("roster.back"))) app_state().student_id.clear();
        ImGui::Spacing();
    }
    draw_student_profile(id);
}

}  // namespace

RosterViewState& roster_view_state() {
    static RosterViewState s;
    return s;
}

ImGuiID roster_row_id(const std::string& student_id) {
    ImGuiID h = 2166136261u;  // FNV-1a: stable for the session, never 0 for a real id
    for (unsigned char c : student_id) h = (h ^ c) * 16777619u;
    return h ? h : 1;
}

std::string roster_format(const char* key, const std::map<std::string, std::string>& values) {
    return Translator::builtin().format(ui::language(), key, values);
}

std::vector<int> roster_selected_rows(const std::vector<int>& shown) {
    std::vector<int> out;
    RosterViewState& s = roster_view_state();
    if (s.selection.Size == 0) return out;
    const RosterModel& m = roster_model();
    for (int i : shown)
        if (s.selection.Contains(roster_row_id(m.rows[size_t(i)].student_id))) out.push_back(i);
    return out;
}

void draw_students_view() {
    RosterViewState& s = roster_view_state();
    const RosterModel& m = roster_model();
    const std::string& selected = app_state().student_id;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool beside = width >= kProfileBesideAt;
    if (!selected.empty() && !beside) {
        ImGui::BeginChild("##profile-full", ImVec2(0, 0));
        draw_profile_pane(selected, true);
        ImGui::EndChild();
        return;
    }
    if (!m.ready) {
        ui::text("roster.loading");
        return;
    }
    const std::vector<int>& shown = roster_shown(s.query);
    const float profile_w = !selected.empty() ? std::max(380.0f, width * 0.38f) : 0.0f;
    ImGui::BeginChild("##roster-main", ImVec2(width - profile_w, 0));
    draw_toolbar(s, m, shown);
    ImGui::Spacing();
    if (shown.empty()) draw_nothing_matches(s, m);
    else draw_roster_table(s, shown, ImGui::GetContentRegionAvail());
    ImGui::EndChild();
    if (!selected.empty()) {
        ImGui::SameLine();
        ImGui::BeginChild("##profile-beside", ImVec2(0, 0), ImGuiChildFlags_Borders);
        draw_profile_pane(selected, false);
        ImGui::EndChild();
    }
    draw_roster_note_dialog(s, shown);
}

}  // namespace wb::app

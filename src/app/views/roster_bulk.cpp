#include "views/roster_bulk.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "views/roster_model.h"
#include "views/roster_table.h"
#include "widgets.h"

#include <imgui.h>

namespace wb::app {
namespace {

void show_notice(RosterViewState& state, std::string text) {
    state.notice = std::move(text);
    state.notice_until = platform::now_ms() + 4000.0;
    platform::animate_until(state.notice_until);
}

bool column_visible(const std::string& visible, RosterColumn c) {
    if (visible.empty()) return c != RosterColumn::Tutor && c != RosterColumn::Parent;  // the defaults
    return ("," + visible + ",").find("," + std::string(enum_names(c)[size_t(c)]) + ",") != std::string::npos;
}

}  // namespace

std::string roster_selection_as_tsv(const std::vector<int>& rows) {
    const std::string visible = roster_visible_columns();
    const RosterModel& model = roster_model();
    std::string out;
    for (int line = -1; line < int(rows.size()); ++line) {
        bool first = true;
        for (int c = 0; c < kRosterColumnCount; ++c) {
            if (!column_visible(visible, RosterColumn(c))) continue;
            if (!first) out += '\t';
            first = false;
            out += line < 0 ? ui::tr(roster_column_key(RosterColumn(c)))
                            : roster_cell_text(model.rows[size_t(rows[size_t(line)])], RosterColumn(c));
        }
        out += '\n';
    }
    return out;
}

int add_roster_notes(const std::vector<int>& rows, const std::string& text, std::string& refused) {
    Workspace& ws = workspace();
    const RosterModel& model = roster_model();
    std::vector<std::string> students;
    for (int i : rows) students.push_back(model.rows[size_t(i)].student_id);  // submit may rebuild the rows
    int saved = 0;
    for (const std::string& id : students) {
        Json args = {{"id", ws.new_id("note")}, {"kind", "note"}, {"at", int64_t(js::now_utc_ms())},
                     {"studentId", id}, {"actorId", ws.account().user_id}, {"text", text}};
        auto r = ws.submit(Mutation{"event.record", args});
        if (r.ok) ++saved;
        else if (refused.empty()) refused = r.reason;
    }
    return saved;
}

void draw_roster_bulk_bar(RosterViewState& state, const std::vector<int>& shown) {
    const std::vector<int> selected = roster_selected_rows(shown);
    if (selected.empty()) return;
    const std::string count = roster_format("roster.selected", {{"count", std::to_string(selected.size())}});
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(count.c_str());
    ui::note_drawn(count.c_str());
    ImGui::SameLine(0, 16.0f);
    if (widgets::secondary_button(ui::tr("roster.bulk.note"))) {
        state.note_open = true;
        state.note[0] = '\0';
    }
    ImGui::SameLine();
    if (widgets::secondary_button(ui::tr("roster.bulk.copy"))) {
        ImGui::SetClipboardText(roster_selection_as_tsv(selected).c_str());
        show_notice(state, roster_format("roster.bulk.copied", {{"count", std::to_string(selected.size())}}));
    }
    ImGui::SameLine();
    if (widgets::secondary_button(ui::tr("roster.bulk.clear"))) state.selection.Clear();
}

void draw_roster_note_dialog(RosterViewState& state, const std::vector<int>& shown) {
    const char* popup = "##roster-note";
    if (state.note_open && !ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(420.0f, 0.0f));
    if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) return;
    const std::vector<int> selected = roster_selected_rows(shown);
    const std::string title = roster_format("roster.note.title", {{"count", std::to_string(selected.size())}});
    widgets::heavy_text(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), theme::palette().text, title.c_str());
    ImGui::Dummy(ImGui::CalcTextSize(title.c_str()));
    ui::note_drawn(title.c_str());
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool save = widgets::text_field("##roster-note-text", ui::tr("roster.note.field"), state.note, int(sizeof state.note),
                                    false, -1.0f);
    ImGui::Spacing();
    save |= widgets::primary_button(ui::tr("roster.note.save"));
    ImGui::SameLine();
    bool cancel = widgets::secondary_button(ui::tr("roster.note.cancel")) || widgets::dialog_cancel_key();
    if (save && state.note[0] != '\0' && !selected.empty()) {
        std::string refused;
        const int saved = add_roster_notes(selected, state.note, refused);
        show_notice(state, refused.empty()
                               ? roster_format("roster.note.saved", {{"count", std::to_string(saved)}})
                               : roster_format("roster.note.refused", {{"reason", refused}}));
        if (refused.empty()) cancel = true;  // keep the text when something was refused
    }
    if (cancel) {
        state.note_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace wb::app

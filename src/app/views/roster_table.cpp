#include "views/roster_table.h"

#include "app_state.h"
#include "platform.h"
#include "relative_time.h"
#include "theme.h"
#include "ui_text.h"
#include "views/roster_model.h"

#include "core/enum_names.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace wb::app {
namespace {

constexpr const char* kColumnsSetting = "wb.roster.columns";
constexpr float kRowHeight = 34.0f;

// Columns hidden until the user asks for them: the tutor column only matters to a manager.
bool hidden_by_default(RosterColumn c) { return c == RosterColumn::Tutor || c == RosterColumn::Parent; }

const char* column_name(RosterColumn c) { return enum_names(c)[size_t(c)]; }

std::string enabled_columns_now() {
    std::string out;
    for (int i = 0; i < kRosterColumnCount; ++i) {
        if (!(ImGui::TableGetColumnFlags(i) & ImGuiTableColumnFlags_IsEnabled)) continue;
        if (!out.empty()) out += ',';
        out += column_name(RosterColumn(i));
    }
    return out;
}

std::string& remembered_columns() {
    static std::string columns = platform::stored_setting(kColumnsSetting);
    return columns;
}

// Applies the stored choice once per table instance, then stores every change the user makes
// (the header's context menu hides and shows columns).
void sync_column_choice(const char* table) {
    static std::vector<std::string> applied;  // the tables (wide, narrow) the choice was applied to
    std::string& stored = remembered_columns();
    if (std::find(applied.begin(), applied.end(), table) == applied.end()) {
        applied.push_back(table);
        if (!stored.empty()) {
            const std::string list = "," + stored + ",";
            for (int i = 0; i < kRosterColumnCount; ++i)
                ImGui::TableSetColumnEnabled(i, list.find("," + std::string(column_name(RosterColumn(i))) + ",") !=
                                                    std::string::npos);
        }
        return;
    }
    std::string now = enabled_columns_now();
    if (now != stored) {
        stored = now;
        platform::store_setting(kColumnsSetting, now.c_str());
    }
}

ImU32 risk_color(RiskLevel r, bool text) {
    const theme::Palette& p = theme::palette();
    ImU32 c = r == RiskLevel::High ? p.danger : r == RiskLevel::Medium ? p.warning : p.success;
    if (text) return c;
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w = 0.14f;
    return ImGui::ColorConvertFloat4ToU32(v);
}

// A rounded pill with its label, vertically centred in the row.
void pill(const char* label, ImU32 fg, ImU32 bg) {
    const ImVec2 text = ImGui::CalcTextSize(label);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = text.y + 6.0f;
    const ImVec2 min(pos.x, pos.y - 3.0f);  // centred on the row's text line
    const ImVec2 max(min.x + text.x + 16.0f, min.y + h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, bg, h * 0.5f);
    dl->AddText(ImVec2(min.x + 8.0f, min.y + 3.0f), fg, label);
    ui::note_drawn_at(label, min, max);
    ImGui::Dummy(ImVec2(max.x - min.x, text.y));
}

void coloured_text(const std::string& text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

void muted_text(const std::string& text) { coloured_text(text, theme::palette().text_secondary); }

void draw_cell(const RosterRow& row, RosterColumn column) {
    const theme::Palette& p = theme::palette();
    const std::string text = roster_cell_text(row, column);
    switch (column) {
        case RosterColumn::Name:
            ImGui::TextUnformatted(text.c_str());
            ui::note_drawn(text.c_str());
            return;
        case RosterColumn::Risk:
            pill(text.c_str(), risk_color(row.risk, true), risk_color(row.risk, false));
            return;
        case RosterColumn::Attendance:
            coloured_text(text, row.attendance == AttendanceState::Absent     ? p.danger
                                : row.attendance == AttendanceState::OnLeave  ? p.warning
                                : row.attendance == AttendanceState::Attended ? p.text
                                                                              : p.text_tertiary);
            return;
        case RosterColumn::Homework:
            coloured_text(text, row.homework == HomeworkState::Missing ? p.danger
                                : row.homework == HomeworkState::GradedB ? p.warning
                                : row.homework == HomeworkState::NotYet  ? p.text_tertiary
                                                                         : p.text);
            return;
        case RosterColumn::FollowUp:
            if (row.follow_up == FollowUpState::None) muted_text(text);
            else pill(text.c_str(), row.follow_up == FollowUpState::Overdue ? p.danger : p.accent,
                      row.follow_up == FollowUpState::Overdue ? risk_color(RiskLevel::High, false) : p.accent_soft);
            return;
        default:
            muted_text(text);
            return;
    }
}

// Wide: columns share the width. Narrow (a tablet): fixed widths that fit their text, scrolled
// sideways, instead of squeezing every heading to "退…".
void setup_columns(bool narrow) {
    static const float kFixedWidth[kRosterColumnCount] = {80, 90, 110, 90, 90, 70, 80, 90, 90, 90};
    for (int i = 0; i < kRosterColumnCount; ++i) {
        const RosterColumn c = RosterColumn(i);
        ImGuiTableColumnFlags flags = narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
        if (c == RosterColumn::Name) flags |= ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_DefaultSort;
        if (hidden_by_default(c)) flags |= ImGuiTableColumnFlags_DefaultHide;
        const float weight = narrow ? kFixedWidth[i] : c == RosterColumn::Name || c == RosterColumn::Class ? 1.4f : 1.0f;
        ImGui::TableSetupColumn(ui::tr(roster_column_key(c)), flags, weight, ImGuiID(i));
    }
    ImGui::TableSetupScrollFreeze(1, 1);  // the name stays in view when scrolled sideways
}

// Reads the header's sort request into the query.
void read_sort(RosterQuery& q) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
    q.sort = RosterColumn(s.ColumnUserID);
    q.descending = s.SortDirection == ImGuiSortDirection_Descending;
    specs->SpecsDirty = false;
}

ImGuiID index_to_id(ImGuiSelectionBasicStorage* self, int idx) {
    const auto* shown = static_cast<const std::vector<int>*>(self->UserData);
    return roster_row_id(roster_model().rows[size_t((*shown)[size_t(idx)])].student_id);
}

// The header row by hand so each heading is recorded for tests (a click on it sorts).
void draw_header_row() {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < kRosterColumnCount; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* label = ImGui::TableGetColumnName(c);
        ImGui::PushID(c);
        ImGui::TableHeader(label);
        ImGui::PopID();
        ui::note_drawn(label);
    }
}

// One student: a selectable spanning the row (click opens the profile, Ctrl/Shift select),
// the cells drawn over it.
void draw_row(RosterViewState& state, const RosterRow& row, int index) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, kRowHeight);
    ImGui::TableNextColumn();
    ImGui::PushID(index);
    const bool selected = state.selection.Contains(roster_row_id(row.student_id)) ||
                          app_state().student_id == row.student_id;
    ImGui::SetNextItemSelectionUserData(index);
    if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(0, kRowHeight - 16.0f))) {
        if (!ImGui::GetIO().KeyCtrl && !ImGui::GetIO().KeyShift) app_state().student_id = row.student_id;
    }
    ImGui::SameLine(0, 0);
    for (int c = 0; c < kRosterColumnCount; ++c) {
        if (c > 0 && !ImGui::TableNextColumn()) continue;
        if (!(ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsEnabled)) continue;
        draw_cell(row, RosterColumn(c));
    }
    ImGui::PopID();
}

}  // namespace

const char* roster_column_key(RosterColumn column) {
    static const char* keys[] = {"roster.col.name",   "roster.col.parent",     "roster.col.phone",
                                 "roster.col.class",  "roster.col.tutor",      "roster.col.risk",
                                 "roster.col.attendance", "roster.col.homework", "roster.col.follow_up",
                                 "roster.col.last_contact"};
    return keys[int(column)];
}

std::string roster_cell_text(const RosterRow& row, RosterColumn column) {
    switch (column) {
        case RosterColumn::Name: return row.name;
        case RosterColumn::Parent: return row.parent_name;
        case RosterColumn::Phone: return row.parent_phone;
        case RosterColumn::Class: return row.class_name;
        case RosterColumn::Tutor: return row.tutor_name;
        case RosterColumn::Risk: return ui::tr(std::string("roster.risk.") + enum_names(row.risk)[size_t(row.risk)]);
        case RosterColumn::Attendance:
            return ui::tr(std::string("roster.attendance.") + enum_names(row.attendance)[size_t(row.attendance)]);
        case RosterColumn::Homework:
            return ui::tr(std::string("roster.homework.") + enum_names(row.homework)[size_t(row.homework)]);
        case RosterColumn::FollowUp:
            return ui::tr(std::string("roster.follow_up.") + enum_names(row.follow_up)[size_t(row.follow_up)]);
        case RosterColumn::LastContact:
            return row.last_contact_at ? relative_time(row.last_contact_at) : ui::tr("roster.never");
    }
    return "";
}

std::string roster_visible_columns() { return remembered_columns(); }

void draw_roster_table(RosterViewState& state, const std::vector<int>& shown, ImVec2 size) {
    const bool narrow = size.x < 900.0f;
    const ImGuiTableFlags flags = (narrow ? ImGuiTableFlags_ScrollX : 0) | ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                  ImGuiTableFlags_Reorderable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(10.0f, 8.0f));
    // A separate table id per layout: ImGui keeps column sizing per table.
    if (!ImGui::BeginTable(narrow ? "roster-narrow" : "roster", kRosterColumnCount, flags, size)) {
        ImGui::PopStyleVar();
        return;
    }
    setup_columns(narrow);
    draw_header_row();
    sync_column_choice(narrow ? "roster-narrow" : "roster");
    read_sort(state.query);

    const RosterModel& model = roster_model();
    state.selection.UserData = const_cast<std::vector<int>*>(&shown);
    state.selection.AdapterIndexToStorageId = index_to_id;
    ImGuiMultiSelectIO* io = ImGui::BeginMultiSelect(ImGuiMultiSelectFlags_ClearOnEscape | ImGuiMultiSelectFlags_BoxSelect1d,
                                                     state.selection.Size, int(shown.size()));
    state.selection.ApplyRequests(io);
    ImGuiListClipper clipper;
    clipper.Begin(int(shown.size()), kRowHeight);
    if (io->RangeSrcItem != -1) clipper.IncludeItemByIndex(int(io->RangeSrcItem));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            draw_row(state, model.rows[size_t(shown[size_t(i)])], i);
        }
    }
    io = ImGui::EndMultiSelect();
    state.selection.ApplyRequests(io);
    ImGui::EndTable();
    ImGui::PopStyleVar();
}

}  // namespace wb::app

// The student profile [学员档案]: one scrolling column beside the roster (the whole width at
// 768 px). Top to bottom: name, class and risk with its reasons; quick actions; contact and
// enrolment cards; the student's tasks; the note editor; the timeline. Everything shown comes
// from profile_data() (cached per data version and minute); changes go through
// workspace().submit() in the note editor and the quick actions' dialogs.
#include "views/student_profile.h"

#include "views/student_profile_ui.h"

#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include "core/enum_names.h"

#include <imgui.h>

namespace wb::app {
namespace {

using namespace profile_ui_parts;

constexpr int kTasksCollapsed = 6;
// Below this width the contact and enrolment cards stack.
constexpr float kTwoCardsMinWidth = 560.0f;

ImU32 risk_color(RiskLevel level) {
    const theme::Palette& p = theme::palette();
    switch (level) {
        case RiskLevel::High: return p.danger;
        case RiskLevel::Medium: return p.warning;
        case RiskLevel::Low: return p.success;
    }
    return p.text_secondary;
}

ImU32 status_color(DueStatus s) {
    const theme::Palette& p = theme::palette();
    switch (s) {
        case DueStatus::Overdue: return p.danger;
        case DueStatus::Open: return p.accent;
        case DueStatus::Snoozed: return p.text_tertiary;
        case DueStatus::Upcoming: return p.text_secondary;
        case DueStatus::Done:
        case DueStatus::Closed: return p.success;
    }
    return p.text_secondary;
}

const StudentEnrolment* current_enrolment(const ProfileData& d) {
    for (const auto& e : d.enrolments)
        if (e.status == EnrolmentStatus::Active) return &e;
    return d.enrolments.empty() ? nullptr : &d.enrolments.front();
}

// "label   value" on one line, the label in a fixed-width grey column.
void fact_row(const char* label_key, const std::string& value, float label_width) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_secondary);
    ui::text(label_key);
    ImGui::PopStyleColor();
    ImGui::SameLine(label_width);
    text(value.empty() ? std::string(ui::tr("profile.value.none")) : value,
         value.empty() ? theme::palette().text_tertiary : 0);
}

void contact_card(const ProfileData& d) {
    const Student& s = d.student;
    if (!begin_card("##contact")) { end_card(); return; }
    heading("profile.section.contact");
    const float lw = 72.0f;
    fact_row("profile.contact.parent", s.parent_name, lw);
    fact_row("profile.contact.phone", s.parent_phone, lw);
    if (!s.parent_phone.empty()) {
        ImGui::SameLine();
        if (widgets::secondary_button(ui::tr("profile.contact.copy_phone"), ImVec2(0, 0))) {
            ImGui::SetClipboardText(s.parent_phone.c_str());
            profile_ui().last_action = fmt("profile.contact.copied", {{"phone", s.parent_phone}});
            platform::request_redraw();
        }
    }
    fact_row("profile.contact.wechat", s.wechat, lw);
    fact_row("profile.contact.address", s.address, lw);
    end_card();
}

void enrolment_card(const ProfileData& d) {
    if (!begin_card("##enrolment")) { end_card(); return; }
    heading("profile.section.enrolment");
    if (d.enrolments.empty()) text(ui::tr("profile.enrolment.none"), theme::palette().text_tertiary);
    const float lw = 72.0f;
    for (size_t i = 0; i < d.enrolments.size(); ++i) {
        const StudentEnrolment& e = d.enrolments[i];
        ImGui::PushID(static_cast<int>(i));
        if (i) ImGui::Separator();
        fact_row("profile.enrolment.course", e.course_name, lw);
        fact_row("profile.enrolment.class", e.class_name, lw);
        fact_row("profile.enrolment.tutor", e.tutor_name, lw);
        fact_row("profile.enrolment.since", profile_local_time(e.enrolled_at).substr(0, 10), lw);
        ImGui::Dummy(ImVec2(0, 2));
        pill(ui::tr(std::string("profile.enrolment.status.") + to_string(e.status)),
             e.status == EnrolmentStatus::Active ? theme::palette().success : theme::palette().text_secondary);
        ImGui::PopID();
    }
    end_card();
}

}  // namespace

void draw_profile_header(const ProfileData& d) {
    const theme::Palette& p = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float big = theme::kTitleFontSize;
    ImGui::PushFont(nullptr, big);
    widgets::heavy_text(dl, at, p.text, d.student.name.c_str());
    const ImVec2 name_size = ImGui::CalcTextSize(d.student.name.c_str());
    ImGui::PopFont();
    ui::note_drawn_at(d.student.name.c_str(), at, ImVec2(at.x + name_size.x, at.y + name_size.y));
    ImGui::Dummy(ImVec2(name_size.x + 10, name_size.y));
    if (d.risk_known) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (name_size.y - ImGui::GetTextLineHeight() - 4) * 0.5f);
        pill(ui::tr(std::string("profile.risk.level.") + to_string(d.risk.level)), risk_color(d.risk.level));
    }
    if (const StudentEnrolment* e = current_enrolment(d))
        text(fmt("profile.header.class_line", {{"class", e->class_name}, {"course", e->course_name}, {"tutor", e->tutor_name}}),
             p.text_secondary);
    if (d.risk_known && !d.risk_reasons.empty()) {
        ImGui::Dummy(ImVec2(0, 2));
        for (const auto& reason : d.risk_reasons) {
            widgets::status_dot(risk_color(d.risk.level), ImGui::GetTextLineHeight());
            ImGui::SameLine();
            text(reason, p.text_secondary);
        }
    }
}

void draw_profile_facts(const ProfileData& d) {
    const float width = ImGui::GetContentRegionAvail().x;
    if (width >= kTwoCardsMinWidth &&
        ImGui::BeginTable("##facts", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_NoPadOuterX)) {
        ImGui::TableNextColumn();
        contact_card(d);
        ImGui::TableNextColumn();
        enrolment_card(d);
        ImGui::EndTable();
        return;
    }
    contact_card(d);
    ImGui::Dummy(ImVec2(0, 4));
    enrolment_card(d);
}

void draw_profile_tasks(const ProfileData& d) {
    static bool show_all = false;
    const theme::Palette& p = theme::palette();
    heading("profile.section.tasks");
    if (!d.template_error.empty()) {
        text(d.template_error, p.danger);
        return;
    }
    if (d.tasks.empty()) {
        text(ui::tr("profile.tasks.none"), p.text_tertiary);
        return;
    }
    const size_t shown = show_all ? d.tasks.size() : std::min<size_t>(d.tasks.size(), kTasksCollapsed);
    // One row per task: status pill and title; the due time under the title (fits a 380 px pane).
    for (size_t i = 0; i < shown; ++i) {
        const ProfileTaskRow& t = d.tasks[i];
        ImGui::PushID(static_cast<int>(i));
        const float x0 = ImGui::GetCursorPosX();
        pill(t.status, status_color(t.task.status));
        ImGui::SameLine(x0 + 70.0f);
        ImGui::BeginGroup();
        text(t.title);
        if (ImGui::IsItemHovered() && !t.task.why.empty()) ImGui::SetTooltip("%s", t.task.why.c_str());
        text(t.due, p.text_tertiary);
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::PopID();
    }
    if (d.tasks.size() > kTasksCollapsed) {
        const std::string label = show_all ? std::string(ui::tr("profile.tasks.fewer"))
                                           : fmt("profile.tasks.all", {{"count", std::to_string(d.tasks.size())}});
        if (widgets::secondary_button(label.c_str())) show_all = !show_all;
    }
}

void draw_student_profile(const std::string& student_id) {
    ProfileUi& ui_state = profile_ui();
    if (ui_state.student_id != student_id) {
        ui_state = ProfileUi{};
        ui_state.student_id = student_id;
    }
    ui_state.drawn_frame = ImGui::GetFrameCount();
    const ProfileData& d = profile_data(student_id);
    if (!d.found) {
        text(ui::tr("profile.not_found"), theme::palette().text_secondary);
        return;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 16));
    ImGui::BeginChild("##student_profile", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    widgets::touch_drag_scroll();
    draw_profile_header(d);
    ImGui::Dummy(ImVec2(0, 6));
    draw_profile_quick_actions(d);
    ImGui::Dummy(ImVec2(0, 8));
    draw_profile_facts(d);
    draw_profile_tasks(d);
    draw_profile_note_editor(d);
    draw_profile_timeline(d);
    draw_profile_dialogs(d);
    ImGui::EndChild();
}

}  // namespace wb::app

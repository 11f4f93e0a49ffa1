// The student profile [学员档案]: one scrolling column beside the roster (the whole width at
// 768 px). Top to bottom: name, class, parent and phone, risk with its reasons; quick actions;
// tabs: 动态 (note editor + timeline), 资料 (contact and enrolment cards), 任务 (the student's
// task states). Everything shown comes
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

ImU32 risk_color(RiskLevel level) {
    const theme::Palette& p = theme::palette();
    switch (level) {
        case RiskLevel::High: return p.danger;
        case RiskLevel::Medium: return p.warning;
        case RiskLevel::Low: return p.success;
    }
    return p.text_secondary;
}

const StudentEnrolment* current_enrolment(const ProfileData& d) {
    for (const auto& e : d.enrolments)
        if (e.status == EnrolmentStatus::Active) return &e;
    return d.enrolments.empty() ? nullptr : &d.enrolments.front();
}

// 动态 (note editor + timeline) | 资料 (contact, enrolment) | 任务 (task states)
void draw_tabs(const ProfileData& d) {
    ProfileUi& s = profile_ui();
    const std::string tasks = ui::format("profile.tab.tasks", {{"count", std::to_string(d.tasks.size())}});
    const char* labels[] = {ui::tr("profile.tab.timeline"), ui::tr("profile.tab.details"), tasks.c_str()};
    if (widgets::segmented_control("##profile_tabs", labels, 3, &s.tab)) platform::request_redraw();
    ImGui::Dummy(ImVec2(0, 6));
    switch (s.tab) {
        case 1: draw_profile_facts(d); break;
        case 2: draw_profile_tasks(d); break;
        default:
            draw_profile_note_editor(d);
            draw_profile_timeline(d);
            break;
    }
}

}  // namespace

void draw_profile_header(const ProfileData& d) {
    const theme::Palette& p = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(nullptr, theme::kTitleFontSize);
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
        text(ui::format("profile.header.class_line", {{"class", e->class_name}, {"course", e->course_name}, {"tutor", e->tutor_name}}),
             p.text_secondary);
    // The parent and the phone, the first thing a tutor needs before a call.
    const Student& st = d.student;
    if (!st.parent_name.empty() || !st.parent_phone.empty()) {
        text(ui::format("profile.header.parent_line", {{"parent", st.parent_name.empty() ? ui::tr("profile.value.none") : st.parent_name},
                                                {"phone", st.parent_phone.empty() ? ui::tr("profile.value.none") : st.parent_phone}}),
             p.text_secondary);
        if (!st.parent_phone.empty()) {
            ImGui::SameLine(0, 8);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
            if (widgets::secondary_button(ui::tr("profile.contact.copy_phone"))) copy_parent_phone(st.parent_phone);
        }
    }
    if (d.risk_known && !d.risk_reasons.empty()) {
        ImGui::Dummy(ImVec2(0, 2));
        for (const auto& reason : d.risk_reasons) {
            widgets::status_dot(risk_color(d.risk.level), ImGui::GetTextLineHeight());
            ImGui::SameLine();
            text(reason, p.text_secondary);
        }
    }
}

void draw_student_profile(const std::string& student_id) {
    ProfileUi& ui_state = profile_ui();
    if (ui_state.student_id != student_id) {
        const int tab = ui_state.tab;  // the tab stays when moving through the roster
        ui_state = ProfileUi{};
        ui_state.student_id = student_id;
        ui_state.tab = tab;
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
    ImGui::Dummy(ImVec2(0, 10));
    draw_tabs(d);
    draw_profile_dialogs(d);
    ImGui::EndChild();
}

}  // namespace wb::app

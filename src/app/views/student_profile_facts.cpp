// The profile's "资料" and "任务" tabs: contact and enrolment cards (side by side when the pane
// is wide enough), and the task instances that concern the student, most urgent first.
#include "views/student_profile_ui.h"

#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include "core/enum_names.h"

#include <imgui.h>

#include <algorithm>

namespace wb::app {
namespace {

using namespace profile_ui_parts;

constexpr size_t kTasksCollapsed = 12;
// Below this width the contact and enrolment cards stack.
constexpr float kTwoCardsMinWidth = 620.0f;
constexpr float kLabelWidth = 76.0f;

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

// "label   value" on one line, the label in a fixed-width grey column.
void fact_row(const char* label_key, const std::string& value) {
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_secondary);
    ui::text(label_key);
    ImGui::PopStyleColor();
    ImGui::SameLine(x0 + kLabelWidth);
    text(value.empty() ? std::string(ui::tr("profile.value.none")) : value,
         value.empty() ? theme::palette().text_tertiary : 0);
}

void contact_card(const ProfileData& d, float width) {
    const Student& s = d.student;
    begin_card(width);
    heading("profile.section.contact");
    fact_row("profile.contact.parent", s.parent_name);
    fact_row("profile.contact.phone", s.parent_phone);
    if (!s.parent_phone.empty()) {
        ImGui::SameLine();
        ImGui::PushID("card");
        if (widgets::secondary_button(ui::tr("profile.contact.copy_phone"))) copy_parent_phone(s.parent_phone);
        ImGui::PopID();
    }
    fact_row("profile.contact.student_phone", s.student_phone);
    fact_row("profile.contact.wechat", s.wechat);
    fact_row("profile.contact.address", s.address);
    end_card();
}

void enrolment_card(const ProfileData& d, float width) {
    begin_card(width);
    heading("profile.section.enrolment");
    if (d.enrolments.empty()) text(ui::tr("profile.enrolment.none"), theme::palette().text_tertiary);
    for (size_t i = 0; i < d.enrolments.size(); ++i) {
        const StudentEnrolment& e = d.enrolments[i];
        ImGui::PushID(static_cast<int>(i));
        if (i) ImGui::Dummy(ImVec2(0, 6));
        fact_row("profile.enrolment.course", e.course_name);
        fact_row("profile.enrolment.class", e.class_name);
        fact_row("profile.enrolment.tutor", e.tutor_name);
        fact_row("profile.enrolment.since", profile_local_time(e.enrolled_at).substr(0, 10));
        ImGui::Dummy(ImVec2(0, 2));
        pill(ui::tr(std::string("profile.enrolment.status.") + to_string(e.status)),
             e.status == EnrolmentStatus::Active ? theme::palette().success : theme::palette().text_secondary);
        ImGui::PopID();
    }
    end_card();
}

}  // namespace

void copy_parent_phone(const std::string& phone) {
    ImGui::SetClipboardText(phone.c_str());
    profile_ui().last_action = ui::format("profile.contact.copied", {{"phone", phone}});
    platform::request_redraw();
}

void draw_profile_facts(const ProfileData& d) {
    const float width = ImGui::GetContentRegionAvail().x;
    if (width >= kTwoCardsMinWidth) {
        const float gap = 12.0f, half = (width - gap) * 0.5f;
        const ImVec2 top = ImGui::GetCursorScreenPos();
        contact_card(d, half);
        const float left_bottom = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(top.x + half + gap, top.y));
        enrolment_card(d, half);
        const float bottom = std::max(left_bottom, ImGui::GetCursorScreenPos().y);
        ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
        ImGui::Dummy(ImVec2(0, 0));
        return;
    }
    contact_card(d, 0);
    ImGui::Dummy(ImVec2(0, 4));
    enrolment_card(d, 0);
}

void draw_profile_tasks(const ProfileData& d) {
    static bool show_all = false;
    const theme::Palette& p = theme::palette();
    if (!d.template_error.empty()) {
        text(d.template_error, p.danger);
        return;
    }
    if (d.tasks.empty()) {
        text(ui::tr("profile.tasks.none"), p.text_tertiary);
        return;
    }
    const size_t shown = show_all ? d.tasks.size() : std::min(d.tasks.size(), kTasksCollapsed);
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
        ImGui::Dummy(ImVec2(0, 4));
        ImGui::PopID();
    }
    if (d.tasks.size() > kTasksCollapsed) {
        const std::string label = show_all ? std::string(ui::tr("profile.tasks.fewer"))
                                           : ui::format("profile.tasks.all", {{"count", std::to_string(d.tasks.size())}});
        if (widgets::secondary_button(label.c_str())) show_all = !show_all;
    }
}

}  // namespace wb::app

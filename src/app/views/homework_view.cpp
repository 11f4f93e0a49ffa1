// Homework [练习] for one lesson of the tutor's class:
//  - Submissions: who handed in and when, who is missing, each work's grade, comment and feedback
//    state (sent / viewed by the parent); the 12/24/36/48 h urge reminders with "32 已提交，18 未交"
//    and a one-click urge to the missing (filtered by name); one-click feedback to every graded
//    work's parent and student (homework_actions.cpp).
//  - Batch grading (homework_grading.cpp), excellent works and the leaderboard (homework_library.cpp).
// The data is core/homework_board.h, cached in homework_model.cpp; the actions homework_actions.cpp.
#include "views/homework_ui.h"
#include "views/view_registry.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/empty_state.h"
#include "views/lesson_picker.h"
#include "views/lessons_ui.h"
#include "widgets.h"

namespace wb::app {
namespace homework_ui {

HomeworkUi& state() {
    static HomeworkUi s;
    return s;
}

std::string when_text(TimeMs at) {
    const State* s = workspace().view();
    return at && s ? local_day_and_time(*s, at) : ui::tr("homework.feedback.none");
}

}  // namespace homework_ui

namespace {

using namespace homework_ui;
using lessons_ui::label;

void draw_counts(const HomeworkModel& m) {
    const HomeworkBoard& b = m.board;
    label(ui::format("homework.counts", {{"submitted", std::to_string(b.submitted)}, {"remaining", std::to_string(b.remaining)},
                                         {"graded", std::to_string(b.graded)}, {"sent", std::to_string(b.feedback_sent)},
                                         {"viewed", std::to_string(b.feedback_viewed)}}),
          theme::palette().text);
    std::string urges = ui::format("homework.urge.due", {{"due", std::to_string(b.urges_due)}}) + " · ";
    urges += b.next_urge_at ? ui::format("homework.urge.next", {{"when", when_text(b.next_urge_at)}})
                            : ui::tr("homework.urge.all_past");
    label(urges, b.urges_due > 0 && b.remaining > 0 ? theme::palette().warning : theme::palette().text_tertiary);
}

std::string feedback_text(const HomeworkRow& r) {
    if (!r.graded()) return ui::tr("homework.feedback.none");
    if (r.feedback_viewed_at) return ui::format("homework.feedback.viewed", {{"when", when_text(r.feedback_viewed_at)}});
    if (r.feedback_sent_at) return ui::format("homework.feedback.sent", {{"when", when_text(r.feedback_sent_at)}});
    return ui::tr("homework.feedback.unsent");
}

void draw_row(const HomeworkRow& r) {
    const theme::Palette& p = theme::palette();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    label(r.excellent ? r.name + " ★" : r.name, p.text);
    ImGui::TableNextColumn();
    label(r.submitted() ? when_text(r.submitted_at) : ui::tr("homework.missing"), r.submitted() ? p.text_secondary : p.danger);
    ImGui::TableNextColumn();
    label(r.graded() ? r.grade : (r.submitted() ? ui::tr("homework.ungraded") : ui::tr("homework.feedback.none")),
          r.grade == "B" ? p.warning : r.graded() ? p.success : p.text_tertiary);
    ImGui::TableNextColumn();
    label(r.comment.empty() ? ui::tr("homework.feedback.none") : r.comment, p.text_secondary);
    ImGui::TableNextColumn();
    label(feedback_text(r), r.feedback_viewed_at ? p.success : p.text_secondary);
}

void draw_actions(const HomeworkModel& m) {
    HomeworkUi& s = state();
    lessons_ui::draw_route_picker("##homework_route");
    ImGui::SameLine();
    widgets::search_field("##urge_filter", ui::tr("homework.urge.filter"), s.urge_filter, sizeof s.urge_filter, 200);
    ImGui::SameLine();
    const std::vector<std::string> missing = urge_recipients(m.board, s.urge_filter);
    const std::string urge = ui::format("homework.urge.send", {{"count", std::to_string(missing.size())}});
    if (widgets::primary_button(urge.c_str(), ImVec2(0, 0), !missing.empty()))
        s.last = urge_missing(m, missing, lessons_ui::state().route);
    ImGui::SameLine();
    const std::vector<const HomeworkRow*> targets = feedback_targets(m.board);
    const std::string feedback = ui::format("homework.feedback.send", {{"count", std::to_string(targets.size())}});
    if (widgets::secondary_button(feedback.c_str(), ImVec2(0, 0), !targets.empty()))
        s.last = send_feedback(m, targets, lessons_ui::state().route);
}

void draw_submissions(const HomeworkModel& m) {
    draw_actions(m);
    lessons_ui::show_result(state().last);
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##homework", 5, kFlags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui::tr("homework.column.student"), ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableSetupColumn(ui::tr("homework.column.submitted"), ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableSetupColumn(ui::tr("homework.column.grade"), ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableSetupColumn(ui::tr("homework.column.comment"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ui::tr("homework.column.feedback"), ImGuiTableColumnFlags_WidthFixed, 190);
    ImGui::TableHeadersRow();
    for (const HomeworkRow& r : m.board.rows) {
        ImGui::PushID(r.student_id.c_str());
        draw_row(r);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void draw_homework_view() {
    if (!draw_lesson_picker("##homework_lesson_picker")) {
        draw_empty_state({icons::homework, "empty.homework.title", "empty.homework.body"});
        return;
    }
    const HomeworkModel& m = homework_model();
    if (!m.ready) return ui::text("homework.loading");
    HomeworkUi& s = state();
    draw_counts(m);
    const std::string excellent = ui::format("homework.tab.excellent", {{"count", std::to_string(m.excellent.size())}});
    const char* tabs[] = {ui::tr("homework.tab.submissions"), ui::tr("homework.tab.grading"), excellent.c_str(),
                          ui::tr("homework.tab.leaderboard")};
    if (widgets::segmented_control("##homework_tab", tabs, 4, &s.tab)) s.last = {};
    ImGui::Dummy(ImVec2(0, 4));
    switch (static_cast<Tab>(s.tab)) {
    case Tab::Submissions: draw_submissions(m); break;
    case Tab::Grading: draw_grading(m); break;
    case Tab::Excellent: draw_excellent(m); break;
    case Tab::Leaderboard: draw_leaderboard(m); break;
    }
}

}  // namespace wb::app

// Lesson [课次]: one lesson of the tutor's class, in three stages.
//  - Pre-attendance [预到课]: one click sends the template's survey to the parents of all (or the
//    filtered) students who have not been asked yet; the live board shows attend / leave /
//    unclear / no reply as the reply parser marks replies, the parent's words on hover, and the
//    tutor's override (a manual attendance mark); counts and the attendance forecast on top.
//  - Getting to class [赶课] and in class [跟课]: lessons_class.cpp.
// The data is core/lesson_board.h, cached in lesson_model.cpp; the actions are lesson_actions.cpp.
#include "views/lessons_ui.h"
#include "views/view_registry.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/empty_state.h"
#include "views/lesson_picker.h"
#include "widgets.h"

#include <cmath>

namespace wb::app {
namespace {

using namespace lessons_ui;

constexpr AttendanceStatus kFilters[] = {AttendanceStatus::NoReply, AttendanceStatus::Unclear, AttendanceStatus::Leave,
                                         AttendanceStatus::Attend};

const char* status_key(AttendanceStatus s) {
    switch (s) {
    case AttendanceStatus::Attend: return "lessons.status.attend";
    case AttendanceStatus::Leave: return "lessons.status.leave";
    case AttendanceStatus::Unclear: return "lessons.status.unclear";
    default: return "lessons.status.no_reply";
    }
}

ImU32 status_color(AttendanceStatus s) {
    const theme::Palette& p = theme::palette();
    switch (s) {
    case AttendanceStatus::Attend: return p.success;
    case AttendanceStatus::Leave: return p.danger;
    case AttendanceStatus::Unclear: return p.warning;
    default: return p.text_tertiary;
    }
}

int count_of(const LessonBoardCounts& c, AttendanceStatus s) {
    switch (s) {
    case AttendanceStatus::Attend: return c.attend;
    case AttendanceStatus::Leave: return c.leave;
    case AttendanceStatus::Unclear: return c.unclear;
    default: return c.no_reply;
    }
}

void draw_counts(const LessonModel& m) {
    const LessonBoardCounts& c = m.board.counts;
    const theme::Palette& p = theme::palette();
    label(ui::format("lessons.counts", {{"students", std::to_string(c.students)}, {"surveyed", std::to_string(c.surveyed)},
                                        {"attend", std::to_string(c.attend)}, {"leave", std::to_string(c.leave)},
                                        {"unclear", std::to_string(c.unclear)}, {"no_reply", std::to_string(c.no_reply)}}),
          p.text);
    label(ui::format("lessons.forecast", {{"forecast", std::to_string(m.board.forecast)},
                                          {"rate", std::to_string(static_cast<int>(std::lround(m.board.show_up_rate * 100)))}}),
          p.accent);
}

// The parent's words, shortened on the board and whole on hover.
void draw_reply(const LessonBoardRow& r) {
    if (r.reply_text.empty()) return label(ui::tr("lessons.message.none"), theme::palette().text_tertiary);
    constexpr size_t kShownBytes = 36;   // about a dozen CJK characters
    std::string shown = r.reply_text;
    if (shown.size() > kShownBytes) {
        size_t cut = kShownBytes;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        shown = shown.substr(0, cut) + "…";
    }
    label(shown, theme::palette().text_secondary);
    if (ImGui::IsItemHovered() && ImGui::BeginTooltip()) {
        ImGui::PushTextWrapPos(360);
        label(ui::format("lessons.reply.hover", {{"text", r.reply_text},
                                                 {"when", local_day_and_time(*workspace().view(), r.reply_at)}}),
              theme::palette().text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void draw_board_row(const LessonModel& m, const LessonBoardRow& r) {
    LessonsUi& s = state();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    label(r.name, theme::palette().text);
    ImGui::TableNextColumn();
    // A survey the tutor copied and sent herself has no outbox message, only its sent event.
    label(!r.survey.exists() && r.survey_event_at ? ui::tr("lessons.message.sent") : message_state_text(r.survey),
          theme::palette().text_secondary);
    ImGui::TableNextColumn();
    std::string status = ui::tr(status_key(r.status));
    if (r.manual) status += ui::tr("lessons.status.manual");
    label(status, status_color(r.status));
    ImGui::TableNextColumn();
    draw_reply(r);
    ImGui::TableNextColumn();
    if (row_button(ui::tr("lessons.mark.attend"), r.student_id, !(r.manual && r.status == AttendanceStatus::Attend)))
        s.last = mark_attendance(m, r.student_id, "attend");
    ImGui::SameLine();
    if (row_button(ui::tr("lessons.mark.leave"), r.student_id, !(r.manual && r.status == AttendanceStatus::Leave)))
        s.last = mark_attendance(m, r.student_id, "leave");
}

void draw_pre_attendance(const LessonModel& m) {
    LessonsUi& s = state();
    const LessonBoardCounts& c = m.board.counts;
    std::string filters[5] = {ui::format("lessons.filter.all", {{"count", std::to_string(c.students)}})};
    for (int i = 0; i < 4; ++i)
        filters[i + 1] = ui::format((std::string(status_key(kFilters[i])) + "_count").c_str(),
                                    {{"count", std::to_string(count_of(c, kFilters[i]))}});
    const char* labels[5];
    for (int i = 0; i < 5; ++i) labels[i] = filters[i].c_str();
    widgets::segmented_control("##lesson_filter", labels, 5, &s.filter, widgets::Size::Small);
    const AttendanceStatus* only = s.filter > 0 ? &kFilters[s.filter - 1] : nullptr;
    const std::vector<const LessonBoardRow*> targets = survey_targets(m.board, only);
    draw_route_picker("##survey_route");
    ImGui::SameLine();
    const std::string send = ui::format("lessons.survey.send", {{"count", std::to_string(targets.size())}});
    if (widgets::primary_button(send.c_str(), ImVec2(0, 0), !targets.empty()))
        s.last = send_lesson_messages(m, targets, kSurveyKey, s.route);
    label(ui::tr("lessons.survey.once"), theme::palette().text_tertiary);
    show_result(s.last);
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##pre_attendance", 5, kFlags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui::tr("lessons.column.student"), ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableSetupColumn(ui::tr("lessons.column.survey"), ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn(ui::tr("lessons.column.status"), ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableSetupColumn(ui::tr("lessons.column.reply"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ui::tr("lessons.column.override"), ImGuiTableColumnFlags_WidthFixed, 130);
    ImGui::TableHeadersRow();
    for (const LessonBoardRow& r : m.board.rows) {
        if (only && r.status != *only) continue;
        ImGui::PushID(r.student_id.c_str());
        draw_board_row(m, r);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void draw_lessons_view() {
    if (!draw_lesson_picker("##lesson_picker")) {
        draw_empty_state({icons::lessons, "empty.lessons.title", "empty.lessons.body"});
        return;
    }
    const LessonModel& m = lesson_model();
    if (!m.ready) return ui::text("lessons.loading");
    LessonsUi& s = state();
    draw_counts(m);
    const char* stages[] = {ui::tr("lessons.stage.pre"), ui::tr("lessons.stage.getting"), ui::tr("lessons.stage.in_class")};
    if (widgets::segmented_control("##lesson_stage", stages, 3, &s.stage)) s.last = {};
    ImGui::Dummy(ImVec2(0, 4));
    switch (static_cast<Stage>(s.stage)) {
    case Stage::PreAttendance: draw_pre_attendance(m); break;
    case Stage::GettingToClass: draw_getting_to_class(m); break;
    case Stage::InClass: draw_in_class(m); break;
    }
}

}  // namespace wb::app

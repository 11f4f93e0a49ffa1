// Lesson [课次], getting to class [赶课] and in class [跟课]:
//  - the evening-before SMS list (every student not on leave without a reminder), sent in one
//    click; the automatic call 15 minutes before start with its state and the calls logged;
//    class entry from 30 minutes before start; a manual call with its duration and outcome;
//  - who is in class, who dropped out with the 5-minute follow-up timer (open until a call is
//    logged or the student is back), highlight / lowlight marks per student.
// Class entry and drop-out normally arrive from the class platform; the tutor can record them.
#include "views/lessons_ui.h"

#include "js_reply.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <cstdio>

namespace wb::app::lessons_ui {
namespace {

constexpr TimeMs kEntryShownBeforeMs = 30 * kMinuteMs;
constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                   ImGuiTableFlags_SizingStretchProp;

std::string minutes_seconds(TimeMs ms) {
    if (ms < 0) ms = -ms;
    const long long s = ms / 1000;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    return buf;
}

std::string call_text(const LessonBoardRow& r) {
    if (!r.calls) return ui::tr("lessons.message.none");
    return ui::format(r.last_call_outcome == "reached" ? "lessons.call.last_reached" : "lessons.call.last_unreached",
                      {{"count", std::to_string(r.calls)}, {"minutes", std::to_string(r.last_call_seconds / 60)},
                       {"seconds", std::to_string(r.last_call_seconds % 60)}});
}

std::string entry_text(const LessonBoardRow& r, bool shown) {
    if (!shown) return ui::tr("lessons.entry.not_yet_shown");
    if (r.in_class) return ui::tr("lessons.entry.in");
    if (r.dropped_at) return ui::tr("lessons.entry.dropped");
    return ui::tr(r.status == AttendanceStatus::Leave ? "lessons.entry.on_leave" : "lessons.entry.not_in");
}

void call_button(const LessonBoardRow& r) {
    LessonsUi& s = state();
    if (row_button(ui::tr("lessons.call.open"), r.student_id, s.calling != r.student_id)) {
        s.calling = r.student_id;
        s.call_duration[0] = 0;
        s.call_reached = true;
    }
}

void begin_columns(std::initializer_list<std::pair<const char*, float>> columns) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const auto& [key, width] : columns)
        ImGui::TableSetupColumn(ui::tr(key), width > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                width > 0 ? width : 0.0f);
    ImGui::TableHeadersRow();
}

// The call form opens on its own line under the student's row, in the wide column `column`.
void call_form_row(const LessonModel& m, const LessonBoardRow& r, int column) {
    if (state().calling != r.student_id) return;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(column);
    draw_call_form(m, r);
}

}  // namespace

void draw_getting_to_class(const LessonModel& m) {
    LessonsUi& s = state();
    const theme::Palette& p = theme::palette();
    const std::vector<const LessonBoardRow*> targets = reminder_targets(m.board);
    label(ui::format("lessons.reminder.title", {{"count", std::to_string(targets.size())},
                                                {"reminded", std::to_string(m.board.counts.reminded)}}), p.text);
    draw_route_picker("##reminder_route");
    ImGui::SameLine();
    const std::string send = ui::format("lessons.reminder.send", {{"count", std::to_string(targets.size())}});
    if (widgets::primary_button(send.c_str(), ImVec2(0, 0), !targets.empty()))
        s.last = send_lesson_messages(m, targets, kReminderKey, s.route);
    label(ui::tr("lessons.autocall.explain"), p.text_tertiary);
    show_result(s.last);
    const bool entry_shown = m.now >= m.board.start - kEntryShownBeforeMs;
    if (!ImGui::BeginTable("##getting_to_class", 6, kFlags, ImVec2(0, 0))) return;
    begin_columns({{"lessons.column.student", 110}, {"lessons.column.reminder", 80}, {"lessons.column.autocall", 80},
                              {"lessons.column.calls", 0}, {"lessons.column.entry", 90}, {"lessons.column.actions", 150}});
    for (const LessonBoardRow& r : m.board.rows) {
        ImGui::PushID(r.student_id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        label(r.name, p.text);
        ImGui::TableNextColumn();
        label(r.status == AttendanceStatus::Leave ? ui::tr("lessons.entry.on_leave") : message_state_text(r.reminder), p.text_secondary);
        ImGui::TableNextColumn();
        label(message_state_text(r.auto_call), p.text_secondary);
        ImGui::TableNextColumn();
        label(call_text(r), r.last_call_outcome == "reached" ? p.success : p.text_secondary);
        ImGui::TableNextColumn();
        label(entry_text(r, entry_shown), r.in_class ? p.success : p.text_secondary);
        ImGui::TableNextColumn();
        call_button(r);
        if (!r.entered_at) {
            ImGui::SameLine();
            if (row_button(ui::tr("lessons.entry.record"), r.student_id)) s.last = record_class_event(m, r.student_id, "class_entry");
        }
        call_form_row(m, r, 3);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_in_class(const LessonModel& m) {
    LessonsUi& s = state();
    const theme::Palette& p = theme::palette();
    const LessonBoardCounts& c = m.board.counts;
    label(ui::format("lessons.in_class.counts", {{"in", std::to_string(c.in_class)}, {"dropped", std::to_string(c.dropped)},
                                                 {"missing", std::to_string(c.students - c.entered)}}), p.text);
    show_result(s.last);
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());   // the timers tick by the second
    bool timer_running = false;
    if (!ImGui::BeginTable("##in_class", 4, kFlags, ImVec2(0, 0))) return;
    begin_columns({{"lessons.column.student", 110}, {"lessons.column.entry", 0},
                               {"lessons.column.interaction", 90}, {"lessons.column.actions", 340}});
    for (const LessonBoardRow& r : m.board.rows) {
        ImGui::PushID(r.student_id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        label(r.name, p.text);
        ImGui::TableNextColumn();
        const DropOutFollowUp f = drop_out_follow_up(r, now);
        if (f.open) {
            timer_running = true;
            label(ui::format(f.left_ms >= 0 ? "lessons.dropout.left" : "lessons.dropout.overdue",
                             {{"time", minutes_seconds(f.left_ms)}}), f.left_ms >= 0 ? p.warning : p.danger);
        } else {
            label(entry_text(r, true), r.in_class ? p.success : p.text_secondary);
        }
        ImGui::TableNextColumn();
        label(r.interaction.empty() ? ui::tr("lessons.message.none") : ui::tr(("lessons.interaction." + r.interaction).c_str()),
              r.interaction == "lowlight" ? p.warning : r.interaction == "highlight" ? p.success : p.text_secondary);
        ImGui::TableNextColumn();
        if (row_button(ui::tr("lessons.interaction.highlight"), r.student_id, r.interaction != "highlight"))
            s.last = record_class_event(m, r.student_id, "interaction", "highlight");
        ImGui::SameLine();
        if (row_button(ui::tr("lessons.interaction.lowlight"), r.student_id, r.interaction != "lowlight"))
            s.last = record_class_event(m, r.student_id, "interaction", "lowlight");
        ImGui::SameLine();
        if (r.in_class) {
            if (row_button(ui::tr("lessons.dropout.record"), r.student_id)) s.last = record_class_event(m, r.student_id, "class_dropout");
        } else if (row_button(ui::tr("lessons.entry.record"), r.student_id)) {
            s.last = record_class_event(m, r.student_id, "class_entry");
        }
        if (f.open) {
            ImGui::SameLine();
            call_button(r);
        }
        call_form_row(m, r, 1);
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (timer_running) platform::request_redraw_in(1000);
}

}  // namespace wb::app::lessons_ui

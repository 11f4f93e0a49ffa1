// Follow-up visits [回访]: the month's coverage against the template's target, today's planned
// students first, the call form (duration, outcome, note) with the 3-minute rule visible, the
// month's call log, who is still unvisited, and before renewal the "everyone once" list.
// A call is an event.record "call"; a call that counts by the 3-minute rule (the core's
// counts_as_3min_call) also records the visit the monthly coverage counts.
#include "views/followup_model.h"
#include "views/view_registry.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include "core/metrics.h"
#include "core/mutation.h"
#include "i18n/translator.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <map>

namespace wb::app {
namespace {

struct CallForm {
    std::string student_id;
    char minutes[8] = "";
    char note[512] = "";
    int outcome = 0;  // 0 reached, 1 unreached
    std::string error, saved;
};

CallForm& form() {
    static CallForm f;
    return f;
}

void label(const std::string& text, ImU32 color = 0) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    if (color) ImGui::PopStyleColor();
    ui::note_drawn(text.c_str());
}

std::string percent(int num, int den) {
    if (den <= 0) return "—";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * num / den);
    return buf;
}

// Seconds from the minutes field ("4", "2.5"); -1 when it is not a number.
int duration_seconds(const char* text) {
    char* end = nullptr;
    const double minutes = std::strtod(text, &end);
    if (end == text || *end != '\0' || minutes < 0 || minutes > 600) return -1;
    return static_cast<int>(minutes * 60 + 0.5);
}

Event draft_call(const CallForm& f, int seconds) {
    Event e;
    e.kind = EventKind::Call;
    e.value = f.outcome == 0 ? "reached" : "unreached";
    e.duration_sec = seconds;
    return e;
}

void save_call() {
    CallForm& f = form();
    const int seconds = duration_seconds(f.minutes);
    if (f.student_id.empty()) { f.error = ui::tr("followups.call.no_student"); return; }
    if (seconds < 0) { f.error = ui::tr("followups.call.bad_duration"); return; }
    const int64_t now = static_cast<int64_t>(js::now_utc_ms());
    const std::string id = workspace().new_id("call");
    Json args{{"id", id}, {"kind", "call"}, {"at", now}, {"studentId", f.student_id}, {"durationSec", seconds},
              {"value", f.outcome == 0 ? "reached" : "unreached"}, {"source", "manual"}};
    if (f.note[0]) args["text"] = std::string(f.note);
    const std::string actor = workspace().account().user_id;
    if (!actor.empty()) args["actorId"] = actor;
    Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) { f.error = ui::format("followups.call.refused", {{"reason", r.reason}}); return; }
    if (counts_as_3min_call(draft_call(f, seconds))) {
        Json visit{{"id", workspace().new_id("visit")}, {"kind", "visit"}, {"at", now}, {"studentId", f.student_id},
                   {"durationSec", seconds}, {"refId", id}, {"source", "manual"}};
        if (!actor.empty()) visit["actorId"] = actor;
        r = workspace().submit(Mutation{"event.record", visit});
        if (!r.ok) { f.error = ui::format("followups.call.refused", {{"reason", r.reason}}); return; }
    }
    f.saved = ui::format(counts_as_3min_call(draft_call(f, seconds)) ? "followups.call.saved_counted" : "followups.call.saved_not_counted",
                  {{"student", followup_student_name(f.student_id)}});
    f.error.clear();
    f.minutes[0] = '\0';
    f.note[0] = '\0';
    platform::request_redraw();
}

void draw_summary(const FollowupModel& m) {
    const theme::Palette& p = theme::palette();
    const VisitPlan& v = m.plan;
    label(ui::format("followups.month", {{"year", std::to_string(v.year)}, {"month", std::to_string(v.month)}}), p.text_secondary);
    const bool met = v.has_target && v.roster > 0 && double(v.visited) / v.roster >= v.target - 1e-9;
    label(ui::format("followups.coverage", {{"visited", std::to_string(v.visited)}, {"roster", std::to_string(v.roster)},
                                     {"percent", percent(v.visited, v.roster)}}));
    if (v.has_target) {
        ImGui::SameLine(0, 16);
        label(ui::format(met ? "followups.target_met" : "followups.target_open",
                  {{"target", percent(int(v.target * 100 + 0.5), 100)}, {"needed", std::to_string(v.needed)}}),
              met ? p.success : p.warning);
    }
    int counted = 0;
    for (const LoggedCall& c : v.calls) counted += c.counted;
    label(ui::format("followups.calls_summary", {{"calls", std::to_string(v.calls.size())}, {"counted", std::to_string(counted)}}),
          p.text_secondary);
    label(ui::tr("followups.rule"), p.text_tertiary);
}

void student_row(const std::string& id, const std::string& suffix) {
    CallForm& f = form();
    const std::string name = followup_student_name(id);
    ImGui::PushID(id.c_str());
    if (ImGui::Selectable(name.c_str(), f.student_id == id)) {
        f.student_id = id;
        f.error.clear();
        f.saved.clear();
    }
    ui::note_drawn(name.c_str());
    if (!suffix.empty()) {
        ImGui::SameLine(180);
        label(suffix, theme::palette().text_tertiary);
    }
    ImGui::PopID();
}

void draw_lists(const FollowupModel& m) {
    const VisitPlan& v = m.plan;
    widgets::section_title(ui::format("followups.today", {{"count", std::to_string(v.today_list.size())}}));
    if (v.today_list.empty()) label(ui::tr("followups.today_empty"), theme::palette().text_tertiary);
    // A student can be in several lists at once: each list gets its own ID scope.
    ImGui::PushID("today");
    for (size_t i = 0; i < v.today_list.size() && i < 40; ++i) {
        const PlannedVisit& pv = v.today_list[i];
        student_row(pv.student_id, pv.day == v.today ? ui::tr("followups.planned_today")
                                                     : ui::format("followups.planned_on", {{"day", std::to_string(pv.day)}}));
    }
    ImGui::PopID();
    if (v.renewal_window) {
        widgets::section_title(ui::format("followups.everyone_once", {{"count", std::to_string(v.everyone_once.size())}}));
        ImGui::PushID("everyone_once");
        for (size_t i = 0; i < v.everyone_once.size() && i < 40; ++i) student_row(v.everyone_once[i], "");
        ImGui::PopID();
    }
    widgets::section_title(ui::format("followups.unvisited", {{"count", std::to_string(v.unvisited.size())}}));
    ImGui::PushID("unvisited");
    for (size_t i = 0; i < v.unvisited.size() && i < 60; ++i) student_row(v.unvisited[i], "");
    ImGui::PopID();
    if (v.unvisited.size() > 60)
        label(ui::format("followups.more", {{"count", std::to_string(v.unvisited.size() - 60)}}), theme::palette().text_tertiary);
}

void draw_call_form() {
    const theme::Palette& p = theme::palette();
    CallForm& f = form();
    widgets::section_title(ui::tr("followups.call.title"));
    if (f.student_id.empty()) {
        label(ui::tr("followups.call.pick"), p.text_tertiary);
    } else {
        label(ui::format("followups.call.for", {{"student", followup_student_name(f.student_id)}}));
        const char* outcomes[] = {ui::tr("followups.call.reached"), ui::tr("followups.call.unreached")};
        widgets::segmented_control("##outcome", outcomes, 2, &f.outcome, widgets::Size::Small);
        if (widgets::text_field("##minutes", ui::tr("followups.call.minutes"), f.minutes, sizeof f.minutes, false, 160)) save_call();
        widgets::text_field("##note", ui::tr("followups.call.note"), f.note, sizeof f.note, false, 320);
        const int seconds = duration_seconds(f.minutes);
        if (seconds >= 0 && f.minutes[0]) {
            const bool counts = counts_as_3min_call(draft_call(f, seconds));
            label(ui::tr(counts ? "followups.call.will_count" : "followups.call.wont_count"), counts ? p.success : p.warning);
        }
        if (widgets::primary_button(ui::tr("followups.call.save"), ImVec2(0, 0), f.minutes[0] != '\0')) save_call();
    }
    if (!f.error.empty()) label(f.error, p.danger);
    if (!f.saved.empty()) label(f.saved, p.success);
}

void draw_call_log(const FollowupModel& m) {
    const theme::Palette& p = theme::palette();
    widgets::section_title(ui::tr("followups.log.title"));
    if (m.plan.calls.empty()) label(ui::tr("followups.log.empty"), p.text_tertiary);
    for (size_t i = 0; i < m.plan.calls.size() && i < 30; ++i) {
        const LoggedCall& c = m.plan.calls[i];
        const LocalDateTime t = m.zone.to_local(c.at);
        char when[32];
        std::snprintf(when, sizeof when, "%02d-%02d %02d:%02d", t.month, t.day, t.hour, t.minute);
        char minutes[16];
        std::snprintf(minutes, sizeof minutes, "%d:%02d", c.duration_sec / 60, c.duration_sec % 60);
        label(ui::format("followups.log.row", {{"when", when}, {"student", followup_student_name(c.student_id)}, {"duration", minutes},
                                         {"outcome", ui::tr(c.reached ? "followups.call.reached" : "followups.call.unreached")}}));
        ImGui::SameLine(0, 12);
        label(ui::tr(c.counted ? "followups.log.counted" : "followups.log.not_counted"), c.counted ? p.success : p.warning);
        if (!c.note.empty()) label(c.note, p.text_secondary);
    }
}

}  // namespace

void draw_followups_view() {
    const FollowupModel& m = followup_model();
    if (!m.ready) {
        label(m.error.empty() ? ui::tr("followups.loading") : m.error, theme::palette().text_tertiary);
        return;
    }
    if (!m.tutors.empty()) {
        std::string current = m.tutor_id;
        for (const auto& [id, name] : m.tutors)
            if (id == m.tutor_id) current = name;
        ImGui::SetNextItemWidth(220);
        if (ImGui::BeginCombo("##followup_tutor", current.c_str())) {
            for (const auto& [id, name] : m.tutors)
                if (ImGui::Selectable(name.c_str(), id == m.tutor_id)) choose_followup_tutor(id);
            ImGui::EndCombo();
        }
    }
    draw_summary(m);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##followup_lists", ImVec2(width * 0.45f, 0), ImGuiChildFlags_None);
    widgets::touch_drag_scroll();
    draw_lists(m);
    ImGui::EndChild();
    ImGui::SameLine(0, 16);
    ImGui::BeginChild("##followup_calls", ImVec2(0, 0), ImGuiChildFlags_None);
    widgets::touch_drag_scroll();
    draw_call_form();
    draw_call_log(m);
    ImGui::EndChild();
}

}  // namespace wb::app

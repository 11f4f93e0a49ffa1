// Refunds [退费]: the open refund requests of the students the user sees (a manager: the team's),
// each with its 24 h rescue countdown [挽单], the escalation stage the template's reminders have
// reached (5 h: manager notified, 20 h: last reminder, 24 h: automatic refund) and whether the
// server has notified the manager; quick retain / refund with a reason from a list plus free
// text (event.record refund_decision). A tutor opens a request for a student (event.record
// refund_requested). The data is cached in refund_model.cpp; the logic is core/refund_case.h.
#include "app_state.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "views/refund_model.h"
#include "views/view_registry.h"
#include "widgets.h"

#include "core/mutation.h"

#include <imgui.h>

#include <cstdio>
#include <map>

namespace wb::app {
namespace {

constexpr const char* kRetainReasons[] = {"refunds.reason.resolved", "refunds.reason.class_changed",
                                          "refunds.reason.tutoring", "refunds.reason.other"};
constexpr const char* kRefundReasons[] = {"refunds.reason.schedule", "refunds.reason.unfit",
                                          "refunds.reason.money", "refunds.reason.other"};

struct RefundsUi {
    std::string deciding;   // student whose decision form is open
    bool retain = true;
    int reason = 0;
    char note[256] = {};
    std::string error;      // the last refusal, the input stays
    std::string done;       // the last action, as a short line
    int request_student = -1;
    char request_reason[256] = {};
    std::string request_error;
};

RefundsUi& ui_state() {
    static RefundsUi s;
    return s;
}

void label(const std::string& text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ui::note_drawn(text.c_str());
}

std::string countdown(TimeMs ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(ms / kHourMs),
                  static_cast<long long>((ms % kHourMs) / kMinuteMs));
    return buf;
}

Json event_args(const char* kind, const std::string& student_id) {
    Json args{{"id", workspace().new_id("refund")}, {"kind", kind}, {"at", static_cast<int64_t>(js::now_utc_ms())},
              {"studentId", student_id}, {"source", "manual"}};
    if (!workspace().account().user_id.empty()) args["actorId"] = workspace().account().user_id;
    return args;
}

void submit_decision(const RefundCase& c) {
    RefundsUi& s = ui_state();
    const State* state = workspace().view();
    const char* const* reasons = s.retain ? kRetainReasons : kRefundReasons;
    std::string reason = ui::tr(reasons[s.reason]);
    if (s.note[0]) reason += ": " + std::string(s.note);
    if (state) {
        std::string why = refund_decision_refusal(*state, c.student_id, static_cast<TimeMs>(js::now_utc_ms()));
        if (!why.empty()) {
            s.error = ui::tr(why.c_str());
            return;
        }
    }
    Json args = event_args("refund_decision", c.student_id);
    args["value"] = s.retain ? "retain" : "refund";
    args["reason"] = reason;
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) {
        s.error = ui::format("refunds.refused", {{"reason", r.reason}});
        return;
    }
    s.done = ui::format(s.retain ? "refunds.done.retained" : "refunds.done.refunded", {{"reason", reason}});
    s.deciding.clear();
    s.error.clear();
    s.note[0] = 0;
    platform::request_redraw();
}

void draw_decision_form(const RefundCase& c) {
    RefundsUi& s = ui_state();
    const char* const* reasons = s.retain ? kRetainReasons : kRefundReasons;
    ImGui::Indent(16);
    label(ui::tr(s.retain ? "refunds.form.retain_title" : "refunds.form.refund_title"), theme::palette().text);
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        if (ImGui::RadioButton(ui::tr(reasons[i]), s.reason == i)) s.reason = i;
        ui::note_drawn(ui::tr(reasons[i]));
    }
    widgets::text_field("##refund_note", ui::tr("refunds.form.note"), s.note, sizeof s.note, false, 420);
    if (widgets::primary_button(ui::tr("refunds.form.confirm"))) submit_decision(c);
    ImGui::SameLine();
    if (widgets::secondary_button(ui::tr("refunds.form.cancel"))) s.deciding.clear();
    if (!s.error.empty()) label(s.error, theme::palette().danger);
    ImGui::Unindent(16);
}

ImU32 stage_color(RefundStage stage) {
    switch (stage) {
    case RefundStage::Open: return theme::palette().accent;
    case RefundStage::Escalated: return theme::palette().warning;
    default: return theme::palette().danger;
    }
}

void draw_case(const RefundsModel& m, size_t i) {
    RefundsUi& s = ui_state();
    const RefundCase& c = m.cases[i];
    ImGui::PushID(c.request_id.c_str());
    ImGui::Separator();
    widgets::heavy_text(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), theme::palette().text, m.case_names[i].c_str());
    ImGui::TextUnformatted(m.case_names[i].c_str());
    ui::note_drawn(m.case_names[i].c_str());
    ImGui::SameLine(220);
    label(ui::format("refunds.countdown", {{"left", countdown(c.remaining_ms)}}), stage_color(c.stage));
    ImGui::SameLine(380);
    const std::string stage = ui::tr(("refunds.stage." + std::string(enum_names(RefundStage{})[size_t(c.stage)])).c_str());
    label(stage, stage_color(c.stage));
    if (c.manager_notified_at) {
        ImGui::SameLine(560);
        label(ui::tr("refunds.manager_notified"), theme::palette().text_secondary);
    }
    label(ui::format("refunds.reason_line", {{"reason", c.reason}}), theme::palette().text_secondary);
    if (workspace().account().role != "tutor" && !m.case_tutors[i].empty()) {
        ImGui::SameLine(380);
        label(ui::format("refunds.tutor", {{"tutor", m.case_tutors[i]}}), theme::palette().text_secondary);
    }
    const std::string retain = std::string(ui::tr("refunds.retain")) + "##" + c.student_id;
    const std::string refund = std::string(ui::tr("refunds.refund")) + "##" + c.student_id;
    if (widgets::secondary_button(retain.c_str())) {
        s.deciding = c.student_id, s.retain = true, s.reason = 0, s.error.clear();
    }
    ui::note_drawn((std::string(ui::tr("refunds.retain")) + "#" + c.student_id).c_str());
    ImGui::SameLine();
    if (widgets::secondary_button(refund.c_str())) {
        s.deciding = c.student_id, s.retain = false, s.reason = 0, s.error.clear();
    }
    ui::note_drawn((std::string(ui::tr("refunds.refund")) + "#" + c.student_id).c_str());
    if (s.deciding == c.student_id) draw_decision_form(c);
    ImGui::PopID();
}

void submit_request(const RefundsModel& m) {
    RefundsUi& s = ui_state();
    if (s.request_student < 0 || s.request_student >= int(m.students.size())) {
        s.request_error = ui::tr("refunds.refused.pick_student");
        return;
    }
    if (!s.request_reason[0]) {
        s.request_error = ui::tr("refunds.refused.need_reason");
        return;
    }
    const std::string& id = m.students[size_t(s.request_student)].id;
    if (const State* state = workspace().view()) {
        std::string why = refund_request_refusal(*state, id, static_cast<TimeMs>(js::now_utc_ms()));
        if (!why.empty()) {
            s.request_error = ui::tr(why.c_str());
            return;
        }
    }
    Json args = event_args("refund_requested", id);
    args["reason"] = std::string(s.request_reason);
    const Workspace::Submitted r = workspace().submit(Mutation{"event.record", args});
    if (!r.ok) {
        s.request_error = ui::format("refunds.refused", {{"reason", r.reason}});
        return;
    }
    s.done = ui::format("refunds.done.requested", {{"student", m.students[size_t(s.request_student)].name}});
    s.request_error.clear();
    s.request_reason[0] = 0;
    platform::request_redraw();
}

}  // namespace

std::string refund_form_student(const RefundsModel& m) {
    const int i = ui_state().request_student;
    return i >= 0 && i < int(m.students.size()) ? m.students[size_t(i)].id : "";
}

namespace {

void draw_request_form(const RefundsModel& m) {
    RefundsUi& s = ui_state();
    label(ui::tr("refunds.new.title"), theme::palette().text);
    const char* preview = s.request_student >= 0 && s.request_student < int(m.students.size())
                              ? m.students[size_t(s.request_student)].name.c_str()
                              : ui::tr("refunds.new.pick");
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo("##refund_student", preview)) {
        for (int i = 0; i < int(m.students.size()); ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(m.students[size_t(i)].name.c_str(), i == s.request_student)) s.request_student = i;
            ui::note_drawn(m.students[size_t(i)].name.c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ui::note_drawn_at((std::string(ui::tr("refunds.new.pick")) + "#combo").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    widgets::text_field("##refund_reason", ui::tr("refunds.new.reason"), s.request_reason, sizeof s.request_reason, false, 420);
    if (widgets::primary_button(ui::tr("refunds.new.submit"))) submit_request(m);
    if (!s.request_error.empty()) label(s.request_error, theme::palette().danger);
}

ImU32 risk_color(RiskLevel level) {
    return level == RiskLevel::High ? theme::palette().danger : theme::palette().warning;
}

// One student at risk: the name opens the profile in the roster, the level, the tutor (for a
// manager) and the model's reasons on the line below.
void draw_risk(const RefundRisk& r, bool show_tutor) {
    ImGui::PushID(r.student_id.c_str());
    if (ImGui::Selectable(r.name.c_str(), false, 0, ImVec2(180, 0))) {
        app_state().student_id = r.student_id;
        app_state().view = ViewId::Students;
        platform::request_redraw();
    }
    ui::note_drawn(r.name.c_str());
    ImGui::SameLine(220);
    label(ui::tr(r.level == RiskLevel::High ? "profile.risk.level.high" : "profile.risk.level.medium"), risk_color(r.level));
    if (show_tutor) {
        ImGui::SameLine(380);
        label(ui::format("refunds.tutor", {{"tutor", r.tutor_name}}), theme::palette().text_secondary);
    }
    std::string reasons;
    for (const Phrase& p : r.reasons) reasons += (reasons.empty() ? "" : "；") + ui::format(p.key.c_str(), p.values);
    if (!reasons.empty()) {
        ImGui::Indent(16);
        label(reasons, theme::palette().text_secondary);
        ImGui::Unindent(16);
    }
    ImGui::PopID();
}

void draw_risk_list(const RefundsModel& m) {
    int high = 0;
    for (const RefundRisk& r : m.risks) high += r.level == RiskLevel::High;
    widgets::section_title(ui::format("refunds.risk.title", {{"high", std::to_string(high)},
                                                       {"medium", std::to_string(int(m.risks.size()) - high)},
                                                       {"low", std::to_string(m.low)}}));
    if (!m.risk_known) return label(ui::tr("refunds.risk.unknown"), theme::palette().text_tertiary);
    if (m.risks.empty()) return label(ui::tr("refunds.risk.none"), theme::palette().text_tertiary);
    const bool show_tutor = workspace().account().role != "tutor";
    constexpr size_t kShown = 100;  // the rest are one click away in the roster's risk filter
    for (size_t i = 0; i < m.risks.size() && i < kShown; ++i) draw_risk(m.risks[i], show_tutor);
    if (m.risks.size() > kShown)
        label(ui::format("refunds.risk.more", {{"count", std::to_string(m.risks.size() - kShown)}}), theme::palette().text_tertiary);
}

}  // namespace

void draw_refunds_view() {
    const RefundsModel& m = refunds_model();
    if (!m.ready) {
        ui::text("refunds.loading");
        return;
    }
    RefundsUi& s = ui_state();
    ImGui::BeginChild("##refunds", ImVec2(0, 0));
    widgets::touch_drag_scroll();
    if (workspace().account().role == "tutor") {
        draw_request_form(m);
        ImGui::Dummy(ImVec2(0, 12));
    }
    label(ui::format("refunds.open.title", {{"count", std::to_string(m.cases.size())}}), theme::palette().text);
    if (!s.done.empty()) label(s.done, theme::palette().success);
    if (m.cases.empty()) label(ui::tr("refunds.open.none"), theme::palette().text_tertiary);
    for (size_t i = 0; i < m.cases.size(); ++i) draw_case(m, i);
    ImGui::Dummy(ImVec2(0, 12));
    draw_risk_list(m);
    ImGui::EndChild();
}

}  // namespace wb::app

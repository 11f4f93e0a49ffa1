// Renewal [续报]: the funnel warm-up → reservation (coupon) → order of the tutor's students (a
// manager: the team's), per student and in total against the template's targets, with the
// re-approach list of the not reserved. One click pushes the warm-up to everyone who may get one
// more (never more than 3); each row records its next step. Data: renewal_model.cpp; actions:
// renewal_actions.cpp.
#include "views/renewal_actions.h"
#include "views/view_registry.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/empty_state.h"
#include "views/lesson_picker.h"
#include "views/lessons_ui.h"
#include "views/metric_text.h"
#include "widgets.h"

#include <algorithm>

namespace wb::app {
namespace {

using lessons_ui::label;
using lessons_ui::row_button;

struct RenewalUi {
    int filter = 0;   // 0 all, 1 re-approach
    char coupon[96] = {};
    bool coupon_set = false;
    RenewalActionResult last;
};

RenewalUi& ui_state() {
    static RenewalUi s;
    if (!s.coupon_set) {
        snprintf(s.coupon, sizeof s.coupon, "%s", ui::tr("renewal.coupon.default"));
        s.coupon_set = true;
    }
    return s;
}

std::string when(TimeMs at) {
    const State* s = workspace().view();
    return at && s ? local_day_and_time(*s, at) : ui::tr("renewal.none");
}

void draw_totals(const RenewalModel& m) {
    const theme::Palette& p = theme::palette();
    for (const FunnelTotal& t : m.funnel.totals) {
        const MetricValue& v = t.value;
        label(ui::format("renewal.total.line", {{"name", ui::tr(("renewal.total." + t.metric_id).c_str())},
                                                {"value", metric_value_text(v)}, {"numerator", std::to_string(v.numerator)},
                                                {"denominator", std::to_string(v.denominator)}, {"target", metric_target_text(v)}}),
              !v.measured ? p.text_tertiary : v.met ? p.success : p.danger);
        ImGui::SameLine(0, 24);
    }
    ImGui::NewLine();
}

// Four bars: students → warmed up → reserved → ordered, widths by count.
void draw_funnel_bars(const RenewalModel& m) {
    const RenewalFunnel& f = m.funnel;
    const int counts[] = {f.students, f.warmed, f.reserved, f.ordered};
    const char* keys[] = {"renewal.stage.students", "renewal.stage.warmed", "renewal.stage.reserved", "renewal.stage.ordered"};
    const theme::Palette& p = theme::palette();
    const float full = std::min(ImGui::GetContentRegionAvail().x - 120.0f, 520.0f);
    for (int i = 0; i < 4; ++i) {
        const std::string text = std::string(ui::tr(keys[i])) + " " + std::to_string(counts[i]);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float w = f.students ? full * counts[i] / f.students : 0.0f;
        const float h = ImGui::GetTextLineHeight() + 4;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(at, ImVec2(at.x + full, at.y + h), p.hover, 4);
        if (w > 0) dl->AddRectFilled(at, ImVec2(at.x + std::max(w, 4.0f), at.y + h), (p.accent & 0x00FFFFFF) | (0x50u + 0x30u * i) << 24, 4);
        ImGui::SetCursorScreenPos(ImVec2(at.x + 8, at.y + 2));
        label(text, p.text);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + 4));
    }
    ImGui::Dummy(ImVec2(0, 2));
}

void draw_row(const RenewalModel& m, const RenewalRow& r) {
    RenewalUi& s = ui_state();
    const theme::Palette& p = theme::palette();
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    label(r.name, p.text);
    ImGui::TableNextColumn();
    const std::string max = std::to_string(kMaxWarmupPushes);
    label(r.pushes ? ui::format("renewal.pushes.last", {{"count", std::to_string(r.pushes)}, {"max", max}, {"when", when(r.last_push_at)}})
                   : ui::format("renewal.pushes", {{"count", "0"}, {"max", max}}),
          r.pushes ? p.text_secondary : p.text_tertiary);
    ImGui::TableNextColumn();
    label(r.reserved_at ? ui::format("renewal.reservation", {{"when", when(r.reserved_at)}, {"coupon", r.coupon}}) : ui::tr("renewal.none"),
          r.reserved_at ? p.success : p.text_tertiary);
    ImGui::TableNextColumn();
    label(when(r.ordered_at), r.ordered_at ? p.success : p.text_tertiary);
    ImGui::TableNextColumn();
    if (row_button(ui::tr("renewal.action.push"), r.student_id, renewal_step_refusal(r, "warmup").empty()))
        s.last = push_warmup(m, {r.student_id}, lessons_ui::state().route);
    ImGui::SameLine();
    if (row_button(ui::tr("renewal.action.reserve"), r.student_id, renewal_step_refusal(r, "reservation").empty()))
        s.last = record_reservation(m, r.student_id, s.coupon, lessons_ui::state().route);
    ImGui::SameLine();
    if (row_button(ui::tr("renewal.action.order"), r.student_id, renewal_step_refusal(r, "order").empty()))
        s.last = record_order(m, r.student_id);
}

void draw_actions(const RenewalModel& m) {
    RenewalUi& s = ui_state();
    std::vector<std::string> pushable;
    for (const RenewalRow& r : m.funnel.rows)
        if (renewal_step_refusal(r, "warmup").empty()) pushable.push_back(r.student_id);
    lessons_ui::draw_route_picker("##renewal_route");
    ImGui::SameLine();
    const std::string push = ui::format("renewal.push_all", {{"count", std::to_string(pushable.size())}});
    if (widgets::primary_button(push.c_str(), ImVec2(0, 0), !pushable.empty()))
        s.last = push_warmup(m, pushable, lessons_ui::state().route);
    label(ui::format("renewal.push_rule", {{"max", std::to_string(kMaxWarmupPushes)}}), theme::palette().text_tertiary);
    widgets::text_field("##renewal_coupon", ui::tr("renewal.coupon"), s.coupon, sizeof s.coupon, false, 320);
    lessons_ui::show_result(s.last);
}

}  // namespace

void draw_renewal_view() {
    const RenewalModel& m = renewal_model();
    if (!m.ready) return ui::text("renewal.loading");
    if (m.funnel.rows.empty()) {
        draw_empty_state({icons::renewal, "empty.renewal.title", "empty.renewal.body"});
        return;
    }
    RenewalUi& s = ui_state();
    label(ui::tr(m.team ? "renewal.scope.team" : "renewal.scope.tutor"), theme::palette().text_secondary);
    draw_totals(m);
    draw_funnel_bars(m);
    draw_actions(m);
    const std::string all = ui::format("renewal.filter.all", {{"count", std::to_string(m.funnel.rows.size())}});
    const std::string again = ui::format("renewal.filter.reapproach", {{"count", std::to_string(m.funnel.reapproach.size())}});
    const char* filters[] = {all.c_str(), again.c_str()};
    if (widgets::segmented_control("##renewal_filter", filters, 2, &s.filter, widgets::Size::Small)) s.last = {};
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##renewal", 5, kFlags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui::tr("renewal.column.student"), ImGuiTableColumnFlags_WidthFixed, 110);
    ImGui::TableSetupColumn(ui::tr("renewal.column.pushes"), ImGuiTableColumnFlags_WidthFixed, 170);
    ImGui::TableSetupColumn(ui::tr("renewal.column.reservation"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ui::tr("renewal.column.order"), ImGuiTableColumnFlags_WidthFixed, 140);
    ImGui::TableSetupColumn(ui::tr("renewal.column.actions"), ImGuiTableColumnFlags_WidthFixed, 230);
    ImGui::TableHeadersRow();
    auto draw = [&](const RenewalRow& r) { ImGui::PushID(r.student_id.c_str()); draw_row(m, r); ImGui::PopID(); };
    if (s.filter == 1) for (const RenewalRow* r : m.funnel.reapproach) draw(*r);
    else for (const RenewalRow& r : m.funnel.rows) draw(r);
    ImGui::EndTable();
}

}  // namespace wb::app

// Dashboard [数据看板]: every metric of the template against its target for the chosen scope (my
// students; a manager's team or one of their tutors) and period, with the trend over the course's
// lessons and the students behind a number (those not in the numerator, each a link to their
// profile); below, the student × lesson matrix drawn by the app's own shaders
// (dashboard_matrix.cpp). Data: dashboard_model.cpp, the metrics engine's numbers only.
#include "views/dashboard_matrix.h"
#include "views/view_registry.h"

#include "app_state.h"
#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/dashboard_model.h"
#include "views/empty_state.h"
#include "views/lessons_ui.h"
#include "views/metric_text.h"
#include "widgets.h"

#include <algorithm>
#include <set>

namespace wb::app {
namespace {

using lessons_ui::label;

std::set<std::string>& expanded() {
    static std::set<std::string> ids;
    return ids;
}

void draw_controls(const DashboardModel& m) {
    DashboardChoice& c = dashboard_choice();
    if (m.scopes.size() > 1) {
        ImGui::SetNextItemWidth(220);
        const std::string& preview = m.scopes[size_t(c.scope)].label;
        if (ImGui::BeginCombo("##dashboard_scope", preview.c_str())) {
            for (size_t i = 0; i < m.scopes.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(m.scopes[i].label.c_str(), c.scope == static_cast<int>(i))) c.scope = static_cast<int>(i);
                ui::note_drawn(m.scopes[i].label.c_str());
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        ui::note_drawn_at((preview + "#scope").c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        ImGui::SameLine();
    } else {
        label(m.scopes.front().label, theme::palette().text_secondary);
        ImGui::SameLine();
    }
    const char* periods[] = {ui::tr("dashboard.period.week"), ui::tr("dashboard.period.month"), ui::tr("dashboard.period.course")};
    widgets::segmented_control("##dashboard_period", periods, 3, &c.period, widgets::Size::Small);
    ImGui::SameLine();
    label(ui::format("dashboard.met", {{"met", std::to_string(m.board.met)}, {"total", std::to_string(m.board.with_target)}}),
          m.board.met == m.board.with_target ? theme::palette().success : theme::palette().warning);
}

// The metric's value per lesson as a small line; hovering names each point.
void draw_trend(const DashboardMetric& metric, const std::vector<TrendPoint>& points) {
    const ImVec2 size(140, ImGui::GetTextLineHeight());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (metric.trend.empty()) return;
    double top = 0;
    for (const MetricValue& v : metric.trend) top = std::max(top, v.measured ? v.value : 0.0);
    if (metric_is_rate(metric.value.id)) top = std::max(top, 1.0);
    if (top <= 0) top = 1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float step = metric.trend.size() > 1 ? size.x / float(metric.trend.size() - 1) : 0.0f;
    ImVec2 last(-1, -1);
    for (size_t i = 0; i < metric.trend.size(); ++i) {
        const MetricValue& v = metric.trend[i];
        if (!v.measured) { last = ImVec2(-1, -1); continue; }
        const ImVec2 p(at.x + step * float(i), at.y + size.y - float(v.value / top) * (size.y - 2) - 1);
        if (last.x >= 0) dl->AddLine(last, p, theme::palette().accent, 1.5f);
        dl->AddCircleFilled(p, 2.0f, theme::palette().accent);
        last = p;
    }
    if (ImGui::IsItemHovered() && ImGui::BeginTooltip()) {
        for (size_t i = 0; i < metric.trend.size() && i < points.size(); ++i)
            label(ui::format("dashboard.trend.point", {{"number", std::to_string(points[i].lesson_number)},
                                                       {"value", metric_value_text(metric.trend[i])}}),
                  theme::palette().text);
        ImGui::EndTooltip();
    }
}

std::string student_name(const std::string& id) {
    const State* state = workspace().view();
    if (!state) return id;
    auto s = state->students.find(id);
    return s == state->students.end() || s->second.name.empty() ? id : s->second.name;
}

void draw_missing(const DashboardMetric& metric) {
    ImGui::Indent(16);
    int shown = 0;
    constexpr int kShown = 120;   // a team's list of thousands: the first ones, and how many more
    for (const std::string& id : metric.value.missing) {
        if (shown == kShown) {
            label(ui::format("dashboard.students.more", {{"count", std::to_string(metric.value.missing.size() - kShown)}}),
                  theme::palette().text_tertiary);
            break;
        }
        const std::string name = student_name(id);
        if (shown++ % 8) ImGui::SameLine();
        ImGui::PushID(id.c_str());
        if (ImGui::SmallButton(name.c_str())) {
            app_state().student_id = id;
            app_state().view = ViewId::Students;
        }
        ui::note_drawn((name + "#" + metric.value.id).c_str());
        ImGui::PopID();
    }
    ImGui::Unindent(16);
}

void draw_metric(const DashboardModel& m, const DashboardMetric& metric) {
    const theme::Palette& p = theme::palette();
    const MetricValue& v = metric.value;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    label(metric.owner_path, p.text);
    label(ui::format(v.explanation.key.c_str(), v.explanation.values), p.text_tertiary);
    ImGui::TableNextColumn();
    label(metric_value_text(v), !v.measured ? p.text_tertiary : !v.has_target ? p.text : v.met ? p.success : p.danger);
    ui::note_drawn((metric_value_text(v) + "#" + v.id).c_str());
    ImGui::TableNextColumn();
    label(metric_target_text(v), p.text_secondary);
    ImGui::TableNextColumn();
    draw_trend(metric, m.board.points);
    ImGui::TableNextColumn();
    if (!v.missing.empty()) {
        const bool open = expanded().count(v.id) > 0;
        const std::string text = ui::format(open ? "dashboard.students.hide" : "dashboard.students.show",
                                            {{"count", std::to_string(v.missing.size())}});
        if (lessons_ui::row_button(text.c_str(), v.id)) {
            if (open) expanded().erase(v.id);
            else expanded().insert(v.id);
        }
        if (open) draw_missing(metric);
    }
}

void draw_metrics(const DashboardModel& m) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##metrics", 5, kFlags)) return;
    ImGui::TableSetupColumn(ui::tr("dashboard.column.metric"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ui::tr("dashboard.column.value"), ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableSetupColumn(ui::tr("dashboard.column.target"), ImGuiTableColumnFlags_WidthFixed, 100);
    ImGui::TableSetupColumn(ui::tr("dashboard.column.trend"), ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableSetupColumn(ui::tr("dashboard.column.students"), ImGuiTableColumnFlags_WidthFixed, 220);
    ImGui::TableHeadersRow();
    for (const DashboardMetric& metric : m.board.metrics) {
        ImGui::PushID(metric.value.id.c_str());
        draw_metric(m, metric);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void draw_dashboard_view() {
    const DashboardModel& m = dashboard_model();
    if (!m.ready || m.scopes.empty()) {
        draw_empty_state({icons::dashboard, "empty.dashboard.title", "empty.dashboard.body"});
        return;
    }
    draw_controls(m);
    if (!m.template_error.empty()) label(ui::format("dashboard.no_template", {{"reason", m.template_error}}), theme::palette().danger);
    // The metrics in the upper part, the matrix below; each scrolls on its own.
    const float avail = ImGui::GetContentRegionAvail().y;
    if (ImGui::BeginChild("##dashboard_metrics", ImVec2(0, std::max(160.0f, avail * 0.55f)))) {
        widgets::touch_drag_scroll();
        draw_metrics(m);
    }
    ImGui::EndChild();
    draw_dashboard_matrix(m);
}

}  // namespace wb::app

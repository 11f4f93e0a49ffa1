#include "views/dashboard_matrix.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "theme.h"
#include "ui_text.h"
#include "views/dashboard_model.h"
#include "views/lesson_picker.h"
#include "views/lessons_ui.h"
#include "views/matrix_drawlist.h"
#include "views/matrix_gl.h"
#include "offline/workspace.h"
#include "widgets.h"

namespace wb::app {
namespace {

using lessons_ui::label;

constexpr float kCellW = 24.0f;
constexpr float kCellH = 16.0f;
constexpr float kNameW = 110.0f;

MatrixLayout& layout() {
    static MatrixLayout l;
    return l;
}

MatrixRenderer g_renderer = MatrixRenderer::Shader;
int g_repeat = 1;

const char* const kAttendanceKeys[] = {"dashboard.matrix.unknown", "dashboard.matrix.attended", "dashboard.matrix.leave",
                                       "dashboard.matrix.absent"};
const char* const kHomeworkKeys[] = {"dashboard.matrix.not_due", "dashboard.matrix.on_time", "dashboard.matrix.late",
                                     "dashboard.matrix.missing"};
const char* const kGradeKeys[] = {"dashboard.matrix.no_grade", "dashboard.matrix.grade_s", "dashboard.matrix.grade_a",
                                  "dashboard.matrix.grade_b"};

void swatch(const ImVec4& color) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + h * 0.2f), ImVec2(at.x + h * 0.6f, at.y + h * 0.8f),
                                              ImGui::ColorConvertFloat4ToU32(color), 2);
    ImGui::Dummy(ImVec2(h * 0.6f, h));
    ImGui::SameLine(0, 4);
}

// One legend line: the stripe's name, then each state's colour, name and count (skipping state 0).
void legend_line(const char* title, const char* const* keys, const int* counts, int first_color) {
    label(ui::tr(title), theme::palette().text_secondary);
    for (int i = 1; i < 4; ++i) {
        ImGui::SameLine(0, 12);
        swatch(matrix_gl::palette().states[first_color + i]);
        label(ui::format("dashboard.matrix.count", {{"state", ui::tr(keys[i])}, {"count", std::to_string(counts[i])}}),
              theme::palette().text);
    }
}

void draw_legend(const MatrixTotals& t) {
    legend_line("dashboard.matrix.attendance", kAttendanceKeys, t.attendance, 0);
    ImGui::SameLine(0, 28);
    legend_line("dashboard.matrix.homework", kHomeworkKeys, t.homework, 4);
    ImGui::SameLine(0, 28);
    legend_line("dashboard.matrix.grade", kGradeKeys, t.grade, 8);
}

void draw_tooltip(const StudentLessonMatrix& mx, int row, int column) {
    const MatrixCell& c = mx.at(row, column);
    if (!ImGui::BeginTooltip()) return;
    const State* state = workspace().view();
    const std::string lesson = c.exists && state ? lesson_label(*state, mx.lesson_id(row, column)) : "";
    label(mx.rows[size_t(row)].student_name + (lesson.empty() ? "" : " · " + lesson), theme::palette().text);
    if (c.exists)
        label(ui::format("dashboard.matrix.cell", {{"attendance", ui::tr(kAttendanceKeys[int(c.attendance)])},
                                                    {"homework", ui::tr(kHomeworkKeys[int(c.homework)])},
                                                    {"grade", ui::tr(kGradeKeys[int(c.grade)])}}),
              theme::palette().text_secondary);
    else label(ui::tr("dashboard.matrix.no_lesson"), theme::palette().text_tertiary);
    ImGui::EndTooltip();
}

void draw_column_numbers(int columns, float x0) {
    const float y = ImGui::GetCursorScreenPos().y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int c = 0; c < columns; ++c) {
        const std::string n = std::to_string(c + 1);
        const float w = ImGui::CalcTextSize(n.c_str()).x;
        dl->AddText(ImVec2(x0 + c * kCellW + (kCellW - w) / 2, y), theme::palette().text_tertiary, n.c_str());
    }
    ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));
}

}  // namespace

const MatrixLayout& matrix_layout() { return layout(); }

void set_matrix_renderer(MatrixRenderer renderer, int repeat) {
    g_renderer = renderer;
    g_repeat = std::clamp(repeat, 1, 1000);
}
MatrixRenderer matrix_renderer() { return g_renderer; }
int matrix_repeat() { return g_repeat; }

void draw_dashboard_matrix(const DashboardModel& m) {
    const StudentLessonMatrix& mx = m.matrix;
    widgets::section_title(ui::format("dashboard.matrix.title", {{"students", std::to_string(mx.rows.size())},
                                                                  {"lessons", std::to_string(mx.columns)}}));
    if (mx.rows.empty() || mx.columns == 0) return label(ui::tr("dashboard.matrix.empty"), theme::palette().text_tertiary);
    draw_legend(m.totals);
    matrix_gl::upload(m.texels, static_cast<int>(mx.rows.size()), mx.columns, m.version);
    draw_column_numbers(mx.columns, ImGui::GetCursorScreenPos().x + kNameW);
    if (!ImGui::BeginChild("##matrix", ImVec2(0, 0))) { ImGui::EndChild(); return; }
    widgets::touch_drag_scroll();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float scroll = ImGui::GetScrollY();
    const ImVec2 window_min = ImGui::GetWindowPos();
    const float visible_h = ImGui::GetWindowHeight();
    ImGui::Dummy(ImVec2(kNameW + mx.columns * kCellW, mx.rows.size() * kCellH));
    // Rows in view: names by ImGui, cells by the shader.
    const int first = std::max(0, static_cast<int>(scroll / kCellH));
    const int last = std::min(static_cast<int>(mx.rows.size()), static_cast<int>((scroll + visible_h) / kCellH) + 1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float text_dy = (kCellH - ImGui::GetTextLineHeight()) / 2;
    for (int r = first; r < last; ++r)
        dl->AddText(ImVec2(origin.x, origin.y + r * kCellH + text_dy), theme::palette().text_secondary,
                    mx.rows[size_t(r)].student_name.c_str());
    MatrixLayout& l = layout();
    l.min = ImVec2(origin.x + kNameW, window_min.y);
    l.max = ImVec2(l.min.x + mx.columns * kCellW, window_min.y + visible_h);
    l.window_min = window_min;
    l.window_max = ImVec2(window_min.x + ImGui::GetWindowWidth(), window_min.y + visible_h);
    l.first_row = (window_min.y - origin.y) / kCellH;   // the child has no padding: origin moves with the scroll
    l.cell_w = kCellW;
    l.cell_h = kCellH;
    l.hover_column = l.hover_row = -1;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && mouse.x >= l.min.x && mouse.x < l.max.x && mouse.y >= l.min.y && mouse.y < l.max.y) {
        const int column = static_cast<int>((mouse.x - l.min.x) / kCellW);
        const int row = static_cast<int>(std::floor(l.first_row + (mouse.y - l.min.y) / kCellH));
        if (row < static_cast<int>(mx.rows.size())) {
            l.hover_column = column, l.hover_row = row;
            draw_tooltip(mx, row, column);
        }
    }
    for (int i = 0; i < g_repeat; ++i) {
        if (g_renderer == MatrixRenderer::DrawList)
            matrix_drawlist::draw(dl, m.texels, static_cast<int>(mx.rows.size()), mx.columns, l.min, l.max, l.first_row,
                                  kCellW, kCellH, l.hover_column, l.hover_row);
        else
            matrix_gl::draw(dl, l.min, l.max, l.first_row, kCellW, kCellH, l.hover_column, l.hover_row);
    }
    ImGui::EndChild();
}

}  // namespace wb::app

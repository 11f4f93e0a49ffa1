#include "views/today_filters.h"

#include "theme.h"
#include "ui_text.h"
#include "views/today_text.h"

#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis

namespace wb::app {
namespace {

constexpr float kTaskRowHeight = 32.0f;

// A count in a small rounded pill, right-aligned at `right`; returns its left edge.
float count_pill(ImDrawList* dl, float right, float centre_y, int count, bool strong) {
    const theme::Palette& pal = theme::palette();
    const std::string text = std::to_string(count);
    ImGui::PushFont(nullptr, 12.0f);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 a(right - size.x - 14, centre_y - 9);
    const ImVec2 b(right, centre_y + 9);
    if (strong) dl->AddRectFilled(a, b, pal.accent_soft, 9.0f);
    dl->AddText(ImVec2(a.x + 7, centre_y - size.y * 0.5f), strong ? pal.accent : pal.text_tertiary, text.c_str());
    ImGui::PopFont();
    return a.x;
}

// One row of the task column; true when clicked. Records "<title>" and "<title>#count" (the
// count as text, for tests).
bool task_row(const char* id, const std::string& title, int count, bool selected) {
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + width, a.y + kTaskRowHeight);
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, kTaskRowHeight));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (selected) dl->AddRectFilled(a, b, pal.accent_soft, 6.0f);
    else if (hovered) dl->AddRectFilled(a, b, pal.hover, 6.0f);
    const float cy = a.y + kTaskRowHeight * 0.5f;
    const float pill_left = count_pill(dl, b.x - 8, cy, count, count > 0 && !selected);
    const ImVec2 text = ImGui::CalcTextSize(title.c_str());
    const ImU32 col = selected ? pal.accent : count > 0 ? pal.text : pal.text_tertiary;
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::RenderTextEllipsis(dl, ImVec2(a.x + 10, cy - text.y * 0.5f), ImVec2(pill_left - 6, cy + text.y * 0.5f),
                              pill_left - 6, title.c_str(), nullptr, &text);
    ImGui::PopStyleColor();
    if (ImGui::IsItemVisible()) {
        ui::note_drawn_at(title.c_str(), a, b);
        ui::note_drawn_at((title + "#" + std::to_string(count)).c_str(), a, b);
    }
    return clicked && !selected;
}

}  // namespace

void draw_today_task_column(const TodayBoard& board, float width, float height, std::string& selected) {
    const theme::Palette& pal = theme::palette();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("today_tasks", ImVec2(width, height), ImGuiChildFlags_None);
    ImGui::PopStyleVar();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 2));
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_tertiary);
    ImGui::PushFont(nullptr, 12.5f);
    ImGui::SetCursorPosX(10);
    ui::text("today.tasks");
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
    if (task_row("all", ui::tr("today.tasks.all"), board.open, selected.empty())) selected.clear();
    for (const TaskCount& c : board.tasks) {
        const std::string title = std::to_string(c.number) + "  " + template_text(c.title);
        if (task_row(c.task_id.c_str(), title, c.open, selected == c.task_id)) selected = c.task_id;
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

namespace {

// Chips laid out left to right, wrapping at the available width.
class ChipRow {
public:
    ChipRow() : left_(ImGui::GetCursorScreenPos().x), right_(left_ + ImGui::GetContentRegionAvail().x), at_(ImGui::GetCursorScreenPos()) {}

    // Records "<name>" and "<name>  <count>" as drawn; true when clicked.
    bool chip(const char* id, const std::string& name, int count, bool on) {
        const theme::Palette& pal = theme::palette();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const std::string label = name + "  " + std::to_string(count);
        const ImVec2 text = ImGui::CalcTextSize(label.c_str());
        const float w = text.x + 24;
        if (at_.x + w > right_ && at_.x > left_) at_ = ImVec2(left_, at_.y + kHeight + 8);
        ImGui::SetCursorScreenPos(at_);
        const bool clicked = ImGui::InvisibleButton(id, ImVec2(w, kHeight));
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        const ImVec2 b(at_.x + w, at_.y + kHeight);
        dl->AddRectFilled(at_, b, on ? pal.accent_soft : hovered ? pal.hover : IM_COL32_WHITE, kHeight * 0.5f);
        if (!on) dl->AddRect(at_, b, pal.border, kHeight * 0.5f);
        dl->AddText(ImVec2(at_.x + 12, at_.y + (kHeight - text.y) * 0.5f), on ? pal.accent : pal.text_secondary, label.c_str());
        ui::note_drawn_at(name.c_str(), at_, b);
        ui::note_drawn_at(label.c_str(), at_, b);
        at_.x = b.x + 8;
        return clicked && !on;
    }

    void end() {
        ImGui::SetCursorScreenPos(ImVec2(left_, at_.y));
        ImGui::Dummy(ImVec2(right_ - left_, kHeight));
    }

private:
    static constexpr float kHeight = 28.0f;
    float left_, right_;
    ImVec2 at_;
};

}  // namespace

void draw_today_tutor_chips(const TodayModel& model, std::string& selected) {
    ChipRow row;
    if (row.chip("tutor_all", ui::tr("today.tutors.all"), model.all.open, selected.empty())) selected.clear();
    for (const TodayTutor& t : model.tutors)
        if (row.chip(t.id.c_str(), t.name, t.open, selected == t.id)) selected = t.id;
    row.end();
}

void draw_today_task_chips(const TodayBoard& board, std::string& selected) {
    ChipRow row;
    if (row.chip("task_all", ui::tr("today.tasks.all"), board.open, selected.empty())) selected.clear();
    for (const TaskCount& c : board.tasks)
        if ((c.open > 0 || selected == c.task_id) && row.chip(c.task_id.c_str(), template_text(c.title), c.open, selected == c.task_id))
            selected = c.task_id;
    row.end();
}

}  // namespace wb::app

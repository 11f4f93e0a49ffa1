#include "views/today_row.h"

#include "theme.h"
#include "ui_text.h"
#include "views/today_text.h"

#include <imgui_internal.h>  // RenderTextEllipsis

#include <algorithm>

namespace wb::app {
namespace {

constexpr float kPadX = 16.0f;
constexpr float kSmallFont = 12.5f;
constexpr int kMaxNames = 4;

void text_clipped(ImDrawList* dl, ImVec2 pos, float max_x, ImU32 color, const std::string& text) {
    if (max_x <= pos.x) return;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    if (pos.x + size.x <= max_x) {
        dl->AddText(pos, color, text.c_str());
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::RenderTextEllipsis(dl, pos, ImVec2(max_x, pos.y + size.y), max_x, text.c_str(), nullptr, &size);
    ImGui::PopStyleColor();
}

// A link-like student name: accent on hover, underlined; true when clicked.
bool student_link(ImDrawList* dl, ImVec2 pos, const std::string& name, float max_x, float* advance) {
    const ImVec2 size = ImGui::CalcTextSize(name.c_str());
    *advance = size.x;
    if (pos.x + size.x > max_x) return false;
    const theme::Palette& pal = theme::palette();
    ImGui::SetCursorScreenPos(pos);
    const bool clicked = ImGui::InvisibleButton(name.c_str(), size);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImU32 col = hovered ? pal.accent : pal.text_secondary;
    dl->AddText(pos, col, name.c_str());
    if (hovered) dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), col);
    ui::note_drawn(name.c_str());
    return clicked;
}

// A compact pill button (icon optional). Records its label and "<label>#<id>" for tests.
bool pill_button(ImDrawList* dl, ImVec2 pos, const char* label, const std::string& test_id, bool primary, bool check_icon,
                 float* width) {
    const theme::Palette& pal = theme::palette();
    const ImVec2 text = ImGui::CalcTextSize(label);
    const float icon = check_icon ? 14.0f : 0.0f;
    const ImVec2 size(text.x + 20 + icon, 26);
    *width = size.x;
    ImGui::SetCursorScreenPos(pos);
    const bool clicked = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    if (primary) {
        const ImU32 fill = held ? IM_COL32(0x24, 0x5B, 0xDB, 255) : hovered ? pal.accent : pal.accent_soft;
        dl->AddRectFilled(pos, end, fill, 6.0f);
    } else {
        dl->AddRectFilled(pos, end, hovered ? pal.hover : IM_COL32_WHITE, 6.0f);
        dl->AddRect(pos, end, pal.border, 6.0f);
    }
    const ImU32 fg = primary ? (hovered ? IM_COL32_WHITE : pal.accent) : pal.text_secondary;
    float x = pos.x + 10;
    if (check_icon) {
        const float cy = pos.y + size.y * 0.5f;
        const ImVec2 pts[] = {ImVec2(x, cy), ImVec2(x + 3.5f, cy + 3.5f), ImVec2(x + 10, cy - 3.5f)};
        dl->AddPolyline(pts, 3, fg, 0, 1.6f);
        x += icon;
    }
    dl->AddText(ImVec2(x, pos.y + (size.y - text.y) * 0.5f), fg, label);
    if (ImGui::IsItemVisible()) {
        ui::note_drawn_at(label, pos, end);
        ui::note_drawn_at((std::string(label) + "#" + test_id).c_str(), pos, end);
    }
    return clicked;
}

}  // namespace

ImU32 urgency_color(Urgency u) {
    const theme::Palette& pal = theme::palette();
    switch (u) {
        case Urgency::Overdue: return pal.danger;
        case Urgency::Soon: return pal.warning;
        case Urgency::LaterToday: return pal.accent;
        case Urgency::Upcoming: return pal.text_tertiary;
    }
    return pal.text_tertiary;
}

namespace {

// The students an item still concerns, as links to their profiles, from `at` up to `max_x`.
void draw_student_links(const RowContext& ctx, const DueTask& task, ImVec2 at, float max_x, RowAction& action) {
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float sx = at.x;
    const auto names = today_item_students(*ctx.state, task, kMaxNames);
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            dl->AddText(ImVec2(sx, at.y), pal.text_tertiary, "、");
            sx += ImGui::CalcTextSize("、").x;
        }
        float adv = 0;
        ImGui::PushID(int(i));
        if (student_link(dl, ImVec2(sx, at.y), names[i].name, max_x, &adv)) {
            action.kind = RowAction::Kind::OpenStudent;
            action.student_id = names[i].id;
        }
        ImGui::PopID();
        sx += adv;
    }
    if (task.student_ids.size() > names.size()) {
        const std::string rest = " " + today_format("today.students.more", {{"count", std::to_string(int(task.student_ids.size()))}});
        text_clipped(dl, ImVec2(sx, at.y), max_x, pal.text_tertiary, rest);
    }
}

// Done and snooze on an open item, undo on a done or snoozed one: right-aligned to `right_top`.
void draw_row_actions(const DueTask& task, RowKind kind, ImVec2 right_top, RowAction& action) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float bx = right_top.x;
    const float by = right_top.y;
    float w = 0;
    if (kind == RowKind::Open) {
        const char* snooze = ui::tr("today.action.snooze");
        bx -= ImGui::CalcTextSize(snooze).x + 20;
        if (pill_button(dl, ImVec2(bx, by), snooze, task.id, false, false, &w)) action.kind = RowAction::Kind::Snooze;
        const char* done = ui::tr("today.action.done");
        bx -= ImGui::CalcTextSize(done).x + 20 + 14 + 8;
        if (pill_button(dl, ImVec2(bx, by), done, task.id, true, true, &w)) action.kind = RowAction::Kind::Done;
    } else {
        const char* undo = ui::tr("today.action.reopen");
        bx -= ImGui::CalcTextSize(undo).x + 20;
        if (pill_button(dl, ImVec2(bx, by), undo, task.id, false, false, &w)) action.kind = RowAction::Kind::Reopen;
    }
}

}  // namespace

RowAction draw_today_row(const RowContext& ctx, const DueTask& task, Urgency urgency, RowKind kind) {
    const theme::Palette& pal = theme::palette();
    RowAction action;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 b(a.x + width, a.y + kTodayRowHeight);
    ImGui::PushID(task.id.c_str());

    const bool hovered = ImGui::IsMouseHoveringRect(a, b) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (hovered) dl->AddRectFilled(ImVec2(a.x, a.y + 2), ImVec2(b.x, b.y - 2), IM_COL32(0xF7, 0xF8, 0xFA, 255), 8.0f);
    const ImU32 stripe = kind == RowKind::Open ? urgency_color(urgency) : pal.border;
    dl->AddRectFilled(ImVec2(a.x + 4, a.y + 12), ImVec2(a.x + 7, b.y - 12), stripe, 2.0f);
    dl->AddLine(ImVec2(a.x + kPadX, b.y - 0.5f), ImVec2(b.x, b.y - 0.5f), IM_COL32(0xEE, 0xEF, 0xF1, 255));

    // Right column: due text on top, actions below.
    const float right_w = std::min(190.0f, width * 0.38f);
    const float right_x = b.x - right_w;
    const float text_max = right_x - 12;
    const float x = a.x + kPadX;

    // Title: the task muted, the sub-task strong.
    const std::string title = today_item_title(*ctx.tpl, task);
    text_clipped(dl, ImVec2(x, a.y + 10), text_max, kind == RowKind::Done ? pal.text_tertiary : pal.text, title);
    ui::note_drawn_at(title.c_str(), ImVec2(x, a.y + 10), ImVec2(text_max, a.y + 28));

    ImGui::PushFont(nullptr, kSmallFont);
    const std::string why = today_item_why(*ctx.tpl, *ctx.state, task);
    text_clipped(dl, ImVec2(x, a.y + 33), text_max, pal.text_tertiary, why);

    draw_student_links(ctx, task, ImVec2(x, a.y + 53), text_max, action);

    // When: coloured by urgency, right-aligned.
    std::string when = kind == RowKind::Done      ? today_done_at(task, *ctx.zone)
                       : kind == RowKind::Snoozed ? today_snoozed_until(task, *ctx.zone)
                                                  : today_item_due(task, urgency, *ctx.window, *ctx.zone);
    if (kind == RowKind::Snoozed && !task.snooze_reason.empty()) when += " · " + task.snooze_reason;
    const ImVec2 when_size = ImGui::CalcTextSize(when.c_str());
    const ImU32 when_col = kind == RowKind::Open && urgency != Urgency::Upcoming ? urgency_color(urgency) : pal.text_tertiary;
    const float when_x = std::max(right_x, b.x - 12 - when_size.x);
    text_clipped(dl, ImVec2(when_x, a.y + 12), b.x - 12, when_col, when);
    ImGui::PopFont();

    draw_row_actions(task, kind, ImVec2(b.x - 12, a.y + kTodayRowHeight - 36), action);

    ImGui::PopID();
    ImGui::SetCursorScreenPos(a);
    ImGui::Dummy(ImVec2(width, kTodayRowHeight));
    return action;
}

}  // namespace wb::app

// Today [今日待办]: the tutor's due task instances from the schedule engine, grouped by urgency
// (overdue, next 2 hours, later today, upcoming), each with why it exists and a one-click
// "done"; snoozed and done-today items in collapsed sections below. A column of SOP tasks with
// their open counts filters the list; a manager picks all tutors or one. The data is cached in
// today_model.cpp; the row, the filters and the snooze dialog are drawn by their own files.
#include "app_state.h"
#include "icons.h"
#include "js_reply.h"
#include "offline/workspace.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "views/today_filters.h"
#include "views/today_model.h"
#include "views/today_row.h"
#include "views/today_snooze.h"
#include "views/today_text.h"
#include "views/view_registry.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>

namespace wb::app {
namespace {

struct TodayViewState {
    std::string task_filter;  // task id, "" = all
    bool show_snoozed = false;
    bool show_done = false;
    std::string refused;      // the last refused action, shown above the list
    // The item just marked done: a short toast with "undo" while it is fresh.
    DueTask just_done;
    double toast_until = 0;   // platform time (ms)
};

constexpr double kToastMs = 4000;

TodayViewState& view_state() {
    static TodayViewState s;
    return s;
}

struct Section {
    const char* id;
    const char* title_key;
    Urgency urgency;
    RowKind kind;
    const std::vector<DueTask>* items;
    bool* expanded;  // nullptr: always expanded
};

// The items of `items` that pass the task filter, cached per recomputation and filter.
const std::vector<const DueTask*>& filtered(const std::vector<DueTask>& items, const std::string& task) {
    struct Entry {
        const std::vector<DueTask>* items = nullptr;
        int computation = -1;
        std::string task;
        std::vector<const DueTask*> out;
    };
    static std::vector<Entry> cache;
    const int computation = today_model(today_selected_tutor()).computations;
    for (Entry& e : cache)
        if (e.items == &items && e.computation == computation && e.task == task) return e.out;
    Entry* slot = nullptr;
    for (Entry& e : cache)
        if (e.items == &items) slot = &e;
    if (!slot) slot = &cache.emplace_back();
    slot->items = &items;
    slot->computation = computation;
    slot->task = task;
    slot->out.clear();
    for (const DueTask& t : items)
        if (task.empty() || t.task_id == task) slot->out.push_back(&t);
    return slot->out;
}

bool submit_task_action(const char* name, const DueTask& task) {
    Workspace& ws = workspace();
    Mutation m{name, {{"instanceId", task.id}, {"at", static_cast<TimeMs>(js::now_utc_ms())}, {"by", ws.account().user_id}}};
    const Workspace::Submitted r = ws.submit(m);
    view_state().refused = r.ok ? "" : today_format("today.refused", {{"reason", r.reason}});
    return r.ok;
}

void mark_done(const DueTask& task) {
    if (!submit_task_action("task.done", task)) return;
    TodayViewState& vs = view_state();
    vs.just_done = task;
    vs.toast_until = platform::now_ms() + kToastMs;
    platform::animate_until(vs.toast_until + 50);  // one more frame takes the toast away
}

// "已完成 · 家访 → 破冰首联   撤销" at the bottom of the list for a few seconds.
void draw_done_toast(const TodayModel& model, ImVec2 list_min, ImVec2 list_max) {
    TodayViewState& vs = view_state();
    const double left = vs.toast_until - platform::now_ms();
    if (left <= 0 || vs.just_done.id.empty()) return;
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fade = float(std::min(1.0, left / 300.0));  // fades out over the last 0.3 s
    const std::string text = today_format("today.toast.done", {{"title", today_item_title(model.tpl, vs.just_done)}});
    const char* undo = ui::tr("today.action.reopen");
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 us = ImGui::CalcTextSize(undo);
    const float w = std::min(list_max.x - list_min.x - 16, ts.x + us.x + 56), h = 40;
    const ImVec2 a((list_min.x + list_max.x - w) * 0.5f, list_max.y - h - 16);
    const ImVec2 b(a.x + w, a.y + h);
    dl->AddRectFilled(a, b, IM_COL32(0x1F, 0x23, 0x29, int(235 * fade)), 8.0f);
    ImGui::PushClipRect(a, ImVec2(b.x - us.x - 28, b.y), true);
    dl->AddText(ImVec2(a.x + 16, a.y + (h - ts.y) * 0.5f), IM_COL32(255, 255, 255, int(255 * fade)), text.c_str());
    ImGui::PopClipRect();
    const ImVec2 ua(b.x - us.x - 20, a.y + 6);
    ImGui::SetCursorScreenPos(ua);
    if (ImGui::InvisibleButton("toast_undo", ImVec2(us.x + 12, h - 12))) {
        submit_task_action("task.reopen", vs.just_done);
        vs.toast_until = 0;
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    dl->AddText(ImVec2(ua.x + 6, a.y + (h - us.y) * 0.5f), pal.accent_soft, undo);
    ui::note_drawn_at(text.c_str(), a, b);
    ui::note_drawn_at((std::string(undo) + "#toast").c_str(), ua, ImVec2(ua.x + us.x + 12, b.y - 6));
}

void handle(const RowAction& action, const DueTask& task, const TodayModel& model) {
    switch (action.kind) {
        case RowAction::Kind::None: return;
        case RowAction::Kind::Done: mark_done(task); return;
        case RowAction::Kind::Reopen: submit_task_action("task.reopen", task); return;
        case RowAction::Kind::Snooze: open_snooze_dialog(task.id, today_item_title(model.tpl, task)); return;
        case RowAction::Kind::OpenStudent:
            app_state().student_id = action.student_id;
            app_state().view = ViewId::Students;
            return;
    }
}

// The section heading: a coloured dot, the title, the count; a chevron when it folds.
void section_header(const Section& s, int count) {
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float h = 40.0f;
    ImGui::PushID(s.id);
    const bool clicked = ImGui::InvisibleButton("header", ImVec2(width, h));
    ImGui::PopID();
    if (s.expanded && clicked) *s.expanded = !*s.expanded;
    if (s.expanded && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const float cy = a.y + h * 0.5f + 4;
    float x = a.x + 4;
    if (s.expanded) {
        const float c = 4.0f;
        const ImVec2 pts_open[] = {ImVec2(x, cy - c * 0.5f), ImVec2(x + c, cy + c * 0.5f), ImVec2(x + 2 * c, cy - c * 0.5f)};
        const ImVec2 pts_closed[] = {ImVec2(x + c * 0.5f, cy - c), ImVec2(x + c * 1.5f, cy), ImVec2(x + c * 0.5f, cy + c)};
        dl->AddPolyline(*s.expanded ? pts_open : pts_closed, 3, pal.text_tertiary, 0, 1.5f);
        x += 14;
    }
    const ImU32 dot = s.kind == RowKind::Open ? urgency_color(s.urgency) : pal.text_tertiary;
    dl->AddCircleFilled(ImVec2(x + 4, cy), 4.0f, dot);
    x += 16;
    const char* title = ui::tr(s.title_key);
    const ImVec2 ts = ImGui::CalcTextSize(title);
    dl->AddText(ImVec2(x, cy - ts.y * 0.5f), pal.text, title);
    dl->AddText(ImVec2(x + 0.5f, cy - ts.y * 0.5f), pal.text, title);  // semibold
    ui::note_drawn_at(title, ImVec2(x, cy - ts.y * 0.5f), ImVec2(x + ts.x, cy + ts.y * 0.5f));
    const std::string n = std::to_string(count);
    dl->AddText(ImVec2(x + ts.x + 8, cy - ts.y * 0.5f), pal.text_tertiary, n.c_str());
    ui::note_drawn_at((std::string(title) + "#" + n).c_str(), a, ImVec2(a.x + width, a.y + h));
}

void draw_section(const Section& s, const TodayModel& model, const RowContext& ctx, const std::string& filter) {
    const auto& items = filtered(*s.items, filter);
    if (items.empty() && s.kind == RowKind::Open) return;
    if (items.empty() && s.expanded) return;
    section_header(s, int(items.size()));
    if (s.expanded && !*s.expanded) return;
    ImGuiListClipper clipper;
    clipper.Begin(int(items.size()), kTodayRowHeight);
    const DueTask* acted = nullptr;
    RowAction action;
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            RowAction a = draw_today_row(ctx, *items[size_t(i)], s.urgency, s.kind);
            if (a.kind != RowAction::Kind::None) {
                acted = items[size_t(i)];
                action = a;
            }
        }
    // Acted on after drawing: the action may recompute the board the items point into.
    if (acted) {
        const DueTask copy = *acted;
        handle(action, copy, model);
    }
}

void draw_all_done(float width, bool filtered_by_task) {
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float h = 76.0f;
    dl->AddRectFilled(a, ImVec2(a.x + width, a.y + h), IM_COL32(0xF0, 0xF9, 0xF4, 255), 10.0f);
    icons::today(dl, ImVec2(a.x + 20, a.y + (h - 28) * 0.5f), 28, pal.success);
    ImGui::PushFont(nullptr, theme::kEmptyTitleFontSize);
    const char* title = ui::tr(filtered_by_task ? "today.empty.filtered" : "today.empty.title");
    dl->AddText(ImVec2(a.x + 64, a.y + 16), pal.text, title);
    ui::note_drawn_at(title, ImVec2(a.x + 64, a.y + 16), ImVec2(a.x + 64 + ImGui::CalcTextSize(title).x, a.y + 36));
    ImGui::PopFont();
    ImGui::PushFont(nullptr, 12.5f);
    ImGui::PushClipRect(a, ImVec2(a.x + width - 16, a.y + h), true);
    dl->AddText(ImVec2(a.x + 64, a.y + 42), pal.text_secondary, ui::tr("today.empty.body"));
    ImGui::PopClipRect();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, h + 8));
}

void draw_summary(const TodayModel& model) {
    const theme::Palette& pal = theme::palette();
    const std::string text = today_format("today.summary", {{"open", std::to_string(model.board.open)},
                                                            {"overdue", std::to_string(model.board.count(Urgency::Overdue))}});
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_secondary);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ui::note_drawn(text.c_str());
}

void draw_list(const TodayModel& model, TodayViewState& vs, float width, float height) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("today_list", ImVec2(width, height), ImGuiChildFlags_None);
    ImGui::PopStyleVar();
    widgets::touch_drag_scroll();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    const State* state = workspace().view();
    const RowContext ctx{&model.tpl, state, &model.zone, &model.board.window};
    const TodayBoard& b = model.board;
    const int computed = model.computations;
    if (!vs.refused.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().danger);
        ImGui::TextWrapped("%s", vs.refused.c_str());
        ImGui::PopStyleColor();
    }
    bool nothing_open = filtered(b.groups[0], vs.task_filter).empty() && filtered(b.groups[1], vs.task_filter).empty() &&
                        filtered(b.groups[2], vs.task_filter).empty();
    if (nothing_open) draw_all_done(ImGui::GetContentRegionAvail().x, !vs.task_filter.empty());
    const Section sections[] = {
        {"overdue", "today.group.overdue", Urgency::Overdue, RowKind::Open, &b.groups[0], nullptr},
        {"soon", "today.group.soon", Urgency::Soon, RowKind::Open, &b.groups[1], nullptr},
        {"later", "today.group.later_today", Urgency::LaterToday, RowKind::Open, &b.groups[2], nullptr},
        {"upcoming", "today.group.upcoming", Urgency::Upcoming, RowKind::Open, &b.groups[3], nullptr},
        {"snoozed", "today.group.snoozed", Urgency::Upcoming, RowKind::Snoozed, &b.snoozed, &vs.show_snoozed},
        {"done", "today.group.done", Urgency::Upcoming, RowKind::Done, &b.done_today, &vs.show_done},
    };
    for (const Section& s : sections) {
        draw_section(s, model, ctx, vs.task_filter);
        // A refused or accepted action may have recomputed the board: stop drawing stale sections.
        if (computed != today_model(today_selected_tutor()).computations) break;
    }
    ImGui::Dummy(ImVec2(0, 72));  // room for the toast below the last row
    draw_done_toast(model, ImGui::GetWindowPos(), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                                         ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

}  // namespace

void draw_today_view() {
    const TodayModel& model = today_model(today_selected_tutor());
    TodayViewState& vs = view_state();
    if (!workspace().view()) {
        ui::text("today.loading");
        return;
    }
    if (!model.ready) {
        const std::string text = today_format("today.error", {{"reason", model.error}});
        ImGui::TextWrapped("%s", text.c_str());
        return;
    }
    if (!model.tutors.empty()) {
        draw_today_tutor_chips(model, today_selected_tutor());
        ImGui::Dummy(ImVec2(0, 4));
    }
    draw_summary(model);
    ImGui::Dummy(ImVec2(0, 6));

    const float column = ImGui::GetContentRegionAvail().x >= 900 ? 220.0f : ImGui::GetContentRegionAvail().x >= 640 ? 180.0f : 0.0f;
    if (column == 0) {
        draw_today_task_chips(model.board, vs.task_filter);
        ImGui::Dummy(ImVec2(0, 4));
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float height = std::max(200.0f, avail.y);
    if (column > 0) {
        draw_today_task_column(model.board, column, height, vs.task_filter);
        ImGui::SameLine(0, 20);
    }
    draw_list(model, vs, ImGui::GetContentRegionAvail().x, height);
    draw_snooze_dialog(model.zone);
}

}  // namespace wb::app

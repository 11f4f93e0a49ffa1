#include "shell.h"

#include "app_state.h"
#include "banners.h"
#include "command_palette.h"
#include "language_setting.h"
#include "offline/workspace.h"
#include "relative_time.h"
#include "platform.h"
#include "theme.h"
#include "ui_text.h"
#include "views/today_badge.h"
#include "widgets.h"

#include <algorithm>
#include <string>

namespace wb::app {
namespace {

constexpr ImGuiWindowFlags kRegionFlags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

void fill(ImVec2 a, ImVec2 b, ImU32 color) { ImGui::GetWindowDrawList()->AddRectFilled(a, b, color); }

// Below this window width the sidebar shows icons only (labels become tooltips).
constexpr float kCompactBelowWidth = 760.0f;
constexpr float kCompactSidebarWidth = 60.0f;
enum class SidebarMode { Full, Compact };

// [SECTION] Sidebar -----------------------------------------------------------------------------

void draw_brand(SidebarMode mode) {
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float mark = 28.0f;
    dl->AddRectFilled(p, ImVec2(p.x + mark, p.y + mark), pal.accent, 8.0f);
    // The mark: a check over a base line, white on the accent square.
    const ImVec2 check[] = {ImVec2(p.x + 8, p.y + 14.5f), ImVec2(p.x + 12.5f, p.y + 19), ImVec2(p.x + 20.5f, p.y + 9.5f)};
    dl->AddPolyline(check, 3, IM_COL32_WHITE, 0, 2.4f);
    if (mode == SidebarMode::Compact) {
        ImGui::Dummy(ImVec2(mark, mark));
        return;
    }

    const char* title = ui::tr("app.title");
    const char* tagline = ui::tr("app.tagline");
    ImGui::PushFont(nullptr, 15.0f);
    const float title_h = ImGui::GetFontSize();
    widgets::heavy_text(dl, ImVec2(p.x + mark + 10, p.y - 1), pal.text, title);
    ImGui::PopFont();
    dl->AddText(nullptr, 12.0f, ImVec2(p.x + mark + 10, p.y + title_h + 1), pal.text_tertiary, tagline);
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, mark));
    ui::note_drawn_at(title, ImVec2(p.x + mark + 10, p.y), ImVec2(p.x + 200, p.y + title_h));
    ui::note_drawn_at(tagline, ImVec2(p.x + mark + 10, p.y + title_h), ImVec2(p.x + 200, p.y + mark));
}

void draw_group_heading(NavGroup group, bool first, SidebarMode mode) {
    const char* key = nav_group_key(group);
    if (!*key) return;
    ImGui::Dummy(ImVec2(0, first ? 4.0f : 14.0f));
    if (mode == SidebarMode::Compact) {   // a hairline instead of the heading
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x + 8, p.y + 4), ImVec2(p.x + w - 8, p.y + 4), theme::palette().border);
        ImGui::Dummy(ImVec2(0, 10));
        return;
    }
    const char* label = ui::tr(key);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(nullptr, 12.0f, ImVec2(p.x + 10, p.y), theme::palette().text_tertiary, label);
    ImGui::Dummy(ImVec2(0, 14));
    ui::note_drawn_at(label, ImVec2(p.x + 10, p.y), ImVec2(p.x + 150, p.y + 14));
}

// A count pill at the right of a navigation item (over the icon's corner when compact).
void draw_nav_badge(int count, ImVec2 a, ImVec2 b, SidebarMode mode) {
    if (count <= 0) return;
    const std::string text = count > 999 ? "999+" : std::to_string(count);
    ImGui::PushFont(nullptr, 11.0f);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float w = std::max(size.x + 10, 18.0f), h = 18.0f;
    const ImVec2 p = mode == SidebarMode::Compact ? ImVec2(a.x + (b.x - a.x) * 0.5f + 2, a.y + 2)
                                                  : ImVec2(b.x - 8 - w, a.y + (b.y - a.y - h) * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), theme::palette().danger, h * 0.5f);
    dl->AddText(ImVec2(p.x + (w - size.x) * 0.5f, p.y + (h - size.y) * 0.5f), IM_COL32_WHITE, text.c_str());
    ImGui::PopFont();
    ui::note_drawn_at(("badge:" + text).c_str(), p, ImVec2(p.x + w, p.y + h));
}

void draw_nav_item(const ViewInfo& view, AppState& state, SidebarMode mode) {
    const theme::Palette& pal = theme::palette();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + width, a.y + theme::kNavItemHeight);
    ImGui::PushID(view.slug);
    const bool clicked = ImGui::InvisibleButton("nav", ImVec2(width, theme::kNavItemHeight), ImGuiButtonFlags_EnableNav);
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    const bool selected = state.view == view.id;
    if (clicked && !selected) state.view = view.id;
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (selected) dl->AddRectFilled(a, b, pal.accent_soft, 6.0f);
    else if (hovered) dl->AddRectFilled(a, b, pal.hover, 6.0f);
    const ImU32 col = selected ? pal.accent : pal.text_secondary;
    const float icon = 16.0f;
    const char* label = ui::tr(view.title_key);
    if (mode == SidebarMode::Compact) {
        view.icon(dl, ImVec2(a.x + (width - icon) * 0.5f, a.y + (theme::kNavItemHeight - icon) * 0.5f), icon, col);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort) && ImGui::BeginTooltip()) {
            ImGui::TextUnformatted(label);
            ui::note_drawn(label);
            ImGui::EndTooltip();
        }
    } else {
        view.icon(dl, ImVec2(a.x + 10, a.y + (theme::kNavItemHeight - icon) * 0.5f), icon, col);
        const float text_h = ImGui::GetFontSize();
        dl->AddText(ImVec2(a.x + 36, a.y + (theme::kNavItemHeight - text_h) * 0.5f), selected ? pal.accent : pal.text, label);
        ui::note_drawn(label);
    }
    draw_nav_badge(badge_count(view.id), a, b, mode);
    ImGui::Dummy(ImVec2(0, 2));
}

void draw_sidebar(AppState& state, ImVec2 pos, ImVec2 size, SidebarMode mode) {
    const theme::Palette& pal = theme::palette();
    fill(pos, ImVec2(pos.x + size.x, pos.y + size.y), pal.sidebar);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x + size.x - 0.5f, pos.y), ImVec2(pos.x + size.x - 0.5f, pos.y + size.y), pal.border);

    ImGui::SetCursorScreenPos(pos);
    const bool compact = mode == SidebarMode::Compact;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(compact ? 8.0f : 12.0f, 16));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    // A short window scrolls the sidebar (wheel, no scrollbar) instead of clipping it.
    ImGui::BeginChild("sidebar", ImVec2(size.x - 1, size.y),
                      ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_NavFlattened, ImGuiWindowFlags_NoScrollbar);
    widgets::touch_drag_scroll();
    ImGui::Indent(compact ? (size.x - 1 - 16 - 28) * 0.5f : 4.0f);
    draw_brand(mode);
    ImGui::Unindent(compact ? (size.x - 1 - 16 - 28) * 0.5f : 4.0f);
    ImGui::Dummy(ImVec2(0, 12));

    NavGroup group = NavGroup::Footer;
    bool first = true;
    for (const ViewInfo& view : all_views()) {
        if (view.group == NavGroup::Footer) continue;
        if (first || view.group != group) draw_group_heading(view.group, first, mode);
        group = view.group;
        first = false;
        draw_nav_item(view, state, mode);
    }
    // Footer items pinned to the bottom.
    const float bottom = size.y - 16.0f - theme::kNavItemHeight - 2;
    if (ImGui::GetCursorPosY() < bottom) ImGui::SetCursorPosY(bottom);
    for (const ViewInfo& view : all_views())
        if (view.group == NavGroup::Footer) draw_nav_item(view, state, mode);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

// [SECTION] Main area ---------------------------------------------------------------------------

void draw_header(const ViewInfo& view, ImVec2 pos, float width) {
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* title = ui::tr(view.title_key);
    ImGui::PushFont(nullptr, theme::kTitleFontSize);
    const ImVec2 size = ImGui::CalcTextSize(title);
    const ImVec2 at(pos.x + 32, pos.y + (theme::kHeaderHeight - size.y) * 0.5f);
    widgets::heavy_text(dl, at, pal.text, title);
    ImGui::PopFont();
    ui::note_drawn_at(title, at, ImVec2(at.x + size.x, at.y + size.y));
    const float button_h = 32.0f;
    draw_palette_button(pos.x + width - 32, pos.y + (theme::kHeaderHeight - button_h) * 0.5f, button_h);
    dl->AddLine(ImVec2(pos.x + 32, pos.y + theme::kHeaderHeight - 0.5f),
                ImVec2(pos.x + width - 32, pos.y + theme::kHeaderHeight - 0.5f), pal.border);
}

void draw_main(const AppState& state, ImVec2 pos, ImVec2 size) {
    const ViewInfo& view = view_info(state.view);
    draw_header(view, pos, size.x);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + theme::kHeaderHeight));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(32, 24));
    ImGui::BeginChild(view.slug, ImVec2(size.x, size.y - theme::kHeaderHeight),
                      ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_NavFlattened);
    ImGui::PopStyleVar();
    widgets::touch_drag_scroll();
    draw_banners(workspace());
    view.draw();
    ImGui::EndChild();
}

// [SECTION] Status bar --------------------------------------------------------------------------

const char* sync_text(const SyncStatus& sync, std::string& scratch) {
    const Translator& t = Translator::builtin();
    const Language lang = ui::language();
    switch (sync.phase) {
        case SyncStatus::Phase::Demo: return ui::tr("status.demo");
        case SyncStatus::Phase::SessionExpired: return ui::tr("status.session_expired");
        case SyncStatus::Phase::NeverSynced: scratch = ui::tr("status.never_synced"); break;
        case SyncStatus::Phase::Syncing: scratch = ui::tr("status.syncing"); break;
        case SyncStatus::Phase::Failed: scratch = ui::tr("status.retrying"); break;
        case SyncStatus::Phase::Synced:
            scratch = sync.last_synced_ms
                          ? t.format(lang, "status.last_synced", {{"time", relative_time(sync.last_synced_ms)}})
                          : std::string(ui::tr("status.synced"));
            break;
    }
    if (sync.pending_mutations > 0)
        scratch += " · " + t.format(lang, "status.pending", {{"count", std::to_string(sync.pending_mutations)}});
    if (sync.rejected_mutations > 0)
        scratch += " · " + t.format(lang, "status.rejected", {{"count", std::to_string(sync.rejected_mutations)}});
    return scratch.c_str();
}

void draw_status_bar(ImVec2 pos, ImVec2 size) {
    const theme::Palette& pal = theme::palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    fill(pos, ImVec2(pos.x + size.x, pos.y + size.y), IM_COL32(0xFA, 0xFB, 0xFC, 255));
    dl->AddLine(ImVec2(pos.x, pos.y + 0.5f), ImVec2(pos.x + size.x, pos.y + 0.5f), pal.border);

    const float font = 12.5f;
    ImGui::PushFont(nullptr, font);
    const float text_y = pos.y + (size.y - ImGui::GetFontSize()) * 0.5f;
    float x = pos.x + 16;

    const bool online = platform::online();
    const char* online_label = ui::tr(online ? "status.online" : "status.offline");
    dl->AddCircleFilled(ImVec2(x + 3.5f, pos.y + size.y * 0.5f), 3.5f, online ? pal.success : pal.warning);
    x += 13;
    dl->AddText(ImVec2(x, text_y), pal.text_secondary, online_label);
    const ImVec2 online_size = ImGui::CalcTextSize(online_label);
    ui::note_drawn_at(online_label, ImVec2(x, text_y), ImVec2(x + online_size.x, text_y + online_size.y));
    x += online_size.x + 14;
    dl->AddLine(ImVec2(x, pos.y + 9), ImVec2(x, pos.y + size.y - 9), pal.border);
    x += 14;

    std::string scratch;
    const SyncStatus sync = workspace().sync_status();
    const char* sync_label = sync_text(sync, scratch);
    const bool failed = sync.phase == SyncStatus::Phase::Failed || sync.phase == SyncStatus::Phase::SessionExpired;
    icons::cloud(dl, ImVec2(x, pos.y + (size.y - 14) * 0.5f), 14, failed ? pal.danger : pal.text_tertiary);
    x += 20;
    dl->AddText(ImVec2(x, text_y), failed ? pal.danger : pal.text_secondary, sync_label);
    const ImVec2 sync_size = ImGui::CalcTextSize(sync_label);
    ui::note_drawn_at(sync_label, ImVec2(x, text_y), ImVec2(x + sync_size.x, text_y + sync_size.y));

    // Language switch on the right.
    const char* labels[] = {ui::tr("lang.zh-CN"), ui::tr("lang.en")};
    float control_w = 4.0f;
    for (const char* l : labels) control_w += ImGui::CalcTextSize(l).x + 16.0f;
    const float control_x = pos.x + size.x - 12 - control_w;
    icons::globe(dl, ImVec2(control_x - 20, pos.y + (size.y - 14) * 0.5f), 14, pal.text_tertiary);
    ImGui::SetCursorScreenPos(ImVec2(control_x, pos.y + (size.y - 22) * 0.5f));
    int selected = ui::language() == Language::ZhCN ? 0 : 1;
    if (widgets::segmented_control("status-language", labels, 2, &selected, widgets::Size::Small))
        switch_language(selected == 0 ? Language::ZhCN : Language::En);
    ImGui::PopFont();
}

}  // namespace

void draw_shell() {
    AppState& state = app_state();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("workbench", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | kRegionFlags);
    ImGui::PopStyleVar();

    const ImVec2 origin = vp->Pos;
    const float body_h = vp->Size.y - theme::kStatusBarHeight;
    const SidebarMode mode = vp->Size.x < kCompactBelowWidth ? SidebarMode::Compact : SidebarMode::Full;
    const float sidebar_w = mode == SidebarMode::Compact ? kCompactSidebarWidth : theme::kSidebarWidth;
    draw_sidebar(state, origin, ImVec2(sidebar_w, body_h), mode);
    draw_main(state, ImVec2(origin.x + sidebar_w, origin.y), ImVec2(vp->Size.x - sidebar_w, body_h));
    draw_status_bar(ImVec2(origin.x, origin.y + body_h), ImVec2(vp->Size.x, theme::kStatusBarHeight));
    ImGui::End();
}

}  // namespace wb::app

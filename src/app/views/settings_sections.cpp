#include "views/settings_sections.h"

#include "js_reply.h"
#include "offline/local_store.h"
#include "offline/workspace.h"
#include "platform.h"
#include "relative_time.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <imgui.h>

#include <cstdio>
#include <map>
#include <string>

namespace wb::app {

void settings_heading(const char* key) {
    ImGui::Dummy(ImVec2(0, 10));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_tertiary);
    ui::text(key);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 2));
}

void settings_line(const std::string& text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : theme::palette().text);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 720.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ui::note_drawn(text.c_str());
}

namespace {

std::string megabytes(double bytes) {
    char buf[32];
    if (bytes >= 1024.0 * 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    else std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024));
    return buf;
}

std::string format(const char* key, const std::map<std::string, std::string>& values) {
    return Translator::builtin().format(ui::language(), key, values);
}

}  // namespace

void draw_account_settings() {
    Workspace& ws = workspace();
    static std::string leave_refusal;
    settings_heading("settings.section.account");
    const bool demo = ws.mode() == Workspace::Mode::Demo;
    if (demo) settings_line(ui::tr("settings.account.demo"));
    else settings_line(format("settings.account.signed_in", {{"name", ws.account().name}, {"login", ws.account().login}}));
    ImGui::Dummy(ImVec2(0, 4));
    if (widgets::secondary_button(ui::tr(demo ? "settings.account.leave_demo" : "settings.account.leave")))
        leave_refusal = ws.leave();
    if (!leave_refusal.empty()) settings_line(ui::tr(leave_refusal), theme::palette().danger);
}

void draw_storage_settings() {
    static StoreEstimate estimate;
    static double asked_at = -1e9;
    if (platform::now_ms() - asked_at > 10000) {   // refreshed while the view is open
        asked_at = platform::now_ms();
        estimate_local_store([](StoreEstimate e) { estimate = e; });
    }
    settings_heading("settings.section.storage");
    if (!estimate.known) { settings_line(ui::tr("settings.storage.unknown"), theme::palette().text_secondary); return; }
    settings_line(format("settings.storage.usage", {{"usage", megabytes(estimate.usage)}, {"quota", megabytes(estimate.quota)}}));
    settings_line(ui::tr(estimate.persisted ? "settings.storage.persisted" : "settings.storage.not_persisted"),
         theme::palette().text_secondary);
}

void draw_sync_settings() {
    Workspace& ws = workspace();
    if (ws.mode() != Workspace::Mode::Server) return;
    const SyncStatus s = ws.sync_status();
    settings_heading("settings.section.sync");
    settings_line(format("settings.sync.pending", {{"count", std::to_string(s.pending_mutations)}}));
    settings_line(s.last_synced_ms ? format("settings.sync.last", {{"time", relative_time(s.last_synced_ms)}})
                          : std::string(ui::tr("settings.sync.never")));
    if (!ws.tabs_supported()) settings_line(ui::tr("settings.sync.no_locks"), theme::palette().warning);
    else settings_line(ui::tr(ws.leader() ? "settings.sync.leader" : "settings.sync.follower"), theme::palette().text_secondary);
    if (!s.error.empty()) settings_line(format("settings.sync.error", {{"error", s.error}}), theme::palette().danger);
}

}  // namespace wb::app

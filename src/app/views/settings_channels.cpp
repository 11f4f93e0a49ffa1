// Settings → Channels [消息渠道]: see settings_channels.h. The list is the server's
// (offline/channel_list.h); an admin's edits are drafts until Save sends the whole list.
#include "views/settings_channels.h"

#include "offline/channel_list.h"
#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/settings_sections.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace wb::app {
namespace {

using nlohmann::json;

constexpr double kRefreshMs = 30000;

std::string problem_text(const ChannelProblem& p) { return ui::format(p.key.c_str(), {{"detail", p.detail}}); }

// The drafts follow the server's list until the admin changes something.
void follow_server(ChannelSettingsUi& u, const ChannelDirectory& dir) {
    if (u.dirty || u.saving || !dir.full() || u.drafts_of == dir.version()) return;
    u.drafts.clear();
    for (const auto& e : dir.entries()) u.drafts.push_back(channel_draft_from_json(e));
    u.drafts_of = dir.version();
    if (u.editing >= static_cast<int>(u.drafts.size())) u.editing = -1;
}

std::string unused_id(const ChannelSettingsUi& u, const std::string& base) {
    for (int n = 1;; ++n) {
        const std::string id = n == 1 ? base : base + "-" + std::to_string(n);
        const bool taken = std::any_of(u.drafts.begin(), u.drafts.end(), [&](const ChannelDraft& d) { return id == d.id; });
        if (!taken) return id;
    }
}

void add_channel(ChannelSettingsUi& u, int type) {
    ChannelDraft d;
    d.type = type;
    std::snprintf(d.id, sizeof d.id, "%s", unused_id(u, kChannelTypes[type]).c_str());
    u.drafts.push_back(std::move(d));
    u.editing = static_cast<int>(u.drafts.size()) - 1;
    u.dirty = true;
    u.saved = false;
}

void saved_answer(const ChannelSaveAnswer& a) {
    ChannelSettingsUi& u = channel_settings_ui();
    u.saving = false;
    if (a.ok) {
        u.dirty = false;
        u.saved = true;
        u.editing = -1;
        u.drafts_of = 0;  // the drafts are made again from the server's answer (secrets "set")
        return;
    }
    const std::string why = problem_text(a.problem);
    if (a.index >= 0 && a.index < static_cast<int>(u.drafts.size())) {
        u.drafts[a.index].error = why;
        u.editing = a.index;
        u.problem = ui::tr("channels.save.see_channel");
    } else {
        u.problem = why;
    }
}

void save(ChannelSettingsUi& u) {
    json list = json::array();
    u.problem.clear();
    u.saved = false;
    bool fine = true;
    for (size_t i = 0; i < u.drafts.size(); ++i) {
        json entry;
        u.drafts[i].error = channel_draft_to_json(u.drafts[i], entry);
        if (!u.drafts[i].error.empty() && fine) u.editing = static_cast<int>(i);
        fine = fine && u.drafts[i].error.empty();
        list.push_back(std::move(entry));
    }
    if (!fine) {
        u.problem = ui::tr("channels.save.see_channel");
        return;
    }
    u.saving = true;
    channel_directory().save(list, saved_answer);
}

// One channel: a dot (enabled or not), name · type, where it sends; edit and remove on the right.
// Returns false when it was removed.
bool channel_row(ChannelSettingsUi& u, int i, float width) {
    ChannelDraft& d = u.drafts[i];
    const theme::Palette& p = theme::palette();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    widgets::status_dot(d.enabled ? p.success : p.text_tertiary, ImGui::GetTextLineHeight());
    ImGui::SameLine();
    std::string title = std::string(d.id[0] ? d.id : ui::tr("channels.unnamed")) + "  ·  " + channel_type_label(kChannelTypes[d.type]);
    if (!d.enabled) title += std::string("  ·  ") + ui::tr("channels.disabled");
    ImGui::TextUnformatted(title.c_str());
    ui::note_drawn(title.c_str());
    const char* edit = ui::tr(u.editing == i ? "channels.collapse" : "channels.edit");
    const float buttons = ImGui::CalcTextSize(edit).x + ImGui::CalcTextSize(ui::tr("channels.remove")).x + 72;
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - buttons, start.y - 4));
    if (widgets::secondary_button(edit, ImVec2(0, 0), !u.saving)) u.editing = u.editing == i ? -1 : i;
    ImGui::SameLine(0, 8);
    if (widgets::secondary_button(ui::tr("channels.remove"), ImVec2(0, 0), !u.saving)) {
        u.drafts.erase(u.drafts.begin() + i);
        u.editing = u.editing == i ? -1 : u.editing > i ? u.editing - 1 : u.editing;
        u.dirty = true;
        u.saved = false;
        return false;
    }
    if (d.url[0]) settings_line(d.url, p.text_tertiary);
    if (!d.error.empty()) settings_line(d.error, p.danger);
    if (u.editing == i) {
        ImGui::Indent(24);
        ImGui::Dummy(ImVec2(0, 4));
        ImGui::PushItemWidth(width - 24);
        if (draw_channel_form(d)) {
            u.dirty = true;
            u.saved = false;
        }
        ImGui::PopItemWidth();
        ImGui::Unindent(24);
    }
    ImGui::Dummy(ImVec2(0, 6));
    return true;
}

void add_buttons(ChannelSettingsUi& u) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_secondary);
    ui::text("channels.add");
    ImGui::PopStyleColor();
    for (int t = 0; t < kChannelTypeCount; ++t) {
        const std::string label = std::string("+ ") + channel_type_label(kChannelTypes[t]);
        if (t) ImGui::SameLine(0, 8);
        if (widgets::secondary_button(label.c_str(), ImVec2(0, 0), !u.saving)) add_channel(u, t);
    }
}

void save_buttons(ChannelSettingsUi& u, const ChannelDirectory& dir) {
    const theme::Palette& p = theme::palette();
    ImGui::Dummy(ImVec2(0, 8));
    if (widgets::primary_button(ui::tr("channels.save"), ImVec2(0, 0), u.dirty && !u.saving)) save(u);
    ImGui::SameLine(0, 8);
    if (widgets::secondary_button(ui::tr("channels.revert"), ImVec2(0, 0), u.dirty && !u.saving)) {
        u.dirty = false;
        u.drafts_of = 0;
        u.problem.clear();
        u.editing = -1;
    }
    if (u.saving) settings_line(ui::tr("channels.save.saving"), p.text_secondary);
    else if (!u.problem.empty()) settings_line(u.problem, p.danger);
    else if (u.dirty) settings_line(ui::tr("channels.save.unsaved"), p.warning);
    else if (u.saved) settings_line(ui::tr("channels.save.done"), p.success);
    if (dir.problem().key == "channels.error.offline") settings_line(ui::tr("channels.offline"), p.warning);
}

void admin_section(ChannelDirectory& dir) {
    ChannelSettingsUi& u = channel_settings_ui();
    follow_server(u, dir);
    const theme::Palette& p = theme::palette();
    if (!dir.full() && u.drafts.empty() && !u.dirty) {
        if (!dir.problem().empty()) {
            settings_line(problem_text(dir.problem()), p.warning);
            if (widgets::secondary_button(ui::tr("channels.retry"))) dir.refresh(0);
        } else {
            settings_line(ui::tr("channels.loading"), p.text_secondary);
        }
        return;
    }
    settings_line(ui::tr("channels.intro"), p.text_secondary);
    ImGui::Dummy(ImVec2(0, 4));
    const float width = std::min(ImGui::GetContentRegionAvail().x, 720.0f);
    if (u.drafts.empty()) settings_line(ui::tr("channels.none"), p.text_tertiary);
    for (int i = 0; i < static_cast<int>(u.drafts.size());) {
        ImGui::PushID(i);
        const bool kept = channel_row(u, i, width);
        ImGui::PopID();
        if (kept) ++i;
    }
    add_buttons(u);
    save_buttons(u, dir);
}

void read_only_section(ChannelDirectory& dir) {
    const theme::Palette& p = theme::palette();
    settings_line(ui::tr("channels.admin_only"), p.text_secondary);
    if (!dir.loaded()) {
        settings_line(dir.problem().empty() ? ui::tr("channels.loading") : problem_text(dir.problem()), p.text_tertiary);
        return;
    }
    if (dir.channels().empty()) settings_line(ui::tr("channels.none"), p.text_tertiary);
    for (const auto& c : dir.channels()) {
        std::string line = c.id + "  ·  " + channel_type_label(c.type);
        if (!c.enabled) line += std::string("  ·  ") + ui::tr("channels.disabled");
        settings_line(line, c.enabled ? p.text : p.text_tertiary);
    }
}

}  // namespace

ChannelSettingsUi& channel_settings_ui() {
    static ChannelSettingsUi state;
    return state;
}

void draw_channel_settings() {
    Workspace& ws = workspace();
    settings_heading("channels.section");
    if (ws.mode() != Workspace::Mode::Server) {
        settings_line(ui::tr("channels.demo"), theme::palette().text_secondary);
        return;
    }
    ChannelDirectory& dir = channel_directory();
    dir.refresh(kRefreshMs);
    if (ws.account().role == "admin") admin_section(dir);
    else read_only_section(dir);
}

}  // namespace wb::app

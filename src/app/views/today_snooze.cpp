#include "views/today_snooze.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "views/today_text.h"
#include "widgets.h"

#include <imgui.h>

#include <cstring>

namespace wb::app {
namespace {

constexpr const char* kPopupId = "today_snooze";

struct SnoozeDialog {
    std::string instance_id;
    std::string title;
    bool open_requested = false;
    bool focus_reason = false;
    int choice = 0;  // 0: 1 h, 1: 3 h, 2: tomorrow 9:00
    char reason[256] = {};
    std::string refused;
};

SnoozeDialog& dialog() {
    static SnoozeDialog d;
    return d;
}

TimeMs snooze_until(int choice, TimeMs now, const TimeZone& zone) {
    if (choice == 0) return now + kHourMs;
    if (choice == 1) return now + 3 * kHourMs;
    return zone.local_day_at(now, 1, 9 * 60);
}

// Submits; returns true when accepted (the dialog closes).
bool submit_snooze(SnoozeDialog& d, const TimeZone& zone) {
    if (d.reason[0] == '\0') {
        d.refused = ui::tr("today.snooze.need_reason");
        return false;
    }
    Workspace& ws = workspace();
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    Mutation m{"task.snooze", {{"instanceId", d.instance_id}, {"at", now}, {"by", ws.account().user_id},
                               {"until", snooze_until(d.choice, now, zone)}, {"reason", std::string(d.reason)}}};
    const Workspace::Submitted r = ws.submit(m);
    if (!r.ok) {
        d.refused = today_format("today.refused", {{"reason", r.reason}});
        return false;
    }
    return true;
}

}  // namespace

void open_snooze_dialog(const std::string& instance_id, const std::string& title) {
    SnoozeDialog& d = dialog();
    d.instance_id = instance_id;
    d.title = title;
    d.open_requested = true;
    d.focus_reason = true;
    d.choice = 0;
    d.reason[0] = '\0';
    d.refused.clear();
}

void draw_snooze_dialog(const TimeZone& zone) {
    SnoozeDialog& d = dialog();
    const theme::Palette& pal = theme::palette();
    if (d.open_requested) {
        ImGui::OpenPopup(kPopupId);
        d.open_requested = false;
    }
    const ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.4f);
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(380, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 20));
    const bool open = ImGui::BeginPopupModal(kPopupId, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    if (!open) return;

    ImGui::PushFont(nullptr, theme::kEmptyTitleFontSize);
    ui::text("today.snooze.title");
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_tertiary);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 2));

    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_secondary);
    ui::text("today.snooze.for");
    ImGui::PopStyleColor();
    const char* choices[] = {ui::tr("today.snooze.1h"), ui::tr("today.snooze.3h"), ui::tr("today.snooze.tomorrow")};
    widgets::segmented_control("snooze_for", choices, 3, &d.choice, widgets::Size::Small);

    if (d.focus_reason) {
        ImGui::SetKeyboardFocusHere();  // the reason field (its label is not focusable)
        d.focus_reason = false;
    }
    bool confirm = widgets::text_field("##reason", ui::tr("today.snooze.reason"), d.reason, int(sizeof d.reason), false, 332);
    if (d.reason[0] == '\0' && !ImGui::IsItemActive()) {
        const ImVec2 p = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + 10, p.y + 8), pal.text_tertiary, ui::tr("today.snooze.hint"));
    }
    if (d.reason[0] != '\0' && d.refused == ui::tr("today.snooze.need_reason")) d.refused.clear();  // answered
    if (!d.refused.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, pal.danger);
        ImGui::TextUnformatted(d.refused.c_str());
        ImGui::PopStyleColor();
        ui::note_drawn(d.refused.c_str());
    }
    ImGui::Dummy(ImVec2(0, 4));
    confirm |= widgets::primary_button(ui::tr("today.snooze.confirm"));
    confirm |= widgets::dialog_confirm_key();
    ImGui::SameLine(0, 8);
    const bool cancel = widgets::secondary_button(ui::tr("today.snooze.cancel")) || widgets::dialog_cancel_key();
    if (confirm && submit_snooze(d, zone)) ImGui::CloseCurrentPopup();
    else if (cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace wb::app

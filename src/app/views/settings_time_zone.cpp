// settings: the time zone. Every time the workbench shows (due times, the timeline, "today") is
// in the organisation's zone, because a tutor's day follows the organisation's lessons, not the
// laptop's clock; the device's own zone is shown when it differs so nobody is surprised.
#include "views/settings_sections.h"

#include "js_reply.h"
#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include "core/json_fields.h"
#include "core/time_zone.h"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace wb::app {
namespace {

std::string utc_offset(const TimeZone& zone, TimeMs at) {
    const int m = zone.offset_minutes(at);
    char buf[16];
    std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", m < 0 ? '-' : '+', std::abs(m) / 60, std::abs(m) % 60);
    return buf;
}

// `key`'s sentence about the zone `name`: {zone}, {offset} and its local {time} now.
std::string describe_zone(const char* key, const std::string& name, TimeMs now) {
    TimeZone zone;
    std::string error;
    if (!TimeZone::find(name, zone, error)) return name;
    const LocalDateTime local = zone.to_local(now);
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour, local.minute);
    return Translator::builtin().format(ui::language(), key,
                                        {{"zone", name}, {"offset", utc_offset(zone, now)}, {"time", clock}});
}

// A searchable list of zones; returns true with `picked` set when the user chose one.
bool zone_picker(const std::string& current, std::string& picked) {
    static const std::vector<std::string> names = TimeZone::names();
    static char filter[64] = "";
    bool chosen = false;
    ImGui::SetNextItemWidth(320.0f);
    const bool open = ImGui::BeginCombo("##zone", current.c_str(), ImGuiComboFlags_HeightLarge);
    if (!open) ui::note_drawn_at(current.c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (open) {
        if (ImGui::IsWindowAppearing()) {
            filter[0] = '\0';
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##filter", ui::tr("settings.time_zone.search"), filter, sizeof filter);
        const ImGuiTextFilter match(filter);
        for (const std::string& name : names) {
            if (!match.PassFilter(name.c_str())) continue;
            if (ImGui::Selectable(name.c_str(), name == current)) {
                picked = name;
                chosen = true;
            }
            if (ImGui::IsItemVisible()) ui::note_drawn_at(name.c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        ImGui::EndCombo();
    }
    return chosen;
}

}  // namespace

void draw_time_zone_settings() {
    Workspace& ws = workspace();
    const State* data = ws.view();
    if (!data) return;
    static std::string refusal;
    const theme::Palette& pal = theme::palette();
    const TimeMs now = static_cast<TimeMs>(js::now_utc_ms());
    settings_heading("settings.section.time_zone");
    const std::string& org_zone = data->organisation.time_zone;
    settings_line(describe_zone("settings.time_zone.zone", org_zone, now), pal.text);
    static const std::string device = js::device_time_zone();   // asked once: Intl is not free
    if (!device.empty() && device != org_zone) {
        TimeZone a, b;
        std::string e;
        const bool differs = !TimeZone::find(device, a, e) || !TimeZone::find(org_zone, b, e) ||
                             a.offset_minutes(now) != b.offset_minutes(now);
        if (differs)
            settings_line(describe_zone("settings.time_zone.device_differs", device, now), pal.warning);
    }
    const bool may_change = ws.mode() == Workspace::Mode::Demo || ws.account().role == "admin";
    if (!may_change) {
        settings_line(ui::tr("settings.time_zone.admin_only"), pal.text_secondary);
        return;
    }
    ImGui::Dummy(ImVec2(0, 2));
    std::string picked;
    if (zone_picker(org_zone, picked) && picked != org_zone) {
        Json args = to_json_value(data->organisation);
        args["timeZone"] = picked;
        const Workspace::Submitted r = ws.submit(Mutation{"org.configure", args});
        refusal = r.ok ? "" : r.reason;
    }
    if (!refusal.empty()) settings_line(refusal, pal.danger);
}

}  // namespace wb::app

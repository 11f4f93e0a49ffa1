// settings: the interface language, the account, the time zone, the delivery channels, storage on
// this device, and sync.
#include "language_setting.h"
#include "theme.h"
#include "ui_text.h"
#include "views/settings_sections.h"
#include "views/view_registry.h"
#include "widgets.h"

#include <algorithm>

namespace wb::app {
namespace {

// One setting: title and hint on the left, the control on the right, a hairline below.
void language_row() {
    const theme::Palette& pal = theme::palette();
    const float width = std::min(ImGui::GetContentRegionAvail().x, 720.0f);
    const ImVec2 start = ImGui::GetCursorScreenPos();

    ImGui::BeginGroup();
    ui::text("settings.language");
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_tertiary);
    ui::text("settings.language.hint");
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    const float row_h = ImGui::GetItemRectSize().y;

    const char* labels[] = {ui::tr("lang.zh-CN"), ui::tr("lang.en")};
    int selected = ui::language() == Language::ZhCN ? 0 : 1;
    float control_w = 4.0f;
    for (const char* l : labels) control_w += ImGui::CalcTextSize(l).x + 28.0f;
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - control_w, start.y + (row_h - 30.0f) * 0.5f));
    if (widgets::segmented_control("language", labels, 2, &selected))
        switch_language(selected == 0 ? Language::ZhCN : Language::En);

    const float y = start.y + row_h + 16.0f;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(start.x, y), ImVec2(start.x + width, y), pal.border);
    ImGui::SetCursorScreenPos(ImVec2(start.x, y + 16.0f));
}

}  // namespace

void draw_settings_view() {
    const theme::Palette& pal = theme::palette();
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_tertiary);
    ui::text("settings.section.general");
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
    language_row();
    draw_account_settings();
    draw_time_zone_settings();
    draw_channel_settings();
    draw_storage_settings();
    draw_sync_settings();
}

}  // namespace wb::app

// Drawing helpers shared by the profile's parts.
#include "views/student_profile_ui.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"

namespace wb::app::profile_ui_parts {

void heading(const char* key) {
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text_tertiary);
    ui::text(key);
    ImGui::PopStyleColor();
}

void text(const std::string& s, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : theme::palette().text);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ui::note_drawn(s.c_str());
}

void pill(const std::string& label, ImU32 color) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    const ImVec2 pad(8, 2);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x + 2 * pad.x, min.y + size.y + 2 * pad.y);
    ImVec4 soft = ImGui::ColorConvertU32ToFloat4(color);
    soft.w = 0.12f;
    dl->AddRectFilled(min, max, ImGui::ColorConvertFloat4ToU32(soft), (max.y - min.y) * 0.5f);
    dl->AddText(ImVec2(min.x + pad.x, min.y + pad.y), color, label.c_str());
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
    ui::note_drawn_at(label.c_str(), min, max);
}

namespace {
// The open card: its splitter (content on channel 1, background drawn after on channel 0).
ImDrawListSplitter card_splitter;
ImVec2 card_min;
float card_width = 0;
constexpr ImVec2 kCardPad(14, 12);
}  // namespace

void begin_card(float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card_width = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    card_min = ImGui::GetCursorScreenPos();
    card_splitter.Split(dl, 2);
    card_splitter.SetCurrentChannel(dl, 1);
    ImGui::SetCursorScreenPos(ImVec2(card_min.x + kCardPad.x, card_min.y + kCardPad.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_width - 2 * kCardPad.x);
}

void end_card() {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(card_min.x + card_width, ImGui::GetItemRectMax().y + kCardPad.y);
    card_splitter.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(card_min, max, theme::palette().canvas, 8.0f);
    dl->AddRect(card_min, max, theme::palette().border, 8.0f, 0, 1.0f);
    card_splitter.Merge(dl);
    ImGui::SetCursorScreenPos(card_min);
    ImGui::Dummy(ImVec2(card_width, max.y - card_min.y));
}

std::string actor_id() { return workspace().actor_id(); }

}  // namespace wb::app::profile_ui_parts

#include "banners.h"

#include "offline/workspace.h"
#include "theme.h"
#include "ui_text.h"
#include "widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

namespace wb::app {
namespace {

// A rounded tinted box with wrapped text; `action` (translated) adds a button on the right.
bool banner(const char* id, ImU32 tint, ImU32 text_color, const std::string& text, const char* action = nullptr) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float button_w = action ? ImGui::CalcTextSize(action).x + 40.0f : 0.0f;
    ImGui::PushID(id);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y + 10));
    ImGui::PushTextWrapPos(p.x + width - 14 - button_w);
    ImGui::PushStyleColor(ImGuiCol_Text, text_color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ui::note_drawn(text.c_str());
    float bottom = ImGui::GetItemRectMax().y + 10;
    bool clicked = false;
    if (action) {
        ImGui::SetCursorScreenPos(ImVec2(p.x + width - button_w + 6, p.y + 5));
        clicked = widgets::secondary_button(action);
        bottom = std::max(bottom, ImGui::GetItemRectMax().y + 5);
    }
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p, ImVec2(p.x + width, bottom), tint, 8.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(p.x, bottom + 12));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopID();
    return clicked;
}

const char* storage_key(StorageIssue issue) {
    switch (issue) {
        case StorageIssue::Unavailable: return "banner.storage.unavailable";
        case StorageIssue::Full: return "banner.storage.full";
        case StorageIssue::Wiped: return "banner.storage.wiped";
        case StorageIssue::Failed: return "banner.storage.failed";
        case StorageIssue::None: break;
    }
    return nullptr;
}

}  // namespace

void draw_banners(Workspace& ws) {
    const theme::Palette& pal = theme::palette();
    const Translator& t = Translator::builtin();
    const Language lang = ui::language();
    if (ws.mode() == Workspace::Mode::Demo)
        banner("demo", pal.accent_soft, pal.text, ui::tr("banner.demo"));
    if (const char* key = storage_key(ws.storage_issue())) {
        std::string text = ui::tr(key);
        if (!ws.storage_detail().empty()) text += " (" + ws.storage_detail() + ")";
        banner("storage", IM_COL32(0xFF, 0xF4, 0xE5, 255), pal.text, text);
    }
    const auto& rejected = ws.rejected();
    const auto& local = ws.local_rejections();
    if (!rejected.empty() || !local.empty()) {
        std::string text = t.format(lang, "banner.rejected.title", {{"count", std::to_string(rejected.size() + local.size())}});
        for (const auto* list : {&rejected, &local})
            for (const auto& r : *list)
                text += "\n" + t.format(lang, "banner.rejected.item",
                                        {{"id", std::to_string(r.id)}, {"reason", r.error.message.empty() ? r.error.code : r.error.message}});
        if (banner("rejected", IM_COL32(0xFD, 0xEC, 0xEC, 255), pal.text, text, ui::tr("banner.dismiss"))) {
            std::vector<int64_t> ids;
            for (const auto& r : rejected) ids.push_back(r.id);
            for (int64_t id : ids) ws.dismiss_rejection(id);
            ws.dismiss_local_rejections();
        }
    }
}

}  // namespace wb::app

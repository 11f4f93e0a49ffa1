#include "ui_text.h"

#include <imgui.h>

namespace wb::app::ui {
namespace {

Language g_language = Language::ZhCN;
std::vector<DrawnLabel> g_drawn;       // this frame
std::vector<DrawnLabel> g_last_drawn;  // the last complete frame

}  // namespace

void set_language(Language lang) { g_language = lang; }
Language language() { return g_language; }

const char* tr(std::string_view key) { return Translator::builtin().text(g_language, key); }

std::string format(const char* key, const std::map<std::string, std::string>& values) {
    return Translator::builtin().format(g_language, key, values);
}

void note_drawn_at(const char* label, ImVec2 min, ImVec2 max) {
    if (label && *label) g_drawn.push_back(DrawnLabel{label, min, max});
}

void note_drawn_if(bool visible, const char* label) {
    if (visible) note_drawn_at(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void note_drawn(const char* label) { note_drawn_if(ImGui::IsItemVisible(), label); }

void text(std::string_view key) {
    const char* s = tr(key);
    ImGui::TextUnformatted(s);
    note_drawn(s);
}

void text_wrapped(std::string_view key) {
    const char* s = tr(key);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s);
    ImGui::PopTextWrapPos();
    note_drawn(s);
}

void end_frame_labels() {
    g_last_drawn.swap(g_drawn);
    g_drawn.clear();
}

const std::vector<DrawnLabel>& last_frame_labels() { return g_last_drawn; }

}  // namespace wb::app::ui

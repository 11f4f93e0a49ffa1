#pragma once
// Translated text for the views, and the record of which labels were drawn.
// Every visible string goes through tr() (the table is assets/i18n/strings.json). The helpers
// that draw text note it when it is visible, so the test interface can report the labels of
// the last frame (window.workbench.visibleLabels()).
#include "i18n/translator.h"

#include <imgui.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wb::app::ui {

void set_language(Language lang);
Language language();

// The text for `key` in the current language.
const char* tr(std::string_view key);
// The text for `key` in the current language with its {placeholders} filled from `values`.
std::string format(const char* key, const std::map<std::string, std::string>& values);

// Draws a translated label (ImGui::TextUnformatted) and records it when visible.
void text(std::string_view key);
// Same, wrapped at the content region's width.
void text_wrapped(std::string_view key);
// Records `label` as drawn, with the last item's rectangle, if that item is visible; for labels
// drawn by hand on an item (a navigation row, a button).
void note_drawn(const char* label);
void note_drawn_if(bool visible, const char* label);
// Records `label` drawn at an explicit rectangle (text drawn straight into a draw list).
void note_drawn_at(const char* label, ImVec2 min, ImVec2 max);

struct DrawnLabel {
    std::string text;
    ImVec2 min, max;   // CSS pixels, where a click on the label lands
};

// Called by the frame loop: the labels of the frame just finished become "last frame's".
void end_frame_labels();
const std::vector<DrawnLabel>& last_frame_labels();

}  // namespace wb::app::ui

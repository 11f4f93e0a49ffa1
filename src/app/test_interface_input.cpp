// Test queries for the text bridge, clipboard and accessibility mirror (browser tests only).
//   input.active  -> {active, id, text, password, caret: {x, y, h}}: the active text field as of
//                    the last frame (its edit buffer, ImGui's caret position for the IME)
#include "test_queries.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace {

nlohmann::json active_text_field(const nlohmann::json&) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiInputTextState* state = g.ActiveId != 0 ? ImGui::GetInputTextState(g.ActiveId) : nullptr;
    if (!state) return nlohmann::json{{"active", false}};
    const ImGuiPlatformImeData& ime = g.PlatformImeData;
    return nlohmann::json{{"active", true},
                          {"id", state->ID},
                          {"text", std::string(state->TextA.Data, static_cast<size_t>(state->TextLen))},
                          {"password", (state->Flags & ImGuiInputTextFlags_Password) != 0},
                          {"caret", {{"x", ime.InputPos.x}, {"y", ime.InputPos.y}, {"h", ime.InputLineHeight}}}};
}

[[maybe_unused]] const bool registered = wb::app::register_test_query("input.active", active_text_field);

}  // namespace

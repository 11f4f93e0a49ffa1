// The C half of window.workbench (web/test-interface.js): lets browser tests read the app's state
// and drive it. The product never calls these.
#include "app_state.h"
#include "language_setting.h"
#include "platform.h"
#include "ui_text.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace wb;

extern "C" {

EMSCRIPTEN_KEEPALIVE double wb_test_frame_count() { return static_cast<double>(platform::frames_drawn()); }

EMSCRIPTEN_KEEPALIVE const char* wb_test_language() { return language_code(app::ui::language()); }

EMSCRIPTEN_KEEPALIVE int wb_test_set_language(const char* code) {
    Language lang;
    if (!parse_language(code, lang)) return 0;
    app::switch_language(lang);
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* wb_test_current_view() { return app::view_info(app::app_state().view).slug; }

EMSCRIPTEN_KEEPALIVE int wb_test_open_view(const char* slug) {
    const app::ViewInfo* view = app::find_view(slug);
    if (!view) return 0;
    app::app_state().view = view->id;
    platform::request_redraw();
    return 1;
}

// JSON array of the translated labels drawn in the last complete frame, each with its
// rectangle in CSS pixels: [{"text": .., "x": .., "y": .., "w": .., "h": ..}, ...].
EMSCRIPTEN_KEEPALIVE const char* wb_test_visible_labels() {
    static std::string json;
    nlohmann::json out = nlohmann::json::array();
    for (const app::ui::DrawnLabel& label : app::ui::last_frame_labels())
        out.push_back({{"text", label.text}, {"x", label.min.x}, {"y", label.min.y},
                       {"w", label.max.x - label.min.x}, {"h", label.max.y - label.min.y}});
    json = out.dump();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE int wb_test_idle() { return platform::idle() ? 1 : 0; }

// What ImGui saw of the input devices as of the last frame: modifiers, any held key, mouse
// buttons, position and source. Lets tests check that focus loss releases everything.
EMSCRIPTEN_KEEPALIVE const char* wb_test_input_state() {
    static std::string json;
    const ImGuiIO& io = ImGui::GetIO();
    bool any_key = false;
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END && !any_key; ++k)
        any_key = ImGui::IsKeyDown(static_cast<ImGuiKey>(k));
    const bool has_pos = ImGui::IsMousePosValid(&io.MousePos);
    json = nlohmann::json{{"ctrl", io.KeyCtrl}, {"shift", io.KeyShift}, {"alt", io.KeyAlt},
                          {"super", io.KeySuper}, {"anyKey", any_key},
                          {"mouseDown", {io.MouseDown[0], io.MouseDown[1], io.MouseDown[2]}},
                          {"x", has_pos ? io.MousePos.x : -1.0f}, {"y", has_pos ? io.MousePos.y : -1.0f},
                          {"source", static_cast<int>(io.MouseSource)},
                          {"navActive", io.NavActive}, {"navVisible", io.NavVisible}}
               .dump();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE int wb_test_online() { return platform::online() ? 1 : 0; }

}  // extern "C"

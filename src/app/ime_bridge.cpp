// ImGui's side of the text bridge (see ime_bridge.h): the PlatformIO hooks that place the
// textarea at the caret and move the clipboard, and the entry points js/ime_bridge.js calls.
#include "ime_bridge.h"

#include "platform.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // the active field's flags (password)

#include <cstdlib>
#include <string>

extern "C" {
void wb_js_text_input_install(const char* selector, const char* label);
void wb_js_text_input_place(int active, double x, double y, double line_height, int password);
void wb_js_text_input_label(const char* label);
int wb_js_keyboard_target();
void wb_js_clipboard_set(const char* text);
char* wb_js_clipboard_get();
}

namespace wb::platform {
namespace {

// Called by ImGui at the end of a frame, only when the text input state or caret moved: no DOM
// work in frames where nothing changed.
void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
    const bool active = data->WantTextInput || data->WantVisible;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool password = active && (g.InputTextState.Flags & ImGuiInputTextFlags_Password) != 0;
    wb_js_text_input_place(active ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight, password ? 1 : 0);
}

void set_clipboard(ImGuiContext*, const char* text) { wb_js_clipboard_set(text ? text : ""); }

const char* get_clipboard(ImGuiContext*) {
    static std::string text;   // ImGui reads it before the next call
    char* copy = wb_js_clipboard_get();
    text = copy ? copy : "";
    std::free(copy);
    return text.c_str();
}

}  // namespace

KeyboardTarget keyboard_target() {
    switch (wb_js_keyboard_target()) {
        case 1: return KeyboardTarget::Bridge;
        case 2: return KeyboardTarget::BridgeComposing;
        case 3: return KeyboardTarget::OtherEditable;
        default: return KeyboardTarget::App;
    }
}

void install_text_bridge(const char* canvas_selector, const char* label) {
    wb_js_text_input_install(canvas_selector, label);
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_SetImeDataFn = set_ime_data;
    pio.Platform_SetClipboardTextFn = set_clipboard;
    pio.Platform_GetClipboardTextFn = get_clipboard;
}

void set_text_bridge_label(const char* label) { wb_js_text_input_label(label); }

}  // namespace wb::platform

// Entry points for js/ime_bridge.js.
extern "C" {

// Committed text: typed, composed by an IME, dictated or pasted from a menu.
EMSCRIPTEN_KEEPALIVE void wb_platform_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wb::platform::request_redraw();
}

// An editing action that came without a key code (on-screen keyboards): 1 Backspace,
// 2 Delete, 3 Enter. Pressed and released; ImGui sees them in consecutive frames.
EMSCRIPTEN_KEEPALIVE void wb_platform_edit_key(int which) {
    const ImGuiKey key = which == 1 ? ImGuiKey_Backspace : which == 2 ? ImGuiKey_Delete : ImGuiKey_Enter;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    wb::platform::request_redraw();
}

}  // extern "C"

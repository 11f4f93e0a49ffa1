#pragma once
// Text input from the page into ImGui's text fields (js/ime_bridge.js has the DOM half).
//
// While an ImGui text field is active, a hidden <textarea> placed at the field's caret holds
// the keyboard: IME composition (pinyin -> 汉字) happens in it with the candidate window at the
// caret, phones open their on-screen keyboard for it, and committed text reaches ImGui through
// io.AddInputCharactersUTF8. Editing keys still reach ImGui as keys (platform_emscripten.cpp).
// ImGui's clipboard goes through the same bridge: paste events feed Ctrl/Cmd+V, copy and cut
// events receive what ImGui copied.
namespace wb::platform {

// Where the keyboard's events should go, as js/ime_bridge.js sees the page's focus.
enum class KeyboardTarget {
    App,               // the canvas (or nothing) has focus: keys and keypress text feed ImGui
    Bridge,            // the text bridge: keys feed ImGui, text arrives through `input`
    BridgeComposing,   // an IME composes in the bridge: keys belong to the IME
    OtherEditable,     // another editable element of the page: the app leaves keys alone
};
KeyboardTarget keyboard_target();

// Creates the textarea and hooks ImGui's PlatformIO (IME data, clipboard). `label` is the
// textarea's accessible name until a field names it. Call once, after the listeners.
void install_text_bridge(const char* canvas_selector, const char* label);

// The accessible name of the textarea while a field is active (the field's label).
void set_text_bridge_label(const char* label);

}  // namespace wb::platform

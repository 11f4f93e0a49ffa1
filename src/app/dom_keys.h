#pragma once
// KeyboardEvent.code (the physical key, independent of layout and IME) -> ImGuiKey.
#include <imgui.h>

namespace wb::platform {

// ImGuiKey_None for codes ImGui has no key for.
ImGuiKey imgui_key_from_dom_code(const char* code);

// Keys whose browser default would take focus or act on the page (Tab, arrows, Backspace...)
// and that carry no text: the app may preventDefault them while it has the keyboard.
bool is_navigation_key(ImGuiKey key);

}  // namespace wb::platform

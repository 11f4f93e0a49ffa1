#include "dom_keys.h"

#include <cstring>

namespace wb::platform {
namespace {

struct CodeKey { const char* code; ImGuiKey key; };

// Named keys; letters, digits, F-keys and keypad digits are computed below.
constexpr CodeKey kNamedKeys[] = {
    {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp}, {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace}, {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter}, {"Escape", ImGuiKey_Escape},
    {"ControlLeft", ImGuiKey_LeftCtrl}, {"ShiftLeft", ImGuiKey_LeftShift},
    {"AltLeft", ImGuiKey_LeftAlt}, {"MetaLeft", ImGuiKey_LeftSuper},
    {"ControlRight", ImGuiKey_RightCtrl}, {"ShiftRight", ImGuiKey_RightShift},
    {"AltRight", ImGuiKey_RightAlt}, {"MetaRight", ImGuiKey_RightSuper},
    {"ContextMenu", ImGuiKey_Menu},
    {"Quote", ImGuiKey_Apostrophe}, {"Comma", ImGuiKey_Comma}, {"Minus", ImGuiKey_Minus},
    {"Period", ImGuiKey_Period}, {"Slash", ImGuiKey_Slash}, {"Semicolon", ImGuiKey_Semicolon},
    {"Equal", ImGuiKey_Equal}, {"BracketLeft", ImGuiKey_LeftBracket},
    {"Backslash", ImGuiKey_Backslash}, {"BracketRight", ImGuiKey_RightBracket},
    {"Backquote", ImGuiKey_GraveAccent}, {"IntlBackslash", ImGuiKey_Oem102},
    {"CapsLock", ImGuiKey_CapsLock}, {"ScrollLock", ImGuiKey_ScrollLock},
    {"NumLock", ImGuiKey_NumLock}, {"PrintScreen", ImGuiKey_PrintScreen},
    {"Pause", ImGuiKey_Pause},
    {"NumpadDecimal", ImGuiKey_KeypadDecimal}, {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply}, {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadAdd", ImGuiKey_KeypadAdd}, {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"NumpadEqual", ImGuiKey_KeypadEqual},
    {"BrowserBack", ImGuiKey_AppBack}, {"BrowserForward", ImGuiKey_AppForward},
};

bool starts_with(const char* s, const char* prefix, const char** rest) {
    const std::size_t n = std::strlen(prefix);
    if (std::strncmp(s, prefix, n) != 0) return false;
    *rest = s + n;
    return true;
}

}  // namespace

ImGuiKey imgui_key_from_dom_code(const char* code) {
    const char* rest = nullptr;
    if (starts_with(code, "Key", &rest) && rest[0] >= 'A' && rest[0] <= 'Z' && rest[1] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_A + (rest[0] - 'A'));
    if (starts_with(code, "Digit", &rest) && rest[0] >= '0' && rest[0] <= '9' && rest[1] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (rest[0] - '0'));
    if (starts_with(code, "Numpad", &rest) && rest[0] >= '0' && rest[0] <= '9' && rest[1] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_Keypad0 + (rest[0] - '0'));
    if (code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
        int n = 0;
        for (const char* p = code + 1; *p; ++p) {
            if (*p < '0' || *p > '9') return ImGuiKey_None;
            n = n * 10 + (*p - '0');
        }
        if (n >= 1 && n <= 24) return static_cast<ImGuiKey>(ImGuiKey_F1 + (n - 1));
        return ImGuiKey_None;
    }
    for (const CodeKey& entry : kNamedKeys)
        if (std::strcmp(entry.code, code) == 0) return entry.key;
    return ImGuiKey_None;
}

bool is_navigation_key(ImGuiKey key) {
    switch (key) {
        case ImGuiKey_Tab: case ImGuiKey_LeftArrow: case ImGuiKey_RightArrow:
        case ImGuiKey_UpArrow: case ImGuiKey_DownArrow: case ImGuiKey_PageUp:
        case ImGuiKey_PageDown: case ImGuiKey_Home: case ImGuiKey_End:
        case ImGuiKey_Backspace: case ImGuiKey_Delete:
            return true;
        default:
            return false;
    }
}

}  // namespace wb::platform

#pragma once
// The accessibility mirror: what a screen reader should say about the focused control. The
// canvas is opaque to assistive technology, so the control ImGui has focused (keyboard
// navigation, a click, an active text field) is described in words — label, role, value — and
// the page's ARIA live region (`#wb-a11y-status`, role=status) is updated when, and only when,
// that description changes. Password fields say how many characters they hold, never which.
//
// Widgets describe their item right after drawing it; items drawn by hand (sidebar rows...) are
// named by the label drawn inside the focused rectangle (ui::note_drawn*).
#include <string>

namespace wb::app::accessibility {

enum class Role { Button, TextField, PasswordField, Option, Item };

// Describes ImGui's last item. Cheap when the item is not focused (an id comparison).
// `value` is the field's text (password fields: only its length is said); for an Option,
// `selected` says whether it is the chosen one.
void describe_last_item(Role role, const char* label, const char* value = nullptr, bool selected = false,
                        bool enabled = true);

// What the live region says now (for tests); "" when nothing is focused.
const std::string& current_announcement();

}  // namespace wb::app::accessibility

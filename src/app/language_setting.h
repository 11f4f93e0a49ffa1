#pragma once
// The interface language: zh-CN by default, the user's choice kept in localStorage.
#include "i18n/translator.h"

namespace wb::app {

// The stored choice, or zh-CN.
Language stored_language();
// Switches the UI to `lang`, updates <html lang> and the page title, and remembers the choice.
void switch_language(Language lang);

}  // namespace wb::app

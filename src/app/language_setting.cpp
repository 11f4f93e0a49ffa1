#include "language_setting.h"

#include "platform.h"
#include "ui_text.h"

namespace wb::app {
namespace {
constexpr const char* kStorageKey = "wb.language";
}

Language stored_language() {
    Language lang = Language::ZhCN;
    const std::string stored = platform::stored_setting(kStorageKey);
    if (!stored.empty() && parse_language(stored, lang)) return lang;
    return Language::ZhCN;
}

void switch_language(Language lang) {
    ui::set_language(lang);
    platform::set_document_language(language_code(lang));
    platform::set_document_title(ui::tr("app.title"));
    platform::store_setting(kStorageKey, language_code(lang));
    platform::request_redraw();
}

}  // namespace wb::app

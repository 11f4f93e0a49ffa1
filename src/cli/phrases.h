#pragma once
// The core's user-visible texts (keys + values, core/phrase.h) rendered for the terminal through
// the built-in translation table; `--lang zh-CN|en` picks the language (default en).
#include <string>

#include "cli/options.h"
#include "core/phrase.h"
#include "i18n/translator.h"

namespace wb::cli {

inline bool lang_option(const Options& o, Language& out, std::string& error)
{
    out = Language::En;
    if (!o.named.count("lang") || parse_language(o.get("lang"), out)) return true;
    error = "--lang: expected zh-CN or en, got \"" + o.get("lang") + "\"";
    return false;
}

inline std::string render(Language lang, const Phrase& p)
{
    return p.key.empty() ? "" : Translator::builtin().format(lang, p.key, p.values);
}

}  // namespace wb::cli

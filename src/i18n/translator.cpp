#include "i18n/translator.h"

#include <nlohmann/json.hpp>

extern const char* const kTranslationTableJson;   // assets/i18n/*.json, merged at build time

namespace wb {

const char* language_code(Language lang) { return lang == Language::En ? "en" : "zh-CN"; }

bool parse_language(std::string_view code, Language& out) {
    if (code == "zh-CN" || code == "zh" || code == "zh-Hans") { out = Language::ZhCN; return true; }
    if (code == "en" || code.substr(0, 3) == "en-") { out = Language::En; return true; }
    return false;
}

Translator::Translator(std::string_view table_json) {
    auto table = nlohmann::json::parse(table_json, nullptr, /*allow_exceptions=*/false);
    if (!table.is_object()) { error_ = "translation table is not a JSON object"; return; }
    for (auto& [key, langs] : table.items()) {
        if (!key.empty() && key[0] == '_') continue;   // "_comment" and the like
        if (!langs.is_object()) { error_ = "entry " + key + " is not an object"; return; }
        auto zh = langs.find("zh-CN");
        auto en = langs.find("en");
        if (zh == langs.end() || !zh->is_string()) { error_ = "entry " + key + " lacks a zh-CN string"; return; }
        if (en == langs.end() || !en->is_string()) { error_ = "entry " + key + " lacks an en string"; return; }
        entries_[key] = Entry{zh->get<std::string>(), en->get<std::string>()};
    }
}

const Translator& Translator::builtin() {
    static const Translator table(kTranslationTableJson);
    return table;
}

const char* Translator::text(Language lang, std::string_view key) const {
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        // Keep the key alive so the pointer stays valid; shown as-is so the gap is visible.
        static thread_local std::string missing;
        missing.assign(key);
        return missing.c_str();
    }
    const std::string& s = lang == Language::En ? it->second.en : it->second.zh;
    return s.empty() ? it->second.zh.c_str() : s.c_str();
}

std::string Translator::format(Language lang, std::string_view key,
                               const std::map<std::string, std::string>& values) const {
    return fill_placeholders(text(lang, key), values);
}

std::vector<std::string> Translator::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (auto& [k, v] : entries_) out.push_back(k);
    return out;
}

bool Translator::has(Language lang, std::string_view key) const {
    auto it = entries_.find(key);
    if (it == entries_.end()) return false;
    return !(lang == Language::En ? it->second.en : it->second.zh).empty();
}

std::string fill_placeholders(std::string_view pattern, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(pattern.size());
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            size_t close = pattern.find('}', i + 1);
            if (close != std::string_view::npos) {
                auto it = values.find(std::string(pattern.substr(i + 1, close - i - 1)));
                if (it != values.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

}  // namespace wb

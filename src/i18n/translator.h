#pragma once
// The translation table: every user-visible string, by key, in zh-CN (default) and en.
// The table is data (assets/i18n/strings.json, embedded at build time); the CJK font subset is
// cut from the same file, so a string added there is always renderable.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wb {

enum class Language { ZhCN, En };

const char* language_code(Language lang);             // "zh-CN" / "en"
bool parse_language(std::string_view code, Language& out);

class Translator {
public:
    // Loads a table in the strings.json format; on failure `error()` says what is wrong.
    explicit Translator(std::string_view table_json);
    // The table embedded in the binary.
    static const Translator& builtin();

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    // The text for `key`; falls back to zh-CN, then to the key itself (so a missing entry is
    // visible on screen instead of blank). Returned pointers stay valid for the table's life.
    const char* text(Language lang, std::string_view key) const;
    // Replaces {name} placeholders by the given values.
    std::string format(Language lang, std::string_view key,
                       const std::map<std::string, std::string>& values) const;

    std::vector<std::string> keys() const;
    bool has(Language lang, std::string_view key) const;

private:
    struct Entry { std::string zh; std::string en; };
    std::map<std::string, Entry, std::less<>> entries_;
    std::string error_;
};

// Fills {name} placeholders of `pattern`; unknown names are left as written.
std::string fill_placeholders(std::string_view pattern, const std::map<std::string, std::string>& values);

}  // namespace wb

#include <doctest/doctest.h>

#include "i18n/translator.h"

using wb::Language;
using wb::Translator;

TEST_CASE("the built-in translation table loads and has both languages for every key") {
    const Translator& t = Translator::builtin();
    REQUIRE_MESSAGE(t.ok(), t.error());
    auto keys = t.keys();
    CHECK(keys.size() > 10);
    for (auto& k : keys) {
        CHECK_MESSAGE(t.has(Language::ZhCN, k), k);
        CHECK_MESSAGE(t.has(Language::En, k), k);
    }
    CHECK(std::string(t.text(Language::ZhCN, "nav.today")) == "今日待办");
    CHECK(std::string(t.text(Language::En, "nav.today")) == "Today");
}

TEST_CASE("a missing key shows itself instead of a blank") {
    CHECK(std::string(Translator::builtin().text(Language::En, "no.such.key")) == "no.such.key");
}

TEST_CASE("placeholders are filled by name and unknown ones are kept") {
    CHECK(wb::fill_placeholders("{count} pending, {x}", {{"count", "3"}}) == "3 pending, {x}");
    CHECK(Translator::builtin().format(Language::ZhCN, "status.pending", {{"count", "12"}}) == "12 条待同步");
}

TEST_CASE("a broken table is reported, not half-loaded") {
    CHECK_FALSE(Translator("[1,2]").ok());
    Translator missing_en(R"({"a": {"zh-CN": "甲"}})");
    CHECK_FALSE(missing_en.ok());
    CHECK(missing_en.error().find("en") != std::string::npos);
    CHECK_FALSE(Translator("{not json").ok());
}

TEST_CASE("language codes round-trip") {
    Language l{};
    CHECK(wb::parse_language("en-US", l));
    CHECK(l == Language::En);
    CHECK(wb::parse_language("zh-CN", l));
    CHECK(l == Language::ZhCN);
    CHECK_FALSE(wb::parse_language("fr", l));
    CHECK(std::string(wb::language_code(Language::En)) == "en");
}

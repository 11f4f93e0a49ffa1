#pragma once
// Pinyin initials of Chinese names, so people can find 张伟 by typing "zw". The letters come from
// Unicode's Unihan database (kMandarin, plus the other modern readings of polyphones such as 单
// dān/shàn, 曾 céng/zēng, 解 jiě/xiè), turned into a table at build time (pinyin_gen.py) and
// embedded in wb_core: no hand-typed dictionary.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wb {

// The initials of `utf8` with each character's customary reading: "张伟" -> "zw",
// "欧阳娜娜" -> "oynn". A Latin word gives its first letter, lower case ("Tom Li" -> "tl");
// digits are kept; other characters (spaces, punctuation, ideographs without a reading) give
// nothing.
std::string pinyin_initials(std::string_view utf8);

// Every initial each character may have (bit 0 = 'a' ... bit 25 = 'z'), one entry per character
// that gives an initial (the same characters as pinyin_initials). Digits have no bits and only
// match themselves through `digits`.
struct PinyinKey {
    std::vector<uint32_t> letters;  // bit mask per character
    std::string digits;             // the character's digit, or ' ' where it is a letter
};
PinyinKey pinyin_key(std::string_view utf8);

// True when `query` (lower-case letters and digits, e.g. "zw") matches consecutive characters of
// the key anywhere, any reading of a polyphone counting: "sx" finds 单雪 (surname shàn).
// An empty query matches everything.
bool pinyin_matches(const PinyinKey& key, std::string_view query);
// The same, only at the start of the name.
bool pinyin_starts_with(const PinyinKey& key, std::string_view query);

// The initial of the customary reading of one code point, 0 when it has none (not an ideograph).
char pinyin_initial_of(uint32_t code_point);
// All initials of one code point as a bit mask (0 when none).
uint32_t pinyin_initials_of(uint32_t code_point);

// Decodes the next UTF-8 code point at `pos` and advances `pos` (U+FFFD for a broken byte).
uint32_t next_code_point(std::string_view utf8, size_t& pos);

}  // namespace wb

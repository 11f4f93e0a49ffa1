#include <doctest/doctest.h>

#include "core/pinyin.h"

using namespace wb;

TEST_CASE("pinyin: initials of common names come from the Unihan table")
{
    CHECK(pinyin_initials("张伟") == "zw");
    CHECK(pinyin_initials("王芳") == "wf");
    CHECK(pinyin_initials("李娜") == "ln");
    CHECK(pinyin_initials("欧阳娜娜") == "oynn");
    CHECK(pinyin_initials("吕") == "l");        // lǚ: tone mark and umlaut stripped
    CHECK(pinyin_initials("诸葛亮") == "zgl");
    // Outside GB2312 (Extension A and the main block's rarer names) still have readings.
    CHECK(pinyin_initials("堃") == "k");
    CHECK(pinyin_initials("玥") == "y");
}

TEST_CASE("pinyin: Latin words give their first letter, digits stay, the rest gives nothing")
{
    CHECK(pinyin_initials("Tom Li") == "tl");
    CHECK(pinyin_initials("张 Tom") == "zt");
    CHECK(pinyin_initials("王芳2") == "wf2");
    CHECK(pinyin_initials("（张）·伟！") == "zw");
    CHECK(pinyin_initials("") == "");
    CHECK(pinyin_initials("\xff\xfe") == "");  // broken UTF-8 is skipped, not a crash
    CHECK(pinyin_initials("\xe5\xbc") == "");  // truncated sequence
}

TEST_CASE("pinyin: polyphones match any modern reading, the customary one is the default")
{
    // 单 dān, as a surname shàn; 曾 céng, surname zēng; 解 jiě, surname xiè.
    CHECK(pinyin_initials("单雪") == "dx");
    CHECK(pinyin_initials_of(0x5355) == ((1u << ('d' - 'a')) | (1u << ('c' - 'a')) | (1u << ('s' - 'a'))));
    auto shan = pinyin_key("单雪");
    CHECK(pinyin_matches(shan, "sx"));
    CHECK(pinyin_matches(shan, "dx"));
    CHECK_FALSE(pinyin_matches(shan, "zx"));
    CHECK(pinyin_matches(pinyin_key("曾伟"), "zw"));
    CHECK(pinyin_matches(pinyin_key("曾伟"), "cw"));
    CHECK(pinyin_matches(pinyin_key("解明"), "xm"));
    // A character with one reading has one bit.
    CHECK(pinyin_initials_of(0x5F20) == (1u << ('z' - 'a')));  // 张
    CHECK(pinyin_initials_of('a') == 0);
}

TEST_CASE("pinyin: matching is a run of consecutive characters, prefix or anywhere")
{
    auto key = pinyin_key("欧阳娜娜");
    CHECK(pinyin_matches(key, ""));
    CHECK(pinyin_matches(key, "oy"));
    CHECK(pinyin_matches(key, "nn"));
    CHECK(pinyin_matches(key, "ynn"));
    CHECK_FALSE(pinyin_matches(key, "on"));     // not consecutive
    CHECK_FALSE(pinyin_matches(key, "oynnx"));  // longer than the name
    CHECK(pinyin_starts_with(key, "oy"));
    CHECK_FALSE(pinyin_starts_with(key, "nn"));
    auto numbered = pinyin_key("王芳2");
    CHECK(pinyin_matches(numbered, "f2"));
    CHECK_FALSE(pinyin_matches(numbered, "f3"));
}

TEST_CASE("pinyin: UTF-8 decoding")
{
    std::string s = "a张\xf0\x9f\x98\x80";
    size_t pos = 0;
    CHECK(next_code_point(s, pos) == 'a');
    CHECK(next_code_point(s, pos) == 0x5F20);
    CHECK(next_code_point(s, pos) == 0x1F600);
    CHECK(pos == s.size());
}

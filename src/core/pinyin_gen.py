#!/usr/bin/python3
"""Builds the pinyin-initials table embedded in wb_core (src/core/pinyin.cpp reads it).

Run at build time (see cmake/pinyin.cmake) from Unicode's Unihan database as Debian's
`unicode-data` package ships it (/usr/share/unicode/Unihan_Readings.txt.bz2):

- the primary reading of a character is its kMandarin value (the customary reading);
- other readings come from kXHC1983 and kTGHZ2013 (modern standard dictionaries: 现代汉语词典,
  通用规范汉字字典), so surnames read differently from the common word are kept, e.g. 单 (dān,
  surname shàn), 曾 (céng, surname zēng), 解 (jiě, surname xiè). kHanyuPinyin (the classical
  dictionary) is left out: it lists readings nobody types.

Only the initial letter of each reading is kept ("zhāng" -> "z"), as people type 张伟 as "zw".

Output (text, ASCII):
  B <first code point, hex> <one letter per code point, '.' = no reading>   one line per block
  P <code point, hex> <letters, primary first>                              characters with several initials
"""
import bz2
import sys
import unicodedata

# The blocks names are written in: CJK Unified Ideographs, Extension A, Compatibility Ideographs.
BLOCKS = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF)]
ALT_FIELDS = ("kXHC1983", "kTGHZ2013")


def initial(reading):
    """First letter of a pinyin syllable without tone marks ("lǚ" -> "l")."""
    base = unicodedata.normalize("NFD", reading.strip())[:1].lower()
    return base if "a" <= base <= "z" else ""


def readings_of(field, value):
    if field == "kMandarin":
        return value.split()
    # "0117.100:chán 0207.100:dān" -> ["chán", "dān"]; one entry may list several: "x:a,b"
    out = []
    for entry in value.split():
        out.extend(entry.split(":", 1)[-1].split(","))
    return out


def main(src, out_path):
    primary, others = {}, {}
    with bz2.open(src, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            cp_text, field, value = line.rstrip("\n").split("\t", 2)
            if field != "kMandarin" and field not in ALT_FIELDS:
                continue
            cp = int(cp_text[2:], 16)
            letters = [c for c in (initial(r) for r in readings_of(field, value)) if c]
            if field == "kMandarin":
                if letters:
                    primary[cp] = letters[0]
            else:
                others.setdefault(cp, []).extend(letters)

    lines = []
    for first, last in BLOCKS:
        lines.append("B %x %s" % (first, "".join(primary.get(cp, ".") for cp in range(first, last + 1))))
    for cp in sorted(primary):
        extra = [c for c in dict.fromkeys(others.get(cp, [])) if c != primary[cp]]
        if extra and any(a <= cp <= b for a, b in BLOCKS):
            lines.append("P %x %s" % (cp, primary[cp] + "".join(extra)))
    with open(out_path, "w", encoding="ascii") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pinyin_gen.py <Unihan_Readings.txt.bz2> <out.txt>")
    main(sys.argv[1], sys.argv[2])

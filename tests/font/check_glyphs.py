#!/usr/bin/python3
"""Fails when the CJK font subset lacks a glyph for any character of a UI string.

Usage: check_glyphs.py --font wb-cjk.ttf --strings assets/i18n/strings.json
Prints each missing character with the keys that use it; exit 1 if any is missing.
"""
import argparse
import json
import sys

from fontTools.ttLib import TTFont


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--font", required=True)
    ap.add_argument("--strings", required=True)
    args = ap.parse_args()

    cmap = TTFont(args.font).getBestCmap()
    with open(args.strings, encoding="utf-8") as f:
        table = json.load(f)

    missing = {}
    checked = 0
    for key, langs in table.items():
        if key.startswith("_"):
            continue
        for lang, text in langs.items():
            for ch in text:
                if ch.isspace():
                    continue
                checked += 1
                if ord(ch) not in cmap:
                    missing.setdefault(ch, set()).add(f"{key} [{lang}]")
    if missing:
        for ch, keys in sorted(missing.items()):
            print(f"missing glyph U+{ord(ch):04X} {ch!r} used by {', '.join(sorted(keys))}")
        print(f"font_glyphs: {len(missing)} characters missing")
        return 1
    print(f"font_glyphs: all {checked} characters of {len(table)} strings have glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

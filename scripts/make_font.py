#!/usr/bin/python3
"""Cuts the workbench's CJK font at build time.

The subset holds every character of the translation table (both languages), printable ASCII,
Latin-1, general and CJK punctuation, full-width forms, and the common Chinese characters of
GB 2312 (level 1: the 3,755 most frequent hanzi; level 2 too unless --level1-only). The list of
common characters is derived from the GB 2312 code table through Python's codec, not typed in.

Usage: make_font.py --source FONT[.ttc] --strings strings.json --out wb-cjk.ttf [--level1-only]
"""
import argparse
import json
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def gb2312_hanzi(level1_only):
    last_row = 0xD7 if level1_only else 0xF7   # rows B0-D7 are level 1, D8-F7 level 2
    chars = []
    for hi in range(0xB0, last_row + 1):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # unassigned cells (the end of row D7)
    return chars


def table_strings(path):
    with open(path, encoding="utf-8") as f:
        table = json.load(f)
    out = []
    def walk(node):
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            for k, v in node.items():
                out.append(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(table)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", required=True)
    ap.add_argument("--strings", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--level1-only", action="store_true")
    args = ap.parse_args()

    wanted = set()
    for s in table_strings(args.strings):
        wanted.update(s)
    wanted.update(chr(c) for c in range(0x20, 0x7F))        # ASCII
    wanted.update(chr(c) for c in range(0xA0, 0x100))       # Latin-1 (·, ×, °, …)
    wanted.update(chr(c) for c in range(0x2010, 0x2070))    # general punctuation
    wanted.update(chr(c) for c in range(0x2190, 0x2200))    # arrows
    wanted.update(chr(c) for c in range(0x25A0, 0x2600))    # geometric shapes (status dots)
    wanted.update(chr(c) for c in range(0x3000, 0x3040))    # CJK symbols and punctuation
    wanted.update(chr(c) for c in range(0xFF00, 0xFFF0))    # full-width forms
    wanted.update(gb2312_hanzi(args.level1_only))
    wanted.discard("\n")

    font = TTFont(args.source, fontNumber=0, lazy=False)
    opts = subset.Options()
    opts.hinting = False            # ImGui rasterises without hinting; hints are dead weight
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.layout_features = []       # ImGui does no shaping
    opts.notdef_outline = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "gasp", "DSIG", "FFTM"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in wanted])
    sub.subset(font)

    cmap = font.getBestCmap()
    missing = sorted(c for c in wanted if ord(c) not in cmap and not c.isspace())
    font.save(args.out)
    print(f"make_font: {len(cmap)} code points, {len(missing)} requested but not in the source font")
    return 0


if __name__ == "__main__":
    sys.exit(main())

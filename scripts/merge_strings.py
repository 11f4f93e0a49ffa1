#!/usr/bin/python3
"""Merges the translation tables assets/i18n/*.json into one table for the build.

Each area (app shell, sync, core, ...) owns its own file so that people working on different
areas never edit the same file. A key defined in two files is an error, not a silent override.

Usage: merge_strings.py --out strings.json FILE.json...
"""
import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    merged = {}
    origin = {}
    for path in sorted(args.files):
        with open(path, encoding="utf-8") as f:
            try:
                table = json.load(f)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}")
        if not isinstance(table, dict):
            sys.exit(f"{path}: the table must be a JSON object")
        for key, value in table.items():
            if key.startswith("_"):
                continue   # comments
            if key in merged:
                sys.exit(f"{path}: key {key!r} is already defined in {origin[key]}")
            merged[key] = value
            origin[key] = path
    text = json.dumps(merged, ensure_ascii=False, indent=0, sort_keys=True)
    try:
        with open(args.out, encoding="utf-8") as f:
            if f.read() == text:
                return   # unchanged: keep the timestamp so nothing downstream rebuilds
    except FileNotFoundError:
        pass
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()

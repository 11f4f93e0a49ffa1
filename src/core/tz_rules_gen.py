#!/usr/bin/python3
"""Builds the time-zone table embedded in wb_core: one line per IANA zone, "<name>\t<POSIX TZ rule>".

Run at build time (see src/CMakeLists.txt) from the machine's tzdata (/usr/share/zoneinfo):
every TZif file of version 2 or later ends with a footer line holding the POSIX TZ rule that
describes the zone's current offsets and daylight-saving transitions. Only that current rule is
kept: historic rule changes are not modelled (a date before a zone's last rule change may be
off by the difference).

Footers whose transition time is negative (e.g. America/Nuuk, "M3.5.0/-1") are skipped: Howard
Hinnant's date/ptz.h, which reads the rules, accepts transition hours 0..24+ only.
"""
import os
import sys


def footer(data):
    if not data.startswith(b"TZif") or data[4:5] not in (b"2", b"3", b"4"):
        return None
    lines = data.rstrip(b"\n").rsplit(b"\n", 1)
    return lines[-1].decode("ascii") if len(lines) == 2 else None


def main(root, out_path):
    rows = []
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            zone = os.path.relpath(path, root)
            if zone.startswith(("posix/", "right/")) or "." in name:
                continue
            with open(path, "rb") as f:
                rule = footer(f.read())
            if rule and "/-" not in rule:
                rows.append((zone, rule))
    rows.sort()
    if not any(zone == "Asia/Shanghai" for zone, _ in rows):
        sys.exit("tz_rules_gen.py: no usable tzdata under " + root)
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        for zone, rule in rows:
            f.write(zone + "\t" + rule + "\n")
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/python3
"""Assembles the served site from web/ and the build's outputs.

For every file it writes a precompressed .br and .gz twin (the server picks one by the request's
Accept-Encoding) and records in build-info.json its size and a content hash; the loading screen
uses the sizes for real progress and versioned URLs (?v=<hash>) let the server mark the big
files immutable. A file whose content has not changed is left alone, so rebuilds stay quick.

Usage: build_site.py --web web/ --out build/web/site --file workbench.js --file ... 
"""
import argparse
import gzip
import hashlib
import json
import os
import shutil
import sys

import brotli

COMPRESSIBLE = {".html", ".js", ".mjs", ".wasm", ".ttf", ".json", ".css", ".svg", ".webmanifest", ".txt"}


def digest(data):
    return hashlib.sha256(data).hexdigest()[:16]


def write_if_changed(path, data):
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return True


def place(src, rel, out, info):
    with open(src, "rb") as f:
        data = f.read()
    dst = os.path.join(out, rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    changed = write_if_changed(dst, data)
    entry = {"size": len(data), "hash": digest(data)}
    if os.path.splitext(rel)[1] in COMPRESSIBLE:
        for ext, compress in ((".br", lambda d: brotli.compress(d, quality=11)),
                              (".gz", lambda d: gzip.compress(d, compresslevel=9, mtime=0))):
            twin = dst + ext
            if changed or not os.path.exists(twin):
                write_if_changed(twin, compress(data))
            entry[ext[1:]] = os.path.getsize(twin)
    info[rel.replace(os.sep, "/")] = entry


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--web", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--file", action="append", default=[])
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    info = {}
    for root, _dirs, files in os.walk(args.web):
        for name in files:
            src = os.path.join(root, name)
            place(src, os.path.relpath(src, args.web), args.out, info)
    for src in args.file:
        place(src, os.path.basename(src), args.out, info)

    # Drop files that are no longer part of the site (renamed or deleted in web/).
    keep = set(info) | {"build-info.json"}
    for root, _dirs, files in os.walk(args.out):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), args.out).replace(os.sep, "/")
            base = rel[:-3] if rel.endswith((".br", ".gz")) else rel
            if base not in keep:
                os.remove(os.path.join(root, name))

    body = json.dumps({"files": info}, indent=1, sort_keys=True).encode()
    write_if_changed(os.path.join(args.out, "build-info.json"), body)
    return 0


if __name__ == "__main__":
    sys.exit(main())

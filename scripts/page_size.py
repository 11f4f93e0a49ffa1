#!/usr/bin/python3
"""Prints the page's transferred size as a browser with br/gzip support receives it.

Fetches what the loading screen fetches — index.html, the files it references, build-info.json
and the versioned app files (js, wasm, font) — from a running server with
`Accept-Encoding: br, gzip`, and sums the bytes on the wire (compressed bodies).
Usage: page_size.py [URL]   (default http://127.0.0.1:8080)
"""
import json
import re
import sys
import urllib.request

APP_FILES = ("workbench.js", "workbench.wasm", "wb-cjk.ttf")


def fetch(url):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        body = resp.read()          # urllib does not decode: these are the bytes on the wire
        return body, resp.headers.get("Content-Encoding", "identity")


def main():
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
    rows = []
    html, enc = fetch(base + "/")
    rows.append(("index.html", len(html), enc))
    # Same-origin scripts, styles and the manifest referenced by the page itself.
    text = html.decode("utf-8", "replace")
    if enc != "identity":
        import gzip
        import brotli
        text = (brotli.decompress(html) if enc == "br" else gzip.decompress(html)).decode("utf-8", "replace")
    for ref in sorted(set(re.findall(r'(?:src|href)="([^"#:?]+\.(?:js|mjs|css|webmanifest))', text))):
        body, enc = fetch(f"{base}/{ref.lstrip('./')}")
        rows.append((ref, len(body), enc))
    info_raw, enc = fetch(base + "/build-info.json")
    rows.append(("build-info.json", len(info_raw), enc))
    if enc == "br":
        import brotli
        info_raw = brotli.decompress(info_raw)
    elif enc == "gzip":
        import gzip
        info_raw = gzip.decompress(info_raw)
    files = json.loads(info_raw)["files"]
    for name in APP_FILES:
        if name not in files or any(r[0] == name for r in rows):
            continue
        body, enc = fetch(f"{base}/{name}?v={files[name]['hash']}")
        rows.append((name, len(body), enc))
    total = sum(r[1] for r in rows)
    for name, size, enc in rows:
        print(f"  {name:24} {size:>10} bytes  ({enc})")
    print(f"total transferred: {total} bytes ({total / 1024 / 1024:.2f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Runs every test suite of the workbench and ends with one line: `N passed, N failed`.

Suites, in order (a suite that cannot build counts as one failure and the rest still run where
they can):
  native    ctest in build/native: doctest unit tests, server tests (SQLite and PostgreSQL)
  wasm      ctest in build/web: the same unit tests compiled to wasm under Node, font coverage
  parity    the native and the wasm unit-test runs report identical results
  browser   Node's test runner + playwright-core driving Debian's Chromium against the real server
  size      the page's transferred size (html + js + wasm + font as served) is under budget
  bench     the benchmarks in tests/bench, small (they must run; their ratios are reported, not
            judged; `./workbench bench` runs them at full size)

Counting: a doctest program counts its test cases; any other ctest entry counts as one test;
the browser suite counts Node test-runner tests.
Usage: run_tests.py [--only SUITE[,SUITE]]
"""
import argparse
import os
import re
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
ARTIFACTS = os.path.join(BUILD, "artifacts")
PAGE_BUDGET = 3 * 1024 * 1024

ANSI = re.compile(r"\x1b\[[0-9;]*m")
DOCTEST_CASES = re.compile(r"\[doctest\] test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
DOCTEST_ASSERTS = re.compile(r"\[doctest\] assertions:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")


class Tally:
    def __init__(self):
        self.rows = []   # (suite, passed, failed, note)

    def add(self, suite, passed, failed, note=""):
        self.rows.append((suite, passed, failed, note))
        print(f"== {suite}: {passed} passed, {failed} failed{'  (' + note + ')' if note else ''}", flush=True)

    def totals(self):
        return sum(r[1] for r in self.rows), sum(r[2] for r in self.rows)


def run(cmd, env=None, log=None, timeout=None):
    print("$ " + " ".join(cmd), flush=True)
    start = time.time()
    proc = subprocess.run(cmd, cwd=TOP, env=env, text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=timeout)
    if log:
        with open(log, "w") as f:
            f.write(proc.stdout)
    print(f"  ({time.time() - start:.1f} s, exit {proc.returncode})", flush=True)
    return proc


def tail(text, lines=60, width=400):
    out = [l[:width] for l in text.splitlines()[-lines:]]
    return "\n".join(out)


def build(preset):
    if not os.path.exists(os.path.join(BUILD, preset, "build.ninja")):
        p = run(["cmake", "--preset", preset])
        if p.returncode != 0:
            print(tail(p.stdout))
            return False
    p = run(["cmake", "--build", "--preset", preset])
    if p.returncode != 0:
        print(tail(p.stdout))
        return False
    return True


# The native suites are independent (each server test makes its own temporary data directory and
# listens on a free port; server_postgresql starts its own throw-away cluster on a free port), so
# two run side by side, one per core.
CTEST_PARALLEL = {"native": 2}


def ctest_results(preset):
    """Runs ctest and returns [(name, passed, failed, doctest_line)] from its full log."""
    parallel = CTEST_PARALLEL.get(preset, 1)
    p = run(["ctest", "--preset", preset, "--timeout", "900"] +
            (["--parallel", str(parallel)] if parallel > 1 else []))
    print(tail(p.stdout, 25))
    log_path = os.path.join(BUILD, preset, "Testing", "Temporary", "LastTest.log")
    with open(log_path, errors="replace") as f:
        log = ANSI.sub("", f.read())
    results = []
    # Each test's output sits between "N/M Testing: name" and "Test Passed."/"Test Failed.".
    for m in re.finditer(r"\d+/\d+ Testing: (\S+)\n(.*?)\n(Test Passed\.|Test Failed\.)", log, re.S):
        name, body, verdict = m.group(1), m.group(2), m.group(3)
        ok = verdict == "Test Passed."
        cases = DOCTEST_CASES.findall(body)
        if cases:
            total, passed, failed = map(int, cases[-1])
            if not ok and failed == 0:
                failed = 1          # crashed after its summary, or exit code non-zero
            asserts = DOCTEST_ASSERTS.findall(body)
            results.append((name, passed, failed, (cases[-1], asserts[-1] if asserts else None)))
        else:
            results.append((name, 1 if ok else 0, 0 if ok else 1, None))
    if not results:
        results.append(("ctest-" + preset, 0, 1, None))
        print(tail(p.stdout))
    return results


def suite_ctest(tally, preset, label):
    if not build(preset):
        tally.add(label, 0, 1, f"{preset} build failed")
        return {}
    doctest = {}
    passed = failed = 0
    for name, p, f, dt in ctest_results(preset):
        passed += p
        failed += f
        if dt:
            doctest[name] = dt
    tally.add(label, passed, failed)
    return doctest


def suite_parity(tally, native, wasm):
    n = native.get("unit_native")
    w = wasm.get("unit_wasm")
    if not n or not w:
        tally.add("parity", 0, 1, "a unit-test run is missing")
    elif n != w:
        tally.add("parity", 0, 1, f"native {n} != wasm {w}")
    else:
        tally.add("parity", 1, 0, f"{n[0][0]} test cases, {n[1][0] if n[1] else '?'} assertions on both")


def start_server(site, data):
    import tempfile
    server = os.path.join(BUILD, "native", "src", "server", "workbench-server")
    proc = subprocess.Popen([server, "--host", "127.0.0.1", "--port", "0", "--site", site,
                             "--data", data], cwd=TOP, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    deadline = time.time() + 20
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        m = re.search(r"listening on (http://\S+)", line)
        if m:
            return proc, m.group(1)
    proc.kill()
    return None, None


def suite_size(tally):
    import tempfile
    site = os.path.join(BUILD, "web", "site")
    with tempfile.TemporaryDirectory() as data:
        proc, url = start_server(site, data)
        if not proc:
            tally.add("size", 0, 1, "server did not start")
            return
        try:
            p = run(["/usr/bin/python3", "scripts/page_size.py", url])
            print(p.stdout.strip())
            m = re.search(r"total transferred: (\d+) bytes", p.stdout)
            if p.returncode == 0 and m and int(m.group(1)) < PAGE_BUDGET:
                tally.add("size", 1, 0, f"{int(m.group(1)) / 1024:.0f} KiB transferred")
            else:
                tally.add("size", 0, 1, "page over budget or not measurable")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def browser_env():
    return dict(os.environ,
                WB_SERVER_BIN=os.path.join(BUILD, "native", "src", "server", "workbench-server"),
                WB_CLI_BIN=os.path.join(BUILD, "native", "src", "cli", "workbench-cli"),
                WB_SITE_DIR=os.path.join(BUILD, "web", "site"),
                WB_ARTIFACTS=ARTIFACTS)


# The size the test run gives each benchmark: enough to exercise every case, quick to seed.
BENCH_SMOKE = {"WB_BENCH_PER_TUTOR": "500", "WB_BENCH_ROUNDS": "1", "WB_BENCH_WHEELS": "40"}


def suite_bench(tally, smoke=True):
    benches = os.path.join(TOP, "tests", "bench")
    files = sorted(f for f in os.listdir(benches) if f.endswith(".bench.mjs")) if os.path.isdir(benches) else []
    os.makedirs(ARTIFACTS, exist_ok=True)
    env = browser_env()
    if smoke:
        env.update({k: v for k, v in BENCH_SMOKE.items() if k not in os.environ})
    for f in files:
        p = run(["node", os.path.join("tests", "bench", f)], env=env, timeout=1800)
        print(tail(p.stdout, 20))
        ratio = re.search(r"ratio peer / shader: (.*)", p.stdout)
        note = f"{f}: {ratio.group(1)}" if ratio else f"{f} did not finish"
        tally.add("bench", 1 if p.returncode == 0 else 0, 0 if p.returncode == 0 else 1, note[:160])


def suite_browser(tally):
    tests = os.path.join(TOP, "tests", "browser")
    files = sorted(f for f in os.listdir(tests) if f.endswith(".test.mjs")) if os.path.isdir(tests) else []
    if not files:
        tally.add("browser", 0, 1, "no browser tests found")
        return
    os.makedirs(ARTIFACTS, exist_ok=True)
    env = browser_env()
    tap = os.path.join(ARTIFACTS, "browser.tap")
    p = run(["node", "--test", "--test-concurrency=1",
             "--test-reporter=spec", "--test-reporter-destination=stdout",
             "--test-reporter=tap", f"--test-reporter-destination={tap}"]
            + [os.path.join("tests", "browser", f) for f in files], env=env, timeout=1800)
    print(tail(p.stdout, 80))
    try:
        with open(tap) as f:
            text = f.read()
        passed = int(re.findall(r"^# pass (\d+)", text, re.M)[-1])
        failed = int(re.findall(r"^# fail (\d+)", text, re.M)[-1])
    except (OSError, IndexError):
        passed, failed = 0, 1
    if p.returncode != 0 and failed == 0:
        failed = 1
    tally.add("browser", passed, failed)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="native,wasm,parity,browser,size,bench")
    ap.add_argument("--bench-full", action="store_true", help="benchmarks at their full size")
    args = ap.parse_args()
    only = set(args.only.split(","))

    tally = Tally()
    started = time.time()
    native = suite_ctest(tally, "native", "native") if "native" in only or "parity" in only else {}
    wasm = suite_ctest(tally, "web", "wasm") if "wasm" in only or "parity" in only else {}
    if "parity" in only:
        suite_parity(tally, native, wasm)
    if "browser" in only:
        suite_browser(tally)
    if "size" in only:
        suite_size(tally)
    if "bench" in only:
        suite_bench(tally, smoke=not args.bench_full)

    passed, failed = tally.totals()
    print(f"\n(all suites took {time.time() - started:.0f} s)")
    for suite, p, f, note in tally.rows:
        print(f"  {suite:8} {p:5} passed {f:4} failed  {note}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

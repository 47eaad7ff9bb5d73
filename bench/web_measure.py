#!/usr/bin/python3
"""The browser build's figures, added to build/bench/results.json (bench/run calls this
after bench/measure.py):

  web_first_frame_ms  navigation start to the first frame drawn, headless Chromium
                      (SwiftShader WebGL 2), 820x1180 at device pixel ratio 2, a fresh
                      profile each time (nothing cached), served from this machine; median
  web_first_frame_vs_imgui_example
                      the same, divided by Dear ImGui's own emscripten example's (built by
                      bench/peers/web_imgui_example.sh from Debian's imgui source, loaded in
                      the same browser, the two taking turns); median of per-run ratios
  web_wasm_bytes      lungguide.wasm compressed with gzip -9 (what a server sends)
  web_wasm_bytes_vs_imgui_example
                      the same, divided by the example's .wasm compressed the same way
  web_search_p99_ms   search inside the page, typed key by key: every prefix of the native
                      search benchmark's 30 queries (bench/typed_queries.cpp), timed in the
                      page around the search the search screen runs; 99th percentile over
                      every keystroke of all rounds
"""
import gzip
import json
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
RESULTS = ROOT / "build" / "bench" / "results.json"
RUNS = 5
SEARCH_ROUNDS = 5
# name: (unit, budget); None: reported, no budget.
BUDGETS = {"web_first_frame_ms": ("ms", 4000),
           "web_first_frame_vs_imgui_example": ("x", None),
           "web_wasm_bytes": ("bytes", 1500000),
           "web_wasm_bytes_vs_imgui_example": ("x", None),
           "web_search_p99_ms": ("ms", 5)}

sys.path.insert(0, str(ROOT / "tests" / "web"))
from browser import Browser, Server  # noqa: E402


def typed_keystrokes():
    """Every prefix of the queries the native search benchmark types (one home: the C++)."""
    source = (ROOT / "bench" / "typed_queries.cpp").read_text()
    block = source[source.index("typed_queries()"):source.index("return queries;")]
    queries = re.findall(r'"((?:[^"\\]|\\.)*)"', block)
    if len(queries) != 30:
        sys.exit(f"bench/typed_queries.cpp: expected 30 typed queries, read {len(queries)}")
    return [query[:end] for query in queries for end in range(1, len(query) + 1)]


def first_frame(origin, path):
    profile = pathlib.Path(tempfile.mkdtemp(prefix="lungguide-bench-profile-"))
    browser = Browser(profile, 820, 1180)
    try:
        browser.driver.get(origin + path)
        browser.wait_until("return typeof Module === 'object' && Module.lungguideFirstFrameMs > 0",
                           "the first frame")
        return browser.js("return Module.lungguideFirstFrameMs")
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def search_times(origin):
    """Milliseconds of each keystroke's search, in the page."""
    profile = pathlib.Path(tempfile.mkdtemp(prefix="lungguide-bench-profile-"))
    browser = Browser(profile, 820, 1180)
    try:
        browser.open(origin + "/#search")
        keystrokes = typed_keystrokes()
        browser.js("Module.ccall('lungguide_web_search_ms', 'number', ['string'], ['warm'])")
        return browser.js("""
            const [keystrokes, rounds] = arguments;
            const times = [];
            for (let round = 0; round < rounds; ++round)
                for (const typed of keystrokes)
                    times.push(Module.ccall('lungguide_web_search_ms', 'number', ['string'], [typed]));
            return times;""", keystrokes, SEARCH_ROUNDS)
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def measure():
    print("building the browser version (platform/web/build.sh) ...", flush=True)
    subprocess.run([str(ROOT / "platform/web/build.sh"), str(ROOT / "build")], check=True,
                   stdout=subprocess.DEVNULL)
    print("building Dear ImGui's emscripten example (bench/peers/web_imgui_example.sh) ...",
          flush=True)
    subprocess.run([str(ROOT / "bench/peers/web_imgui_example.sh"), str(ROOT / "build")],
                   check=True, stdout=subprocess.DEVNULL)
    site = ROOT / "build" / "web"
    example = ROOT / "build" / "web-imgui-example"
    wasm = len(gzip.compress((site / "lungguide.wasm").read_bytes(), 9))
    example_wasm = len(gzip.compress((example / "index.wasm").read_bytes(), 9))
    values = {"web_wasm_bytes": wasm, "web_wasm_bytes_vs_imgui_example": wasm / example_wasm}
    server, peer = Server(site), Server(example)
    ours, theirs, ratios = [], [], []
    try:
        for _ in range(RUNS):  # taking turns, so both meet the same load
            ours.append(first_frame(server.origin, "/#home"))
            theirs.append(first_frame(peer.origin, "/index.html"))
            ratios.append(ours[-1] / theirs[-1])
        times = sorted(search_times(server.origin))
    finally:
        server.stop()
        peer.stop()
    values["web_first_frame_ms"] = statistics.median(ours)
    values["web_first_frame_vs_imgui_example"] = statistics.median(ratios)
    values["web_search_p99_ms"] = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"  first frames: LungGuide {statistics.median(ours):.0f} ms, the example "
          f"{statistics.median(theirs):.0f} ms; gzip'd wasm {wasm} and {example_wasm} bytes; "
          f"search p50 {times[len(times) // 2]:.3f} ms over {len(times)} keystrokes")
    return values


def report(values):
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"metrics": []}
    metrics = [m for m in results["metrics"] if m["name"] not in BUDGETS]
    for name, (unit, budget) in BUDGETS.items():
        value = values.get(name)
        ok = value is not None and (budget is None or value <= budget)
        metrics.append({"name": name, "value": value, "unit": unit, "budget": budget, "ok": ok})
        shown = f"{value:>14.3f}" if isinstance(value, float) and value < 100 else f"{value:>14.0f}"
        limit = "report" if budget is None else "<= " + str(budget)
        print(f"{name:<34}{shown}  {unit:<7}{limit:>9}  {'ok' if ok else 'NO'}")
    results["metrics"] = metrics
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    return all(m["ok"] for m in metrics if m["name"] in BUDGETS)


if __name__ == "__main__":
    sys.exit(0 if report(measure()) else 1)

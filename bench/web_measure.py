#!/usr/bin/python3
"""The browser build's figures, added to build/bench/results.json (bench/run calls this
after bench/measure.py):

  web_first_frame_ms  navigation start to the first frame drawn, headless Chromium
                      (SwiftShader WebGL 2), 820x1180 at device pixel ratio 2, a fresh
                      profile each time (nothing cached), served from this machine; median
  web_wasm_bytes      lungguide.wasm compressed with gzip -9 (what a server sends)
"""
import gzip
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[1]
RESULTS = ROOT / "build" / "bench" / "results.json"
RUNS = 3
BUDGETS = {"web_first_frame_ms": ("ms", 4000), "web_wasm_bytes": ("bytes", 1500000)}

sys.path.insert(0, str(ROOT / "tests" / "web"))
from browser import Browser, Server  # noqa: E402


def measure():
    print("building the browser version (platform/web/build.sh) ...", flush=True)
    subprocess.run([str(ROOT / "platform/web/build.sh"), str(ROOT / "build")], check=True,
                   stdout=subprocess.DEVNULL)
    site = ROOT / "build" / "web"
    values = {"web_wasm_bytes": len(gzip.compress((site / "lungguide.wasm").read_bytes(), 9))}
    server = Server(site)
    times = []
    try:
        for _ in range(RUNS):
            profile = pathlib.Path(tempfile.mkdtemp(prefix="lungguide-bench-profile-"))
            browser = Browser(profile, 820, 1180)
            try:
                browser.open(server.origin + "/#home")
                times.append(browser.js("return Module.lungguideFirstFrameMs"))
            finally:
                browser.quit()
                shutil.rmtree(profile, ignore_errors=True)
    finally:
        server.stop()
    values["web_first_frame_ms"] = statistics.median(times)
    return values


def report(values):
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"metrics": []}
    metrics = [m for m in results["metrics"] if m["name"] not in BUDGETS]
    for name, (unit, budget) in BUDGETS.items():
        value = values.get(name)
        ok = value is not None and value <= budget
        metrics.append({"name": name, "value": value, "unit": unit, "budget": budget, "ok": ok})
        print(f"{name:<31}{value:>14.0f}  {unit:<7}{'<= ' + str(budget):>9}  {'ok' if ok else 'NO'}")
    results["metrics"] = metrics
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    return all(m["ok"] for m in metrics if m["name"] in BUDGETS)


if __name__ == "__main__":
    sys.exit(0 if report(measure()) else 1)

"""Every LungGuide figure, measured the same way every time. Run it as bench/run.

Builds a Release tree in build-bench/, runs each benchmark several times, takes the median,
prints a table of figure, value, budget and ok, and writes build/bench/results.json as
{"metrics":[{"name":..,"value":..,"unit":..,"budget":..,"ok":..}]}.
Exits 1 when a budget does not hold. Not part of tools/test: timings belong here.
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build-bench")
BIN = os.path.join(BUILD, "bin")
RESULTS = os.path.join(ROOT, "build", "bench", "results.json")
RUNS = int(os.environ.get("LUNGGUIDE_BENCH_RUNS", "5"))

# name: (unit, budget or None for "report", comparison)
BUDGETS = {
    "search_p50_ms": ("ms", None),
    "search_p99_ms": ("ms", 1.0),
    "search_1000x_p50_ms": ("ms", None),
    "search_1000x_p99_ms": ("ms", 10.0),
    "search_1000x_over_shipped_p99": ("ratio", None),
    "typo_p99_ms": ("ms", None),
    "typo_1000x_p99_ms": ("ms", None),
    "first_frame_gl3_ms": ("ms", 250.0),
    "first_frame_es3_ms": ("ms", 250.0),
    "idle_frames_5s": ("frames", 15),
    "frame_cpu_ms": ("ms", 2.0),
    "frame_gl_submit_cpu_ms": ("ms", None),
    "peak_rss_mb": ("MB", None),
    "pack_bytes": ("bytes", None),
    "binary_bytes": ("bytes", None),
}


def run(command, **options):
    return subprocess.run(command, check=True, text=True, capture_output=True, **options)


def build():
    print("building Release in build-bench/ ...", flush=True)
    subprocess.run(["cmake", "-S", ROOT, "-B", BUILD, "-DCMAKE_BUILD_TYPE=Release"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", BUILD, "-j", str(os.cpu_count() or 2)],
                   check=True, stdout=subprocess.DEVNULL)


def metric_lines(text):
    """Lines of the form 'name value' printed by our benchmark programs."""
    found = {}
    for line in text.splitlines():
        match = re.match(r"^([a-z0-9_]+)\s+([0-9.eE+-]+)\s*$", line.strip())
        if match:
            found[match.group(1)] = float(match.group(2))
    return found


def median_of_runs(command, names, environment=None):
    samples = {name: [] for name in names}
    for _ in range(RUNS):
        found = metric_lines(run(command, env=environment).stdout)
        for name in names:
            if name in found:
                samples[name].append(found[name])
    return {name: statistics.median(values) for name, values in samples.items() if values}


class VirtualDisplay:
    """An Xvfb server of our own, so the app has a screen but nothing else runs on it."""

    def __enter__(self):
        for number in range(90, 140):
            if not os.path.exists(f"/tmp/.X11-unix/X{number}") and \
                    not os.path.exists(f"/tmp/.X{number}-lock"):
                break
        self.display = f":{number}"
        self.process = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1280x800x24",
                                         "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                break
            time.sleep(0.05)
        time.sleep(0.2)
        return self

    def environment(self):
        environment = dict(os.environ)
        environment["DISPLAY"] = self.display
        return environment

    def __exit__(self, *unused):
        self.process.terminate()
        self.process.wait()


def app_stats(display, arguments):
    folder = tempfile.mkdtemp(prefix="lungguide-bench-")
    try:
        stats_path = os.path.join(folder, "stats.json")
        run([os.path.join(BIN, "lungguide"), "--data-dir", folder, "--stats", stats_path]
            + arguments, env=display.environment(), timeout=120)
        with open(stats_path) as file:
            return json.load(file)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure():
    values = {}
    search_bench = os.path.join(BIN, "lungguide-search-bench")
    # The search bench types realistic queries key by key on the shipped pack and on a
    # generated pack 1000x larger; its names are mapped onto ours here.
    search_names = {"shipped_search_p50_ms": "search_p50_ms",
                    "shipped_search_p99_ms": "search_p99_ms",
                    "large_search_p50_ms": "search_1000x_p50_ms",
                    "large_search_p99_ms": "search_1000x_p99_ms",
                    "shipped_typo_p99_ms": "typo_p99_ms",
                    "large_typo_p99_ms": "typo_1000x_p99_ms"}
    for name, value in median_of_runs([search_bench], list(search_names)).items():
        values[search_names[name]] = value
    # Both packs are searched in the same process, so this ratio is free of machine noise.
    if values.get("search_p99_ms"):
        values["search_1000x_over_shipped_p99"] = (values["search_1000x_p99_ms"] /
                                                   values["search_p99_ms"])
    with VirtualDisplay() as display:
        for renderer in ("gl3", "es3"):
            samples = [app_stats(display, ["--gl", renderer, "--size", "768x1024",
                                            "--route", "home", "--exit-after", "0.3"])
                       ["first_frame_ms"] for _ in range(RUNS)]
            values[f"first_frame_{renderer}_ms"] = statistics.median(samples)
        # Start-up settles within a fraction of a second; then 5 s with no input at all.
        idle_runs = [app_stats(display, ["--size", "768x1024", "--route", "class/egfr",
                                         "--exit-after", "5.5"]) for _ in range(3)]
        values["idle_frames_5s"] = statistics.median(run["frames_after_settle"] for run in idle_runs)
        values["peak_rss_mb"] = statistics.median(run["peak_rss_kb"] for run in idle_runs) / 1024.0
        # CPU per frame building a screen (GPU excluded), 500 frames back to back. Every
        # screen at a phone and a desktop size is tried once to find the heaviest; that one
        # is then measured again and the median is the figure. GL submission is reported
        # apart: on this machine llvmpipe renders on the CPU, which a phone's GPU would do.
        def frame_bench(route, size):
            return app_stats(display, ["--size", size, "--route", route, "--exit-after", "1",
                                       "--bench-frames", "500"])
        tried = [(frame_bench(route, size)["bench_ui_cpu_ms_per_frame"], route, size)
                 for route in ("home", "class/egfr", "class/vegf", "drug/osimertinib",
                               "search?q=tired", "bookmarks", "settings", "about")
                 for size in ("390x844", "1280x800")]
        _, route, size = max(tried)
        heaviest = [frame_bench(route, size) for _ in range(RUNS)]
        values["frame_cpu_ms"] = statistics.median(
            run["bench_ui_cpu_ms_per_frame"] for run in heaviest)
        values["frame_gl_submit_cpu_ms"] = statistics.median(
            run["render_submit_cpu_ms_per_frame"] for run in heaviest)
        print(f"heaviest screen: {route} at {size}", flush=True)
    values["pack_bytes"] = os.path.getsize(os.path.join(BIN, "lungguide-content.db"))
    values["binary_bytes"] = os.path.getsize(os.path.join(BIN, "lungguide"))
    return values


def report(values):
    metrics = []
    for name, (unit, budget) in BUDGETS.items():
        value = values.get(name)
        ok = value is not None and (budget is None or value <= budget)
        metrics.append({"name": name, "value": value, "unit": unit, "budget": budget, "ok": ok})
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as file:
        json.dump({"date": time.strftime("%Y-%m-%d"), "runs": RUNS, "metrics": metrics},
                  file, indent=2)
    print(f"\n{'figure':<31}{'value':>14}  {'unit':<7}{'budget':>9}  ok")
    for metric in metrics:
        value = "missing" if metric["value"] is None else f"{metric['value']:.3f}".rstrip("0").rstrip(".")
        budget = "report" if metric["budget"] is None else f"<= {metric['budget']}"
        print(f"{metric['name']:<31}{value:>14}  {metric['unit']:<7}{budget:>9}  "
              f"{'ok' if metric['ok'] else 'NO'}")
    print(f"\nmedian of {RUNS} runs; written to {os.path.relpath(RESULTS, ROOT)}")
    return all(metric["ok"] for metric in metrics)


def main():
    build()
    sys.exit(0 if report(measure()) else 1)


if __name__ == "__main__":
    main()

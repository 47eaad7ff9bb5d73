"""Every LungGuide figure, measured the same way every time. Run it as bench/run.

Builds a Release tree in build-bench/, runs each benchmark several times, takes the median,
prints a table of figure, value, budget and ok, and writes build/bench/results.json as
{"metrics":[{"name":..,"value":..,"unit":..,"budget":..,"ok":..}], "peers":[...]}.
Exits 1 when a budget does not hold. Not part of tools/test: timings belong here.

Peers (bench/peers, built here only): search against Xapian (the Kiwix way), plain FTS5 and
a substring scan on the same passages and keystrokes; start-up against Dear ImGui's own GLFW
+ OpenGL 3 example under the same Xvfb. Runs alternate, and each ratio is the median of
per-run ratios, so drift on the shared machine falls on both sides alike.

  bench/run                     everything
  bench/run --only search       search and peers only (--only app: the app and its peer)
  bench/run --skip-large        no 1000x pack (quick, while developing)
  LUNGGUIDE_BENCH_RUNS=1 bench/run ...
"""
import argparse
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
    "search_1000x_p99_ms": ("ms", 3.0),
    "search_1000x_over_shipped_p99": ("ratio", None),
    "typo_p99_ms": ("ms", None),
    "typo_1000x_p99_ms": ("ms", None),
    "first_frame_gl3_ms": ("ms", 250.0),
    "first_frame_es3_ms": ("ms", 250.0),
    "idle_frames_5s": ("frames", 15),
    "frame_cpu_ms": ("ms", 2.0),
    "frame_gl_submit_cpu_ms": ("ms", None),
    "peak_rss_mb": ("MB", 102.5),  # not above 2026-11-27's 102 MB (as rounded then)
    "pack_bytes": ("bytes", 180000),
    "binary_bytes": ("bytes", None),
    # Peers (issue 14): LungGuide's figure over the peer's, from the same process or pair.
    "search_p50_vs_xapian": ("ratio", 0.5),
    "search_p99_vs_xapian": ("ratio", 1.0),
    "search_p50_vs_fts5": ("ratio", 1.0),
    "search_p99_vs_fts5": ("ratio", 1.0),
    "search_p99_vs_scan": ("ratio", 2.0),
    "search_1000x_p50_vs_xapian": ("ratio", 1.0),
    "search_1000x_p99_vs_xapian": ("ratio", 1.0),
    "search_1000x_p50_vs_fts5": ("ratio", 1.0),
    "search_1000x_p99_vs_fts5": ("ratio", 1.0),
    "search_1000x_p99_vs_scan": ("ratio", None),
    "pack_open_1000x_ms": ("ms", 1000.0),  # checked and read: what the first screen waits for
    "search_ready_1000x_ms": ("ms", None),  # open + index: when search can answer
    "first_frame_vs_imgui_example": ("ratio", 1.25),
    "rss_over_imgui_example_mb": ("MB", None),
    # Reading aloud (issue 22): a finger taps Listen once start-up has settled; from the
    # frame that takes the tap to the first sample written to the audio device.
    "speech_first_audio_ms": ("ms", 150.0),
    "speech_frames_per_event": ("frames", None),
}

ENGINES = ("lungguide", "xapian", "fts5", "scan")


def run(command, **options):
    return subprocess.run(command, check=True, text=True, capture_output=True, **options)


def build():
    print("building Release in build-bench/ ...", flush=True)
    subprocess.run(["cmake", "-S", ROOT, "-B", BUILD, "-DCMAKE_BUILD_TYPE=Release",
                    "-DLUNGGUIDE_BENCH_PEERS=ON"],
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


def search_figures(values, work, large_pack):
    search_bench = os.path.join(BIN, "lungguide-search-bench")
    # The search bench types realistic queries key by key on the shipped pack and on a
    # generated pack 1000x larger; its names are mapped onto ours here.
    search_names = {"shipped_search_p50_ms": "search_p50_ms",
                    "shipped_search_p99_ms": "search_p99_ms",
                    "large_search_p50_ms": "search_1000x_p50_ms",
                    "large_search_p99_ms": "search_1000x_p99_ms",
                    "shipped_typo_p99_ms": "typo_p99_ms",
                    "large_typo_p99_ms": "typo_1000x_p99_ms"}
    command = [search_bench] + (["--large-pack", large_pack] if large_pack else ["--skip-large"])
    for name, value in median_of_runs(command, list(search_names)).items():
        values[search_names[name]] = value
    # Both packs are searched in the same process, so this ratio is free of machine noise.
    if values.get("search_p99_ms") and values.get("search_1000x_p99_ms"):
        values["search_1000x_over_shipped_p99"] = (values["search_1000x_p99_ms"] /
                                                   values["search_p99_ms"])

    # Peers: every engine in one process, alternating, on the same keystrokes.
    peer_names = [f"{pack}_{engine}_{figure}_ms" for pack in ("shipped", "large")
                  for engine in ENGINES for figure in ("p50", "p99")]
    ratio_names = {f"{pack}_{figure}_vs_{peer}": f"search_{suffix}{figure}_vs_{peer}"
                   for pack, suffix in (("shipped", ""), ("large", "1000x_"))
                   for figure in ("p50", "p99") for peer in ("xapian", "fts5", "scan")}
    command = [os.path.join(BIN, "lungguide-peer-bench"), "--work", work]
    if large_pack:
        command += ["--large-pack", large_pack]
    found = median_of_runs(command, peer_names + list(ratio_names) +
                           ["large_pack_open_ms", "large_search_ready_ms"])
    for name, ours in ratio_names.items():
        if name in found:
            values[ours] = found[name]
    if "large_pack_open_ms" in found:
        values["pack_open_1000x_ms"] = found["large_pack_open_ms"]
    if "large_search_ready_ms" in found:
        values["search_ready_1000x_ms"] = found["large_search_ready_ms"]
    return [{"pack": "shipped" if pack == "shipped" else "1000x", "engine": engine,
             "p50_ms": found.get(f"{pack}_{engine}_p50_ms"),
             "p99_ms": found.get(f"{pack}_{engine}_p99_ms")}
            for pack in ("shipped", "large") for engine in ENGINES
            if f"{pack}_{engine}_p50_ms" in found]


def example_stats(display, seconds):
    folder = tempfile.mkdtemp(prefix="lungguide-bench-")
    try:
        stats_path = os.path.join(folder, "stats.json")
        environment = display.environment()
        environment["LUNGGUIDE_BENCH_STATS"] = stats_path
        environment["LUNGGUIDE_BENCH_EXIT_AFTER"] = str(seconds)
        run([os.path.join(BIN, "imgui-example-glfw-gl3")], env=environment, timeout=120,
            cwd=folder)
        with open(stats_path) as file:
            return json.load(file)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def cpu_ticks(pid):
    """utime + stime of a process, all threads (as tests/ui/real_input.sh reads them)."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(") ", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_until_idle(process, seconds=15.0):
    """Until the app has used no CPU for three polls in a row: it sleeps, waiting for input."""
    previous, quiet, deadline = -1, 0, time.time() + seconds
    while time.time() < deadline:
        ticks = cpu_ticks(process.pid)
        quiet = quiet + 1 if ticks == previous else 0
        if quiet >= 3:
            return
        previous = ticks
        time.sleep(0.1)
    raise RuntimeError("the app never went idle")


def listen_control(display, words_file):
    """Where the screen shows "Listen", found by OCR on a shot of the display."""
    shot = words_file + ".png"
    run(["import", "-display", display.display, "-window", "root", shot])
    words = run(["tesseract", shot, "stdout", "tsv"], env=display.environment()).stdout
    for line in words.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) == 12 and fields[11].strip() == "Listen":
            left, top, width, height = (int(value) for value in fields[6:10])
            return left + width // 2, top + height // 2
    raise RuntimeError("no Listen control on the screen")


def speech_run(display):
    """One tap on EGFR's "How they work" Listen, with eSpeak NG into the silent output (a
    sound card's pace, without one: this machine has none)."""
    folder = tempfile.mkdtemp(prefix="lungguide-bench-")
    try:
        stats_path = os.path.join(folder, "stats.json")
        environment = display.environment()
        environment["LUNGGUIDE_AUDIO_DEVICE"] = "silent"
        app = subprocess.Popen([os.path.join(BIN, "lungguide"), "--data-dir", folder,
                                "--stats", stats_path, "--size", "768x1024",
                                "--route", "class/egfr", "--exit-after", "60"], env=environment)
        try:
            finger = os.path.join(BIN, "x11_finger")
            run([finger, "wait"], env=environment)
            wait_until_idle(app)  # start-up settled and the speech engine loaded
            x, y = listen_control(display, os.path.join(folder, "words"))
            run([finger, "tap", str(x), str(y)], env=environment)
            time.sleep(3.0)  # a few sentences, with their events and frames
            run([finger, "close"], env=environment)
            app.wait(timeout=30)
        finally:
            if app.poll() is None:
                app.kill()
        with open(stats_path) as file:
            return json.load(file)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def speech_figures(values, display):
    runs = [speech_run(display) for _ in range(RUNS)]
    firsts = [run["speech_first_audio_ms"] for run in runs]
    if min(firsts) < 0:
        raise RuntimeError(f"a tap did not start reading aloud: {firsts}")
    values["speech_first_audio_ms"] = statistics.median(firsts)
    values["speech_frames_per_event"] = statistics.median(
        run["frames_while_reading"] / max(1, run["speech_events"]) for run in runs)


def app_figures(values):
    apps = []
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
        # Side by side with Dear ImGui's bare example: its window size (1280x720), GL3, the
        # same run length, alternating which goes first.
        pairs = []
        for index in range(RUNS):
            ours = lambda: app_stats(display, ["--gl", "gl3", "--size", "1280x720",
                                               "--route", "home", "--exit-after", "3"])
            theirs = lambda: example_stats(display, 3)
            pair = (ours(), theirs()) if index % 2 == 0 else tuple(reversed((theirs(), ours())))
            pairs.append(pair)
        values["first_frame_vs_imgui_example"] = statistics.median(
            ours["first_frame_ms"] / theirs["first_frame_ms"] for ours, theirs in pairs)
        values["rss_over_imgui_example_mb"] = statistics.median(
            (ours["peak_rss_kb"] - theirs["peak_rss_kb"]) / 1024.0 for ours, theirs in pairs)
        for side, name in ((0, "LungGuide"), (1, "Dear ImGui example")):
            apps.append({"app": name,
                         "first_frame_ms": statistics.median(p[side]["first_frame_ms"] for p in pairs),
                         "frames_after_settle_3s": statistics.median(
                             p[side]["frames_after_settle"] for p in pairs),
                         "peak_rss_mb": statistics.median(p[side]["peak_rss_kb"] for p in pairs) / 1024.0})
        # CPU per frame building a screen (GPU excluded), up to 500 frames back to back in
        # the second the run lasts. Each is a whole frame, drawn, submitted and presented
        # as a finger keeping the screen busy would have it (the Runner's one frame
        # function; before 2026-12-06 the UI alone was built, with a warmer cache). Every
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
        speech_figures(values, display)
    return apps


def measure(options):
    values = {}
    peers = {"search": [], "apps": []}
    work = tempfile.mkdtemp(prefix="lungguide-bench-work-")
    try:
        if options.only in (None, "search"):
            large_pack = None
            if not options.skip_large:
                large_pack = os.path.join(work, "large.db")
                run([os.path.join(BIN, "lungguide-synthetic-pack"), "--factor", "1000",
                     "--output", large_pack])
            peers["search"] = search_figures(values, work, large_pack)
        if options.only in (None, "app"):
            peers["apps"] = app_figures(values)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    values["pack_bytes"] = os.path.getsize(os.path.join(BIN, "lungguide-content.db"))
    values["binary_bytes"] = os.path.getsize(os.path.join(BIN, "lungguide"))
    return values, peers


def print_peers(peers):
    if peers["search"]:
        print(f"\n{'pack':<9}{'engine':<11}{'p50 ms':>9}{'p99 ms':>9}")
        for row in peers["search"]:
            print(f"{row['pack']:<9}{row['engine']:<11}{row['p50_ms']:>9.4f}{row['p99_ms']:>9.4f}")
    if peers["apps"]:
        print(f"\n{'app (1280x720, GL3, 3 s)':<26}{'first frame ms':>15}{'frames after':>13}"
              f"{'peak RSS MB':>12}")
        for row in peers["apps"]:
            print(f"{row['app']:<26}{row['first_frame_ms']:>15.1f}"
                  f"{row['frames_after_settle_3s']:>13.0f}{row['peak_rss_mb']:>12.1f}")


def report(values, peers, partial):
    metrics = []
    for name, (unit, budget) in BUDGETS.items():
        value = values.get(name)
        if value is None and partial:
            continue
        ok = value is not None and (budget is None or value <= budget)
        metrics.append({"name": name, "value": value, "unit": unit, "budget": budget, "ok": ok})
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as file:
        json.dump({"date": time.strftime("%Y-%m-%d"), "runs": RUNS, "metrics": metrics,
                   "peers": peers}, file, indent=2)
    print_peers(peers)
    print(f"\n{'figure':<31}{'value':>14}  {'unit':<7}{'budget':>9}  ok")
    for metric in metrics:
        value = "missing" if metric["value"] is None else f"{metric['value']:.3f}".rstrip("0").rstrip(".")
        budget = "report" if metric["budget"] is None else f"<= {metric['budget']}"
        print(f"{metric['name']:<31}{value:>14}  {metric['unit']:<7}{budget:>9}  "
              f"{'ok' if metric['ok'] else 'NO'}")
    print(f"\nmedian of {RUNS} runs; written to {os.path.relpath(RESULTS, ROOT)}")
    return all(metric["ok"] for metric in metrics)


def main():
    parser = argparse.ArgumentParser(description="Measure every LungGuide figure.")
    parser.add_argument("--only", choices=("search", "app"), help="measure only this part")
    parser.add_argument("--skip-large", action="store_true", help="no 1000x pack")
    options = parser.parse_args()
    build()
    values, peers = measure(options)
    partial = options.only is not None or options.skip_large
    sys.exit(0 if report(values, peers, partial) else 1)


if __name__ == "__main__":
    main()

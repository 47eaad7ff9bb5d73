#!/usr/bin/env python3
"""Adds the size of the Debian packages to build/bench/results.json: deb_bytes_amd64 and
deb_bytes_arm64, each the lungguide and lungguide-cli packages together (what installing
the app downloads). Builds them with tools/package (incremental when nothing changed)."""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "build", "bench", "results.json")


def version():
    with open(os.path.join(ROOT, "packaging", "debian", "changelog")) as file:
        return re.match(r"\S+ \(([^)]+)\)", file.readline()).group(1)


def main():
    subprocess.run([os.path.join(ROOT, "tools", "package"), "amd64", "arm64"], check=True,
                   stdout=subprocess.DEVNULL)
    metrics = []
    for architecture in ("amd64", "arm64"):
        files = sorted(glob.glob(os.path.join(
            ROOT, "build-deb", f"lungguide*_{version()}_{architecture}.deb")))
        sizes = {os.path.basename(path): os.path.getsize(path) for path in files}
        total = sum(sizes.values()) if len(sizes) == 2 else None
        metrics.append({"name": f"deb_bytes_{architecture}", "value": total, "unit": "bytes",
                        "budget": None, "ok": total is not None})
        print(f"deb_bytes_{architecture:<22}{total if total else 'missing':>14}  "
              + ", ".join(f"{name} {size}" for name, size in sizes.items()))
    results = {"metrics": []}
    if os.path.exists(RESULTS):
        with open(RESULTS) as file:
            results = json.load(file)
    names = {metric["name"] for metric in metrics}
    results["metrics"] = [m for m in results["metrics"] if m["name"] not in names] + metrics
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as file:
        json.dump(results, file, indent=2)
    return all(metric["ok"] for metric in metrics)


if __name__ == "__main__":
    sys.exit(0 if main() else 1)

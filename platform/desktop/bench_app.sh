#!/bin/bash
# The app's speed figures, measured (not a timed test) under a private Xvfb with Mesa
# llvmpipe, for both renderers:
#   first frame from process start (median of 5 starts), frames drawn during 5 s with no
#   input once start-up settled, UI CPU per frame on every screen (500 frames redrawn
#   back to back; GPU excluded), and peak RSS.
# Usage: bench_app.sh BIN_DIR
set -eu
bin="${1:-build/bin}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../tests/ui/xvfb.sh"
start_private_xvfb
work="$(mktemp -d)"
trap 'rm -rf "$work"; kill "$XVFB_PID" 2>/dev/null' EXIT

value() { sed -nE "s/.*\"$2\": ([0-9.e+-]+).*/\1/p" "$1"; }

for renderer in gl3 es3; do
    echo "== $renderer"
    firsts=()
    for run in 1 2 3 4 5; do
        "$bin/lungguide" --gl "$renderer" --size 768x1024 --route home --data-dir "$work/data" \
            --exit-after 0.5 --stats "$work/start.json"
        firsts+=("$(value "$work/start.json" first_frame_ms)")
    done
    median=$(printf '%s\n' "${firsts[@]}" | sort -n | sed -n 3p)
    echo "first_frame_ms (median of 5): $median   [${firsts[*]}]"

    "$bin/lungguide" --gl "$renderer" --size 768x1024 --route class/egfr --data-dir "$work/data" \
        --exit-after 5.5 --stats "$work/idle.json"
    echo "idle: frames_rendered $(value "$work/idle.json" frames_rendered)," \
         "settled at $(value "$work/idle.json" settled_at_ms) ms," \
         "frames after settling (about 5 s idle): $(value "$work/idle.json" frames_after_settle)," \
         "peak RSS $(value "$work/idle.json" peak_rss_kb) kB"

    heaviest=0
    heaviest_route=""
    for route in home class/egfr class/vegf drug/osimertinib "search?q=tired" bookmarks settings about; do
        for size in 390x844 1280x800; do
            "$bin/lungguide" --gl "$renderer" --size "$size" --route "$route" --data-dir "$work/data" \
                --exit-after 1 --bench-frames 500 --stats "$work/bench.json"
            cpu=$(value "$work/bench.json" bench_ui_cpu_ms_per_frame)
            submit=$(value "$work/bench.json" render_submit_cpu_ms_per_frame)
            rss=$(value "$work/bench.json" peak_rss_kb)
            printf '  %-18s %-9s ui cpu %.3f ms/frame   gl submit %.3f ms/frame   rss %s kB\n' \
                "$route" "$size" "$cpu" "$submit" "$rss"
            if awk -v a="$cpu" -v b="$heaviest" 'BEGIN { exit !(a > b) }'; then
                heaviest=$cpu
                heaviest_route="$route at $size"
            fi
        done
    done
    echo "heaviest screen: $heaviest_route, $heaviest ms UI CPU per frame"
done

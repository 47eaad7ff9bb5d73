#!/bin/bash
# The real event path, end to end: the GLFW app under a private Xvfb, a scripted finger
# (x11_finger) taps the phone top bar's Search button and presses Escape. The app must
# wake from its sleep for the input, draw, navigate, and go back; its stats show where
# it ended and that it drew frames only around the input.
#
# No fixed sleeps: each step waits until the app has gone idle again (its CPU time stops
# growing), so the same script passes on a fast machine and under qemu. Limits scale with
# $LUNGGUIDE_TEST_TIME_SCALE (1 natively; tools/test-arm64 sets more).
set -u
bin="$1"
finger="$2"
source "$(dirname "$0")/xvfb.sh"
start_ui_test
status=0
scale=${LUNGGUIDE_TEST_TIME_SCALE:-1}
exit_after=$((30 * scale)) # a safety net only: each run ends by closing its window

cpu_ticks() { # utime + stime of a process, all threads
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null
}

# Waits until process $1 has used no CPU for 3 polls in a row (it sleeps, waiting for
# input), at most 10 s x scale. Fails if it never settles or has exited.
wait_until_idle() {
    local pid=$1 previous=-1 quiet=0 ticks
    for _ in $(seq 1 $((100 * scale))); do
        ticks=$(cpu_ticks "$pid") || return 1
        [ -n "$ticks" ] || return 1
        if [ "$ticks" = "$previous" ]; then
            quiet=$((quiet + 1))
            [ $quiet -ge 3 ] && return 0
        else
            quiet=0
        fi
        previous=$ticks
        sleep 0.1
    done
    echo "FAIL: the app never went idle" >&2
    return 1
}

wait_for_window() {
    for _ in $(seq 1 "$scale"); do "$finger" wait 2>/dev/null && return 0; done
    echo "FAIL: no LungGuide window appeared" >&2
    return 1
}

start_app() { # renderer stats-file
    "$bin/lungguide" --gl "$1" --size 390x844 --route home --data-dir "$scratch/data-$1" \
        --exit-after "$exit_after" --stats "$2" &
    app=$!
    wait_for_window && wait_until_idle "$app" # from here on, frames happen only because of input
}

close_app() {
    "$finger" close
    wait "$app"
}

for renderer in gl3 es3; do
    start_app "$renderer" "$scratch/tap-$renderer.json" || status=1
    # The top bar's Search button sits at the right edge of a 390 px phone screen.
    "$finger" tap 340 34
    wait_until_idle "$app" || status=1
    close_app
    route=$(sed -nE 's/.*"route": "([^"]*)".*/\1/p' "$scratch/tap-$renderer.json")
    frames=$(sed -nE 's/.*"frames_after_settle": ([0-9]+).*/\1/p' "$scratch/tap-$renderer.json")
    if [ "$route" != "search" ]; then
        echo "FAIL: $renderer: after tapping Search the app was on \"$route\""; status=1
    elif [ "${frames:-0}" -lt 1 ] || [ "${frames:-0}" -gt 60 ]; then
        echo "FAIL: $renderer: drew $frames frames around one tap (want a few, not a loop)"; status=1
    else
        echo "$renderer: tap reached Search, drawing $frames frames for it"
    fi

    start_app "$renderer" "$scratch/back-$renderer.json" || status=1
    "$finger" tap 340 34
    wait_until_idle "$app" || status=1
    # The search box has the keyboard: the first Escape leaves the box, the second goes back.
    "$finger" key Escape
    wait_until_idle "$app" || status=1
    "$finger" key Escape
    wait_until_idle "$app" || status=1
    close_app
    route=$(sed -nE 's/.*"route": "([^"]*)".*/\1/p' "$scratch/back-$renderer.json")
    if [ "$route" != "home" ]; then
        echo "FAIL: $renderer: Escape after Search left the app on \"$route\""; status=1
    else
        echo "$renderer: Escape (twice: box, then page) went back home"
    fi
done
exit $status

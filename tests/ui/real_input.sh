#!/bin/bash
# The real event path, end to end: the GLFW app under a private Xvfb, a scripted finger
# (x11_finger) taps the phone top bar's Search button and presses Escape. The app must
# wake from its sleep for the input, draw, navigate, and go back; its stats show where
# it ended and that it drew frames only around the input.
set -u
bin="$1"
finger="$2"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/xvfb.sh"
start_private_xvfb || exit 1
work="$(mktemp -d)"
trap 'rm -rf "$work"; kill "$XVFB_PID" 2>/dev/null' EXIT
status=0

for renderer in gl3 es3; do
    "$bin/lungguide" --gl "$renderer" --size 390x844 --route home --data-dir "$work/data-$renderer" \
        --exit-after 4 --stats "$work/tap-$renderer.json" &
    app=$!
    "$finger" wait
    sleep 0.8 # let start-up settle: from here on, frames happen only because of input
    # The top bar's Search button sits at the right edge of a 390 px phone screen.
    "$finger" tap 340 34
    sleep 0.5
    wait "$app"
    route=$(sed -nE 's/.*"route": "([^"]*)".*/\1/p' "$work/tap-$renderer.json")
    frames=$(sed -nE 's/.*"frames_after_settle": ([0-9]+).*/\1/p' "$work/tap-$renderer.json")
    if [ "$route" != "search" ]; then
        echo "FAIL: $renderer: after tapping Search the app was on \"$route\""; status=1
    elif [ "${frames:-0}" -lt 1 ] || [ "${frames:-0}" -gt 60 ]; then
        echo "FAIL: $renderer: drew $frames frames around one tap (want a few, not a loop)"; status=1
    else
        echo "$renderer: tap reached Search, drawing $frames frames for it"
    fi

    "$bin/lungguide" --gl "$renderer" --size 390x844 --route home --data-dir "$work/data-$renderer" \
        --exit-after 4 --stats "$work/back-$renderer.json" &
    app=$!
    "$finger" wait
    sleep 0.8
    "$finger" tap 340 34
    sleep 0.3
    # The search box has the keyboard: the first Escape leaves the box, the second goes back.
    "$finger" key Escape
    sleep 0.3
    "$finger" key Escape
    sleep 0.3
    wait "$app"
    route=$(sed -nE 's/.*"route": "([^"]*)".*/\1/p' "$work/back-$renderer.json")
    if [ "$route" != "home" ]; then
        echo "FAIL: $renderer: Escape after Search left the app on \"$route\""; status=1
    else
        echo "$renderer: Escape (twice: box, then page) went back home"
    fi
done
exit $status

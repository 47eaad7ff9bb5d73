#!/bin/bash
# Runs a test program on a private Xvfb display (Mesa llvmpipe). The display is ours only
# once its lock file names our Xvfb: another test starting one on the same number at the
# same moment would otherwise be shared, and stopped under us when that test ends.
# -noreset: the test closes its only connection when it destroys the surface, and an X
# server that resets then refuses the next one for a moment.
set -u
for number in $(seq 140 240); do
    [ -e "/tmp/.X${number}-lock" ] && continue
    Xvfb ":${number}" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
    xvfb=$!
    for _ in $(seq 1 50); do
        [ -e "/tmp/.X11-unix/X${number}" ] && [ -e "/tmp/.X${number}-lock" ] && break
        kill -0 "$xvfb" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$xvfb" 2>/dev/null && [ "$(tr -d ' \n' <"/tmp/.X${number}-lock" 2>/dev/null)" = "$xvfb" ]; then
        trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null' EXIT
        DISPLAY=":${number}" WAYLAND_DISPLAY= "$@"
        exit $?
    fi
    kill "$xvfb" 2>/dev/null
    wait "$xvfb" 2>/dev/null
done
echo "could not start Xvfb" >&2
exit 1

#!/bin/bash
# Without a display the app must not crash: it says so and points at the text reader.
set -u
bin="$1"
output=$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin/lungguide" 2>&1)
code=$?
status=0
if [ "$code" -ne 0 ]; then echo "FAIL: interactive start without a display exited $code"; status=1; fi
echo "$output" | grep -q "no display" || { echo "FAIL: no clear message"; status=1; }
echo "$output" | grep -q "lungguide-cli" || { echo "FAIL: does not point at the text reader"; status=1; }
env -u DISPLAY -u WAYLAND_DISPLAY "$bin/lungguide" --screenshot /tmp/lungguide-no-display.png --size 390x844 >/dev/null 2>&1
code=$?
if [ "$code" -ne 69 ]; then echo "FAIL: a screenshot without a display should exit 69, got $code"; status=1; fi
[ "$status" -eq 0 ] && echo "ok: $(echo "$output" | head -2 | tr '\n' ' ')"
exit $status

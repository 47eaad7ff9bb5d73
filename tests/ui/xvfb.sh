# Sourced by the UI test scripts (and the screenshot scripts of tests/web and platform/):
# a private Xvfb on a free display number, stopped when the calling script exits; and what
# the UI test scripts share around it: a scratch folder, a screenshot with its checks, OCR.

# A private Xvfb on a free display number, stopped when the calling script exits.
start_private_xvfb() {
    local number
    for number in $(seq 120 220); do
        if [ ! -e "/tmp/.X${number}-lock" ] && [ ! -e "/tmp/.X11-unix/X${number}" ]; then
            Xvfb ":${number}" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
            XVFB_PID=$!
            trap 'kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null' EXIT
            for _ in $(seq 1 50); do
                [ -e "/tmp/.X11-unix/X${number}" ] && break
                sleep 0.1
            done
            if kill -0 "$XVFB_PID" 2>/dev/null && [ -e "/tmp/.X11-unix/X${number}" ]; then
                export DISPLAY=":${number}"
                unset WAYLAND_DISPLAY
                return 0
            fi
        fi
    done
    echo "could not start Xvfb" >&2
    return 1
}

# start_ui_test [OUT]: a private Xvfb, and a fresh folder $scratch (a data folder, files of
# the run), both gone when the script exits; OUT, when given, made and emptied of old PNGs.
# Exits the script when there is no Xvfb. $shots and $failures start at 0 for shoot.
start_ui_test() {
    start_private_xvfb || exit 1
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"; kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null' EXIT
    if [ $# -gt 0 ]; then
        mkdir -p "$1"
        rm -f "$1"/*.png
    fi
    shots=0
    failures=0
}

# check_png FILE WxH: says why and fails unless FILE is a PNG of that size with real
# content (anti-aliased text gives hundreds of colours; a blank or clear-only frame 1-3).
check_png() {
    local file="$1" size="$2" info
    if ! info=$(identify -format '%wx%h %k' "$file" 2>/dev/null); then
        echo "FAIL: $file is not a readable PNG"
        return 1
    fi
    local got_size="${info%% *}" colours="${info##* }"
    if [ "$got_size" != "$size" ]; then
        echo "FAIL: $file is $got_size, wanted $size"
        return 1
    fi
    if [ "$colours" -lt 50 ]; then
        echo "FAIL: $file looks blank ($colours colours)"
        return 1
    fi
}

# shoot NAME WxH [APP ARGUMENTS...]: the app ($bin/lungguide) draws one frame at that size
# into $out/NAME.png, counted in $shots; a failure (the app's error, or check_png's) is said
# and counted in $failures.
shoot() {
    local name="$1" size="$2"
    shift 2
    local file="$out/$name.png"
    if ! "$bin/lungguide" --size "$size" --screenshot "$file" "$@" >/dev/null; then
        echo "FAIL: $name: lungguide --size $size $* exited with an error"
        failures=$((failures + 1))
        return
    fi
    shots=$((shots + 1))
    check_png "$file" "$size" || failures=$((failures + 1))
}

# read_back FILE WORDS: tesseract reads WORDS (ignoring case and line breaks) in FILE, or
# says it did not, counted in $failures.
read_back() {
    if tesseract "$1" - 2>/dev/null | tr '\n' ' ' | grep -qi "$2"; then
        echo "OCR found \"$2\" in $(basename "$1")"
    else
        echo "FAIL: OCR did not find \"$2\" in $(basename "$1")"
        failures=$((failures + 1))
    fi
}

# The closing line of a screenshot script, and its status: 0 when nothing failed.
report_shots() {
    echo "$shots screenshots, $failures failures, in $out"
    [ "$failures" -eq 0 ]
}

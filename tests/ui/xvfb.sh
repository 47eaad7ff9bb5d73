# Sourced by the screenshot tests: starts a private Xvfb on a free display number and
# stops it when the calling script exits.
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

#!/bin/bash
# Screenshot tests under Xvfb (Mesa llvmpipe): every screen at every listed size, on
# both renderers (desktop GL 3.3 and GLES 3 via EGL), plus dark, high-contrast and 250%
# text. Each PNG must have the requested size and real content (many colours, not a
# blank clear colour); and the two renderers must draw the same picture.
set -u
bin="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/xvfb.sh"
start_private_xvfb || exit 1
mkdir -p "$out"
rm -f "$out"/*.png

routes=(home class/egfr drug/osimertinib "search?q=tired" bookmarks settings about)
sizes=(390x844 768x1024 1024x768 1280x800 1920x1080)
failures=0
shots=0

check_png() { # file WxH
    local file="$1" size="$2" info
    if ! info=$(identify -format '%wx%h %k' "$file" 2>/dev/null); then
        echo "FAIL: $file is not a readable PNG"; return 1
    fi
    local got_size="${info%% *}" colours="${info##* }"
    if [ "$got_size" != "$size" ]; then echo "FAIL: $file is $got_size, wanted $size"; return 1; fi
    # Anti-aliased text gives hundreds of colours; a blank or clear-only frame has 1-3.
    if [ "$colours" -lt 50 ]; then echo "FAIL: $file looks blank ($colours colours)"; return 1; fi
    return 0
}

shoot() { # renderer size route name [extra args...]
    local renderer="$1" size="$2" route="$3" name="$4"
    shift 4
    local file="$out/$name.png"
    if ! "$bin/lungguide" --gl "$renderer" --size "$size" --route "$route" --screenshot "$file" "$@" >/dev/null; then
        echo "FAIL: lungguide --gl $renderer --size $size --route $route exited with an error"
        failures=$((failures + 1)); return
    fi
    shots=$((shots + 1))
    check_png "$file" "$size" || failures=$((failures + 1))
}

for renderer in gl3 es3; do
    for size in "${sizes[@]}"; do
        for route in "${routes[@]}"; do
            name="${renderer}-${size}-$(echo "$route" | tr '/?=' '---')"
            shoot "$renderer" "$size" "$route" "$name"
        done
    done
    shoot "$renderer" 390x844 class/vegf "${renderer}-phone-dark" --theme dark
    shoot "$renderer" 768x1024 class/egfr "${renderer}-tablet-contrast" --theme high-contrast
    shoot "$renderer" 390x844 class/her2 "${renderer}-phone-250" --text-scale 2.5
done

# Both renderers must draw the same thing (tiny differences from rasterisation allowed).
for size in "${sizes[@]}"; do
    a="$out/gl3-${size}-class-egfr.png"
    b="$out/es3-${size}-class-egfr.png"
    [ -f "$a" ] && [ -f "$b" ] || continue
    difference=$(compare -metric RMSE "$a" "$b" null: 2>&1 | sed -E 's/.*\(([0-9.e-]+)\).*/\1/')
    if awk -v d="$difference" 'BEGIN { exit !(d > 0.02) }'; then
        echo "FAIL: gl3 and es3 differ at $size (normalised RMSE $difference)"
        failures=$((failures + 1))
    fi
done

echo "$shots screenshots, $failures failures, in $out"
[ "$failures" -eq 0 ]

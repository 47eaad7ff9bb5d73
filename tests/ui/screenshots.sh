#!/bin/bash
# Screenshot tests under Xvfb (Mesa llvmpipe): every screen at every listed size (phone,
# tablet upright, tablet on its side, desktop), on both renderers (desktop GL 3.3 and
# GLES 3 via EGL), plus the reading set: the section bar, a jump to a side effect, next
# and previous, and the drawer, across the sizes in light, dark and high contrast at 100 %
# and 250 %. Each PNG must have the requested size and real content (many colours, not a
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
sizes=(390x844 800x1280 1024x768 1280x800 1920x1080)
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

# The reading set (one renderer: the pictures above prove the two agree). A sensible
# subset per size, so every size, theme and both text sizes are covered without a
# full cross product: size route theme scale name.
reading=(
    "390x844  class/egfr#se=heart-rhythm-changes          light         2.5 phone-jump-side-effect-250"
    "390x844  class/trk#se=changes-in-mood                dark          2.5 phone-jump-trk-250-dark"
    "390x844  class/egfr                                  high-contrast 1.0 phone-section-bar-contrast"
    "390x844  class/alk#section=next-previous             light         2.5 phone-next-previous-250"
    "390x844  class/egfr#menu                             dark          2.5 phone-drawer-250-dark"
    "390x844  class/vegf#section=drugs                    light         2.5 phone-drug-tiles-250"
    "800x1280 class/egfr                                  light         1.0 tablet-portrait-section-bar"
    "800x1280 class/egfr#menu                             light         1.0 tablet-portrait-drawer"
    "800x1280 class/ret#section=side-effects              dark          2.5 tablet-portrait-jump-250-dark"
    "800x1280 class/kras#section=next-previous            high-contrast 1.0 tablet-portrait-next-contrast"
    "1280x800 class/egfr#section=side-effects             light         1.0 landscape-jump-side-effects"
    "1280x800 class/met#section=next-previous             dark          1.0 landscape-next-previous-dark"
    "1280x800 class/egfr#menu                             high-contrast 2.5 landscape-drawer-250-contrast"
    "1920x1080 class/braf#se=squamous-cell-skin-cancer    light         1.0 desktop-jump-side-effect"
    "1920x1080 class/her2                                 dark          2.5 desktop-section-bar-250-dark"
    "1920x1080 class/her2#section=next-previous           high-contrast 1.0 desktop-next-contrast"
)
for entry in "${reading[@]}"; do
    read -r size route theme scale name <<<"$entry"
    shoot gl3 "$size" "$route" "reading-$name" --theme "$theme" --text-scale "$scale"
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

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
source "$(dirname "$0")/xvfb.sh"
start_ui_test "$out"

routes=(home class/egfr drug/osimertinib "search?q=tired" bookmarks settings about)
sizes=(390x844 800x1280 1024x768 1280x800 1920x1080)

for renderer in gl3 es3; do
    for size in "${sizes[@]}"; do
        for route in "${routes[@]}"; do
            name="${renderer}-${size}-$(echo "$route" | tr '/?=' '---')"
            shoot "$name" "$size" --gl "$renderer" --route "$route"
        done
    done
    shoot "${renderer}-phone-dark" 390x844 --gl "$renderer" --route class/vegf --theme dark
    shoot "${renderer}-tablet-contrast" 768x1024 --gl "$renderer" --route class/egfr \
        --theme high-contrast
    shoot "${renderer}-phone-250" 390x844 --gl "$renderer" --route class/her2 --text-scale 2.5
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
    shoot "reading-$name" "$size" --gl gl3 --route "$route" --theme "$theme" --text-scale "$scale"
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

report_shots

#!/bin/bash
# Renders the README's screenshots (docs/screenshots/) under a private Xvfb, with a
# sample bookmark so "My bookmarks" is not empty. Usage: make_screenshots.sh BIN_DIR OUT_DIR
set -eu
bin="${1:-build/bin}"
out="${2:-docs/screenshots}"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/../../tests/ui/xvfb.sh"
start_private_xvfb
mkdir -p "$out"
data="$(mktemp -d)"
trap 'rm -rf "$data"; kill "$XVFB_PID" 2>/dev/null' EXIT
"$bin/lungguide-cli" --data-dir "$data" bookmarks add class egfr --note "Questions for the next appointment" >/dev/null
"$bin/lungguide-cli" --data-dir "$data" bookmarks add drug osimertinib >/dev/null
"$bin/lungguide-cli" --data-dir "$data" diary add --severity moderate --note "After lunch" "the runs" >/dev/null
"$bin/lungguide-cli" --data-dir "$data" diary add "lung damage" >/dev/null
"$bin/lungguide-cli" --data-dir "$data" diary add "hiccups" >/dev/null

shot() { # name size route [args...]
    local name="$1" size="$2" route="$3"
    shift 3
    # Each shot gets its own copy: screenshots never change the data they show.
    local copy="$(mktemp -d)"
    cp -r "$data"/. "$copy"/
    "$bin/lungguide" --size "$size" --route "$route" --data-dir "$copy" --screenshot "$out/$name.png" "$@" >/dev/null
    rm -rf "$copy"
}

shot tablet-light-home 800x1280 home --theme light
shot tablet-dark-class-egfr 800x1280 "class/egfr#section=side-effects" --theme dark --gl es3
shot tablet-light-drawer 800x1280 "class/egfr#menu" --theme light
shot landscape-light-class-alk 1280x800 "class/alk" --theme light
shot phone-light-class-egfr 390x844 class/egfr --theme light
shot phone-dark-search-tired 390x844 "search?q=tired" --theme dark
shot phone-light-glossary 390x844 "class/egfr#term=adjuvant" --theme light --gl es3
shot phone-high-contrast-side-effects 390x844 "class/vegf#section=rare-but-serious" --theme high-contrast
shot phone-light-text-250 390x844 "class/egfr#se=heart-rhythm-changes" --theme light --text-scale 2.5
shot phone-light-next-previous-250 390x844 "class/alk#section=next-previous" --theme light --text-scale 2.5
shot landscape-light-bookmarks 1024x768 bookmarks --theme light
shot tablet-light-diary 800x1280 "diary#section=entries" --theme light
shot desktop-light-about 1920x1080 about --theme light
shot tablet-light-listen 800x1280 "class/egfr#listen=side-effects" --theme light
shot phone-light-listen-250 390x844 "class/egfr#listen=how-they-work" --theme light --text-scale 2.5
ls "$out"

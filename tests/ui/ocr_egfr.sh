#!/bin/bash
# OCR: tesseract reads pages back from real screenshots. The EGFR page shows "osimertinib"
# (both renderers); a side-effect route on a phone at 250 % shows that item on the first
# screen; drug tiles at 250 % keep each long name whole ("Ramucirumab", not "Ramuciruma/b").
set -u
bin="$1"
out="$2"
source "$(dirname "$0")/xvfb.sh"
start_ui_test "$out"
status=0
for renderer in gl3 es3; do
    "$bin/lungguide" --gl "$renderer" --size 1280x800 --route class/egfr --screenshot "$out/egfr-$renderer.png" >/dev/null || status=1
    text=$(tesseract "$out/egfr-$renderer.png" - 2>/dev/null)
    if echo "$text" | grep -qi osimertinib; then
        echo "$renderer: tesseract found \"osimertinib\""
    else
        echo "FAIL: $renderer: tesseract did not find \"osimertinib\". It read:"
        echo "$text" | head -40
        status=1
    fi
done
# route, words that must all be read on the first screen (390x844, 250 % text)
checks=(
    "class/egfr#se=heart-rhythm-changes|heart rhythm changes"
    "class/trk#se=changes-in-mood|changes in mood"
    "class/vegf#section=drugs|ramucirumab bevacizumab"
    "class/her2#se=changes-in-heart-function|changes in heart function"
)
index=0
for check in "${checks[@]}"; do
    route="${check%%|*}"
    words="${check#*|}"
    index=$((index + 1))
    file="$out/phone-250-$index.png"
    "$bin/lungguide" --gl gl3 --size 390x844 --text-scale 2.5 --route "$route" --screenshot "$file" >/dev/null || status=1
    text=$(tesseract "$file" - 2>/dev/null | tr '[:upper:]' '[:lower:]' | tr -s ' \n' '  ')
    missing=""
    for word in $words; do
        # A whole word: a split one ("ramuciruma b") would not match.
        echo " $text " | grep -qE "(^|[^a-z])${word}([^a-z]|$)" || missing="$missing $word"
    done
    if [ -z "$missing" ]; then
        echo "$route at 250 %: tesseract read \"$words\" on the first screen"
    else
        echo "FAIL: $route at 250 %: tesseract did not read:$missing. It read:"
        echo "$text" | head -c 600; echo
        status=1
    fi
done
exit $status

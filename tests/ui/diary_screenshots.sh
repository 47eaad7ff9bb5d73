#!/bin/bash
# Screenshots of the caregiver's day under Xvfb, at 390×844 with 250 % text and at 800×1280:
# Mum's symptom diary (the form, and entries with what the page says), a drug page's side
# effects labelled as its class's, a side effect opened from search with its severity on the
# first screen, and the summary's diary. Each PNG must have its size and real content; OCR
# must read what the page says about "the runs", the landed item's severity and the drug
# page's class label.
set -u
bin="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/xvfb.sh"
start_private_xvfb || exit 1
mkdir -p "$out"
rm -f "$out"/*.png
data="$(mktemp -d)"
trap 'rm -rf "$data"; kill "$XVFB_PID" 2>/dev/null' EXIT

cli=("$bin/lungguide-cli" --data-dir "$data")
"${cli[@]}" bookmarks add drug osimertinib --for Mum >/dev/null &&
"${cli[@]}" diary add --for Mum --severity moderate --note "After lunch" "the runs" >/dev/null &&
"${cli[@]}" diary add --for Mum "lung damage" >/dev/null &&
"${cli[@]}" diary add --for Mum "hiccups" >/dev/null ||
    { echo "FAIL: could not seed the diary"; exit 1; }

failures=0
shots=0
shoot() { # size route name scale
    local size="$1" route="$2" name="$3" scale="$4" file info
    file="$out/$name.png"
    if ! "$bin/lungguide" --size "$size" --route "$route" --data-dir "$data" --theme light \
        --text-scale "$scale" --screenshot "$file" >/dev/null 2>&1; then
        echo "FAIL: $name: lungguide exited with an error"; failures=$((failures + 1)); return
    fi
    shots=$((shots + 1))
    info=$(identify -format '%wx%h %k' "$file" 2>/dev/null) || {
        echo "FAIL: $name is not a readable PNG"; failures=$((failures + 1)); return; }
    if [ "${info%% *}" != "$size" ]; then
        echo "FAIL: $name is ${info%% *}, wanted $size"; failures=$((failures + 1))
    elif [ "${info##* }" -lt 50 ]; then
        echo "FAIL: $name looks blank"; failures=$((failures + 1))
    fi
}
read_back() { # file words
    if tesseract "$1" - 2>/dev/null | tr '\n' ' ' | grep -qi "$2"; then
        echo "OCR found \"$2\" in $(basename "$1")"
    else
        echo "FAIL: OCR did not find \"$2\" in $(basename "$1")"; failures=$((failures + 1))
    fi
}

# A phone at 250 % (the form first, entries, a side effect opened at its item) and an upright
# tablet (entries, a drug page's side effects, the summary).
shoot 390x844 "diary?for=Mum" diary-form-390x844 2.5
shoot 390x844 "diary?for=Mum#section=entries" diary-entries-390x844 2.5
shoot 390x844 "class/egfr#se=diarrhea" landed-diarrhea-390x844 2.5
shoot 800x1280 "diary?for=Mum#section=entries" diary-entries-800x1280 1.0
shoot 800x1280 "drug/osimertinib#side-effects" drug-side-effects-800x1280 1.0
shoot 800x1280 "summary?for=Mum" summary-800x1280 1.0
read_back "$out/diary-entries-800x1280.png" "Hiccups: not listed on this page"
read_back "$out/diary-form-390x844.png" "What did"
read_back "$out/landed-diarrhea-390x844.png" "COMMON"
read_back "$out/drug-side-effects-800x1280.png" "Side effects of EGFR inhibitors"

echo "$shots screenshots, $failures failures, in $out"
[ "$failures" -eq 0 ]

#!/bin/bash
# Screenshots of the person-centred bookmarks under Xvfb: the "for whom?" picker, a note on
# a class page, and the in-app summary for the doctor, at 390×844, 800×1280, 1280×800 and
# 1920×1080, each screen in light, dark and high contrast across the sizes, and at 250 %
# on the phone and the portrait tablet. Each PNG must have its size and real content, and
# OCR must read the person's note on the class page and the summary's heading.
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
# Dad first, then Mum: the app opens on Mum, who changed her bookmarks last.
"${cli[@]}" bookmarks add class alk --for Dad --note "Check-up every 3 months" >/dev/null &&
"${cli[@]}" bookmarks add class egfr --for Mum \
    --note "Started in March. Ask Dr Patel whether the rash on her arms is the drug or the new soap." >/dev/null &&
"${cli[@]}" bookmarks add drug osimertinib --for Mum --note "80 mg once a day" >/dev/null ||
    { echo "FAIL: could not seed bookmarks"; exit 1; }

screens=("class/egfr#for-whom picker" "class/egfr#note note" "summary?for=Mum summary")
themes=(light dark high-contrast)
failures=0
shots=0

shoot() { # size route name theme scale
    local size="$1" route="$2" name="$3" theme="$4" scale="$5" file info
    file="$out/$name.png"
    if ! "$bin/lungguide" --size "$size" --route "$route" --data-dir "$data" --theme "$theme" \
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

index=0
for size in 390x844 800x1280 1280x800 1920x1080; do
    for screen in "${screens[@]}"; do
        theme="${themes[$((index % 3))]}"
        shoot "$size" "${screen% *}" "${screen#* }-$size-$theme-100" "$theme" 1.0
        index=$((index + 1))
    done
    index=$((index + 1)) # the next size starts on the next theme
done
for size in 390x844 800x1280; do
    for screen in "${screens[@]}"; do
        theme="${themes[$((index % 3))]}"
        shoot "$size" "${screen% *}" "${screen#* }-$size-$theme-250" "$theme" 2.5
        index=$((index + 1))
    done
done

read_back() { # file word
    if tesseract "$1" - 2>/dev/null | grep -qi "$2"; then
        echo "OCR found \"$2\" in $(basename "$1")"
    else
        echo "FAIL: OCR did not find \"$2\" in $(basename "$1")"; failures=$((failures + 1))
    fi
}
read_back "$(ls "$out"/note-1280x800-*-100.png)" "soap"
read_back "$(ls "$out"/summary-1920x1080-*-100.png)" "doctor's visit"
read_back "$(ls "$out"/picker-390x844-*-100.png)" "for whom"

echo "$shots screenshots, $failures failures, in $out"
[ "$failures" -eq 0 ]

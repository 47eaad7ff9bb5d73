#!/bin/bash
# Screenshots of the person-centred bookmarks under Xvfb: the "for whom?" picker, a note on
# a class page, and the in-app summary for the doctor, at 390×844, 800×1280, 1280×800 and
# 1920×1080, each screen in light, dark and high contrast across the sizes, and at 250 %
# on the phone and the portrait tablet. Each PNG must have its size and real content, and
# OCR must read the person's note on the class page and the summary's heading.
set -u
bin="$1"
out="$2"
source "$(dirname "$0")/xvfb.sh"
start_ui_test "$out"
screens=("class/egfr#for-whom picker" "class/egfr#note note" "summary?for=Mum summary")
themes=(light dark high-contrast)

# Dad first, then Mum: the app opens on Mum, who changed her bookmarks last.
cli=("$bin/lungguide-cli" --data-dir "$scratch")
"${cli[@]}" bookmarks add class alk --for Dad --note "Check-up every 3 months" >/dev/null &&
"${cli[@]}" bookmarks add class egfr --for Mum \
    --note "Started in March. Ask Dr Patel whether the rash on her arms is the drug or the new soap." >/dev/null &&
"${cli[@]}" bookmarks add drug osimertinib --for Mum --note "80 mg once a day" >/dev/null ||
    { echo "FAIL: could not seed bookmarks"; exit 1; }

shoot_screen() { # size "route name" theme scale percent
    shoot "${2#* }-$1-$3-$5" "$1" --route "${2% *}" --data-dir "$scratch" --theme "$3" \
        --text-scale "$4"
}

index=0
for size in 390x844 800x1280 1280x800 1920x1080; do
    for screen in "${screens[@]}"; do
        theme="${themes[$((index % 3))]}"
        shoot_screen "$size" "$screen" "$theme" 1.0 100
        index=$((index + 1))
    done
    index=$((index + 1)) # the next size starts on the next theme
done
for size in 390x844 800x1280; do
    for screen in "${screens[@]}"; do
        theme="${themes[$((index % 3))]}"
        shoot_screen "$size" "$screen" "$theme" 2.5 250
        index=$((index + 1))
    done
done

read_back "$(ls "$out"/note-1280x800-*-100.png)" "soap"
read_back "$(ls "$out"/summary-1920x1080-*-100.png)" "doctor's visit"
read_back "$(ls "$out"/picker-390x844-*-100.png)" "for whom"

report_shots

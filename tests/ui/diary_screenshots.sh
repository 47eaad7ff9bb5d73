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
source "$(dirname "$0")/xvfb.sh"
start_ui_test "$out"
shoot_light() { # size route name scale
    shoot "$3" "$1" --route "$2" --data-dir "$scratch" --theme light --text-scale "$4"
}

seed=("$bin/lungguide-cli" --data-dir "$scratch")
"${seed[@]}" bookmarks add drug osimertinib --for Mum >/dev/null &&
"${seed[@]}" diary add --for Mum --severity moderate --note "After lunch" "the runs" >/dev/null &&
"${seed[@]}" diary add --for Mum "lung damage" >/dev/null &&
"${seed[@]}" diary add --for Mum "hiccups" >/dev/null ||
    { echo "FAIL: could not seed the diary"; exit 1; }

# A phone at 250 % (the form first, entries, a side effect opened at its item) and an upright
# tablet (entries, a drug page's side effects, the summary).
shoot_light 390x844 "diary?for=Mum" diary-form-390x844 2.5
shoot_light 390x844 "diary?for=Mum#section=entries" diary-entries-390x844 2.5
shoot_light 390x844 "class/egfr#se=diarrhea" landed-diarrhea-390x844 2.5
shoot_light 800x1280 "diary?for=Mum#section=entries" diary-entries-800x1280 1.0
shoot_light 800x1280 "drug/osimertinib#side-effects" drug-side-effects-800x1280 1.0
shoot_light 800x1280 "summary?for=Mum" summary-800x1280 1.0
read_back "$out/diary-entries-800x1280.png" "Hiccups: not listed on this page"
read_back "$out/diary-form-390x844.png" "What did"
read_back "$out/landed-diarrhea-390x844.png" "COMMON"
read_back "$out/drug-side-effects-800x1280.png" "Side effects of EGFR inhibitors"

report_shots

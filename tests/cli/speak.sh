#!/usr/bin/env bash
# lungguide-cli speak: the sentences it reads (the app's own), the WAV it writes, and a calm
# message where there is no sound device (issue 22).
source "$(dirname "$0")/support/common.sh" "$1"

# Written to a file: every sentence printed as it is read, then a real WAV.
"$cli" speak class egfr --section side-effects --wav "$scratch/egfr.wav" >"$scratch/out" 2>"$scratch/err" ||
    fail "speak --wav failed: $(cat "$scratch/err")"
[ "$(head -1 "$scratch/out")" = "Common side effects" ] || fail "first sentence: $(head -1 "$scratch/out")"
grep -qx "Diarrhea" "$scratch/out" || fail "the side effects are not all read: $(cat "$scratch/out")"
[ "$(wc -l <"$scratch/out")" -eq "$("$cli" speak class egfr --section side-effects --text shown | wc -l)" ] ||
    fail "--text shown lists other sentences than are read"
python3 - "$scratch/egfr.wav" <<'PY' || fail "the WAV is not 16-bit mono speech"
import sys, wave
with wave.open(sys.argv[1]) as w:
    assert w.getnchannels() == 1 and w.getsampwidth() == 2, (w.getnchannels(), w.getsampwidth())
    seconds = w.getnframes() / w.getframerate()
    assert 4 < seconds < 30, seconds
PY
grep -q "Wrote the speech to" "$scratch/err" || fail "no word about the file written"

# Slower is longer.
"$cli" speak class egfr --section side-effects --rate slower --wav "$scratch/slow.wav" >/dev/null 2>&1
[ "$(stat -c %s "$scratch/slow.wav")" -gt "$(stat -c %s "$scratch/egfr.wav")" ] || fail "slower is not longer"

# What an engine is given: the page's words, abbreviations expanded, names as listed.
"$cli" speak class egfr --text plain | contains "non-small cell lung cancer" || fail "--text plain keeps NSCLC"
"$cli" speak class egfr --text espeak | contains "\[\[" || fail "--text espeak has no phonemes"
"$cli" speak class egfr --section rare-serious --text shown | contains "Rare, but serious side effects" ||
    fail "rare-serious does not read its label"
"$cli" speak drug larotrectinib --text shown | contains "Vitrakvi" || fail "speak drug lacks the corrected brand"
"$cli" speak glossary adjuvant --text shown | head -1 | contains -i "adjuvant" || fail "speak glossary"
"$cli" speak search "diarrhea" --text shown | contains "^Diarrhea: listed as common for" || fail "speak search"

# A summary for a person who has bookmarks; none for someone who has not.
"$cli" --data-dir "$scratch/data" bookmarks add class egfr --for Mum --note "Ask about the rash" >/dev/null
"$cli" --data-dir "$scratch/data" speak summary --for Mum --text shown >"$scratch/summary"
grep -q "Note: Ask about the rash" "$scratch/summary" || fail "the summary lacks Mum's note"
status=0
"$cli" --data-dir "$scratch/data" speak summary --for Nobody --text shown 2>"$scratch/err" || status=$?
[ $status -eq 2 ] || fail "a summary for nobody: exit $status"

# Wrong names: exit 2 and the nearest ids.
status=0
"$cli" speak class egrf 2>"$scratch/err" || status=$?
[ $status -eq 2 ] && grep -q "egfr" "$scratch/err" || fail "unknown class: exit $status, $(cat "$scratch/err")"
status=0
"$cli" speak class egfr --section nausea 2>/dev/null || status=$?
[ $status -eq 2 ] || fail "unknown section: exit $status"

# No sound device: one calm sentence, exit 1, and what to do instead.
status=0
LUNGGUIDE_AUDIO_DEVICE=hw:99 timeout 20 "$cli" speak class egfr --section side-effects \
    >"$scratch/out" 2>"$scratch/err" || status=$?
[ $status -eq 1 ] || fail "no sound device: exit $status"
grep -q "no sound output" "$scratch/err" && grep -q -- "--wav FILE" "$scratch/err" ||
    fail "no sound device message: $(cat "$scratch/err")"
[ ! -s "$scratch/out" ] || fail "sentences printed although nothing was read: $(cat "$scratch/out")"
echo "speak: ok"

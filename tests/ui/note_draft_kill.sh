#!/bin/bash
# A note typed and never saved survives kill -9 of the real app. Under a private Xvfb the
# app opens a bookmarked class page with the cursor in the note ("#note"), a scripted
# keyboard (x11_finger) types, the app is killed with SIGKILL after the draft's short rest,
# and then: the user store holds the draft, the saved note is untouched, and the restarted
# app shows the draft on the page (read back by OCR).
set -u
bin="$1"
finger="$2"
source "$(dirname "$0")/xvfb.sh"
start_ui_test
words="scan on tuesday"
status=0

for renderer in gl3 es3; do
    data="$scratch/data-$renderer"
    "$bin/lungguide-cli" --data-dir "$data" bookmarks add class egfr --for Mum >/dev/null || {
        echo "FAIL: could not seed a bookmark"; exit 1; }
    "$bin/lungguide" --gl "$renderer" --size 390x844 --route "class/egfr#note" --data-dir "$data" \
        >/dev/null 2>&1 &
    app=$!
    "$finger" wait
    sleep 0.8
    for (( index = 0; index < ${#words}; index++ )); do
        character="${words:index:1}"
        [ "$character" = " " ] && character=space
        "$finger" key "$character"
    done
    sleep 2 # the draft rests 0.8 s, then is written
    kill -9 "$app"
    wait "$app" 2>/dev/null

    draft=$(python3 -c 'import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT text FROM note_drafts").fetchall()
print(rows[0][0] if rows else "")' "$data/lungguide-user.sqlite")
    note=$("$bin/lungguide-cli" --data-dir "$data" bookmarks list --for Mum --json)
    if [ "$draft" != "$words" ]; then
        echo "FAIL: $renderer: after kill -9 the store's draft was \"$draft\", typed \"$words\""
        status=1
        continue
    fi
    if echo "$note" | grep -q "tuesday"; then
        echo "FAIL: $renderer: the draft became the saved note without \"Save note\": $note"
        status=1
    fi
    "$bin/lungguide" --gl "$renderer" --size 390x844 --route "class/egfr#note" --data-dir "$data" \
        --screenshot "$scratch/after-$renderer.png" >/dev/null 2>&1 || status=1
    text=$(tesseract "$scratch/after-$renderer.png" - 2>/dev/null)
    if echo "$text" | grep -qi "tuesday"; then
        echo "$renderer: typed, killed with SIGKILL, restarted: the draft \"$words\" is back"
    else
        echo "FAIL: $renderer: the restarted app did not show the draft. OCR read:"
        echo "$text" | head -30
        status=1
    fi
done
exit $status

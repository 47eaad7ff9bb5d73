#!/usr/bin/env bash
# Bookmarks from the command line, the way a new user goes: add, annotate, list, export,
# import, remove, and a summary for the doctor's visit; plus the exit codes scripts rely on.
source "$(dirname "$0")/support/common.sh" "$1"
data="$scratch/data"
run() { "$cli" --data-dir "$data" "$@"; }

# A first add creates a private folder and file.
out=$(run bookmarks add drug osimertinib --for Mum --note "80 mg daily from 1 March")
[ "$out" = "Bookmarked Osimertinib (Tagrisso) for Mum (bookmark 1)." ] || fail "add: $out"
[ "$(stat -c %a "$data")" = 700 ] || fail "folder mode $(stat -c %a "$data")"
[ "$(stat -c %a "$data/lungguide-user.sqlite")" = 600 ] || fail "file mode"
run bookmarks add class EGFR --for Mum >/dev/null
run bookmarks add drug sotorasib --for Dad >/dev/null
run bookmarks add class alk >/dev/null

# The same target for the same person again updates it, never duplicates.
out=$(run bookmarks add drug osimertinib --for mum)
grep -q "(bookmark 1)" <<<"$out" || fail "re-add got another id: $out"
grep -q "already bookmarked" <<<"$out" || fail "re-add not explained: $out"

# Unknown ids and kinds: exit 2, naming the nearest ids, nothing saved.
expect_exit 2 run bookmarks add drug osimertinb --for Mum
grep -q 'no drug with the id "osimertinb". The nearest ids are osimertinib' "$scratch/err" ||
    fail "unknown id message: $(cat "$scratch/err")"
expect_exit 2 run bookmarks add drug Tagrisso
grep -q "its id is osimertinib" "$scratch/err" || fail "brand message: $(cat "$scratch/err")"
expect_exit 2 run bookmarks add page egfr
expect_exit 2 run bookmarks note 99 "x"
grep -q "no bookmark number 99" "$scratch/err" || fail "note 99: $(cat "$scratch/err")"
expect_exit 2 run bookmarks remove 99
expect_exit 2 run bookmarks note abc "x"

# Notes: set, with a line break; control characters are stripped.
run bookmarks note 2 "$(printf 'Ask about the rash\nand the cough\a')" >/dev/null
run bookmarks list --json >"$scratch/list.json"
python3 - "$scratch/list.json" <<'PY' || fail "list --json"
import json, sys
bookmarks = json.load(open(sys.argv[1]))["bookmarks"]
assert [list(b.keys()) for b in bookmarks][0] == [
    "id", "kind", "target", "for", "note", "created", "updated"], bookmarks[0]
by_id = {b["id"]: b for b in bookmarks}
assert len(bookmarks) == 4, bookmarks
assert by_id[1]["kind"] == "drug" and by_id[1]["target"] == "osimertinib"
assert by_id[1]["for"] == "Mum" and by_id[1]["note"] == "80 mg daily from 1 March"
assert by_id[2]["note"] == "Ask about the rash\nand the cough", repr(by_id[2]["note"])
assert by_id[4]["for"] is None and by_id[4]["note"] is None
assert all(b["created"].endswith("Z") and b["updated"] >= b["created"] for b in bookmarks)
assert not any(b.get("missing") for b in bookmarks)
PY
run bookmarks list --for MUM --json | python3 -c '
import json, sys
b = json.load(sys.stdin)["bookmarks"]
assert [x["target"] for x in b] == ["osimertinib", "egfr"], b' || fail "list --for"
run bookmarks list | contains "For Mum:" || fail "text list"
run bookmarks list | contains "Note: Ask about the rash" || fail "text list note"
run bookmarks list --for Nobody | contains "Bookmarks are kept for: Dad, Mum." ||
    fail "empty person list"

# Export, then import into a fresh folder: the same bookmarks, and again no duplicates.
run bookmarks export "$scratch/bookmarks.json" | contains "Exported 4 bookmarks" || fail "export"
[ "$(stat -c %a "$scratch/bookmarks.json")" = 600 ] || fail "export file mode"
other="$scratch/other"
"$cli" --data-dir "$other" bookmarks import "$scratch/bookmarks.json" |
    grep -q "4 new, 0 with notes merged, 0 already here" || fail "import"
"$cli" --data-dir "$other" bookmarks import "$scratch/bookmarks.json" |
    grep -q "0 new, 0 with notes merged, 4 already here" || fail "import again"
strip_ids() { python3 -c '
import json, sys
b = json.load(sys.stdin)["bookmarks"]
print(sorted((x["kind"], x["target"], x["for"] or "", x["note"] or "", x["created"]) for x in b))'; }
[ "$(run bookmarks list --json | strip_ids)" = \
  "$("$cli" --data-dir "$other" bookmarks list --json | strip_ids)" ] || fail "round trip"

# A malformed file: exit 2, a clear message, nothing changed.
before=$(run bookmarks list --json)
printf '{"bookmarks": [{"kind": "drug", "target": "erlotinib"}, {"kind": "drug"' >"$scratch/bad.json"
expect_exit 2 run bookmarks import "$scratch/bad.json"
grep -q "not valid JSON" "$scratch/err" || fail "malformed message: $(cat "$scratch/err")"
grep -q "Nothing was imported" "$scratch/err" || fail "malformed message: $(cat "$scratch/err")"
printf '{"bookmarks": [{"kind": "drug", "target": "erlotinib"}, {"kind": "pill", "target": "x"}]}' \
    >"$scratch/bad.json"
expect_exit 2 run bookmarks import "$scratch/bad.json"
grep -q "Bookmark 2 in the file is of an unknown kind" "$scratch/err" || fail "bad entry message"
expect_exit 2 run bookmarks import "$scratch/does-not-exist.json"
[ "$(run bookmarks list --json)" = "$before" ] || fail "a failed import changed the store"

# The summary for the doctor's visit.
run summary --for Mum --format markdown >"$scratch/summary.md"
grep -q "^# For the doctor's visit: Mum" "$scratch/summary.md" || fail "summary title"
grep -q "^### Osimertinib (Tagrisso)" "$scratch/summary.md" || fail "summary drug"
grep -q "^> 80 mg daily from 1 March" "$scratch/summary.md" || fail "summary note"
grep -q "^## EGFR inhibitors" "$scratch/summary.md" || fail "summary class"
grep -q "^### Rare, but serious side effects" "$scratch/summary.md" || fail "summary rare"
grep -q "Skin problems, nail changes, fatigue" "$scratch/summary.md" || fail "summary common"
grep -q "review our information with your doctor" "$scratch/summary.md" || fail "summary advice"
grep -q "August 27, 2024" "$scratch/summary.md" || fail "summary revision date"
if grep -q "Sotorasib" "$scratch/summary.md"; then fail "Dad's drug in Mum's summary"; fi
run summary --for Dad --format html --output "$scratch/dad.html" | contains "Wrote the summary" ||
    fail "html summary"
grep -q "<!DOCTYPE html>" "$scratch/dad.html" || fail "html page"
grep -q "taken as pills, typically once or twice a day" "$scratch/dad.html" || fail "html how"
expect_exit 2 run summary --for Nobody
grep -q "Bookmarks and diaries are kept for: Dad, Mum" "$scratch/err" || fail "summary nobody"
expect_exit 2 run summary --format pdf

# Remove: the note is shown once more; removing again is a bad request.
out=$(run bookmarks remove 1)
grep -q "Removed bookmark 1: Osimertinib (Tagrisso) for Mum." <<<"$out" || fail "remove: $out"
grep -q "80 mg daily from 1 March" <<<"$out" || fail "remove note: $out"
expect_exit 2 run bookmarks remove 1
run bookmarks check | contains "sound: 3 bookmarks" || fail "check"

# Where the store lives: LUNGGUIDE_DATA_DIR, then XDG_DATA_HOME.
LUNGGUIDE_DATA_DIR="$scratch/from-env" "$cli" bookmarks add class ret >/dev/null
[ -f "$scratch/from-env/lungguide-user.sqlite" ] || fail "LUNGGUIDE_DATA_DIR ignored"
env -u LUNGGUIDE_DATA_DIR XDG_DATA_HOME="$scratch/xdg" "$cli" bookmarks add class ret >/dev/null
[ -f "$scratch/xdg/lungguide/lungguide-user.sqlite" ] || fail "XDG_DATA_HOME ignored"
env -u LUNGGUIDE_DATA_DIR -u XDG_DATA_HOME HOME="$scratch/home" "$cli" bookmarks add class ret \
    >/dev/null
[ -f "$scratch/home/.local/share/lungguide/lungguide-user.sqlite" ] || fail "home default"

# A store folder that can't be made: exit 1 and why.
touch "$scratch/a-file"
expect_exit 1 "$cli" --data-dir "$scratch/a-file/data" bookmarks list
grep -q "is a file, not a folder" "$scratch/err" || fail "blocked folder: $(cat "$scratch/err")"

# A store that is not a database: kept aside, the person told, a fresh store works.
echo "not a database" >"$data/lungguide-user.sqlite"
rm -f "$data/lungguide-user.sqlite-wal" "$data/lungguide-user.sqlite-shm"
run bookmarks list >"$scratch/out" 2>"$scratch/err" || fail "list after damage"
grep -q "started a new, empty one" "$scratch/err" || fail "damage not told: $(cat "$scratch/err")"
aside=$(ls "$data" | grep '\.damaged-' | grep -v -- '-wal$\|-shm$')
[ "$(cat "$data/$aside")" = "not a database" ] || fail "the damaged file was not kept as it was"
run bookmarks import "$scratch/bookmarks.json" | contains "4 new" || fail "re-import after damage"

echo "bookmark commands: ok"

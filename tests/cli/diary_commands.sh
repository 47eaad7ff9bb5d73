#!/usr/bin/env bash
# The symptom diary from the command line, as a caregiver keeps it: add entries in Mum's own
# words, see what the page says about each (her drugs first, rare but serious with the page's
# advice, "not listed" plainly), list them as JSON, remove one, take it to the doctor in the
# summary, carry it in an export, and keep it through a content-pack update.
source "$(dirname "$0")/support/common.sh" "$1"
data="$scratch/data"
run() { "$cli" --data-dir "$data" "$@"; }

run bookmarks add drug osimertinib --for Mum >/dev/null
today=$(date +%F)

out=$(run diary add --for Mum --severity moderate --note "after lunch" the runs)
grep -qF "Added to Mum's diary for $today (entry 1): “the runs”, moderate." <<<"$out" ||
    fail "add: $out"
grep -qF "Diarrhea: listed as common for EGFR inhibitors (Mum's Osimertinib); also for" <<<"$out" ||
    fail "add links: $out"
out=$(run diary add --for mum --date 2024-09-01 "hiccups")
grep -qF "Hiccups: not listed on this page; ask the care team." <<<"$out" || fail "not listed: $out"
out=$(run diary add --for Mum --date 2024-09-02 "lung damage")
grep -qF "RARE BUT SERIOUS: Interstitial lung disease (ILD)/pneumonitis: listed as rare but serious for EGFR inhibitors (Mum's Osimertinib)" <<<"$out" ||
    fail "rare: $out"
grep -qF "The page's advice: For medical questions, we encourage you to review our information with your doctor." <<<"$out" ||
    fail "rare advice: $out"
run diary add --for Dad --severity mild "tired" >/dev/null

# Bad requests: exit 2, nothing saved.
expect_exit 2 run diary add --for Mum --date 2024-02-30 tired
grep -q "is not a day" "$scratch/err" || fail "bad date: $(cat "$scratch/err")"
expect_exit 2 run diary add --for Mum --date 2999-01-01 tired
grep -q "still to come" "$scratch/err" || fail "future date: $(cat "$scratch/err")"
expect_exit 2 run diary add --for Mum --severity awful tired
expect_exit 2 run diary add --for Mum "   "
expect_exit 2 run diary remove 99
grep -q "no diary entry number 99" "$scratch/err" || fail "remove 99: $(cat "$scratch/err")"

run diary list --for Mum --json >"$scratch/mum.json"
python3 - "$scratch/mum.json" "$today" <<'PY' || fail "diary list --json"
import json, sys
entries = json.load(open(sys.argv[1]))["entries"]
today = sys.argv[2]
assert [e["text"] for e in entries] == ["hiccups", "lung damage", "the runs"], entries
for entry in entries:
    for key in ["id", "for", "date", "text", "severity", "listed", "side_effects"]:
        assert key in entry, (key, entry)
    assert entry["for"] == "Mum", entry
runs = entries[2]
assert runs["date"] == today and runs["severity"] == "moderate" and runs["listed"] is True
first = runs["side_effects"][0]
assert first == {"id": "diarrhea", "title": "Diarrhea", "class_id": "egfr",
                 "severity": "common"}, first
assert all(s["severity"] == "common" for s in runs["side_effects"])
assert entries[0]["listed"] is False and entries[0]["side_effects"] == []
assert entries[0]["severity"] is None
assert all(s["severity"] == "rare_serious" for s in entries[1]["side_effects"])
PY
run diary list | contains "Dad's symptom diary:" || fail "text list"
run diary list --for Mum | contains -F "“the runs” · Moderate" || fail "text list entry"

# The summary for the doctor has the diary, by day, with what the page says.
run summary --for Mum --format markdown >"$scratch/summary.md"
grep -q "^## Symptom diary" "$scratch/summary.md" || fail "summary section"
grep -qF "**Mum's words:** “hiccups”" "$scratch/summary.md" || fail "summary words"
grep -qF "Hiccups: not listed on this page; ask the care team." "$scratch/summary.md" ||
    fail "summary not listed"
grep -q "^### Rare but serious" "$scratch/summary.md" || fail "summary rare"
# Someone with a diary and no bookmarks gets a summary too.
run summary --for Dad --format html >"$scratch/dad.html" || fail "summary for a diary only"
grep -q "<h2>Symptom diary</h2>" "$scratch/dad.html" || fail "html diary"

# Export and import: the diary goes along; importing twice doubles nothing.
run bookmarks export "$scratch/export.json" | contains "and 4 diary entries" || fail "export"
"$cli" --data-dir "$scratch/other" bookmarks import "$scratch/export.json" |
    grep -q "Diary: 4 new entries" || fail "import"
"$cli" --data-dir "$scratch/other" bookmarks import "$scratch/export.json" |
    grep -q "0 new entries, 0 with notes merged, 4 already here" || fail "import again"
"$cli" --data-dir "$scratch/other" diary list --for Mum --json | python3 -c '
import json, sys
entries = json.load(sys.stdin)["entries"]
assert [e["text"] for e in entries] == ["hiccups", "lung damage", "the runs"], entries
assert entries[2]["note"] == "after lunch" and entries[2]["side_effects"][0]["class_id"] == "egfr"
' || fail "imported diary"

# A content-pack update: the same page, but EGFR inhibitors no longer list diarrhea. The
# words stay; the links are made again against the new pack, and again with the old one.
cp -r "$(dirname "$0")/../../assets/content" "$scratch/content"
python3 - "$scratch/content/guide.json" <<'PY'
import json, sys
path = sys.argv[1]
guide = json.load(open(path))
guide["content_version"] += ".next"
for drug_class in guide["classes"]:
    if drug_class["id"] == "egfr":
        drug_class["common"]["terms"].remove("diarrhea")
json.dump(guide, open(path, "w"), ensure_ascii=False, indent=1)
PY
"$bin/lungguide-pack-builder" --content "$scratch/content" \
    --source "$(dirname "$0")/../../assets/source/targeted-drug-therapy-nsclc.txt" \
    --output "$scratch/newer.db" --american-words /usr/share/dict/american-english \
    --british-words /usr/share/dict/british-english \
    --more-words /usr/share/hunspell/en_med_glut.dic \
    --signing-key "${LUNGGUIDE_PACK_SIGNING_KEY_FILE:?set by ctest}" >/dev/null ||
    fail "pack builder"
run --pack "$scratch/newer.db" diary list --for Mum --json | python3 -c '
import json, sys
runs = json.load(sys.stdin)["entries"][2]
assert runs["text"] == "the runs" and runs["listed"] is True, runs
assert "egfr" not in [s["class_id"] for s in runs["side_effects"]], runs
' || fail "links after the pack update"
run --pack "$scratch/newer.db" diary list --for Mum | contains -F "Diarrhea: not listed for Mum's drugs" ||
    fail "text after the pack update"
run diary list --for Mum --json | python3 -c '
import json, sys
runs = json.load(sys.stdin)["entries"][2]
assert runs["side_effects"][0]["class_id"] == "egfr", runs
' || fail "links back with the shipped pack"
run bookmarks check | contains "sound: 1 bookmark and 4 diary entries" || fail "check"

# Remove: the words and the note are shown once more.
out=$(run diary remove 1)
grep -qF "Removed diary entry 1 from Mum's diary: $today, “the runs”." <<<"$out" || fail "remove: $out"
grep -q "after lunch" <<<"$out" || fail "remove note: $out"
expect_exit 2 run diary remove 1
echo "diary commands: ok"

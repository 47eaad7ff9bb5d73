#!/usr/bin/env bash
# The text reader as a script or a person uses it: list, show, export, errors, help.
source "$(dirname "$0")/support/common.sh" "$1"

classes=$("$cli" list classes --json | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)["classes"]))')
[ "$classes" = "vegf kras egfr alk ros1 braf ret met her2 trk" ] || fail "class list: $classes"

"$cli" show class egfr --json | python3 -c '
import json, sys
c = json.load(sys.stdin)
assert c["id"] == "egfr" and c["mechanism"], c
ids = [d["id"] for d in c["drugs"]]
assert "osimertinib" in ids and "amivantamab" in ids, ids
assert any(u["biomarker_id"] == "egfr-exon-20" for u in c["uses"])
severities = {s["severity"] for s in c["side_effects"]}
assert severities == {"common", "rare_serious"}, severities
assert all(s["term"] and s["text"] for s in c["side_effects"])
' || fail "show class egfr --json"

"$cli" show drug crizotinib --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["brands"] == ["Xalkori"], d
assert sorted(d["class_ids"]) == ["alk", "met", "ros1"], d
' || fail "show drug crizotinib --json"

"$cli" show drug osimertinib | contains "Tagrisso" || fail "show drug text lacks the brand"
"$cli" show class her2 | contains "Rare, but serious side effects, specific to fam-trastuzumab deruxtecan" ||
    fail "show class her2 text lacks the rare list"

status=0
"$cli" show class egrf 2>"$scratch/err" >/dev/null || status=$?
[ $status -eq 2 ] || fail "unknown class exit $status"
grep -q "egfr" "$scratch/err" || fail "unknown class message does not suggest egfr"
status=0
"$cli" show drug osimertinb 2>"$scratch/err" >/dev/null || status=$?
[ $status -eq 2 ] || fail "unknown drug exit $status"
grep -q "osimertinib" "$scratch/err" || fail "unknown drug message does not suggest osimertinib"

"$cli" export --format markdown >"$scratch/guide.md"
grep -q "^# Targeted Drug Therapy for Non-Small Cell Lung Cancer" "$scratch/guide.md" || fail "export title"
grep -q "Last Revised: August 27, 2024" "$scratch/guide.md" || fail "export revision"
grep -q "osimertinib (Tagrisso) can be given alone" "$scratch/guide.md" || fail "export correction"

for pack in "" "$scratch/missing.db"; do
    [ -z "$pack" ] && continue
    status=0
    "$cli" --pack "$pack" list classes 2>"$scratch/err" || status=$?
    [ $status -eq 1 ] || fail "missing pack exit $status"
    grep -q "missing" "$scratch/err" || fail "missing pack message"
done
echo "not a database" >"$scratch/bad.db"
status=0
"$cli" --pack "$scratch/bad.db" show class egfr 2>"$scratch/err" || status=$?
[ $status -eq 1 ] || fail "bad pack exit $status"
grep -q "not a LungGuide content pack" "$scratch/err" || fail "bad pack message"
head -c 20000 "$bin/lungguide-content.db" >"$scratch/truncated.db"
status=0
LUNGGUIDE_PACK="$scratch/truncated.db" "$cli" list classes 2>"$scratch/err" || status=$?
[ $status -eq 1 ] || fail "truncated pack exit $status"

for command in "" "list" "list classes" "show" "show class" "show drug" "export"; do
    # shellcheck disable=SC2086
    "$cli" $command --help >"$scratch/help" || fail "--help for '$command'"
    grep -qi "usage" "$scratch/help" || fail "--help for '$command' prints no usage"
done
echo "read commands: ok"

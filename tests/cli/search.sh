#!/usr/bin/env bash
# lungguide-cli search, the way scripts and people use it: JSON shape, lay words, typos,
# brands, gene changes, the class filter, kind answers when nothing matches, exit codes.
source "$(dirname "$0")/support/common.sh" "$1"
guide_json="$(cd "$(dirname "$0")/../.." && pwd)/assets/content/guide.json"
# Classes the page lists a side-effect term for (terms given in lower case, exact).
classes_listing() {
    python3 -c '
import json, sys
terms = set(sys.argv[2:])
guide = json.load(open(sys.argv[1]))
print(" ".join(sorted({c["id"] for c in guide["classes"] for k in ("common", "rare_serious")
      for t in c.get(k, {}).get("terms", []) if t.lower() in terms})))' "$guide_json" "$@"
}
side_effect_classes() {
    python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted({i for r in d["results"] if r["kind"] == "side_effect" for i in r["class_ids"]})))'
}

# The JSON shape, exactly.
"$cli" search tired --json >"$scratch/tired.json"
python3 - "$scratch/tired.json" <<'PY' || fail "JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"query", "understood_as", "not_listed", "did_you_mean", "results", "negated",
                  "notes"}, d.keys()
assert d["negated"] == [] and d["notes"] == []
assert d["query"] == "tired" and d["understood_as"] == [] and d["not_listed"] == []
assert d["did_you_mean"] is None
assert d["results"], "no results"
for r in d["results"]:
    assert set(r) == {"kind", "class_ids", "drug_id", "title", "severity", "snippet", "match",
                      "because", "anchor"}, r.keys()
    assert r["kind"] in ("side_effect", "drug", "drug_class", "biomarker", "text")
    assert r["match"] in ("full", "partial", "related", "negated")
    assert isinstance(r["because"], str) and r["because"], r
    assert isinstance(r["class_ids"], list)
    if r["kind"] == "side_effect":
        assert r["severity"] in ("common", "rare_serious") and r["drug_id"] is None
        assert r["anchor"].startswith("se="), r
    else:
        assert r["severity"] is None
PY

# The contract: "match", "not_listed", "did_you_mean", and corrections only of slips.
# A complaint the page does not list comes back in "not_listed", as typed; whatever shares a
# word with it is "partial" or, about the same part of the body, "related"; never "full".
for query in "pale gums" "blue lips" "ringing in the ears"; do
    "$cli" search "$query" --json | python3 -c '
import json, sys
query = sys.argv[1]
d = json.load(sys.stdin)
assert d["not_listed"] == [query], (query, d["not_listed"])
assert all(r["match"] in ("partial", "related") for r in d["results"]), (query, d["results"][:2])
assert d["understood_as"] == [], (query, d["understood_as"])' "$query" || fail "not_listed: $query"
done
# Listed complaints are never "not listed", and their results are full matches first.
for query in "itchy skin" "sore joints" "swollen ankles"; do
    "$cli" search "$query" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["not_listed"] == [], (sys.argv[1], d["not_listed"])
matches = [r["match"] for r in d["results"]]
assert matches and matches[0] == "full", (sys.argv[1], matches)
order = ["full", "negated", "related", "partial"]
assert matches == sorted(matches, key=order.index), matches  # no full after any other' \
        "$query" || fail "listed: $query"
done
# Part listed, part not: both said.
"$cli" search "headache and earache" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["not_listed"] == ["earache"], d["not_listed"]
assert any(r["title"] == "Headache" and r["match"] == "full" for r in d["results"])' ||
    fail "headache and earache"
# A real word is never rewritten; a slip of a real word may be offered, never searched.
"$cli" search "sore joins" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["understood_as"] == [], d["understood_as"]
assert d["did_you_mean"] and "joint" in d["did_you_mean"], d["did_you_mean"]' ||
    fail "sore joins"
out=$("$cli" search "pale gums")
echo "$out" | head -1 | contains '"pale gums" is not listed on this page' || fail "not listed text: $out"
grep -q "review our information with your doctor" <<<"$out" || fail "advice missing: $out"
grep -q "cancer helpline" <<<"$out" || fail "helpline missing: $out"

# Lay words find exactly the classes the page lists the symptom for.
[ -n "$(classes_listing vomiting)" ] || fail "no class lists vomiting: guide.json changed shape?"
[ "$("$cli" search tired --json | side_effect_classes)" = "$(classes_listing fatigue tiredness)" ] ||
    fail "tired"
[ "$("$cli" search being sick --json | side_effect_classes)" = "$(classes_listing vomiting)" ] ||
    fail "being sick"
[ "$("$cli" search "bloody nose" --json | side_effect_classes)" = "$(classes_listing nosebleed)" ] ||
    fail "bloody nose"
[ -n "$("$cli" search tingling --json | side_effect_classes)" ] || fail "tingling found nothing"

# Misspellings are understood and reported.
"$cli" search diarhea --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["understood_as"] == ["diarrhea"], d["understood_as"]
assert any(r["kind"] == "side_effect" for r in d["results"])' || fail "diarhea"
out=$("$cli" search nausia)
grep -q "Showing results for: nausea" <<<"$out" || fail "nausia text: $out"

# Brands, the page's misspelled brands, gene changes.
"$cli" search Tagresso --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["understood_as"] == ["Tagrisso"], d["understood_as"]
assert d["results"][0]["kind"] == "drug" and d["results"][0]["drug_id"] == "osimertinib"' ||
    fail "Tagresso"
"$cli" search Vitrakyi --json | contains '"drug_id": "larotrectinib"' || fail "Vitrakyi"
"$cli" search V600E --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["results"][0]["kind"] == "biomarker" and d["results"][0]["class_ids"] == ["braf"]' ||
    fail "V600E"

# The class filter and --limit.
"$cli" search tired --only-classes egfr,alk --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["results"]
assert all(set(r["class_ids"]) <= {"egfr", "alk"} for r in d["results"]), d["results"]' ||
    fail "--only-classes"
count=$("$cli" search pain --limit 2 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["results"]))')
[ "$count" = 2 ] || fail "--limit 2 gave $count"

# Nothing found: exit 0, said kindly, with the closest words.
expect_exit 0 "$cli" search tird
grep -q "Nothing in this guide matches" "$scratch/out" || fail "no-result text: $(cat "$scratch/out")"
grep -q "Closest words in the guide: .*tired" "$scratch/out" || fail "suggestions: $(cat "$scratch/out")"
expect_exit 0 "$cli" search zzzzqqqq --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["results"] == []' "$scratch/out" ||
    fail "empty JSON results"

# Bad requests: exit 2 with a clear message.
expect_exit 2 "$cli" search tired --only-classes egfr,nope
grep -q 'no drug class with the id "nope"' "$scratch/err" || fail "unknown class: $(cat "$scratch/err")"
expect_exit 2 "$cli" search tired --only-classes ,
expect_exit 2 "$cli" search tired --limit 0
expect_exit 2 "$cli" search

# Hostile input: never a crash or an SQL error, always valid JSON.
for query in '"' "'; DROP TABLE passages; --" 'NEAR(a b)' 'egfr OR *' $'\x01\x1b[2J' \
    "$(printf '\xff\xfe')" "$(head -c 100000 /dev/zero | tr '\0' 'a')"; do
    expect_exit 0 "$cli" search "$query" --json
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$scratch/out" ||
        fail "invalid JSON for a hostile query"
done
# Control characters are not echoed to the terminal.
"$cli" search $'tired\x1b[2J' | contains $'\x1b' && fail "escape sequence echoed"
"$cli" search Bevacizumab --json | contains '"drug_id": "bevacizumab"' || fail "pack harmed"
echo "search CLI: all checks passed"

#!/usr/bin/env bash
# search --mine [--for LABEL]: only the bookmarked classes, counting every class of a
# bookmarked drug.
source "$(dirname "$0")/support/common.sh" "$1"
run() { "$cli" --data-dir "$scratch/data" "$@"; }
classes_found() {
    run search "$@" --json | python3 -c '
import json, sys
print(" ".join(sorted({c for r in json.load(sys.stdin)["results"] for c in r["class_ids"]})))'
}

set +e
run search tired --mine >/dev/null 2>"$scratch/err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "--mine with no bookmarks exited $status"
grep -q "no bookmarks yet" "$scratch/err" || fail "no-bookmarks message: $(cat "$scratch/err")"

run bookmarks add drug crizotinib --for Mum >/dev/null # listed under ALK, ROS1 and MET
run bookmarks add class kras --for Dad >/dev/null
# Without --mine, tiredness is found in classes nobody bookmarked too.
classes_found tired | contains -w egfr || fail "plain search: $(classes_found tired)"
[ "$(classes_found tired --mine)" = "alk kras met ros1" ] || fail "--mine: $(classes_found tired --mine)"
[ "$(classes_found tired --mine --for Mum)" = "alk met ros1" ] || fail "--mine --for Mum"
[ "$(classes_found tired --mine --for dad)" = "kras" ] || fail "--mine --for dad"
[ "$(classes_found tired --mine --only-classes alk,egfr)" = "alk" ] || fail "with --only-classes"
set +e
run search tired --for Mum >/dev/null 2>&1
[ $? -eq 2 ] || fail "--for without --mine should be refused"
run search tired --mine --only-classes egfr >/dev/null 2>&1
[ $? -eq 2 ] || fail "--only-classes outside the bookmarks should be refused"
set -e
echo "search --mine: ok"

#!/usr/bin/env bash
# Crash points (issue 23): LungGuides killed with SIGKILL at chosen system calls, by a
# preloaded shim (support/crash_at.cpp) as SQLite's own crash tests do, while other
# LungGuides hold the store open (support/hold_store.cpp):
#   1. right after the journal's sync (the commit is in the WAL, not yet in the shared
#      index that the holders keep alive): what made the old WAL check set whole stores
#      aside;
#   2. in the middle of the checkpoint that follows each commit;
#   3. at each step of a salvage of a damaged store.
# Requirement: no acknowledged write lost, no store set aside that was not damaged, every
# holder's every read works, and a salvage killed at any step is finished by the next open,
# with one kept-aside file and every bookmark and diary entry back under its own id.
source "$(dirname "$0")/support/common.sh" "$1"
shim="$bin/lungguide-test-crash-at.so"
holder="$bin/lungguide-test-hold-store"
[ -f "$shim" ] && [ -x "$holder" ] || fail "the crash shim or the holder is not built"
# Under the sanitizers (tools/test's second run sets ASAN_OPTIONS) every run is several times
# slower: every other crash point is taken there, all of them in the plain build.
every=1
[ -n "${ASAN_OPTIONS:-}" ] && every=2
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"

# crash CALL FILE AT command…: runs the command, killed at the AT-th CALL on FILE; counts
# the runs that were killed there ($kills), so that a point no run reaches fails the test.
kills=0
crash() {
    local call=$1 file=$2 at=$3 status=0
    shift 3
    { (LD_PRELOAD="$shim" LUNGGUIDE_CRASH_CALL=$call LUNGGUIDE_CRASH_FILE=$file \
        LUNGGUIDE_CRASH_AT=$at exec "$@") >/dev/null 2>>"$scratch/crashed.err"; } 2>/dev/null ||
        status=$?
    [ "$status" = 137 ] && kills=$((kills + 1))
    crash_status=$status
}

holders=()
start_holders() {
    for number in 1 2; do
        "$holder" "$1" >"$scratch/holder-$number.out" 2>"$scratch/holder-$number.err" &
        holders+=($!)
    done
    for number in 1 2; do
        for _ in $(seq 1 200); do
            grep -q holding "$scratch/holder-$number.out" 2>/dev/null && break
            sleep 0.05
        done
    done
}
stop_holders() {
    for pid in "${holders[@]}"; do
        kill -TERM "$pid"
        wait "$pid" || fail "a LungGuide holding the store open saw a read fail: $(cat "$scratch"/holder-*.err)"
    done
    holders=()
}

no_damage_claimed() {
    [ -z "$(ls "$1" | grep '\.damaged-')" ] || fail "$2: a store was set aside: $(ls "$1")"
    ! grep -q "damaged" "$scratch/crashed.err" "$scratch/err" 2>/dev/null ||
        fail "$2: damage was claimed: $(grep -h damaged "$scratch/crashed.err" "$scratch/err")"
}

python3 - "$scratch/import.json" <<'PY'
import json, sys
json.dump({"bookmarks": [{"kind": "drug", "target": "osimertinib", "for": "imported %d" % n,
                          "note": "long note %d " % n + "x" * 3000} for n in range(20)]},
          open(sys.argv[1], "w"))
PY

# 1 and 2: killed after the journal's sync, and mid-checkpoint, with two holders.
data="$scratch/writers"
"$cli" --data-dir "$data" bookmarks add class egfr --for first >/dev/null
start_holders "$data"
acknowledged=()
round=0
for point in "sync sqlite-wal 1" "sync sqlite-wal 2" "write sqlite 1" "write sqlite 3" \
    "sync sqlite 1" "truncate sqlite-wal 1" "sync sqlite-wal 1" "write sqlite 2"; do
    round=$((round + 1))
    [ $((round % every)) = 0 ] || [ "$every" = 1 ] || continue
    # A large change killed at that point, a small one killed there too, then one that
    # finishes: the holders keep SQLite's shared index of the WAL alive throughout.
    kills=0
    crash $point "$cli" --data-dir "$data" bookmarks import "$scratch/import.json"
    crash $point "$cli" --data-dir "$data" bookmarks add drug osimertinib --for "small $round" \
        --note "note $round"
    # The small change may finish before that point: then it is acknowledged like any other.
    [ "$crash_status" = 0 ] && acknowledged+=("small $round")
    [ "$kills" -ge 1 ] || fail "no run reached the crash point '$point'"
    expect_exit 0 "$cli" --data-dir "$data" bookmarks add drug osimertinib --for "saved $round" \
        --note "note $round"
    acknowledged+=("saved $round")
    no_damage_claimed "$data" "after a kill at '$point'"
done
stop_holders
expect_exit 0 "$cli" --data-dir "$data" bookmarks check
expect_exit 0 "$cli" --data-dir "$data" bookmarks list --json
for label in "${acknowledged[@]}"; do
    grep -qF "\"for\":\"$label\",\"note\":\"note ${label#* }\"" "$scratch/out" ||
        fail "an acknowledged bookmark ($label) is missing after the kills"
done
no_damage_claimed "$data" "at the end"

# 3: a salvage killed at each of its steps, then finished by the next open.
good="$scratch/good"
for number in $(seq 1 12); do
    "$cli" --data-dir "$good" bookmarks add drug osimertinib --for "person $number" \
        --note "note $number" >/dev/null
done
"$cli" --data-dir "$good" bookmarks remove 12 >/dev/null # the sequence runs past the last id
for number in 1 2 3; do
    "$cli" --data-dir "$good" diary add --for "person $number" --date "2024-09-0$number" \
        --severity mild --note "diary note $number" "the runs $number" >/dev/null
done
"$cli" --data-dir "$good" diary remove 3 >/dev/null
"$cli" --data-dir "$good" bookmarks list --json >"$scratch/good.json"
"$cli" --data-dir "$good" diary list --json >"$scratch/good-diary.json"
python3 - "$good/lungguide-user.sqlite" "$scratch/damaged.sqlite" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.find(b'CREATE TABLE "bookmarks"')
assert 0 <= at < 4096
data[at + 7] = ord("X")  # one byte: SQLite itself now reads no table at all
open(sys.argv[2], "wb").write(data)
PY
for point in "write *salvage- 1" "write *salvage- 4" "sync *salvage- 1" "rename *damaged- 1" \
    "rename *damaged- 2" "rename *damaged- 3" "rename *salvage- 1"; do
    step=$((${step:-0} + 1))
    [ $((step % every)) = 1 ] || [ "$every" = 1 ] || continue
    data="$scratch/salvage-$(echo "$point" | tr -c 'a-z0-9' '-')"
    mkdir -p "$data"
    cp "$scratch/damaged.sqlite" "$data/lungguide-user.sqlite"
    kills=0
    crash $point "$cli" --data-dir "$data" bookmarks list
    [ "$kills" = 1 ] || fail "the salvage never reached the crash point '$point'"
    set +e
    "$cli" --data-dir "$data" bookmarks check >"$scratch/check.out" 2>"$scratch/check.err"
    status=$?
    set -e
    if [ "$status" = 1 ]; then
        grep -q "Damaged: set aside, 11 of 11 bookmarks and 2 of 2 diary entries recovered" \
            "$scratch/check.out" ||
            fail "check after a salvage killed at '$point': $(cat "$scratch/check.out" "$scratch/check.err")"
    else
        [ "$status" = 0 ] || fail "check after '$point' exited $status: $(cat "$scratch/check.err")"
        grep -q "11 of 11 bookmarks and 2 of 2 diary entries were recovered from it" \
            "$scratch/check.out" ||
            fail "check after '$point' does not list the kept file: $(cat "$scratch/check.out")"
    fi
    kept=$(ls "$data" | grep '\.damaged-.*\.sqlite$' || true)
    [ "$(echo "$kept" | grep -c .)" = 1 ] || fail "after '$point': kept-aside files: $(ls "$data")"
    cmp -s "$data/$kept" "$scratch/damaged.sqlite" || fail "after '$point': the kept file changed"
    [ -z "$(ls "$data" | grep salvage-)" ] || fail "after '$point': left behind: $(ls "$data")"
    "$cli" --data-dir "$data" bookmarks list --json >"$scratch/after.json"
    cmp -s "$scratch/after.json" "$scratch/good.json" ||
        fail "after '$point' the bookmarks differ: $(cat "$scratch/after.json")"
    "$cli" --data-dir "$data" diary list --json >"$scratch/after-diary.json"
    cmp -s "$scratch/after-diary.json" "$scratch/good-diary.json" ||
        fail "after '$point' the diary differs: $(cat "$scratch/after-diary.json")"
    "$cli" --data-dir "$data" bookmarks add class egfr >"$scratch/out"
    grep -q "(bookmark 13)" "$scratch/out" || fail "after '$point' a used id came back: $(cat "$scratch/out")"
    "$cli" --data-dir "$data" diary add --date 2024-09-04 tired >"$scratch/out"
    grep -q "(entry 4)" "$scratch/out" || fail "after '$point' a used diary id came back: $(cat "$scratch/out")"
done
echo "crash points: ok"

#!/usr/bin/env bash
# kill -9 at any moment never loses a bookmark or a diary entry whose add reported success,
# and never corrupts the store.
#
# Runs the CLI hundreds of times, each a single add of a bookmark or a diary entry (or an
# import of 40 bookmarks and 5 diary entries, which must land whole or not at all), and kills it with SIGKILL after a random delay spread
# over the run's whole lifetime: before the store is opened, mid-transaction, during the
# commit's fsync, after the commit. Then checks that every bookmark reported saved (exit 0)
# is there with its note, that every import is all or nothing, that no store was ever
# found damaged and set aside, and that PRAGMA integrity_check passes.
#
# Sized to about a minute: LUNGGUIDE_KILL_ITERATIONS (default 500) runs, stopping early
# after LUNGGUIDE_KILL_SECONDS (default 50). A store holds at most 5,000 bookmarks
# (bookmarks_max_count), and 500 runs add at most 4,400, so no run meets that limit.
# LUNGGUIDE_KILL_SEED repeats a run exactly.
set -uo pipefail
bin=$1
cli="$bin/lungguide-cli"
iterations=${LUNGGUIDE_KILL_ITERATIONS:-500}
budget_seconds=${LUNGGUIDE_KILL_SECONDS:-50}
seed=${LUNGGUIDE_KILL_SEED:-$$}
RANDOM=$seed
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
data="$scratch/data"
confirmed="$scratch/confirmed"
fail() {
    echo "FAIL: $* (seed $seed; rerun with LUNGGUIDE_KILL_SEED=$seed)" >&2
    exit 1
}
: >"$confirmed"

now_ms() { date +%s%3N; }

# How long one add takes here, so the kills cover a whole run (sanitizer builds are slower).
"$cli" --data-dir "$data" bookmarks add class egfr --for warmup >/dev/null ||
    fail "the first add failed"
started=$(now_ms)
for run in 1 2 3 4 5; do
    "$cli" --data-dir "$data" bookmarks add class alk --for warmup >/dev/null || fail "warm-up add"
done
typical_ms=$((($(now_ms) - started) / 5))
# A diary add also builds the search index to link the words: the kills cover its run too.
started=$(now_ms)
for run in 1 2 3; do
    "$cli" --data-dir "$data" diary add --for warmup "tired" >/dev/null || fail "warm-up diary add"
done
diary_ms=$((($(now_ms) - started) / 3))
[ "$diary_ms" -le "$typical_ms" ] || typical_ms=$diary_ms
[ "$typical_ms" -ge 1 ] || typical_ms=1
spread_ms=$((typical_ms * 13 / 10 + 1))

# An import file of 40 bookmarks and 5 diary entries for batch $1.
make_import_file() {
    local batch=$1 entries="" diary=""
    for index in $(seq 1 40); do
        entries+="${entries:+,}{\"kind\":\"drug\",\"target\":\"osimertinib\",\"for\":\"batch-$batch-$index\",\"note\":\"batch note $batch\"}"
    done
    for index in $(seq 1 5); do
        diary+="${diary:+,}{\"for\":\"batch-$batch\",\"date\":\"2024-09-0$index\",\"text\":\"batch words $batch\"}"
    done
    echo "{\"bookmarks\":[$entries],\"diary\":[$diary]}" >"$scratch/import-$batch.json"
}

killed=0
succeeded=0
imports=0
loop_started=$(now_ms)
for ((iteration = 0; iteration < iterations; iteration++)); do
    if [ $((($(now_ms) - loop_started) / 1000)) -ge "$budget_seconds" ]; then
        break
    fi
    if ((iteration % 5 == 4)); then
        make_import_file "$iteration"
        imports=$((imports + 1))
        "$cli" --data-dir "$data" bookmarks import "$scratch/import-$iteration.json" \
            >/dev/null 2>>"$scratch/stderr" &
        label="import-$iteration"
    elif ((iteration % 5 == 2)); then
        "$cli" --data-dir "$data" diary add --for "diary-$iteration" --note "note $iteration" \
            "the runs $iteration" >/dev/null 2>>"$scratch/stderr" &
        label="diary-$iteration"
    else
        "$cli" --data-dir "$data" bookmarks add drug osimertinib --for "person-$iteration" \
            --note "note $iteration" >/dev/null 2>>"$scratch/stderr" &
        label="person-$iteration"
    fi
    pid=$!
    delay_ms=$((RANDOM % spread_ms))
    sleep "$(printf '0.%03d' "$delay_ms")"
    kill -9 "$pid" 2>/dev/null
    # Braces so the shell's own "Killed" report goes to /dev/null, not the test log.
    { wait "$pid"; } 2>/dev/null
    status=$?
    case $status in
    0)
        succeeded=$((succeeded + 1))
        echo "$label" >>"$confirmed"
        ;;
    137) killed=$((killed + 1)) ;;
    *) fail "run $iteration ($label) exited $status: $(tail -n 3 "$scratch/stderr")" ;;
    esac
done
seconds=$((($(now_ms) - loop_started) / 1000))
runs=$iteration
[ "$runs" -ge 100 ] || fail "only $runs runs in ${budget_seconds}s: too slow to test anything"
[ "$killed" -ge 20 ] || fail "only $killed of $runs runs were killed; the delays miss the runs"
[ "$succeeded" -ge 1 ] || fail "no run finished before its kill; the delays are too short"

# Nothing was ever found damaged and set aside.
if ls "$data" | grep -q '\.damaged-'; then
    fail "a store was found damaged after a kill: $(ls "$data")"
fi
grep -q 'damaged' "$scratch/stderr" && fail "a run reported damage: $(grep damaged "$scratch/stderr")"

"$cli" --data-dir "$data" bookmarks check >"$scratch/check" || fail "integrity check: $(cat "$scratch/check")"

"$cli" --data-dir "$data" bookmarks list --json >"$scratch/list.json" || fail "list after the kills"
"$cli" --data-dir "$data" diary list --json >"$scratch/diary.json" || fail "diary after the kills"
verified=0
while read -r label; do
    case $label in
    person-*)
        number=${label#person-}
        grep -qF "\"for\":\"$label\",\"note\":\"note $number\"" "$scratch/list.json" ||
            fail "bookmark for $label was reported saved but is missing"
        verified=$((verified + 1))
        ;;
    diary-*)
        number=${label#diary-}
        grep -qF "\"for\":\"$label\",\"date\":" "$scratch/diary.json" ||
            fail "diary entry for $label was reported saved but is missing"
        grep -qF "\"text\":\"the runs $number\",\"severity\":null,\"note\":\"note $number\"" \
            "$scratch/diary.json" || fail "diary entry for $label lost its words or note"
        verified=$((verified + 1))
        ;;
    import-*)
        batch=${label#import-}
        count=$(grep -oF "\"for\":\"batch-$batch-" "$scratch/list.json" | wc -l)
        [ "$count" -eq 40 ] || fail "import $batch was reported saved but has $count of 40"
        count=$(grep -oF "\"text\":\"batch words $batch\"" "$scratch/diary.json" | wc -l)
        [ "$count" -eq 5 ] || fail "import $batch was reported saved but has $count of 5 entries"
        verified=$((verified + 45))
        ;;
    esac
done <"$confirmed"

# Killed imports: all or nothing.
for ((batch = 4; batch < runs; batch += 5)); do
    count=$(grep -oF "\"for\":\"batch-$batch-" "$scratch/list.json" | wc -l)
    [ "$count" -eq 0 ] || [ "$count" -eq 40 ] || fail "import $batch is half there: $count of 40"
    entries=$(grep -oF "\"text\":\"batch words $batch\"" "$scratch/diary.json" | wc -l)
    [ $((count / 8)) -eq "$entries" ] ||
        fail "import $batch is half there: $count of 40 bookmarks, $entries of 5 diary entries"
done

echo "kill loop: $runs runs in ${seconds}s ($killed killed, $succeeded reported saved," \
    "$imports imports); $verified saved bookmarks and diary entries verified; integrity ok; seed $seed;" \
    "kills spread over ${spread_ms} ms"

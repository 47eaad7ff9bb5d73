#!/usr/bin/env bash
# Paths as people have them (issue 23): links anywhere above the store, the default folder
# reached through a linked home, an empty LUNGGUIDE_DATA_DIR and a relative HOME refused
# with a clear message, and several LungGuides creating the same store at once.
source "$(dirname "$0")/support/common.sh" "$1"
cli=$(realpath "$cli") # the test changes folder below

# A link anywhere above the store works (only the store's own files must not be links).
mkdir -p "$scratch/disk/real-home"
ln -s "$scratch/disk" "$scratch/linked-disk"
ln -s "$scratch/linked-disk/real-home" "$scratch/home"
expect_exit 0 "$cli" --data-dir "$scratch/home/data" bookmarks add class egfr --for Mum
expect_exit 0 "$cli" --data-dir "$scratch/linked-disk/real-home/data" bookmarks list
grep -q "EGFR" "$scratch/out" || fail "the same store through another link: $(cat "$scratch/out")"
[ -f "$scratch/disk/real-home/data/lungguide-user.sqlite" ] || fail "the store is not where the links lead"
# The default folder, under a home folder that is a link.
expect_exit 0 env -u LUNGGUIDE_DATA_DIR -u XDG_DATA_HOME HOME="$scratch/home" \
    "$cli" bookmarks add drug osimertinib --for Dad
[ -f "$scratch/disk/real-home/.local/share/lungguide/lungguide-user.sqlite" ] ||
    fail "the default folder under a linked home"

# An empty LUNGGUIDE_DATA_DIR, or a relative HOME, is refused, and nothing is created.
mkdir -p "$scratch/cwd"
cd "$scratch/cwd"
expect_exit 2 env LUNGGUIDE_DATA_DIR= HOME="$scratch/home" "$cli" bookmarks list
grep -q "LUNGGUIDE_DATA_DIR is set, but empty" "$scratch/err" || fail "empty: $(cat "$scratch/err")"
expect_exit 2 env -u LUNGGUIDE_DATA_DIR -u XDG_DATA_HOME HOME=relative/home \
    "$cli" bookmarks add class alk
grep -q 'HOME is "relative/home", which is not a full path' "$scratch/err" ||
    fail "relative HOME: $(cat "$scratch/err")"
[ -z "$(ls -A "$scratch/cwd")" ] || fail "files appeared in the current folder: $(ls -A)"
# A relative XDG_DATA_HOME is ignored, as the XDG spec says: the home folder is used.
expect_exit 0 env -u LUNGGUIDE_DATA_DIR XDG_DATA_HOME=relative HOME="$scratch/home" \
    "$cli" bookmarks list
grep -q "Osimertinib" "$scratch/out" || fail "relative XDG_DATA_HOME: $(cat "$scratch/out")"
cd - >/dev/null

# The first creation of a store, by several LungGuides at once, never fails ("busy"): it did
# for 6 of 160 processes. Fewer rounds under the sanitizers (tools/test sets ASAN_OPTIONS),
# where every run is several times slower.
rounds=6
[ -n "${ASAN_OPTIONS:-}" ] && rounds=3
for round in $(seq 1 "$rounds"); do
    data="$scratch/together-$round"
    pids=()
    for person in 1 2 3 4 5 6; do
        "$cli" --data-dir "$data" bookmarks add drug osimertinib --for "person $person" \
            >/dev/null 2>>"$scratch/together.err" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || fail "a first creation failed: $(cat "$scratch/together.err")"
    done
    [ "$("$cli" --data-dir "$data" bookmarks list --json | grep -o '"id"' | wc -l)" = 6 ] ||
        fail "round $round: not all six bookmarks were saved"
done
echo "bookmarks paths: ok"

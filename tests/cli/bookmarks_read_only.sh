#!/usr/bin/env bash
# A truly read-only folder: bookmarks can still be read, a change fails with a clear message
# and exit 1, and nothing that was there is lost.
#
# Tests run as root, and root writes through chmod, so the folder is made read-only with a
# read-only bind mount in a private mount namespace (unshare -m), which stops root too.
# Where namespaces are not allowed, this exits 77, which ctest reports as skipped; the doctest
# "a read-only store" case still covers the store's side through a read-only open.
source "$(dirname "$0")/support/common.sh" "$1"
data="$scratch/data"

if ! unshare -m true 2>/dev/null; then
    echo "SKIP: mount namespaces are not available here"
    exit 77
fi

"$cli" --data-dir "$data" bookmarks add drug osimertinib --for Mum --note "80 mg" >/dev/null
"$cli" --data-dir "$data" bookmarks add class egfr --for Mum >/dev/null
before=$("$cli" --data-dir "$data" bookmarks list --json)
checksum_before=$(cat "$data"/* | md5sum)

# Inside the namespace: mount the folder read-only over itself, then try to read and write.
unshare -m bash -s "$cli" "$data" "$scratch" <<'INSIDE' || fail "inside the read-only mount"
set -uo pipefail
cli=$1 data=$2 scratch=$3
mount --bind "$data" "$data" && mount -o remount,bind,ro "$data" || exit 3
touch "$data/probe" 2>/dev/null && { echo "the mount is not read-only" >&2; exit 4; }
"$cli" --data-dir "$data" bookmarks list --json >"$scratch/ro-list.json" 2>"$scratch/ro-list.err" ||
    { echo "list failed: $(cat "$scratch/ro-list.err")" >&2; exit 5; }
"$cli" --data-dir "$data" bookmarks add class alk >"$scratch/ro-add.out" 2>"$scratch/ro-add.err"
echo $? >"$scratch/ro-add.status"
"$cli" --data-dir "$data" bookmarks remove 1 >/dev/null 2>"$scratch/ro-remove.err"
echo $? >"$scratch/ro-remove.status"
exit 0
INSIDE

[ "$(cat "$scratch/ro-list.json")" = "$before" ] || fail "read-only list differs: $(cat "$scratch/ro-list.json")"
[ "$(cat "$scratch/ro-add.status")" = 1 ] || fail "add on a read-only folder exited $(cat "$scratch/ro-add.status")"
grep -q "the folder .* is read-only" "$scratch/ro-add.err" || fail "add message: $(cat "$scratch/ro-add.err")"
grep -q "Nothing was changed" "$scratch/ro-add.err" || fail "add message: $(cat "$scratch/ro-add.err")"
[ "$(cat "$scratch/ro-remove.status")" = 1 ] || fail "remove on a read-only folder succeeded"

# A read-only folder whatever state the journal is in: here a commit still in the WAL and no
# -shm (a LungGuide killed right after syncing its commit to the journal (the second sync:
# the first is the new journal's header), then the folder made read-only).
# SQLite needs a -shm to read a WAL, and can't make one there: the store is read without
# locks, with the WAL's index in private memory (issue 23: list failed).
journal="$scratch/journal"
"$cli" --data-dir "$journal" bookmarks add drug osimertinib --for Mum >/dev/null
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
{ LD_PRELOAD="$bin/lungguide-test-crash-at.so" LUNGGUIDE_CRASH_CALL=sync \
    LUNGGUIDE_CRASH_FILE=sqlite-wal LUNGGUIDE_CRASH_AT=2 \
    "$cli" --data-dir "$journal" bookmarks add class egfr --for "in the journal" >/dev/null 2>&1; } 2>/dev/null &&
    fail "the add was not killed after its journal's sync"
rm -f "$journal/lungguide-user.sqlite-shm"
[ -s "$journal/lungguide-user.sqlite-wal" ] || fail "no commit was left in the journal"
unshare -m bash -s "$cli" "$journal" "$scratch" <<'INSIDE' || fail "reading a journal in a read-only folder"
cli=$1 data=$2 scratch=$3
mount --bind "$data" "$data" && mount -o remount,bind,ro "$data" || exit 3
"$cli" --data-dir "$data" bookmarks list --json >"$scratch/journal.json" 2>"$scratch/journal.err" ||
    { echo "list failed: $(cat "$scratch/journal.err")" >&2; exit 5; }
INSIDE
grep -q '"for":"Mum"' "$scratch/journal.json" || fail "journal: $(cat "$scratch/journal.json")"
grep -q '"for":"in the journal"' "$scratch/journal.json" ||
    fail "the commit in the journal was not read: $(cat "$scratch/journal.json")"

# Back outside: everything is as it was, and the store still works.
[ "$(cat "$data"/* | md5sum)" = "$checksum_before" ] || fail "the store changed"
[ "$("$cli" --data-dir "$data" bookmarks list --json)" = "$before" ] || fail "bookmarks changed"
"$cli" --data-dir "$data" bookmarks add class alk >/dev/null || fail "add after remount"
echo "read-only folder: ok"

#!/usr/bin/env bash
# A full disk (a small tmpfs, filled to the last block, in a private mount namespace):
# bookmarks can still be listed and exported (to another disk), a change fails with "the
# device is full", and once there is room again nothing was lost.
source "$(dirname "$0")/support/common.sh" "$1"
if ! unshare -m true 2>/dev/null; then
    echo "SKIP: mount namespaces are not available here"
    exit 77
fi
unshare -m bash -s "$cli" "$scratch" <<'INSIDE' || fail "inside the full tmpfs"
set -uo pipefail
cli=$1 scratch=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
disk="$scratch/disk"
mkdir -p "$disk"
mount -t tmpfs -o size=2m tmpfs "$disk" || exit 3
data="$disk/data"
"$cli" --data-dir "$data" bookmarks add drug osimertinib --for Mum --note "80 mg" >/dev/null || fail "add"
"$cli" --data-dir "$data" bookmarks add class egfr --for Mum >/dev/null || fail "add"
before=$("$cli" --data-dir "$data" bookmarks list --json)
dd if=/dev/zero of="$disk/filler" bs=64k 2>/dev/null
[ "$(df --output=avail "$disk" | tail -1 | tr -d ' ')" = 0 ] || fail "the disk is not full"

"$cli" --data-dir "$data" bookmarks list --json >"$scratch/list.json" 2>"$scratch/list.err" ||
    fail "list on a full disk: $(cat "$scratch/list.err")"
[ "$(cat "$scratch/list.json")" = "$before" ] || fail "list differs: $(cat "$scratch/list.json")"
grep -q "the device is full" "$scratch/list.err" || fail "list notice: $(cat "$scratch/list.err")"
"$cli" --data-dir "$data" bookmarks export "$scratch/elsewhere.json" >/dev/null 2>&1 ||
    fail "export to another disk"
grep -q osimertinib "$scratch/elsewhere.json" || fail "the export is incomplete"
"$cli" --data-dir "$data" summary --for Mum --format markdown >/dev/null 2>&1 || fail "summary"
"$cli" --data-dir "$data" bookmarks add class alk >/dev/null 2>"$scratch/add.err" &&
    fail "add on a full disk succeeded"
grep -q "the device is full" "$scratch/add.err" || fail "add message: $(cat "$scratch/add.err")"
"$cli" --data-dir "$data" bookmarks export "$disk/export.json" >/dev/null 2>"$scratch/exp.err" &&
    fail "export onto the full disk succeeded"
grep -q "the device is full" "$scratch/exp.err" || fail "export message: $(cat "$scratch/exp.err")"
[ -z "$(ls "$disk" | grep tmp)" ] || fail "a temporary export file was left on the full disk"

rm "$disk/filler"
"$cli" --data-dir "$data" bookmarks add class alk >/dev/null || fail "add with room again"
[ "$("$cli" --data-dir "$data" bookmarks list --json | grep -o '"id"' | wc -l)" = 3 ] ||
    fail "bookmarks were lost"
exit 0
INSIDE
echo "full disk: ok"

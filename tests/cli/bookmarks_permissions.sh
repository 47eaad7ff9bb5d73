#!/usr/bin/env bash
# As an ordinary user (nobody, through setpriv; tests run as root, and chmod does not stop
# root): a read-only folder, a read-only store, and the WAL files a read-only store once
# left behind. Reading always works; a change fails with the reason in plain words; and
# once the folder or file is writable again, changes work again.
source "$(dirname "$0")/support/common.sh" "$1"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if [ "$(id -u)" != 0 ] || ! as_nobody true 2>/dev/null; then
    echo "SKIP: can't run as another user here (needs root and setpriv)"
    exit 77
fi
chmod 755 "$scratch"
mkdir "$scratch/home"
chown 65534:65534 "$scratch/home"
as_nobody test -x "$cli" || { echo "SKIP: nobody can't run $cli"; exit 77; }
nobody_run() { as_nobody "$cli" --data-dir "$1" "${@:2}"; }

# 1. A read-only folder (chmod 500): list, export and search --mine still work.
data="$scratch/home/ro-folder"
nobody_run "$data" bookmarks add drug osimertinib --for Mum --note x >/dev/null
before=$(nobody_run "$data" bookmarks list --json)
chmod 500 "$data"
expect_exit 0 nobody_run "$data" bookmarks list --json
[ "$(cat "$scratch/out")" = "$before" ] || fail "list in a read-only folder: $(cat "$scratch/out")"
grep -q "the folder $data is read-only" "$scratch/err" || fail "notice: $(cat "$scratch/err")"
expect_exit 0 as_nobody "$cli" --data-dir "$data" search tired --mine
expect_exit 0 nobody_run "$data" bookmarks export -
grep -q osimertinib "$scratch/out" || fail "export from a read-only folder"
expect_exit 1 nobody_run "$data" bookmarks add class egfr
grep -q "the folder $data is read-only" "$scratch/err" || fail "add: $(cat "$scratch/err")"
grep -q "Nothing was changed" "$scratch/err" || fail "add: $(cat "$scratch/err")"
[ -z "$(ls "$data" | grep -v '^lungguide-user.sqlite$')" ] || fail "files appeared: $(ls "$data")"
chmod 700 "$data"
expect_exit 0 nobody_run "$data" bookmarks add class egfr

# 7. A read-only store (0400): read without leaving read-only WAL files behind; after
# chmod 600, changes work.
data="$scratch/home/ro-file"
nobody_run "$data" bookmarks add drug osimertinib >/dev/null
chmod 400 "$data/lungguide-user.sqlite"
expect_exit 0 nobody_run "$data" bookmarks list
grep -q "bookmarks file in $data is read-only" "$scratch/err" || fail "notice: $(cat "$scratch/err")"
expect_exit 1 nobody_run "$data" bookmarks add class egfr
[ ! -e "$data/lungguide-user.sqlite-wal" ] || fail "reading a read-only store left a WAL file"
chmod 600 "$data/lungguide-user.sqlite"
expect_exit 0 nobody_run "$data" bookmarks add class egfr
# Read-only WAL and shared-memory files, as earlier versions left them: made writable again.
as_nobody touch "$data/lungguide-user.sqlite-wal" "$data/lungguide-user.sqlite-shm"
chmod 400 "$data/lungguide-user.sqlite-wal" "$data/lungguide-user.sqlite-shm"
expect_exit 0 nobody_run "$data" bookmarks add class alk
expect_exit 0 nobody_run "$data" bookmarks list
[ "$(grep -c 'class\|drug' "$scratch/out")" = 3 ] || fail "after repair: $(cat "$scratch/out")"
echo "bookmarks permissions: ok"

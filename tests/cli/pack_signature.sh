#!/usr/bin/env bash
# The CLI checks the content pack's signature with the key compiled into it: a pack made by
# the real pack builder, but signed with another key, is refused with a clear message and
# exit 1, and shows nothing; this build's own pack opens. (Forgeries with every digest and
# the seal recomputed: tests/core/test_content_pack_signature.cpp.)
source "$(dirname "$0")/support/common.sh" "$1"
root=$(cd "$(dirname "$0")/../.." && pwd)

build_pack() { # output key
    "$bin/lungguide-pack-builder" --content "$root/assets/content" \
        --source "$root/assets/source/targeted-drug-therapy-nsclc.txt" --output "$1" \
        --signing-key "$2"
}

"$bin/lungguide-pack-key" --key "$scratch/other.key" --make-if-missing >/dev/null
[ "$(stat -c %a "$scratch/other.key")" = 600 ] || fail "a new key file is readable by others"
build_pack "$scratch/other.db" "$scratch/other.key" || fail "the builder could not sign"
for command in "list classes" "show class egfr" "search tired"; do
    # shellcheck disable=SC2086 # the command is words
    expect_exit 1 "$cli" --pack "$scratch/other.db" $command
    grep -q "is not signed by LungGuide (its signature is not LungGuide's)" "$scratch/err" ||
        fail "$command: $(cat "$scratch/err")"
    grep -q "Reinstall LungGuide" "$scratch/err" || fail "$command: no advice"
    [ ! -s "$scratch/out" ] || fail "$command showed the other key's pack"
done
LUNGGUIDE_PACK="$scratch/other.db" expect_exit 1 "$cli" show class egfr

# A key file that is not a key stops the builder, and no pack is left behind.
printf 'not a key\n' >"$scratch/bad.key"
expect_exit 1 build_pack "$scratch/bad.db" "$scratch/bad.key"
grep -q "is not a pack signing key" "$scratch/err" || fail "bad key: $(cat "$scratch/err")"
[ ! -e "$scratch/bad.db" ] || fail "an unsigned pack was left behind"

expect_exit 0 "$cli" list classes
echo "pack signature: ok"

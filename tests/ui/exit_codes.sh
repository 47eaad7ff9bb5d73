#!/bin/bash
# The app's exit codes are the text reader's (core/common/exit_code.h): 1 when the content
# pack cannot be used, 2 for a bad argument, 69 when nothing could be shown. Same pack fault,
# same code, from both programs.
set -u
bin="$1"
source "$(dirname "$0")/xvfb.sh"
start_ui_test
status=0
expect_code() {
    local wanted=$1 what=$2
    shift 2
    "$@" >"$scratch/out" 2>&1
    local code=$?
    if [ "$code" -ne "$wanted" ]; then
        echo "FAIL: $what: expected exit $wanted, got $code"
        sed 's/^/    /' "$scratch/out" | head -5
        status=1
    fi
}
printf 'not a pack' >"$scratch/bad.db"
expect_code 1 "app, damaged pack" "$bin/lungguide" --pack "$scratch/bad.db" \
    --screenshot "$scratch/x.png" --data-dir "$scratch/data"
expect_code 1 "cli, damaged pack" "$bin/lungguide-cli" --pack "$scratch/bad.db" list classes
# A whole, sound pack, but signed with another key than the one compiled in.
root=$(cd "$(dirname "$0")/../.." && pwd)
"$bin/lungguide-pack-key" --key "$scratch/other.key" --make-if-missing >/dev/null &&
    "$bin/lungguide-pack-builder" --content "$root/assets/content" \
        --source "$root/assets/source/targeted-drug-therapy-nsclc.txt" \
        --signing-key "$scratch/other.key" --output "$scratch/other.db" ||
    { echo "FAIL: could not build a pack signed with another key"; status=1; }
expect_code 1 "app, pack signed with another key" "$bin/lungguide" --pack "$scratch/other.db" \
    --screenshot "$scratch/x.png" --data-dir "$scratch/data"
grep -q "is not signed by LungGuide" "$scratch/out" ||
    { echo "FAIL: the app does not say the pack is not LungGuide's: $(cat "$scratch/out")"; status=1; }
[ ! -e "$scratch/x.png" ] || { echo "FAIL: the app showed a pack signed with another key"; status=1; }
expect_code 1 "app, missing pack" "$bin/lungguide" --pack "$scratch/none.db" \
    --screenshot "$scratch/x.png" --data-dir "$scratch/data"
expect_code 1 "cli, missing pack" "$bin/lungguide-cli" --pack "$scratch/none.db" list classes
expect_code 2 "app, bad size" "$bin/lungguide" --size huge --screenshot "$scratch/x.png"
expect_code 2 "cli, unknown id" "$bin/lungguide-cli" show class nonsense
expect_code 0 "app, a screenshot" "$bin/lungguide" --route home --size 390x844 \
    --screenshot "$scratch/x.png" --data-dir "$scratch/data"
[ "$status" -eq 0 ] && echo "ok: exit codes 0, 1, 2 mean the same in the app and the text reader"
exit $status

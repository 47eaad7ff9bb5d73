# Sourced by every CLI test script: `source "$(dirname "$0")/support/common.sh" "$1"`.
# Gives $bin, $cli, a $scratch folder removed at exit, fail, and expect_exit.
set -euo pipefail
bin=$1
cli="$bin/lungguide-cli"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# `command | contains [grep options] PATTERN`: reads all of its input before it answers.
# `| grep -q` stops at the first match, and under pipefail the writer's SIGPIPE then fails
# a test whose output was right.
contains() {
    local text
    text=$(cat)
    grep -q "$@" <<<"$text"
}

# Runs a command that must end with exit code $1; its output goes to $scratch/out and
# $scratch/err.
expect_exit() {
    local want=$1
    shift
    set +e
    "$@" >"$scratch/out" 2>"$scratch/err"
    local got=$?
    set -e
    [ "$got" -eq "$want" ] || fail "$* exited $got, not $want: $(cat "$scratch/err")"
}

#!/bin/bash
# OCR: tesseract reads the EGFR page back from a real screenshot and finds "osimertinib".
set -u
bin="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/xvfb.sh"
start_private_xvfb || exit 1
mkdir -p "$out"
status=0
for renderer in gl3 es3; do
    "$bin/lungguide" --gl "$renderer" --size 1280x800 --route class/egfr --screenshot "$out/egfr-$renderer.png" >/dev/null || status=1
    text=$(tesseract "$out/egfr-$renderer.png" - 2>/dev/null)
    if echo "$text" | grep -qi osimertinib; then
        echo "$renderer: tesseract found \"osimertinib\""
    else
        echo "FAIL: $renderer: tesseract did not find \"osimertinib\". It read:"
        echo "$text" | head -40
        status=1
    fi
done
exit $status

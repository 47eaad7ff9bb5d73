#!/bin/bash
# Runs a test program on a private Xvfb display (Mesa llvmpipe), the UI tests' own helper.
set -u
source "$(dirname "$0")/../ui/xvfb.sh"
start_private_xvfb || exit 1
"$@"

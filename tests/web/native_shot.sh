#!/bin/bash
# The native ES3 build's picture of a route, under a private Xvfb: native_shot.sh BIN WxH ROUTE PNG
set -eu
source "$(dirname "$0")/../ui/xvfb.sh"
start_private_xvfb >/dev/null
"$1/lungguide" --gl es3 --size "$2" --route "$3" --theme light --screenshot "$4" >/dev/null

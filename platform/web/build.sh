#!/usr/bin/env bash
# Builds the browser version into build/web/ (a static site: serve the folder as it is).
# Needs the native pack builder's content pack, Debian's emscripten, and Debian's source
# packages (fetched once into build/web-sources/ by debian_sources.sh).
# Usage: platform/web/build.sh [repository build folder, default build]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath -m "${1:-$root/build}")
here="$root/platform/web"

# Debian's emscripten runs its JS optimiser under whatever node is first on the PATH; a
# node that is not Debian's own does not look in /usr/share/nodejs for Debian's acorn.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

# The content pack, built (or brought up to date) by the native pack builder and signed
# with the native build's key, whose public half (pack-signing/) the site compiles in.
[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target lungguide_content_pack lungguide-cli >/dev/null
# The text version: the guide as a plain web page, written by the core.
"$build/bin/lungguide-cli" --pack "$build/bin/lungguide-content.db" export --format html \
    >"$build/web-guide.html"
"$here/debian_sources.sh" "$build/web-sources"
emcmake cmake -S "$here" -B "$build/web-build" -DCMAKE_BUILD_TYPE=Release \
    -DLUNGGUIDE_WEB_SOURCES="$build/web-sources" -DLUNGGUIDE_PACK="$build/bin/lungguide-content.db" \
    -DLUNGGUIDE_PACK_KEY_FOLDER="$build/pack-signing" \
    -DLUNGGUIDE_GUIDE_HTML="$build/web-guide.html" \
    -DLUNGGUIDE_WEB_OUT="$build/web" -DLUNGGUIDE_WERROR=ON 2>&1 >/dev/null |
    { grep -v '^configure: ' >&2 || true; } # emcmake echoes its command line on stderr
cmake --build "$build/web-build" -j"$(nproc)"
echo "$build/web"

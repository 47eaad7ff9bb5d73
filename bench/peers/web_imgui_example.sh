#!/usr/bin/env bash
# Dear ImGui's own emscripten example (examples/example_emscripten_opengl3 in Debian's imgui
# source, the same 1.86 the app compiles), built as the browser version is built: Debian's
# emscripten, no emscripten ports (its SDL2 comes from Debian's libsdl2 source package,
# compiled here), -O2 and the app's link settings where the example has no reason to differ.
# The only change to the example: SDL_GL_SwapWindow is renamed to a hook (forced in with
# -include, as bench/peers/imgui_example_hooks.h does natively) that notes when the first
# frame was presented, in Module.lungguideFirstFrameMs, as the app's host does.
#
# Usage: web_imgui_example.sh BUILD_FOLDER   -> BUILD_FOLDER/web-imgui-example/index.html
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath -m "$1")
sources="$build/web-sources" # platform/web/debian_sources.sh's folder (imgui, apt lists)
out="$build/web-imgui-example"
work="$build/web-imgui-example-build"
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

imgui=$(compgen -G "$sources/imgui-1.86*/" | head -1)
[ -n "$imgui" ] || { echo "build the browser version first (platform/web/build.sh)" >&2; exit 1; }

# SDL2 from Debian's source, with platform/web/debian_sources.sh's private apt configuration
# (its lists are already there; the machine's apt sources are never changed).
sdl=$(compgen -G "$sources/libsdl2-2.*/" | head -1 || true)
if [ -z "$sdl" ]; then
    apt_root="$sources/apt"
    (cd "$sources" && apt-get -o "Dir::Etc::SourceList=$apt_root/etc/sources.list" \
        -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::State::Lists=$apt_root/lists" \
        -o "Dir::Cache=$apt_root/cache" -o "Debug::NoLocking=1" \
        -o "APT::Sandbox::User=$(id -un)" -qq source --only-source libsdl2 >/dev/null)
    sdl=$(compgen -G "$sources/libsdl2-2.*/" | head -1)
fi
mkdir -p "$work" "$out"
if [ ! -f "$work/sdl/libSDL2.a" ]; then
    emcmake cmake -S "$sdl" -B "$work/sdl" -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF \
        -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=OFF -DCMAKE_C_FLAGS=-O2 >/dev/null 2>&1
    cmake --build "$work/sdl" -j"$(nproc)" >/dev/null
fi
sdl_include=("-I$sdl/include" "-I$work/sdl/include" "-I$work/sdl/include/SDL2"
             "-I$work/sdl/include-config-release/SDL2")

cat >"$work/hooks.h" <<'EOF'
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct SDL_Window;
void lungguide_bench_swap_window(struct SDL_Window* window);
#ifdef __cplusplus
}
#endif
#define SDL_GL_SwapWindow lungguide_bench_swap_window
EOF
cat >"$work/hooks.c" <<'EOF'
#include <SDL.h>
#include <emscripten.h>
void lungguide_bench_swap_window(SDL_Window* window) {
    static int frames = 0;
    SDL_GL_SwapWindow(window);
    if (++frames == 1) EM_ASM({ Module.lungguideFirstFrameMs = performance.now(); });
    EM_ASM({ Module.lungguideFrames = $0; }, frames);
}
EOF
flags=(-O2 -DIMGUI_DISABLE_FILE_FUNCTIONS -I"$imgui" -I"$imgui/backends" "${sdl_include[@]}" -w)
emcc "${flags[@]}" -c "$work/hooks.c" -o "$work/hooks.o"
objects=("$work/hooks.o")
for source in "$imgui/examples/example_emscripten_opengl3/main.cpp" "$imgui/imgui.cpp" \
    "$imgui/imgui_demo.cpp" "$imgui/imgui_draw.cpp" "$imgui/imgui_tables.cpp" \
    "$imgui/imgui_widgets.cpp" "$imgui/backends/imgui_impl_sdl.cpp" \
    "$imgui/backends/imgui_impl_opengl3.cpp"; do
    object="$work/$(basename "$source" .cpp).o"
    em++ "${flags[@]}" -include "$work/hooks.h" -c "$source" -o "$object"
    objects+=("$object")
done
# The example's shell page, with its inline script moved to a file (the same strict policy
# as the app's page is not needed here: nothing is compared but time and bytes).
em++ -O2 "${objects[@]}" "$work/sdl/libSDL2.a" -o "$out/index.js" -sWASM=1 \
    -sALLOW_MEMORY_GROWTH=1 -sNO_FILESYSTEM=1 -sENVIRONMENT=web -sDISABLE_EXCEPTION_CATCHING=1
cat >"$out/index.html" <<'EOF'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dear ImGui emscripten example</title>
<style>html,body{margin:0;height:100%;overflow:hidden}canvas{display:block;width:100%;height:100%}</style>
</head><body><canvas id="canvas" oncontextmenu="event.preventDefault()"></canvas>
<script>var Module = {canvas: document.getElementById('canvas'), lungguideFrames: 0};</script>
<script src="index.js"></script></body></html>
EOF
echo "$out"

#!/usr/bin/env bash
# Unpacks Debian's own source packages for the libraries that Debian ships to us only as
# native binaries (Dear ImGui, SQLite, FreeType, utf8proc, libsodium), so the browser build
# compiles exactly those versions. A private apt configuration under the given folder: the
# machine's apt sources are read (to derive deb-src lines) but never changed, and nothing is
# installed.
# Usage: debian_sources.sh FOLDER
#   -> FOLDER/imgui-*/, FOLDER/sqlite3-*/, FOLDER/freetype-*/, FOLDER/utf8proc-*/,
#      FOLDER/libsodium-*/, FOLDER/sqlite-amalgamation/
set -euo pipefail
folder=$(realpath -m "$1")
packages=(imgui sqlite3 freetype utf8proc libsodium)
mkdir -p "$folder"
cd "$folder"

have_all() {
    for package in "${packages[@]}"; do
        compgen -G "$folder/$package-[0-9]*/" >/dev/null || return 1
    done
}
if ! have_all; then

apt_root="$folder/apt"
mkdir -p "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$apt_root/etc"
sources="$apt_root/etc/sources.list"
: >"$sources"
# deb-src twins of the machine's own Debian lines (one-line and deb822 formats).
if [ -f /etc/apt/sources.list ]; then
    sed -nE 's/^[[:space:]]*deb([[:space:]]+\[[^]]*\])?[[:space:]]+/deb-src\1 /p' \
        /etc/apt/sources.list >>"$sources"
fi
for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    # One deb822 stanza per paragraph: URIs, Suites, Components, Signed-By.
    awk -v RS= '
        /Types:[^\n]*deb/ {
            uris = suites = components = signed = ""
            n = split($0, lines, "\n")
            for (i = 1; i <= n; i++) {
                if (lines[i] ~ /^URIs:/)       { uris = lines[i];       sub(/^URIs:[ \t]*/, "", uris) }
                if (lines[i] ~ /^Suites:/)     { suites = lines[i];     sub(/^Suites:[ \t]*/, "", suites) }
                if (lines[i] ~ /^Components:/) { components = lines[i]; sub(/^Components:[ \t]*/, "", components) }
                if (lines[i] ~ /^Signed-By:/)  { signed = lines[i];     sub(/^Signed-By:[ \t]*/, "", signed) }
            }
            if (uris !~ /debian/) next
            ns = split(suites, suite_list, " ")
            nu = split(uris, uri_list, " ")
            for (u = 1; u <= nu; u++) for (s = 1; s <= ns; s++)
                printf "deb-src %s%s %s %s\n", (signed ? "[signed-by=" signed "] " : ""), uri_list[u], suite_list[s], components
        }' "$file" >>"$sources"
done
[ -s "$sources" ] || { echo "no Debian apt sources found to derive deb-src lines from" >&2; exit 1; }

apt_options=(-o "Dir::Etc::SourceList=$sources" -o "Dir::Etc::SourceParts=/dev/null"
             -o "Dir::State::Lists=$apt_root/lists" -o "Dir::Cache=$apt_root/cache"
             -o "Debug::NoLocking=1" -o "APT::Sandbox::User=$(id -un)")
apt-get "${apt_options[@]}" -qq update
apt-get "${apt_options[@]}" -qq source --only-source "${packages[@]}" >/dev/null
have_all
fi

# SQLite's one-file amalgamation, made by its own build (needs tclsh) from Debian's tree.
sqlite_tree=$(compgen -G "$folder/sqlite3-[0-9]*/" | head -1)
amalgamation="$folder/sqlite-amalgamation"
if [ ! -f "$amalgamation/sqlite3.c" ]; then
    mkdir -p "$amalgamation"
    (cd "$amalgamation" && "$sqlite_tree/configure" --disable-tcl >configure.log &&
        make sqlite3.c >make.log)
fi

#!/bin/sh
# Installs what a fresh Debian or Ubuntu machine lacks to build and test Gyrfalcon:
# a C compiler (gcc and clang), cmake, pkg-config, and the -dev packages of SDL2, SDL2_ttf,
# SDL2_image, Lua 5.4 and cmocka. Uses sudo when not root; does nothing when all are there.
set -e
PKGS="build-essential clang cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev liblua5.4-dev libcmocka-dev"
# clang's sanitizer and libFuzzer runtimes, for tests/fuzz (the fuzz test skips without them)
OPTIONAL="libclang-rt-dev"
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
optional=""
for p in $OPTIONAL; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        optional="$optional $p"
    fi
done
[ -z "$missing$optional" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
if [ -n "$missing" ]; then
    echo "installing:$missing"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
for p in $optional; do
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$p" >/dev/null 2>&1 || echo "note: optional $p not available"
done

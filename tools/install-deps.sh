#!/bin/sh
# Installs what a fresh Debian or Ubuntu machine lacks to build and test Gyrfalcon:
# a C compiler (gcc and clang), cmake, pkg-config, and the -dev packages of SDL2, SDL2_ttf,
# SDL2_image, Lua 5.4 and cmocka. Uses sudo when not root; does nothing when all are there.
set -e
PKGS="build-essential clang cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev liblua5.4-dev libcmocka-dev"
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing

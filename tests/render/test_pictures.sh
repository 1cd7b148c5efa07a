#!/bin/bash
# test_pictures.sh - the picture modes of the command line: --map-png and --screenshot write
# PNGs of the asked size, and refuse a bad size or an unwritable file with a one-line reason.
# Usage: bash test_pictures.sh GYRFALCON_BINARY SOURCE_DIR BUILD_TESTS_DIR
set -u
BIN="$1"; SRC="$2"; OUT="$3/render_pictures"
export GYR_DATA_DIR="${GYR_DATA_DIR:-$SRC}" SDL_VIDEODRIVER=offscreen
mkdir -p "$OUT"
pass=0; fail=0
ok()  { echo "ok - $1"; pass=$((pass + 1)); }
bad() { echo "FAIL - $1"; fail=$((fail + 1)); }

# width and height from a PNG's IHDR chunk
png_size() {
    local b
    b=($(od -An -tu1 -j16 -N8 "$1"))
    echo "$(( (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3] ))x$(( (b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7] ))"
}

# the map picture has the asked size
if "$BIN" --map-png "$OUT/map.png" --size 1200x800 2>"$OUT/err1"; then
    s=$(png_size "$OUT/map.png")
    [ "$s" = "1200x800" ] && ok "map picture is 1200x800" || bad "map picture is $s, not 1200x800"
    [ "$(stat -c %s "$OUT/map.png")" -gt 200000 ] && ok "map picture has detail" || bad "map picture is nearly empty"
else
    bad "--map-png failed: $(cat "$OUT/err1")"
fi

# a size out of range is refused with one line on stderr
if "$BIN" --map-png "$OUT/small.png" --size 120x90 2>"$OUT/err2"; then
    bad "--map-png accepted 120x90"
else
    [ "$(wc -l < "$OUT/err2")" -eq 1 ] && ok "map picture size refused in one line" || bad "map size error not one line"
fi

# a screenshot of a scenario has the asked size
if "$BIN" --screenshot "$OUT/shot.png" --scenario ningjiang1114 --size 1024x640 2>"$OUT/err3"; then
    s=$(png_size "$OUT/shot.png")
    [ "$s" = "1024x640" ] && ok "screenshot is 1024x640" || bad "screenshot is $s, not 1024x640"
else
    bad "--screenshot failed: $(cat "$OUT/err3")"
fi

# an unwritable file is an error, not a crash
if "$BIN" --screenshot "$OUT/no/such/dir/shot.png" --scenario ningjiang1114 2>"$OUT/err4"; then
    bad "--screenshot wrote into a missing folder"
else
    grep -q "shot.png" "$OUT/err4" && ok "unwritable screenshot names the file" || bad "error does not name the file: $(cat "$OUT/err4")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

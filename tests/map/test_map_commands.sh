#!/bin/bash
# Rule: --where and --hex answer with one JSON object (hex, terrain, rivers, place), refuse
# points off the map with a one-line reason, and --build-map rebuilds maps/theatre.map from
# maps/*.geo byte for byte (run in a scratch copy of the data directory).
BIN="$1"; SRC="$2"; SCRATCH="$3/map-commands"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH"
export GYR_DATA_DIR="$SRC"
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

out="$("$BIN" --where 39.0 120.0)" && printf '%s' "$out" | grep -q '"terrain":"sea"' && ok "Bohai is sea: $out" || bad "--where 39 120: $out"
out="$("$BIN" --where 43.95 119.38)" && printf '%s' "$out" | grep -q '"id":"shangjing"' && printf '%s' "$out" | grep -q '"on_map":true' \
    && ok "Shangjing found" || bad "--where Shangjing: $out"
out="$("$BIN" --where 45.25 124.30)" && printf '%s' "$out" | grep -q '"terrain":"lake"' && ok "Chagan is a lake" || bad "--where Chagan: $out"
q=$(printf '%s' "$out" | grep -o '"q":-\?[0-9]*' | cut -d: -f2); r=$(printf '%s' "$out" | grep -o '"r":-\?[0-9]*' | cut -d: -f2)
out="$("$BIN" --hex "$q" "$r")" && printf '%s' "$out" | grep -q '"terrain":"lake"' && printf '%s' "$out" | grep -q '"rivers":\[' \
    && ok "--hex $q $r agrees" || bad "--hex $q $r: $out"
# Chuhedian's hex has the Songhua on its sides
w="$("$BIN" --where 45.56 124.72)"
q=$(printf '%s' "$w" | grep -o '"q":-\?[0-9]*' | cut -d: -f2); r=$(printf '%s' "$w" | grep -o '"r":-\?[0-9]*' | cut -d: -f2)
out="$("$BIN" --hex "$q" "$r")" && printf '%s' "$out" | grep -q '"river":"Songhua (Huntong)","major":true,"frozen_in_winter":true' \
    && ok "rivers listed at Chuhedian" || bad "--hex at Chuhedian: $out"
err="$("$BIN" --where 10 10 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && printf '%s' "$err" | grep -q "off the map" && ok "off the map: $err" || bad "--where 10 10 rc=$rc: $err"
err="$("$BIN" --hex 5000 5000 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && printf '%s' "$err" | grep -q "off the map" && ok "--hex off the map: $err" || bad "--hex 5000 rc=$rc: $err"

mkdir -p "$SCRATCH/data/maps"
cp "$SRC"/maps/*.geo "$SCRATCH/data/maps/"
out="$(GYR_DATA_DIR="$SCRATCH/data" "$BIN" --data-dir "$SCRATCH/data" --build-map)" && printf '%s' "$out" | grep -q '"ok":true' \
    && ok "--build-map: $out" || bad "--build-map: $out"
cmp -s "$SCRATCH/data/maps/theatre.map" "$SRC/maps/theatre.map" && ok "rebuilt map equals the committed one" \
    || bad "maps/theatre.map is out of date with maps/*.geo: run gyrfalcon --build-map"
[ ! -e "$SCRATCH/data/maps/theatre.map.tmp" ] && ok "no temporary file left" || bad "temporary file left behind"
printf 'wobble\n' > "$SCRATCH/data/maps/zz-broken.geo"
err="$(GYR_DATA_DIR="$SCRATCH/data" "$BIN" --data-dir "$SCRATCH/data" --build-map 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && printf '%s' "$err" | grep -q "zz-broken.geo:1:" && ok "source error named: $err" || bad "broken source rc=$rc: $err"

if [ $fails = 0 ]; then echo "all passed"; exit 0; else echo "$fails failed"; exit 1; fi

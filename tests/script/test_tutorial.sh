# test_tutorial.sh - does what docs/tutorial.md tells a modder to do with its final scenario:
# put it in a mod folder, check it, find it in the list, play it headless to the end.
BIN="$1"; SRC="$2"; SCRATCH="$3/script-tutorial"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH/mods"
export GYR_DATA_DIR="$SRC"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
FILE="$SCRATCH/mods/my_first.lua"
awk '/<!-- tutorial-final/ { on = 1; next } on && /^```lua/ { grab = 1; next } grab && /^```/ { exit } grab { print }' \
    "$SRC/docs/tutorial.md" > "$FILE"
[ -s "$FILE" ] || bad "no final scenario block in docs/tutorial.md"
out=$("$BIN" --mod-dir "$SCRATCH/mods" --check "$FILE" 2>&1) || bad "--check failed: $out"
"$BIN" --mod-dir "$SCRATCH/mods" --list-scenarios 2>/dev/null | grep -q "^my_first	The ford at Chuhedian	1114	jin,liao$" \
    || bad "--list-scenarios does not list my_first"
json=$("$BIN" --mod-dir "$SCRATCH/mods" --headless --scenario my_first --seed 1 --json 2>"$SCRATCH/err") \
    || bad "headless play failed: $(cat "$SCRATCH/err")"
printf '%s' "$json" | grep -q '"type":"choice"' || bad "the tutorial's choice did not show in the events"
printf '%s' "$json" | grep -q 'Script error' && bad "a handler failed: $json"
sed 's/"levy"/"levies"/' "$FILE" > "$SCRATCH/broken.lua"
err=$("$BIN" --check "$SCRATCH/broken.lua" 2>&1) && bad "--check passed a broken copy"
printf '%s' "$err" | grep -q "broken.lua:[0-9]*: unknown unit type 'levies'" || bad "no FILE:LINE for the broken copy: $err"
if [ $fails = 0 ]; then echo "tutorial: ok"; exit 0; else exit 1; fi

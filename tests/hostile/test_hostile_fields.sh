#!/bin/bash
# Rule: declarations and gyr.* calls refuse fields they do not know and numbers outside their
# ranges, with FILE:LINE and a clear message, never a crash. Each tests/hostile/fields/X.lua
# with an X.expect goes through --check, whose output must be exactly X.expect (@F@ = the
# file); handler_*.lua are played headless to their end; the rules files are checked with
# hostile copies of scripts/rules in a scratch data folder.
. "$(dirname "$0")/../cli/lib.sh"
DIR="$SRC/tests/hostile/fields"
passed=0
ok() { pass "$*"; passed=$((passed + 1)); }

# --check output, line for line
for f in "$DIR"/*.lua; do
    exp="${f%.lua}.expect"
    [ -f "$exp" ] || continue
    want="$(sed "s|@F@|$f|g" "$exp")"
    got="$("$BIN" --check "$f" 2>&1)"; rc=$?
    if [ $rc = 1 ] && [ "$got" = "$want" ]; then ok "$(basename "$f")"
    else bad "$(basename "$f") rc=$rc"; diff <(printf '%s\n' "$want") <(printf '%s\n' "$got"); fi
done

# played headless, the same scenarios are refused with their first problem (exit 1, no crash)
refused="$SCRATCH/refused"; mkdir -p "$refused"
for f in "$DIR"/*.lua; do
    exp="${f%.lua}.expect"
    [ -f "$exp" ] && grep -q '^scenario' "$f" || continue
    cp "$f" "$refused/"; m="$refused/$(basename "$f")"
    id="$(grep -o '^scenario { id = "[a-z_]*"' "$f" | sed 's/.*"\(.*\)"/\1/')"
    want="gyrfalcon: $(head -1 "$exp" | sed "s|@F@|$m|")"
    got="$("$BIN" --mod-dir "$refused" --headless --scenario "$id" --seed 1 2>&1 >/dev/null)"; rc=$?
    [ $rc = 1 ] && [ "$got" = "$want" ] && ok "headless refuses $(basename "$f")" || bad "headless $(basename "$f") rc=$rc: $got"
done

# in play: the handler stops at the call, nothing changes, the game finishes
mods="$SCRATCH/mods"; mkdir -p "$mods"
cp "$DIR/handler_desert_place.lua" "$mods/"
f="$mods/handler_desert_place.lua"
got="$("$BIN" --check "$f" 2>&1)"
[ "$got" = "$f: ok" ] && ok "handler calls pass --check (they run only in play)" || bad "check of handlers: $got"
out="$("$BIN" --mod-dir "$mods" --headless --scenario hf_desert --seed 1 --json 2>"$SCRATCH/err")"; rc=$?
err="$(cat "$SCRATCH/err")"
[ $rc = 0 ] && [ "$(json_field "$out" over)" = true ] && ok "headless game finishes" || bad "headless rc=$rc: $out $err"
printf '%s\n' "$err" | grep -qx "SCRIPT: $f:14: unknown field 'place' in gyr.desert{}" \
    && ok "gyr.desert{place} stops the handler with its line" || bad "desert message: $err"
printf '%s\n' "$err" | grep -qx "SCRIPT: $f:18: unknown field 'default' in gyr.choice{}" \
    && ok "gyr.choice{default} stops the handler with its line" || bad "choice message: $err"
printf '%s' "$out" | grep -q 'not reached' && bad "the handler went on after the refused call" || ok "the handler went no further"
printf '%s' "$out" | grep -q '"type":"desertion"' && bad "units deserted" || ok "no unit deserted"
printf '%s' "$out" | grep -q '"type":"choice"' && bad "a choice was asked" || ok "no choice was asked"

# the rules files: a scratch data folder with one hostile change at a time
rules_case() {   # NAME FILE SED-EXPRESSION EXPECTED-LINE
    local d="$SCRATCH/data-$1"
    mkdir -p "$d/scripts"; cp -r "$SRC/scripts/rules" "$d/scripts/"
    sed -i "$3" "$d/scripts/rules/$2.lua"
    cmp -s "$d/scripts/rules/$2.lua" "$SRC/scripts/rules/$2.lua" && { bad "$1: the edit did not apply"; return; }
    local got; got="$(GYR_DATA_DIR="$d" "$BIN" --check "$DIR/handler_desert_place.lua" 2>&1)"
    local want="${4//@D@/$d}"
    [ "$got" = "$want" ] && ok "rules: $1" || bad "rules $1: want '$want' got '$got'"
}
rules_case unit_attack units '0,/attack = [0-9]*/s//attack = 2147483648/' \
    "@D@/scripts/rules/units.lua: unit type 'heavy_cavalry': attack must be 0..99 (got 2147483648)"
rules_case unit_field units '0,/sight = /s//sigth = /' \
    "@D@/scripts/rules/units.lua: unknown field 'sigth' in units[1] (did you mean 'sight'?)"
rules_case stack_limit terrain 's/stack_limit = 3/stack_limit = 100/' \
    "@D@/scripts/rules/terrain.lua: stack_limit must be 1..10 (got 100)"
rules_case terrain_name terrain 's/^    forest    = {/    forrest   = {/' \
    "@D@/scripts/rules/terrain.lua: unknown field 'forrest' in terrain (did you mean 'forest'?)"
rules_case season terrain 's/winter = { heavy_cavalry = -10/winter = { heavy_cavalry = -1000/' \
    "@D@/scripts/rules/terrain.lua: season_attack.winter: heavy_cavalry must be -90..100 (got -1000)"
rules_case fort_defence combat 's/fort_defence = 100/fort_defence = -5/' \
    "@D@/scripts/rules/combat.lua: fort_defence must be 0..300 (got -5)"
rules_case combat_field combat 's/cohesion_recover = /cohesion_recovery = /' \
    "@D@/scripts/rules/combat.lua: unknown field 'cohesion_recovery' in combat.lua's table (did you mean 'cohesion_recover'?)"
rules_case attack_string units '0,/attack = [0-9]*/s//attack = "x"/' \
    "@D@/scripts/rules/units.lua: unit type 'heavy_cavalry': attack must be an integer"
# a value that raises while the rules are read (a number where a name goes) is a message, not a crash
d="$SCRATCH/data-id_number"; mkdir -p "$d/scripts"; cp -r "$SRC/scripts/rules" "$d/scripts/"
sed -i '0,/id = "heavy_cavalry"/s//id = 5/' "$d/scripts/rules/units.lua"
got="$(GYR_DATA_DIR="$d" "$BIN" --check "$DIR/handler_desert_place.lua" 2>&1)"; rc=$?
[ $rc = 1 ] && [ "$(printf '%s\n' "$got" | wc -l)" = 1 ] && printf '%s' "$got" | grep -q "^$d/scripts/rules.*'id'" \
    && ok "rules: a raising value is reported ($got)" || bad "rules id_number rc=$rc: $got"

echo "$passed passed, $fails failed"
[ $fails = 0 ]

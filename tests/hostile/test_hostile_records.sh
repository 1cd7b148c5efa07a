#!/bin/bash
# Rule: a record that is wrong in any way is refused with FILE:LINE and a message naming what
# is wrong (never a crash, never a "verified"); a save never follows a symlink and keeps the
# old file when it fails; a record verifies from any folder, finds a scenario given by path or
# a mod, and says which file it needs when it cannot; the difficulty travels in the record.
# The records are made from a real game here and tampered with by tests/hostile/records/*.sed.
BIN="$1"; SRC="$2"; SCRATCH="$3/hostile-records"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH"
export GYR_DATA_DIR="$SRC"
export XDG_DATA_HOME="$SCRATCH/xdg-data"     # an empty mods folder unless --mod-dir is given
passed=0; failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
# refused NAME RC ERR ERE: exit 1 and "gyrfalcon: ...NAME:LINE: message" with ":LINE: message" matching ERE.
refused() {
    local name="$1" rc="$2" err="$3" ere="$4"
    if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
       printf '%s' "$err" | grep -Eq "^gyrfalcon: ([^ ]*/)?$(basename "$name" | sed 's/\./\\./g')$ere"; then
        ok "$(basename "$name"): $err"
    else
        bad "$(basename "$name"): rc=$rc, wanted $ere, got: $err"
    fi
}
hashes_in() { grep -c '^hash ' "$1"; }
# verifies FILE: exit 0 and the hash count printed is the file's.
verifies() {
    local out; out="$("$BIN" --replay "$1" --verify 2>&1)"; local rc=$?
    local n; n=$(hashes_in "$1")
    if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "verified: .*, $n turn hashes match"; then ok "$2: $out"
    else bad "$2: rc=$rc (file has $n hash lines): $out"; fi
}

cd "$SCRATCH" || exit 1
"$BIN" --headless --scenario test_skirmish --seed 2 --difficulty 2 --record base.rec >/dev/null ||
    { echo "FAIL: cannot record the base game"; echo "0 passed, 1 failed"; exit 1; }
verifies base.rec "the untouched record"

# ---- one record per class, from the sed scripts
for sed_file in "$SRC"/tests/hostile/records/*.sed; do
    name=$(basename "$sed_file" .sed)
    ere=$(sed -n '1s/^# expect: //p' "$sed_file")
    sed -f "$sed_file" base.rec > "$name.rec"
    if cmp -s base.rec "$name.rec"; then bad "$name: the sed script changed nothing"; continue; fi
    if [ "$ere" = ok ]; then verifies "$name.rec" "$name"; continue; fi
    err="$("$BIN" --replay "$name.rec" --verify 2>&1)"; rc=$?
    refused "$name.rec" $rc "$err" "$ere"
done

# ---- the hash count is the file's, not the re-simulation's
out="$("$BIN" --replay base.rec --verify)"
[ "$(printf '%s' "$out" | sed -n 's/.*, \([0-9]*\) turn hashes match.*/\1/p')" = "$(hashes_in base.rec)" ] &&
    ok "verified hash count = the file's hash lines ($(hashes_in base.rec))" || bad "hash count: $out"

# ---- saving: a symlink at NAME.tmp is not followed; the record lands in place
echo "precious" > victim.txt
cp base.rec saved.rec
ln -s victim.txt saved.rec.tmp
"$BIN" --headless --scenario test_skirmish --seed 3 --record saved.rec >/dev/null; rc=$?
[ $rc -eq 0 ] && [ "$(cat victim.txt)" = precious ] && [ -L saved.rec.tmp ] && grep -q '^seed 3$' saved.rec &&
    ok "symlinked .tmp: not followed, the victim is untouched, the save is in place" ||
    bad "symlinked .tmp: rc=$rc victim=$(cat victim.txt) $(head -c 200 saved.rec)"
[ -z "$(ls | grep -E '^saved\.rec\..*\.tmp$')" ] && ok "no temporary left after a save" || bad "temporaries left: $(ls)"

# ---- pictures are written the same way: a symlink at OUT.png.tmp is not followed
ln -s victim.txt shot.png.tmp
"$BIN" --screenshot shot.png --scenario test_skirmish --size 320x200 2>/dev/null; rc=$?
[ $rc -eq 0 ] && [ "$(cat victim.txt)" = precious ] && [ "$(head -c 4 shot.png | tail -c 3)" = PNG ] &&
    ok "screenshot: a symlink at shot.png.tmp is not followed" || bad "screenshot symlink: rc=$rc victim=$(head -c 40 victim.txt)"

# ---- saving: a save that fails half way keeps the old file and leaves no temporary
"$BIN" --headless --scenario test_skirmish --seed 4 --turns 1 --record old.rec >/dev/null
cp old.rec old.copy
err="$( (trap '' XFSZ; ulimit -f 1; "$BIN" --headless --scenario ningjiang1114 --seed 4 --record old.rec) 2>&1 >/dev/null)"; rc=$?
[ $rc -eq 1 ] && cmp -s old.rec old.copy && printf '%s' "$err" | grep -q "old.rec: write failed (the old file is kept)" &&
    [ -z "$(ls | grep -E '^old\.rec\..*\.tmp$')" ] &&
    ok "failed save: old file kept, temporary removed: $err" || bad "failed save: rc=$rc $err; $(ls)"
mkdir -p dir.rec/inside
err="$("$BIN" --headless --scenario test_skirmish --seed 4 --turns 1 --record dir.rec 2>&1 >/dev/null)"; rc=$?
[ $rc -eq 1 ] && [ -d dir.rec/inside ] && printf '%s' "$err" | grep -q "dir.rec: cannot replace the file (the old one is kept)" &&
    [ -z "$(ls | grep -E '^dir\.rec\..*\.tmp$')" ] &&
    ok "save over a folder: refused, the folder kept: $err" || bad "save over a folder: rc=$rc $err"

# ---- a record made in one folder verifies in another
mkdir -p made moved
(cd made && "$BIN" --headless --scenario ningjiang1114 --seed 5 --record game.rec >/dev/null)
cp made/game.rec moved/
(cd moved && verifies game.rec "built-in scenario, record moved to another folder")

# ---- every step of a campaign, recorded in one folder, verifies in another
mkdir -p camp-made camp-moved
(cd camp-made && "$BIN" --headless --scenario jin_campaign --seed 3 --turns 2 --difficulty 3 --record c.rec >/dev/null)
cp camp-made/c.rec.* camp-moved/
for f in camp-moved/c.rec.*; do
    (cd camp-moved && verifies "$(basename "$f")" "campaign step $(basename "$f") moved to another folder")
done
grep -q '^difficulty 3$' camp-moved/c.rec.2 && ok "a campaign's steps keep --difficulty" || bad "campaign difficulty: $(grep difficulty camp-moved/c.rec.2)"

# ---- a scenario given by path: found again at its path, then in the record's folder
mkdir -p mine
cp "$SRC/scripts/scenarios/test_skirmish.lua" mine/my_battle.lua
(cd mine && "$BIN" --headless --scenario ./my_battle.lua --seed 6 --record path.rec --json > ../path.json)
grep -q "^scenario-file path $SCRATCH/mine/my_battle.lua$" mine/path.rec &&
    ok "the record names the scenario's file by its absolute path" || bad "scenario-file line: $(sed -n 4p mine/path.rec)"
(cd / && verifies "$SCRATCH/mine/path.rec" "path scenario, verified from another folder")
mv mine elsewhere
(cd / && verifies "$SCRATCH/elsewhere/path.rec" "path scenario moved with its record: found in the record's folder")
rm elsewhere/my_battle.lua
err="$(cd / && "$BIN" --replay "$SCRATCH/elsewhere/path.rec" --verify 2>&1)"; rc=$?
refused path.rec $rc "$err" ":4: needs the scenario file $SCRATCH/mine/my_battle.lua \(scenario test_skirmish\); not found there, nor as my_battle.lua in the mods folder .*, nor in the record's folder $SCRATCH/elsewhere"
# paths do not enter the game: the same game by id has the same final state
"$BIN" --headless --scenario test_skirmish --seed 6 --json > id.json
[ "$(grep -o '"state_hash":"[0-9a-f]*"' id.json)" = "$(grep -o '"state_hash":"[0-9a-f]*"' path.json)" ] &&
    ok "a scenario played from a path has the same state hash as by id" || bad "state differs by path: $(grep -o '"state_hash":"[0-9a-f]*"' id.json path.json)"

# ---- a mod: named by its file in the mods folder; a changed or missing mod is named
mkdir -p mods/scenarios
sed 's/id = "test_skirmish"/id = "skirmish_mod"/' "$SRC/scripts/scenarios/test_skirmish.lua" > mods/scenarios/skirmish_mod.lua
"$BIN" --mod-dir "$SCRATCH/mods" --headless --scenario skirmish_mod --seed 7 --record mod.rec >/dev/null
grep -q '^scenario-file mod scenarios/skirmish_mod.lua$' mod.rec && ok "the record names the mod by its file in the mods folder" ||
    bad "mod scenario-file line: $(sed -n 4p mod.rec)"
out="$("$BIN" --mod-dir "$SCRATCH/mods" --replay mod.rec --verify 2>&1)" && ok "mod record verifies: $out" || bad "mod record: $out"
echo "-- changed after the game was recorded" >> mods/scenarios/skirmish_mod.lua
err="$("$BIN" --mod-dir "$SCRATCH/mods" --replay mod.rec --verify 2>&1)"; rc=$?
refused mod.rec $rc "$err" ":3: scenario skirmish_mod has changed since this was recorded: $SCRATCH/mods/scenarios/skirmish_mod.lua \(content hash [0-9a-f]{16}, now [0-9a-f]{16}\)"
rm mods/scenarios/skirmish_mod.lua
err="$("$BIN" --mod-dir "$SCRATCH/mods" --replay mod.rec --verify 2>&1)"; rc=$?
refused mod.rec $rc "$err" ":4: needs the mod file scenarios/skirmish_mod.lua \(scenario skirmish_mod\) in the mods folder $SCRATCH/mods"

# ---- a campaign where a scenario is expected: one line, no crash, everywhere
camp="$SRC/scripts/campaigns/jin.lua"
for args in "--tournament --scenario $camp --games 1" "--tournament --scenario jin_campaign --games 1" \
            "--screenshot $SCRATCH/shot.png --scenario $camp" "--screenshot $SCRATCH/shot.png --scenario jin_campaign"; do
    err="$("$BIN" $args 2>&1 >/dev/null)"; rc=$?
    [ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q 'is a campaign, not a scenario' &&
        ok "campaign refused: ${args%% *} ... ${args##* }: $err" || bad "campaign: $args: rc=$rc $err"
done
sed "s|^scenario-file .*|scenario-file path $camp|; s|^scenario [a-z_0-9]*|scenario jin_campaign|" base.rec > camp-path.rec
err="$("$BIN" --replay camp-path.rec --verify 2>&1)"; rc=$?
refused camp-path.rec $rc "$err" ":4: \"$camp\" is a campaign, not a scenario"

# ---- difficulty: in the header, honoured by --replay, range-checked on the command line
grep -q '^difficulty 2$' base.rec && ok "--headless --difficulty 2 is in the record" || bad "difficulty line: $(grep difficulty base.rec)"
[ "$("$BIN" --replay base.rec --headless --json | grep -o '"difficulty":[0-9]*')" = '"difficulty":2' ] &&
    ok "--replay plays on at the record's difficulty" || bad "replay difficulty: $("$BIN" --replay base.rec --headless --json | head -c 200)"
sed -f "$SRC/tests/hostile/records/format-1-record.sed" base.rec > v1.rec
[ "$("$BIN" --replay v1.rec --headless --json | grep -o '"difficulty":[0-9]*')" = '"difficulty":1' ] &&
    ok "a format-1 record plays on at difficulty 1" || bad "format-1 difficulty"
err="$("$BIN" --headless --scenario test_skirmish --difficulty 9 2>&1)"; rc=$?
[ $rc -eq 2 ] && printf '%s' "$err" | grep -q 'bad difficulty (0-3): 9' && ok "--headless --difficulty 9: $err" || bad "difficulty 9: rc=$rc $err"

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]

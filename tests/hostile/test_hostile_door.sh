#!/bin/bash
# Rule: hostile scenario and campaign files (tests/hostile/door/, one per class of issue 12) never
# crash the game, never hang a listing, and always end in a FILE:LINE message:
#   --check FILE exits 0 or 1 (never a signal), and a broken file's report names FILE:LINE;
#   --headless --scenario FILE finishes and gives the same state_hash on two runs and from two folders;
#   --list-scenarios --mod-dir DIR with the hostile mods in DIR lists every built-in scenario and
#     names each broken mod in one line, stopped by the listing's own small budget;
#   a built-in scenario plays the same game while the hostile mods sit in the mods folder.
BIN="$1"; SRC="$2"; SCRATCH="$3/hostile-door"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH"
export GYR_DATA_DIR="$SRC"
IN="$SRC/tests/hostile/door"
passed=0; failed=0
pass() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
# A guard against a hang, not a measure: every run here takes well under a second.
run() { timeout 120 "$BIN" "$@"; }
hash_of() { printf '%s' "$1" | grep -o '"state_hash":"[0-9a-f]*"' | tail -1 | sed 's/.*:"//; s/"//'; }

# ---- --check: exit status and FILE:LINE
for f in "$IN"/*.lua; do
    name="$(basename "$f")"
    out="$(run --check "$f" 2>&1)"; rc=$?
    if [ $rc -ge 128 ]; then bad "--check $name died with status $rc: $out"; continue; fi
    case "$name" in
    index_strings.lua|loop_before_scenario.lua|pcall_loop_before_scenario.lua|campaign_pcall_loop.lua|campaign_hostile_fields.lua)
        [ $rc = 1 ] && printf '%s' "$out" | grep -q "$name:[0-9][0-9]*: " \
            && pass "--check $name: $(printf '%s' "$out" | head -1)" || bad "--check $name rc=$rc: $out" ;;
    *)
        [ $rc = 0 ] && pass "--check $name is clean" || bad "--check $name rc=$rc: $out" ;;
    esac
done
out="$(run --check "$IN/index_strings.lua" 2>&1)"
printf '%s' "$out" | grep -q "index_strings.lua:23: unit without a type" \
    && pass "unit{} fields behind __index are not read" || bad "index_strings: $out"

# ---- headless play: finishes, same hash twice and from another folder
mkdir -p "$SCRATCH/elsewhere/deeper/folder"
cp "$IN"/*.lua "$SCRATCH/elsewhere/deeper/folder/"
for name in newindex_g rawset_declaration choice_len choice_options memory_after_cap error_objects \
            message_tostring coroutines deep_recursion handler_multiplies handler_error caught_error; do
    a="$(run --headless --scenario "$IN/$name.lua" --seed 1 --ai all --turns 3 --json 2>"$SCRATCH/$name.err")"; rca=$?
    b="$(run --headless --scenario "$IN/$name.lua" --seed 1 --ai all --turns 3 --json 2>/dev/null)"; rcb=$?
    c="$(run --headless --scenario "$SCRATCH/elsewhere/deeper/folder/$name.lua" --seed 1 --ai all --turns 3 --json 2>/dev/null)"; rcc=$?
    ha="$(hash_of "$a")"; hb="$(hash_of "$b")"; hc="$(hash_of "$c")"
    if [ $rca != 0 ] || [ $rcb != 0 ] || [ $rcc != 0 ] || [ -z "$ha" ]; then
        bad "headless $name: status $rca/$rcb/$rcc: $(head -3 "$SCRATCH/$name.err")"
    elif [ "$ha" != "$hb" ] || [ "$ha" != "$hc" ]; then
        bad "headless $name: hashes $ha, $hb, $hc (two runs, another folder)"
    else
        pass "headless $name finishes, same hash $ha twice and from another folder"
    fi
    # every script error printed names FILE:LINE
    noline="$(grep '^SCRIPT: ' "$SCRATCH/$name.err" | grep -v '^SCRIPT: [^ ]*\.lua:[0-9][0-9]*: ' | grep -v 'more handler errors in this event')"
    [ -z "$noline" ] && pass "headless $name: every script error has FILE:LINE" || bad "headless $name: $noline"
done
# on() is bounded: handlers that register handlers stop at the documented maximum, and an event
# logs at most 8 of its handler errors one by one
err="$(run --headless --scenario "$IN/handler_multiplies.lua" --seed 1 --ai all --turns 6 2>&1 >/dev/null)"
printf '%s' "$err" | grep -q 'handler_multiplies.lua:21: .*too many handlers (at most 256 in all)' \
    && pass "on() refuses the 257th handler with FILE:LINE" || bad "no bound on on(): $(printf '%s' "$err" | head -2)"
n="$(printf '%s\n' "$err" | grep -c '^SCRIPT: ')"
[ "$n" -le 400 ] && pass "handler_multiplies prints $n script lines in 6 turns" || bad "handler_multiplies prints $n lines"
# the log holds the file's name, not the folder it was started from
log="$(run --headless --scenario "$SCRATCH/elsewhere/deeper/folder/handler_error.lua" --seed 1 --ai all --turns 2 2>/dev/null)"
printf '%s' "$log" | grep -q 'Script error: handler_error.lua:20: the herders refuse' \
    && ! printf '%s' "$log" | grep -q "elsewhere" \
    && pass "the handler error in the log names handler_error.lua:20 without a folder" || bad "log: $(printf '%s' "$log" | grep 'Script error' | head -2)"

# ---- listings with the hostile mods in the mods folder
MODS="$SCRATCH/mods"; MODS2="$SCRATCH/mods2"
mkdir -p "$MODS" "$MODS2"
for name in loop_before_scenario pcall_loop_before_scenario newindex_g rawset_declaration handler_error index_strings; do
    cp "$IN/$name.lua" "$MODS/"
done
cp "$IN/handler_error.lua" "$MODS2/"
builtin="$(run --list-scenarios --mod-dir "$SCRATCH/no_mods" 2>/dev/null | cut -f1)"
list="$(run --list-scenarios --mod-dir "$MODS" 2>"$SCRATCH/list.err")"; rc=$?
[ $rc = 0 ] && pass "--list-scenarios with hostile mods exits 0" || bad "--list-scenarios rc=$rc"
missing=0
for id in $builtin; do printf '%s\n' "$list" | grep -q "^$id	" || { bad "built-in $id not listed"; missing=1; }; done
[ $missing = 0 ] && pass "every built-in ($(printf '%s\n' "$builtin" | wc -l)) still listed"
for id in door_newindex_g door_rawset_decl door_handler_error door_index_strings; do
    printf '%s\n' "$list" | grep -q "^$id	" && pass "mod $id listed" || bad "mod $id not listed"
done
for name in loop_before_scenario pcall_loop_before_scenario; do
    lines="$(grep -c "/$name.lua" "$SCRATCH/list.err")"
    grep -q "^SCRIPT: skipping $MODS/$name.lua:[0-9][0-9]*: script exceeded its instruction budget (200000 instructions)$" "$SCRATCH/list.err" \
        && [ "$lines" = 1 ] && pass "listing names $name in one line, stopped after 200000 instructions" \
        || bad "listing of $name: $(cat "$SCRATCH/list.err")"
done
# a built-in scenario plays the same game with the hostile mods around
a="$(run --headless --scenario test_skirmish --seed 3 --turns 2 --json --mod-dir "$SCRATCH/no_mods" 2>/dev/null)"
b="$(run --headless --scenario test_skirmish --seed 3 --turns 2 --json --mod-dir "$MODS" 2>/dev/null)"; rc=$?
[ $rc = 0 ] && [ -n "$(hash_of "$a")" ] && [ "$(hash_of "$a")" = "$(hash_of "$b")" ] \
    && pass "test_skirmish starts and plays the same ($(hash_of "$a")) with the hostile mods" || bad "test_skirmish with mods: rc=$rc '$(hash_of "$a")' '$(hash_of "$b")'"
# the same mod by id from two mods folders (one in scenarios/): the same game
a="$(run --headless --scenario door_handler_error --seed 1 --ai all --turns 3 --json --mod-dir "$MODS" 2>/dev/null)"
b="$(run --headless --scenario door_handler_error --seed 1 --ai all --turns 3 --json --mod-dir "$MODS2" 2>/dev/null)"
c="$(run --headless --scenario "$IN/handler_error.lua" --seed 1 --ai all --turns 3 --json 2>/dev/null)"
[ -n "$(hash_of "$a")" ] && [ "$(hash_of "$a")" = "$(hash_of "$b")" ] && [ "$(hash_of "$a")" = "$(hash_of "$c")" ] \
    && pass "door_handler_error hashes $(hash_of "$a") from two mods folders and from a path" \
    || bad "door_handler_error from two mods folders: '$(hash_of "$a")' '$(hash_of "$b")' '$(hash_of "$c")'"

# ---- campaigns in the sandbox
a="$(run --headless --scenario "$IN/campaign_pairs.lua" --seed 5 --turns 1 2>"$SCRATCH/pairs.err")"; rca=$?
b="$(run --headless --scenario "$IN/campaign_pairs.lua" --seed 5 --turns 1 2>/dev/null)"; rcb=$?
[ $rca = 0 ] && [ $rcb = 0 ] && [ -n "$a" ] && [ "$a" = "$b" ] \
    && pass "campaign_pairs plays the same scenarios in the same order on two runs" \
    || bad "campaign_pairs: status $rca/$rcb, $(head -2 "$SCRATCH/pairs.err")"
printf '%s' "$a" | grep -q "before dongjing1116 table function" && pass "campaign texts hold no addresses" \
    || bad "campaign interlude: $(printf '%s' "$a" | grep before | head -1)"
order="$(printf '%s\n' "$a" | grep -o '^before [a-z_0-9]*' | cut -d' ' -f2 | tr '\n' ' ')"
[ "$order" = "dongjing1116 huanglong1115 ningjiang1114 test_skirmish " ] && pass "pairs() over a campaign table is sorted: $order" \
    || bad "campaign order: '$order'"
err="$(run --headless --scenario "$IN/campaign_pcall_loop.lua" --seed 1 --turns 1 2>&1 >/dev/null)"; rc=$?
[ $rc = 1 ] && printf '%s' "$err" | grep -q "campaign_pcall_loop.lua:5: script exceeded its instruction budget" \
    && pass "a campaign's pcall loop is stopped with FILE:LINE" || bad "campaign pcall loop rc=$rc: $err"
err="$(run --headless --scenario "$IN/campaign_hostile_fields.lua" --seed 1 --turns 1 2>&1 >/dev/null)"; rc=$?
[ $rc = 1 ] && printf '%s' "$err" | grep -q "campaign_hostile_fields.lua:5: campaign needs 1 to 16 scenarios" \
    && pass "campaign{} fields behind __index/__len are not read" || bad "campaign hostile fields rc=$rc: $err"

echo "$passed passed, $failed failed"
[ $failed = 0 ]

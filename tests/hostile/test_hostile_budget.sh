#!/bin/bash
# Rule: whatever a scenario script does, the budget stops it deterministically and the game goes
# on. Each tests/hostile/budget/*.lua is one hostile class; its header says how it runs
# ("-- mode: check" runs --check, "-- mode: play" plays two turns headless) and what must
# come out ("-- expect: TEXT": a message FILE:LINE: ...TEXT naming the line marked "-- here";
# "-- expect: nothing": no script error at all). A played file must also give the same
# state_hash on two runs; one with "-- verify: replay" must also give a recording that verifies
# with --replay FILE --verify (the folder is given as --mod-dir so the replay finds it).
# Times are not asserted (the figures are in the commit that added this test).
BIN="$1"; SRC="$2"; SCRATCH="$3/hostile-budget"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH"
export GYR_DATA_DIR="$SRC"
passed=0; failed=0
ok()  { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
hash_of() { grep -o '"state_hash":"[^"]*"' "$1" | head -1; }

for f in "$SRC"/tests/hostile/budget/*.lua; do
    name="$(basename "$f" .lua)"
    mode="$(sed -n 's/^-- mode: //p' "$f" | head -1)"
    expect="$(sed -n 's/^-- expect: //p' "$f" | head -1)"
    line="$(grep -n -- '-- here$' "$f" | head -1 | cut -d: -f1)"
    out="$SCRATCH/$name"
    if [ "$mode" = check ]; then
        "$BIN" --check "$f" > "$out.txt" 2>&1
        rc=$?
        if [ $rc = 0 ] || [ $rc -gt 1 ]; then bad "$name: --check exits $rc (1 expected: a problem found, no crash)"; continue; fi
    elif [ "$mode" = play ]; then
        verify="$(grep -c '^-- verify: replay' "$f")"
        rec=(); [ "$verify" != 0 ] && rec=(--record "$out.rec")
        "$BIN" --headless --scenario "$f" --seed 3 --ai all --turns 2 --json "${rec[@]}" > "$out.json" 2> "$out.txt"
        rc=$?
        if [ $rc != 0 ]; then bad "$name: the game did not go on (exit $rc): $(tail -2 "$out.txt")"; continue; fi
        "$BIN" --headless --scenario "$f" --seed 3 --ai all --turns 2 --json > "$out.2.json" 2> /dev/null
        h1="$(hash_of "$out.json")"; h2="$(hash_of "$out.2.json")"
        if [ -z "$h1" ] || [ "$h1" != "$h2" ]; then bad "$name: state hash differs between two runs ($h1 / $h2)"; continue; fi
        if [ "$verify" != 0 ] && ! "$BIN" --mod-dir "$(dirname "$f")" --replay "$out.rec" --verify > "$out.verify.txt" 2>&1; then
            bad "$name: its recording does not verify: $(tail -2 "$out.verify.txt")"; continue
        fi
    else
        bad "$name: no '-- mode: check|play' line"; continue
    fi
    if [ "$expect" = nothing ]; then
        if grep -q "$name.lua:[0-9]*:" "$out.txt" "$out.json" 2>/dev/null; then
            bad "$name: expected no script error, got: $(grep -m1 -o "$name.lua:[0-9]*:.*" "$out.txt" "$out.json" | head -1)"; continue
        fi
    else
        if [ -z "$line" ]; then bad "$name: no line marked '-- here'"; continue; fi
        if ! grep -q -- "$name.lua:$line: .*$expect" "$out.txt"; then
            bad "$name: expected '$name.lua:$line: ...$expect', got: $(grep -m1 -o "$name.lua:[0-9]*:.*" "$out.txt" | head -1)"; continue
        fi
    fi
    echo "ok: $name"
    ok
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

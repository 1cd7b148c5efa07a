#!/bin/bash
# Rule: a headless game recorded with --record verifies with --replay --verify, and the
# replay's final hash is the game's.
. "$(dirname "$0")/lib.sh"
out="$("$BIN" --headless --scenario test_skirmish --seed 11 --record "$SCRATCH/g.rec" --json)" || bad "record run failed"
h="$(json_field "$out" state_hash)"
v="$("$BIN" --replay "$SCRATCH/g.rec" --verify)" && pass "verified: $v" || bad "verify failed: $v"
printf '%s' "$v" | grep -q "$h" && pass "final hash $h matches" || bad "verify output lacks final hash $h"
grep -q '^hash ' "$SCRATCH/g.rec" || bad "no hash lines in the record"
finish

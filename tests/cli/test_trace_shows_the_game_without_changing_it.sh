#!/bin/bash
# Rule: --trace prints each side's roster and every command as it is played, and the game it
# plays is the same game (same state hash) as without --trace; outside --headless it is refused
# with a one-line reason instead of being ignored.
. "$(dirname "$0")/lib.sh"
plain="$("$BIN" --headless --scenario ningjiang1114 --seed 3 --turns 3 --json)" || bad "headless run failed"
"$BIN" --headless --scenario ningjiang1114 --seed 3 --turns 3 --trace > "$SCRATCH/trace.txt" || bad "traced run failed"
grep -q '^-- turn 1, jin to move' "$SCRATCH/trace.txt" && pass "roster heading" || bad "no '-- turn 1, jin to move' line"
grep -q "^   #[0-9]* .*steps, cohesion" "$SCRATCH/trace.txt" && pass "unit lines" || bad "no unit line with steps and cohesion"
grep -q '^   move #[0-9]* to (' "$SCRATCH/trace.txt" && pass "move lines" || bad "no move line"
grep -q '^      > ' "$SCRATCH/trace.txt" && pass "event lines" || bad "no event line under a command"
h1="$(json_field "$plain" state_hash)"
h2="$(sed -n 's/^state hash: //p' "$SCRATCH/trace.txt")"
[ -n "$h1" ] && [ "$h1" = "$h2" ] && pass "same game: $h1" || bad "traced game differs: '$h1' vs '$h2'"
err="$("$BIN" --replay "$SCRATCH/none.rec" --verify --trace 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && printf '%s' "$err" | grep -q -- '--trace works only with --headless' && pass "refused outside --headless: $err" || bad "--trace outside --headless rc=$rc: $err"
finish

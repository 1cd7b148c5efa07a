#!/bin/bash
# Rule: a replay whose recorded hash was changed fails --verify, non-zero, naming the line
# and the turn that differs.
. "$(dirname "$0")/lib.sh"
"$BIN" --headless --scenario test_skirmish --seed 5 --record "$SCRATCH/g.rec" --json >/dev/null || bad "record run failed"
line="$(grep -n '^hash 3 ' "$SCRATCH/g.rec" | head -1 | cut -d: -f1)"
[ -n "$line" ] || { bad "no hash for turn 3"; finish; }
awk -v L="$line" 'NR==L { h=$3; c=substr(h,1,1); $3=(c=="0" ? "1" : "0") substr(h,2) } { print }' "$SCRATCH/g.rec" > "$SCRATCH/t.rec"
cmp -s "$SCRATCH/g.rec" "$SCRATCH/t.rec" && bad "tampering changed nothing"
if err="$("$BIN" --replay "$SCRATCH/t.rec" --verify 2>&1)"; then bad "tampered replay verified"; else
    printf '%s' "$err" | grep -q "t.rec:$line: turn 3" && pass "refused: $err" || bad "message lacks line $line / turn 3: $err"
fi
# a tampered command: change the seed instead, the first hash differs
sed 's/^seed .*/seed 999/' "$SCRATCH/g.rec" > "$SCRATCH/s.rec"
if err="$("$BIN" --replay "$SCRATCH/s.rec" --verify 2>&1)"; then bad "replay with another seed verified"; else pass "other seed refused: $err"; fi
finish

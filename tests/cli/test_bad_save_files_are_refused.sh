#!/bin/bash
# Rule: a truncated, corrupt or unknown-command save gets a clear one-line error naming the
# file and line, exit non-zero, and no crash.
. "$(dirname "$0")/lib.sh"
"$BIN" --headless --scenario test_skirmish --seed 2 --record "$SCRATCH/g.rec" --json >/dev/null || bad "record run failed"
head -c 60 "$SCRATCH/g.rec" > "$SCRATCH/trunc.rec"
err="$("$BIN" --replay "$SCRATCH/trunc.rec" --verify 2>&1)"; rc=$?
[ $rc -ne 0 ] && [ $rc -lt 128 ] && printf '%s' "$err" | grep -q "trunc.rec:[0-9]*: truncated" && pass "truncated: $err" || bad "truncated rc=$rc: $err"
{ cat "$SCRATCH/g.rec"; echo "teleport 0 1 2 3"; } > "$SCRATCH/unk.rec"
n=$(wc -l < "$SCRATCH/unk.rec")
err="$("$BIN" --replay "$SCRATCH/unk.rec" --verify 2>&1)"; rc=$?
[ $rc -ne 0 ] && [ $rc -lt 128 ] && printf '%s' "$err" | grep -q "unk.rec:$n:.*teleport" && pass "unknown command: $err" || bad "unknown command rc=$rc: $err"
{ head -n 12 "$SCRATCH/g.rec"; echo "move 0 99999 1 1"; } > "$SCRATCH/ill.rec"
err="$("$BIN" --replay "$SCRATCH/ill.rec" --verify 2>&1)"; rc=$?
[ $rc -ne 0 ] && [ $rc -lt 128 ] && printf '%s' "$err" | grep -q "ill.rec:13:.*refused" && pass "illegal command: $err" || bad "illegal command rc=$rc: $err"
head -c 3000 /dev/urandom > "$SCRATCH/noise.rec"
err="$("$BIN" --replay "$SCRATCH/noise.rec" --verify 2>&1)"; rc=$?
[ $rc -ne 0 ] && [ $rc -lt 128 ] && pass "noise: $err" || bad "noise rc=$rc"
err="$("$BIN" --replay "$SCRATCH/missing.rec" --verify 2>&1)"; rc=$?
[ $rc -ne 0 ] && [ $rc -lt 128 ] && printf '%s' "$err" | grep -q "missing.rec" && pass "missing: $err" || bad "missing rc=$rc: $err"
finish

#!/bin/bash
# Rule: two headless runs of one scenario with one seed print the same state_hash, and a
# different seed gives a different game.
. "$(dirname "$0")/lib.sh"
a="$("$BIN" --headless --scenario test_skirmish --seed 7 --json)" || bad "headless run failed"
b="$("$BIN" --headless --scenario test_skirmish --seed 7 --json)" || bad "second run failed"
c="$("$BIN" --headless --scenario test_skirmish --seed 8 --json)" || bad "seed 8 run failed"
ha="$(json_field "$a" state_hash)"; hb="$(json_field "$b" state_hash)"; hc="$(json_field "$c" state_hash)"
[[ "$ha" =~ ^[0-9a-f]{16}$ ]] || bad "state_hash is not 16 lowercase hex digits: '$ha'"
[ "$ha" = "$hb" ] && pass "seed 7 twice: $ha" || bad "seed 7 gave $ha then $hb"
[ "$ha" != "$hc" ] && pass "seed 8 differs: $hc" || bad "seeds 7 and 8 gave the same game"
finish

#!/bin/bash
# Rule: --headless --json prints one JSON object with scenario, seed, turns_played, outcome,
# winner, state_hash, events (turn, date, type, text) and factions (id, units, strength, places).
. "$(dirname "$0")/lib.sh"
out="$("$BIN" --headless --scenario test_skirmish --seed 3 --json)" || bad "headless run failed"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || bad "not one line of JSON"
for k in scenario seed turns_played outcome winner state_hash events factions; do
    printf '%s' "$out" | grep -q "\"$k\":" && pass "has $k" || bad "missing key $k"
done
for k in turn date type text; do
    printf '%s' "$out" | grep -q "\"events\":\[{.*\"$k\":" && pass "event has $k" || bad "events lack $k"
done
for k in id units strength places; do
    printf '%s' "$out" | grep -q "\"factions\":\[{.*\"$k\":" && pass "faction has $k" || bad "factions lack $k"
done
[ "$(json_field "$out" scenario)" = test_skirmish ] || bad "scenario field wrong"
finish

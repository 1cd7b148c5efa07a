#!/bin/bash
# test_scenarios.sh - every shipped scenario of the war passes --check, runs headless computer
# against computer to its end for three seeds without a script error, and fires its politics:
# the event types each scenario must log are listed below, per seed. A recorded game of each
# replays with matching hashes (the scripted politics are deterministic).
# Usage: bash test_scenarios.sh GYRFALCON_BINARY SOURCE_DIR BUILD_TESTS_DIR
set -u
BIN=${1:?gyrfalcon binary}
SRC=${2:?source dir}
OUT=${3:-/tmp}/scenarios
mkdir -p "$OUT"
export GYR_DATA_DIR="$SRC"
SEEDS=${GYR_SCENARIO_SEEDS:-"1 2 3"}   # more seeds: GYR_SCENARIO_SEEDS="1 2 3 4 5"
fail=0

# Event types that must appear in every seed's --json events. These are the events that the
# scenario fires whatever the computer players do (with fallbacks when history does not happen).
declare -A NEED=(
  [ningjiang1114]="defection rebellion faction_created message"
  [huanglong1115]="defection rebellion faction_created choice message"
  [dongjing1116]="defection rebellion faction_created relation_changed choice leader_killed message"
  [shangjing1120]="defection rebellion faction_created desertion choice message"
  [zhongjing1122]="defection rebellion faction_created choice message"
  [tianzuo1122]="defection rebellion faction_created relation_changed leader_killed message"
)
SCENARIOS="ningjiang1114 huanglong1115 dongjing1116 shangjing1120 zhongjing1122 tianzuo1122"

# Prints the event types of a --json summary, one per line (no jq needed).
event_types() { grep -o '"type":"[a-z_]*"' "$1" | cut -d'"' -f4 | sort -u; }

for id in $SCENARIOS; do
  file="$SRC/scripts/scenarios/$id.lua"
  if ! "$BIN" --check "$file" > "$OUT/$id.check" 2>&1; then
    echo "FAIL $id: --check: $(head -3 "$OUT/$id.check")"; fail=1; continue
  fi
  for seed in $SEEDS; do
    json="$OUT/$id.$seed.json"
    if ! "$BIN" --headless --scenario "$id" --seed "$seed" --json > "$json" 2> "$OUT/$id.$seed.err"; then
      echo "FAIL $id seed $seed: exit status $? ($(head -2 "$OUT/$id.$seed.err"))"; fail=1; continue
    fi
    if grep -q '^SCRIPT:' "$OUT/$id.$seed.err" || grep -q 'Script error' "$json"; then
      echo "FAIL $id seed $seed: script error: $(grep -m1 -o 'Script error[^"]*' "$json"; grep -m1 '^SCRIPT:' "$OUT/$id.$seed.err")"
      fail=1
    fi
    if ! grep -q '"over":true' "$json"; then
      echo "FAIL $id seed $seed: the game did not reach its end"; fail=1
    fi
    types=$(event_types "$json")
    for need in ${NEED[$id]}; do
      if ! grep -qx "$need" <<< "$types"; then
        echo "FAIL $id seed $seed: no '$need' event (got: $(echo $types))"; fail=1
      fi
    done
    [ $fail -eq 0 ] && echo "ok   $id seed $seed: $(grep -o '"outcome":"[^"]*"' "$json" | head -1)"
  done
done

# The politics replay exactly: a recorded game of each scenario re-simulates with every hash.
for id in $SCENARIOS; do
  rec="$OUT/$id.rec"
  if ! "$BIN" --headless --scenario "$id" --seed 7 --record "$rec" > /dev/null 2> "$OUT/$id.rec.err"; then
    echo "FAIL $id: recording failed: $(head -2 "$OUT/$id.rec.err")"; fail=1; continue
  fi
  if ! "$BIN" --replay "$rec" --verify --headless > "$OUT/$id.verify" 2>&1; then
    echo "FAIL $id: replay does not verify: $(tail -2 "$OUT/$id.verify")"; fail=1
  fi
done

# The two campaigns load and are listed.
list=$("$BIN" --list-scenarios 2>&1)
for c in jin_campaign liao_campaign $SCENARIOS; do
  if ! grep -q "^$c	" <<< "$list"; then echo "FAIL --list-scenarios lacks $c"; fail=1; fi
done

# A broken copy of a scenario is refused with FILE:LINE.
broken="$OUT/broken_ningjiang.lua"
sed 's/type = "jurchen_heavy_cavalry"/type = "no_such_unit_type"/' "$SRC/scripts/scenarios/ningjiang1114.lua" > "$broken"
if "$BIN" --check "$broken" > "$OUT/broken.check" 2>&1; then
  echo "FAIL --check accepted a scenario with an unknown unit type"; fail=1
elif ! grep -q "broken_ningjiang.lua:[0-9]*:" "$OUT/broken.check"; then
  echo "FAIL --check did not say FILE:LINE: $(head -2 "$OUT/broken.check")"; fail=1
fi

exit $fail

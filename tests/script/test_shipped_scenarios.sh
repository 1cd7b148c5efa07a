# test_shipped_scenarios.sh - every scenario in scripts/scenarios/ passes --check and plays
# headless, computer against computer, to its end for several seeds without a script error;
# and the politics it scripts happen: a scenario that calls gyr.defect shows a defection in
# the events of at least one of the seeds, and so on for rebellions, choices and desertions.
BIN="$1"; SRC="$2"; SCRATCH="$3/script-shipped"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH"
export GYR_DATA_DIR="$SRC"
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
SEEDS="1 2 3 4 5"
for file in "$SRC"/scripts/scenarios/*.lua; do
    id=$(basename "$file" .lua)
    out=$("$BIN" --check "$file" 2>&1) || { bad "$id: --check: $out"; continue; }
    all=""
    for seed in $SEEDS; do
        json=$(timeout 600 "$BIN" --headless --scenario "$id" --seed "$seed" --json 2>"$SCRATCH/$id.$seed.err")
        rc=$?
        [ $rc = 0 ] || { bad "$id seed $seed: exit $rc: $(head -3 "$SCRATCH/$id.$seed.err")"; continue; }
        printf '%s' "$json" | grep -q '"outcome":"[^"]' || bad "$id seed $seed: the game did not end"
        printf '%s' "$json" | grep -q 'Script error' && bad "$id seed $seed: $(printf '%s' "$json" | grep -o 'Script error[^"]*' | head -1)"
        all="$all$json"
    done
    for pair in defect:defection rebellion:rebellion choice:choice desert:desertion create_faction:faction_created; do
        call=${pair%%:*}; type=${pair#*:}
        if grep -q "gyr\.$call\b" "$file" && ! printf '%s' "$all" | grep -q "\"type\":\"$type\""; then
            bad "$id: calls gyr.$call but no '$type' event in seeds $SEEDS"
        fi
    done
    echo "ok: $id"
done
if [ $fails = 0 ]; then echo "shipped scenarios: ok"; exit 0; else exit 1; fi

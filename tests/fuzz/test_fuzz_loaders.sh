#!/bin/bash
# Rule: no input crashes a loader. Builds one libFuzzer target per loader (map file, save/replay
# text, replay re-simulation, scenario script, campaign script) and one for the scenario API's
# bindings (fuzz_api.c) with clang's address and undefined-behaviour sanitizers, and the two
# pure-C parsers again with the memory sanitizer; runs the regression inputs in
# tests/fuzz/repro/ and the hostile scripts in tests/fuzz/hostile/ (endless loops, memory bombs:
# each once, as they are slow) and every .lua file in tests/hostile/*/ (the hostile suites'
# scenarios, through the scenario target), then fuzzes each target from the real files for a fixed number
# of runs with a fixed seed. Any crash, leak, UB report, uninitialised read, timeout or runaway
# allocation fails the test and leaves the input in BUILD/tests/fuzz/artifacts/. The per-input
# timeout is only a guard against a hang: the script budget stops hostile inputs by counting
# work, and a sanitized build on a machine shared with other jobs can be many times slower
# than usual, so the guard is generous (FUZZ_TIMEOUT seconds, default 1200). Skipped (passes)
# when clang cannot build libFuzzer programs. Longer runs: FUZZ_SCALE=10 multiplies every count.
set -u
BIN="$1"; SRC="$2"; WORK="$3/fuzz"
SCALE="${FUZZ_SCALE:-1}"
GUARD="${FUZZ_TIMEOUT:-1200}"   # seconds per input before libFuzzer calls it a hang
mkdir -p "$WORK"
cd "$WORK" || exit 1
passed=0; failed=0
ok()   { echo "ok: $*"; passed=$((passed + 1)); }
bad()  { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ]; exit $?; }

# ---------------------------------------------------------------- can clang build libFuzzer programs?
if ! command -v clang >/dev/null; then
    echo "SKIP: clang is not installed (tools/install-deps.sh installs it)"; finish
fi
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > probe.c
if ! clang -fsanitize=fuzzer,address,undefined probe.c -o probe 2>probe.log; then
    echo "SKIP: clang cannot link -fsanitize=fuzzer here: $(head -1 probe.log)"; finish
fi
MSAN=1
clang -fsanitize=fuzzer,memory probe.c -o probe-msan 2>/dev/null || MSAN=0

# ---------------------------------------------------------------- build
LUA_CFLAGS="$(pkg-config --cflags lua5.4)"; LUA_LIBS="$(pkg-config --libs lua5.4)"
DEFS="-D_POSIX_C_SOURCE=200809L -DGYR_VERSION=\"0.1.0\" -DGYR_SOURCE_DIR=\"$SRC\""
INC="-I$SRC/engine/core -I$SRC/engine/script -I$SRC/engine/ai $LUA_CFLAGS"
ASAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
MSANF="-fsanitize=memory -fsanitize-memory-track-origins"
rm -rf bin; mkdir -p obj obj-msan bin
NEWEST_H="$(ls -t "$SRC"/engine/*/*.h | head -1)"
export DEFS INC ASAN MSANF WORK NEWEST_H
compile() {   # compile SOURCE into obj/ (asan+ubsan) or obj-msan/ (msan) unless its object is newer than it and every header
    local src="$1" kind="$2" o
    o="$(echo "$src" | tr / _).o"
    [ "$kind" = msan ] && [ "$WORK/obj-msan/$o" -nt "$src" ] && [ "$WORK/obj-msan/$o" -nt "$NEWEST_H" ] && return 0
    [ "$kind" != msan ] && [ "$WORK/obj/$o" -nt "$src" ] && [ "$WORK/obj/$o" -nt "$NEWEST_H" ] && return 0
    if [ "$kind" = msan ]; then
        clang -std=c11 -g -O1 -w $MSANF -fsanitize=fuzzer-no-link $DEFS $INC -c "$src" -o "$WORK/obj-msan/$o"
    else
        clang -std=c11 -g -O1 -w $ASAN -fsanitize=fuzzer-no-link $DEFS $INC -c "$src" -o "$WORK/obj/$o"
    fi
}
export -f compile
if ! ls "$SRC"/engine/core/*.c "$SRC"/engine/script/*.c "$SRC"/engine/ai/*.c |
        xargs -P2 -I{} bash -c 'compile "$1" asan' _ {} > build.log 2>&1; then
    cat build.log; bad "building the engine with -fsanitize=fuzzer-no-link,address,undefined"; finish
fi
if [ $MSAN = 1 ] && ! ls "$SRC"/engine/core/*.c "$SRC"/engine/script/record.c "$SRC"/engine/script/safefile.c |
        xargs -P2 -I{} bash -c 'compile "$1" msan' _ {} > build-msan.log 2>&1; then
    cat build-msan.log; bad "building the core and record.c with -fsanitize=memory"; MSAN=0
fi
for t in mapio record replay scenario api campaign; do
    if ! clang -std=c11 -g -O1 -Wall -Wextra $ASAN -fsanitize=fuzzer $DEFS $INC "$SRC/tests/fuzz/fuzz_$t.c" \
            obj/*.o $LUA_LIBS -lm -o bin/fuzz_$t 2> link-$t.log; then
        cat link-$t.log; bad "building fuzz_$t"; finish
    fi
done
if [ $MSAN = 1 ]; then
    for t in mapio record; do
        clang -std=c11 -g -O1 -w $MSANF -fsanitize=fuzzer $DEFS $INC "$SRC/tests/fuzz/fuzz_$t.c" \
            obj-msan/*.o -lm -o bin/fuzz_${t}_msan 2> link-${t}-msan.log || { cat link-${t}-msan.log; bad "building fuzz_${t}_msan"; MSAN=0; }
    done
fi

# ---------------------------------------------------------------- seeds from the real files
rm -rf seeds corpus artifacts tmp; mkdir -p seeds/{mapio,record,replay,scenario,api,campaign} artifacts tmp
export TMPDIR="$WORK/tmp"
# A piece of theatre.map: columns C0.., rows R0.. (R0 even keeps the rows' odd/even shift), the
# sides and places inside it moved to the new origin, the first NB borders, every river name.
submap() {
    awk -v C0="$1" -v R0="$2" -v W="$3" -v H="$4" -v NB="$5" '
    /^size /        { print "size", W, H; next }
    /^rows$/        { print; inrows = 1; r = 0; next }
    inrows && !/ /  { if ($0 != "end") { if (r >= R0 && r < R0 + H) print substr($0, C0 + 1, W); r++; next } }
                    { inrows = 0 }
    /^side /        { if ($2 >= C0 && $2 < C0 + W && $3 >= R0 && $3 < R0 + H) { $2 -= C0; $3 -= R0; print }; next }
    /^place /       { if ($4 >= C0 && $4 < C0 + W && $5 >= R0 && $5 < R0 + H) { $4 -= C0; $5 -= R0; print }; next }
    /^border /      { nb++; keep = nb <= NB; if (keep) print; next }
    /^pt /          { if (keep) print; next }
                    { print }' "$SRC/maps/theatre.map"
}
submap 60 40 24 12 1 > seeds/mapio/piece1.map
submap 0 0 8 4 0     > seeds/mapio/piece2.map
submap 80 60 30 20 2 > seeds/mapio/piece3.map
submap 100 30 6 2 0  > seeds/mapio/piece4.map
cp "$SRC/maps/theatre.map" seeds/mapio/theatre.map
n=0
for seed in 1 2; do
    if ! GYR_DATA_DIR="$SRC" "$BIN" --headless --scenario test_skirmish --seed $seed --record seeds/record/skirmish$seed.rec > /dev/null 2>record.log; then
        cat record.log; bad "recording test_skirmish seed $seed for the seeds"; finish
    fi
done
# the same game with a campaign header and carried units and leaders
sed '/^seed /a campaign jin_campaign 1\ncarry-unit aguda_host 0 3 250 1\ncarry-unit muster 1 0 0\ncarry-leader da_yaoshinu captured' \
    seeds/record/skirmish1.rec > seeds/record/skirmish1-carry.rec
cp seeds/record/*.rec seeds/replay/
# the hostile records suite's tampered records (tests/hostile/records/*.sed applied to a real
# game), run once each through the record and replay targets under the sanitizers
rm -rf hostile-records; mkdir -p hostile-records
if GYR_DATA_DIR="$SRC" "$BIN" --headless --scenario test_skirmish --seed 2 --difficulty 2 --record hostile-records/base.rec > /dev/null 2>&1; then
    for sed_file in "$SRC"/tests/hostile/records/*.sed; do
        [ -f "$sed_file" ] && sed -f "$sed_file" hostile-records/base.rec > "hostile-records/$(basename "$sed_file" .sed).rec" 2>/dev/null
    done
else
    bad "recording the base game for the hostile records"; finish
fi
cp "$SRC"/scripts/scenarios/*.lua seeds/scenario/
# the API target reads its input as choices: any bytes will do, these are a few fixed ones
cp seeds/record/skirmish1.rec seeds/mapio/piece2.map seeds/api/
printf 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ' > seeds/api/letters
cp "$SRC"/scripts/campaigns/*.lua seeds/campaign/

# ---------------------------------------------------------------- run
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export MSAN_OPTIONS="halt_on_error=1"
# run NAME BINARY DICT RUNS MAX_LEN TIMEOUT: the regression inputs and seeds once each, then RUNS
# fuzzing runs from seed 1 (a fresh corpus each time, so the result is the same on every run)
run() {
    local name="$1" bin="$2" dict="$3" runs=$(( $4 * SCALE )) maxlen="$5" tmo="$6" seeds="seeds/${1%_msan}" rc
    local opts=(-seed=1 -timeout="$tmo" -rss_limit_mb=2048 -malloc_limit_mb=512 -max_len="$maxlen"
                ${dict:+-dict="$SRC/tests/fuzz/$dict.dict"} -artifact_prefix="$WORK/artifacts/$name-"
                -len_control=0 -error_exitcode=77 -timeout_exitcode=78 -print_final_stats=1)
    local repro=() d f
    for d in repro hostile; do    # regression inputs and hostile seeds: too slow to mutate, run once
        [ -d "$SRC/tests/fuzz/$d/${name%_msan}" ] && repro+=("$SRC/tests/fuzz/$d/${name%_msan}"/*)
    done
    if [ "$name" = scenario ]; then   # the hostile suites' scenarios (tests/hostile/door/, budget/, ...)
        for f in "$SRC"/tests/hostile/*/*.lua; do [ -f "$f" ] && repro+=("$f"); done
    fi
    case "$name" in record|record_msan|replay) repro+=(hostile-records/*.rec) ;; esac
    local start=$SECONDS
    "bin/$bin" "${opts[@]}" "${repro[@]}" "$seeds"/* > "log-$name-inputs.txt" 2>&1
    rc=$?
    if [ $rc != 0 ]; then
        bad "$name: a regression input or seed fails (rc $rc):"; grep -m12 -E 'ERROR|SUMMARY|Running:|fuzz:|#[0-3] ' "log-$name-inputs.txt" | tail -12
        return
    fi
    rm -rf "corpus/$name"; mkdir -p "corpus/$name"
    "bin/$bin" "${opts[@]}" -runs="$runs" "corpus/$name" "$seeds" > "log-$name.txt" 2>&1
    rc=$?
    local execs; execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "log-$name.txt")"
    if [ $rc != 0 ]; then
        bad "$name: rc $rc after $((SECONDS - start)) s:"; grep -m12 -E 'ERROR|SUMMARY|fuzz:|#[0-3] ' "log-$name.txt"
        for a in artifacts/$name-*; do
            [ -f "$a" ] || continue
            echo "  reproducer $WORK/$a ($(wc -c < "$a") bytes), first lines:"; head -c 400 "$a" | head -5 | sed 's/^/    | /'; echo
        done
    else
        ok "$name: ${#repro[@]} fixed inputs, ${execs:-?} runs in $((SECONDS - start)) s, no crash, leak or UB"
    fi
}
run mapio     fuzz_mapio     mapio   100000 4096  "$GUARD"
run record    fuzz_record    record  100000 4096  "$GUARD"
run replay    fuzz_replay    record   20000 8192  "$GUARD"
run campaign  fuzz_campaign  campaign  8000 8192  "$GUARD"
run api       fuzz_api       ""         600 4096  "$GUARD"
run scenario  fuzz_scenario  scenario  2500 65536 "$GUARD"
if [ $MSAN = 1 ]; then
    run mapio_msan  fuzz_mapio_msan  mapio  30000 4096 "$GUARD"
    run record_msan fuzz_record_msan record 30000 4096 "$GUARD"
else
    echo "note: clang cannot build -fsanitize=memory programs here: uninitialised reads are not checked"
fi
finish

#!/bin/bash
# Rule: the same scenario, seed and commands give the same game whatever the compiler and
# optimisation level. Builds the simulation (core, script host, computer players) with gcc
# and clang at -O0 and -O2, plays whole games, and compares the final state hashes.
set -u
BIN="$1"; SRC="$2"; WORK="$3/determinism"
mkdir -p "$WORK"
LUA="$(pkg-config --cflags --libs lua5.4)"
fail=0
for cc in gcc clang; do
    command -v $cc >/dev/null || { echo "FAIL: $cc is not installed (tools/install-deps.sh installs it)"; exit 1; }
    for opt in O0 O2; do
        $cc -std=c11 -$opt -w -D_POSIX_C_SOURCE=200809L -DGYR_VERSION='"0.1.0"' -DGYR_SOURCE_DIR="\"$SRC\"" \
            -I"$SRC/engine/core" -I"$SRC/engine/script" -I"$SRC/engine/ai" \
            "$SRC"/engine/core/*.c "$SRC"/engine/script/*.c "$SRC"/engine/ai/*.c "$SRC/tests/determinism/driver.c" \
            $LUA -lm -o "$WORK/driver-$cc-$opt" || { echo "FAIL: build with $cc -$opt"; exit 1; }
    done
done
for scen in test_skirmish ningjiang1114 tianzuo1122; do
    for seed in 1 7; do
        ref=""
        for bin in "$WORK"/driver-*; do
            out="$(GYR_DATA_DIR="$SRC" "$bin" $scen $seed 2>&1)" || { echo "SKIP/FAIL: $scen: $out"; [ $scen = test_skirmish ] && fail=1; continue 2; }
            if [ -z "$ref" ]; then ref="$out"; fi
            if [ "$out" != "$ref" ]; then
                echo "FAIL: $scen seed $seed: $(basename "$bin") gives $out, expected $ref"; fail=1
            fi
        done
        echo "ok: $scen seed $seed -> $ref on gcc/clang -O0/-O2"
    done
done
[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail

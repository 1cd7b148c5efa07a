#!/bin/bash
# Rule: every mode exits 0 on success and non-zero with a one-line reason on stderr
# otherwise; --help and --version work; --list-scenarios prints id<TAB>title<TAB>years<TAB>sides.
. "$(dirname "$0")/lib.sh"
"$BIN" --version | grep -q '^gyrfalcon [0-9]' && pass "--version" || bad "--version"
"$BIN" --help | grep -q -- '--headless' && pass "--help" || bad "--help"
err="$("$BIN" --frobnicate 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && printf '%s' "$err" | grep -q frobnicate && pass "unknown flag: $err" || bad "unknown flag rc=$rc: $err"
err="$("$BIN" --headless --scenario no_such_scenario --seed 1 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && printf '%s' "$err" | grep -q no_such_scenario && pass "unknown scenario: $err" || bad "unknown scenario rc=$rc: $err"
err="$("$BIN" --seed banana 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && pass "bad seed: $err" || bad "bad seed accepted"
list="$("$BIN" --list-scenarios)" || bad "--list-scenarios failed"
[ -n "$list" ] || bad "no scenarios listed"
while IFS= read -r l; do
    [ "$(printf '%s' "$l" | awk -F'\t' '{print NF}')" = 4 ] || bad "not 4 tab-separated fields: $l"
done <<< "$list"
printf '%s\n' "$list" | grep -q "^test_skirmish	" && bad "test_skirmish listed without --all" || pass "test_skirmish hidden without --all"
finish

#!/bin/bash
# Rule: --list-scenarios lists the built-in scenarios by start date (ties by id), then the
# campaigns, then mods by date; test_ scenarios only with --all; --all alone is refused.
. "$(dirname "$0")/lib.sh"
mkdir -p "$SCRATCH/no_mods" "$SCRATCH/mods"
want="ningjiang1114 huanglong1115 dongjing1116 shangjing1120 zhongjing1122 tianzuo1122 jin_campaign liao_campaign"
got="$("$BIN" --list-scenarios --mod-dir "$SCRATCH/no_mods" | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
[ "$got" = "$want" ] && pass "built-ins in historical order, then the campaigns: $got" || bad "order: '$got', want '$want'"
all="$("$BIN" --list-scenarios --all --mod-dir "$SCRATCH/no_mods" | cut -f1)"
printf '%s\n' "$all" | grep -q '^test_skirmish$' && pass "--all lists test_skirmish" || bad "--all lacks test_skirmish: $all"
[ "$(printf '%s\n' "$all" | grep -v '^test_' | tr '\n' ' ' | sed 's/ $//')" = "$want" ] \
    && pass "--all keeps the order of the others" || bad "--all order: $all"
# two mods: the later date is written first by id, and must still come second; after the built-ins
base="$SRC/scripts/scenarios/test_skirmish.lua"
sed -e 's/id = "test_skirmish"/id = "a_late_mod"/' -e 's/year = 1114, month = 10, day = 8/year = 1121, month = 2, day = 3/' "$base" > "$SCRATCH/mods/a.lua"
sed -e 's/id = "test_skirmish"/id = "z_early_mod"/' -e 's/year = 1114, month = 10, day = 8/year = 1110, month = 1, day = 1/' "$base" > "$SCRATCH/mods/z.lua"
got="$("$BIN" --list-scenarios --mod-dir "$SCRATCH/mods" | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
[ "$got" = "$want z_early_mod a_late_mod" ] && pass "mods after the built-ins, by date" || bad "mods order: '$got'"
err="$("$BIN" --all 2>&1 >/dev/null)"; rc=$?
[ $rc -ne 0 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && pass "--all alone refused: $err" || bad "--all alone rc=$rc: $err"
"$BIN" --help | grep -q -- '--list-scenarios \[--all\]' && pass "--help names --all" || bad "--help lacks --all"
finish

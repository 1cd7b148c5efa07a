/* sandbox_int.h - what sandbox.c shares with its helper files (sb_sort.c, sb_match.c, sb_pairs.c): the
 * budget charge and the replacement library functions. Not used outside engine/script. */
#ifndef GYR_SANDBOX_INT_H
#define GYR_SANDBOX_INT_H
#include <lua.h>

/* Charges n instructions to the budget of the script running in L; raises the budget error
 * (FILE:LINE: script exceeded its instruction budget ...) when it is spent. A state that is
 * not a sandbox (no LScript: the tests' reference states) is never charged. */
typedef void (*LsChargeFn)(lua_State *L, long long n);

/* table.sort(t [, comp]): a stable merge sort, the same order for the same input in every
 * run and build; charges one instruction per comparison through charge (may be NULL). */
int ls_sort(lua_State *L);
/* Sets the charge function used by ls_sort and the pattern functions of this state
 * (sb_sort.c keeps it in the registry); ls_charge_fn gives it back, NULL when none was set. */
void ls_set_charge(lua_State *L, LsChargeFn charge);
LsChargeFn ls_charge_fn(lua_State *L);

/* Sets the globals pairs(t) and next(t [, k]) to versions in sorted key order (sb_pairs.c),
 * with their key caches in the registry; keys without an order (tables, functions) raise.
 * Charged through ls_charge_fn, so call ls_set_charge first. */
void ls_open_pairs(lua_State *L);

/* string.find/match/gmatch/gsub with Lua 5.4 pattern semantics, written for the sandbox:
 * every step of the matcher is counted and charged, so a backtracking pattern is stopped by
 * the budget. Puts the four functions into the table at idx. */
void ls_open_patterns(lua_State *L, int idx);
/* Steps counted per instruction charged by the matcher. */
#define LS_MATCH_STEPS_PER_INSTR 2
#endif

/* sb_sort.c - table.sort for the sandbox. Lua 5.4's own sort picks pivots from clock() and
 * time() when a partition is unbalanced, so records with equal keys come out in a different
 * order on every run. This one is a stable merge sort: the same input gives the same order in
 * every run and every build, and it is charged one instruction per comparison. */
#include <limits.h>
#include <string.h>
#include <lauxlib.h>
#include "sandbox_int.h"

#define SB_CHARGE_KEY "gyr.charge"

typedef struct SbCharge { LsChargeFn fn; } SbCharge;

void ls_set_charge(lua_State *L, LsChargeFn charge)
{
    SbCharge *c = lua_newuserdatauv(L, sizeof *c, 0);
    c->fn = charge;
    lua_setfield(L, LUA_REGISTRYINDEX, SB_CHARGE_KEY);
}

LsChargeFn ls_charge_fn(lua_State *L)
{
    LsChargeFn fn = NULL;
    if (lua_getfield(L, LUA_REGISTRYINDEX, SB_CHARGE_KEY) == LUA_TUSERDATA)
        fn = ((SbCharge *)lua_touserdata(L, -1))->fn;
    lua_pop(L, 1);
    return fn;
}

typedef struct SbSort {
    lua_State *L;
    int vals;           /* stack index of the table holding the values 1..n */
    int has_comp;       /* comparator at stack index 2 */
    LsChargeFn charge;
    long long pending;  /* comparisons not yet charged */
} SbSort;

/* Is value a strictly before value b (comparator, or '<')? May raise. */
static int sb_before(SbSort *S, int a, int b)
{
    lua_State *L = S->L;
    if (++S->pending >= 256 && S->charge) {
        S->charge(L, S->pending);
        S->pending = 0;
    }
    if (S->has_comp) {
        lua_pushvalue(L, 2);
        lua_rawgeti(L, S->vals, a);
        lua_rawgeti(L, S->vals, b);
        lua_call(L, 2, 1);
        int r = lua_toboolean(L, -1);
        lua_pop(L, 1);
        return r;
    }
    lua_rawgeti(L, S->vals, a);
    lua_rawgeti(L, S->vals, b);
    int r = lua_compare(L, -2, -1, LUA_OPLT);
    lua_pop(L, 2);
    return r;
}

/* Sorts idx[lo..hi) stably, using tmp[lo..hi) as scratch. */
static void sb_merge_sort(SbSort *S, int *idx, int *tmp, int lo, int hi)
{
    if (hi - lo <= 8) {                     /* insertion sort: stable, few comparisons */
        for (int i = lo + 1; i < hi; i++) {
            int v = idx[i], j = i;
            while (j > lo && sb_before(S, v, idx[j - 1])) { idx[j] = idx[j - 1]; j--; }
            idx[j] = v;
        }
        return;
    }
    int mid = lo + (hi - lo) / 2;
    sb_merge_sort(S, idx, tmp, lo, mid);
    sb_merge_sort(S, idx, tmp, mid, hi);
    if (!sb_before(S, idx[mid], idx[mid - 1])) return;   /* already in order */
    memcpy(tmp + lo, idx + lo, sizeof(int) * (size_t)(hi - lo));
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        /* take from the right only when strictly before: equal elements keep their order */
        if (sb_before(S, tmp[j], tmp[i])) idx[k++] = tmp[j++];
        else idx[k++] = tmp[i++];
    }
    while (i < mid) idx[k++] = tmp[i++];
    while (j < hi) idx[k++] = tmp[j++];
}

/* table.sort(list [, comp]): Lua's argument checks; reads and writes through metamethods
 * like Lua's; the list is only written once every comparison has succeeded. */
int ls_sort(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    if (n <= 1) return 0;
    luaL_argcheck(L, n < INT_MAX / 2, 1, "array too big");
    SbSort S = { L, 0, 0, ls_charge_fn(L), 0 };
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TFUNCTION);
        S.has_comp = 1;
    }
    lua_settop(L, 2);
    if (S.charge) S.charge(L, n);           /* reading and writing the list */
    lua_createtable(L, (int)n, 0);
    S.vals = lua_gettop(L);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        lua_rawseti(L, S.vals, i);
    }
    int *idx = lua_newuserdatauv(L, sizeof(int) * 2 * (size_t)n, 0);
    int *tmp = idx + n;
    for (int i = 0; i < (int)n; i++) idx[i] = i + 1;
    sb_merge_sort(&S, idx, tmp, 0, (int)n);
    if (S.charge && S.pending) S.charge(L, S.pending);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, S.vals, idx[i - 1]);
        lua_seti(L, 1, i);
    }
    return 0;
}

/* sb_pairs.c - pairs and next for the sandbox: keys come in one total order (numbers, then
 * strings bytewise, then false, true) whatever Lua's randomised string hash does, and the
 * sorted keys of big tables are kept in a strong, bounded cache, so a loop over pairs() or
 * next() does not sort again each time and what it is charged depends only on the script. */
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "sandbox_int.h"

/* Charges n instructions to the running script's budget (nothing outside a sandbox). */
static void sb_charge_keys(lua_State *L, long long n)
{
    LsChargeFn charge = ls_charge_fn(L);
    if (charge) charge(L, n);
}

typedef struct SbKey {
    int kind;           /* 0 number, 1 string, 2 boolean */
    lua_Number num;
    lua_Integer inum;
    int isint;
    const char *str;
    size_t len;
    int b;
    int slot;           /* index in the anchoring table */
} SbKey;

/* Total order over keys: numbers ascending, then strings bytewise, then false < true. */
static int sb_key_cmp(const void *pa, const void *pb)
{
    const SbKey *a = pa, *b = pb;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    if (a->kind == 0) {
        if (a->isint && b->isint) return a->inum < b->inum ? -1 : a->inum > b->inum;
        lua_Number x = a->isint ? (lua_Number)a->inum : a->num;
        lua_Number y = b->isint ? (lua_Number)b->inum : b->num;
        if (x < y) return -1;
        if (x > y) return 1;
        return a->isint - b->isint;   /* 1 (int) and 1.0 cannot both be keys; keep it total */
    }
    if (a->kind == 1) {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->str, b->str, n);
        if (c) return c;
        return a->len < b->len ? -1 : a->len > b->len;
    }
    return a->b - b->b;
}

/* Describe the value at idx as a key; raises for key types without a stable order. */
static void sb_key_of(lua_State *L, int idx, SbKey *k)
{
    memset(k, 0, sizeof *k);
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        k->kind = 0;
        k->isint = lua_isinteger(L, idx);
        if (k->isint) k->inum = lua_tointeger(L, idx); else k->num = lua_tonumber(L, idx);
        break;
    case LUA_TSTRING:
        k->kind = 1;
        k->str = lua_tolstring(L, idx, &k->len);
        break;
    case LUA_TBOOLEAN:
        k->kind = 2;
        k->b = lua_toboolean(L, idx);
        break;
    default:
        luaL_error(L, "pairs/next: a table with %s keys has no deterministic order "
                   "(use numbers or strings as keys, e.g. unit.id)", luaL_typename(L, idx));
    }
}

/* Charges for pairs/next, in instructions per key: checking a cached key list against the
 * table, and sorting (per key and per level of the merge, i.e. n * log2 n). */
#define SB_KEY_CHECK_COST 2
#define SB_KEY_SORT_COST 4
#define SB_PAIRS_CACHE_KEY "gyr.pairs"        /* registry: { [table] = its sorted keys } */
#define SB_PAIRS_RING_KEY "gyr.pairs.ring"    /* registry: the cached tables, oldest first */
#define SB_PAIRS_CACHE_SIZE 64                /* tables whose sorted keys are kept */
#define SB_PAIRS_CACHE_MIN 16                 /* smaller tables are sorted every time */

static int sb_log2(long long n)
{
    int l = 1;
    while (n > 1) { n >>= 1; l++; }
    return l;
}

/* Pushes a new array of t's keys in sorted order; returns the count. t must be absolute.
 * Charges the sort before doing it. */
static int sb_sorted_keys(lua_State *L, int t)
{
    int n = 0;
    lua_newtable(L);                     /* keys, anchored */
    int kt = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, kt, ++n);
    }
    if (n == 1) {
        SbKey one;
        lua_rawgeti(L, kt, 1);
        sb_key_of(L, -1, &one);        /* raises for keys without an order, like n > 1 */
        lua_pop(L, 1);
    }
    if (n < 2) return n;
    sb_charge_keys(L, (long long)n * SB_KEY_SORT_COST * sb_log2(n));
    SbKey *keys = lua_newuserdatauv(L, sizeof(SbKey) * (size_t)n, 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, kt, i + 1);
        sb_key_of(L, -1, &keys[i]);      /* strings stay anchored in kt */
        keys[i].slot = i + 1;
        lua_pop(L, 1);
    }
    qsort(keys, (size_t)n, sizeof(SbKey), sb_key_cmp);   /* keys are distinct: any sort agrees */
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, kt, keys[i].slot);
        lua_rawseti(L, -2, i + 1);
    }
    lua_replace(L, kt);                  /* sorted keys replace the unsorted ones */
    lua_pop(L, 1);                       /* the userdata */
    return n;
}

/* Does the sorted key list at keys (n keys) hold exactly the keys of t now? Counting the
 * table's keys and finding every listed key in it proves it: O(n), no sort. */
static int sb_keys_still_match(lua_State *L, int t, int keys, lua_Integer n)
{
    sb_charge_keys(L, (long long)n * SB_KEY_CHECK_COST);
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (++count > n) { lua_pop(L, 1); return 0; }
    }
    if (count != n) return 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, keys, i);
        int gone = lua_rawget(L, t) == LUA_TNIL;
        lua_pop(L, 1);
        if (gone) return 0;
    }
    return 1;
}

/* Pushes t's keys in sorted order and returns their count. The sorted list of a big table is
 * kept (strongly, for the last SB_PAIRS_CACHE_SIZE tables, evicted oldest first) and reused
 * while the table holds the same keys, so a loop of pairs() over an unchanged table does not
 * sort it again. fresh: check the cached list against the table (pairs, next(t)); otherwise
 * (next(t, k)) trust it, as a traversal may only clear fields, never add them. Whether the
 * cache holds a table depends only on the calls the script made, never on the collector.
 * t must be absolute. */
static int sb_keys(lua_State *L, int t, int fresh)
{
    lua_getfield(L, LUA_REGISTRYINDEX, SB_PAIRS_CACHE_KEY);
    int cache = lua_gettop(L);
    lua_pushvalue(L, t);
    if (lua_rawget(L, cache) == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        if (!fresh || sb_keys_still_match(L, t, lua_gettop(L), n)) {
            lua_remove(L, cache);
            return (int)n;
        }
        lua_pop(L, 1);
        int n2 = sb_sorted_keys(L, t);
        lua_pushvalue(L, t);
        lua_pushvalue(L, -2);
        lua_rawset(L, cache);            /* same slot in the ring, new list */
        lua_remove(L, cache);
        return n2;
    }
    lua_pop(L, 1);
    int n = sb_sorted_keys(L, t);
    if (n >= SB_PAIRS_CACHE_MIN) {
        lua_getfield(L, LUA_REGISTRYINDEX, SB_PAIRS_RING_KEY);
        int ring = lua_gettop(L);
        lua_getfield(L, ring, "next");
        lua_Integer slot = lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (slot < 1 || slot > SB_PAIRS_CACHE_SIZE) slot = 1;
        if (lua_rawgeti(L, ring, slot) == LUA_TTABLE) {   /* evict the oldest */
            lua_pushnil(L);
            lua_rawset(L, cache);
        } else {
            lua_pop(L, 1);
        }
        lua_pushvalue(L, t);
        lua_rawseti(L, ring, slot);
        lua_pushinteger(L, slot % SB_PAIRS_CACHE_SIZE + 1);
        lua_setfield(L, ring, "next");
        lua_pop(L, 1);                   /* ring */
        lua_pushvalue(L, t);
        lua_pushvalue(L, -2);
        lua_rawset(L, cache);
    }
    lua_remove(L, cache);
    return n;
}

/* Iterator closure: upvalues (table, sorted keys, position). */
static int sb_pairs_iter(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
    for (;;) {
        i++;
        if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL) return 0;
        lua_pushvalue(L, -1);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1)) break;    /* removed during traversal: skip */
        lua_pop(L, 2);
    }
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(3));
    return 2;
}

/* pairs(t): like Lua's, but keys come in sorted order (numbers, strings, booleans). */
static int ls_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushvalue(L, 1);
    sb_keys(L, 1, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, sb_pairs_iter, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* Position of the first key in keys[1..n] that is not before k (binary search); sets *same
 * when that key is k itself. */
static int sb_key_position(lua_State *L, int keys, int n, int kidx, int *same)
{
    SbKey k, c;
    sb_key_of(L, kidx, &k);
    int lo = 1, hi = n;
    *same = 0;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        lua_rawgeti(L, keys, mid);
        sb_key_of(L, -1, &c);
        int r = sb_key_cmp(&c, &k);
        lua_pop(L, 1);
        if (r == 0) { *same = 1; return mid; }
        if (r < 0) lo = mid + 1; else hi = mid - 1;
    }
    return lo;
}

/* next(t, k): the key after k in the same sorted order. next(t) (re)builds the table's sorted
 * key list; next(t, k) continues along it in O(log n). A key that is no longer in the table
 * (cleared during the traversal) continues after where it was. */
static int ls_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    int first = lua_isnil(L, 2);
    int n = sb_keys(L, 1, first);
    int keys = lua_gettop(L);
    int pos = 0;
    if (!first) {
        int same;
        pos = sb_key_position(L, keys, n, 2, &same);
        if (!same) {                     /* not in the list: the list may be older than t */
            lua_pop(L, 1);
            n = sb_keys(L, 1, 1);
            keys = lua_gettop(L);
            pos = sb_key_position(L, keys, n, 2, &same);
        }
        if (!same) pos--;                /* continue before the first key after k */
    }
    for (int i = pos + 1; i <= n; i++) {
        lua_rawgeti(L, keys, i);
        lua_pushvalue(L, -1);
        lua_rawget(L, 1);
        if (!lua_isnil(L, -1)) return 2;
        lua_pop(L, 2);
    }
    lua_pushnil(L);
    return 1;
}

/* The key caches in the registry and the global pairs and next. */
void ls_open_pairs(lua_State *L)
{
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, SB_PAIRS_CACHE_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, SB_PAIRS_RING_KEY);
    lua_register(L, "pairs", ls_pairs);
    lua_register(L, "next", ls_next);
}

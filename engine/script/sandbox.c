/* sandbox.c - the Lua state a scenario runs in: a capped allocator, an instruction budget,
 * only the safe libraries, and replacements that keep a script from reaching files, the clock,
 * memory addresses or the randomised string-hash order (pairs/next visit keys sorted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lualib.h>
#include "lscript_int.h"

/* ================================================================ allocator and hook */

/* Allocator with a byte cap per state; growing past the cap fails (Lua raises a memory error). */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    LScript *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->mem_used -= old;
        return NULL;
    }
    if (nsize > old && s->mem_used - old + nsize > s->mem_cap) {
        s->mem_exceeded = 1;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->mem_used = s->mem_used - old + nsize;
    return p;
}

static void sb_hook(lua_State *L, lua_Debug *ar);

/* The budget is spent: remember where, make every further instruction fail, raise. */
static void sb_over_budget(lua_State *L, LScript *s)
{
    if (!s->budget_exceeded) {
        s->budget_exceeded = 1;
        snprintf(s->budget_msg, sizeof s->budget_msg,
                 "%.240s: script exceeded its instruction budget (%lld instructions)",
                 s->where[0] ? s->where : s->path, s->budget);
    }
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    lua_pushstring(L, s->budget_msg);
    lua_error(L);
}

/* Count hook: charges the instructions run and stops the script when its budget is spent.
 * Once spent it fires on every instruction, so a pcall inside the script cannot go on. */
static void sb_hook(lua_State *L, lua_Debug *ar)
{
    LScript *s = ls_self(L);
    if (ar->event != LUA_HOOKCOUNT) return;
    s->used += lua_gethookcount(L);
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        const char *src = ar->source[0] == '@' ? ar->source + 1 : ar->short_src;
        snprintf(s->where, sizeof s->where, "%s:%d", src, ar->currentline);
    }
    if (s->budget_exceeded || s->used > s->budget) sb_over_budget(L, s);
}

/* Library calls that walk or build big data count as the instructions that work would take:
 * one per 16 bytes of each string argument and per table element of each table argument
 * (string.rep: per 16 bytes of its result). Without this a loop of a few big C calls could run
 * for hours inside the instruction budget. Sizes only, so the charge is deterministic. */
#define SB_BYTES_PER_INSTR 16
/* Adds cost (in bytes) to the instructions used; raises the budget error when spent. */
static void sb_charge(lua_State *L, LScript *s, long long cost)
{
    if (s->budget <= 0) return;
    s->used += cost / SB_BYTES_PER_INSTR;
    if (s->budget_exceeded || s->used > s->budget) sb_over_budget(L, s);
}

static int sb_charged(lua_State *L)
{
    LScript *s = ls_self(L);
    int n = lua_gettop(L), is_rep = lua_toboolean(L, lua_upvalueindex(2));
    long long cost = 0;
    for (int i = 1; i <= n; i++) {
        if (lua_type(L, i) == LUA_TSTRING) cost += (long long)lua_rawlen(L, i);
        else if (lua_type(L, i) == LUA_TTABLE) cost += (long long)lua_rawlen(L, i) * SB_BYTES_PER_INSTR;
    }
    sb_charge(L, s, cost);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, n, LUA_MULTRET, 0) != LUA_OK) {
        /* the library's own error: give it the script's FILE:LINE (the library function now
         * runs under this wrapper, so its luaL_error cannot see the Lua caller) */
        if (!s->budget_exceeded && lua_type(L, -1) == LUA_TSTRING) {
            if (strstr(lua_tostring(L, -1), "to '?'")) {   /* name the function as Lua would */
                luaL_gsub(L, lua_tostring(L, -1), "to '?'", lua_tostring(L, lua_upvalueindex(3)));
                lua_remove(L, -2);
            }
            luaL_where(L, 1);
            const char *w = lua_tostring(L, -1), *m = lua_tostring(L, -2);
            if (w[0] && strncmp(m, w, strlen(w)) != 0) {
                lua_insert(L, -2);
                lua_concat(L, 2);
            } else {
                lua_pop(L, 1);
            }
        }
        return lua_error(L);
    }
    if (is_rep && lua_gettop(L) >= 1 && lua_type(L, 1) == LUA_TSTRING)
        sb_charge(L, s, (long long)lua_rawlen(L, 1));   /* what it built */
    return lua_gettop(L);
}

/* Wrap every function of library lib in sb_charged. */
static void sb_charge_lib(lua_State *L, const char *lib, const char *const *names)
{
    lua_getglobal(L, lib);
    for (int i = 0; names[i]; i++) {
        if (lua_getfield(L, -1, names[i]) != LUA_TFUNCTION) { lua_pop(L, 1); continue; }
        lua_pushboolean(L, !strcmp(lib, "string") && !strcmp(names[i], "rep"));
        lua_pushfstring(L, "to '%s'", names[i]);
        lua_pushcclosure(L, sb_charged, 3);
        lua_setfield(L, -2, names[i]);
    }
    lua_pop(L, 1);
}

/* ================================================================ deterministic pairs / next */

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

/* Pushes a new array of t's keys in sorted order; returns the count. t must be absolute. */
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
    SbKey *keys = lua_newuserdatauv(L, sizeof(SbKey) * (size_t)n, 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, kt, i + 1);
        sb_key_of(L, -1, &keys[i]);      /* strings stay anchored in kt */
        keys[i].slot = i + 1;
        lua_pop(L, 1);
    }
    qsort(keys, (size_t)n, sizeof(SbKey), sb_key_cmp);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, kt, keys[i].slot);
        lua_rawseti(L, -2, i + 1);
    }
    lua_replace(L, kt);                  /* sorted keys replace the unsorted ones */
    lua_pop(L, 1);                       /* the userdata */
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
static int sb_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_pushvalue(L, 1);
    sb_sorted_keys(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, sb_pairs_iter, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* next(t, k): the key after k in the same sorted order (linear per call). */
static int sb_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    int n = sb_sorted_keys(L, 1);
    int keys = lua_gettop(L);
    int pos = 0;
    if (!lua_isnil(L, 2)) {
        SbKey k, c;
        sb_key_of(L, 2, &k);
        int lo = 1, hi = n, found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;
            lua_rawgeti(L, keys, mid);
            sb_key_of(L, -1, &c);
            int r = sb_key_cmp(&c, &k);
            lua_pop(L, 1);
            if (r == 0) { found = mid; break; }
            if (r < 0) lo = mid + 1; else hi = mid - 1;
        }
        if (!found) return luaL_error(L, "invalid key to 'next'");
        pos = found;
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

/* ================================================================ replacements */

/* Pushes a string for the value at idx that never shows a memory address. */
static const char *sb_tostring_at(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (luaL_callmeta(L, idx, "__tostring")) {
        if (!lua_isstring(L, -1)) luaL_error(L, "'__tostring' must return a string");
        return lua_tostring(L, -1);
    }
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
    case LUA_TSTRING:
    case LUA_TBOOLEAN:
    case LUA_TNIL:
        return luaL_tolstring(L, idx, NULL);
    default:
        lua_pushstring(L, luaL_typename(L, idx));
        return lua_tostring(L, -1);
    }
}

/* tostring(v): "table", "function", ... instead of addresses. */
static int sb_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    sb_tostring_at(L, 1);
    return 1;
}

/* print(...): to stderr with a SCRIPT: prefix (never to the game state). */
static int sb_print(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        sb_tostring_at(L, i);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    fprintf(stderr, "SCRIPT: %s\n", lua_tostring(L, -1));
    return 0;
}

/* load(chunk [, name [, mode [, env]]]): text chunks only. */
static int sb_load(lua_State *L)
{
    const char *mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 'b'))
        return luaL_error(L, "load: binary chunks are not allowed in scenarios");
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));      /* the original load */
    lua_pushvalue(L, 1);
    if (n >= 2) lua_pushvalue(L, 2); else lua_pushnil(L);
    lua_pushliteral(L, "t");
    int nargs = 3;
    if (n >= 4) { lua_pushvalue(L, 4); nargs = 4; }
    lua_call(L, nargs, LUA_MULTRET);
    return lua_gettop(L) - n;
}

/* setmetatable(t, mt): refuses __gc and __mode, whose timing would make games differ. */
static int sb_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        if (lua_getfield(L, 2, "__gc") != LUA_TNIL)
            return luaL_error(L, "setmetatable: __gc is not allowed in scenarios");
        lua_pop(L, 1);
        if (lua_getfield(L, 2, "__mode") != LUA_TNIL)
            return luaL_error(L, "setmetatable: weak tables (__mode) are not allowed in scenarios");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* string.format: %p refused; tables/functions given to %s shown without addresses. */
static int sb_format(lua_State *L)
{
    const char *f = luaL_checkstring(L, 1);
    for (const char *p = f; *p; p++) {
        if (*p != '%') continue;
        p++;
        if (*p == '%') continue;
        while (*p && strchr("-+ #0123456789.", *p)) p++;
        if (*p == 'p') return luaL_error(L, "string.format: %%p is not allowed in scenarios");
        if (!*p) break;
    }
    int n = lua_gettop(L);
    for (int i = 2; i <= n; i++) {
        int t = lua_type(L, i);
        if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TTHREAD ||
            t == LUA_TLIGHTUSERDATA) {
            sb_tostring_at(L, i);
            lua_replace(L, i);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, 1);
    return 1;
}

/* string.rep: refuses results bigger than the memory cap (and the empty-string spin). */
static int sb_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) { lua_pushliteral(L, ""); return 1; }
    if ((lua_Integer)(LS_MEM_CAP / (l + lsep)) < n)
        return luaL_error(L, "string.rep: result too large for a scenario");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* Guard for the pattern functions: backtracking over long subjects can take hours inside one
 * C call, out of reach of the instruction hook. Refuse when subject length to the power of
 * the number of quantifiers (+1 unanchored) is too big. */
static int sb_pattern_guarded(lua_State *L)
{
    size_t n, pl;
    luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &pl);
    int plain = lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);
    if (!plain) {
        int q = 0, anchored = p[0] == '^';
        for (size_t i = 0; i < pl; i++) {
            if (p[i] == '%') { i++; continue; }
            if (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?') q++;
        }
        int power = q + (anchored ? 0 : 1);
        double cost = 1;
        for (int i = 0; i < power && cost < 1e18; i++) cost *= (double)(n + 1);
        if (q > 0 && cost > 4e9)
            return luaL_error(L, "pattern with %d repetitions too costly for a subject of %d bytes",
                              q, (int)n);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* table.move: refuses ranges that would spin in C for a long time. */
static int sb_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    if (e >= f && (e - f) > (1 << 22))
        return luaL_error(L, "table.move: range too large for a scenario");
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* math.random([m [, n]]): drawn from the game's RNG (the same seed gives the same numbers). */
static int sb_random(lua_State *L)
{
    LScript *s = ls_self(L);
    if (!s->game) return luaL_error(L, "math.random: no game yet (call scenario{} first)");
    Rng *r = &s->game->rng;
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)rng_next(r) / 4294967296.0);
        return 1;
    case 1: lo = 1; hi = luaL_checkinteger(L, 1); break;
    case 2: lo = luaL_checkinteger(L, 1); hi = luaL_checkinteger(L, 2); break;
    default: return luaL_error(L, "math.random: wrong number of arguments");
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    luaL_argcheck(L, (lua_Unsigned)hi - (lua_Unsigned)lo < 0xffffffffu, lua_gettop(L),
                  "interval too large");
    lua_pushinteger(L, lo + (lua_Integer)rng_range(r, (uint32_t)(hi - lo + 1)));
    return 1;
}

/* math.randomseed: refused, the game's seed decides. */
static int sb_randomseed(lua_State *L)
{
    return luaL_error(L, "math.randomseed is not available: the game's seed decides");
}

/* ================================================================ building the state */

static void sb_wrap(lua_State *L, const char *lib, const char *name, lua_CFunction f, int extra)
{
    lua_getglobal(L, lib);
    lua_getfield(L, -1, name);
    if (extra) lua_pushboolean(L, 1);
    lua_pushcclosure(L, f, extra ? 2 : 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

/* Removes lib.name (or the global name when lib is NULL). */
static void sb_remove(lua_State *L, const char *lib, const char *name)
{
    if (!lib) { lua_pushnil(L); lua_setglobal(L, name); return; }
    lua_getglobal(L, lib);
    lua_pushnil(L);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

/* Warning function: warnings are dropped. */
static void sb_warn(void *ud, const char *msg, int tocont)
{
    (void)ud; (void)msg; (void)tocont;   /* warnings are off in scenarios */
}

/* A new state with the capped allocator, the hook and only the safe libraries. */
lua_State *ls_sandbox_new(LScript *s)
{
    s->mem_cap = LS_MEM_CAP;
    lua_State *L = lua_newstate(sb_alloc, s);
    if (!L) return NULL;
    *(LScript **)lua_getextraspace(L) = s;
    lua_setwarnf(L, sb_warn, NULL);
    static const luaL_Reg libs[] = {
        { LUA_GNAME, luaopen_base }, { LUA_TABLIBNAME, luaopen_table },
        { LUA_STRLIBNAME, luaopen_string }, { LUA_MATHLIBNAME, luaopen_math },
        { LUA_UTF8LIBNAME, luaopen_utf8 }, { LUA_COLIBNAME, luaopen_coroutine }, { NULL, NULL }
    };
    for (const luaL_Reg *l = libs; l->func; l++) {
        luaL_requiref(L, l->name, l->func, 1);
        lua_pop(L, 1);
    }
    /* base: out with files, code loading from files, GC control, warnings */
    sb_remove(L, NULL, "dofile");
    sb_remove(L, NULL, "loadfile");
    sb_remove(L, NULL, "require");
    sb_remove(L, NULL, "collectgarbage");
    sb_remove(L, NULL, "warn");
    sb_remove(L, "string", "dump");
    lua_getglobal(L, "load");
    lua_pushcclosure(L, sb_load, 1);
    lua_setglobal(L, "load");
    lua_getglobal(L, "setmetatable");
    lua_pushcclosure(L, sb_setmetatable, 1);
    lua_setglobal(L, "setmetatable");
    lua_register(L, "print", sb_print);
    lua_register(L, "tostring", sb_tostring);
    lua_register(L, "pairs", sb_pairs);
    lua_register(L, "next", sb_next);
    sb_wrap(L, "string", "format", sb_format, 0);
    sb_wrap(L, "string", "rep", sb_rep, 0);
    sb_wrap(L, "string", "find", sb_pattern_guarded, 1);   /* 4th arg 'plain' honoured */
    lua_getglobal(L, "string");
    static const char *const pat[] = { "match", "gmatch", "gsub" };
    for (int i = 0; i < 3; i++) {
        lua_getfield(L, -1, pat[i]);
        lua_pushboolean(L, 0);
        lua_pushcclosure(L, sb_pattern_guarded, 2);
        lua_setfield(L, -2, pat[i]);
    }
    lua_pop(L, 1);
    sb_wrap(L, "table", "move", sb_move, 0);
    lua_getglobal(L, "math");
    lua_pushcfunction(L, sb_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, sb_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    static const char *const strf[] = { "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower",
                                        "match", "rep", "reverse", "sub", "upper", "pack", "unpack", NULL };
    static const char *const tabf[] = { "concat", "insert", "move", "remove", "sort", "unpack", NULL };
    static const char *const utff[] = { "char", "codepoint", "len", "offset", "codes", NULL };
    sb_charge_lib(L, "string", strf);
    sb_charge_lib(L, "table", tabf);
    sb_charge_lib(L, "utf8", utff);
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, LS_HOOK_EVERY);
    return L;
}

/* ================================================================ calls and messages */

uint64_t ls_fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Lua shortens long chunk names to "...tail"; put the full path back when it is one of ours. */
static void sb_repair(const LScript *s, const char *msg, char *out, size_t cap)
{
    if (strncmp(msg, "...", 3) == 0) {
        const char *tail = msg + 3;
        const char *colon = strchr(tail, ':');
        if (colon) {
            size_t tl = (size_t)(colon - tail);
            for (int i = 0; i < s->n_chunks; i++) {
                size_t cl = strlen(s->chunks[i]);
                if (cl >= tl && memcmp(s->chunks[i] + cl - tl, tail, tl) == 0) {
                    snprintf(out, cap, "%s%s", s->chunks[i], colon);
                    return;
                }
            }
        }
    }
    snprintf(out, cap, "%s", msg);
}

/* Message handler: turns any error value into a string without addresses. A value that is
 * not a string carries no position, so the script line that raised it is put in front (level
 * 1 is error() itself, a C function; level 2 the script that called it). */
static int sb_msgh(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING) return 1;
    luaL_where(L, 2);
    if (lua_rawlen(L, -1) == 0) {
        lua_pop(L, 1);
        luaL_where(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL && lua_isfunction(L, -1)) {
        lua_pop(L, 1);
        sb_tostring_at(L, 1);
    } else {
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    lua_concat(L, 2);
    return 1;
}

/* Protected call with an instruction budget; the error becomes FILE:LINE text in s->last_error. */
int ls_pcall(LScript *s, int nargs, int nres, long long budget)
{
    lua_State *L = s->L;
    int base = lua_gettop(L) - nargs;        /* the function's index */
    lua_pushcfunction(L, sb_msgh);
    lua_insert(L, base);
    s->used = 0;
    s->budget = budget;
    s->budget_exceeded = 0;
    s->mem_exceeded = 0;
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, LS_HOOK_EVERY);
    int st = lua_pcall(L, nargs, nres, base);
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, LS_HOOK_EVERY);
    if (st == LUA_OK) {
        lua_remove(L, base);
        return 0;
    }
    const char *msg = lua_tostring(L, -1);
    if (s->budget_exceeded) {
        snprintf(s->last_error, sizeof s->last_error, "%s", s->budget_msg);
    } else if (st == LUA_ERRMEM || (s->mem_exceeded && msg && strstr(msg, "not enough memory"))) {
        snprintf(s->last_error, sizeof s->last_error,
                 "%.400s: script exceeded its memory limit (%d MiB)",
                 s->where[0] ? s->where : s->path, (int)(LS_MEM_CAP >> 20));
    } else {
        sb_repair(s, msg ? msg : "unknown error", s->last_error, sizeof s->last_error);
    }
    lua_settop(L, base - 1);
    return -1;
}

/* Reads and compiles a text chunk named "@path", hashing its bytes; does not run it. */
int ls_load_file(LScript *s, const char *path, uint64_t *hash)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(s->last_error, sizeof s->last_error, "%s: cannot open file", path);
        return -1;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            if (cap >= ((size_t)16 << 20)) { free(buf); buf = NULL; break; }
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        snprintf(s->last_error, sizeof s->last_error, "%s: file too large or out of memory", path);
        return -1;
    }
    if (hash) *hash = ls_fnv1a(*hash, buf, len);
    if (s->n_chunks < LS_MAX_CHUNKS)
        snprintf(s->chunks[s->n_chunks++], LSCRIPT_PATH_LEN, "%s", path);
    char name[LSCRIPT_PATH_LEN + 2];
    snprintf(name, sizeof name, "@%s", path);
    const char *start = buf;
    size_t n = len;
    if (n >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0) { start += 3; n -= 3; }  /* UTF-8 BOM */
    s->mem_exceeded = 0;
    int st = luaL_loadbufferx(s->L, start, n, name, "t");
    free(buf);
    if (st != LUA_OK) {
        const char *msg = lua_tostring(s->L, -1);
        if (st == LUA_ERRMEM)
            snprintf(s->last_error, sizeof s->last_error, "%s: out of memory while loading", path);
        else
            sb_repair(s, msg ? msg : "cannot load", s->last_error, sizeof s->last_error);
        lua_pop(s->L, 1);
        return -1;
    }
    return 0;
}

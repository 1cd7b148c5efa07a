/* sandbox.c - the Lua state a scenario runs in: a capped allocator, an instruction budget,
 * only the safe libraries, and replacements that keep a script from reaching files, the clock,
 * memory addresses or the randomised string-hash order (pairs/next visit keys sorted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lualib.h>
#include "lscript_int.h"
#include "sandbox_int.h"

enum { SB_KIND_PLAIN, SB_KIND_REP, SB_KIND_UNPACK, SB_KIND_CONCAT, SB_KIND_BYTES };   /* how sb_charged charges */

/* ================================================================ allocator and hook */

/* How work done in C is charged. The VM's own instructions are counted by the hook; what a
 * library function does inside one call is charged from the sizes it works on (never from a
 * clock, so the same script stops at the same place on every run and every machine):
 * - strings of LS_LONG_STRING bytes or more are charged when made, one instruction per
 *   LS_STRING_BYTES_PER_INSTR bytes (this covers '..', string.rep, gsub, concat, format ...);
 *   only long strings, which Lua never shares, so the charge does not depend on which short
 *   strings the collector has freed;
 * - the VM's '==' and '<' on two long strings compare them byte by byte inside one
 *   instruction and cannot be wrapped: once a string of LS_BIG_STRING bytes or more has been
 *   made, every instruction counts 1 + longest / LS_BIG_STRING_WEIGHT. The longest string made
 *   only grows (when it is freed depends on the collector, which is not deterministic), so a
 *   scenario that once builds a huge string runs slower for the rest of the game; shipped
 *   scenarios never come near LS_BIG_STRING;
 * - the library calls are charged in sb_charged and the replacements below. */

/* A long string of n bytes was made: charge it and remember the longest. */
static void sb_string_made(LScript *s, size_t n)
{
    s->used += (long long)(n / LS_STRING_BYTES_PER_INSTR);
    if (n > s->longest_string) {
        s->longest_string = n;
        if (n >= LS_BIG_STRING) s->hook_weight = 1 + (long long)(n / LS_BIG_STRING_WEIGHT);
    }
}

/* Allocator with a byte cap per state; growing past the cap fails (Lua raises a memory error).
 * A new block for a string (ptr NULL, osize LUA_TSTRING) is charged to the budget; the hook
 * raises the budget error at the next count (the allocator itself must not raise). */
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
    if (!ptr && osize == LUA_TSTRING && nsize >= LS_LONG_STRING) sb_string_made(s, nsize);
    return p;
}

static void sb_hook(lua_State *L, lua_Debug *ar);

/* Sets s->where to the FILE:LINE of the innermost Lua function running in L. */
static void sb_where_now(lua_State *L, LScript *s)
{
    lua_Debug d;
    for (int level = 0; lua_getstack(L, level, &d); level++) {
        if (lua_getinfo(L, "Sl", &d) && d.currentline > 0) {
            const char *src = d.source[0] == '@' ? d.source + 1 : d.short_src;
            snprintf(s->where, sizeof s->where, "%s:%d", src, d.currentline);
            return;
        }
    }
}

/* The budget is spent: remember where (the line running now), make every further
 * instruction fail, raise. */
static void sb_over_budget(lua_State *L, LScript *s)
{
    if (!s->budget_exceeded) {
        s->budget_exceeded = 1;
        sb_where_now(L, s);
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
    s->used += (long long)lua_gethookcount(L) * (s->hook_weight > 1 ? s->hook_weight : 1);
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        const char *src = ar->source[0] == '@' ? ar->source + 1 : ar->short_src;
        snprintf(s->where, sizeof s->where, "%s:%d", src, ar->currentline);
    }
    if (s->budget_exceeded || s->used > s->budget) sb_over_budget(L, s);
}

/* Adds n instructions to those used; raises the budget error when spent. */
static void sb_charge_instr(lua_State *L, long long n)
{
    LScript *s = ls_self(L);
    if (s->budget <= 0) return;
    if (n > s->budget) n = s->budget + 1;   /* no overflow from absurd sizes */
    s->used += n;
    if (s->budget_exceeded || s->used > s->budget) sb_over_budget(L, s);
}

/* Library calls that walk or build big data count as the instructions that work would take:
 * one per 16 bytes of each string argument and per table element of each table argument;
 * table.unpack and table.concat per element of the range they walk, string.byte and
 * utf8.codepoint per value they can return. Without this a loop of a
 * few big C calls could run for hours inside the instruction budget. */
#define SB_BYTES_PER_INSTR 16
/* Adds cost (in bytes) to the instructions used; raises the budget error when spent. */
static void sb_charge(lua_State *L, LScript *s, long long cost)
{
    (void)s;
    sb_charge_instr(L, cost / SB_BYTES_PER_INSTR);
}

/* The range i..j that table.unpack / table.concat (first argument at 1, i at arg ia) walk. */
static long long sb_range(lua_State *L, int ia)
{
    if (lua_type(L, 1) != LUA_TTABLE) return 0;
    lua_Integer i = lua_isinteger(L, ia) ? lua_tointeger(L, ia) : 1;
    lua_Integer j = lua_isinteger(L, ia + 1) ? lua_tointeger(L, ia + 1) : (lua_Integer)lua_rawlen(L, 1);
    if (j < i) return 0;
    if (i < 0 && j > LUA_MAXINTEGER + i) return LUA_MAXINTEGER;
    return (long long)(j - i) + 1;
}

/* How many values string.byte / utf8.codepoint (s, i, j) return at most: j - i + 1 with
 * Lua's relative positions (i defaults to 1, j to i). */
static long long sb_byte_range(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TSTRING) return 0;
    lua_Integer len = (lua_Integer)lua_rawlen(L, 1);
    lua_Integer i = lua_isinteger(L, 2) ? lua_tointeger(L, 2) : 1;
    if (i < 0) i = i < -len ? 1 : len + i + 1;
    lua_Integer j = lua_isinteger(L, 3) ? lua_tointeger(L, 3) : i;
    if (j < 0) j = j < -len ? 0 : len + j + 1;
    if (j > len) j = len;
    if (i < 1) i = 1;
    return j < i ? 0 : (long long)(j - i) + 1;
}

static int sb_charged(lua_State *L)
{
    LScript *s = ls_self(L);
    int n = lua_gettop(L), kind = (int)lua_tointeger(L, lua_upvalueindex(2));
    long long cost = 0;
    for (int i = 1; i <= n; i++) {
        if (lua_type(L, i) == LUA_TSTRING) cost += (long long)lua_rawlen(L, i);
        else if (lua_type(L, i) == LUA_TTABLE) cost += (long long)lua_rawlen(L, i) * SB_BYTES_PER_INSTR;
    }
    sb_charge(L, s, cost);
    if (kind == SB_KIND_UNPACK) sb_charge_instr(L, sb_range(L, 2));
    else if (kind == SB_KIND_CONCAT) sb_charge_instr(L, sb_range(L, 3));
    else if (kind == SB_KIND_BYTES) sb_charge_instr(L, sb_byte_range(L));
    else if (kind == SB_KIND_REP && n >= 2 && lua_isinteger(L, 2) && lua_tointeger(L, 2) > 0) {
        /* what it will build, before it is built */
        lua_Integer times = lua_tointeger(L, 2);
        size_t l = lua_type(L, 1) == LUA_TSTRING ? lua_rawlen(L, 1) : 0;
        size_t sep = n >= 3 && lua_type(L, 3) == LUA_TSTRING ? lua_rawlen(L, 3) : 0;
        if (l + sep > 0 && times < (lua_Integer)(LS_MEM_CAP / (l + sep)) + 1)
            sb_charge(L, s, (long long)times * (long long)(l + sep));
    }
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
    return lua_gettop(L);
}

/* Wrap every function of library lib in sb_charged. */
static void sb_charge_lib(lua_State *L, const char *lib, const char *const *names)
{
    lua_getglobal(L, lib);
    for (int i = 0; names[i]; i++) {
        if (lua_getfield(L, -1, names[i]) != LUA_TFUNCTION) { lua_pop(L, 1); continue; }
        int kind = SB_KIND_PLAIN;
        if (!strcmp(lib, "string") && !strcmp(names[i], "rep")) kind = SB_KIND_REP;
        if (!strcmp(lib, "table") && !strcmp(names[i], "unpack")) kind = SB_KIND_UNPACK;
        if (!strcmp(lib, "table") && !strcmp(names[i], "concat")) kind = SB_KIND_CONCAT;
        if (!strcmp(names[i], "byte") || !strcmp(names[i], "codepoint")) kind = SB_KIND_BYTES;
        lua_pushinteger(L, kind);
        lua_pushfstring(L, "to '%s'", names[i]);
        lua_pushcclosure(L, sb_charged, 3);
        lua_setfield(L, -2, names[i]);
    }
    lua_pop(L, 1);
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

/* Loading is charged per byte of text before it is parsed (1 instruction per
 * SB_LOAD_BYTES_PER_INSTR bytes), so load() of megabytes of text is stopped before the parser
 * spends seconds on it. */
#define SB_LOAD_BYTES_PER_INSTR 2

typedef struct SbReader { int fn; size_t len; const char *piece; } SbReader;

/* lua_load reader for load(function): calls the script's function for each piece, charges it. */
static const char *sb_load_reader(lua_State *L, void *ud, size_t *size)
{
    SbReader *r = ud;
    luaL_checkstack(L, 2, "too many nested functions");
    lua_pushvalue(L, r->fn);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        *size = 0;
        return NULL;
    }
    if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
    lua_replace(L, r->fn + 1);           /* keep the piece alive in the slot above the function */
    const char *p = lua_tolstring(L, r->fn + 1, size);
    sb_charge_instr(L, (long long)(*size / SB_LOAD_BYTES_PER_INSTR));
    return p;
}

/* load(chunk [, name [, mode [, env]]]): text chunks only; charged per byte. Returns the
 * function, or nil and the message, like Lua's. */
static int sb_load(lua_State *L)
{
    const char *mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 'b'))
        return luaL_error(L, "load: binary chunks are not allowed in scenarios");
    int has_env = !lua_isnone(L, 4);
    size_t len;
    const char *text = lua_tolstring(L, 1, &len);
    int st;
    if (text) {
        sb_charge_instr(L, (long long)(len / SB_LOAD_BYTES_PER_INSTR));
        const char *name = luaL_optstring(L, 2, text);
        st = luaL_loadbufferx(L, text, len, name, "t");
    } else {
        const char *name = luaL_optstring(L, 2, "=(load)");
        luaL_checktype(L, 1, LUA_TFUNCTION);
        lua_settop(L, 4);
        lua_pushvalue(L, 1);             /* slot 5: the reader function; 6: the current piece */
        lua_pushnil(L);
        SbReader r = { 5, 0, NULL };
        st = lua_load(L, sb_load_reader, &r, name, "t");
    }
    if (st != LUA_OK) {
        if (ls_self(L)->budget_exceeded) return lua_error(L);
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env) {                       /* the env is the first upvalue, as in Lua's load */
        lua_pushvalue(L, 4);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

/* ---------------------------------------------------------------- metatables
 * Weak tables and finalizers would let the collector's timing reach the game, so __mode and
 * __gc must never be in a table that is a metatable. setmetatable checks the table it is
 * given; what remains is a field added later. The design:
 * - every table in use as a metatable gets a metatable of its own, whose __newindex refuses
 *   __mode and __gc and sets any other field as usual: the hidden guard (getmetatable does
 *   not show it), so assigning Class.__mode later is refused while Class.__index = Class,
 *   Class.method = f ... work as before;
 * - a metatable that already has the script's own metatable (setmetatable(Derived, {__index
 *   = Base}) then setmetatable(obj, Derived)) gets, instead of that table, a private copy of
 *   it with the refusing __newindex added when it has none. The copy is never given to the
 *   script (getmetatable returns the script's table), so it cannot be emptied; a change made
 *   to the script's table after the copy is not seen. setmetatable(X, X) is the same case;
 * - rawset refuses __mode and __gc (it would go round __newindex);
 * - getmetatable guards any metatable it hands out that is not yet guarded.
 * __gc set after setmetatable is harmless (Lua marks an object for finalization only when
 * its metatable has __gc at setmetatable time), but it is refused the same way. */
#define SB_GUARD_KEY "gyr.mtguard"          /* registry: the hidden guard metatable */
#define SB_COPIES_KEY "gyr.mtcopies"        /* registry: { [private copy] = the script's table }, weak keys */

/* Is the value at idx the string "__mode" or "__gc"? */
static int sb_forbidden_field(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TSTRING) return 0;
    const char *k = lua_tostring(L, idx);
    return !strcmp(k, "__mode") || !strcmp(k, "__gc");
}

static int sb_refuse_field(lua_State *L, int idx, const char *how)
{
    return luaL_error(L, "%s: %s is not allowed in scenarios (%s)", how, lua_tostring(L, idx),
                      !strcmp(lua_tostring(L, idx), "__mode") ?
                      "weak tables are emptied when the collector runs, which differs from run to run" :
                      "finalizers run when the collector runs, which differs from run to run");
}

/* __newindex of the guard and of private copies: (t, k, v). */
static int sb_guard_newindex(lua_State *L)
{
    if (sb_forbidden_field(L, 2)) return sb_refuse_field(L, 2, "metatable field");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

/* Raises when the table at idx holds __mode or __gc (raw: as the collector reads it). */
static void sb_check_metatable_fields(lua_State *L, int idx, const char *how)
{
    static const char *const bad[] = { "__gc", "__mode" };
    for (int i = 0; i < 2; i++) {
        lua_pushstring(L, bad[i]);
        int found = lua_rawget(L, idx) != LUA_TNIL;
        lua_pop(L, 1);
        if (found) {
            lua_pushstring(L, bad[i]);
            sb_refuse_field(L, lua_gettop(L), how);
        }
    }
}

/* 1 when the table at idx's own metatable is the guard, 2 when it is a private copy, else 0. */
static int sb_guarded(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx)) return 0;
    int r = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, SB_GUARD_KEY);
    if (lua_rawequal(L, -1, -2)) r = 1;
    lua_pop(L, 1);
    if (!r) {
        lua_getfield(L, LUA_REGISTRYINDEX, SB_COPIES_KEY);
        lua_pushvalue(L, -2);
        if (lua_rawget(L, -2) != LUA_TNIL) r = 2;
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    return r;
}

/* Pushes a private copy of the table at idx (a metatable's metatable), with the refusing
 * __newindex when it has none, and records which table it copies. */
static void sb_push_copy(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    sb_check_metatable_fields(L, idx, "setmetatable");
    sb_charge_instr(L, (long long)lua_rawlen(L, idx) + 8);
    lua_newtable(L);
    int c = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {           /* the order of copying cannot be seen */
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, c);
    }
    if (lua_getfield(L, c, "__newindex") == LUA_TNIL) {
        lua_pushcfunction(L, sb_guard_newindex);
        lua_setfield(L, c, "__newindex");
    }
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, SB_COPIES_KEY);
    lua_pushvalue(L, c);
    lua_pushvalue(L, idx);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* The table at idx is (now) a metatable: make sure no __mode or __gc can be added to it. */
static void sb_guard(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (sb_guarded(L, idx)) return;
    if (lua_getmetatable(L, idx)) {      /* the script's own metatable: a private copy of it */
        sb_push_copy(L, lua_gettop(L));
        lua_setmetatable(L, idx);
        lua_pop(L, 1);
        return;
    }
    lua_getfield(L, LUA_REGISTRYINDEX, SB_GUARD_KEY);
    lua_setmetatable(L, idx);
}

/* setmetatable(t, mt): refuses __gc and __mode, now and later (see above). */
static int sb_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    int is_metatable = sb_guarded(L, 1) != 0;
    if (t == LUA_TNIL) {
        if (is_metatable) lua_getfield(L, LUA_REGISTRYINDEX, SB_GUARD_KEY);
        else lua_pushnil(L);
        lua_setmetatable(L, 1);
    } else {
        sb_check_metatable_fields(L, 2, "setmetatable");
        if (is_metatable || lua_rawequal(L, 1, 2)) {
            /* a metatable's metatable (or a table made its own metatable, which the guard
             * cannot sit on): a private copy */
            sb_push_copy(L, 2);
        } else {
            sb_guard(L, 2);
            lua_pushvalue(L, 2);
        }
        lua_setmetatable(L, 1);
    }
    lua_settop(L, 1);
    return 1;
}

/* getmetatable(v): as Lua's, but the guard is not shown and a private copy shows as the
 * script's table it was made from. */
static int sb_getmetatable(lua_State *L)
{
    luaL_checkany(L, 1);
    if (!lua_getmetatable(L, 1)) { lua_pushnil(L); return 1; }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) return 1;   /* protected */
    int g = lua_type(L, 1) == LUA_TTABLE ? sb_guarded(L, 1) : 0;
    if (g == 1) { lua_pushnil(L); return 1; }
    if (g == 2) {
        lua_getfield(L, LUA_REGISTRYINDEX, SB_COPIES_KEY);
        lua_pushvalue(L, -2);
        lua_rawget(L, -2);
        return 1;
    }
    sb_guard(L, -1);                     /* e.g. the string metatable: a metatable from now on */
    return 1;
}

/* rawset(t, k, v): as Lua's, but __mode and __gc are refused (they would go round the
 * guard's __newindex). */
static int sb_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    if (sb_forbidden_field(L, 2)) return sb_refuse_field(L, 2, "rawset");
    lua_settop(L, 3);
    lua_rawset(L, 1);
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
    lua_register(L, "load", sb_load);
    lua_register(L, "setmetatable", sb_setmetatable);
    lua_register(L, "getmetatable", sb_getmetatable);
    lua_register(L, "rawset", sb_rawset);
    lua_newtable(L);                                 /* the guard of every metatable */
    lua_pushcfunction(L, sb_guard_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_setfield(L, LUA_REGISTRYINDEX, SB_GUARD_KEY);
    /* copies -> the script's tables, weak keys (ours, not the script's): an entry goes only
     * when its copy is no one's metatable any more, and then nothing can ask about it, so
     * when the collector runs is never seen; strong, every copy made would stay for good */
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, SB_COPIES_KEY);
    ls_set_charge(L, sb_charge_instr);
    lua_register(L, "print", sb_print);
    lua_register(L, "tostring", sb_tostring);
    ls_open_pairs(L);
    sb_wrap(L, "string", "format", sb_format, 0);
    sb_wrap(L, "string", "rep", sb_rep, 0);
    lua_getglobal(L, "string");                      /* patterns charged per step */
    ls_open_patterns(L, -1);
    lua_pop(L, 1);
    lua_getglobal(L, "table");                       /* a deterministic sort */
    lua_pushcfunction(L, ls_sort);
    lua_setfield(L, -2, "sort");
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
    if (s->mode == LS_MODE_PLAY) {      /* a chunk named by its display name: give the user the path */
        for (int i = 0; i < s->n_chunks; i++) {
            char shown[LSCRIPT_PATH_LEN];
            ls_display_name(s->chunks[i], shown, sizeof shown);
            size_t sl = strlen(shown);
            if (sl && strncmp(msg, shown, sl) == 0 && msg[sl] == ':') {
                snprintf(out, cap, "%s%s", s->chunks[i], msg + sl);
                return;
            }
        }
    }
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
        sb_repair(s, s->budget_msg, s->last_error, sizeof s->last_error);
    } else if (st == LUA_ERRMEM || (s->mem_exceeded && msg && strstr(msg, "not enough memory"))) {
        char m[sizeof s->last_error];
        snprintf(m, sizeof m, "%.400s: script exceeded its memory limit (%d MiB)",
                 s->where[0] ? s->where : s->path, (int)(LS_MEM_CAP >> 20));
        sb_repair(s, m, s->last_error, sizeof s->last_error);
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
    /* In play the chunk is named by its display name (scripts/..., the path inside the mods
     * folder, or the file name): Lua puts the chunk name into every error message, and a script
     * may catch one and log it, so a folder of this machine would reach the hashed log. --check
     * and listings keep the path the user gave. */
    char shown[LSCRIPT_PATH_LEN], name[LSCRIPT_PATH_LEN + 2];
    if (s->mode == LS_MODE_PLAY) ls_display_name(path, shown, sizeof shown);
    else snprintf(shown, sizeof shown, "%s", path);
    snprintf(name, sizeof name, "@%s", shown);
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

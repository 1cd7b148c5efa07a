/* sb_match.c - Lua 5.4 patterns (string.find, match, gmatch, gsub) for the sandbox, written
 * for it: the stock matcher backtracks inside one C call, out of reach of the instruction
 * hook, so "a.-b" over a long subject ran for many seconds. This matcher counts every step
 * (each pattern item tried, each character a repetition or %b scans, each byte compared) and
 * charges the budget every SB_STEP_BATCH steps, so the budget stops it at once. Semantics,
 * results and error messages follow Lua 5.4's manual; character classes are ASCII (the "C"
 * locale) whatever the process locale, so a match is the same everywhere. */
#include <string.h>
#include <lauxlib.h>
#include "sandbox_int.h"

#define SB_MAX_CAPTURES 32
#define SB_MAX_DEPTH 200            /* nested match calls, as Lua's MAXCCALLS */
#define SB_CAP_UNFINISHED (-1)
#define SB_CAP_POSITION (-2)
#define SB_STEP_BATCH 1024
#define SB_SPECIALS "^$*+?.([%-"


typedef struct SbMatch {
    lua_State *L;
    const char *src, *src_end;      /* the subject */
    const char *pat_end;
    int depth_left;
    int level;                      /* captures open or closed so far */
    struct { const char *init; ptrdiff_t len; } cap[SB_MAX_CAPTURES];
    LsChargeFn charge;
    long long steps_left;           /* steps until the next charge */
} SbMatch;

/* ---------------------------------------------------------------- counting */

/* Counts n steps; every SB_STEP_BATCH of them are charged (may raise the budget error). */
static void sb_step(SbMatch *m, long long n)
{
    m->steps_left -= n;
    if (m->steps_left > 0) return;
    long long done = SB_STEP_BATCH - m->steps_left;
    m->steps_left = SB_STEP_BATCH;
    if (m->charge) m->charge(m->L, done / LS_MATCH_STEPS_PER_INSTR);
}

/* Charges the steps counted since the last batch. */
static void sb_step_flush(SbMatch *m)
{
    long long done = SB_STEP_BATCH - m->steps_left;
    m->steps_left = SB_STEP_BATCH;
    if (m->charge && done >= LS_MATCH_STEPS_PER_INSTR) m->charge(m->L, done / LS_MATCH_STEPS_PER_INSTR);
}

/* ---------------------------------------------------------------- classes */

static int sb_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int sb_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int sb_is_digit(int c) { return c >= '0' && c <= '9'; }
static int sb_is_alpha(int c) { return sb_is_lower(c) || sb_is_upper(c); }
static int sb_is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int sb_is_cntrl(int c) { return c < 32 || c == 127; }
static int sb_is_graph(int c) { return c > 32 && c < 127; }
static int sb_is_punct(int c) { return sb_is_graph(c) && !sb_is_alpha(c) && !sb_is_digit(c); }
static int sb_is_xdigit(int c)
{
    return sb_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Does character c belong to class letter cl (%a, %d, ...; upper case = complement)? Any
 * other letter stands for itself. */
static int sb_in_class(int c, int cl)
{
    int r;
    switch (cl | 0x20) {
    case 'a': r = sb_is_alpha(c); break;
    case 'c': r = sb_is_cntrl(c); break;
    case 'd': r = sb_is_digit(c); break;
    case 'g': r = sb_is_graph(c); break;
    case 'l': r = sb_is_lower(c); break;
    case 'p': r = sb_is_punct(c); break;
    case 's': r = sb_is_space(c); break;
    case 'u': r = sb_is_upper(c); break;
    case 'w': r = sb_is_alpha(c) || sb_is_digit(c); break;
    case 'x': r = sb_is_xdigit(c); break;
    case 'z': r = c == 0; break;     /* deprecated in Lua 5.2, still accepted */
    default: return cl == c;
    }
    if (sb_is_upper(cl)) r = !r;
    return r;
}

/* The end of the single-character class starting at p (after '%x', '[...]' or one char). */
static const char *sb_class_end(SbMatch *m, const char *p)
{
    char c = *p++;
    if (c == '%') {
        if (p == m->pat_end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        const char *start = p;
        if (*p == '^') p++;
        do {                                  /* the first character may be ']' itself */
            if (p == m->pat_end) luaL_error(m->L, "malformed pattern (missing ']')");
            c = *p++;
            if (c == '%' && p < m->pat_end) p++;
        } while (*p != ']');
        sb_step(m, (p - start) / 16);
        return p + 1;
    }
    return p;
}

/* Is c in the set [..] that starts at p ('[') and ends at last (its ']')? */
static int sb_in_set(SbMatch *m, int c, const char *p, const char *last)
{
    int yes = 1;
    sb_step(m, (last - p) / 16);
    if (p[1] == '^') { yes = 0; p++; }
    while (++p < last) {
        if (*p == '%') {
            p++;
            if (sb_in_class(c, (unsigned char)*p)) return yes;
        } else if (p[1] == '-' && p + 2 < last) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return yes;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return yes;
        }
    }
    return !yes;
}

/* Does the character at s match the single class p..ep? False at the end of the subject. */
static int sb_single(SbMatch *m, const char *s, const char *p, const char *ep)
{
    if (s >= m->src_end) return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case '%': return sb_in_class(c, (unsigned char)p[1]);
    case '[': return sb_in_set(m, c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

/* ---------------------------------------------------------------- matching */

static const char *sb_do_match(SbMatch *m, const char *s, const char *p);

/* %bxy at s: the end of the balanced run, or NULL. */
static const char *sb_balance(SbMatch *m, const char *s, const char *p)
{
    if (p >= m->pat_end - 1) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->src_end || *s != *p) return NULL;
    char open = p[0], close = p[1];
    int depth = 1;
    while (++s < m->src_end) {
        sb_step(m, 1);
        if (*s == close) {
            if (--depth == 0) return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

/* Greedy repetition (* and +): the longest run first, then shorter ones. */
static const char *sb_greedy(SbMatch *m, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;
    while (sb_single(m, s + n, p, ep)) { n++; sb_step(m, 1); }
    for (; n >= 0; n--) {
        const char *r = sb_do_match(m, s + n, ep + 1);
        if (r) return r;
    }
    return NULL;
}

/* Lazy repetition (-): the shortest run first. */
static const char *sb_lazy(SbMatch *m, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = sb_do_match(m, s, ep + 1);
        if (r) return r;
        if (!sb_single(m, s, p, ep)) return NULL;
        s++;
        sb_step(m, 1);
    }
}

static const char *sb_open_capture(SbMatch *m, const char *s, const char *p, ptrdiff_t what)
{
    if (m->level >= SB_MAX_CAPTURES) luaL_error(m->L, "too many captures");
    m->cap[m->level].init = s;
    m->cap[m->level].len = what;
    m->level++;
    const char *r = sb_do_match(m, s, p);
    if (!r) m->level--;
    return r;
}

static const char *sb_close_capture(SbMatch *m, const char *s, const char *p)
{
    int l = -1;
    for (int i = m->level - 1; i >= 0; i--)
        if (m->cap[i].len == SB_CAP_UNFINISHED) { l = i; break; }
    if (l < 0) luaL_error(m->L, "invalid pattern capture");
    m->cap[l].len = s - m->cap[l].init;
    const char *r = sb_do_match(m, s, p);
    if (!r) m->cap[l].len = SB_CAP_UNFINISHED;
    return r;
}

/* Capture index from its digit, checked. */
static int sb_capture_index(SbMatch *m, int digit)
{
    int l = digit - '1';
    if (l < 0 || l >= m->level || m->cap[l].len == SB_CAP_UNFINISHED)
        luaL_error(m->L, "invalid capture index %%%d", l + 1);
    return l;
}

/* %1..%9: the same bytes as capture l again. */
static const char *sb_back_reference(SbMatch *m, const char *s, int digit)
{
    int l = sb_capture_index(m, digit);
    ptrdiff_t len = m->cap[l].len;
    sb_step(m, len / 16);
    if (len >= 0 && m->src_end - s >= len && memcmp(m->cap[l].init, s, (size_t)len) == 0)
        return s + len;
    return NULL;
}

/* Matches pattern p against the subject at s: the end of the match, or NULL. */
static const char *sb_do_match(SbMatch *m, const char *s, const char *p)
{
    if (m->depth_left-- == 0) luaL_error(m->L, "pattern too complex");
    for (;;) {
        sb_step(m, 1);
        if (p == m->pat_end) break;
        const char *ep;
        if (*p == '(') {
            if (p + 1 < m->pat_end && p[1] == ')') s = sb_open_capture(m, s, p + 2, SB_CAP_POSITION);
            else s = sb_open_capture(m, s, p + 1, SB_CAP_UNFINISHED);
            break;
        }
        if (*p == ')') { s = sb_close_capture(m, s, p + 1); break; }
        if (*p == '$' && p + 1 == m->pat_end) {
            if (s != m->src_end) s = NULL;
            break;
        }
        if (*p == '%' && p[1] == 'b') {
            s = sb_balance(m, s, p + 2);
            if (!s) break;
            p += 4;
            continue;
        }
        if (*p == '%' && p[1] == 'f') {
            p += 2;
            if (*p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
            ep = sb_class_end(m, p);
            int prev = s == m->src ? 0 : (unsigned char)s[-1];
            int cur = s < m->src_end ? (unsigned char)*s : 0;
            if (!sb_in_set(m, prev, p, ep - 1) && sb_in_set(m, cur, p, ep - 1)) { p = ep; continue; }
            s = NULL;
            break;
        }
        if (*p == '%' && sb_is_digit((unsigned char)p[1])) {
            s = sb_back_reference(m, s, (unsigned char)p[1]);
            if (!s) break;
            p += 2;
            continue;
        }
        ep = sb_class_end(m, p);
        if (!sb_single(m, s, p, ep)) {
            if (*ep == '*' || *ep == '?' || *ep == '-') { p = ep + 1; continue; }
            s = NULL;
            break;
        }
        if (*ep == '?') {
            const char *r = sb_do_match(m, s + 1, ep + 1);
            if (r) { s = r; break; }
            p = ep + 1;
            continue;
        }
        if (*ep == '+') { s = sb_greedy(m, s + 1, p, ep); break; }
        if (*ep == '*') { s = sb_greedy(m, s, p, ep); break; }
        if (*ep == '-') { s = sb_lazy(m, s, p, ep); break; }
        s++;
        p = ep;
    }
    m->depth_left++;
    return s;
}

/* ---------------------------------------------------------------- captures */

static void sb_prepare(SbMatch *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
    m->L = L;
    m->src = s;
    m->src_end = s + ls;
    m->pat_end = p + lp;
    m->level = 0;
    m->depth_left = SB_MAX_DEPTH;
    m->charge = ls_charge_fn(L);
    m->steps_left = SB_STEP_BATCH;
}

static void sb_restart(SbMatch *m)
{
    m->level = 0;
    m->depth_left = SB_MAX_DEPTH;
}

/* Capture i (or the whole match s..e when there are none and i is 0): sets *cap and returns
 * its length, or SB_CAP_POSITION after pushing the position. */
static ptrdiff_t sb_get_capture(SbMatch *m, int i, const char *s, const char *e, const char **cap)
{
    if (i >= m->level) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        *cap = s;
        return e - s;
    }
    ptrdiff_t len = m->cap[i].len;
    *cap = m->cap[i].init;
    if (len == SB_CAP_UNFINISHED) luaL_error(m->L, "unfinished capture");
    if (len == SB_CAP_POSITION) lua_pushinteger(m->L, (m->cap[i].init - m->src) + 1);
    return len;
}

static void sb_push_capture(SbMatch *m, int i, const char *s, const char *e)
{
    const char *cap;
    ptrdiff_t len = sb_get_capture(m, i, s, e, &cap);
    if (len != SB_CAP_POSITION) lua_pushlstring(m->L, cap, (size_t)len);
}

/* Pushes every capture (or the whole match when s is not NULL and there are none). */
static int sb_push_captures(SbMatch *m, const char *s, const char *e)
{
    int n = (m->level == 0 && s) ? 1 : m->level;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++) sb_push_capture(m, i, s, e);
    return n;
}

/* ---------------------------------------------------------------- library functions */

/* Lua's translation of a relative initial position into 1..len+1 (or more). */
static size_t sb_init_pos(lua_Integer pos, size_t len)
{
    if (pos > 0) return (size_t)pos;
    if (pos == 0) return 1;
    if (pos < -(lua_Integer)len) return 1;
    return len + (size_t)pos + 1;
}

static int sb_no_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (p[i] && strchr(SB_SPECIALS, p[i])) return 0;
    return 1;
}

/* Plain search for p in s: its first position, or NULL. Counted per byte compared. */
static const char *sb_plain_find(SbMatch *m, const char *s, size_t ls, const char *p, size_t lp)
{
    if (lp == 0) return s;
    if (lp > ls) return NULL;
    const char *last = s + (ls - lp);
    for (const char *c = s; c <= last; c++) {
        sb_step(m, 1 + (long long)(lp / 64));
        if (*c == *p && memcmp(c + 1, p + 1, lp - 1) == 0) return c;
    }
    return NULL;
}

static int sb_find_aux(lua_State *L, int find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = sb_init_pos(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) { luaL_pushfail(L); return 1; }
    SbMatch m;
    sb_prepare(&m, L, s, ls, p, lp);
    if (find && (lua_toboolean(L, 4) || sb_no_specials(p, lp))) {
        const char *at = sb_plain_find(&m, s + init, ls - init, p, lp);
        sb_step_flush(&m);
        if (!at) { luaL_pushfail(L); return 1; }
        lua_pushinteger(L, (at - s) + 1);
        lua_pushinteger(L, (lua_Integer)((at - s) + lp));
        return 2;
    }
    int anchor = *p == '^';
    if (anchor) { p++; lp--; m.pat_end = p + lp; }
    const char *s1 = s + init;
    do {
        sb_restart(&m);
        const char *e = sb_do_match(&m, s1, p);
        if (e) {
            sb_step_flush(&m);
            if (find) {
                lua_pushinteger(L, (s1 - s) + 1);
                lua_pushinteger(L, e - s);
                return sb_push_captures(&m, NULL, NULL) + 2;
            }
            return sb_push_captures(&m, s1, e);
        }
    } while (s1++ < m.src_end && !anchor);
    sb_step_flush(&m);
    luaL_pushfail(L);
    return 1;
}

static int sb_str_find(lua_State *L) { return sb_find_aux(L, 1); }
static int sb_str_match(lua_State *L) { return sb_find_aux(L, 0); }

typedef struct SbGmatch {
    const char *next;       /* where the next search starts */
    const char *last;       /* end of the last match (an empty match there is skipped) */
    SbMatch m;
} SbGmatch;

static int sb_gmatch_step(lua_State *L)
{
    SbGmatch *g = lua_touserdata(L, lua_upvalueindex(3));
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    (void)s;
    g->m.L = L;                       /* the iterator may run in another coroutine */
    g->m.charge = ls_charge_fn(L);
    for (const char *src = g->next; src <= g->m.src_end; src++) {
        sb_restart(&g->m);
        const char *e = sb_do_match(&g->m, src, p);
        if (e && e != g->last) {
            g->next = g->last = e;
            sb_step_flush(&g->m);
            return sb_push_captures(&g->m, src, e);
        }
    }
    sb_step_flush(&g->m);
    g->next = g->m.src_end + 1;
    return 0;
}

static int sb_str_gmatch(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = sb_init_pos(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) init = ls + 1;
    lua_settop(L, 2);
    SbGmatch *g = lua_newuserdatauv(L, sizeof *g, 0);
    sb_prepare(&g->m, L, s, ls, p, lp);
    g->next = s + init;
    g->last = NULL;
    lua_pushcclosure(L, sb_gmatch_step, 3);
    return 1;
}

/* Appends the replacement string (with %0..%9 and %%) for the match s..e. */
static void sb_add_string(SbMatch *m, luaL_Buffer *b, const char *s, const char *e)
{
    lua_State *L = m->L;
    size_t l;
    const char *r = lua_tolstring(L, 3, &l);
    const char *end = r + l;
    sb_step(m, (long long)(l / 16));
    while (r < end) {
        const char *pc = memchr(r, '%', (size_t)(end - r));
        if (!pc) break;
        luaL_addlstring(b, r, (size_t)(pc - r));
        pc++;
        if (*pc == '%') {
            luaL_addchar(b, '%');
        } else if (*pc == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (sb_is_digit((unsigned char)*pc)) {
            const char *cap;
            ptrdiff_t len = sb_get_capture(m, *pc - '1', s, e, &cap);
            if (len == SB_CAP_POSITION) luaL_addvalue(b);
            else luaL_addlstring(b, cap, (size_t)len);
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", '%');
        }
        r = pc + 1;
    }
    if (r < end) luaL_addlstring(b, r, (size_t)(end - r));
}

/* Appends what replaces the match s..e; returns whether it changed anything. */
static int sb_add_value(SbMatch *m, luaL_Buffer *b, const char *s, const char *e, int tr)
{
    lua_State *L = m->L;
    if (tr == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = sb_push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (tr == LUA_TTABLE) {
        sb_push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        sb_add_string(m, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

static int sb_str_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *last = NULL;
    int tr = lua_type(L, 3);
    lua_Integer max = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION ||
                     tr == LUA_TTABLE, 3, "string/function/table");
    int anchor = *p == '^', changed = 0;
    lua_Integer n = 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (anchor) { p++; lp--; }
    SbMatch m;
    sb_prepare(&m, L, src, ls, p, lp);
    while (n < max) {
        sb_restart(&m);
        const char *e = sb_do_match(&m, src, p);
        if (e && e != last) {
            n++;
            changed = sb_add_value(&m, &b, src, e, tr) | changed;
            src = last = e;
        } else if (src < m.src_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor) break;
    }
    sb_step_flush(&m);
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(m.src_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

void ls_open_patterns(lua_State *L, int idx)
{
    static const luaL_Reg fns[] = {
        { "find", sb_str_find }, { "match", sb_str_match },
        { "gmatch", sb_str_gmatch }, { "gsub", sb_str_gsub }, { NULL, NULL }
    };
    idx = lua_absindex(L, idx);
    for (const luaL_Reg *f = fns; f->name; f++) {
        lua_pushcfunction(L, f->func);
        lua_setfield(L, idx, f->name);
    }
}

/* fields.c - declarations and gyr.* calls refuse what they don't know: the keys of a table
 * argument are compared with the fields the call reads (an unknown one is named, with the
 * nearest known name when one is close), and integer fields are read with their range.
 * Keys are visited with lua_next (raw) and sorted before anything is said, so that the
 * message names the same field on every run whatever the string hash seed. */
#include <stdio.h>
#include <string.h>
#include "lscript_int.h"

#define FIELDS_KEEP 8           /* unknown names kept (the smallest in byte order) */
#define FIELDS_NAME 48          /* bytes of a name kept for the message */

const char *const ls_position_fields[] = { "q", "r", "col", "row", "lat", "lon", NULL };
const char *const ls_text_fields[] = { "text", "note", NULL };

typedef struct Unknown {
    int n;                              /* unknown string keys in all */
    char names[FIELDS_KEEP][FIELDS_NAME];   /* the smallest ones, ascending */
    int n_other;                        /* keys that are not strings */
    int have_int;                       /* an integer key among them ... */
    lua_Integer min_int;                /* ... and the smallest */
    int have_type;                      /* a key that is neither string nor integer ... */
    int other_type;                     /* ... and the smallest type tag of those */
} Unknown;

/* Whether name is one of known (an entry of two bytes or more ending in '*' matches any name
 * with that prefix; "*" alone is the name "*"). */
static int field_known(const char *name, size_t len, const char *const *known)
{
    for (int i = 0; known[i]; i++) {
        size_t kl = strlen(known[i]);
        if (kl > 1 && known[i][kl - 1] == '*') {
            if (len >= kl && memcmp(name, known[i], kl - 1) == 0) return 1;
        } else if (kl == len && memcmp(name, known[i], len) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Copies a key for a message: at most FIELDS_NAME-1 bytes, bytes outside printable ASCII as '?'. */
static void copy_name(char *dst, const char *src, size_t len)
{
    size_t n = len < FIELDS_NAME - 1 ? len : FIELDS_NAME - 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        dst[i] = c >= 32 && c < 127 && c != '\'' ? (char)c : '?';
    }
    dst[n] = 0;
}

/* Keeps name among the FIELDS_KEEP smallest of u (insertion into the sorted list). */
static void keep_unknown(Unknown *u, const char *src, size_t len)
{
    char name[FIELDS_NAME];
    copy_name(name, src, len);
    u->n++;
    int kept = u->n - 1 < FIELDS_KEEP ? u->n - 1 : FIELDS_KEEP;
    int at = kept;
    while (at > 0 && strcmp(u->names[at - 1], name) > 0) at--;
    if (at >= FIELDS_KEEP) return;
    int last = kept < FIELDS_KEEP ? kept : FIELDS_KEEP - 1;
    for (int i = last; i > at; i--) memcpy(u->names[i], u->names[i - 1], FIELDS_NAME);
    memcpy(u->names[at], name, FIELDS_NAME);
}

/* Walks the keys of the table at idx (raw) and collects those not in known; integer keys
 * 1..n are accepted when array_ok. Reads nothing but the keys (no metamethod runs). */
static void collect(lua_State *L, int idx, const char *const *known, int array_ok, Unknown *u)
{
    memset(u, 0, sizeof *u);
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);                          /* the value; the key stays for lua_next */
        int kt = lua_type(L, -1);
        if (kt == LUA_TSTRING) {
            size_t len;
            const char *k = lua_tolstring(L, -1, &len);    /* a string: no conversion in place */
            if (!field_known(k, len, known)) keep_unknown(u, k, len);
            continue;
        }
        if (kt == LUA_TNUMBER && lua_isinteger(L, -1)) {
            lua_Integer i = lua_tointeger(L, -1);
            if (array_ok && i >= 1) continue;
            if (!u->have_int || i < u->min_int) u->min_int = i;
            u->have_int = 1;
        } else if (!u->have_type || kt < u->other_type) {
            u->other_type = kt;
            u->have_type = 1;
        }
        u->n_other++;
    }
}

/* Optimal string alignment distance of a and b (adjacent swaps count one); names longer
 * than 40 bytes are far from everything. */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40) return 99;
    int d[41][41];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

/* The known field nearest to name when one is close (2 edits, 1 for names of 3 bytes or
 * fewer), the first in known's order on a tie; NULL when none is. */
static const char *suggest(const char *name, const char *const *known)
{
    int limit = strlen(name) <= 3 ? 1 : 2, best = limit + 1;
    const char *out = NULL;
    for (int i = 0; known[i]; i++) {
        size_t kl = strlen(known[i]);
        if (kl > 1 && known[i][kl - 1] == '*') continue;
        int dist = edit_distance(name, known[i]);
        if (dist < best) { best = dist; out = known[i]; }
    }
    return out;
}

/* The message for the i-th unknown string key of u. */
static void unknown_msg(const Unknown *u, int i, const char *what, const char *const *known,
                        char *msg, size_t cap)
{
    const char *near = suggest(u->names[i], known);
    if (near) snprintf(msg, cap, "unknown field '%s' in %s (did you mean '%s'?)", u->names[i], what, near);
    else snprintf(msg, cap, "unknown field '%s' in %s", u->names[i], what);
}

/* The message for the keys of u that are not strings. */
static void other_msg(lua_State *L, const Unknown *u, const char *what, char *msg, size_t cap)
{
    if (u->have_int)
        snprintf(msg, cap, "%s takes no positional entries (found [%lld]): write name = value",
                 what, (long long)u->min_int);
    else
        snprintf(msg, cap, "%s has a key that is a %s: fields are written name = value",
                 what, lua_typename(L, u->other_type));
}

int ls_fields_msg(lua_State *L, int idx, const char *what, const char *const *known, int array_ok,
                  char *msg, size_t cap)
{
    if (lua_type(L, idx) != LUA_TTABLE) return 0;
    Unknown u;
    collect(L, idx, known, array_ok, &u);
    if (u.n) unknown_msg(&u, 0, what, known, msg, cap);
    else if (u.n_other) other_msg(L, &u, what, msg, cap);
    return u.n + u.n_other;
}

int ls_check_fields_at(lua_State *L, int idx, const char *what, const char *const *known, int array_ok)
{
    /* the scenario list reads scenario{} only: a misspelt field shows when the file is loaded
     * or checked, as other mistakes do, and the scenario stays in the list meanwhile */
    if (lua_type(L, idx) != LUA_TTABLE || ls_self(L)->mode == LS_MODE_INFO) return 0;
    Unknown u;
    collect(L, idx, known, array_ok, &u);
    char msg[300];
    int kept = u.n < FIELDS_KEEP ? u.n : FIELDS_KEEP;
    for (int i = 0; i < kept; i++) {           /* raises at the first outside check mode */
        unknown_msg(&u, i, what, known, msg, sizeof msg);
        ls_problem(L, "%s", msg);
    }
    if (u.n > kept) ls_problem(L, "%d more unknown fields in %s", u.n - kept, what);
    if (u.n_other) {
        other_msg(L, &u, what, msg, sizeof msg);
        ls_problem(L, "%s", msg);
    }
    return u.n + u.n_other;
}

int ls_check_fields(lua_State *L, int idx, const char *what, const char *const *known)
{
    return ls_check_fields_at(L, idx, what, known, 0);
}

int ls_field_range(lua_State *L, int t, const char *k, lua_Integer def, lua_Integer lo, lua_Integer hi,
                   int *out, const char *what, char *msg, size_t cap)
{
    lua_Integer v = def;
    t = lua_absindex(L, t);
    lua_pushstring(L, k);
    if (lua_rawget(L, t) != LUA_TNIL) {
        int ok;
        v = lua_tointegerx(L, -1, &ok);
        if (!ok) {
            lua_pop(L, 1);
            snprintf(msg, cap, "%s%s%s must be an integer", what ? what : "", what ? ": " : "", k);
            return -1;
        }
    }
    lua_pop(L, 1);
    if (v < lo || v > hi) {
        snprintf(msg, cap, "%s%s%s must be %lld..%lld (got %lld)", what ? what : "", what ? ": " : "",
                 k, (long long)lo, (long long)hi, (long long)v);
        return -1;
    }
    *out = (int)v;
    return 0;
}

int ls_check_range(lua_State *L, int t, const char *k, lua_Integer def, lua_Integer lo, lua_Integer hi,
                   lua_Integer *out, const char *what)
{
    char msg[200];
    int v = 0;
    if (lo < -2147483647 || hi > 2147483647) luaL_error(L, "ls_check_range: range outside int");
    if (ls_field_range(L, t, k, def, lo, hi, &v, what, msg, sizeof msg) != 0) {
        ls_problem(L, "%s", msg);
        return -1;
    }
    *out = v;
    return 0;
}

int ls_check_coords(lua_State *L, int idx, const char *what)
{
    if (lua_type(L, idx) != LUA_TTABLE || ls_self(L)->mode == LS_MODE_INFO) return 0;
    static const char *const coords[] = { "q", "r", "col", "row" };
    int bad = 0;
    for (int i = 0; i < 4; i++) {          /* hex_make takes an int: 2^32 + 5 would be 5 */
        lua_Integer v;
        if (ls_check_range(L, idx, coords[i], 0, -LS_MAX_COORD, LS_MAX_COORD, &v, what) != 0) bad++;
    }
    return bad;
}

int ls_check_position(lua_State *L, int idx, const char *what)
{
    if (lua_type(L, idx) != LUA_TTABLE || ls_self(L)->mode == LS_MODE_INFO) return 0;
    int bad = ls_check_fields(L, idx, what, ls_position_fields);
    return bad + ls_check_coords(L, idx, what);
}

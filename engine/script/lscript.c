/* lscript.c - the script host's life cycle: data and mod folders, loading a scenario into a
 * new sandboxed state and game, freeing, the content hash, the theatre map, AI goals, and the
 * small helpers every binding file uses (argument checks, positions, log entries). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <unistd.h>
#include "lscript_int.h"
#include "mapio.h"
#include "proj.h"

/* ================================================================ folders */

static char g_data_dir[LSCRIPT_PATH_LEN];
static char g_mod_dir[LSCRIPT_PATH_LEN];
static Map *g_theatre;

/* Whether path can be read. */
static int ls_file_exists(const char *path)
{
    return access(path, R_OK) == 0;
}

/* Whether dir holds the game's data (scripts/rules/units.lua). */
static int ls_is_data_dir(const char *dir)
{
    char p[LSCRIPT_PATH_LEN + 64];
    snprintf(p, sizeof p, "%s/scripts/rules/units.lua", dir);
    return ls_file_exists(p);
}

/* The data folder: set, GYR_DATA_DIR, next to the executable (or its share/gyrfalcon), else the source tree. */
const char *lscript_data_dir(void)
{
    if (g_data_dir[0]) return g_data_dir;
    const char *env = getenv("GYR_DATA_DIR");
    if (env && *env) {
        snprintf(g_data_dir, sizeof g_data_dir, "%s", env);
        return g_data_dir;
    }
    char exe[LSCRIPT_PATH_LEN];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        for (int up = 0; slash && up < 3; up++) {
            *slash = 0;
            if (ls_is_data_dir(exe)) {
                snprintf(g_data_dir, sizeof g_data_dir, "%s", exe);
                return g_data_dir;
            }
            char share[LSCRIPT_PATH_LEN + 32];
            snprintf(share, sizeof share, "%s/share/gyrfalcon", exe);
            if (ls_is_data_dir(share)) {
                snprintf(g_data_dir, sizeof g_data_dir, "%.500s", share);
                return g_data_dir;
            }
            slash = strrchr(exe, '/');
        }
    }
#ifdef GYR_SOURCE_DIR
    snprintf(g_data_dir, sizeof g_data_dir, "%s", GYR_SOURCE_DIR);
#else
    snprintf(g_data_dir, sizeof g_data_dir, ".");
#endif
    return g_data_dir;
}

/* Overrides the data folder (NULL or "" goes back to finding it). */
void lscript_set_data_dir(const char *dir)
{
    snprintf(g_data_dir, sizeof g_data_dir, "%s", dir ? dir : "");
}

/* Overrides the mod folder (NULL or "" goes back to the XDG default). */
void lscript_set_mod_dir(const char *dir)
{
    snprintf(g_mod_dir, sizeof g_mod_dir, "%s", dir ? dir : "");
}

/* The mod folder: set, else $XDG_DATA_HOME/gyrfalcon/mods, else ~/.local/share/gyrfalcon/mods. */
const char *lscript_mod_dir(void)
{
    if (g_mod_dir[0]) return g_mod_dir;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg) snprintf(g_mod_dir, sizeof g_mod_dir, "%s/gyrfalcon/mods", xdg);
    else if (home && *home) snprintf(g_mod_dir, sizeof g_mod_dir, "%s/.local/share/gyrfalcon/mods", home);
    else snprintf(g_mod_dir, sizeof g_mod_dir, "gyrfalcon-mods");
    return g_mod_dir;
}

/* ================================================================ theatre map */

const Map *lscript_theatre(char *err, size_t errlen)
{
    if (g_theatre) return g_theatre;
    char path[LSCRIPT_PATH_LEN + 32];
    snprintf(path, sizeof path, "%s/maps/theatre.map", lscript_data_dir());
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open the theatre map", path);
        return NULL;
    }
    size_t cap = 1 << 20, len = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    char perr[256];
    g_theatre = mapio_parse(buf, len, path, perr, sizeof perr);
    free(buf);
    if (!g_theatre) snprintf(err, errlen, "%s:%s", path, perr);
    return g_theatre;
}

/* Frees the cached theatre map; games still pointing at it must be freed first. */
void lscript_unload_theatre(void)
{
    map_free(g_theatre);
    g_theatre = NULL;
}

/* ================================================================ helpers for bindings */

LScript *ls_self(lua_State *L)
{
    return *(LScript **)lua_getextraspace(L);
}

/* The game being built or played; raises when scenario{} has not made one yet. */
Game *ls_game(lua_State *L)
{
    LScript *s = ls_self(L);
    if (!s->game) luaL_error(L, "no game yet: call scenario{} first");
    return s->game;
}

/* "FILE:LINE" of the nearest Lua function at or above level, with the full path. */
void ls_where(lua_State *L, int level, char *buf, size_t cap)
{
    lua_Debug ar;
    LScript *s = ls_self(L);
    for (int lv = level; lua_getstack(L, lv, &ar); lv++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) continue;
        const char *src = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        snprintf(buf, cap, "%s:%d", src, ar.currentline);
        return;
    }
    snprintf(buf, cap, "%s", s->path[0] ? s->path : "?");
}

/* Appends one line to the check report (dropped when full) and counts the problem. */
void ls_report(LScript *s, const char *fmt, ...)
{
    char line[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    s->problems++;
    if (!s->report || s->report_cap == 0) return;
    size_t n = strlen(line);
    if (s->report_len + n + 2 > s->report_cap) return;
    memcpy(s->report + s->report_len, line, n);
    s->report_len += n;
    s->report[s->report_len++] = '\n';
    s->report[s->report_len] = 0;
}

/* A problem in the caller's arguments: reported in check mode while loading, raised otherwise. */
int ls_problem(lua_State *L, const char *fmt, ...)
{
    char msg[400], where[LSCRIPT_PATH_LEN + 16];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ls_where(L, 1, where, sizeof where);
    LScript *s = ls_self(L);
    if (s->mode == LS_MODE_CHECK && s->loading) {
        ls_report(s, "%s: %s", where, msg);
        return 0;
    }
    lua_pushfstring(L, "%s: %s", where, msg);
    return lua_error(L);
}

/* Faction index of the id at idx; unknown ids are a problem (-1 in check mode). */
int ls_check_faction(lua_State *L, int idx)
{
    Game *g = ls_game(L);
    const char *id = luaL_checkstring(L, idx);
    int f = game_find_faction(g, id);
    if (f < 0) ls_problem(L, "unknown faction '%s'", id);
    return f;
}

/* Like ls_check_faction, with nil meaning -1 (nobody). */
int ls_opt_faction(lua_State *L, int idx)
{
    if (lua_isnoneornil(L, idx)) return -1;
    return ls_check_faction(L, idx);
}

/* Place index of the id at idx; unknown ids are a problem (-1 in check mode). */
int ls_check_place(lua_State *L, int idx)
{
    Game *g = ls_game(L);
    const char *id = luaL_checkstring(L, idx);
    int p = map_find_place(g->map, id);
    if (p < 0) ls_problem(L, "unknown place '%s'", id);
    return p;
}

/* Leader index of the id at idx; unknown ids are a problem (-1 in check mode). */
int ls_check_leader(lua_State *L, int idx)
{
    Game *g = ls_game(L);
    const char *id = luaL_checkstring(L, idx);
    int l = game_find_leader(g, id);
    if (l < 0) ls_problem(L, "unknown leader '%s'", id);
    return l;
}

static const char *const ls_relations[] = { "war", "neutral", "alliance", "vassal", NULL };

/* "war" | "neutral" | "alliance" | "vassal" at idx; raises on anything else. */
Relation ls_check_relation(lua_State *L, int idx)
{
    return (Relation)luaL_checkoption(L, idx, NULL, ls_relations);
}

/* The Lua name of a relation. */
const char *ls_relation_id(Relation r)
{
    return (unsigned)r < 4 ? ls_relations[r] : "?";
}

/* Pushes {q=, r=}. */
void ls_push_hex(lua_State *L, Hex h)
{
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, h.q);
    lua_setfield(L, -2, "q");
    lua_pushinteger(L, h.r);
    lua_setfield(L, -2, "r");
}

/* Pushes {year=, month=, day=}. */
void ls_push_date(lua_State *L, int y, int m, int d)
{
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, y);
    lua_setfield(L, -2, "year");
    lua_pushinteger(L, m);
    lua_setfield(L, -2, "month");
    lua_pushinteger(L, d);
    lua_setfield(L, -2, "day");
}

/* t[k] read raw: a table's metamethods never run when the engine reads it. */
int ls_getfield(lua_State *L, int t, const char *k)
{
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) {     /* lua_rawget needs a table: anything else has no field */
        lua_pushnil(L);
        return LUA_TNIL;
    }
    lua_pushstring(L, k);
    return lua_rawget(L, t);
}

/* t[k] as a string (def when nil); raises when it is another type. Read raw, so the string
 * is the one the table holds: it stays alive while the table does and no Lua code runs. */
const char *ls_field_str(lua_State *L, int t, const char *k, const char *def)
{
    const char *v = def;
    if (ls_getfield(L, t, k) != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "field '%s' must be a string", k);
        v = lua_tostring(L, -1);
    }
    lua_pop(L, 1);     /* strings stay alive: they are anchored in the table */
    return v;
}

/* t[k] as an integer (def when nil); raises when it is not an integer. */
lua_Integer ls_field_int(lua_State *L, int t, const char *k, lua_Integer def)
{
    lua_Integer v = def;
    if (ls_getfield(L, t, k) != LUA_TNIL) {
        int ok;
        v = lua_tointegerx(L, -1, &ok);
        if (!ok) luaL_error(L, "field '%s' must be an integer", k);
    }
    lua_pop(L, 1);
    return v;
}

/* t[k] as a boolean (def when nil; any other value is truthy as in Lua). */
int ls_field_bool(lua_State *L, int t, const char *k, int def)
{
    int v = def;
    if (ls_getfield(L, t, k) != LUA_TNIL) v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* A position (place id, q/r, col/row or lat/lon) to a hex; does not check that it is on the map. */
int ls_to_hex(lua_State *L, int idx, const Map *m, Hex *out, char *msg, size_t cap)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *id = lua_tostring(L, idx);
        int p = map_find_place(m, id);
        if (p < 0) { snprintf(msg, cap, "unknown place '%s'", id); return -1; }
        *out = m->places[p].hex;
        return 0;
    }
    if (lua_type(L, idx) != LUA_TTABLE) {
        snprintf(msg, cap, "a position is a place id or a table {q=,r=} / {col=,row=} / {lat=,lon=}");
        return -1;
    }
    int isq, isr;
    ls_getfield(L, idx, "q");
    ls_getfield(L, idx, "r");
    lua_Integer q = lua_tointegerx(L, -2, &isq), r = lua_tointegerx(L, -1, &isr);
    lua_pop(L, 2);
    if (isq && isr) { *out = hex_make((int)q, (int)r); return 0; }
    ls_getfield(L, idx, "col");
    ls_getfield(L, idx, "row");
    q = lua_tointegerx(L, -2, &isq);
    r = lua_tointegerx(L, -1, &isr);
    lua_pop(L, 2);
    if (isq && isr) { *out = hex_from_offset((int)q, (int)r); return 0; }
    ls_getfield(L, idx, "lat");
    ls_getfield(L, idx, "lon");
    int isla = lua_isnumber(L, -2), islo = lua_isnumber(L, -1);
    double lat = lua_tonumber(L, -2), lon = lua_tonumber(L, -1);
    lua_pop(L, 2);
    if (isla && islo) {
        if (!m->geographic) {
            snprintf(msg, cap, "this map has no geography: use {q=,r=} instead of lat/lon");
            return -1;
        }
        if (proj_latlon_edge_margin_m(m, lat, lon) < PROJ_SAFE_MARGIN_M) {
            snprintf(msg, cap, "lat %.6f lon %.6f lies within %d m of a hex edge: move it a little so "
                     "that every machine places it in the same hex", lat, lon, PROJ_SAFE_MARGIN_M);
            return -1;
        }
        *out = proj_latlon_to_hex(m, lat, lon);
        return 0;
    }
    snprintf(msg, cap, "a position table needs q and r, col and row, or lat and lon");
    return -1;
}

/* Whether faction could have one more unit in h (land, on map, room, no other faction). */
static int ls_hex_has_room(const Game *g, int faction, Hex h)
{
    if (!map_in_bounds(g->map, h) || map_is_water(g->map, h)) return 0;
    int us[GAME_MAX_UNITS];
    int n = game_units_at(g, h, us, GAME_MAX_UNITS);
    if (n >= g->rules.stack_limit) return 0;
    for (int i = 0; i < n; i++)
        if (g->units[us[i]].faction != faction) return 0;
    return 1;
}

/* Nearest hex with room for one more unit of faction, ring by ring; -1 when none within radius. */
int ls_free_hex_near(const Game *g, int faction, Hex c, int radius, Hex *out)
{
    Hex ring[6 * 16];
    for (int rad = 0; rad <= radius && rad <= 16; rad++) {
        int n = hex_ring(c, rad, ring, 6 * 16);
        for (int i = 0; i < n; i++)
            if (ls_hex_has_room(g, faction, ring[i])) { *out = ring[i]; return 0; }
    }
    return -1;
}

/* A unit's name for the log. */
void ls_unit_label(const Game *g, int unit, char *buf, size_t cap)
{
    const Unit *u = &g->units[unit];
    const char *tname = g->rules.unit_types[u->type].name;
    if (u->name[0]) snprintf(buf, cap, "%s", u->name);
    else if (u->leader >= 0 && u->leader < g->n_leaders)
        snprintf(buf, cap, "%s's %s", g->leaders[u->leader].name, tname);
    else snprintf(buf, cap, "%s %s", g->factions[u->faction].name, tname);
}

/* ================================================================ the gyr table */

/* gyr.include(name): runs scripts/lib/NAME.lua once and returns its value (cached); only
 * while the scenario file is first run, so that the content hash covers it. */
static int l_include(lua_State *L)
{
    LScript *s = ls_self(L);
    const char *name = luaL_checkstring(L, 1);
    if (!s->loading) return luaL_error(L, "gyr.include works only while the scenario file is first run");
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return luaL_error(L, "gyr.include: '%s' is not a library name (scripts/lib/NAME.lua)", name);
    if (!*name || strlen(name) > 64) return luaL_error(L, "gyr.include: bad library name");
    lua_getfield(L, LUA_REGISTRYINDEX, "gyr.libs");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, "gyr.libs");
    }
    if (lua_getfield(L, -1, name) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    char path[LSCRIPT_PATH_LEN + 96];
    snprintf(path, sizeof path, "%.400s/scripts/lib/%s.lua", lscript_data_dir(), name);
    if (ls_load_file(s, path, &s->content_hash) != 0) return luaL_error(L, "gyr.include: %s", s->last_error);
    lua_call(L, 0, 1);                  /* runs under the scenario's own budget */
    if (lua_isnil(L, -1)) { lua_pop(L, 1); lua_pushboolean(L, 1); }
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name);
    return 1;
}

/* Pushes the gyr table with every binding. */
int luaopen_gyr(lua_State *L)
{
    lua_newtable(L);
    lua_pushcfunction(L, l_include);
    lua_setfield(L, -2, "include");
    ls_open_game(L);
    ls_open_unit(L);
    ls_open_politics(L);
    return 1;
}

/* ================================================================ the door */

typedef struct LsDoor { LsDoorFn fn; void *ud; } LsDoor;

/* The C function the door pcalls: the LsDoor is its last argument, the caller's values before it. */
static int ls_door_entry(lua_State *L)
{
    LsDoor *d = lua_touserdata(L, -1);
    lua_pop(L, 1);
    d->fn(L, d->ud);
    return 0;
}

/* Whether msg starts with "FILE:LINE:" (a name without spaces, a colon, digits, a colon). */
int ls_has_position(const char *msg)
{
    for (const char *p = msg; *p && *p != ' '; p++) {
        if (*p != ':' || p == msg) continue;
        const char *q = p + 1;
        while (*q >= '0' && *q <= '9') q++;
        if (q > p + 1 && *q == ':') return 1;
    }
    return 0;
}

/* Runs fn(L, ud) inside lua_pcall of a C function; see lscript_int.h. */
int ls_door(LScript *s, LsDoorFn fn, void *ud, int nargs, long long budget)
{
    lua_State *L = s->L;
    LsDoor d = { fn, ud };
    if (!lua_checkstack(L, 4)) {                /* does not raise: fails with 0 */
        lua_pop(L, nargs);
        snprintf(s->last_error, sizeof s->last_error, "%.400s: script stack overflow",
                 s->where[0] ? s->where : s->path);
        return -1;
    }
    lua_pushcfunction(L, ls_door_entry);
    lua_insert(L, -(nargs + 1));
    lua_pushlightuserdata(L, &d);
    if (ls_pcall(s, nargs + 1, 0, budget) == 0) return 0;
    /* an error raised by the host's own C code has no Lua caller to name: name the script */
    if (!ls_has_position(s->last_error)) {
        char msg[sizeof s->last_error];
        snprintf(msg, sizeof msg, "%s", s->last_error);
        if (s->where[0]) snprintf(s->last_error, sizeof s->last_error, "%.300s: %.200s", s->where, msg);
        else snprintf(s->last_error, sizeof s->last_error, "%.300s:1: %.200s", s->path[0] ? s->path : "?", msg);
    }
    return -1;
}

/* Last resort for an error raised outside every protected call: say so and stop cleanly
 * (Lua would abort() next). Nothing in the host should reach it. */
static int ls_panic(lua_State *L)
{
    const char *m = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "error object is not a string";
    fprintf(stderr, "SCRIPT: panic: %s\n", m);
    fflush(stderr);
    exit(LS_PANIC_STATUS);
}

/* ================================================================ portable names */

/* Length of dir without trailing slashes. */
static size_t ls_dir_len(const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    return n;
}

/* The log's name for path: a built-in file (DATA/scripts/...) from scripts/ on, a mod's file
 * after the mod folder, anything else by its file name. */
void ls_display_name(const char *path, char *out, size_t cap)
{
    const char *dirs[2] = { lscript_data_dir(), lscript_mod_dir() };
    size_t best = 0;
    for (int i = 0; i < 2; i++) {
        size_t n = ls_dir_len(dirs[i]);
        if (n > best && n > 0 && strncmp(path, dirs[i], n) == 0 && path[n] == '/' &&
            (i == 1 || strncmp(path + n + 1, "scripts/", 8) == 0)) best = n;
    }
    const char *rest = best ? path + best + 1 : NULL;
    if (!rest) {
        rest = strrchr(path, '/');
        rest = rest ? rest + 1 : path;
    }
    snprintf(out, cap, "%s", rest);
}

/* Copies msg into out with each loaded file's path, whole or as Lua's shortened "...tail",
 * replaced by its display name. */
void ls_portable_message(const LScript *s, const char *msg, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0) return;
    for (const char *p = msg; *p && o + 1 < cap;) {
        size_t used = 0;
        const char *path = NULL;
        for (int i = 0; i < s->n_chunks && !used; i++) {
            const char *c = s->chunks[i];
            size_t cl = strlen(c);
            if (cl && strncmp(p, c, cl) == 0) { used = cl; path = c; break; }
            if (strncmp(p, "...", 3) == 0) {            /* "...tail" up to the next ':' */
                const char *colon = strchr(p + 3, ':');
                size_t tl = colon ? (size_t)(colon - (p + 3)) : 0;
                if (tl > 0 && tl <= cl && memcmp(c + cl - tl, p + 3, tl) == 0) { used = tl + 3; path = c; }
            }
        }
        if (used) {
            char name[LSCRIPT_PATH_LEN];
            ls_display_name(path, name, sizeof name);
            size_t nl = strlen(name);
            if (nl > cap - 1 - o) nl = cap - 1 - o;
            memcpy(out + o, name, nl);
            o += nl;
            p += used;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = 0;
}

/* ================================================================ life cycle */

/* ls_new's door: the gyr table. */
static void ls_open_gyr(lua_State *L, void *ud)
{
    (void)ud;
    luaL_requiref(L, "gyr", luaopen_gyr, 1);
}

LScript *ls_new(LsMode mode, uint64_t seed)
{
    LScript *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->mode = mode;
    s->seed = seed;
    s->last_turn_started = 0;
    s->next_choice_id = 1;
    rules_defaults(&s->rules);
    s->L = ls_sandbox_new(s);
    if (!s->L) { free(s); return NULL; }
    lua_atpanic(s->L, ls_panic);
    if (ls_door(s, ls_open_gyr, NULL, 0, LS_BUDGET_DOOR) != 0) {
        lua_close(s->L);
        free(s);
        return NULL;
    }
    return s;
}

static const char *const ls_rules_files[] = { "units", "terrain", "combat" };

typedef struct LsRulesRun { LScript *s; int rc; } LsRulesRun;

/* Door for ls_read_rules: the three rules tables are its arguments 1..3. */
static void ls_rules_door(lua_State *L, void *ud)
{
    (void)L;
    LsRulesRun *r = ud;
    r->rc = ls_read_rules(r->s);
}

/* Door for the declarations: opened (ud != NULL) or closed. */
static void ls_decl_door(lua_State *L, void *ud)
{
    if (ud) ls_open_declarative(L);
    else ls_close_declarative(L);
}

/* Runs the rules (not in INFO mode) and the scenario file in s; 0, or -1 with s->last_error. */
int ls_run_scenario(LScript *s, const char *path)
{
    lua_State *L = s->L;
    snprintf(s->path, sizeof s->path, "%s", path);
    uint64_t h = LS_FNV_OFFSET;
    if (s->mode != LS_MODE_INFO) {
        for (int i = 0; i < 3; i++) {
            char rp[LSCRIPT_PATH_LEN + 64];
            snprintf(rp, sizeof rp, "%s/scripts/rules/%s.lua", lscript_data_dir(), ls_rules_files[i]);
            if (ls_load_file(s, rp, &h) != 0) { lua_settop(L, 0); return -1; }
            if (ls_pcall(s, 0, 1, LS_BUDGET_LOAD) != 0) { lua_settop(L, 0); return -1; }
            if (!lua_istable(L, -1)) {
                snprintf(s->last_error, sizeof s->last_error, "%.400s:1: must return a table", rp);
                lua_settop(L, 0);
                return -1;
            }
        }
        LsRulesRun rr = { s, -1 };
        if (ls_door(s, ls_rules_door, &rr, 3, LS_BUDGET_DOOR) != 0 || rr.rc != 0) { lua_settop(L, 0); return -1; }
        lua_settop(L, 0);
    }
    if (ls_door(s, ls_decl_door, s, 0, LS_BUDGET_DOOR) != 0) return -1;
    s->loading = 1;
    if (ls_load_file(s, path, &h) != 0) { s->loading = 0; return -1; }
    s->content_hash = h;
    int rc = ls_pcall(s, 0, 0, s->mode == LS_MODE_INFO ? LS_BUDGET_INFO : LS_BUDGET_LOAD);
    if (rc != 0 && s->mode == LS_MODE_INFO && s->have_scenario &&
        strstr(s->last_error, "\001scenario-read")) rc = 0;
    if (rc == 0 && s->mode != LS_MODE_INFO) {
        if (ls_finish_setup(s) != 0 && s->mode == LS_MODE_PLAY) rc = -1;
    }
    s->loading = 0;
    if (s->mode != LS_MODE_INFO) {
        /* the declarations go, whatever the script did to _G (its metamethods do not run) */
        char keep[sizeof s->last_error];
        snprintf(keep, sizeof keep, "%s", s->last_error);
        if (ls_door(s, ls_decl_door, NULL, 0, LS_BUDGET_DOOR) != 0) {
            if (s->mode == LS_MODE_CHECK) ls_report(s, "%s", s->last_error);
            rc = -1;
        } else {
            snprintf(s->last_error, sizeof s->last_error, "%s", keep);
        }
    }
    return rc;
}

/* Builds a game from a scenario file; see lscript.h. */
LScript *lscript_load(const char *path, uint64_t seed, Game **game_out, char *err, size_t errlen)
{
    if (game_out) *game_out = NULL;
    LScript *s = ls_new(LS_MODE_PLAY, seed);
    if (!s) {
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    if (ls_run_scenario(s, path) != 0) {
        snprintf(err, errlen, "%s", s->last_error);
        lscript_free(s);
        return NULL;
    }
    if (!s->game) {         /* a campaign file, or one that declared nothing to play */
        snprintf(err, errlen, "%s: %s", path, s->info.is_campaign ? "is a campaign, not a scenario"
                                                                 : "declares no scenario{}");
        lscript_free(s);
        return NULL;
    }
    s->game->hook = ls_game_hook;
    s->game->hook_ud = s;
    s->last_error[0] = 0;
    if (game_out) *game_out = s->game;
    return s;
}

/* Frees the Lua state, the game and an inline map; NULL is fine. */
void lscript_free(LScript *s)
{
    if (!s) return;
    if (s->L) lua_close(s->L);
    if (s->game) game_free(s->game);
    if (s->own_map) map_free(s->own_map);
    free(s);
}

/* FNV-1a 64 of the rules files, the scenario file and the libraries it included. */
uint64_t lscript_content_hash(const LScript *s)
{
    return s ? s->content_hash : 0;
}

/* Keeps the pointer to the carry for units that arrive during play. */
void lscript_set_carry(LScript *s, const struct Carry *carry)
{
    if (s) s->carry = carry;
}

/* The id given in scenario{}. */
const char *lscript_scenario_id(const LScript *s)
{
    return s ? s->scenario_id : "";
}

/* The last handler error, "" when none. */
const char *lscript_last_error(const LScript *s)
{
    return s ? s->last_error : "";
}

typedef struct LsBriefing { LScript *s; const char *faction; } LsBriefing;

/* Door for lscript_briefing: copies the text out of Lua into s->briefing_buf. */
static void ls_briefing_door(lua_State *L, void *ud)
{
    LsBriefing *b = ud;
    const char *out = "";
    if (lua_getfield(L, LUA_REGISTRYINDEX, "gyr.scenario") == LUA_TTABLE) {
        int t = lua_gettop(L);
        if (b->faction) {
            lua_pushfstring(L, "briefing_%s", b->faction);
            if (lua_rawget(L, t) == LUA_TSTRING) out = lua_tostring(L, -1);   /* on the stack until the copy */
        }
        if (!*out) {
            lua_pushliteral(L, "briefing");
            if (lua_rawget(L, t) == LUA_TSTRING) out = lua_tostring(L, -1);
        }
    }
    snprintf(b->s->briefing_buf, sizeof b->s->briefing_buf, "%s", out);
}

/* briefing_<faction> of scenario{}, else its briefing, else "": a copy in the host, valid until
 * the next call or lscript_free. */
const char *lscript_briefing(const LScript *cs, const char *faction)
{
    if (!cs || !cs->L) return "";
    LScript *s = (LScript *)cs;     /* the door keeps its accounting in s */
    LsBriefing b = { s, faction };
    char keep[sizeof s->last_error];
    snprintf(keep, sizeof keep, "%s", s->last_error);
    s->briefing_buf[0] = 0;
    if (ls_door(s, ls_briefing_door, &b, 0, LS_BUDGET_DOOR) != 0) s->briefing_buf[0] = 0;
    snprintf(s->last_error, sizeof s->last_error, "%s", keep);
    return s->briefing_buf;
}

/* Number of Lua handler calls so far. */
uint64_t lscript_handler_calls(const LScript *s)
{
    return s ? s->handler_calls : 0;
}

/* Copies the faction's goals (in the order they were set) into out. */
int lscript_ai_goals(const LScript *s, int faction, AiGoal *out, int cap)
{
    int n = 0;
    if (!s) return 0;
    for (int i = 0; i < s->n_goals && n < cap; i++)
        if (s->goals[i].faction == faction) out[n++] = s->goals[i];
    return n;
}

/* scenario_load.c - turning Lua into a Game: the declarative globals a scenario file calls
 * while it is first run (scenario, faction, relation, place, leader, unit, unit_type, victory,
 * on) and the checks after setup. The rules tables (scripts/rules/) are read in rules_load.c,
 * the event handlers run during play from events.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "lscript_int.h"
#include "campaign.h"



/* ================================================================ declarative helpers */

/* The game for a declarative call; NULL in check mode when setup failed earlier. */
static Game *decl_game(lua_State *L)
{
    LScript *s = ls_self(L);
    if (!s->loading) luaL_error(L, "this function works only while the scenario file is first run");
    if (s->game) return s->game;
    if (s->mode == LS_MODE_CHECK) return NULL;
    ls_problem(L, "call scenario{} first");
    return NULL;
}

/* Current line of the nearest Lua caller (0 when none). */
static int caller_line(lua_State *L)
{
    lua_Debug ar;
    for (int lv = 1; lua_getstack(L, lv, &ar); lv++)
        if (lua_getinfo(L, "l", &ar) && ar.currentline > 0) return ar.currentline;
    return 0;
}

/* Whether id is lower-case letters, digits and _ and fits GAME_ID_LEN. */
static int valid_id(const char *id)
{
    if (!id || !*id || strlen(id) >= GAME_ID_LEN) return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) return 0;
    return 1;
}

/* ================================================================ inline maps */

static int legend_terrain(lua_State *L, int legend, char ch)
{
    if (legend) {
        char k[2] = { ch, 0 };
        ls_getfield(L, legend, k);
        const char *id = lua_tostring(L, -1);
        int t = id ? terrain_from_id(id) : -1;
        lua_pop(L, 1);
        if (t >= 0) return t;
    }
    switch (ch) {
    case '.': case 'p': return TER_PLAIN;
    case 'a': return TER_FARMLAND;
    case 's': return TER_STEPPE;
    case 'f': return TER_FOREST;
    case 'h': return TER_HILLS;
    case 'm': return TER_MOUNTAINS;
    case 'w': return TER_MARSH;
    case 'd': return TER_DESERT;
    case 'n': return TER_SAND;
    case '~': return TER_SEA;
    case 'o': return TER_LAKE;
    default: return -1;
    }
}

/* Hex from an array {q, r} at idx; 0 or -1. */
static int pair_hex(lua_State *L, int idx, int first, Hex *h)
{
    int ok1, ok2;
    lua_rawgeti(L, idx, first);
    lua_rawgeti(L, idx, first + 1);
    lua_Integer q = lua_tointegerx(L, -2, &ok1), r = lua_tointegerx(L, -1, &ok2);
    lua_pop(L, 2);
    if (q < -LS_MAX_COORD || q > LS_MAX_COORD || r < -LS_MAX_COORD || r > LS_MAX_COORD) ok1 = 0;
    h->q = (int)q;
    h->r = (int)r;
    return ok1 && ok2 ? 0 : -1;
}

/* Adds flags to the side between adjacent a and b. */
static int side_between(Map *m, Hex a, Hex b, uint8_t add, uint8_t river)
{
    int d = hex_dir_to(a, b);
    if (d < 0 || !map_in_bounds(m, a)) return -1;
    MapSide sd = map_side(m, a, d);
    map_set_side(m, a, d, (uint8_t)(sd.flags | add), river ? river : sd.river);
    return 0;
}

static const char *const map_fields[] = { "rows", "legend", "places", "rivers", "roads", NULL };
static const char *const map_place_fields[] = {
    "id", "name", "hanzi", "kind", "col", "row", "q", "r", "lat", "lon", NULL
};
static const char *const map_river_fields[] = { "name", "major", "sides", "fords", "bridges", NULL };

/* Refuses unknown fields of an inline map (ls_check_fields): the map table, its places and
 * rivers entries, legend keys that are not one letter and legend or kind values that are not
 * terrain or place kinds. Problems are reported (check mode) or raised; nothing is changed. */
static void check_inline_map_fields(lua_State *L, int idx)
{
    ls_check_fields(L, idx, "the inline map", map_fields);
    if (ls_getfield(L, idx, "legend") == LUA_TTABLE) {
        int lg = lua_gettop(L);
        char letters[94][2];                        /* "!" .. "~": the keys a legend may have */
        const char *known[95];
        for (int c = 0; c < 94; c++) {
            letters[c][0] = (char)('!' + c);
            letters[c][1] = 0;
            known[c] = letters[c];
        }
        known[94] = NULL;
        ls_check_fields(L, lg, "map.legend", known);
        for (int c = 0; c < 94; c++) {              /* in byte order, so problems come in one order */
            lua_pushstring(L, letters[c]);
            if (lua_rawget(L, lg) != LUA_TNIL) {
                const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
                if (!v || terrain_from_id(v) < 0) ls_problem(L, "map.legend['%s']: unknown terrain", letters[c]);
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    static const char *const lists[2] = { "places", "rivers" };
    for (int l = 0; l < 2; l++) {
        if (ls_getfield(L, idx, lists[l]) == LUA_TTABLE) {
            int lt = lua_gettop(L);
            for (int i = 1; i <= (int)ls_len(L, lt); i++) {
                char what[48];
                snprintf(what, sizeof what, "map.%s[%d]", lists[l], i);
                lua_rawgeti(L, lt, i);
                ls_check_fields(L, -1, what, l == 0 ? map_place_fields : map_river_fields);
                if (l == 0) ls_check_coords(L, -1, what);
                if (l == 0 && lua_istable(L, -1) && ls_getfield(L, -1, "kind") != LUA_TNIL) {
                    const char *kind = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
                    if (place_kind_from_id(kind) < 0)
                        ls_problem(L, "%s: kind must be town, city, capital, fortress, pass, camp or site", what);
                }
                lua_settop(L, lt);
            }
        }
        lua_pop(L, 1);
    }
}

/* Builds a map from the table at idx (rows, legend, places, rivers, roads). Raises on error. */
static Map *build_inline_map(lua_State *L, int idx)
{
    check_inline_map_fields(L, idx);
    if (ls_getfield(L, idx, "rows") != LUA_TTABLE) luaL_error(L, "map.rows must be a list of strings");
    int rows = (int)ls_len(L, -1), w = -1;
    int rt = lua_gettop(L);
    int legend = ls_getfield(L, idx, "legend") == LUA_TTABLE ? lua_gettop(L) : 0;
    if (!legend) lua_pop(L, 1);
    if (rows < 1 || rows > 400) luaL_error(L, "map.rows: 1..400 rows");
    for (int r = 1; r <= rows; r++) {
        lua_rawgeti(L, rt, r);
        const char *row = lua_tostring(L, -1);
        if (!row) luaL_error(L, "map.rows[%d] must be a string", r);
        int n = 0;
        for (const char *p = row; *p; p++) n += *p != ' ';
        if (w < 0) w = n;
        if (n != w || w < 1 || w > 400) luaL_error(L, "map.rows[%d]: every row needs the same width", r);
        lua_pop(L, 1);
    }
    Map *m = map_new(w, rows, TER_PLAIN);
    if (!m) luaL_error(L, "map: out of memory");
    ls_self(L)->own_map = m;    /* the host frees it even when a metamethod below raises */
    /* from here on, errors must free m: collect the message and raise after freeing */
    char err[200] = "";
    for (int r = 0; r < rows && !err[0]; r++) {
        lua_rawgeti(L, rt, r + 1);
        const char *row = lua_tostring(L, -1);
        int col = 0;
        if (!row) { snprintf(err, sizeof err, "map.rows[%d] changed while the map was built", r + 1); lua_pop(L, 1); break; }
        for (const char *p = row; *p; p++) {
            if (*p == ' ') continue;
            int t = legend_terrain(L, legend, *p);
            if (t < 0) { snprintf(err, sizeof err, "map.rows[%d]: unknown terrain letter '%c'", r + 1, *p); break; }
            map_set_terrain(m, hex_from_offset(col, r), (Terrain)t);
            col++;
        }
        lua_pop(L, 1);
    }
    if (!err[0] && ls_getfield(L, idx, "places") == LUA_TTABLE) {
        int pt = lua_gettop(L);
        for (int i = 1; i <= (int)ls_len(L, pt) && !err[0]; i++) {
            lua_rawgeti(L, pt, i);
            int e = lua_gettop(L);
            MapPlace mp;
            memset(&mp, 0, sizeof mp);
            const char *id = lua_istable(L, e) ? ls_field_str(L, e, "id", NULL) : NULL;
            char hmsg[160];
            if (!valid_id(id)) snprintf(err, sizeof err, "map.places[%d]: id must be lower-case letters, digits, _", i);
            else if (ls_to_hex(L, e, m, &mp.hex, hmsg, sizeof hmsg) != 0)
                snprintf(err, sizeof err, "map.places[%d]: %s", i, hmsg);
            else {
                snprintf(mp.id, sizeof mp.id, "%s", id);
                snprintf(mp.name, sizeof mp.name, "%s", ls_field_str(L, e, "name", id));
                snprintf(mp.hanzi, sizeof mp.hanzi, "%s", ls_field_str(L, e, "hanzi", ""));
                int k = place_kind_from_id(ls_field_str(L, e, "kind", "town"));
                mp.kind = k < 0 ? PLACE_TOWN : (PlaceKind)k;
                if (map_is_water(m, mp.hex) || map_add_place(m, &mp) < 0)
                    snprintf(err, sizeof err, "map.places[%d] '%s': off the map or on water", i, id);
            }
            lua_pop(L, 1);
        }
    }
    lua_settop(L, rt);
    if (!err[0] && ls_getfield(L, idx, "rivers") == LUA_TTABLE) {
        int rv = lua_gettop(L);
        for (int i = 1; i <= (int)ls_len(L, rv) && !err[0]; i++) {
            lua_rawgeti(L, rv, i);
            int e = lua_gettop(L);
            int major = lua_istable(L, e) && ls_field_bool(L, e, "major", 0);
            int ri = map_add_river(m, lua_istable(L, e) ? ls_field_str(L, e, "name", "river") : "river");
            static const char *const lists[3] = { "sides", "fords", "bridges" };
            for (int l = 0; l < 3 && !err[0] && lua_istable(L, e); l++) {
                if (ls_getfield(L, e, lists[l]) == LUA_TTABLE) {
                    int st = lua_gettop(L);
                    for (int j = 1; j <= (int)ls_len(L, st) && !err[0]; j++) {
                        Hex a, b;
                        lua_rawgeti(L, st, j);
                        uint8_t fl = l == 0 ? (major ? SIDE_RIVER_MAJOR : SIDE_RIVER_MINOR)
                                            : l == 1 ? SIDE_FORD : SIDE_BRIDGE;
                        if (!lua_istable(L, -1) || pair_hex(L, lua_gettop(L), 1, &a) ||
                            pair_hex(L, lua_gettop(L), 3, &b) || side_between(m, a, b, fl, (uint8_t)(ri > 0 ? ri : 0)))
                            snprintf(err, sizeof err, "map.rivers[%d].%s[%d]: needs {q1, r1, q2, r2} of two "
                                     "adjacent hexes", i, lists[l], j);
                        lua_pop(L, 1);
                    }
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
    }
    lua_settop(L, rt);
    if (!err[0] && ls_getfield(L, idx, "roads") == LUA_TTABLE) {
        int rd = lua_gettop(L);
        for (int i = 1; i <= (int)ls_len(L, rd) && !err[0]; i++) {
            lua_rawgeti(L, rd, i);
            int path = lua_gettop(L);
            Hex prev = { 0, 0 };
            for (int j = 1; lua_istable(L, path) && j <= (int)ls_len(L, path) && !err[0]; j++) {
                Hex h = prev;
                lua_rawgeti(L, path, j);
                if (!lua_istable(L, -1) || pair_hex(L, lua_gettop(L), 1, &h) ||
                    (j > 1 && side_between(m, prev, h, SIDE_ROAD, 0)))
                    snprintf(err, sizeof err, "map.roads[%d][%d]: a road is a list of adjacent {q, r}", i, j);
                prev = h;
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
    }
    lua_settop(L, rt - 1);
    if (err[0]) {
        ls_self(L)->own_map = NULL;
        map_free(m);
        luaL_error(L, "%s", err);
    }
    return m;
}

/* ================================================================ scenario{} */

static void copy_field(lua_State *L, int t, const char *k, char *dst, size_t cap, const char *def)
{
    snprintf(dst, cap, "%s", ls_field_str(L, t, k, def));
}

/* Collects sides = { "jin", "liao" } into "jin,liao". */
static void read_sides(lua_State *L, int t, char *out, size_t cap)
{
    out[0] = 0;
    if (ls_getfield(L, t, "sides") == LUA_TTABLE) {
        for (int i = 1; i <= (int)ls_len(L, -1); i++) {
            lua_rawgeti(L, -1, i);
            const char *id = lua_tostring(L, -1);
            if (id) {
                size_t n = strlen(out);
                snprintf(out + n, cap - n, "%s%s", n ? "," : "", id);
            }
            lua_pop(L, 1);
        }
    } else if (lua_isstring(L, -1)) {
        snprintf(out, cap, "%s", lua_tostring(L, -1));
    }
    lua_pop(L, 1);
}

static const char *const date_fields[] = { "year", "month", "day", NULL };

/* Reads the metadata every mode needs. */
static void read_info(lua_State *L, LScript *s, int campaign)
{
    ScenarioInfo *in = &s->info;
    copy_field(L, 1, "id", in->id, sizeof in->id, "");
    copy_field(L, 1, "title", in->title, sizeof in->title, in->id);
    copy_field(L, 1, "years", in->years, sizeof in->years, "");
    copy_field(L, 1, "briefing", in->briefing, sizeof in->briefing, "");
    if (campaign) copy_field(L, 1, "side", in->sides, sizeof in->sides, "");
    else read_sides(L, 1, in->sides, sizeof in->sides);
    in->is_campaign = campaign;
    in->start_year = in->start_month = in->start_day = 0;
    if (!campaign) {
        /* only for the historical order of the lists; d_scenario checks the fields */
        int *date[3] = { &in->start_year, &in->start_month, &in->start_day };
        static const int fallback[3] = { 1114, 9, 1 }, top[3] = { 9999, 12, 31 };
        int st = ls_getfield(L, 1, "start");
        for (int k = 0; k < 3; k++) {
            *date[k] = fallback[k];
            if (st != LUA_TTABLE) continue;
            int isnum = 0;
            if (ls_getfield(L, -1, date_fields[k]) == LUA_TNUMBER) {
                lua_Integer v = lua_tointegerx(L, -1, &isnum);
                if (isnum && v >= 1 && v <= top[k]) *date[k] = (int)v;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    snprintf(in->path, sizeof in->path, "%s", s->path);
}

static const char *const scenario_fields[] = {
    "id", "title", "years", "start", "turn_days", "turns", "map", "sides", "briefing", "briefing_*", NULL
};

/* scenario{ id, title, years, start, turn_days, turns, map, sides, briefing... } */
static int d_scenario(lua_State *L)
{
    LScript *s = ls_self(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "scenario{}", scenario_fields);
    if (!s->loading) return luaL_error(L, "scenario{} works only while the scenario file is first run");
    if (s->have_scenario) return ls_problem(L, "scenario{} called twice");
    read_info(L, s, 0);
    s->have_scenario = 1;
    s->scenario_line = caller_line(L);
    if (s->mode == LS_MODE_INFO) {
        lua_pushliteral(L, "\001scenario-read");
        return lua_error(L);
    }
    if (!valid_id(s->info.id)) ls_problem(L, "scenario id must be lower-case letters, digits and _ (got '%s')", s->info.id);
    snprintf(s->scenario_id, sizeof s->scenario_id, "%s", s->info.id);
    lua_pushvalue(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "gyr.scenario");    /* for lscript_briefing */
    int sy = 1114, sm = 9, sd = 1;
    lua_Integer v;
    if (ls_getfield(L, 1, "start") == LUA_TTABLE) {
        ls_check_fields(L, -1, "scenario{} start", date_fields);
        /* years 1..9999: the calendar's day numbers (about 366 * year) stay far inside int */
        sy = ls_check_range(L, lua_gettop(L), "year", sy, 1, 9999, &v, "start") == 0 ? (int)v : sy;
        sm = ls_check_range(L, lua_gettop(L), "month", sm, 1, 12, &v, "start") == 0 ? (int)v : 1;
        sd = ls_check_range(L, lua_gettop(L), "day", sd, 1, 31, &v, "start") == 0 ? (int)v : 1;
    }
    lua_pop(L, 1);
    int days = ls_check_range(L, 1, "turn_days", 10, 1, 366, &v, NULL) == 0 ? (int)v : 10;
    int turns = ls_check_range(L, 1, "turns", 10, 1, 999, &v, NULL) == 0 ? (int)v : 10;
    const Map *m = NULL;
    int mt = ls_getfield(L, 1, "map");
    if (mt == LUA_TNIL || (mt == LUA_TSTRING && strcmp(lua_tostring(L, -1), "theatre") == 0)) {
        char err[300];
        m = lscript_theatre(err, sizeof err);
        if (!m) ls_problem(L, "map 'theatre' is not available: %s", err);
    } else if (mt == LUA_TTABLE) {
        s->own_map = build_inline_map(L, lua_gettop(L));
        m = s->own_map;
    } else {
        ls_problem(L, "map must be \"theatre\" or an inline map table");
    }
    lua_pop(L, 1);
    if (!m) return 0;
    s->game = game_new(m, s->seed);
    if (!s->game) return luaL_error(L, "out of memory");
    Game *g = s->game;
    g->rules = s->rules;
    snprintf(g->scenario_id, sizeof g->scenario_id, "%s", s->info.id);
    g->start_year = sy;
    g->start_month = sm < 1 || sm > 12 ? 1 : sm;
    g->start_day = sd < 1 || sd > 31 ? 1 : sd;
    g->turn_days = days < 1 || days > 366 ? 10 : days;
    g->max_turns = turns < 1 || turns > 999 ? 10 : turns;
    g->script_logs = 1;        /* this host writes its own log entries for scripted changes */
    memset(s->place_set, 0, sizeof s->place_set);
    return 0;
}

static const char *const campaign_fields[] = {
    "id", "title", "years", "side", "briefing", "scenarios", "carry_units", "carry_leaders", NULL
};
static const char *const campaign_step_fields[] = { "id", "interlude", NULL };

/* campaign{}: read for the list only (campaign play is engine/script/campaign.c's). */
static int d_campaign(lua_State *L)
{
    LScript *s = ls_self(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "campaign{}", campaign_fields);
    read_info(L, s, 1);
    s->have_scenario = 1;
    s->scenario_line = caller_line(L);
    if (s->mode == LS_MODE_INFO) {
        lua_pushliteral(L, "\001scenario-read");
        return lua_error(L);
    }
    if (s->mode == LS_MODE_CHECK) {
        if (!s->info.id[0]) ls_problem(L, "campaign{} needs an id");
        if (!s->info.sides[0]) ls_problem(L, "campaign{} needs side = \"faction id\"");
        if (ls_getfield(L, 1, "scenarios") != LUA_TTABLE || ls_len(L, -1) < 1)
            return ls_problem(L, "campaign{} needs scenarios = { { id = \"...\" }, ... }");
        for (int i = 1; i <= (int)ls_len(L, -1); i++) {
            lua_rawgeti(L, -1, i);
            char what[48];
            snprintf(what, sizeof what, "campaign scenarios[%d]", i);
            ls_check_fields(L, -1, what, campaign_step_fields);
            const char *id = lua_istable(L, -1) ? ls_field_str(L, lua_gettop(L), "id", NULL) : NULL;
            ScenarioInfo info;
            if (!id) ls_problem(L, "campaign scenarios[%d] needs an id", i);
            else if (lscript_find_scenario(id, &info) != 0) ls_problem(L, "campaign scenarios[%d]: unknown scenario '%s'", i, id);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    return 0;
}

/* ================================================================ faction, relation, place, leader */

static const char *const faction_fields[] = { "id", "name", "hanzi", "color", "emblem", "ai", "playable", NULL };

static int d_faction(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "faction{}", faction_fields);
    Game *g = decl_game(L);
    LScript *s = ls_self(L);
    if (!g) return 0;
    const char *id = ls_field_str(L, 1, "id", NULL);
    if (!valid_id(id)) return ls_problem(L, "faction id must be lower-case letters, digits and _");
    if (game_find_faction(g, id) >= 0) return ls_problem(L, "faction '%s' declared twice", id);
    const char *name = ls_field_str(L, 1, "name", id);
    lua_Integer color;
    if (ls_check_range(L, 1, "color", 0x888888, 0, 0xFFFFFF, &color, NULL) != 0) return 0;
    int f = game_add_faction(g, id, name, (uint32_t)color);
    if (f < 0) return ls_problem(L, "too many factions (at most %d)", GAME_MAX_FACTIONS);
    Faction *fa = &g->factions[f];
    snprintf(fa->hanzi, sizeof fa->hanzi, "%s", ls_field_str(L, 1, "hanzi", ""));
    snprintf(fa->emblem, sizeof fa->emblem, "%s", ls_field_str(L, 1, "emblem", "banner"));
    snprintf(fa->ai_kind, sizeof fa->ai_kind, "%s", ls_field_str(L, 1, "ai", "default"));
    int listed = 0;
    char sides[80];
    snprintf(sides, sizeof sides, ",%s,", s->info.sides);
    char key[GAME_ID_LEN + 3];
    snprintf(key, sizeof key, ",%s,", id);
    listed = strstr(sides, key) != NULL;
    fa->playable = ls_field_bool(L, 1, "playable", listed);
    s->faction_line[f] = caller_line(L);
    /* places no place() call has set keep their 1114 owner when that faction is in the game */
    for (int p = 0; p < g->map->n_places && p < MAP_MAX_PLACES; p++) {
        const char *o = g->map->places[p].owner1114;
        if (!s->place_set[p] && (strcmp(o, id) == 0 || (strcmp(o, "jurchen") == 0 && strcmp(id, "jin") == 0)))
            g->places[p].owner = f;
    }
    return 0;
}

/* relation(a, b, rel): sets a relation during setup. */
static int d_relation(lua_State *L)
{
    Game *g = decl_game(L);
    luaL_checkstring(L, 1);
    luaL_checkstring(L, 2);
    Relation r = ls_check_relation(L, 3);
    if (!g) return 0;
    int a = ls_check_faction(L, 1), b = ls_check_faction(L, 2);
    if (a < 0 || b < 0) return 0;
    if (a == b) return ls_problem(L, "relation of a faction with itself");
    game_set_relation(g, a, b, r);
    return 0;
}

static const char *const place_fields[] = { "owner", "vp", "supply", NULL };
static const char *const place_id_fields[] = { "id", "owner", "vp", "supply", NULL };

/* place(id, { owner, vp, supply }) or place{ id = ..., owner = ... } */
static int d_place(lua_State *L)
{
    if (lua_istable(L, 1)) ls_check_fields(L, 1, "place{}", place_id_fields);
    else ls_check_fields(L, 2, "place()", place_fields);
    Game *g = decl_game(L);
    int t = 2;
    if (lua_istable(L, 1)) {
        lua_settop(L, 1);
        ls_getfield(L, 1, "id");
        lua_insert(L, 1);          /* id, table */
        luaL_checkstring(L, 1);
    } else {
        luaL_checkstring(L, 1);
        if (lua_isnoneornil(L, 2)) { lua_settop(L, 1); lua_newtable(L); }
        luaL_checktype(L, 2, LUA_TTABLE);
    }
    if (!g) return 0;
    int p = ls_check_place(L, 1);
    if (p < 0) return 0;
    int owner = -1;
    if (ls_getfield(L, t, "owner") != LUA_TNIL) {
        const char *oid = lua_tostring(L, -1);
        owner = oid ? game_find_faction(g, oid) : -1;
        if (owner < 0) { lua_pop(L, 1); return ls_problem(L, "unknown faction '%s'", oid ? oid : "?"); }
    }
    lua_pop(L, 1);
    lua_Integer vp = ls_field_int(L, t, "vp", g->places[p].vp);
    if (vp < 0 || vp > 1000) return ls_problem(L, "vp must be 0..1000");
    g->places[p].owner = owner;
    g->places[p].vp = (int)vp;
    g->places[p].supply_source = ls_field_bool(L, t, "supply", g->places[p].supply_source);
    ls_self(L)->place_set[p] = 1;
    return 0;
}

static const char *const leader_fields[] = { "id", "name", "hanzi", "rating", "faction", NULL };

/* leader{}: declares a leader of a declared faction. */
static int d_leader(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "leader{}", leader_fields);
    Game *g = decl_game(L);
    if (!g) return 0;
    const char *id = ls_field_str(L, 1, "id", NULL);
    if (!valid_id(id)) return ls_problem(L, "leader id must be lower-case letters, digits and _");
    if (game_find_leader(g, id) >= 0) return ls_problem(L, "leader '%s' declared twice", id);
    ls_getfield(L, 1, "faction");
    int f = lua_isnil(L, -1) ? (ls_problem(L, "leader '%s' needs a faction", id), -1) : ls_check_faction(L, -1);
    lua_pop(L, 1);
    if (f < 0) return 0;
    lua_Integer rating = ls_field_int(L, 1, "rating", 1);
    if (rating < 0 || rating > 3) return ls_problem(L, "leader rating must be 0..3");
    int l = game_add_leader(g, id, ls_field_str(L, 1, "name", id), (int)rating, f);
    if (l < 0) return ls_problem(L, "too many leaders (at most %d)", GAME_MAX_LEADERS);
    snprintf(g->leaders[l].hanzi, sizeof g->leaders[l].hanzi, "%s", ls_field_str(L, 1, "hanzi", ""));
    return 0;
}

/* ================================================================ unit, unit_type */

/* Creates a unit from the table at idx for faction (or the table's faction) at hex c, spilling
 * to the nearest free hex. Returns the unit index or -1 after ls_problem (check mode). Shared
 * with gyr.rebellion / gyr.reinforce (bind_politics.c) through ls_spawn_unit. */
int ls_spawn_unit(lua_State *L, int idx, int faction, Hex c, int radius)
{
    LScript *s = ls_self(L);
    Game *g = s->game;
    const char *type = ls_field_str(L, idx, "type", NULL);
    if (!type) return ls_problem(L, "unit without a type"), -1;
    int ti = rules_find_unit_type(&g->rules, type);
    if (ti < 0) return ls_problem(L, "unknown unit type '%s'", type), -1;
    lua_Integer steps = ls_field_int(L, idx, "steps", g->rules.unit_types[ti].max_steps);
    if (steps < 1 || steps > g->rules.unit_types[ti].max_steps)
        return ls_problem(L, "steps must be 1..%d for '%s'", g->rules.unit_types[ti].max_steps, type), -1;
    lua_Integer coh = ls_field_int(L, idx, "cohesion", g->rules.cohesion_max);
    lua_Integer exp = ls_field_int(L, idx, "exp", 0);
    if (coh < 1 || coh > g->rules.cohesion_max) return ls_problem(L, "cohesion must be 1..%d", g->rules.cohesion_max), -1;
    if (exp < 0 || exp > 1000) return ls_problem(L, "exp must be 0..1000"), -1;
    const char *tag = ls_field_str(L, idx, "tag", "");
    const char *name = ls_field_str(L, idx, "name", "");
    if (strlen(tag) >= GAME_ID_LEN) return ls_problem(L, "tag too long (at most %d bytes)", GAME_ID_LEN - 1), -1;
    int leader = -1;
    if (ls_getfield(L, idx, "leader") != LUA_TNIL) {
        const char *lid = lua_tostring(L, -1);
        leader = lid ? game_find_leader(g, lid) : -1;
        if (leader < 0) { lua_pop(L, 1); return ls_problem(L, "unknown leader '%s'", lid ? lid : "?"), -1; }
        const Leader *ld = &g->leaders[leader];
        if (ld->faction != faction) { lua_pop(L, 1); return ls_problem(L, "leader '%s' belongs to another faction", lid), -1; }
        if (ld->state != LEADER_ACTIVE || (ld->unit >= 0 && g->units[ld->unit].alive)) {
            lua_pop(L, 1);
            return ls_problem(L, "leader '%s' already commands a unit or is gone", lid), -1;
        }
    }
    lua_pop(L, 1);
    if (!map_in_bounds(g->map, c)) return ls_problem(L, "unit placed off the map at q=%d r=%d", c.q, c.r), -1;
    if (map_is_water(g->map, c))
        return ls_problem(L, "unit placed on water (%s) at q=%d r=%d", terrain_id(map_terrain(g->map, c)), c.q, c.r), -1;
    Hex h;
    if (ls_free_hex_near(g, faction, c, radius, &h) != 0)
        return ls_problem(L, "no free land hex within %d of q=%d r=%d", radius, c.q, c.r), -1;
    if (g->n_units >= GAME_MAX_UNITS) return ls_problem(L, "too many units (at most %d)", GAME_MAX_UNITS), -1;
    int u = game_add_unit(g, ti, faction, h, (int)steps);
    if (u < 0) return ls_problem(L, "cannot place the unit at q=%d r=%d", h.q, h.r), -1;
    Unit *un = &g->units[u];
    un->cohesion = (int)coh;
    un->exp = (int)exp;
    snprintf(un->tag, sizeof un->tag, "%s", tag);
    snprintf(un->name, sizeof un->name, "%s", name);
    if (leader >= 0) game_attach_leader(g, leader, u);
    /* a tagged unit arriving in play takes the campaign carry (set-up ones get it at start) */
    if (g->started && s->carry) campaign_apply_carry_unit(s->carry, g, u);
    return u;
}

static const char *const unit_fields[] = {
    "type", "faction", "at", "steps", "leader", "name", "tag", "cohesion", "exp", "count", NULL
};

/* unit{}: places a unit (or count of them); returns the last one's handle. */
static int d_unit(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "unit{}", unit_fields);
    Game *g = decl_game(L);
    if (!g) return 0;
    ls_getfield(L, 1, "faction");
    int f = lua_isnil(L, -1) ? (ls_problem(L, "unit needs a faction"), -1) : ls_check_faction(L, -1);
    lua_pop(L, 1);
    if (f < 0) return 0;
    Hex c;
    char msg[200];
    if (ls_getfield(L, 1, "at") == LUA_TNIL) { lua_pop(L, 1); return ls_problem(L, "unit needs at = place id or position"); }
    ls_check_position(L, -1, "unit{} at");
    if (ls_to_hex(L, -1, g->map, &c, msg, sizeof msg) != 0) { lua_pop(L, 1); return ls_problem(L, "%s", msg); }
    lua_pop(L, 1);
    lua_Integer count = ls_field_int(L, 1, "count", 1);
    if (count < 1 || count > 50) return ls_problem(L, "count must be 1..50");
    int u = -1;
    for (int i = 0; i < count; i++) {
        u = ls_spawn_unit(L, 1, f, c, 3);
        if (u < 0) return 0;
    }
    ls_push_unit(L, u);
    return 1;
}

/* unit_type{}: adds a unit type for this scenario. */
static int d_unit_type(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "unit_type{}", ls_unit_type_fields);
    LScript *s = ls_self(L);
    if (!s->loading) return luaL_error(L, "unit_type{} works only while the scenario file is first run");
    Rules *r = s->game ? &s->game->rules : &s->rules;
    UnitType t;
    char msg[200];
    if (ls_read_unit_type(L, 1, &t, msg, sizeof msg) != 0) return ls_problem(L, "%s", msg);
    if (rules_find_unit_type(r, t.id) >= 0) return ls_problem(L, "unit type '%s' already exists", t.id);
    if (r->n_unit_types >= RULES_MAX_UNIT_TYPES) return ls_problem(L, "too many unit types");
    r->unit_types[r->n_unit_types++] = t;
    return 0;
}

/* ================================================================ victory, on */

static const char *const vc_ids[] = { "hold", "take", "kill_leader", "save_leader", "score", NULL };

static const char *const victory_fields[] = { "faction", "type", "place", "leader", "value", "text", NULL };

/* victory{}: adds a victory condition; the type names follow VictoryType's order. */
static int d_victory(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "victory{}", victory_fields);
    Game *g = decl_game(L);
    if (!g) return 0;
    ls_getfield(L, 1, "faction");
    int f = lua_isnil(L, -1) ? (ls_problem(L, "victory needs a faction"), -1) : ls_check_faction(L, -1);
    lua_pop(L, 1);
    if (f < 0) return 0;
    const char *type = ls_field_str(L, 1, "type", NULL);
    int vt = -1;
    for (int i = 0; type && vc_ids[i]; i++)
        if (strcmp(type, vc_ids[i]) == 0) vt = i;
    if (vt < 0) return ls_problem(L, "victory type must be take, hold, kill_leader, save_leader or score");
    static const char *const vc_needs[] = { "place", "place", "leader", "leader", "value" };
    static const char *const vc_fields[] = { "place", "leader", "value" };
    for (int i = 0; i < 3; i++) {                  /* a field of another type would be ignored */
        lua_pushstring(L, vc_fields[i]);
        int there = lua_rawget(L, 1) != LUA_TNIL;
        lua_pop(L, 1);
        if (there && strcmp(vc_fields[i], vc_needs[vt]) != 0)
            return ls_problem(L, "victory '%s' takes %s, not %s", type, vc_needs[vt], vc_fields[i]);
    }
    VictoryCond vc;
    memset(&vc, 0, sizeof vc);
    vc.type = (VictoryType)vt;   /* vc_ids follows VictoryType's order */
    vc.faction = f;
    char deftext[GAME_TEXT_LEN];
    if (vc.type == VC_HOLD_PLACE || vc.type == VC_TAKE_PLACE) {
        ls_getfield(L, 1, "place");
        int p = lua_isnil(L, -1) ? (ls_problem(L, "victory '%s' needs a place", type), -1) : ls_check_place(L, -1);
        lua_pop(L, 1);
        if (p < 0) return 0;
        vc.target = p;
        snprintf(deftext, sizeof deftext, "%s: %s %s", g->factions[f].name, type, g->map->places[p].name);
    } else if (vc.type == VC_KILL_LEADER || vc.type == VC_SAVE_LEADER) {
        ls_getfield(L, 1, "leader");
        int l = lua_isnil(L, -1) ? (ls_problem(L, "victory '%s' needs a leader", type), -1) : ls_check_leader(L, -1);
        lua_pop(L, 1);
        if (l < 0) return 0;
        vc.target = l;
        snprintf(deftext, sizeof deftext, "%s: %s %s", g->factions[f].name,
                 vc.type == VC_KILL_LEADER ? "kill or capture" : "keep alive", g->leaders[l].name);
    } else {
        lua_Integer v = ls_field_int(L, 1, "value", -1);
        if (v < 0) return ls_problem(L, "victory 'score' needs value = N (>= 0)");
        if (v > LS_MAX_SCORE) return ls_problem(L, "victory value must be 0..%d", LS_MAX_SCORE);
        vc.value = (int)v;
        snprintf(deftext, sizeof deftext, "%s: score %d points", g->factions[f].name, (int)v);
    }
    snprintf(vc.text, sizeof vc.text, "%s", ls_field_str(L, 1, "text", deftext));
    if (game_add_victory(g, &vc) < 0) return ls_problem(L, "too many victory conditions (at most %d)", GAME_MAX_VICTORY);
    return 0;
}

static const char *const event_ids[] = {
    "turn_start", "turn_end", "unit_moved", "place_captured", "battle", "unit_destroyed",
    "choice_answered", "game_over", NULL
};

/* on(event, function(ev) ... end): handlers run in registration order; at most
 * LS_MAX_HANDLERS in all, so that handlers registering handlers cannot multiply. */
static int d_on(lua_State *L)
{
    LScript *s = ls_self(L);
    const char *name = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    int known = 0;
    for (int i = 0; event_ids[i]; i++) known |= strcmp(name, event_ids[i]) == 0;
    if (!known) return ls_problem(L, "unknown event '%s' (turn_start, turn_end, unit_moved, "
                                  "place_captured, battle, unit_destroyed, choice_answered, game_over)", name);
    if (!s->loading && s->mode != LS_MODE_PLAY) return 0;
    if (s->n_handlers >= LS_MAX_HANDLERS)
        return ls_problem(L, "on('%s'): too many handlers (at most %d in all)", name, LS_MAX_HANDLERS);
    lua_getfield(L, LUA_REGISTRYINDEX, LS_HANDLERS_KEY);
    if (ls_getfield(L, -1, name) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, name);
    }
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, (lua_Integer)ls_len(L, -2) + 1);
    s->n_handlers++;
    return 0;
}

static const luaL_Reg decl_funcs[] = {
    { "scenario", d_scenario }, { "campaign", d_campaign }, { "faction", d_faction },
    { "relation", d_relation }, { "place", d_place }, { "leader", d_leader }, { "unit", d_unit },
    { "unit_type", d_unit_type }, { "victory", d_victory }, { "on", d_on }, { NULL, NULL }
};

/* Registers the declarations as globals (raw: _G's metamethods do not run) and makes the
 * registry tables for handlers and choices. Raises on memory errors: call it through ls_door. */
void ls_open_declarative(lua_State *L)
{
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LS_HANDLERS_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LS_CHOICES_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LS_CHOICEQ_KEY);
    lua_pushglobaltable(L);
    for (const luaL_Reg *r = decl_funcs; r->name; r++) {
        lua_pushstring(L, r->name);
        lua_pushcfunction(L, r->func);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
}

/* Removes the declarations (on stays), raw: whatever the script set on _G (__newindex, a
 * declaration already removed) runs no code. Call it through ls_door. */
void ls_close_declarative(lua_State *L)
{
    lua_pushglobaltable(L);
    for (const luaL_Reg *r = decl_funcs; r->name; r++) {
        if (strcmp(r->name, "on") == 0) continue;   /* on() stays: handlers may add handlers */
        lua_pushstring(L, r->name);
        lua_pushnil(L);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
}

/* Names for the documentation test. */
const char *const *ls_declarative_names(void)
{
    static const char *names[sizeof decl_funcs / sizeof decl_funcs[0]];
    for (size_t i = 0; i + 1 < sizeof decl_funcs / sizeof decl_funcs[0]; i++) names[i] = decl_funcs[i].name;
    return names;
}
const char *const *ls_event_names(void) { return event_ids; }

/* ================================================================ after setup */

/* A problem found after the file ran, at line: reported (check) or kept as the error. */
static int setup_problem(LScript *s, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A problem found after the file ran, at line: reported (check) or kept as the error. */
static int setup_problem(LScript *s, int line, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (s->mode == LS_MODE_CHECK) {
        ls_report(s, "%s:%d: %s", s->path, line, msg);     /* counts it */
        return 1;
    }
    if (!s->last_error[0])
        snprintf(s->last_error, sizeof s->last_error, "%.300s:%d: %.190s", s->path, line, msg);
    s->problems++;
    return 1;
}

/* Checks the setup as a whole; returns the number of problems. */
int ls_finish_setup(LScript *s)
{
    int before = s->problems;
    s->last_error[0] = 0;
    if (!s->have_scenario || (!s->game && s->mode != LS_MODE_CHECK)) {
        if (!s->have_scenario) setup_problem(s, 1, "no scenario{} declaration");
        return s->problems - before;
    }
    Game *g = s->game;
    if (!g) return s->problems - before;
    int line = s->scenario_line;
    if (g->n_factions == 0) setup_problem(s, line, "no faction{} declared");
    /* sides */
    char sides[80];
    snprintf(sides, sizeof sides, "%s", s->info.sides);
    if (!sides[0]) setup_problem(s, line, "scenario{} needs sides = { ... } (the playable factions)");
    for (char *tok = strtok(sides, ","); tok; tok = strtok(NULL, ",")) {
        int f = game_find_faction(g, tok);
        if (f < 0) { setup_problem(s, line, "side '%s' is not a declared faction", tok); continue; }
        g->factions[f].playable = 1;
        int has = 0;
        for (int v = 0; v < g->n_victory; v++) has |= g->victory[v].faction == f;
        if (!has && s->mode == LS_MODE_CHECK)
            setup_problem(s, s->faction_line[f] ? s->faction_line[f] : line,
                          "side '%s' has no victory condition", tok);
    }
    if (g->n_victory == 0) setup_problem(s, line, "no victory{} condition");
    return s->problems - before;
}

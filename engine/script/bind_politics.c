/* bind_politics.c - the politics of the war as Lua calls: new factions, defections of units
 * and places, relations, rebellions and reinforcements, desertion, leaders killed or taken,
 * and choices put to a side. Each call checks all of its arguments before changing anything
 * and writes one log entry of its own type (defection, rebellion, ...). */
#include <stdio.h>
#include <string.h>
#include "lscript_int.h"

#define MAX_PICK GAME_MAX_UNITS

/* Optional text/note fields of a table argument. */
static void opt_text(lua_State *L, int t, const char **text, const char **note)
{
    *text = NULL;
    *note = "";
    if (!lua_istable(L, t)) return;
    *text = ls_field_str(L, t, "text", NULL);
    *note = ls_field_str(L, t, "note", "");
}

/* Reads a list of faction ids at field k into out (indices); raises on unknown ids. */
static int faction_list(lua_State *L, int t, const char *k, int *out, int cap)
{
    Game *g = ls_game(L);
    int n = 0;
    if (ls_getfield(L, t, k) == LUA_TTABLE) {
        const char *const none[] = { NULL };
        ls_check_fields_at(L, -1, k, none, 1);          /* a list: { "liao" }, not { liao = true } */
        for (int i = 1; i <= (int)ls_len(L, -1) && n < cap; i++) {
            lua_rawgeti(L, -1, i);
            const char *id = lua_tostring(L, -1);
            int f = id ? game_find_faction(g, id) : -1;
            if (f < 0) return luaL_error(L, "%s: unknown faction '%s'", k, id ? id : "?");
            out[n++] = f;
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        return luaL_error(L, "%s must be a list of faction ids", k);
    }
    lua_pop(L, 1);
    return n;
}

/* Creates a faction from table t (id, name, hanzi, color, emblem, ai); raises on bad fields.
 * Sets relations: at_war_with, allied_with, vassal_of. Returns its index. */
static int create_faction(lua_State *L, int t, const char *id_override)
{
    Game *g = ls_game(L);
    const char *id = id_override ? id_override : ls_field_str(L, t, "id", NULL);
    if (!id || !*id || strlen(id) >= GAME_ID_LEN) return luaL_error(L, "create_faction: id missing or too long");
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return luaL_error(L, "create_faction: id must be lower-case letters, digits and _");
    if (game_find_faction(g, id) >= 0) return luaL_error(L, "create_faction: faction '%s' exists", id);
    if (g->n_factions >= GAME_MAX_FACTIONS) return luaL_error(L, "create_faction: too many factions");
    const char *name = ls_field_str(L, t, "name", id);
    const char *hanzi = ls_field_str(L, t, "hanzi", "");
    const char *emblem = ls_field_str(L, t, "emblem", "banner");
    const char *ai = ls_field_str(L, t, "ai", "default");
    lua_Integer color = ls_field_int(L, t, "color", 0x999999);
    if (color < 0 || color > 0xFFFFFF) return luaL_error(L, "create_faction: color must be 0x000000..0xFFFFFF");
    int war[GAME_MAX_FACTIONS], ally[GAME_MAX_FACTIONS], over[1];
    int nw = faction_list(L, t, "at_war_with", war, GAME_MAX_FACTIONS);
    int na = faction_list(L, t, "allied_with", ally, GAME_MAX_FACTIONS);
    int nv = 0;
    if (ls_getfield(L, t, "vassal_of") != LUA_TNIL) {
        over[0] = ls_check_faction(L, -1);
        nv = 1;
    }
    lua_pop(L, 1);
    /* all checked: change the game */
    int f = game_add_faction(g, id, name, (uint32_t)color);
    Faction *fa = &g->factions[f];
    snprintf(fa->hanzi, sizeof fa->hanzi, "%s", hanzi);
    snprintf(fa->emblem, sizeof fa->emblem, "%s", emblem);
    snprintf(fa->ai_kind, sizeof fa->ai_kind, "%s", ai);
    fa->controller = CTRL_AI;
    fa->playable = 0;
    for (int i = 0; i < nw; i++) game_set_relation(g, f, war[i], REL_WAR);
    for (int i = 0; i < na; i++) game_set_relation(g, f, ally[i], REL_ALLIANCE);
    if (nv) game_set_relation(g, f, over[0], REL_VASSAL);
    return f;
}

static const char *const create_faction_fields[] = {
    "id", "name", "hanzi", "color", "emblem", "ai", "at_war_with", "allied_with", "vassal_of", "text", "note", NULL
};

/* gyr.create_faction{ id, name, hanzi, color, emblem, at_war_with, allied_with, vassal_of }. */
static int l_create_faction(lua_State *L)
{
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.create_faction{}", create_faction_fields);
    const char *text, *note;
    opt_text(L, 1, &text, &note);
    int f = create_faction(L, 1, NULL);
    char buf[GAME_TEXT_LEN];
    snprintf(buf, sizeof buf, "A new power appears: %s", g->factions[f].name);
    game_log(g, GEV_FACTION_CREATED, f, text ? text : buf, note);
    lua_pushstring(L, g->factions[f].id);
    return 1;
}

/* gyr.set_relation(a, b, relation [, { text, note }]). */
static int l_set_relation(lua_State *L)
{
    ls_check_fields(L, 4, "gyr.set_relation's {text, note}", ls_text_fields);
    Game *g = ls_game(L);
    int a = ls_check_faction(L, 1), b = ls_check_faction(L, 2);
    Relation r = ls_check_relation(L, 3);
    const char *text, *note;
    opt_text(L, 4, &text, &note);
    if (a < 0 || b < 0) return 0;
    if (a == b) return luaL_error(L, "gyr.set_relation: a faction with itself");
    Relation old = game_relation(g, a, b);
    int changed = old != r || (r == REL_VASSAL && g->overlord[a] != b);
    game_set_relation(g, a, b, r);
    if (!changed) return 0;
    char buf[GAME_TEXT_LEN];
    const char *na = g->factions[a].name, *nb = g->factions[b].name;
    switch (r) {
    case REL_WAR: snprintf(buf, sizeof buf, "The %s and the %s are now at war", na, nb); break;
    case REL_NEUTRAL: snprintf(buf, sizeof buf, "The %s and the %s make peace", na, nb); break;
    case REL_ALLIANCE: snprintf(buf, sizeof buf, "The %s and the %s are now allies", na, nb); break;
    default: snprintf(buf, sizeof buf, "The %s become vassals of the %s", na, nb); break;
    }
    game_log(g, GEV_RELATION_CHANGED, -1, text ? text : buf, note);
    return 0;
}

/* Units picked by the selectors of table t: unit, units, tag, faction, type. Raises when no
 * selector is given. Returns the count (alive units only, ascending index). */
static int pick_units(lua_State *L, int t, int *out)
{
    Game *g = ls_game(L);
    int n = 0;
    static const char *const sel[] = { "unit", "units", "tag", "faction", "type" };
    int by[3] = { 0, 0, 0 };                      /* unit, units, tag/faction/type */
    for (int i = 0; i < 5; i++) {                 /* one way of choosing: the others would be ignored */
        lua_pushstring(L, sel[i]);
        if (lua_rawget(L, t) != LUA_TNIL) by[i < 2 ? i : 2] = 1;
        lua_pop(L, 1);
    }
    if (by[0] + by[1] + by[2] > 1) return luaL_error(L, "say which units one way: unit, units, or tag/faction/type");
    if (ls_getfield(L, t, "unit") != LUA_TNIL) {
        int u = ls_check_unit(L, lua_gettop(L));
        if (g->units[u].alive) out[n++] = u;
        lua_pop(L, 1);
        return n;
    }
    lua_pop(L, 1);
    if (ls_getfield(L, t, "units") == LUA_TTABLE) {
        int lt = lua_gettop(L);
        char seen[GAME_MAX_UNITS] = { 0 };
        for (int i = 1; i <= (int)ls_len(L, lt); i++) {
            lua_rawgeti(L, lt, i);
            int u = ls_check_unit(L, lua_gettop(L));
            if (g->units[u].alive && !seen[u]) { seen[u] = 1; out[n++] = u; }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        /* ascending, so that what follows does not depend on the list's order */
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && out[j - 1] > out[j]; j--) { int x = out[j]; out[j] = out[j - 1]; out[j - 1] = x; }
        return n;
    }
    lua_pop(L, 1);
    const char *tag = ls_field_str(L, t, "tag", NULL);
    const char *tid = ls_field_str(L, t, "type", NULL);
    int f = -1, type = -1;
    if (ls_getfield(L, t, "faction") != LUA_TNIL) {
        const char *id = lua_tostring(L, -1);
        f = id ? game_find_faction(g, id) : -1;
        if (f < 0) return luaL_error(L, "unknown faction '%s'", id ? id : "?");
    }
    lua_pop(L, 1);
    if (tid && (type = rules_find_unit_type(&g->rules, tid)) < 0) return luaL_error(L, "unknown unit type '%s'", tid);
    if (!tag && f < 0 && type < 0) return luaL_error(L, "say which units: unit, units, tag, faction or type");
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive) continue;
        if (tag && strcmp(u->tag, tag) != 0) continue;
        if (f >= 0 && u->faction != f) continue;
        if (type >= 0 && u->type != type) continue;
        out[n++] = i;
    }
    return n;
}

static const char *const defect_fields[] = {
    "unit", "units", "tag", "faction", "type", "to", "text", "note", NULL
};

/* gyr.defect{ unit | units | tag [, faction], to, text, note }: units change sides (with
 * their leaders). Returns the number of units that went over. */
static int l_defect(lua_State *L)
{
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.defect{}", defect_fields);
    ls_getfield(L, 1, "to");
    if (lua_isnil(L, -1)) return luaL_error(L, "gyr.defect: to = faction missing");
    int to = ls_check_faction(L, -1);
    lua_pop(L, 1);
    const char *text, *note;
    opt_text(L, 1, &text, &note);
    int picked[MAX_PICK];
    int n = pick_units(L, 1, picked);
    if (to < 0) return 0;
    int moved = 0, first = -1;
    for (int i = 0; i < n; i++) {
        if (g->units[picked[i]].faction == to) continue;
        if (first < 0) first = picked[i];
        game_set_unit_faction(g, picked[i], to);
        moved++;
    }
    if (moved) {
        char buf[GAME_TEXT_LEN], label[96];
        ls_unit_label(g, first, label, sizeof label);
        if (moved == 1) snprintf(buf, sizeof buf, "%s goes over to the %s", label, g->factions[to].name);
        else snprintf(buf, sizeof buf, "%s and %d more units go over to the %s", label, moved - 1, g->factions[to].name);
        game_log(g, GEV_DEFECTION, to, text ? text : buf, note);
    }
    lua_pushinteger(L, moved);
    return 1;
}

/* gyr.set_place_owner(place, faction or nil [, { text, note }]): a place changes hands. */
static int l_set_place_owner(lua_State *L)
{
    ls_check_fields(L, 3, "gyr.set_place_owner's {text, note}", ls_text_fields);
    Game *g = ls_game(L);
    int p = ls_check_place(L, 1);
    int f = ls_opt_faction(L, 2);
    const char *text, *note;
    opt_text(L, 3, &text, &note);
    if (p < 0) return 0;
    int old = g->places[p].owner;
    if (old == f) return 0;
    game_set_place_owner(g, p, f);
    char buf[GAME_TEXT_LEN];
    if (f >= 0) snprintf(buf, sizeof buf, "%s goes over to the %s", g->map->places[p].name, g->factions[f].name);
    else snprintf(buf, sizeof buf, "%s is abandoned", g->map->places[p].name);
    game_log(g, GEV_DEFECTION, f, text ? text : buf, note);
    return 0;
}

static const char *const spec_fields[] = { "type", "steps", "name", "tag", "cohesion", "exp", "leader", NULL };

/* Checks the list of unit specs at field "units" of t: type known, steps valid. Raises. */
static int check_specs(lua_State *L, int t, const char *fn)
{
    Game *g = ls_game(L);
    if (ls_getfield(L, t, "units") != LUA_TTABLE) return luaL_error(L, "%s: units = { {type=, steps=}, ... } missing", fn);
    int n = (int)ls_len(L, -1);
    if (n < 1 || n > 30) return luaL_error(L, "%s: 1..30 units", fn);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        int e = lua_gettop(L);
        if (!lua_istable(L, e)) return luaL_error(L, "%s: units[%d] must be a table", fn, i);
        char what[64];
        snprintf(what, sizeof what, "%s units[%d]", fn, i);
        ls_check_fields(L, e, what, spec_fields);
        const char *type = ls_field_str(L, e, "type", NULL);
        int ti = type ? rules_find_unit_type(&g->rules, type) : -1;
        if (ti < 0) return luaL_error(L, "%s: units[%d]: unknown unit type '%s'", fn, i, type ? type : "?");
        lua_Integer st = ls_field_int(L, e, "steps", g->rules.unit_types[ti].max_steps);
        if (st < 1 || st > g->rules.unit_types[ti].max_steps)
            return luaL_error(L, "%s: units[%d]: steps must be 1..%d", fn, i, g->rules.unit_types[ti].max_steps);
        lua_Integer coh = ls_field_int(L, e, "cohesion", g->rules.cohesion_max);
        if (coh < 1 || coh > g->rules.cohesion_max) return luaL_error(L, "%s: units[%d]: bad cohesion", fn, i);
        if (ls_getfield(L, e, "leader") != LUA_TNIL) return luaL_error(L, "%s: units[%d]: leaders join with gyr.add_leader", fn, i);
        lua_pop(L, 1);
        if (strlen(ls_field_str(L, e, "tag", "")) >= GAME_ID_LEN) return luaL_error(L, "%s: units[%d]: tag too long", fn, i);
        ls_field_str(L, e, "name", "");          /* raises now, not halfway through, when not a string */
        lua_Integer exp = ls_field_int(L, e, "exp", 0);
        if (exp < 0 || exp > 1000) return luaL_error(L, "%s: units[%d]: exp must be 0..1000", fn, i);
        lua_pop(L, 1);
    }
    return n;       /* the list stays on the stack */
}

/* Spawns the checked specs (list on top of the stack) for faction around c; returns count. */
static int spawn_specs(lua_State *L, int n, int faction, Hex c, int radius, int *first)
{
    Game *g = ls_game(L);
    int lt = lua_gettop(L), made = 0;
    *first = -1;
    for (int i = 1; i <= n; i++) {
        Hex h;
        if (g->n_units >= GAME_MAX_UNITS || ls_free_hex_near(g, faction, c, radius, &h) != 0) break;
        lua_rawgeti(L, lt, i);
        int u = ls_spawn_unit(L, lua_gettop(L), faction, c, radius);
        lua_pop(L, 1);
        if (u >= 0) { made++; if (*first < 0) *first = u; }
    }
    lua_pop(L, 1);
    return made;
}

static const char *const rebellion_fields[] = {
    "place", "faction", "units", "radius", "take", "text", "note",
    "name", "hanzi", "color", "emblem", "ai", "at_war_with", "allied_with", "vassal_of", NULL
};

/* gyr.rebellion{ place, faction, units, name, color, ..., take, text, note }: units rise for a
 * faction (created when it does not exist yet, at war with the place's owner) at and around
 * the place; the place goes over to them when no one else's units hold it. */
static int l_rebellion(lua_State *L)
{
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.rebellion{}", rebellion_fields);
    ls_getfield(L, 1, "place");
    int p = ls_check_place(L, -1);
    lua_pop(L, 1);
    if (p < 0) return 0;
    const char *fid = ls_field_str(L, 1, "faction", NULL);
    if (!fid) return luaL_error(L, "gyr.rebellion: faction missing");
    int f = game_find_faction(g, fid);
    const char *text, *note;
    opt_text(L, 1, &text, &note);
    int take = ls_field_bool(L, 1, "take", 1);
    lua_Integer radius = ls_field_int(L, 1, "radius", 2);
    if (radius < 0 || radius > 6) return luaL_error(L, "gyr.rebellion: radius must be 0..6");
    int n = check_specs(L, 1, "gyr.rebellion");
    int owner = g->places[p].owner;
    if (f < 0) {
        if (g->n_factions >= GAME_MAX_FACTIONS) return luaL_error(L, "gyr.rebellion: too many factions");
        f = create_faction(L, 1, fid);
        if (owner >= 0 && owner != f) game_set_relation(g, f, owner, REL_WAR);
        char fb[GAME_TEXT_LEN];
        snprintf(fb, sizeof fb, "A new power appears: %s", g->factions[f].name);
        game_log(g, GEV_FACTION_CREATED, f, fb, "");
    }
    int first;
    int made = spawn_specs(L, n, f, g->map->places[p].hex, (int)radius, &first);
    if (take && owner != f) {
        int us[GAME_MAX_UNITS], held = 0;
        int k = game_units_at(g, g->map->places[p].hex, us, GAME_MAX_UNITS);
        for (int i = 0; i < k; i++) held |= g->units[us[i]].faction != f;
        if (!held) game_set_place_owner(g, p, f);
    }
    char buf[GAME_TEXT_LEN];
    snprintf(buf, sizeof buf, "Rebellion at %s: the %s rise (%d units)", g->map->places[p].name,
             g->factions[f].name, made);
    game_log(g, GEV_REBELLION, f, text ? text : buf, note);
    lua_pushinteger(L, made);
    return 1;
}

static const char *const reinforce_fields[] = { "faction", "at", "units", "radius", "text", "note", NULL };

/* gyr.reinforce{ faction, at, units, text, note }: units arrive at a place or position (a
 * message entry is logged only when text is given). Returns the number that found room. */
static int l_reinforce(lua_State *L)
{
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.reinforce{}", reinforce_fields);
    ls_getfield(L, 1, "faction");
    int f = ls_check_faction(L, -1);
    lua_pop(L, 1);
    Hex c;
    char msg[200];
    ls_getfield(L, 1, "at");
    ls_check_position(L, -1, "gyr.reinforce{} at");
    if (ls_to_hex(L, -1, g->map, &c, msg, sizeof msg) != 0) return luaL_error(L, "gyr.reinforce: %s", msg);
    lua_pop(L, 1);
    if (!map_in_bounds(g->map, c)) return luaL_error(L, "gyr.reinforce: position off the map");
    const char *text, *note;
    opt_text(L, 1, &text, &note);
    lua_Integer radius = ls_field_int(L, 1, "radius", 2);
    if (radius < 0 || radius > 6) return luaL_error(L, "gyr.reinforce: radius must be 0..6");
    int n = check_specs(L, 1, "gyr.reinforce");
    if (f < 0) return 0;
    int first;
    int made = spawn_specs(L, n, f, c, (int)radius, &first);
    if (text) game_log(g, GEV_MESSAGE, f, text, note);
    lua_pushinteger(L, made);
    return 1;
}

static const char *const desert_fields[] = {
    "unit", "units", "tag", "faction", "type", "steps", "melt", "chance", "count", "text", "note", NULL
};

/* gyr.desert{ unit | units | tag | faction | type, steps = N | melt = true, chance, count,
 * text, note }: units lose steps (dying at 0) or melt away. Returns the number affected. */
static int l_desert(lua_State *L)
{
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.desert{}", desert_fields);
    int picked[MAX_PICK];
    int n = pick_units(L, 1, picked);
    int melt = ls_field_bool(L, 1, "melt", 0);
    lua_Integer steps = ls_field_int(L, 1, "steps", 1);
    lua_Integer pct = ls_field_int(L, 1, "chance", 100);
    lua_Integer count = ls_field_int(L, 1, "count", GAME_MAX_UNITS);
    const char *text, *note;
    opt_text(L, 1, &text, &note);
    if (steps < 1 || steps > 100) return luaL_error(L, "gyr.desert: steps must be >= 1");
    if (pct < 0 || pct > 100) return luaL_error(L, "gyr.desert: chance must be 0..100");
    if (count < 0) return luaL_error(L, "gyr.desert: count must be >= 0");
    int hit = 0, lost = 0, gone = 0, first = -1, fac = -1;
    for (int i = 0; i < n && hit < count; i++) {
        int u = picked[i];
        if (!g->units[u].alive) continue;
        if (pct < 100 && (lua_Integer)rng_range(&g->rng, 100) >= pct) continue;
        if (first < 0) { first = u; fac = g->units[u].faction; }
        char label[96];
        ls_unit_label(g, u, label, sizeof label);
        if (melt || steps >= g->units[u].steps) {
            lost += g->units[u].steps;
            gone++;
            if (melt) game_remove_unit(g, u); else game_damage_unit(g, u, (int)steps);
        } else {
            lost += (int)steps;
            game_damage_unit(g, u, (int)steps);
        }
        hit++;
    }
    if (hit) {
        char buf[GAME_TEXT_LEN], label[96];
        ls_unit_label(g, first, label, sizeof label);
        if (hit == 1 && gone) snprintf(buf, sizeof buf, "%s melts away", label);
        else if (hit == 1) snprintf(buf, sizeof buf, "Desertion: %s loses %d step%s", label, lost, lost == 1 ? "" : "s");
        else snprintf(buf, sizeof buf, "Desertion: %d units lose %d steps (%d melt away)", hit, lost, gone);
        game_log(g, GEV_DESERTION, fac, text ? text : buf, note);
    }
    lua_pushinteger(L, hit);
    return 1;
}

static const char *const leader_fate_fields[] = { "leader", "text", "note", NULL };

/* Shared by kill_leader / capture_leader: (id [, {text, note}]) or ({ leader, text, note }). */
static int leader_fate(lua_State *L, LeaderState st)
{
    const char *fn = st == LEADER_KILLED ? "gyr.kill_leader" : "gyr.capture_leader";
    char what[64];
    snprintf(what, sizeof what, lua_istable(L, 1) ? "%s{}" : "%s's {text, note}", fn);
    if (lua_istable(L, 1)) ls_check_fields(L, 1, what, leader_fate_fields);
    else ls_check_fields(L, 2, what, ls_text_fields);
    Game *g = ls_game(L);
    const char *text = NULL, *note = "";
    int l;
    if (lua_istable(L, 1)) {
        ls_getfield(L, 1, "leader");
        l = ls_check_leader(L, -1);
        lua_pop(L, 1);
        opt_text(L, 1, &text, &note);
    } else {
        l = ls_check_leader(L, 1);
        opt_text(L, 2, &text, &note);
    }
    if (l < 0) return 0;
    Leader *ld = &g->leaders[l];
    if (ld->state != LEADER_ACTIVE)
        return luaL_error(L, "leader '%s' is already %s", ld->id, ld->state == LEADER_KILLED ? "dead" : "captured");
    game_set_leader_state(g, l, st);
    char buf[GAME_TEXT_LEN];
    snprintf(buf, sizeof buf, "%s is %s", ld->name, st == LEADER_KILLED ? "killed" : "captured");
    game_log(g, st == LEADER_KILLED ? GEV_LEADER_KILLED : GEV_LEADER_CAPTURED, ld->faction, text ? text : buf, note);
    return 0;
}

/* gyr.kill_leader(id): the leader dies (his unit stays, without him). */
static int l_kill_leader(lua_State *L) { return leader_fate(L, LEADER_KILLED); }
/* gyr.capture_leader(id): the leader is taken prisoner. */
static int l_capture_leader(lua_State *L) { return leader_fate(L, LEADER_CAPTURED); }

static const char *const add_leader_fields[] = { "id", "name", "hanzi", "rating", "faction", "unit", NULL };

/* gyr.add_leader{ id, name, hanzi, rating, faction, unit }: a new leader during play,
 * optionally put in command of a unit of his faction. */
static int l_add_leader(lua_State *L)
{
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.add_leader{}", add_leader_fields);
    const char *id = ls_field_str(L, 1, "id", NULL);
    if (!id || !*id || strlen(id) >= GAME_ID_LEN) return luaL_error(L, "gyr.add_leader: id missing");
    if (game_find_leader(g, id) >= 0) return luaL_error(L, "gyr.add_leader: leader '%s' exists", id);
    ls_getfield(L, 1, "faction");
    int f = ls_check_faction(L, -1);
    lua_pop(L, 1);
    lua_Integer rating = ls_field_int(L, 1, "rating", 1);
    if (rating < 0 || rating > 3) return luaL_error(L, "gyr.add_leader: rating must be 0..3");
    int unit = -1;
    if (ls_getfield(L, 1, "unit") != LUA_TNIL) {
        unit = ls_check_unit(L, lua_gettop(L));
        const Unit *u = &g->units[unit];
        if (!u->alive || u->faction != f || u->leader >= 0)
            return luaL_error(L, "gyr.add_leader: the unit must be alive, of his faction, without a leader");
    }
    lua_pop(L, 1);
    if (f < 0) return 0;
    if (g->n_leaders >= GAME_MAX_LEADERS) return luaL_error(L, "gyr.add_leader: too many leaders");
    int l = game_add_leader(g, id, ls_field_str(L, 1, "name", id), (int)rating, f);
    snprintf(g->leaders[l].hanzi, sizeof g->leaders[l].hanzi, "%s", ls_field_str(L, 1, "hanzi", ""));
    if (unit >= 0) game_attach_leader(g, l, unit);
    return 0;
}

static const char *const choice_fields[] = { "faction", "question", "options", "ai_default", "on_answer", NULL };

/* gyr.choice{ faction, question, options, ai_default, on_answer }: asks a side; the answer is
 * a recorded command, and on_answer(option, text) runs when it comes. Choices asked while
 * another is pending wait their turn. Returns the choice's id. */
static int l_choice(lua_State *L)
{
    LScript *s = ls_self(L);
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.choice{}", choice_fields);
    ls_getfield(L, 1, "faction");
    int f = ls_check_faction(L, -1);
    lua_pop(L, 1);
    const char *q = ls_field_str(L, 1, "question", NULL);
    if (!q || !*q) return luaL_error(L, "gyr.choice: question missing");
    if (ls_getfield(L, 1, "options") != LUA_TTABLE) return luaL_error(L, "gyr.choice: options = { \"...\", ... } missing");
    const char *const none[] = { NULL };
    ls_check_fields_at(L, -1, "gyr.choice{} options", none, 1);     /* a list of strings only */
    int no = (int)ls_len(L, -1);
    if (no < 1 || no > GAME_MAX_CHOICE_OPTIONS) return luaL_error(L, "gyr.choice: 1..%d options", GAME_MAX_CHOICE_OPTIONS);
    char opts[GAME_MAX_CHOICE_OPTIONS][64];
    for (int i = 0; i < no; i++) {
        lua_rawgeti(L, -1, i + 1);
        const char *o = lua_tostring(L, -1);
        if (!o || lua_type(L, -1) != LUA_TSTRING || strlen(o) >= 64)
            return luaL_error(L, "gyr.choice: option %d must be a string of at most 63 bytes", i + 1);
        snprintf(opts[i], 64, "%s", o);
        lua_pop(L, 1);
    }
    lua_createtable(L, no, 0);      /* the host keeps its own copy: the script's table may change */
    for (int i = 0; i < no; i++) { lua_pushstring(L, opts[i]); lua_rawseti(L, -2, i + 1); }
    int opt_idx = lua_gettop(L);
    lua_Integer def = ls_field_int(L, 1, "ai_default", 1);
    if (def < 1 || def > no) return luaL_error(L, "gyr.choice: ai_default must be 1..%d", no);
    ls_getfield(L, 1, "on_answer");
    if (!lua_isnil(L, -1) && !lua_isfunction(L, -1)) return luaL_error(L, "gyr.choice: on_answer must be a function");
    int fn_idx = lua_gettop(L);
    if (f < 0) return 0;
    if (g->over) return 0;
    int id = s->next_choice_id++;
    /* remember the callback */
    lua_getfield(L, LUA_REGISTRYINDEX, LS_CHOICES_KEY);
    lua_createtable(L, 0, 2);
    lua_pushvalue(L, fn_idx);
    lua_setfield(L, -2, "on_answer");
    lua_pushvalue(L, opt_idx);
    lua_setfield(L, -2, "options");
    lua_rawseti(L, -2, id);
    lua_pop(L, 1);
    if (!g->choice.active) {
        game_ask_choice(g, f, id, q, (const char (*)[64])opts, no, (int)def - 1);
    } else {
        lua_getfield(L, LUA_REGISTRYINDEX, LS_CHOICEQ_KEY);
        lua_createtable(L, 0, 5);
        lua_pushinteger(L, id); lua_setfield(L, -2, "id");
        lua_pushinteger(L, f); lua_setfield(L, -2, "faction");
        lua_pushstring(L, q); lua_setfield(L, -2, "question");
        lua_pushvalue(L, opt_idx); lua_setfield(L, -2, "options");
        lua_pushinteger(L, def - 1); lua_setfield(L, -2, "ai_default");
        lua_rawseti(L, -2, (lua_Integer)ls_len(L, -2) + 1);
        lua_pop(L, 1);
    }
    lua_pushinteger(L, id);
    return 1;
}

static const luaL_Reg politics_funcs[] = {
    { "create_faction", l_create_faction }, { "set_relation", l_set_relation },
    { "defect", l_defect }, { "set_place_owner", l_set_place_owner },
    { "rebellion", l_rebellion }, { "reinforce", l_reinforce }, { "desert", l_desert },
    { "kill_leader", l_kill_leader }, { "capture_leader", l_capture_leader },
    { "add_leader", l_add_leader }, { "choice", l_choice }, { NULL, NULL }
};

/* Adds the politics functions to the table on top of the stack. */
void ls_open_politics(lua_State *L)
{
    luaL_setfuncs(L, politics_funcs, 0);
}

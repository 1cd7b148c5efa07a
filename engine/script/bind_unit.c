/* bind_unit.c - units seen from Lua: a unit handle is a read-only table {id = N} whose other
 * fields (type, faction, steps, hex, tag, ...) are read live from the game; gyr.units{}
 * finds units by faction, tag, type or place; gyr.unit(id) makes a handle. */
#include <string.h>
#include "lscript_int.h"

#define UNIT_MT "gyr.unit"

static const char *const class_names[UC_COUNT] = {
    "heavy_cavalry", "horse_archers", "infantry", "levy", "siege"
};

/* __index: live fields of the unit. */
static int unit_index(lua_State *L)
{
    Game *g = ls_game(L);
    ls_getfield(L, 1, "id");
    int id = (int)lua_tointeger(L, -1);
    const char *k = luaL_checkstring(L, 2);
    if (id < 0 || id >= g->n_units) return 0;
    const Unit *u = &g->units[id];
    const UnitType *t = &g->rules.unit_types[u->type];
    if (strcmp(k, "type") == 0) lua_pushstring(L, t->id);
    else if (strcmp(k, "type_name") == 0) lua_pushstring(L, t->name);
    else if (strcmp(k, "class") == 0) lua_pushstring(L, class_names[t->cls]);
    else if (strcmp(k, "faction") == 0) lua_pushstring(L, g->factions[u->faction].id);
    else if (strcmp(k, "alive") == 0) lua_pushboolean(L, u->alive);
    else if (strcmp(k, "steps") == 0) lua_pushinteger(L, u->alive ? u->steps : 0);
    else if (strcmp(k, "max_steps") == 0) lua_pushinteger(L, t->max_steps);
    else if (strcmp(k, "cohesion") == 0) lua_pushinteger(L, u->cohesion);
    else if (strcmp(k, "exp") == 0) lua_pushinteger(L, u->exp);
    else if (strcmp(k, "mp") == 0) lua_pushinteger(L, u->mp);
    else if (strcmp(k, "supplied") == 0) lua_pushboolean(L, u->supplied);
    else if (strcmp(k, "q") == 0) lua_pushinteger(L, u->hex.q);
    else if (strcmp(k, "r") == 0) lua_pushinteger(L, u->hex.r);
    else if (strcmp(k, "hex") == 0) ls_push_hex(L, u->hex);
    else if (strcmp(k, "tag") == 0) lua_pushstring(L, u->tag);
    else if (strcmp(k, "name") == 0) lua_pushstring(L, u->name[0] ? u->name : t->name);
    else if (strcmp(k, "leader") == 0) {
        if (u->leader < 0 || u->leader >= g->n_leaders) return 0;
        lua_pushstring(L, g->leaders[u->leader].id);
    } else if (strcmp(k, "place") == 0) {
        int p = map_in_bounds(g->map, u->hex) ? map_place_at(g->map, u->hex) : -1;
        if (p < 0) return 0;
        lua_pushstring(L, g->map->places[p].id);
    } else return 0;
    return 1;
}

/* __newindex: handles are read-only. */
static int unit_newindex(lua_State *L)
{
    return luaL_error(L, "unit handles are read-only: change units with gyr.defect, gyr.desert, ...");
}

/* __eq: same unit id. */
static int unit_eq(lua_State *L)
{
    ls_getfield(L, 1, "id");
    ls_getfield(L, 2, "id");
    lua_pushboolean(L, lua_rawequal(L, -1, -2));
    return 1;
}

/* __tostring: "unit 3 (name, faction)". */
static int unit_tostring(lua_State *L)
{
    Game *g = ls_game(L);
    ls_getfield(L, 1, "id");
    int id = (int)lua_tointeger(L, -1);
    if (id < 0 || id >= g->n_units) { lua_pushliteral(L, "unit ?"); return 1; }
    const Unit *u = &g->units[id];
    lua_pushfstring(L, "unit %d (%s, %s)", id,
                    u->name[0] ? u->name : g->rules.unit_types[u->type].name, g->factions[u->faction].id);
    return 1;
}

/* Pushes a handle for unit (not checked: any index). */
void ls_push_unit(lua_State *L, int unit)
{
    lua_createtable(L, 0, 1);
    lua_pushinteger(L, unit);
    lua_setfield(L, -2, "id");
    luaL_setmetatable(L, UNIT_MT);
}

/* Unit index from a handle or an integer at idx; raises when out of range (dead units pass). */
int ls_check_unit(lua_State *L, int idx)
{
    Game *g = ls_game(L);
    lua_Integer id;
    if (lua_istable(L, idx)) {
        ls_getfield(L, idx, "id");
        int ok;
        id = lua_tointegerx(L, -1, &ok);
        lua_pop(L, 1);
        if (!ok) return luaL_argerror(L, idx, "a unit handle or a unit id");
    } else {
        id = luaL_checkinteger(L, idx);
    }
    if (id < 0 || id >= g->n_units) return luaL_argerror(L, idx, "no such unit");
    return (int)id;
}

static const char *const units_fields[] = { "faction", "tag", "type", "place", "alive", NULL };

/* gyr.units{ faction=, tag=, type=, place=, alive= }: handles of matching units, by index. */
static int l_units(lua_State *L)
{
    Game *g = ls_game(L);
    if (lua_isnoneornil(L, 1)) { lua_settop(L, 0); lua_newtable(L); }
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.units{}", units_fields);
    int f = -2, type = -1, place = -1;
    if (ls_getfield(L, 1, "faction") != LUA_TNIL) {
        const char *id = luaL_checkstring(L, -1);
        f = game_find_faction(g, id);
        if (f < 0) return luaL_error(L, "gyr.units: unknown faction '%s'", id);
    }
    lua_pop(L, 1);
    const char *tag = ls_field_str(L, 1, "tag", NULL);
    char tagbuf[GAME_ID_LEN + 1];   /* a copy: a tag made by an __index metamethod is not anchored */
    if (tag) { snprintf(tagbuf, sizeof tagbuf, "%s", tag); tag = tagbuf; }
    const char *tid = ls_field_str(L, 1, "type", NULL);
    if (tid && (type = rules_find_unit_type(&g->rules, tid)) < 0)
        return luaL_error(L, "gyr.units: unknown unit type '%s'", tid);
    const char *pid = ls_field_str(L, 1, "place", NULL);
    if (pid && (place = map_find_place(g->map, pid)) < 0)
        return luaL_error(L, "gyr.units: unknown place '%s'", pid);
    int want_alive = ls_field_bool(L, 1, "alive", 1);
    lua_newtable(L);
    int n = 0;
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive != !want_alive) continue;
        if (f != -2 && u->faction != f) continue;
        if (tag && strcmp(u->tag, tag) != 0) continue;
        if (type >= 0 && u->type != type) continue;
        if (place >= 0 && !hex_eq(u->hex, g->map->places[place].hex)) continue;
        ls_push_unit(L, i);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

/* gyr.unit(id): the handle of unit id (nil when there is no such unit). */
static int l_unit(lua_State *L)
{
    Game *g = ls_game(L);
    lua_Integer id = luaL_checkinteger(L, 1);
    if (id < 0 || id >= g->n_units) return 0;
    ls_push_unit(L, (int)id);
    return 1;
}

static const luaL_Reg unit_funcs[] = {
    { "units", l_units }, { "unit", l_unit }, { NULL, NULL }
};

static const luaL_Reg unit_meta[] = {
    { "__index", unit_index }, { "__newindex", unit_newindex }, { "__eq", unit_eq },
    { "__tostring", unit_tostring }, { NULL, NULL }
};

/* Makes the handle metatable and adds the unit functions to the table on top. */
void ls_open_unit(lua_State *L)
{
    luaL_newmetatable(L, UNIT_MT);
    luaL_setfuncs(L, unit_meta, 0);
    lua_pushliteral(L, "unit");
    lua_setfield(L, -2, "__metatable");     /* getmetatable(u) gives "unit", and it stays ours */
    lua_pop(L, 1);
    luaL_setfuncs(L, unit_funcs, 0);
}

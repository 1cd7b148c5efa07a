/* bind_game.c - the game seen from Lua: turn, date, season, owners, factions, places and
 * leaders (read-only queries), chance from the game RNG, narration, score, ending the game
 * and goals for the computer player. */
#include <string.h>
#include "lscript_int.h"

/* gyr.turn(): the current turn (1-based). */
static int l_turn(lua_State *L)
{
    lua_pushinteger(L, ls_game(L)->turn);
    return 1;
}

/* gyr.max_turns(): the scenario's last turn. */
static int l_max_turns(lua_State *L)
{
    lua_pushinteger(L, ls_game(L)->max_turns);
    return 1;
}

/* gyr.date([turn]): {year, month, day} of the first day of a turn (default: this one). */
static int l_date(lua_State *L)
{
    Game *g = ls_game(L);
    lua_Integer t = luaL_optinteger(L, 1, g->turn);
    luaL_argcheck(L, t >= 1 && t <= 100000, 1, "turn must be >= 1");
    int y, m, d;
    game_turn_date(g, (int)t, &y, &m, &d);
    ls_push_date(L, y, m, d);
    return 1;
}

/* gyr.date_text([turn]): "3 Nov 1114". */
static int l_date_text(lua_State *L)
{
    Game *g = ls_game(L);
    lua_Integer t = luaL_optinteger(L, 1, g->turn);
    luaL_argcheck(L, t >= 1 && t <= 100000, 1, "turn must be >= 1");
    char buf[48];
    game_date_str(g, (int)t, buf, sizeof buf);
    lua_pushstring(L, buf);
    return 1;
}

/* gyr.season(): "spring", "summer", "autumn" or "winter". */
static int l_season(lua_State *L)
{
    lua_pushstring(L, season_id(game_season(ls_game(L))));
    return 1;
}

/* gyr.frozen(): whether the rivers are frozen now. */
static int l_frozen(lua_State *L)
{
    lua_pushboolean(L, game_rivers_frozen(ls_game(L)));
    return 1;
}

/* gyr.owner(place): faction id holding the place, or nil. */
static int l_owner(lua_State *L)
{
    Game *g = ls_game(L);
    int p = ls_check_place(L, 1);
    if (p < 0 || g->places[p].owner < 0) lua_pushnil(L);     /* one value, as documented */
    else lua_pushstring(L, g->factions[g->places[p].owner].id);
    return 1;
}

/* gyr.relation(a, b): "war", "neutral", "alliance" or "vassal". */
static int l_relation(lua_State *L)
{
    Game *g = ls_game(L);
    int a = ls_check_faction(L, 1), b = ls_check_faction(L, 2);
    if (a < 0 || b < 0) return 0;
    lua_pushstring(L, ls_relation_id(game_relation(g, a, b)));
    return 1;
}

/* gyr.chance(pct): true with pct percent probability, drawn from the game RNG. */
static int l_chance(lua_State *L)
{
    Game *g = ls_game(L);
    lua_Integer pct = luaL_checkinteger(L, 1);
    luaL_argcheck(L, pct >= 0 && pct <= 100, 1, "percent must be 0..100");
    lua_pushboolean(L, (lua_Integer)rng_range(&g->rng, 100) < pct);
    return 1;
}

/* gyr.faction_info(id): {id, name, hanzi, alive, playable, score, units, steps, places}. */
static int l_faction_info(lua_State *L)
{
    Game *g = ls_game(L);
    int f = ls_check_faction(L, 1);
    if (f < 0) return 0;
    const Faction *fa = &g->factions[f];
    int units = 0, steps = 0, places = 0;
    for (int i = 0; i < g->n_units; i++)
        if (g->units[i].alive && g->units[i].faction == f) { units++; steps += g->units[i].steps; }
    for (int p = 0; p < g->map->n_places; p++) places += g->places[p].owner == f;
    lua_createtable(L, 0, 9);
    lua_pushstring(L, fa->id); lua_setfield(L, -2, "id");
    lua_pushstring(L, fa->name); lua_setfield(L, -2, "name");
    lua_pushstring(L, fa->hanzi); lua_setfield(L, -2, "hanzi");
    lua_pushboolean(L, fa->alive); lua_setfield(L, -2, "alive");
    lua_pushboolean(L, fa->playable); lua_setfield(L, -2, "playable");
    lua_pushinteger(L, fa->score); lua_setfield(L, -2, "score");
    lua_pushinteger(L, units); lua_setfield(L, -2, "units");
    lua_pushinteger(L, steps); lua_setfield(L, -2, "steps");
    lua_pushinteger(L, places); lua_setfield(L, -2, "places");
    return 1;
}

/* gyr.factions(): list of faction ids in turn order. */
static int l_factions(lua_State *L)
{
    Game *g = ls_game(L);
    lua_createtable(L, g->n_factions, 0);
    for (int f = 0; f < g->n_factions; f++) {
        lua_pushstring(L, g->factions[f].id);
        lua_rawseti(L, -2, f + 1);
    }
    return 1;
}

/* gyr.place_info(id): {id, name, hanzi, kind, q, r, owner, vp, supply}. */
static int l_place_info(lua_State *L)
{
    Game *g = ls_game(L);
    int p = ls_check_place(L, 1);
    if (p < 0) return 0;
    const MapPlace *mp = &g->map->places[p];
    lua_createtable(L, 0, 9);
    lua_pushstring(L, mp->id); lua_setfield(L, -2, "id");
    lua_pushstring(L, mp->name); lua_setfield(L, -2, "name");
    lua_pushstring(L, mp->hanzi); lua_setfield(L, -2, "hanzi");
    lua_pushstring(L, place_kind_id(mp->kind)); lua_setfield(L, -2, "kind");
    lua_pushinteger(L, mp->hex.q); lua_setfield(L, -2, "q");
    lua_pushinteger(L, mp->hex.r); lua_setfield(L, -2, "r");
    if (g->places[p].owner >= 0) {
        lua_pushstring(L, g->factions[g->places[p].owner].id);
        lua_setfield(L, -2, "owner");
    }
    lua_pushinteger(L, g->places[p].vp); lua_setfield(L, -2, "vp");
    lua_pushboolean(L, g->places[p].supply_source); lua_setfield(L, -2, "supply");
    return 1;
}

/* gyr.leader_info(id): {id, name, hanzi, rating, faction, state, unit}. */
static int l_leader_info(lua_State *L)
{
    Game *g = ls_game(L);
    int l = ls_check_leader(L, 1);
    if (l < 0) return 0;
    const Leader *ld = &g->leaders[l];
    static const char *const states[] = { "active", "killed", "captured" };
    lua_createtable(L, 0, 7);
    lua_pushstring(L, ld->id); lua_setfield(L, -2, "id");
    lua_pushstring(L, ld->name); lua_setfield(L, -2, "name");
    lua_pushstring(L, ld->hanzi); lua_setfield(L, -2, "hanzi");
    lua_pushinteger(L, ld->rating); lua_setfield(L, -2, "rating");
    lua_pushstring(L, g->factions[ld->faction].id); lua_setfield(L, -2, "faction");
    lua_pushstring(L, states[ld->state]); lua_setfield(L, -2, "state");
    if (ld->unit >= 0 && ld->unit < g->n_units && g->units[ld->unit].alive) {
        ls_push_unit(L, ld->unit);
        lua_setfield(L, -2, "unit");
    }
    return 1;
}

/* gyr.leader_state(id): "active", "killed" or "captured". */
static int l_leader_state(lua_State *L)
{
    Game *g = ls_game(L);
    int l = ls_check_leader(L, 1);
    if (l < 0) return 0;
    static const char *const states[] = { "active", "killed", "captured" };
    lua_pushstring(L, states[g->leaders[l].state]);
    return 1;
}

static const char *const message_fields[] = { "text", "note", "faction", "major", NULL };

/* gyr.message{ text, note, faction, major } or gyr.message(text [, note]): narration in the
 * log; major = true asks the window for a pop-up (presentation only, not game state). */
static int l_message(lua_State *L)
{
    ls_check_fields(L, 1, "gyr.message{}", message_fields);
    Game *g = ls_game(L);
    const char *text, *note;
    int f = -1, major = 0;
    if (lua_istable(L, 1)) {
        text = ls_field_str(L, 1, "text", NULL);
        note = ls_field_str(L, 1, "note", "");
        if (ls_getfield(L, 1, "faction") != LUA_TNIL) f = ls_check_faction(L, -1);
        lua_pop(L, 1);
        int mt = ls_getfield(L, 1, "major");
        if (mt != LUA_TNIL && mt != LUA_TBOOLEAN) return luaL_error(L, "gyr.message: major must be true or false");
        major = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (!text) return luaL_error(L, "gyr.message: text missing");
    } else {
        text = luaL_checkstring(L, 1);
        note = luaL_optstring(L, 2, "");
    }
    int i = game_log(g, GEV_MESSAGE, f, text, note);
    if (i >= 0) g->log[i].major = major;
    return 0;
}

/* gyr.score(faction, points): adds (or with a negative number removes) victory points. */
static int l_score(lua_State *L)
{
    Game *g = ls_game(L);
    int f = ls_check_faction(L, 1);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_argcheck(L, n >= -10000 && n <= 10000, 2, "points must be -10000..10000");
    if (f < 0) return 0;
    if (g->factions[f].score + n < -LS_MAX_SCORE || g->factions[f].score + n > LS_MAX_SCORE)
        return ls_problem(L, "gyr.score: a score stays within -%d..%d", LS_MAX_SCORE, LS_MAX_SCORE);
    g->factions[f].score += (int)n;
    return 0;
}

/* gyr.get_score(faction): the faction's victory points. */
static int l_get_score(lua_State *L)
{
    Game *g = ls_game(L);
    int f = ls_check_faction(L, 1);
    if (f < 0) return 0;
    lua_pushinteger(L, g->factions[f].score);
    return 1;
}

/* gyr.victory(faction, text): ends the game now; faction nil means a draw. */
static int l_victory(lua_State *L)
{
    Game *g = ls_game(L);
    int f = ls_opt_faction(L, 1);
    const char *text = luaL_optstring(L, 2, f >= 0 ? "Victory" : "Draw");
    if (!g->started) return luaL_error(L, "gyr.victory: the game has not started");
    game_end(g, f, text);
    return 0;
}

static const char *const goal_ids[] = { "take", "hold", "flee_to", "protect_leader", "hunt_leader", "muster", NULL };

static const char *const ai_goal_fields[] = { "faction", "type", "place", "leader", "weight", NULL };

/* gyr.ai_goal{ faction, type, place, leader, weight }: a goal for the computer player. */
static int l_ai_goal(lua_State *L)
{
    LScript *s = ls_self(L);
    Game *g = ls_game(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    ls_check_fields(L, 1, "gyr.ai_goal{}", ai_goal_fields);
    ls_getfield(L, 1, "faction");
    int f = ls_check_faction(L, -1);
    lua_pop(L, 1);
    ls_getfield(L, 1, "type");
    int type = luaL_checkoption(L, -1, NULL, goal_ids);
    lua_pop(L, 1);
    int place = -1, leader = -1;
    if (ls_getfield(L, 1, "place") != LUA_TNIL) place = ls_check_place(L, -1);
    lua_pop(L, 1);
    if (ls_getfield(L, 1, "leader") != LUA_TNIL) leader = ls_check_leader(L, -1);
    lua_pop(L, 1);
    lua_Integer w = ls_field_int(L, 1, "weight", 5);
    if (w < 0 || w > 100) return ls_problem(L, "gyr.ai_goal: weight must be 0..100");
    if (place < 0 && leader < 0 && f >= 0)
        return ls_problem(L, "gyr.ai_goal: needs a place or a leader");
    if (f < 0 || g == NULL) return 0;
    if (s->n_goals >= LS_MAX_GOALS) return luaL_error(L, "gyr.ai_goal: too many goals (at most %d)", LS_MAX_GOALS);
    AiGoal *a = &s->goals[s->n_goals++];
    a->type = (AiGoalType)type;
    a->faction = f;
    a->place = place;
    a->leader = leader;
    a->weight = (int)w;
    return 0;
}

/* gyr.clear_ai_goals(faction): forgets the faction's goals. */
static int l_clear_ai_goals(lua_State *L)
{
    LScript *s = ls_self(L);
    int f = ls_check_faction(L, 1);
    if (f < 0) return 0;
    int n = 0;
    for (int i = 0; i < s->n_goals; i++)
        if (s->goals[i].faction != f) s->goals[n++] = s->goals[i];
    s->n_goals = n;
    return 0;
}

static const luaL_Reg game_funcs[] = {
    { "turn", l_turn }, { "max_turns", l_max_turns }, { "date", l_date },
    { "date_text", l_date_text }, { "season", l_season }, { "frozen", l_frozen },
    { "owner", l_owner }, { "relation", l_relation }, { "chance", l_chance },
    { "faction_info", l_faction_info }, { "factions", l_factions },
    { "place_info", l_place_info }, { "leader_info", l_leader_info }, { "leader_state", l_leader_state },
    { "message", l_message }, { "score", l_score }, { "get_score", l_get_score },
    { "victory", l_victory }, { "ai_goal", l_ai_goal }, { "clear_ai_goals", l_clear_ai_goals },
    { NULL, NULL }
};

/* Adds the game functions to the table on top of the stack. */
void ls_open_game(lua_State *L)
{
    luaL_setfuncs(L, game_funcs, 0);
}

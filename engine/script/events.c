/* events.c - the play-time door from the core into the scenario's Lua: the hook the core
 * calls for every event, the event tables handed to handlers, handler errors in the log, and
 * the queue of scripted choices. Everything here runs inside ls_door (one protected call). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lscript_int.h"

static const char *faction_id_or_nil(const Game *g, int f)
{
    return f >= 0 && f < g->n_factions ? g->factions[f].id : NULL;
}

/* Sets field k of the table on top when v is not NULL. */
static void set_str(lua_State *L, const char *k, const char *v)
{
    if (!v) return;
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

/* Builds the event table for ev; returns the event's name. */
static const char *push_event(LScript *s, const HookEvent *ev)
{
    lua_State *L = s->L;
    Game *g = s->game;
    lua_newtable(L);
    lua_pushinteger(L, g->turn);
    lua_setfield(L, -2, "turn");
    int y, m, d;
    game_date(g, &y, &m, &d);
    ls_push_date(L, y, m, d);
    lua_setfield(L, -2, "date");
    set_str(L, "season", season_id(game_season(g)));
    switch (ev->type) {
    case HOOK_TURN_START:
        set_str(L, "faction", faction_id_or_nil(g, ev->a));
        lua_pushboolean(L, s->last_turn_started != g->turn);
        lua_setfield(L, -2, "first");
        s->last_turn_started = g->turn;
        return "turn_start";
    case HOOK_TURN_END:
        return "turn_end";
    case HOOK_UNIT_MOVED:
        ls_push_unit(L, ev->a);
        lua_setfield(L, -2, "unit");
        set_str(L, "faction", ev->a >= 0 && ev->a < g->n_units ? faction_id_or_nil(g, g->units[ev->a].faction) : NULL);
        ls_push_hex(L, ev->hex);
        lua_setfield(L, -2, "hex");
        if (map_in_bounds(g->map, ev->hex)) {
            int p = map_place_at(g->map, ev->hex);
            if (p >= 0) set_str(L, "place", g->map->places[p].id);
        }
        return "unit_moved";
    case HOOK_PLACE_CAPTURED:
        if (ev->a >= 0 && ev->a < g->map->n_places) set_str(L, "place", g->map->places[ev->a].id);
        set_str(L, "by", faction_id_or_nil(g, ev->b));
        set_str(L, "from", faction_id_or_nil(g, ev->c));
        return "place_captured";
    case HOOK_BATTLE:
        if (ev->a >= 0 && ev->a < g->n_units) {
            ls_push_unit(L, ev->a);
            lua_setfield(L, -2, "unit");
            set_str(L, "attacker_faction", faction_id_or_nil(g, g->units[ev->a].faction));
        }
        set_str(L, "defender_faction", faction_id_or_nil(g, ev->b));
        lua_pushboolean(L, ev->c == 1);
        lua_setfield(L, -2, "attacker_won");
        ls_push_hex(L, ev->hex);
        lua_setfield(L, -2, "hex");
        if (map_in_bounds(g->map, ev->hex)) {
            int p = map_place_at(g->map, ev->hex);
            if (p >= 0) set_str(L, "place", g->map->places[p].id);
        }
        return "battle";
    case HOOK_UNIT_DESTROYED:
        ls_push_unit(L, ev->a);
        lua_setfield(L, -2, "unit");
        set_str(L, "faction", ev->a >= 0 && ev->a < g->n_units ? faction_id_or_nil(g, g->units[ev->a].faction) : NULL);
        set_str(L, "by", faction_id_or_nil(g, ev->b));
        return "unit_destroyed";
    case HOOK_CHOICE_ANSWERED:
        lua_pushinteger(L, ev->a);
        lua_setfield(L, -2, "id");
        lua_pushinteger(L, ev->b + 1);
        lua_setfield(L, -2, "option");
        set_str(L, "faction", faction_id_or_nil(g, ev->c));
        return "choice_answered";
    case HOOK_GAME_OVER:
        set_str(L, "winner", faction_id_or_nil(g, ev->a));
        set_str(L, "outcome", g->outcome);
        return "game_over";
    }
    return "?";
}

/* Reports a handler's error: kept for lscript_last_error, printed, and logged with the files
 * named relative to their folders (the log is hashed: no machine's paths in it); play goes on. */
static void handler_failed(LScript *s)
{
    if (++s->event_errors > LS_MAX_EVENT_ERRORS) return;    /* counted in one line after the event */
    char text[GAME_TEXT_LEN], msg[sizeof s->last_error];
    ls_portable_message(s, s->last_error, msg, sizeof msg);
    snprintf(text, sizeof text, "Script error: %.220s", msg);
    game_log(s->game, GEV_MESSAGE, -1, text, "");
    fprintf(stderr, "SCRIPT: %s\n", s->last_error);
}

/* Calls the function below the nargs values on top of the stack; errors are handled. A message
 * without a position (an error raised in C: a yield outside a coroutine, a C stack overflow)
 * gets the line where the handler was defined. */
static void call_handler(LScript *s, int nargs)
{
    lua_State *L = s->L;
    char keep[sizeof s->last_error], defined[LSCRIPT_PATH_LEN + 16] = "";
    lua_Debug ar;
    lua_pushvalue(L, -(nargs + 1));
    if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0)
        snprintf(defined, sizeof defined, "%.500s:%d", ar.source[0] == '@' ? ar.source + 1 : ar.short_src,
                 ar.linedefined);
    snprintf(keep, sizeof keep, "%s", s->last_error);
    s->handler_calls++;
    if (ls_pcall(s, nargs, 0, LS_BUDGET_EVENT) != 0) {
        if (!ls_has_position(s->last_error)) {
            char msg[sizeof s->last_error];
            snprintf(msg, sizeof msg, "%s", s->last_error);
            snprintf(s->last_error, sizeof s->last_error, "%.300s: %.200s",
                     defined[0] ? defined : s->where[0] ? s->where : s->path, msg);
        }
        handler_failed(s);
    } else {
        snprintf(s->last_error, sizeof s->last_error, "%s", keep);
    }
}

/* Asks the next queued choice when none is pending. */
void ls_ask_queued_choice(LScript *s)
{
    lua_State *L = s->L;
    Game *g = s->game;
    if (g->choice.active || g->over) return;
    lua_getfield(L, LUA_REGISTRYINDEX, LS_CHOICEQ_KEY);
    int q = lua_gettop(L);
    int n = (int)ls_len(L, q);
    while (n > 0 && !g->choice.active) {
        lua_rawgeti(L, q, 1);
        int e = lua_gettop(L);
        /* shift the queue down */
        for (int i = 1; i < n; i++) {
            lua_rawgeti(L, q, i + 1);
            lua_rawseti(L, q, i);
        }
        lua_pushnil(L);
        lua_rawseti(L, q, n--);
        int id = (int)ls_field_int(L, e, "id", 0);
        int f = (int)ls_field_int(L, e, "faction", 0);
        int def = (int)ls_field_int(L, e, "ai_default", 0);
        const char *question = ls_field_str(L, e, "question", "");
        char opts[GAME_MAX_CHOICE_OPTIONS][64];
        ls_getfield(L, e, "options");
        int no = (int)ls_len(L, -1);
        for (int i = 0; i < no && i < GAME_MAX_CHOICE_OPTIONS; i++) {
            lua_rawgeti(L, -1, i + 1);
            snprintf(opts[i], 64, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "");
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (f < g->n_factions && g->factions[f].alive)
            game_ask_choice(g, f, id, question, (const char (*)[64])opts, no, def);
        lua_settop(L, q);
    }
    lua_settop(L, q - 1);
}

/* Runs the answer callback of a choice (on_answer(option, text)). */
static void answer_choice(LScript *s, const HookEvent *ev)
{
    lua_State *L = s->L;
    lua_getfield(L, LUA_REGISTRYINDEX, LS_CHOICES_KEY);
    int ct = lua_gettop(L);
    if (lua_rawgeti(L, ct, ev->a) == LUA_TTABLE) {
        int e = lua_gettop(L);
        ls_getfield(L, e, "on_answer");
        if (lua_isfunction(L, -1)) {
            lua_pushinteger(L, ev->b + 1);
            ls_getfield(L, e, "options");
            lua_rawgeti(L, -1, ev->b + 1);
            lua_remove(L, -2);
            call_handler(s, 2);
        } else {
            lua_pop(L, 1);
        }
        lua_pushnil(L);
        lua_rawseti(L, ct, ev->a);
    }
    lua_settop(L, ct - 1);
}

/* Whether any handler is registered for the event of this hook type. */
static int has_handlers(LScript *s, HookType t)
{
    static const char *const names[] = { "turn_start", "turn_end", "unit_moved", "place_captured",
                                         "battle", "unit_destroyed", "choice_answered", "game_over" };
    if ((unsigned)t >= sizeof names / sizeof names[0]) return 0;
    lua_State *L = s->L;
    lua_getfield(L, LUA_REGISTRYINDEX, LS_HANDLERS_KEY);
    int has = ls_getfield(L, -1, names[t]) == LUA_TTABLE && ls_len(L, -1) > 0;
    lua_pop(L, 2);
    return has;
}

/* Runs the choice callback and the handlers of one event. */
static void dispatch(LScript *s, const HookEvent *ev)
{
    lua_State *L = s->L;
    if (ev->type == HOOK_CHOICE_ANSWERED) answer_choice(s, ev);
    if (!has_handlers(s, ev->type)) {        /* nothing to run: skip building the event table */
        if (ev->type == HOOK_TURN_START) s->last_turn_started = s->game->turn;
        if (ev->type == HOOK_CHOICE_ANSWERED || !s->game->choice.active) ls_ask_queued_choice(s);
        return;
    }
    int top = lua_gettop(L);
    const char *name = push_event(s, ev);
    int et = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, LS_HANDLERS_KEY);
    if (ls_getfield(L, -1, name) == LUA_TTABLE) {
        int ht = lua_gettop(L);
        int n = (int)ls_len(L, ht);
        for (int i = 1; i <= n; i++) {
            if (s->game->over && ev->type != HOOK_GAME_OVER) break;
            lua_rawgeti(L, ht, i);
            lua_pushvalue(L, et);
            call_handler(s, 1);
        }
    }
    lua_settop(L, top);
    if (ev->type == HOOK_CHOICE_ANSWERED || !s->game->choice.active) ls_ask_queued_choice(s);
}

typedef struct LsDispatch { LScript *s; const HookEvent *ev; } LsDispatch;

/* Door for one event: building its table, the choice callback, the handlers, the next choice. */
static void dispatch_door(lua_State *L, void *ud)
{
    (void)L;
    LsDispatch *d = ud;
    dispatch(d->s, d->ev);
}

/* The core's hook: queues the event and, unless already dispatching, runs the queue in order,
 * each event through the door (an error there, e.g. the memory cap, is logged; play goes on). */
void ls_game_hook(Game *g, const HookEvent *ev, void *ud)
{
    LScript *s = ud;
    if (!s || s->game != g) return;
    if (s->n_queue < LS_MAX_QUEUE) s->queue[s->n_queue++] = *ev;
    else game_log(g, GEV_MESSAGE, -1, "Script error: too many events at once; some handlers skipped", "");
    if (s->dispatching) return;
    s->dispatching = 1;
    for (int i = 0; i < s->n_queue; i++) {
        HookEvent e = s->queue[i];
        LsDispatch d = { s, &e };
        s->event_errors = 0;
        if (ls_door(s, dispatch_door, &d, 0, LS_BUDGET_DOOR) != 0) handler_failed(s);
        if (s->event_errors > LS_MAX_EVENT_ERRORS) {
            char text[GAME_TEXT_LEN];
            snprintf(text, sizeof text, "Script error: %d more handler errors in this event (not shown)",
                     s->event_errors - LS_MAX_EVENT_ERRORS);
            game_log(g, GEV_MESSAGE, -1, text, "");
            fprintf(stderr, "SCRIPT: %s\n", text + 14);
        }
    }
    s->n_queue = 0;
    s->dispatching = 0;
}

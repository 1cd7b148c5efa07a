/* campaign.c - reading campaign files and carrying units, experience and leaders from one
 * scenario of a campaign into the next. */
#include "campaign.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lscript_int.h"

#define CAMPAIGN_BUDGET 5000000LL       /* VM instructions: a campaign file is a table of text */

static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* Field k of the table at idx (read raw) as a string copied into dst; required fields raise. */
static void get_str(lua_State *L, int idx, const char *k, char *dst, size_t cap, int required)
{
    ls_getfield(L, idx, k);
    if (lua_type(L, -1) == LUA_TSTRING) copy_str(dst, cap, lua_tostring(L, -1));
    else if (!lua_isnil(L, -1)) luaL_error(L, "campaign field '%s' must be a string", k);
    else if (required) luaL_error(L, "campaign needs a '%s' field", k);
    else dst[0] = 0;
    lua_pop(L, 1);
}

/* A list of strings (field k, read raw) copied into out; returns the count. */
static int get_list(lua_State *L, int idx, const char *k, char (*out)[GAME_ID_LEN], int cap)
{
    int n = 0;
    ls_getfield(L, idx, k);
    if (lua_istable(L, -1)) {
        lua_Integer len = ls_len(L, -1);
        if (len > cap) luaL_error(L, "campaign '%s' has too many entries (at most %d)", k, cap);
        for (lua_Integer i = 1; i <= len; i++) {
            lua_rawgeti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "campaign '%s' entries must be strings", k);
            copy_str(out[n++], GAME_ID_LEN, lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "campaign '%s' must be a list", k);
    }
    lua_pop(L, 1);
    return n;
}

/* campaign { ... }: copies the declaration into the Campaign in the upvalue (nothing of it
 * stays in Lua). */
static int l_campaign(lua_State *L)
{
    Campaign *c = lua_touserdata(L, lua_upvalueindex(1));
    luaL_checktype(L, 1, LUA_TTABLE);
    if (c->id[0]) return luaL_error(L, "only one campaign{} per file");
    get_str(L, 1, "id", c->id, sizeof c->id, 1);
    get_str(L, 1, "title", c->title, sizeof c->title, 1);
    get_str(L, 1, "years", c->years, sizeof c->years, 0);
    get_str(L, 1, "side", c->side, sizeof c->side, 1);
    get_str(L, 1, "briefing", c->briefing, sizeof c->briefing, 0);
    ls_getfield(L, 1, "scenarios");
    if (!lua_istable(L, -1)) return luaL_error(L, "campaign needs a 'scenarios' list");
    lua_Integer len = ls_len(L, -1);
    if (len < 1 || len > CAMPAIGN_MAX_STEPS) return luaL_error(L, "campaign needs 1 to %d scenarios", CAMPAIGN_MAX_STEPS);
    for (lua_Integer i = 1; i <= len; i++) {
        lua_rawgeti(L, -1, i);
        CampaignStep *st = &c->steps[c->n_steps];
        if (lua_type(L, -1) == LUA_TSTRING) {
            copy_str(st->scenario, sizeof st->scenario, lua_tostring(L, -1));
            st->interlude[0] = 0;
        } else if (lua_istable(L, -1)) {
            get_str(L, lua_gettop(L), "id", st->scenario, sizeof st->scenario, 1);
            get_str(L, lua_gettop(L), "interlude", st->interlude, sizeof st->interlude, 0);
        } else {
            return luaL_error(L, "campaign scenario %d must be an id or a table", (int)i);
        }
        c->n_steps++;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    c->n_carry_units = get_list(L, 1, "carry_units", c->carry_units, CAMPAIGN_MAX_CARRY);
    c->n_carry_leaders = get_list(L, 1, "carry_leaders", c->carry_leaders, CAMPAIGN_MAX_CARRY);
    return 0;
}

/* Door: the campaign{} declaration as a global (raw), bound to the Campaign ud. */
static void campaign_open_door(lua_State *L, void *ud)
{
    lua_pushglobaltable(L);
    lua_pushliteral(L, "campaign");
    lua_pushlightuserdata(L, ud);
    lua_pushcclosure(L, l_campaign, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* Runs the file in the scenarios' sandbox (sorted pairs, no addresses, no string.dump or
 * __gc, an instruction budget a pcall loop cannot escape) and copies campaign{} out. */
int campaign_load(const char *path, Campaign *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    copy_str(out->path, sizeof out->path, path);
    LScript *s = ls_new(LS_MODE_PLAY, 0);
    if (!s) { snprintf(err, errlen, "%s: out of memory", path); return -1; }
    snprintf(s->path, sizeof s->path, "%s", path);
    int rc = -1;
    if (ls_door(s, campaign_open_door, out, 0, LS_BUDGET_DOOR) != 0 || ls_load_file(s, path, NULL) != 0 ||
        ls_pcall(s, 0, 0, CAMPAIGN_BUDGET) != 0) {
        snprintf(err, errlen, "%s", s->last_error[0] ? s->last_error : "unknown error");
    } else if (!out->id[0]) {
        snprintf(err, errlen, "%.400s:1: no campaign{} in the file", path);
    } else {
        rc = 0;
    }
    lscript_free(s);
    if (rc != 0) {          /* nothing half-read */
        char keep[sizeof out->path];
        copy_str(keep, sizeof keep, out->path);
        memset(out, 0, sizeof *out);
        copy_str(out->path, sizeof out->path, keep);
    }
    return rc;
}

static int listed(const char (*list)[GAME_ID_LEN], int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(list[i], s)) return 1;
    return 0;
}

/* Index of the entry for the ordinal-th unit tagged tag, or -1. */
static int find_entry(const Carry *carry, const char *tag, int ordinal)
{
    for (int i = 0; i < carry->n_units; i++)
        if (!strcmp(carry->units[i].tag, tag) && carry->units[i].ordinal == ordinal) return i;
    return -1;
}

/* Where unit u stands among the units with its tag, in unit order (dead ones count). */
static int tag_ordinal(const Game *g, int u)
{
    int n = 0;
    for (int v = 0; v < u; v++)
        if (!strcmp(g->units[v].tag, g->units[u].tag)) n++;
    return n;
}

void campaign_collect(const Campaign *c, const Game *g, Carry *carry)
{
    int side = game_find_faction(g, c->side);
    for (int t = 0; t < c->n_carry_units; t++) {
        const char *tag = c->carry_units[t];
        int ordinal = 0;
        for (int u = 0; u < g->n_units; u++) {
            const Unit *un = &g->units[u];
            if (strcmp(un->tag, tag)) continue;
            /* a unit that defected or died counts as lost to the side */
            int steps = (un->alive && un->faction == side) ? un->steps : 0;
            int k = find_entry(carry, tag, ordinal);
            CarryUnit *e = k >= 0 ? &carry->units[k] : NULL;
            if (e && e->steps <= 0) { ordinal++; continue; }   /* destroyed earlier: stays so */
            if (!e && carry->n_units < CARRY_MAX) {
                e = &carry->units[carry->n_units++];
                memset(e, 0, sizeof *e);
                copy_str(e->tag, sizeof e->tag, tag);
                e->ordinal = ordinal;
            }
            if (e) {
                /* losses in this scenario against the strength it began with; a refit
                 * (more steps at the end) gives earlier losses back, never below none */
                int before = e->lost > 0 ? e->lost : 0;
                int lost = before + un->start_steps - steps;
                e->lost = lost < 0 ? 0 : lost;
                e->steps = steps;
                if (un->exp > e->exp) e->exp = un->exp;
            }
            ordinal++;
        }
    }
    for (int l = 0; l < g->n_leaders; l++) {
        const Leader *ld = &g->leaders[l];
        if (ld->state == LEADER_ACTIVE || !listed(c->carry_leaders, c->n_carry_leaders, ld->id)) continue;
        int known = 0;
        for (int i = 0; i < carry->n_leaders; i++) known |= !strcmp(carry->leaders[i].id, ld->id);
        if (!known && carry->n_leaders < CARRY_MAX) {
            CarryLeader *e = &carry->leaders[carry->n_leaders++];
            copy_str(e->id, sizeof e->id, ld->id);
            e->state = ld->state;
        }
    }
}

/* Applies entry e to unit u: gone when it was destroyed, else its own steps minus what was
 * lost (at least 1; an older record's entry sets the steps it gives), experience the larger. */
static void apply_entry(const CarryUnit *e, Game *g, int u)
{
    Unit *un = &g->units[u];
    int max = g->rules.unit_types[un->type].max_steps;
    if (e->steps <= 0) {
        un->alive = 0;
        if (un->leader >= 0) { g->leaders[un->leader].unit = -1; un->leader = -1; }
        return;
    }
    int steps = e->lost < 0 ? e->steps : un->steps - e->lost;
    if (steps < 1) steps = 1;
    if (steps > max) steps = max;
    un->steps = steps;
    un->start_steps = steps;
    if (e->exp > un->exp) un->exp = e->exp;
}

void campaign_apply_carry_unit(const Carry *carry, Game *g, int unit)
{
    if (!carry || unit < 0 || unit >= g->n_units) return;
    const Unit *un = &g->units[unit];
    if (!un->alive || !un->tag[0]) return;
    int k = find_entry(carry, un->tag, tag_ordinal(g, unit));
    if (k >= 0) apply_entry(&carry->units[k], g, unit);
}

void campaign_apply_carry(const Carry *carry, Game *g)
{
    for (int u = 0; u < g->n_units; u++) campaign_apply_carry_unit(carry, g, u);
    for (int i = 0; i < carry->n_leaders; i++) {
        int l = game_find_leader(g, carry->leaders[i].id);
        if (l < 0) continue;
        Leader *ld = &g->leaders[l];
        ld->state = (LeaderState)carry->leaders[i].state;
        if (ld->unit >= 0 && ld->unit < g->n_units) g->units[ld->unit].leader = -1;
        ld->unit = -1;
    }
}

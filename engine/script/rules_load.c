/* rules_load.c - the rules tables the files in scripts/rules/ return (unit types, terrain,
 * the combat table) read into Rules, every number range-checked and every field known; and
 * one unit type's table, shared with the unit_type{} declaration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include "lscript_int.h"

/* ================================================================ rules */

static const char *const class_ids[UC_COUNT + 1] = {
    "heavy_cavalry", "horse_archers", "infantry", "levy", "siege", NULL
};
static const char *const season_ids[5] = { "spring", "summer", "autumn", "winter", NULL };

/* The fields of a unit type (units.lua entries and unit_type{}). */
const char *const ls_unit_type_fields[] = {
    "id", "name", "class", "steps", "attack", "defence", "move", "sight", "zoc", NULL
};

/* Ranges of a unit type's numbers. They keep every product in combat.c and ai_eval.c inside
 * int with room to spare: combat sums steps * attack * (100 + pct) in a long, pct clamped to
 * -90..1000, then keeps the sum / 100 as an int: 20 * 99 * 1100 = 2178000 a unit, times 6
 * attackers or 10 defenders (stack_limit) stays below 2.2e7; ai_unit_attack's
 * steps * attack * pct (pct at most 100 + 100 season + 3 * 50 leader) is below 700000, and
 * ai_defence_at's sum of 16 stacked units * 20 * 99 times at most 700 percent below 2.3e8.
 * move and sight bound the AI's and the sight's searches (shipped: move 4..8, sight 2..4). */
#define UT_MAX_STEPS 20
#define UT_MAX_ATTACK 99
#define UT_MAX_DEFENCE 99
#define UT_MAX_MOVE 30
#define UT_MAX_SIGHT 10

/* Reads one unit type from the table at idx into t; 0 or -1 with msg. */
int ls_read_unit_type(lua_State *L, int idx, UnitType *t, char *msg, size_t cap)
{
    memset(t, 0, sizeof *t);
    const char *id = ls_field_str(L, idx, "id", NULL);
    if (!id || !*id) { snprintf(msg, cap, "unit type without id"); return -1; }
    snprintf(t->id, sizeof t->id, "%s", id);
    snprintf(t->name, sizeof t->name, "%s", ls_field_str(L, idx, "name", id));
    const char *cls = ls_field_str(L, idx, "class", NULL);
    int c = -1;
    for (int i = 0; cls && class_ids[i]; i++)
        if (strcmp(cls, class_ids[i]) == 0) c = i;
    if (c < 0) {
        snprintf(msg, cap, "unit type '%s': class must be one of heavy_cavalry, horse_archers, "
                 "infantry, levy, siege", id);
        return -1;
    }
    t->cls = (UnitClass)c;
    char what[GAME_ID_LEN + 16];
    snprintf(what, sizeof what, "unit type '%s'", t->id);
    if (ls_field_range(L, idx, "steps", 4, 1, UT_MAX_STEPS, &t->max_steps, what, msg, cap) ||
        ls_field_range(L, idx, "attack", 0, 0, UT_MAX_ATTACK, &t->attack, what, msg, cap) ||
        ls_field_range(L, idx, "defence", 0, 1, UT_MAX_DEFENCE, &t->defence, what, msg, cap) ||
        ls_field_range(L, idx, "move", 0, 1, UT_MAX_MOVE, &t->move, what, msg, cap) ||
        ls_field_range(L, idx, "sight", 2, 0, UT_MAX_SIGHT, &t->sight, what, msg, cap))
        return -1;
    t->zoc = ls_field_bool(L, idx, "zoc", 1);
    return 0;
}

/* "3:2" -> 15 (tenths); -1 when malformed. */
static int parse_odds(const char *s)
{
    int a, b;
    if (!s || sscanf(s, "%d:%d", &a, &b) != 2 || a < 0 || b <= 0) return -1;
    return a * 10 / b;
}

/* "1/0", "0/1r", "0/2x": attacker and defender step losses, r retreat, x rout. */
static int parse_cell(const char *s, CrtResult *c)
{
    int a, d, n = 0;
    memset(c, 0, sizeof *c);
    if (!s || sscanf(s, "%d/%d%n", &a, &d, &n) != 2 || a < 0 || d < 0 || a > 9 || d > 9) return -1;
    c->att_loss = (uint8_t)a;
    c->def_loss = (uint8_t)d;
    for (const char *p = s + n; *p; p++) {
        if (*p == 'r') c->retreat = 1;
        else if (*p == 'x') c->rout = 1;
        else return -1;
    }
    return 0;
}

/* Sets a rules error naming the rules file; returns -1. */
static int rules_err(LScript *s, const char *file, const char *msg)
{
    snprintf(s->last_error, sizeof s->last_error, "%s/scripts/rules/%s.lua: %s",
             lscript_data_dir(), file, msg);
    return -1;
}

/* Reads an integer field into *dst when present, refusing values outside lo..hi; 0, or -1
 * with s->last_error naming the rules file. */
static int opt_int(LScript *s, int t, const char *k, int *dst, int lo, int hi, const char *file, const char *what)
{
    char msg[256];
    if (ls_field_range(s->L, t, k, *dst, lo, hi, dst, what, msg, sizeof msg) != 0) return rules_err(s, file, msg);
    return 0;
}

/* Refuses unknown keys of the rules table at t (rules_err), for the file's messages. */
static int rules_fields(LScript *s, int t, const char *file, const char *what, const char *const *known)
{
    char msg[300];
    if (ls_fields_msg(s->L, t, what, known, 0, msg, sizeof msg) != 0) return rules_err(s, file, msg);
    return 0;
}

/* Ranges of the rules' numbers (percent, points, hexes). With the unit type ranges above
 * they keep combat.c's and ai_eval.c's products inside int: every percent that combat adds
 * up is clamped there to -90..1000 anyway, ai_unit_attack adds season (-90..100) and
 * 3 * leader_per_rating (<= 150) to 100, ai_defence_at adds terrain and fort defence
 * (<= 300 each); stack_limit stays below AI_STACK_CAP (16) and combat's MAX_DEF (32). */
#define RULES_MAX_PCT 300
#define RULES_MAX_STACK 10
#define RULES_MAX_COHESION 1000

static const char *const terrain_top_fields[] = {
    "terrain", "road_cost", "river_minor_cost", "river_major_stops", "river_defence", "stack_limit",
    "supply_range", "freeze", "season_attack", NULL
};
static const char *const terrain_rule_fields[] = { "move", "defence", "cavalry_open", "blocks_sight", NULL };
static const char *const freeze_fields[] = { "from", "to", NULL };
static const char *const month_day_fields[] = { "month", "day", NULL };
static const char *const combat_fields[] = {
    "columns", "fort_defence", "cavalry_open", "leader_per_rating", "cohesion_max",
    "cohesion_loss_unsupplied", "cohesion_recover", "cohesion_loss_per_step", "rout_cohesion",
    "exp_per_battle", "exp_per_level", "capture_leader_in6", NULL
};
static const char *const column_fields[] = { "odds", "results", NULL };

/* Reads units, terrain and combat tables (stack 1..3) into s->rules; -1 with s->last_error.
 * May raise (a string where a name goes): ls_read_rules runs it protected. */
static int read_rules(LScript *s)
{
    lua_State *L = s->L;
    Rules *r = &s->rules;
    char msg[256];
    /* units.lua: an array of unit types */
    int n = (int)ls_len(L, 1);
    if (n < 1 || n > RULES_MAX_UNIT_TYPES) return rules_err(s, "units", "needs 1..48 unit types");
    r->n_unit_types = 0;
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, i);
        if (!lua_istable(L, -1)) return rules_err(s, "units", "each unit type is a table");
        char what[32];
        snprintf(what, sizeof what, "units[%d]", i);
        if (rules_fields(s, lua_gettop(L), "units", what, ls_unit_type_fields) != 0) return -1;
        UnitType t;
        if (ls_read_unit_type(L, lua_gettop(L), &t, msg, sizeof msg) != 0) return rules_err(s, "units", msg);
        if (rules_find_unit_type(r, t.id) >= 0) {
            snprintf(msg, sizeof msg, "unit type '%s' defined twice", t.id);
            return rules_err(s, "units", msg);
        }
        r->unit_types[r->n_unit_types++] = t;
        lua_pop(L, 1);
    }
    /* terrain.lua */
    if (rules_fields(s, 2, "terrain", "terrain.lua's table", terrain_top_fields) != 0) return -1;
    if (ls_getfield(L, 2, "terrain") != LUA_TTABLE) return rules_err(s, "terrain", "needs a 'terrain' table");
    int tt = lua_gettop(L);
    const char *ter_ids[TER_COUNT + 1];
    for (int k = 0; k < TER_COUNT; k++) ter_ids[k] = terrain_id((Terrain)k);
    ter_ids[TER_COUNT] = NULL;
    if (rules_fields(s, tt, "terrain", "terrain", ter_ids) != 0) return -1;
    for (int k = 0; k < TER_COUNT; k++) {
        if (ls_getfield(L, tt, terrain_id((Terrain)k)) != LUA_TTABLE) {
            snprintf(msg, sizeof msg, "terrain '%s' missing", terrain_id((Terrain)k));
            return rules_err(s, "terrain", msg);
        }
        int e = lua_gettop(L);
        TerrainRule *tr = &r->terrain[k];
        char what[64];
        snprintf(what, sizeof what, "terrain '%s'", terrain_id((Terrain)k));
        if (rules_fields(s, e, "terrain", what, terrain_rule_fields) != 0) return -1;
        if (ls_getfield(L, e, "move") != LUA_TTABLE) {
            snprintf(msg, sizeof msg, "terrain '%s' needs a move table", terrain_id((Terrain)k));
            return rules_err(s, "terrain", msg);
        }
        snprintf(what, sizeof what, "terrain '%s' move", terrain_id((Terrain)k));
        if (rules_fields(s, lua_gettop(L), "terrain", what, class_ids) != 0) return -1;
        for (int c = 0; c < UC_COUNT; c++) {
            ls_getfield(L, -1, class_ids[c]);
            int ok;
            lua_Integer v = lua_tointegerx(L, -1, &ok);
            if (lua_isnil(L, -1) || lua_type(L, -1) == LUA_TBOOLEAN ||
                (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "impassable") == 0))
                tr->move_cost[c] = MOVE_IMPASSABLE;
            else if (ok && v >= 1 && v < MOVE_IMPASSABLE) tr->move_cost[c] = (uint8_t)v;
            else {
                snprintf(msg, sizeof msg, "terrain '%s': move cost for %s must be 1..254 or "
                         "\"impassable\"", terrain_id((Terrain)k), class_ids[c]);
                return rules_err(s, "terrain", msg);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        tr->defence_pct = 0;
        snprintf(what, sizeof what, "terrain '%s'", terrain_id((Terrain)k));
        if (opt_int(s, e, "defence", &tr->defence_pct, 0, RULES_MAX_PCT, "terrain", what) != 0) return -1;
        tr->cavalry_open = ls_field_bool(L, e, "cavalry_open", 0);
        tr->blocks_sight = ls_field_bool(L, e, "blocks_sight", 0);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (opt_int(s, 2, "road_cost", &r->road_cost, 1, MOVE_IMPASSABLE - 1, "terrain", NULL) ||
        opt_int(s, 2, "river_minor_cost", &r->river_minor_cost, 0, MOVE_IMPASSABLE - 1, "terrain", NULL) ||
        opt_int(s, 2, "river_defence", &r->river_defence_pct, 0, RULES_MAX_PCT, "terrain", NULL) ||
        opt_int(s, 2, "stack_limit", &r->stack_limit, 1, RULES_MAX_STACK, "terrain", NULL) ||
        opt_int(s, 2, "supply_range", &r->supply_range, 0, 100, "terrain", NULL))
        return -1;
    r->river_major_stops = ls_field_bool(L, 2, "river_major_stops", r->river_major_stops);
    if (ls_getfield(L, 2, "freeze") == LUA_TTABLE) {
        int f = lua_gettop(L);
        if (rules_fields(s, f, "terrain", "freeze", freeze_fields) != 0) return -1;
        if (ls_getfield(L, f, "from") == LUA_TTABLE) {
            if (rules_fields(s, lua_gettop(L), "terrain", "freeze.from", month_day_fields) ||
                opt_int(s, lua_gettop(L), "month", &r->freeze_from_month, 1, 12, "terrain", "freeze.from") ||
                opt_int(s, lua_gettop(L), "day", &r->freeze_from_day, 1, 31, "terrain", "freeze.from"))
                return -1;
        }
        lua_pop(L, 1);
        if (ls_getfield(L, f, "to") == LUA_TTABLE) {
            if (rules_fields(s, lua_gettop(L), "terrain", "freeze.to", month_day_fields) ||
                opt_int(s, lua_gettop(L), "month", &r->freeze_to_month, 1, 12, "terrain", "freeze.to") ||
                opt_int(s, lua_gettop(L), "day", &r->freeze_to_day, 1, 31, "terrain", "freeze.to"))
                return -1;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (ls_getfield(L, 2, "season_attack") == LUA_TTABLE) {
        if (rules_fields(s, lua_gettop(L), "terrain", "season_attack", season_ids) != 0) return -1;
        for (int se = 0; se < 4; se++) {
            if (ls_getfield(L, -1, season_ids[se]) == LUA_TTABLE) {
                char what[48];
                snprintf(what, sizeof what, "season_attack.%s", season_ids[se]);
                if (rules_fields(s, lua_gettop(L), "terrain", what, class_ids) != 0) return -1;
                for (int c = 0; c < UC_COUNT; c++)
                    if (opt_int(s, lua_gettop(L), class_ids[c], &r->season_pct[se][c], -90, 100, "terrain", what) != 0)
                        return -1;
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    /* combat.lua */
    static const struct { const char *k; size_t off; int lo, hi; } nums[] = {
        { "fort_defence", offsetof(Rules, fort_defence_pct), 0, RULES_MAX_PCT },
        { "cavalry_open", offsetof(Rules, cavalry_open_pct), 0, RULES_MAX_PCT },
        { "leader_per_rating", offsetof(Rules, leader_pct_per_rating), 0, 50 },
        { "cohesion_max", offsetof(Rules, cohesion_max), 1, RULES_MAX_COHESION },
        { "cohesion_loss_unsupplied", offsetof(Rules, cohesion_loss_unsupplied), 0, RULES_MAX_COHESION },
        { "cohesion_recover", offsetof(Rules, cohesion_recover), 0, RULES_MAX_COHESION },
        { "cohesion_loss_per_step", offsetof(Rules, cohesion_loss_per_step), 0, RULES_MAX_COHESION },
        { "rout_cohesion", offsetof(Rules, rout_cohesion), 0, RULES_MAX_COHESION - 1 },
        { "exp_per_battle", offsetof(Rules, exp_per_battle), 0, 1000 },
        { "exp_per_level", offsetof(Rules, exp_pct_per_level), 0, 50 },
        { "capture_leader_in6", offsetof(Rules, capture_leader_in6), 0, 6 },
    };
    if (rules_fields(s, 3, "combat", "combat.lua's table", combat_fields) != 0) return -1;
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (opt_int(s, 3, nums[i].k, (int *)((char *)r + nums[i].off), nums[i].lo, nums[i].hi, "combat", NULL) != 0)
            return -1;
    if (r->rout_cohesion >= r->cohesion_max) return rules_err(s, "combat", "rout_cohesion must be below cohesion_max");
    if (ls_getfield(L, 3, "columns") == LUA_TTABLE) {
        int cols = (int)ls_len(L, -1);
        if (cols < 1 || cols > CRT_MAX_COLS) return rules_err(s, "combat", "needs 1..12 columns");
        int ct = lua_gettop(L);
        for (int c = 0; c < cols; c++) {
            lua_rawgeti(L, ct, c + 1);
            int col = lua_gettop(L);
            char what[32];
            snprintf(what, sizeof what, "column %d", c + 1);
            if (rules_fields(s, col, "combat", what, column_fields) != 0) return -1;
            int ratio = parse_odds(lua_istable(L, col) ? ls_field_str(L, col, "odds", NULL) : NULL);
            if (ratio < 0 || (c > 0 && ratio <= r->crt_ratio10[c - 1])) {
                snprintf(msg, sizeof msg, "column %d: odds must be \"A:B\", ascending", c + 1);
                return rules_err(s, "combat", msg);
            }
            r->crt_ratio10[c] = ratio;
            if (ls_getfield(L, col, "results") != LUA_TTABLE || ls_len(L, -1) != CRT_ROWS) {
                snprintf(msg, sizeof msg, "column %d: results needs 11 cells (2d6 = 2..12)", c + 1);
                return rules_err(s, "combat", msg);
            }
            for (int row = 0; row < CRT_ROWS; row++) {
                lua_rawgeti(L, -1, row + 1);
                if (parse_cell(lua_tostring(L, -1), &r->crt[c][row]) != 0) {
                    snprintf(msg, sizeof msg, "column %d row %d: a cell is \"A/D\" with optional r "
                             "(retreat) or x (rout)", c + 1, row + 2);
                    return rules_err(s, "combat", msg);
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 2);
        }
        r->crt_cols = cols;
    }
    lua_pop(L, 1);
    s->n_rules_types_base = r->n_unit_types;
    return 0;
}

/* read_rules under lua_pcall, the three tables as its arguments; returns whether it read them. */
static int read_rules_call(lua_State *L)
{
    lua_pushboolean(L, read_rules(ls_self(L)) == 0);
    return 1;
}

/* Reads units, terrain and combat tables (stack 1..3) into s->rules; -1 with s->last_error.
 * A value that raises while it is read is an error message, not a panic. Pops the tables. */
int ls_read_rules(LScript *s)
{
    lua_State *L = s->L;
    lua_settop(L, 3);
    lua_pushcfunction(L, read_rules_call);
    lua_insert(L, 1);
    s->last_error[0] = 0;
    if (lua_pcall(L, 3, 1, 0) != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        snprintf(s->last_error, sizeof s->last_error, "%.280s/scripts/rules: %.200s", lscript_data_dir(),
                 m ? m : "error while reading the rules");
        lua_pop(L, 1);
        return -1;
    }
    int ok = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return ok ? 0 : -1;
}

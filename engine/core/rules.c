/* rules.c - default rules numbers, so that tests and tools can build games without Lua; the
 * script host overwrites them from scripts/rules/. Also the unit type lookup. */
#include <string.h>
#include "rules.h"

static void set_type(UnitType *t, const char *id, const char *name, UnitClass cls, int steps,
                     int attack, int defence, int move, int sight, int zoc)
{
    memset(t, 0, sizeof *t);
    strncpy(t->id, id, RULES_ID_LEN - 1);
    strncpy(t->name, name, sizeof t->name - 1);
    t->cls = cls;
    t->max_steps = steps;
    t->attack = attack;
    t->defence = defence;
    t->move = move;
    t->sight = sight;
    t->zoc = zoc;
}

static void set_terrain(TerrainRule *t, int hc, int ha, int inf, int levy, int siege,
                        int defence_pct, int cavalry_open, int blocks_sight)
{
    t->move_cost[UC_HEAVY_CAV] = (uint8_t)hc;
    t->move_cost[UC_HORSE_ARCHERS] = (uint8_t)ha;
    t->move_cost[UC_INFANTRY] = (uint8_t)inf;
    t->move_cost[UC_LEVY] = (uint8_t)levy;
    t->move_cost[UC_SIEGE] = (uint8_t)siege;
    t->defence_pct = defence_pct;
    t->cavalry_open = cavalry_open;
    t->blocks_sight = blocks_sight;
}

/* One row of the results table for an effective score s = 2d6 total + column - 2. */
static CrtResult crt_row(int s)
{
    CrtResult c = { 0, 0, 0, 0 };
    if (s <= 3) c.att_loss = 2;
    else if (s <= 5) c.att_loss = 1;
    else if (s <= 7) { c.att_loss = 1; c.def_loss = 1; }
    else if (s == 8) c.def_loss = 1;
    else if (s <= 11) { c.def_loss = 1; c.retreat = 1; }
    else if (s <= 15) { c.def_loss = 2; c.retreat = 1; }
    else { c.def_loss = 2; c.rout = 1; }
    return c;
}

/* Fills r with the default numbers (documented in the helper report and scripts/rules/). */
void rules_defaults(Rules *r)
{
    memset(r, 0, sizeof *r);
    const int X = MOVE_IMPASSABLE;
    r->n_unit_types = 5;
    set_type(&r->unit_types[0], "heavy_cavalry", "Heavy cavalry", UC_HEAVY_CAV, 4, 6, 4, 6, 3, 1);
    set_type(&r->unit_types[1], "horse_archers", "Horse archers", UC_HORSE_ARCHERS, 4, 4, 3, 8, 4, 1);
    set_type(&r->unit_types[2], "infantry", "Infantry", UC_INFANTRY, 4, 3, 4, 4, 2, 1);
    set_type(&r->unit_types[3], "levy", "Levy", UC_LEVY, 3, 2, 2, 4, 2, 1);
    set_type(&r->unit_types[4], "siege_train", "Siege train", UC_SIEGE, 2, 4, 1, 3, 1, 0);

    /*                           hcav harch inf levy siege def% open sight */
    set_terrain(&r->terrain[TER_SEA],       X, X, X, X, X,   0, 0, 0);
    set_terrain(&r->terrain[TER_LAKE],      X, X, X, X, X,   0, 0, 0);
    set_terrain(&r->terrain[TER_PLAIN],     1, 1, 1, 1, 1,   0, 1, 0);
    set_terrain(&r->terrain[TER_FARMLAND],  1, 1, 1, 1, 1,  10, 1, 0);
    set_terrain(&r->terrain[TER_STEPPE],    1, 1, 1, 1, 2,   0, 1, 0);
    set_terrain(&r->terrain[TER_FOREST],    3, 3, 2, 2, 3,  30, 0, 1);
    set_terrain(&r->terrain[TER_HILLS],     2, 2, 2, 2, 3,  30, 0, 0);
    set_terrain(&r->terrain[TER_MOUNTAINS], 4, 4, 3, 3, X,  60, 0, 1);
    set_terrain(&r->terrain[TER_MARSH],     4, 4, 3, 3, X,  20, 0, 0);
    set_terrain(&r->terrain[TER_DESERT],    2, 2, 2, 2, 3,   0, 1, 0);
    set_terrain(&r->terrain[TER_SAND],      3, 2, 3, 3, 4,   0, 0, 0);

    r->road_cost = 1;
    r->river_minor_cost = 1;
    r->river_major_stops = 1;
    r->river_defence_pct = 50;
    r->fort_defence_pct = 100;
    r->cavalry_open_pct = 25;
    r->leader_pct_per_rating = 10;
    r->stack_limit = 3;
    r->supply_range = 8;
    r->cohesion_max = 100;
    r->cohesion_loss_unsupplied = 15;
    r->cohesion_recover = 10;
    r->cohesion_loss_per_step = 10;
    r->rout_cohesion = 0;
    r->exp_per_battle = 20;
    r->exp_pct_per_level = 10;
    /* attack modifiers: cavalry fares worse in the spring thaw and mud; everyone in winter,
     * horse archers least (the steppe armies campaigned in winter) */
    static const int season[4][UC_COUNT] = {
        { -10, -10,   0,   0,   0 },   /* spring */
        {   0,   0,   0,   0,   0 },   /* summer */
        {   0,   0,   0,   0,   0 },   /* autumn */
        { -10,   0, -20, -20, -20 },   /* winter */
    };
    memcpy(r->season_pct, season, sizeof season);
    r->freeze_from_month = 11;
    r->freeze_from_day = 15;
    r->freeze_to_month = 3;
    r->freeze_to_day = 15;
    r->capture_leader_in6 = 2;

    static const int ratios[] = { 0, 5, 10, 15, 20, 30, 40, 60 };
    r->crt_cols = (int)(sizeof ratios / sizeof ratios[0]);
    for (int c = 0; c < r->crt_cols; c++) {
        r->crt_ratio10[c] = ratios[c];
        for (int row = 0; row < CRT_ROWS; row++) r->crt[c][row] = crt_row(row + 2 + c - 2);
    }
}

/* Index of the unit type with this id, -1 when unknown. */
int rules_find_unit_type(const Rules *r, const char *id)
{
    if (!id) return -1;
    for (int i = 0; i < r->n_unit_types; i++)
        if (strcmp(r->unit_types[i].id, id) == 0) return i;
    return -1;
}

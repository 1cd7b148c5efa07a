/* rules.h - the numbers of the game, read from scripts/rules/ (Lua) by the script host:
 * unit types, terrain costs and defence, river and season effects, the combat results table.
 * The core holds the mechanisms that use them; it never hard-codes a cost. */
#ifndef GYR_RULES_H
#define GYR_RULES_H
#include <stdint.h>
#include "map.h"

typedef enum { UC_HEAVY_CAV, UC_HORSE_ARCHERS, UC_INFANTRY, UC_LEVY, UC_SIEGE, UC_COUNT } UnitClass;

#define RULES_MAX_UNIT_TYPES 48
#define RULES_ID_LEN 32
#define MOVE_IMPASSABLE 255

typedef struct UnitType {
    char id[RULES_ID_LEN];      /* "jurchen_heavy_cavalry" */
    char name[48];              /* "Jurchen heavy cavalry" */
    UnitClass cls;
    int max_steps;              /* strength in steps (each step ~ 1,000 men) */
    int attack, defence;        /* per step */
    int move;                   /* movement points per turn */
    int sight;                  /* hexes */
    int zoc;                    /* 1 when it exerts a zone of control */
} UnitType;

typedef struct TerrainRule {
    uint8_t move_cost[UC_COUNT];  /* MOVE_IMPASSABLE = cannot enter */
    int defence_pct;              /* defender strength modifier, percent (+50 = x1.5) */
    int cavalry_open;             /* 1 when cavalry fighting here gets the open-ground bonus */
    int blocks_sight;             /* forest, mountains: sight does not pass beyond */
} TerrainRule;

/* One entry of the combat results table: steps lost by each side, and what happens to the
 * defender. */
typedef struct CrtResult {
    uint8_t att_loss, def_loss;
    uint8_t retreat;            /* defender must retreat one hex (or lose a step if it cannot) */
    uint8_t rout;               /* defender dissolves */
} CrtResult;

#define CRT_MAX_COLS 12
#define CRT_ROWS 11   /* 2d6 totals 2..12 after modifiers, clamped */

typedef struct Rules {
    int n_unit_types;
    UnitType unit_types[RULES_MAX_UNIT_TYPES];
    TerrainRule terrain[TER_COUNT];
    int road_cost;               /* cost of a move along a road hexside */
    int river_minor_cost;        /* extra cost to cross a minor river */
    int river_major_stops;       /* 1: crossing an unfrozen major river (no ford/bridge) ends the move */
    int river_defence_pct;       /* defender bonus when every attacker is across an unfrozen river */
    int fort_defence_pct;        /* defender bonus in a city/fortress/capital/pass place */
    int cavalry_open_pct;        /* cavalry attacker bonus on open terrain */
    int leader_pct_per_rating;   /* bonus per point of leader rating */
    int stack_limit;             /* units per hex */
    int supply_range;            /* movement-cost budget for tracing supply (infantry costs) */
    int cohesion_max;            /* 100 */
    int cohesion_loss_unsupplied;/* per turn out of supply */
    int cohesion_recover;        /* per turn in supply */
    int cohesion_loss_per_step;  /* when a step is lost in combat */
    int rout_cohesion;           /* a unit whose cohesion falls to this or below routs */
    int exp_per_battle;
    int exp_pct_per_level;       /* bonus per experience level (exp / 100) */
    int season_pct[4][UC_COUNT]; /* attack modifier per season (spring, summer, autumn, winter) */
    int freeze_from_month, freeze_from_day; /* rivers frozen from this date ... */
    int freeze_to_month, freeze_to_day;     /* ... until this date (wraps over new year) */
    int capture_leader_in6;      /* a leader whose unit routs or dies is captured on a d6 roll <= this */
    /* the combat results table: columns are odds ratios (att:def, in tenths: 5 = 1:2, 30 = 3:1) */
    int crt_cols;
    int crt_ratio10[CRT_MAX_COLS];        /* lower bound of each column, ascending */
    CrtResult crt[CRT_MAX_COLS][CRT_ROWS];/* [col][2d6 total - 2] */
} Rules;

/* Sensible defaults so that tests can build games without Lua; the script host overwrites
 * them from scripts/rules/. */
void rules_defaults(Rules *r);
int rules_find_unit_type(const Rules *r, const char *id); /* -1 when unknown */

#endif

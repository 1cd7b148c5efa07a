/* ai_internal.h - what the computer players share inside engine/ai: the Ai struct (per-turn
 * plans, reusable buffers, the memory of enemies last seen) and the evaluation helpers of
 * ai_eval.c (fog, threat and distance maps, objectives, attack scoring). Not a public API. */
#ifndef GYR_AI_INTERNAL_H
#define GYR_AI_INTERNAL_H
#include <stdint.h>
#include "ai.h"
#include "move.h"
#include "combat.h"

#define AI_MAX_OBJ 64
#define AI_MAX_QUEUE 64
#define AI_INF 0x3fffffff
#define AI_STACK_CAP 16           /* more than any stack limit */
/* an unseen enemy capital is assumed to hold this much attack strength (about two steps of
 * ordinary troops) able to strike this many hexes out */
#define AI_PHANTOM_STRENGTH 6
#define AI_PHANTOM_RANGE 4
#define AI_STALE_TURNS 6       /* how long the commander reckons with an enemy no longer seen */

/* Something on the map the AI wants: a place to take or hold, a leader to hunt or shelter. */
typedef enum { OBJ_TAKE, OBJ_HOLD, OBJ_HUNT, OBJ_FLEE, OBJ_PROTECT, OBJ_MUSTER } ObjKind;
typedef struct AiObjective {
    ObjKind kind;
    Hex hex;
    int place;      /* -1 when none */
    int leader;     /* -1 when none */
    int weight;     /* 1..1000 */
    int critical;   /* losing it loses the game at once (enemy VC_TAKE_PLACE) */
} AiObjective;

/* An enemy unit as the AI knows it: seen now, or remembered from an earlier turn. */
/* stale: forgotten for age only (its old hex not seen empty since): the protected commander
 * still keeps clear of where it was, for up to AI_STALE_TURNS turns after it was last seen. */
typedef struct AiMemory { int known; Hex hex; int turn; int steps; int type; int faction; int stale; } AiMemory;

/* Attack planning scratch: which unit can reach which hexes next to which target, and a
 * candidate attack with the moves that set it up. */
#define AI_MAX_TARGETS 96
#define AI_MAX_OPTS 2048
typedef struct AiOpt { int unit; int target; uint8_t dirmask; } AiOpt;
typedef struct AiPlan {
    Command cmd; int n_movers; int movers[GAME_MAX_ATTACKERS]; Hex to[GAME_MAX_ATTACKERS]; int score;
} AiPlan;

/* One planned command of a multi-step plan (moves then an attack), re-validated before use. */
typedef struct AiPlanned { Command cmd; } AiPlanned;

typedef enum {
    PH_START, PH_GARRISON, PH_ATTACK, PH_MOVE, PH_LATE_ATTACK, PH_END
} AiPhase;

struct Ai {
    AiKind kind;
    int faction;
    int difficulty;
    const LScript *script;
    const Map *map;
    int ncell;

    /* per turn */
    int frozen;                 /* rivers frozen this turn (cached) */
    int turn_key;               /* g->turn for which the per-turn state below is valid (-1 none) */
    int cmds;                   /* commands returned this turn: a safety stop */
    AiPhase phase;
    uint8_t done[GAME_MAX_UNITS];   /* unit has had its move this turn */
    uint8_t locked[GAME_MAX_UNITS]; /* garrison: must not leave its hex */
    uint8_t stage[GAME_MAX_UNITS];  /* baseline: 0 attack, 1 move, 2 attack, 3 done */
    uint8_t rejected[GAME_MAX_UNITS]; /* attack planner: target unit judged bad this pass */
    int order[GAME_MAX_UNITS];      /* movement order */
    int n_order, order_pos;
    AiPlanned queue[AI_MAX_QUEUE];
    int q_n, q_pos;
    int passes;                     /* attack planning passes this turn */
    long work;                      /* reach + preview calls this turn (the thinking budget) */
    long budget;

    /* what the AI knows */
    uint8_t *vis;                   /* ncell: seen now */
    AiMemory mem[GAME_MAX_UNITS];

    /* maps (ncell ints each) */
    int *threat;                    /* enemy attack strength that can reach an adjacent hex next turn */
    int *threat_open;               /* the part of it not across an unfrozen river */
    int *threat_old, *threat_old_open; /* the same from stale memories (the commander's caution) */
    int *ereach;                    /* 1 when a known enemy can end its move there next turn */
    int *field[UC_COUNT];           /* movement cost to the nearest objective, per class */
    int field_ok[UC_COUNT];
    int *supply;                    /* infantry movement cost from the nearest friendly supply source */
    int *tmp, *stamp; int stamp_id;
    int *zst;                       /* threat map: per-enemy zone stamps */
    uint8_t *need;                  /* field: cells whose distance must be known */
    uint8_t *mine;                  /* bit 0: our unit here; bit 1: in our zone of control */
    int *heap, *heap_key; int heap_n;

    int army_steps, army_units;     /* default: all our steps and units at the start of the turn */
    int urgent;                     /* default: 0 calm, 1 pressed for time, 2 last chance */
    int commander;                  /* the leader a goal without a name means (-1 none) */
    int n_obj;
    AiObjective obj[AI_MAX_OBJ];

    Hex assign[GAME_MAX_UNITS];     /* default: garrison to march to (q = -30000: none) */
    uint8_t reserve[GAME_MAX_UNITS];/* default: kept back this turn */
    AiOpt opts[AI_MAX_OPTS];
    AiPlan plans[AI_MAX_TARGETS];

    Reach *reach;
    Game *scratch;                  /* a copy to try attacks on (never applied to) */
    Rng rng;                        /* ai_random only: its own generator, not the game's */
};

/* ---- ai_eval.c */
int ai_eval_init(Ai *ai);           /* allocate the buffers; 0 on success */
void ai_eval_free(Ai *ai);
/* Update vis and the memory of enemies for the AI's faction (fog respected). */
void ai_see(Ai *ai, const Game *g);
/* Whether the AI knows of an enemy unit at index u now (visible). */
int ai_sees_unit(const Ai *ai, const Game *g, int u);
/* Build threat, threat_open and ereach from the enemies the AI knows of, and threat_old and
 * threat_old_open from the stale memories. */
void ai_threat_map(Ai *ai, const Game *g);
/* Gather objectives from the victory conditions, the scenario goals and the places. */
void ai_objectives(Ai *ai, const Game *g);
/* Build the movement-cost field from the objectives for class cls (lazily, once per turn). */
const int *ai_field(Ai *ai, const Game *g, int cls);
/* Build the supply distance map from friendly supply sources. */
void ai_supply_map(Ai *ai, const Game *g);
/* Movement cost for a unit of class cls from a to adjacent b, by the rules (no units, no ZOC). */
int ai_step_cost(const Game *g, int cls, Hex a, Hex b);
/* Defence of the faction's units in hex h counted as a defender would be (terrain, fort). */
int ai_defence_at(const Game *g, int faction, Hex h, int extra_unit);
/* A unit's attack strength with its season modifier. */
int ai_unit_attack(const Game *g, int u);
int ai_unit_defence(const Game *g, int u);
/* Worth of one step of a unit, for loss exchange (attack + defence, leaders more). */
int ai_step_value(const Game *g, int u);
/* Whether the unit is weakened: few steps or low cohesion. */
int ai_unit_weak(const Game *g, int u);
/* Whether h holds a known enemy unit (visible). */
int ai_enemy_at(const Ai *ai, const Game *g, Hex h);
/* Whether a place can be captured by the faction (unowned or enemy-owned). */
int ai_place_capturable(const Game *g, int faction, int place);
/* Count a reach or preview against the budget; 0 when the budget is spent. */
int ai_spend(Ai *ai, int cost);
/* Fill r with the unit's reach (counted against the budget). */
void ai_reach(Ai *ai, const Game *g, int u, Reach *r);
/* Preview on any game (counted). */
CmdResult ai_preview(Ai *ai, const Game *g, const Command *c, CombatPreview *p);
/* Score of an attack in hundredths of a step-value; sets *accept when the AI takes it. */
int ai_attack_score(const Ai *ai, const Game *g, const Command *c, const CombatPreview *p,
                    int min_ratio10, int *accept);
/* Reset the per-turn state when a new turn (or a new active faction) begins. */
int ai_new_turn(Ai *ai, const Game *g);

/* ---- the players */
Command ai_random_next(Ai *ai, const Game *g);
Command ai_baseline_next(Ai *ai, const Game *g);
Command ai_default_next(Ai *ai, const Game *g);
/* The answer to a pending choice for the AI's faction. */
Command ai_choose(Ai *ai, const Game *g);
Command ai_end_turn(const Ai *ai);

#endif

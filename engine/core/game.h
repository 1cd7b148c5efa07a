/* game.h - the whole state of one game, and the one door that changes it: game_apply().
 * Plain fixed-size arrays so that a game can be copied with game_clone() for the AI's
 * look-ahead and the replay checker. Integers only; no clock, no files, no globals.
 *
 * Who writes state: game_apply() for commands (UI, AI, replays). The script host also calls
 * the game_script_* functions below, but only while a scenario is being set up or while an
 * event handler runs inside game_apply(): every change is still caused by a recorded command. */
#ifndef GYR_GAME_H
#define GYR_GAME_H
#include <stdint.h>
#include "hex.h"
#include "rng.h"
#include "map.h"
#include "rules.h"

#define GAME_MAX_FACTIONS 16
#define GAME_MAX_UNITS 600
#define GAME_MAX_LEADERS 128
#define GAME_MAX_EVENTS 1024
#define GAME_MAX_VICTORY 32
#define GAME_ID_LEN 32
#define GAME_TEXT_LEN 240
#define GAME_MAX_ATTACKERS 6
#define GAME_MAX_CHOICE_OPTIONS 4

typedef enum { REL_WAR, REL_NEUTRAL, REL_ALLIANCE, REL_VASSAL } Relation;
typedef enum { SEASON_SPRING, SEASON_SUMMER, SEASON_AUTUMN, SEASON_WINTER } Season;
typedef enum { CTRL_HUMAN, CTRL_AI } Controller;

typedef struct Faction {
    char id[GAME_ID_LEN];       /* "jin", "liao", "balhae_rebels" */
    char name[48];              /* "Jurchen Jin" */
    char hanzi[24];
    uint32_t color;             /* 0xRRGGBB, colour-blind-safe palette chosen by the scenario */
    char emblem[16];            /* symbol drawn with the colour: "sun", "wolf", "lotus", ... */
    int alive;                  /* 0 once eliminated or dissolved: skipped in turn order */
    int playable;               /* a main side a person can take */
    Controller controller;
    char ai_kind[16];           /* "default", "baseline", "random" */
    int score;                  /* victory points gathered (scenario-defined) */
} Faction;

typedef enum { LEADER_ACTIVE, LEADER_KILLED, LEADER_CAPTURED } LeaderState;

typedef struct Leader {
    char id[GAME_ID_LEN];       /* "aguda" */
    char name[48];              /* "Wanyan Aguda" */
    char hanzi[24];
    int rating;                 /* 1..3: combat bonus */
    int faction;
    LeaderState state;
    int unit;                   /* unit index commanding, -1 when none */
} Leader;

typedef struct Unit {
    int alive;
    int type;                   /* index into rules.unit_types */
    int faction;
    Hex hex;
    int steps;                  /* current strength */
    int mp;                     /* movement points left this turn */
    int cohesion;               /* 0..rules.cohesion_max */
    int exp;                    /* experience; level = exp / 100 */
    int leader;                 /* index into leaders, -1 when none */
    int attacked;               /* has attacked this turn */
    int moved;                  /* has moved this turn */
    int supplied;               /* in supply at the start of its last turn */
    char name[48];              /* "Aguda's guard" (optional) */
    char tag[GAME_ID_LEN];      /* scenario tag, e.g. "yudu_troops", for scripted events */
    int start_steps;            /* steps when play began (game_start), or when added after it;
                                 * read only by the campaign carry, not by the rules, not hashed */
} Unit;

typedef struct PlaceState {
    int owner;                  /* faction index, -1 when nobody */
    int supply_source;          /* 1 when it supplies its owner's units */
    int vp;                     /* victory points for holding it */
} PlaceState;

typedef enum {
    VC_HOLD_PLACE,      /* faction holds place at the end: wins (all such for the faction must hold) */
    VC_TAKE_PLACE,      /* faction takes place: wins at once */
    VC_KILL_LEADER,     /* leader killed or captured: faction wins at once */
    VC_SAVE_LEADER,     /* leader still free at the end: faction wins */
    VC_SCORE            /* faction's score >= value at the end: wins */
} VictoryType;

typedef struct VictoryCond {
    VictoryType type;
    int faction;                /* who wins by it */
    int target;                 /* place or leader index */
    int value;
    char text[GAME_TEXT_LEN];   /* "Jin: take Ningjiang" */
} VictoryCond;

/* The narrative log: what the headless summary prints and the screen's message log shows. */
typedef enum {
    GEV_MESSAGE, GEV_DEFECTION, GEV_REBELLION, GEV_FACTION_CREATED, GEV_RELATION_CHANGED,
    GEV_DESERTION, GEV_LEADER_KILLED, GEV_LEADER_CAPTURED, GEV_CHOICE, GEV_BATTLE,
    GEV_PLACE_CAPTURED, GEV_UNIT_DESTROYED, GEV_VICTORY, GEV_TYPE_COUNT
} GameEventType;

typedef struct LogEntry {
    int turn;
    GameEventType type;
    int faction;                /* who it concerns, -1 for all */
    char text[GAME_TEXT_LEN];
    char note[GAME_TEXT_LEN];   /* optional historical note */
    int major;                  /* the scenario marked it major (gyr.message{major=true}): the
                                 * window may put it up as a pop-up. Presentation only: not
                                 * hashed, read by no rule */
} LogEntry;

/* A scripted choice waiting for an answer: no other command is accepted until it is answered. */
typedef struct PendingChoice {
    int active;
    int id;                     /* script's handle */
    int faction;                /* who must answer */
    char question[GAME_TEXT_LEN];
    int n_options;
    char options[GAME_MAX_CHOICE_OPTIONS][64];
    int ai_default;             /* option the computer picks when it has no better idea */
} PendingChoice;

/* ---------------------------------------------------------------- commands */

typedef enum { CMD_MOVE, CMD_ATTACK, CMD_END_TURN, CMD_CHOOSE, CMD_TYPE_COUNT } CommandType;

typedef struct Command {
    CommandType type;
    int faction;                        /* who issues it (must be the active faction or, for CMD_CHOOSE, the asked one) */
    int unit;                           /* CMD_MOVE */
    Hex to;                             /* CMD_MOVE destination, CMD_ATTACK target hex */
    int n_attackers;                    /* CMD_ATTACK */
    int attackers[GAME_MAX_ATTACKERS];
    int choice;                         /* CMD_CHOOSE: option index */
} Command;

typedef enum {
    CMD_OK,
    CMD_ERR_GAME_OVER,
    CMD_ERR_NOT_YOUR_TURN,
    CMD_ERR_CHOICE_PENDING,     /* answer the scripted choice first */
    CMD_ERR_NO_CHOICE,
    CMD_ERR_BAD_OPTION,
    CMD_ERR_BAD_UNIT,           /* no such unit, dead, or not the faction's */
    CMD_ERR_OFF_MAP,
    CMD_ERR_NO_MOVES_LEFT,
    CMD_ERR_UNREACHABLE,        /* no path within the unit's movement points */
    CMD_ERR_STACK_FULL,
    CMD_ERR_OCCUPIED,           /* an enemy holds the destination */
    CMD_ERR_ALREADY_ATTACKED,
    CMD_ERR_NOT_ADJACENT,
    CMD_ERR_NO_TARGET,          /* no enemy unit in the target hex */
    CMD_ERR_NOT_AT_WAR,
    CMD_ERR_TOO_MANY_ATTACKERS,
    CMD_ERR_BAD_COMMAND,
    CMD_RESULT_COUNT
} CmdResult;

const char *cmd_result_str(CmdResult r);    /* "no moves left" */
const char *cmd_type_id(CommandType t);     /* "move", "attack", "end", "choose" */

/* ---------------------------------------------------------------- events to the script host */

/* What happened, reported synchronously to the hook (the script host) after the core has
 * finished the change; handlers may then call game_script_* functions. */
typedef enum {
    HOOK_TURN_START,        /* a = faction about to move (after supply/recovery) */
    HOOK_TURN_END,          /* a round finished (all factions moved), before victory check */
    HOOK_UNIT_MOVED,        /* a = unit, hex = destination */
    HOOK_PLACE_CAPTURED,    /* a = place, b = new owner, c = old owner */
    HOOK_BATTLE,            /* a = first attacker unit, b = defending faction, c = 1 when the attacker won (combat.h) */
    HOOK_UNIT_DESTROYED,    /* a = unit, b = faction that destroyed it (-1 none) */
    HOOK_CHOICE_ANSWERED,   /* a = choice id, b = option, c = faction */
    HOOK_GAME_OVER          /* a = winner (-1 draw) */
} HookType;

typedef struct HookEvent { HookType type; int a, b, c; Hex hex; } HookEvent;
struct Game;
typedef void (*GameHook)(struct Game *g, const HookEvent *ev, void *ud);

/* ---------------------------------------------------------------- the game */

typedef struct Game {
    const Map *map;             /* shared, not owned */
    Rules rules;
    Rng rng;
    uint64_t seed;

    char scenario_id[GAME_ID_LEN];
    int start_year, start_month, start_day;  /* Julian calendar */
    int turn_days;
    int turn;                   /* 1-based */
    int max_turns;
    int active;                 /* faction to move */
    int over;                   /* game finished */
    int winner;                 /* faction index, -1 draw/none */
    char outcome[GAME_TEXT_LEN];/* "Jin victory: Ningjiang taken" */
    int started;                /* set by game_start: before it, scripted changes are setup and
                                 * log nothing; after it, they log (see the setup section) */
    int contact_dirty;          /* a change (war declared, a defection, a new unit) may have put
                                 * enemies in one hex: the next settle separates them. Not hashed:
                                 * it only spares the settle a search, the outcome is the same */
    int script_logs;            /* set by the script host when it writes its own (richer) log
                                 * entries for scripted changes: the game_* functions then stay silent */

    int n_factions;
    Faction factions[GAME_MAX_FACTIONS];
    uint8_t relation[GAME_MAX_FACTIONS][GAME_MAX_FACTIONS]; /* Relation, symmetric; new factions are NEUTRAL */
    int8_t overlord[GAME_MAX_FACTIONS]; /* for REL_VASSAL: the faction it is vassal of, -1 none */

    int n_units;                /* high-water mark: indices are stable, dead units stay (alive = 0) */
    Unit units[GAME_MAX_UNITS];

    int n_leaders;
    Leader leaders[GAME_MAX_LEADERS];

    PlaceState places[MAP_MAX_PLACES];  /* parallel to map->places */

    int n_victory;
    VictoryCond victory[GAME_MAX_VICTORY];

    PendingChoice choice;

    int n_log;                  /* entries past GAME_MAX_EVENTS are dropped (counted in log_dropped) */
    int log_dropped;
    LogEntry log[GAME_MAX_EVENTS];

    GameHook hook;              /* not state: not hashed, not cloned */
    void *hook_ud;
} Game;

/* ---------------------------------------------------------------- life cycle */

/* A new empty game on map (not owned) with default rules and the given seed.
 * Caller frees with game_free. Returns NULL when out of memory. */
Game *game_new(const Map *map, uint64_t seed);
void game_free(Game *g);
/* A deep copy without the hook (the AI's look-ahead); caller frees. */
Game *game_clone(const Game *g);
void game_copy(Game *dst, const Game *src); /* same, into an existing game; dst's hook kept */

/* Start play after setup: turn 1, first alive faction active, supply traced, MPs set.
 * Fires HOOK_TURN_START for it. */
void game_start(Game *g);

/* ---------------------------------------------------------------- the one door */

/* Validate the command fully, then apply it. A refused command changes nothing. */
CmdResult game_apply(Game *g, const Command *c);
/* Validate only. */
CmdResult game_check(const Game *g, const Command *c);

/* ---------------------------------------------------------------- read-only queries */

int game_is_enemy(const Game *g, int fa, int fb);   /* at war */
int game_is_friend(const Game *g, int fa, int fb);  /* same, allied or vassal/overlord */
int game_units_at(const Game *g, Hex h, int *out, int cap); /* alive units in h, ascending index */
int game_enemy_zoc(const Game *g, int faction, Hex h);       /* an enemy unit exerting ZOC is adjacent */
Season game_season(const Game *g);
int game_rivers_frozen(const Game *g);
/* Date of the current turn's first day. */
void game_date(const Game *g, int *year, int *month, int *day);
/* Date of any turn. */
void game_turn_date(const Game *g, int turn, int *year, int *month, int *day);
/* "3 Nov 1114" into buf. */
void game_date_str(const Game *g, int turn, char *buf, int cap);
const char *season_id(Season s);                    /* "winter" */
int game_find_faction(const Game *g, const char *id);  /* -1 unknown */
int game_find_leader(const Game *g, const char *id);
int game_unit_strength(const Game *g, int unit);     /* steps * attack, for summaries */
/* Fog: which hexes faction sees now; vis has map_count() bytes, set to 0/1. Seen: hexes
 * within the sight of its own and its friends' units (forest and mountains are seen but not
 * seen past) and the hexes of and around their places. */
void game_visibility(const Game *g, int faction, uint8_t *vis);
/* Whether the unit can still do anything this turn (move or attack). */
int game_unit_can_act(const Game *g, int unit);

/* The 64-bit FNV-1a hash of a canonical serialisation of the whole state (not the hook). */
uint64_t game_hash(const Game *g);

/* ---------------------------------------------------------------- setup and scripted changes
 * Used by the script host during setup and inside event handlers. Each returns an index or
 * -1 / nonzero on bad arguments, and changes nothing when it refuses. None of them calls the
 * hook (no re-entry into the script host), except game_end, which fires HOOK_GAME_OVER once.
 * New factions are NEUTRAL to every other faction until game_set_relation says otherwise. Those that matter to
 * the story also append a LogEntry of the right type, but only once play has begun
 * (g->started) and only while g->script_logs is 0: setup is silent, and a script host that
 * writes its own richer entries sets script_logs to avoid double logging:
 *   game_set_unit_faction -> GEV_DEFECTION, game_remove_unit -> GEV_DESERTION,
 *   game_set_leader_state -> GEV_LEADER_KILLED / GEV_LEADER_CAPTURED,
 *   game_add_faction -> GEV_FACTION_CREATED, game_set_relation -> GEV_RELATION_CHANGED (only
 *   when the relation really changes). game_end always logs GEV_VICTORY. */

int game_add_faction(Game *g, const char *id, const char *name, uint32_t color);
int game_add_unit(Game *g, int type, int faction, Hex h, int steps);
int game_add_leader(Game *g, const char *id, const char *name, int rating, int faction);
int game_attach_leader(Game *g, int leader, int unit);
void game_set_relation(Game *g, int fa, int fb, Relation r);    /* symmetric (VASSAL: fa is vassal of fb) */
Relation game_relation(const Game *g, int fa, int fb);
int game_set_unit_faction(Game *g, int unit, int faction);      /* defection; leader goes with it */
int game_set_place_owner(Game *g, int place, int faction);      /* no HOOK fired */
int game_remove_unit(Game *g, int unit);                        /* desertion / melts away; leader left unattached */
int game_damage_unit(Game *g, int unit, int steps);             /* loses steps; dies at 0 */
int game_set_leader_state(Game *g, int leader, LeaderState s);
int game_add_victory(Game *g, const VictoryCond *vc);
int game_log(Game *g, GameEventType type, int faction, const char *text, const char *note);
int game_ask_choice(Game *g, int faction, int id, const char *question,
                    const char (*options)[64], int n_options, int ai_default);
/* Ends the game now with winner (-1 draw) and outcome text. */
void game_end(Game *g, int winner, const char *outcome);
const char *game_event_type_id(GameEventType t); /* "defection", "rebellion", ... */

#endif

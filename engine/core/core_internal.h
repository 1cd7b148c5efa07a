/* core_internal.h - functions shared between the core's own .c files (game, move, combat,
 * supply, calendar, hash). Not part of the contract with the other libraries. */
#ifndef GYR_CORE_INTERNAL_H
#define GYR_CORE_INTERNAL_H
#include "game.h"

/* game.c */
void gamei_fire(Game *g, HookType type, int a, int b, int c, Hex hex);
void gamei_logf(Game *g, GameEventType type, int faction, const char *fmt, ...);
/* Kills a unit (alive = 0), handling its leader (capture on leader_die <= capture_leader_in6,
 * else escape or death); by = faction responsible; flags below. */
enum { GAMEI_KILL_LOG = 1, GAMEI_KILL_FIRE = 2 };
void gamei_kill_unit(Game *g, int unit, int by, int leader_die, int flags);
/* Checks the victory conditions that win at once; ends the game when one holds. */
void gamei_check_instant_victory(Game *g);
/* Marks factions with no units and no places as dead. */
void gamei_update_alive(Game *g);
/* Owner change of a place by play (move): logs, fires HOOK_PLACE_CAPTURED. */
void gamei_capture_place(Game *g, int place, int faction);
/* Whether faction sees hex h now (as game_visibility marks it), for one hex; 0 off the map. */
int gamei_hex_seen(const Game *g, int faction, Hex h);
/* Name of a unit for the log: its own name, its leader's, or its type. */
void gamei_unit_label(const Game *g, int unit, char *buf, int cap);

/* contact.c: units at war never share a hex; the side not holding it withdraws. */
void gamei_separate(Game *g);

/* move.c */
CmdResult movei_check(const Game *g, const Command *c);
void movei_apply(Game *g, const Command *c);
/* Step cost for a unit class from a to b (terrain, rivers, roads, season); no units. */
int movei_class_step_cost(const Game *g, UnitClass cls, Hex a, Hex b, int *stops);
int movei_step_cost_frozen(const Game *g, UnitClass cls, Hex a, Hex b, int frozen, int *stops);

/* combat.c */
void combati_apply(Game *g, const Command *c);

/* supply.c */
void supply_trace(Game *g, int faction);

/* calendar.c */
long calendar_jdn(int year, int month, int day);
void calendar_from_jdn(long jdn, int *year, int *month, int *day);

#endif

/* testmap.h - tiny maps and games for C tests: a map of one terrain, two factions at war,
 * units by type id, rivers, places and commands in one line each. Header-only (static
 * functions); every test program includes it from tests/common. */
#ifndef GYR_TESTMAP_H
#define GYR_TESTMAP_H
#include <string.h>
#include "game.h"
#include "move.h"
#include "combat.h"

enum { TM_JIN = 0, TM_LIAO = 1 };

/* The hex at offset column/row (the usual way to name hexes on a small test map). */
static inline Hex tm_at(int col, int row) { return hex_from_offset(col, row); }

/* A w*h map of one terrain; free with map_free. */
static inline Map *tm_map(int w, int h, Terrain fill) { return map_new(w, h, fill); }

/* A game on m with default rules, factions "jin" (0) and "liao" (1) at war, turn 1 of
 * 1 Sep 1114 (weekly turns, 20 turns), not yet started. Free with game_free. */
static inline Game *tm_game(const Map *m, uint64_t seed)
{
    Game *g = game_new(m, seed);
    if (!g) return NULL;
    game_add_faction(g, "jin", "Jin", 0xD55E00);
    game_add_faction(g, "liao", "Liao", 0x0072B2);
    game_set_relation(g, TM_JIN, TM_LIAO, REL_WAR);
    return g;
}

/* Adds a unit by type id ("heavy_cavalry", "horse_archers", "infantry", "levy",
 * "siege_train" with the default rules); -1 on failure. */
static inline int tm_unit(Game *g, const char *type, int faction, Hex h)
{
    return game_add_unit(g, rules_find_unit_type(&g->rules, type), faction, h, 0);
}

/* Puts a river (SIDE_RIVER_MINOR or SIDE_RIVER_MAJOR, plus SIDE_FORD/SIDE_BRIDGE) on the side
 * of h in direction dir. */
static inline void tm_river(Map *m, Hex h, int dir, uint8_t flags)
{
    int river = map_add_river(m, "Test river");
    map_set_side(m, h, dir, flags, (uint8_t)(river > 0 ? river : 0));
}

/* Adds a place of a kind at h; returns its index. */
static inline int tm_place(Map *m, const char *id, PlaceKind kind, Hex h)
{
    MapPlace p;
    memset(&p, 0, sizeof p);
    strncpy(p.id, id, MAP_ID_LEN - 1);
    strncpy(p.name, id, MAP_NAME_LEN - 1);
    if (p.name[0] >= 'a' && p.name[0] <= 'z') p.name[0] = (char)(p.name[0] - 'a' + 'A');
    p.kind = kind;
    p.hex = h;
    return map_add_place(m, &p);
}

static inline Command tm_move(int faction, int unit, Hex to)
{
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_MOVE;
    c.faction = faction;
    c.unit = unit;
    c.to = to;
    return c;
}

/* An attack on target by n units (listed, the first one leads). */
static inline Command tm_attack(int faction, Hex target, int n, const int *units)
{
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_ATTACK;
    c.faction = faction;
    c.to = target;
    c.n_attackers = n;
    for (int i = 0; i < n && i < GAME_MAX_ATTACKERS; i++) c.attackers[i] = units[i];
    return c;
}

static inline Command tm_end(int faction)
{
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_END_TURN;
    c.faction = faction;
    return c;
}

static inline Command tm_choose(int faction, int option)
{
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_CHOOSE;
    c.faction = faction;
    c.choice = option;
    return c;
}

/* The cost the unit would pay to reach h this turn, -1 when it cannot (allocates a Reach). */
static inline int tm_reach_cost(const Game *g, int unit, Hex h)
{
    Reach *r = reach_new(g->map);
    if (!r) return -2;
    move_reach(g, unit, r, NULL);
    int c = map_in_bounds(g->map, h) ? r->cost[map_index(g->map, h)] : -1;
    reach_free(r);
    return c;
}

#endif

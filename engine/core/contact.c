/* contact.c - enemies never share a hex. A relation turned to war, a defection or a rising
 * can leave units of two warring factions in one hex; after every command (and its scripted
 * events) the side that holds the hex stays and the other withdraws to the nearest free hex.
 * Integers and index order only, so the same state always separates the same way. */
#include <string.h>
#include "core_internal.h"

#define CONTACT_RINGS 4
#define CONTACT_CAP 32

/* Whether unit u may stand at h: land it can enter, no unit at war with it, room in the stack. */
static int can_stand(const Game *g, int u, Hex h)
{
    if (!map_in_bounds(g->map, h) || map_is_water(g->map, h)) return 0;
    int cls = g->rules.unit_types[g->units[u].type].cls;
    if (g->rules.terrain[map_terrain(g->map, h)].move_cost[cls] >= MOVE_IMPASSABLE) return 0;
    int here[CONTACT_CAP];
    int n = game_units_at(g, h, here, CONTACT_CAP);
    for (int i = 0; i < n; i++)
        if (game_is_enemy(g, g->units[u].faction, g->units[here[i]].faction)) return 0;
    return n < g->rules.stack_limit;
}

/* Total steps of the units in list that are friends of faction f (f itself included). */
static int party_steps(const Game *g, const int *list, int n, int f)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        if (game_is_friend(g, f, g->units[list[i]].faction)) s += g->units[list[i]].steps;
    return s;
}

/* Which faction keeps hex h among the units in list: the side of the place's owner, else the
 * side with more steps, else the side of the lowest-numbered unit. */
static int holder(const Game *g, Hex h, const int *list, int n)
{
    int p = map_place_at(g->map, h);
    if (p >= 0 && g->places[p].owner >= 0)
        for (int i = 0; i < n; i++)
            if (game_is_friend(g, g->places[p].owner, g->units[list[i]].faction)) return g->units[list[i]].faction;
    int best = g->units[list[0]].faction, bs = party_steps(g, list, n, best);
    for (int i = 1; i < n; i++) {
        int f = g->units[list[i]].faction, s = party_steps(g, list, n, f);
        if (s > bs) { best = f; bs = s; }
    }
    return best;
}

/* Moves unit u out of h to the nearest hex it may stand in (rings in direction order), or
 * disbands it when there is none within CONTACT_RINGS. */
static void withdraw(Game *g, int u, Hex h)
{
    char label[96];
    gamei_unit_label(g, u, label, sizeof label);
    Hex ring[6 * CONTACT_RINGS];
    for (int r = 1; r <= CONTACT_RINGS; r++) {
        int n = hex_ring(h, r, ring, 6 * CONTACT_RINGS);
        for (int i = 0; i < n; i++) {
            if (!can_stand(g, u, ring[i])) continue;
            g->units[u].hex = ring[i];
            int p = map_place_at(g->map, h);
            if (p >= 0) gamei_logf(g, GEV_MESSAGE, g->units[u].faction, "%s withdraws from %s, now held by an enemy", label, g->map->places[p].name);
            else gamei_logf(g, GEV_MESSAGE, g->units[u].faction, "%s withdraws from a hex it shared with an enemy", label);
            return;
        }
    }
    gamei_logf(g, GEV_MESSAGE, g->units[u].faction, "%s is surrounded by enemies and lays down its arms", label);
    gamei_kill_unit(g, u, -1, 1, GAMEI_KILL_LOG);   /* a leader with it is taken */
}

/* Separates every hex where units at war with each other stand together, when a change
 * since the last call may have made one (moves and retreats never enter an enemy's hex). */
void gamei_separate(Game *g)
{
    if (!g->contact_dirty) return;
    g->contact_dirty = 0;
    for (int u = 0; u < g->n_units; u++) {
        const Unit *un = &g->units[u];
        if (!un->alive || !map_in_bounds(g->map, un->hex)) continue;
        int list[CONTACT_CAP];
        int n = game_units_at(g, un->hex, list, CONTACT_CAP), clash = 0;
        if (n > CONTACT_CAP) n = CONTACT_CAP;
        for (int i = 0; i < n && !clash; i++)
            for (int j = i + 1; j < n && !clash; j++)
                if (game_is_enemy(g, g->units[list[i]].faction, g->units[list[j]].faction)) clash = 1;
        if (!clash) continue;
        Hex h = un->hex;
        int keep = holder(g, h, list, n);
        for (int i = 0; i < n; i++)
            if (g->units[list[i]].alive && game_is_enemy(g, keep, g->units[list[i]].faction)) withdraw(g, list[i], h);
    }
}

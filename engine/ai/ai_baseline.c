/* ai_baseline.c - the simple computer player of the foundation issue: each unit in turn
 * attacks an adjacent enemy when the exact preview favours it, else moves toward the nearest
 * enemy-held objective place or enemy unit it knows of, then attacks again if it can.
 * No plans, no garrisons, no supply: the yardstick the default AI is measured against. */
#include <string.h>
#include "ai_internal.h"

/* The best single-unit attack for u on an adjacent seen enemy, when its expected losses
 * favour the attacker. Returns 1 and fills c when there is one. */
static int favourable_attack(Ai *ai, const Game *g, int u, Command *c)
{
    const Unit *un = &g->units[u];
    if (un->attacked) return 0;
    int best = 0, found = 0;
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex h = hex_neighbor(un->hex, d);
        if (!ai_enemy_at(ai, g, h)) continue;
        Command t;
        memset(&t, 0, sizeof t);
        t.type = CMD_ATTACK;
        t.faction = ai->faction;
        t.to = h;
        t.n_attackers = 1;
        t.attackers[0] = u;
        CombatPreview p;
        if (ai_preview(ai, g, &t, &p) != CMD_OK) continue;
        int gain = p.exp_def_loss_x100 - p.exp_att_loss_x100;
        if (gain > 0 && (!found || gain > best)) { best = gain; *c = t; found = 1; }
    }
    return found;
}

/* Hexes the baseline heads for: objective places (from the victory conditions, else every
 * place) that an enemy or nobody holds, and enemy units it sees. */
static int targets(Ai *ai, const Game *g, Hex *out, int cap)
{
    int n = 0, any_vc = 0;
    for (int i = 0; i < g->n_victory && n < cap; i++) {
        const VictoryCond *vc = &g->victory[i];
        if (vc->type != VC_TAKE_PLACE && vc->type != VC_HOLD_PLACE) continue;
        if (vc->target < 0 || vc->target >= g->map->n_places) continue;
        any_vc = 1;
        if (ai_place_capturable(g, ai->faction, vc->target)) out[n++] = g->map->places[vc->target].hex;
    }
    if (!any_vc)
        for (int p = 0; p < g->map->n_places && n < cap; p++) {
            int o = g->places[p].owner;
            if (o >= 0 && game_is_enemy(g, ai->faction, o)) out[n++] = g->map->places[p].hex;
        }
    for (int u = 0; u < g->n_units && n < cap; u++) {
        const Unit *un = &g->units[u];
        if (un->alive && game_is_enemy(g, ai->faction, un->faction) && ai_sees_unit(ai, g, u))
            out[n++] = un->hex;
    }
    return n;
}

static int nearest(const Hex *t, int nt, Hex h)
{
    int best = AI_INF;
    for (int i = 0; i < nt; i++) {
        int d = hex_distance(t[i], h);
        if (d < best) best = d;
    }
    return best;
}

/* A move for u that brings it nearest to a target (ties: cheaper, then lower index). */
static int move_toward(Ai *ai, const Game *g, int u, const Hex *t, int nt, Command *c)
{
    if (nt == 0 || g->units[u].mp <= 0) return 0;
    Reach *r = ai->reach;
    ai_reach(ai, g, u, r);
    int here = nearest(t, nt, g->units[u].hex);
    int best = -1, bd = here, bc = 0;
    for (int i = 0; i < r->n_list; i++) {
        int ci = r->list[i];
        if (!move_can_end(g, r, u, ci)) continue;
        int d = nearest(t, nt, map_hex_at(g->map, ci));
        if (d < bd || (d == bd && best >= 0 && r->cost[ci] < bc)) { best = ci; bd = d; bc = r->cost[ci]; }
    }
    if (best < 0) return 0;
    memset(c, 0, sizeof *c);
    c->type = CMD_MOVE;
    c->faction = ai->faction;
    c->unit = u;
    c->to = map_hex_at(g->map, best);
    return 1;
}

/* The baseline's next command: units in index order, each attack / move / attack. */
Command ai_baseline_next(Ai *ai, const Game *g)
{
    game_visibility(g, ai->faction, ai->vis);
    Hex t[GAME_MAX_UNITS + MAP_MAX_PLACES];
    int nt = -1;
    for (int u = 0; u < g->n_units && u < GAME_MAX_UNITS; u++) {
        const Unit *un = &g->units[u];
        if (!un->alive || un->faction != ai->faction || ai->done[u]) continue;
        Command c;
        while (ai->stage[u] < 3) {
            int st = ai->stage[u]++;
            if (st == 0 || st == 2) {
                if (favourable_attack(ai, g, u, &c)) { ai->stage[u] = 3; return c; }
            } else {
                if (nt < 0) nt = targets(ai, g, t, (int)(sizeof t / sizeof t[0]));
                if (move_toward(ai, g, u, t, nt, &c)) return c;
            }
        }
        ai->done[u] = 1;
    }
    return ai_end_turn(ai);
}

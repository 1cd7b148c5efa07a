/* ai_random.c - the random player: each call takes a random unit that can still act and
 * gives it a random legal attack or move. Its own PCG stream is seeded from the game seed,
 * the faction and the turn: never the game's RNG, never a clock. */
#include <string.h>
#include "ai_internal.h"

/* A uniform draw in [0, n) from the AI's own generator. */
static int draw(Ai *ai, int n) { return n > 1 ? (int)rng_range(&ai->rng, (uint32_t)n) : 0; }

/* Units of the faction that can act and have not been given their command yet. */
static int candidates(const Ai *ai, const Game *g, int *out)
{
    int n = 0;
    for (int u = 0; u < g->n_units && u < GAME_MAX_UNITS; u++) {
        const Unit *un = &g->units[u];
        if (!un->alive || un->faction != ai->faction || ai->done[u]) continue;
        if (!game_unit_can_act(g, u)) continue;
        out[n++] = u;
    }
    return n;
}

/* A random attack by u on an adjacent visible enemy hex (other adjacent units may join);
 * returns 1 when one was built. */
static int random_attack(Ai *ai, const Game *g, int u, Command *c)
{
    const Unit *un = &g->units[u];
    if (un->attacked) return 0;
    Hex targets[HEX_DIRS];
    int nt = 0;
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex h = hex_neighbor(un->hex, d);
        if (ai_enemy_at(ai, g, h)) targets[nt++] = h;
    }
    if (nt == 0) return 0;
    memset(c, 0, sizeof *c);
    c->type = CMD_ATTACK;
    c->faction = ai->faction;
    c->to = targets[draw(ai, nt)];
    c->attackers[c->n_attackers++] = u;
    for (int v = 0; v < g->n_units && c->n_attackers < GAME_MAX_ATTACKERS; v++) {
        const Unit *o = &g->units[v];
        if (v == u || !o->alive || o->faction != ai->faction || o->attacked) continue;
        if (hex_distance(o->hex, c->to) != 1) continue;
        if (draw(ai, 2)) c->attackers[c->n_attackers++] = v;
    }
    return 1;
}

/* A random legal destination for u; returns 1 when there is one. */
static int random_move(Ai *ai, const Game *g, int u, Command *c)
{
    if (g->units[u].mp <= 0) return 0;
    Reach *r = ai->reach;
    ai_reach(ai, g, u, r);
    int n = 0;
    for (int i = 0; i < r->n_list; i++)
        if (move_can_end(g, r, u, r->list[i])) n++;
    if (n == 0) return 0;
    int k = draw(ai, n);
    for (int i = 0; i < r->n_list; i++) {
        if (!move_can_end(g, r, u, r->list[i])) continue;
        if (k-- == 0) {
            memset(c, 0, sizeof *c);
            c->type = CMD_MOVE;
            c->faction = ai->faction;
            c->unit = u;
            c->to = map_hex_at(g->map, r->list[i]);
            return 1;
        }
    }
    return 0;
}

/* The random player's next command; ends the turn when every unit has had its go. */
Command ai_random_next(Ai *ai, const Game *g)
{
    if (ai->phase == PH_START) {
        rng_seed(&ai->rng, g->seed * 0x9E3779B97F4A7C15ULL + (uint64_t)ai->faction * 1000003ULL +
                 (uint64_t)g->turn * 7919ULL + 1);
        ai->phase = PH_MOVE;
        game_visibility(g, ai->faction, ai->vis);
    }
    int cand[GAME_MAX_UNITS];
    for (;;) {
        int n = candidates(ai, g, cand);
        if (n == 0) return ai_end_turn(ai);
        int u = cand[draw(ai, n)];
        Command c;
        int attack_first = draw(ai, 3) == 0;
        if (attack_first && random_attack(ai, g, u, &c)) { ai->done[u] = 1; return c; }
        if (random_move(ai, g, u, &c)) { ai->done[u] = 1; return c; }
        if (random_attack(ai, g, u, &c)) { ai->done[u] = 1; return c; }
        ai->done[u] = 1;
    }
}

/* supply.c - supply tracing at the start of a faction's turn: a multi-source Dijkstra over
 * infantry movement costs from the supply-source places held by the faction or its friends,
 * within rules.supply_range, not through enemy units nor enemy ZOC unless a friendly unit
 * stands there. Rivers cost their crossing but never cut supply. */
#include <stdlib.h>
#include <string.h>
#include "core_internal.h"

typedef struct { int cost, index; } Node;

static int node_less(Node a, Node b) { return a.cost < b.cost || (a.cost == b.cost && a.index < b.index); }

static void push(Node *h, int *n, Node x)
{
    int i = (*n)++;
    h[i] = x;
    while (i > 0 && node_less(h[i], h[(i - 1) / 2])) {
        Node t = h[i]; h[i] = h[(i - 1) / 2]; h[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static Node pop(Node *h, int *n)
{
    Node top = h[0];
    h[0] = h[--(*n)];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < *n && node_less(h[l], h[m])) m = l;
        if (r < *n && node_less(h[r], h[m])) m = r;
        if (m == i) break;
        Node t = h[i]; h[i] = h[m]; h[m] = t;
        i = m;
    }
    return top;
}

/* Sets units[].supplied for every alive unit of faction. When memory runs out every unit
 * counts as supplied (lenient rather than punishing; the core has no log channel). */
void supply_trace(Game *g, int faction)
{
    const Map *m = g->map;
    int n = map_count(m);
    int *cost = malloc((size_t)n * sizeof *cost);
    uint8_t *blk = calloc((size_t)n, 1);     /* 1 enemy unit, 2 enemy ZOC, 4 friendly unit */
    Node *heap = malloc(((size_t)n * 6 + 8 + (size_t)m->n_places) * sizeof *heap);
    if (!cost || !blk || !heap) {
        for (int i = 0; i < g->n_units; i++)
            if (g->units[i].alive && g->units[i].faction == faction) g->units[i].supplied = 1;
        free(cost); free(blk); free(heap);
        return;
    }
    for (int i = 0; i < n; i++) cost[i] = -1;
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || !map_in_bounds(m, u->hex)) continue;
        int idx = map_index(m, u->hex);
        if (game_is_friend(g, faction, u->faction)) { blk[idx] |= 4; continue; }
        if (!game_is_enemy(g, faction, u->faction)) continue;
        blk[idx] |= 1;
        if (!g->rules.unit_types[u->type].zoc || map_is_water(m, u->hex)) continue;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex nb = hex_neighbor(u->hex, d);
            if (map_in_bounds(m, nb)) blk[map_index(m, nb)] |= 2;
        }
    }
    int hn = 0;
    for (int p = 0; p < m->n_places; p++) {
        if (!g->places[p].supply_source || !game_is_friend(g, faction, g->places[p].owner)) continue;
        if (!map_in_bounds(m, m->places[p].hex)) continue;
        int idx = map_index(m, m->places[p].hex);
        if ((blk[idx] & 1) || cost[idx] == 0) continue;
        cost[idx] = 0;
        Node x = { 0, idx };
        push(heap, &hn, x);
    }
    int range = g->rules.supply_range, frozen = game_rivers_frozen(g);
    while (hn > 0) {
        Node x = pop(heap, &hn);
        if (x.cost != cost[x.index]) continue;
        Hex h = map_hex_at(m, x.index);
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex nb = hex_neighbor(h, d);
            if (!map_in_bounds(m, nb)) continue;
            int ni = map_index(m, nb);
            if (blk[ni] & 1) continue;
            if ((blk[ni] & 2) && !(blk[ni] & 4)) continue;
            int step = movei_step_cost_frozen(g, UC_INFANTRY, h, nb, frozen, NULL);
            if (step >= MOVE_IMPASSABLE) continue;
            int nc = x.cost + step;
            if (nc > range) continue;
            if (cost[ni] < 0 || nc < cost[ni]) {
                cost[ni] = nc;
                Node y = { nc, ni };
                push(heap, &hn, y);
            }
        }
    }
    for (int i = 0; i < g->n_units; i++) {
        Unit *u = &g->units[i];
        if (!u->alive || u->faction != faction) continue;
        u->supplied = map_in_bounds(m, u->hex) && cost[map_index(m, u->hex)] >= 0;
    }
    free(cost); free(blk); free(heap);
}

/* standing.c - each side's standing (standing.h): counts over units and places, no state
 * written. */
#include "standing.h"
#include <string.h>

void game_standing(const Game *g, int f, GameStanding *out)
{
    memset(out, 0, sizeof *out);
    if (f < 0 || f >= g->n_factions) return;
    for (int u = 0; u < g->n_units; u++) {
        if (g->units[u].faction != f) continue;
        out->units_total++;
        if (g->units[u].alive) {
            out->units++;
            out->strength += game_unit_strength(g, u);
        }
    }
    for (int p = 0; p < g->map->n_places; p++)
        if (g->places[p].owner == f) {
            out->places++;
            out->place_points += g->places[p].vp;
        }
    out->score = g->factions[f].score;
    out->points = out->score + out->place_points;
}

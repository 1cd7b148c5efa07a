/* tournament.c - many seeded headless games of one scenario between computer players, for
 * scenario designers and teachers: who wins how often (with a 95% Wilson interval), how long
 * games last, and which scripted events fire. Floats only for the printed statistics. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tournament.h"
#include "session.h"
#include "json.h"

typedef struct Side { char id[GAME_ID_LEN]; char ai[16]; int wins; } Side;

/* The 95% Wilson score interval for wins out of n, in parts per million. */
void tournament_wilson(int wins, int n, int *low_ppm, int *high_ppm)
{
    if (n <= 0) { *low_ppm = 0; *high_ppm = 1000000; return; }
    const double z = 1.959963984540054;
    double p = (double)wins / n, z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z * sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
    double lo = centre - half, hi = centre + half;
    if (lo < 0) lo = 0;
    if (hi > 1) hi = 1;
    *low_ppm = (int)floor(lo * 1e6 + 0.5);
    *high_ppm = (int)floor(hi * 1e6 + 0.5);
}

/* Finds or adds the side with this faction id. */
static int side_index(Side *sides, int *n, const char *id, const char *ai)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(sides[i].id, id) == 0) return i;
    if (*n >= GAME_MAX_FACTIONS * 2) return -1;
    Side *s = &sides[(*n)++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", id);
    snprintf(s->ai, sizeof s->ai, "%s", ai);
    return *n - 1;
}

/* Plays the games and prints the table; 0 on success, 1 with a reason on stderr. */
int tournament_run(const char *scenario, int games, const char *ai_spec, int json, uint64_t first_seed)
{
    if (!scenario || !*scenario) { fprintf(stderr, "tournament: no scenario given\n"); return 1; }
    if (games < 1 || games > 100000) { fprintf(stderr, "tournament: --games must be 1..100000\n"); return 1; }
    const char *spec = (ai_spec && *ai_spec) ? ai_spec : "all";
    Side sides[GAME_MAX_FACTIONS * 2];
    int n_sides = 0, draws = 0;
    long events[GEV_TYPE_COUNT] = { 0 };
    long turns_sum = 0;
    char id[GAME_ID_LEN] = "";
    for (int k = 0; k < games; k++) {
        char err[512] = "";
        uint64_t seed = first_seed + (uint64_t)k;
        Session *s = session_new(scenario, seed, spec, 1, err, sizeof err);
        if (!s) { fprintf(stderr, "tournament: %s\n", err[0] ? err : "cannot start the scenario"); return 1; }
        if (!id[0]) snprintf(id, sizeof id, "%s", s->info.id[0] ? s->info.id : scenario);
        Game *g = s->game;
        /* the playable sides, in faction order, with the computer player each has */
        for (int f = 0; f < g->n_factions; f++) {
            if (!g->factions[f].playable) continue;
            int kind = s->ai_kind[f];
            side_index(sides, &n_sides, g->factions[f].id, kind >= 0 ? ai_kind_id((AiKind)kind) : "human");
        }
        int limit = g->max_turns > 0 ? g->max_turns + 1 : 500;
        session_run_ai(s, limit);
        g = s->game;
        if (!g->over) {
            session_free(s);
            fprintf(stderr, "tournament: game with seed %" PRIu64 " stopped before its end (is every side a computer?)\n", seed);
            return 1;
        }
        turns_sum += g->turn;
        if (g->winner >= 0 && g->winner < g->n_factions) {
            const Faction *w = &g->factions[g->winner];
            int kind = s->ai_kind[g->winner];
            int i = side_index(sides, &n_sides, w->id, kind >= 0 ? ai_kind_id((AiKind)kind) : "human");
            if (i >= 0) sides[i].wins++;
        } else {
            draws++;
        }
        for (int i = 0; i < g->n_log; i++)
            if (g->log[i].type >= 0 && g->log[i].type < GEV_TYPE_COUNT) events[g->log[i].type]++;
        session_free(s);
    }
    double mean = (double)turns_sum / games;
    if (json) {
        printf("{\"scenario\":");
        json_str(stdout, id);
        printf(",\"games\":%d,\"mean_turns\":%.2f,\"draws\":%d,\"sides\":[", games, mean, draws);
        for (int i = 0; i < n_sides; i++) {
            int lo, hi;
            tournament_wilson(sides[i].wins, games, &lo, &hi);
            printf("%s{\"id\":", i ? "," : "");
            json_str(stdout, sides[i].id);
            printf(",\"ai\":");
            json_str(stdout, sides[i].ai);
            printf(",\"wins\":%d,\"win_rate\":%.4f,\"ci95\":[%.4f,%.4f]}", sides[i].wins,
                   (double)sides[i].wins / games, lo / 1e6, hi / 1e6);
        }
        printf("],\"events\":{");
        int first = 1;
        for (int t = 0; t < GEV_TYPE_COUNT; t++) {
            if (!events[t]) continue;
            printf("%s", first ? "" : ",");
            json_str(stdout, game_event_type_id((GameEventType)t));
            printf(":%ld", events[t]);
            first = 0;
        }
        printf("}}\n");
    } else {
        printf("tournament: %s, %d games (seeds %" PRIu64 "..%" PRIu64 "), ai %s\n", id, games,
               first_seed, first_seed + (uint64_t)games - 1, spec);
        printf("%-16s %-9s %6s %9s  %s\n", "side", "ai", "wins", "win rate", "95% interval");
        for (int i = 0; i < n_sides; i++) {
            int lo, hi;
            tournament_wilson(sides[i].wins, games, &lo, &hi);
            printf("%-16s %-9s %6d %8.1f%%  [%.1f%%, %.1f%%]\n", sides[i].id, sides[i].ai, sides[i].wins,
                   100.0 * sides[i].wins / games, lo / 1e4, hi / 1e4);
        }
        printf("draws: %d\nmean length: %.2f turns\nevents (total over all games, per game):\n", draws, mean);
        for (int t = 0; t < GEV_TYPE_COUNT; t++)
            if (events[t])
                printf("  %-18s %7ld  %7.2f\n", game_event_type_id((GameEventType)t), events[t],
                       (double)events[t] / games);
    }
    return 0;
}

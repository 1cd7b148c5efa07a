/* bench.c - the benchmark: map and scenario load, a --where query, one unit's reachable set
 * on the theatre map, one combat preview, one computer turn with about 100 units, a whole
 * 50-turn computer game, verifying its replay, frame times of the map view, the time to the
 * main menu, and peak memory. Wall-clock figures: medians over repeats; never asserted. */
#include "bench.h"
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "combat.h"
#include "mapio.h"
#include "move.h"
#include "proj.h"
#include "session.h"
#include "ui_render.h"

extern char **environ;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n ? v[n / 2] : 0;
}

/* The bench scenario: about 100 units on the theatre map, 50 turns. */
static const char *bench_scenario(char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/scripts/bench/theatre100.lua", lscript_data_dir());
    return buf;
}

/* Read a whole file; caller frees. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    fclose(f);
    if (b) { b[n] = 0; *len = (size_t)n; }
    return b;
}

/* Time from starting the program to its first main-menu frame (it exits right after it when
 * GYR_MENU_BENCH is set), median of 5 runs, in ms; -1 when it cannot be run. */
static double menu_start_ms(void)
{
    double v[5];
    int n = 0;
    char *argv[] = { "gyrfalcon", NULL };
    setenv("GYR_MENU_BENCH", "1", 1);
    if (!getenv("SDL_VIDEODRIVER")) setenv("SDL_VIDEODRIVER", "offscreen", 1);
    for (int i = 0; i < 5; i++) {
        pid_t pid;
        double t0 = now_ms();
        if (posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ)) break;
        int st;
        if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) break;
        v[n++] = now_ms() - t0;
    }
    unsetenv("GYR_MENU_BENCH");
    return n ? median(v, n) : -1;
}

int bench_run(int json)
{
    /* SDL's offscreen driver complains without a runtime dir; the bench needs no display */
    if (!getenv("XDG_RUNTIME_DIR")) setenv("XDG_RUNTIME_DIR", "/tmp", 1);
    char err[1024], path[1200];
    /* map load */
    snprintf(path, sizeof path, "%s/maps/theatre.map", lscript_data_dir());
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text) { fprintf(stderr, "gyrfalcon: cannot read %s\n", path); return 1; }
    double v[64];
    for (int i = 0; i < 9; i++) {
        double t0 = now_ms();
        Map *m = mapio_parse(text, len, path, err, sizeof err);
        v[i] = now_ms() - t0;
        if (!m) { fprintf(stderr, "gyrfalcon: %s\n", err); free(text); return 1; }
        map_free(m);
    }
    free(text);
    double map_load_ms = median(v, 9);
    const Map *map = lscript_theatre(err, sizeof err);
    if (!map) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
    /* --where */
    double t0 = now_ms();
    int hits = 0;
    for (int i = 0; i < 10000; i++) {
        Hex h = proj_latlon_to_hex(map, 40.0 + (i % 100) * 0.1, 110.0 + (i / 100) * 0.2);
        hits += map_in_bounds(map, h);
    }
    double where_us = (now_ms() - t0) * 1000.0 / 10000;

    /* scenario load */
    const char *scen = bench_scenario(path, sizeof path);
    for (int i = 0; i < 5; i++) {
        Game *g;
        double t1 = now_ms();
        LScript *ls = lscript_load(scen, 1, &g, err, sizeof err);
        v[i] = now_ms() - t1;
        if (!ls) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
        lscript_free(ls);
    }
    double scenario_load_ms = median(v, 5);

    Session *s = session_new(scen, 7, "all", 1, err, sizeof err);
    if (!s) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
    Game *g = s->game;
    int units = 0, cav = -1;
    for (int u = 0; u < g->n_units; u++) {
        if (!g->units[u].alive) continue;
        units++;
        UnitClass c = g->rules.unit_types[g->units[u].type].cls;
        if (cav < 0 && g->units[u].faction == g->active && (c == UC_HORSE_ARCHERS || c == UC_HEAVY_CAV)) cav = u;
    }
    if (cav < 0) cav = 0;
    /* reachable set */
    Reach *r = reach_new(map);
    int reps = 2000;
    double rv[2000];
    for (int i = 0; i < reps; i++) {
        double t1 = now_ms();
        move_reach(g, cav, r, NULL);
        rv[i] = (now_ms() - t1) * 1000.0;
    }
    double reach_us = median(rv, reps);
    int reach_hexes = r->n_list;
    reach_free(r);
    /* combat preview: the first legal attack we can find between adjacent enemies, else a
     * synthetic one in a clone */
    Game *cg = game_clone(g);
    Command ac;
    memset(&ac, 0, sizeof ac);
    ac.type = CMD_ATTACK;
    ac.faction = cg->active;
    int found = 0;
    for (int u = 0; u < cg->n_units && !found; u++) {
        Unit *un = &cg->units[u];
        if (!un->alive || un->faction != cg->active) continue;
        for (int e = 0; e < cg->n_units && !found; e++) {
            Unit *en = &cg->units[e];
            if (!en->alive || !game_is_enemy(cg, un->faction, en->faction)) continue;
            for (int d = 0; d < HEX_DIRS && !found; d++) {
                Hex h = hex_neighbor(en->hex, d);
                if (!map_in_bounds(map, h) || map_is_water(map, h)) continue;
                int occ[8];
                if (game_units_at(cg, h, occ, 8) > 0) continue;
                un->hex = h;
                ac.n_attackers = 1; ac.attackers[0] = u; ac.to = en->hex;
                if (combat_check(cg, &ac) == CMD_OK) found = 1;
            }
        }
    }
    double preview_us = -1;
    if (found) {
        CombatPreview p;
        for (int i = 0; i < reps; i++) {
            double t1 = now_ms();
            combat_preview(cg, &ac, &p);
            rv[i] = (now_ms() - t1) * 1000.0;
        }
        preview_us = median(rv, reps);
    }
    game_free(cg);
    /* one whole computer turn (every side), repeated on clones of the start */
    double turn_v[5];
    for (int i = 0; i < 5; i++) {
        Session *t = session_new(scen, 100 + (uint64_t)i, "all", 1, err, sizeof err);
        if (!t) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
        int f0 = t->game->active;
        double t1 = now_ms();
        while (!t->game->over && t->game->active == f0 && session_ai_to_act(t)) session_ai_step(t, NULL);
        turn_v[i] = now_ms() - t1;
        session_free(t);
    }
    double ai_turn_ms = median(turn_v, 5);
    /* a whole 50-turn computer game, then verify its replay */
    double t2 = now_ms();
    session_run_ai(s, 50);
    double ai_game_ms = now_ms() - t2;
    int turns = s->game->turn;
    char rec_path[256];
    snprintf(rec_path, sizeof rec_path, "/tmp/gyrfalcon-bench-%d.rec", (int)getpid());
    if (session_save(s, rec_path, err, sizeof err)) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
    double vv[5];
    for (int i = 0; i < 5; i++) {
        double t1 = now_ms();
        Session *ver = session_load(rec_path, err, sizeof err);
        vv[i] = now_ms() - t1;
        if (!ver) { fprintf(stderr, "gyrfalcon: bench replay did not verify: %s\n", err); remove(rec_path); return 1; }
        session_free(ver);
    }
    remove(rec_path);
    double replay_verify_ms = median(vv, 5);
    session_free(s);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double peak_mib = (double)ru.ru_maxrss / 1024.0;   /* headless: before any window code */
    /* the screen */
    double frame_med = -1, frame_p99 = -1;
    if (ui_bench_frames(1920, 1080, 240, &frame_med, &frame_p99) != 0) frame_med = frame_p99 = -1;
    double menu_ms = menu_start_ms();
    getrusage(RUSAGE_SELF, &ru);
    double peak_screen_mib = (double)ru.ru_maxrss / 1024.0;

    if (json) {
        printf("{\"map_load_ms\":%.3f,\"where_us\":%.3f,\"scenario_load_ms\":%.3f,\"reach_us\":%.2f,"
               "\"reach_hexes\":%d,\"preview_us\":%.2f,\"units\":%d,\"ai_turn_ms\":%.3f,\"ai_game_turns\":%d,"
               "\"ai_game_ms\":%.1f,\"replay_verify_ms\":%.3f,\"frame_ms_median\":%.3f,\"frame_ms_p99\":%.3f,"
               "\"menu_start_ms\":%.1f,\"peak_mib\":%.1f,\"peak_with_screen_mib\":%.1f}\n",
               map_load_ms, where_us, scenario_load_ms, reach_us, reach_hexes, preview_us, units, ai_turn_ms,
               turns, ai_game_ms, replay_verify_ms, frame_med, frame_p99, menu_ms, peak_mib, peak_screen_mib);
    } else {
        printf("map load (theatre, %d hexes)      %8.3f ms\n", map_count(map), map_load_ms);
        printf("--where query                      %8.3f us   (%d/10000 on the map)\n", where_us, hits);
        printf("scenario load (%d units)          %8.3f ms\n", units, scenario_load_ms);
        printf("reachable set, one cavalry unit    %8.2f us   (%d hexes)\n", reach_us, reach_hexes);
        printf("combat preview                     %8.2f us\n", preview_us);
        printf("one computer turn (%d units)      %8.3f ms\n", units, ai_turn_ms);
        printf("computer game, %d turns            %8.1f ms\n", turns, ai_game_ms);
        printf("verify its replay                  %8.3f ms\n", replay_verify_ms);
        printf("frame 1920x1080, software (median) %8.3f ms\n", frame_med);
        printf("frame 1920x1080, software (p99)    %8.3f ms\n", frame_p99);
        printf("start to main menu                 %8.1f ms\n", menu_ms);
        printf("peak memory, headless              %8.1f MiB\n", peak_mib);
        printf("peak memory, with the screen       %8.1f MiB\n", peak_screen_mib);
    }
    return 0;
}

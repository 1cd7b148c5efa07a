/* main.c - the command line: parses flags and runs one mode (window, headless, replay,
 * check, list, screenshot, map picture, map queries, benchmark, tournament). Only this layer
 * decides to exit; every mode returns 0 on success, non-zero with a one-line reason. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "headless.h"
#include "lscript.h"
#include "mapcmd.h"
#include "mapshot.h"
#include "tournament.h"
#include "ui_app.h"

static const char *HELP =
"gyrfalcon " GYR_VERSION " - a turn-based hex wargame of the Jin-Liao wars (1114-1125)\n"
"\n"
"usage:\n"
"  gyrfalcon                                   open the main menu\n"
"  gyrfalcon --scenario ID [--side S] [--seed N] [--ai SIDES]\n"
"                                              start a scenario in the window (S: a side id, or 'both' for hotseat)\n"
"  gyrfalcon --load FILE                       continue a saved game in the window\n"
"  gyrfalcon --list-scenarios [--all]          one line per scenario: id<TAB>title<TAB>years<TAB>sides, in\n"
"                                              historical order, then campaigns, then mods; --all adds test_ ones\n"
"  gyrfalcon --check FILE.lua                  validate a scenario; errors as FILE:LINE: message\n"
"  gyrfalcon --headless --scenario ID --seed N [--turns N] [--ai SIDES] [--record FILE] [--json] [--trace]\n"
"                                              play with computer players, no window; print a summary\n"
"  gyrfalcon --replay FILE [--verify] [--headless] [--json]\n"
"                                              play a replay back (window), or re-simulate it and check every hash\n"
"  gyrfalcon --screenshot OUT.png [--scenario ID] [--replay FILE] [--turn N] [--size WxH]\n"
"                                              render one frame offscreen to PNG\n"
"  gyrfalcon --map-png OUT.png [--size WxH]    render the whole theatre map\n"
"  gyrfalcon --where LAT LON                   the hex at a latitude/longitude, as JSON\n"
"  gyrfalcon --hex Q R                         a hex's centre, terrain, rivers and place, as JSON\n"
"  gyrfalcon --build-map                       rebuild maps/theatre.map from the geography in maps/*.geo\n"
"  gyrfalcon --bench [--json]                  run the performance benchmark\n"
"  gyrfalcon --tournament --scenario ID --games N [--ai SIDES] [--seed N] [--json]\n"
"                                              play N seeded computer games; win rates with 95% intervals\n"
"  gyrfalcon --version | --help\n"
"\n"
"options:\n"
"  --ai SIDES      computer players: 'all', 'jin', or 'jin=default,liao=baseline' (kinds: default, baseline, random)\n"
"  --difficulty N  0 easy, 1 normal, 2 hard, 3 very hard (the computer never sees through the fog)\n"
"  --mod-dir DIR   extra folder of scenarios (default $XDG_DATA_HOME/gyrfalcon/mods)\n"
"  --data-dir DIR  the folder holding scripts/, maps/ and assets/ (default: found next to the program)\n"
"\n"
"Every mode exits 0 on success and non-zero with a one-line reason on stderr otherwise.\n";

typedef struct Args {
    const char *mode;           /* "window", "headless", ... */
    const char *scenario, *side, *ai, *record, *replay, *out, *load, *check;
    uint64_t seed; int have_seed;
    int turns, turn, games, json, verify, headless, difficulty, trace, all;
    int w, h;
    double lat, lon;
    int q, r;
} Args;

static int fail(const char *msg, const char *arg)
{
    if (arg) fprintf(stderr, "gyrfalcon: %s: %s (see gyrfalcon --help)\n", msg, arg);
    else fprintf(stderr, "gyrfalcon: %s (see gyrfalcon --help)\n", msg);
    return 2;
}

/* A mode's own one-line failure. */
static int fail_plain(const char *msg)
{
    fprintf(stderr, "gyrfalcon: %s\n", msg);
    return 1;
}

static int parse_int(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

static int parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (!*s || *end || errno) return -1;
    *out = v;
    return 0;
}

static int set_mode(Args *a, const char *m)
{
    if (a->mode && strcmp(a->mode, m)) {
        fprintf(stderr, "gyrfalcon: --%s cannot be combined with --%s (see gyrfalcon --help)\n", m, a->mode);
        return -1;
    }
    a->mode = m;
    return 0;
}

int main(int argc, char **argv)
{
    Args a;
    memset(&a, 0, sizeof a);
    a.difficulty = 1;
    a.seed = 1;
#define NEED(n) do { if (i + (n) >= argc) return fail("missing value after", argv[i]); } while (0)
#define MODE(m) do { if (set_mode(&a, m)) return 2; } while (0)
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        long v;
        if (!strcmp(s, "--help") || !strcmp(s, "-h")) { fputs(HELP, stdout); return 0; }
        else if (!strcmp(s, "--version")) { printf("gyrfalcon %s\n", GYR_VERSION); return 0; }
        else if (!strcmp(s, "--scenario")) { NEED(1); a.scenario = argv[++i]; }
        else if (!strcmp(s, "--side")) { NEED(1); a.side = argv[++i]; }
        else if (!strcmp(s, "--seed")) {
            NEED(1);
            char *end; errno = 0;
            unsigned long long u = strtoull(argv[++i], &end, 10);
            if (!*argv[i] || *end || errno || argv[i][0] == '-') return fail("bad seed", argv[i]);
            a.seed = u; a.have_seed = 1;
        }
        else if (!strcmp(s, "--turns")) { NEED(1); if (parse_int(argv[++i], 1, 100000, &v)) return fail("bad turn count", argv[i]); a.turns = (int)v; }
        else if (!strcmp(s, "--turn")) { NEED(1); if (parse_int(argv[++i], 1, 100000, &v)) return fail("bad turn", argv[i]); a.turn = (int)v; }
        else if (!strcmp(s, "--games")) { NEED(1); if (parse_int(argv[++i], 1, 1000000, &v)) return fail("bad game count", argv[i]); a.games = (int)v; }
        else if (!strcmp(s, "--difficulty")) { NEED(1); if (parse_int(argv[++i], 0, 3, &v)) return fail("bad difficulty (0-3)", argv[i]); a.difficulty = (int)v; }
        else if (!strcmp(s, "--ai")) { NEED(1); a.ai = argv[++i]; }
        else if (!strcmp(s, "--record")) { NEED(1); a.record = argv[++i]; }
        else if (!strcmp(s, "--json")) a.json = 1;
        else if (!strcmp(s, "--trace")) a.trace = 1;
        else if (!strcmp(s, "--verify")) a.verify = 1;
        else if (!strcmp(s, "--headless")) a.headless = 1;
        else if (!strcmp(s, "--mod-dir")) { NEED(1); lscript_set_mod_dir(argv[++i]); }
        else if (!strcmp(s, "--data-dir")) { NEED(1); lscript_set_data_dir(argv[++i]); }
        else if (!strcmp(s, "--size")) {
            NEED(1); i++;
            char x;
            if (sscanf(argv[i], "%dx%d%c", &a.w, &a.h, &x) != 2 || a.w < 64 || a.h < 64 || a.w > 16384 || a.h > 16384)
                return fail("bad size (expected WxH, 64..16384)", argv[i]);
        }
        else if (!strcmp(s, "--list-scenarios")) MODE("list-scenarios");
        else if (!strcmp(s, "--all")) a.all = 1;
        else if (!strcmp(s, "--check")) { NEED(1); MODE("check"); a.check = argv[++i]; }
        else if (!strcmp(s, "--load")) { NEED(1); MODE("load"); a.load = argv[++i]; }
        else if (!strcmp(s, "--replay")) { NEED(1); a.replay = argv[++i]; if (!a.mode) a.mode = "replay"; }
        else if (!strcmp(s, "--screenshot")) { NEED(1); a.mode = "screenshot"; a.out = argv[++i]; }
        else if (!strcmp(s, "--map-png")) { NEED(1); MODE("map-png"); a.out = argv[++i]; }
        else if (!strcmp(s, "--where")) {
            NEED(2); MODE("where");
            if (parse_double(argv[i + 1], &a.lat) || parse_double(argv[i + 2], &a.lon)) return fail("bad latitude/longitude", argv[i + 1]);
            i += 2;
        }
        else if (!strcmp(s, "--hex")) {
            NEED(2); MODE("hex");
            if (parse_int(argv[i + 1], -100000, 100000, &v)) return fail("bad hex q", argv[i + 1]);
            a.q = (int)v;
            if (parse_int(argv[i + 2], -100000, 100000, &v)) return fail("bad hex r", argv[i + 2]);
            a.r = (int)v;
            i += 2;
        }
        else if (!strcmp(s, "--build-map")) MODE("build-map");
        else if (!strcmp(s, "--bench")) MODE("bench");
        else if (!strcmp(s, "--tournament")) MODE("tournament");
        else return fail("unknown option", s);
    }
    const char *m = a.mode ? a.mode : (a.headless ? "headless" : "window");
    if (a.headless && !strcmp(m, "window")) m = "headless";
    if (a.trace && strcmp(m, "headless")) return fail("--trace works only with --headless --scenario ID", NULL);

    if (a.all && strcmp(m, "list-scenarios")) return fail("--all works only with --list-scenarios", NULL);
    if (!strcmp(m, "list-scenarios")) return headless_list_scenarios(a.all);
    if (!strcmp(m, "check")) return headless_check(a.check);
    if (!strcmp(m, "headless")) {
        if (!a.scenario) return fail("--headless needs --scenario ID", NULL);
        HeadlessOpts o = { a.scenario, a.seed, a.turns, a.ai, a.record, a.json, a.trace, a.difficulty };
        return headless_play(&o);
    }
    if (!strcmp(m, "replay")) {
        if (a.verify || a.headless) return headless_replay(a.replay, a.verify, a.json);
        UiLaunch l = { 0 };
        l.replay = a.replay;
        return ui_run(&l);
    }
    if (!strcmp(m, "screenshot")) {
        char err[1024];
        if (ui_screenshot(a.out, a.scenario, a.replay, a.turn, a.w ? a.w : 1280, a.h ? a.h : 800, err, sizeof err))
            return fail_plain(err);
        return 0;
    }
    if (!strcmp(m, "map-png")) {
        char err[1024];
        if (ui_map_png(a.out, a.w ? a.w : 2400, a.h ? a.h : 1600, err, sizeof err)) return fail_plain(err);
        return 0;
    }
    if (!strcmp(m, "where")) return mapcmd_where(a.lat, a.lon);
    if (!strcmp(m, "hex")) return mapcmd_hex(a.q, a.r);
    if (!strcmp(m, "build-map")) return mapcmd_build_cmd();
    if (!strcmp(m, "bench")) return bench_run(a.json);
    if (!strcmp(m, "tournament")) {
        if (!a.scenario) return fail("--tournament needs --scenario ID", NULL);
        return tournament_run(a.scenario, a.games ? a.games : 20, a.ai, a.json, a.have_seed ? a.seed : 1);
    }
    UiLaunch l = { 0 };
    l.scenario = a.scenario;
    l.side = a.side;
    l.seed = a.have_seed ? a.seed : 0;
    l.ai = a.ai;
    l.load = a.load;
    l.difficulty = a.difficulty;
    return ui_run(&l);
}

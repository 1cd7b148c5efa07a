/* fuzz_scenario.c - libFuzzer target for scenario files: the input is written to a temporary
 * .lua file, read for the menu (lscript_find_scenario), validated with lscript_check, then
 * loaded with lscript_load and, when it loads, started and played for a few turns of "end
 * turn" so its event handlers run. The sandbox's
 * instruction budget and memory cap must stop runaway scripts (libFuzzer's -timeout and
 * -malloc_limit_mb catch them otherwise). Built and run by test_fuzz_loaders.sh. */
#include <stdint.h>
#include "fuzz_common.h"
#include "game.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_setup();
    char err[256];
    if (!lscript_theatre(err, sizeof err)) { fprintf(stderr, "fuzz: %s\n", err); abort(); }
    return 0;
}

/* One input: check it, load it, and play a few turns of end-turn (answering choices with 0). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char report[16384];
    char err[1024];
    const char *path = fz_write("fuzz_scenario.lua", data, size);
    static ScenarioInfo info;
    (void)lscript_find_scenario(path, &info);      /* the menu's quick read of the metadata */
    int problems = lscript_check(path, report, sizeof report);
    if (problems < 0) abort();
    if (problems > 0 && !report[0]) { fprintf(stderr, "fuzz: lscript_check counted problems but wrote none\n"); abort(); }
    Game *g = NULL;
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    if (!s) {
        if (!err[0]) { fprintf(stderr, "fuzz: lscript_load failed without a message\n"); abort(); }
        return 0;
    }
    if (!g) abort();
    game_start(g);
    for (int i = 0; i < 12 && !g->over; i++) {
        Command c;
        memset(&c, 0, sizeof c);
        if (g->choice.active) {
            c.type = CMD_CHOOSE;
            c.faction = g->choice.faction;
            c.choice = 0;
        } else {
            c.type = CMD_END_TURN;
            c.faction = g->active;
        }
        if (game_apply(g, &c) != CMD_OK) break;
    }
    (void)lscript_last_error(s);
    lscript_free(s);
    return 0;
}

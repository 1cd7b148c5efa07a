/* sthelp.h - helpers shared by the script host's tests: a scratch folder for scenario files,
 * a minimal scenario to append hostile or broken code to, and a loop that plays a game by
 * ending turns and answering choices with the computer's default. */
#ifndef GYR_STHELP_H
#define GYR_STHELP_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "lscript.h"

/* A tiny two-sided scenario on an inline 6x3 map; tests append their own lines to it. */
#define ST_BASE \
    "scenario { id = \"t_base\", title = \"Base\", years = \"1114\", sides = { \"a\", \"b\" }, turns = 3,\n" \
    "  map = { rows = { \"......\", \"......\", \"......\" }, places = { { id = \"p\", col = 2, row = 1 } } } }\n" \
    "faction { id = \"a\" }\n" \
    "faction { id = \"b\" }\n" \
    "relation(\"a\", \"b\", \"war\")\n" \
    "unit { type = \"infantry\", faction = \"a\", at = { col = 0, row = 0 } }\n" \
    "unit { type = \"infantry\", faction = \"b\", at = { col = 5, row = 2 } }\n" \
    "victory { faction = \"a\", type = \"take\", place = \"p\" }\n" \
    "victory { faction = \"b\", type = \"hold\", place = \"p\" }\n"

/* Points the host at the source tree (GYR_DATA_DIR, set by ctest) and a scratch folder. */
static inline const char *st_setup(void)
{
    static char dir[256];
    const char *data = getenv("GYR_DATA_DIR");
    if (data && *data) lscript_set_data_dir(data);
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/gyr-script-test-XXXXXX");
        if (!mkdtemp(dir)) dir[0] = 0;
    }
    return dir;
}

/* Writes text to dir/name and returns the path (static buffer, one per call site use). */
static inline const char *st_write(const char *name, const char *text)
{
    static char path[8][512];
    static int next;
    char *p = path[next++ % 8];
    snprintf(p, 512, "%.300s/%.200s", st_setup(), name);
    FILE *f = fopen(p, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return p;
}

/* ST_BASE followed by extra, written to dir/name. */
static inline const char *st_scenario(const char *name, const char *extra)
{
    size_t n = strlen(ST_BASE) + strlen(extra) + 2;
    char *buf = malloc(n);
    snprintf(buf, n, "%s%s\n", ST_BASE, extra);
    const char *p = st_write(name, buf);
    free(buf);
    return p;
}

/* Path of a file of the source tree. */
static inline const char *st_data(const char *rel)
{
    static char p[512];
    st_setup();
    snprintf(p, sizeof p, "%s/%s", lscript_data_dir(), rel);
    return p;
}

/* The command of a player who does nothing: answer a pending choice with ai_default, else
 * end the turn. */
static inline Command st_idle_command(const Game *g)
{
    Command c;
    memset(&c, 0, sizeof c);
    if (g->choice.active) {
        c.type = CMD_CHOOSE;
        c.faction = g->choice.faction;
        c.choice = g->choice.ai_default;
    } else {
        c.type = CMD_END_TURN;
        c.faction = g->active;
    }
    return c;
}

/* Plays by ending turns and answering choices with ai_default, up to max commands. */
static inline int st_play(Game *g, int max)
{
    int n = 0;
    while (!g->over && n < max) {
        Command c = st_idle_command(g);
        if (game_apply(g, &c) != CMD_OK) return -1;
        n++;
    }
    return n;
}

/* Index of the first log entry of type whose text contains needle, or -1. */
static inline int st_find_log(const Game *g, GameEventType type, const char *needle)
{
    for (int i = 0; i < g->n_log; i++)
        if (g->log[i].type == type && (!needle || strstr(g->log[i].text, needle))) return i;
    return -1;
}

#endif

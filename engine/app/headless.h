/* headless.h - the modes that run without a window: headless play with a summary, replay
 * verification, scenario listing and checking, and the summary printer shared by them. */
#ifndef GYR_HEADLESS_H
#define GYR_HEADLESS_H
#include <stdint.h>
#include <stdio.h>
#include "session.h"

typedef struct HeadlessOpts {
    const char *scenario;
    uint64_t seed;
    int turns;              /* 0 = play to the end */
    const char *ai;         /* NULL = all default */
    const char *record;     /* write the record here, or NULL */
    int json;
    int trace;              /* print every command and each side's roster as it plays */
    int difficulty;         /* 0-3: how the computer players play (kept in the record) */
} HeadlessOpts;

/* Each returns the process exit code and prints a one-line reason on stderr on failure. */
int headless_play(const HeadlessOpts *o);
int headless_replay(const char *path, int verify, int json);
int headless_list_scenarios(int all);   /* all: also the test_ scenarios */
int headless_check(const char *path);
/* The summary of a session: text, or one JSON object. */
void headless_summary(const Session *s, int json, FILE *f);

#endif

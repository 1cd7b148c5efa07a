/* test_mutated_inputs_never_crash.c - every loader given damaged copies of the real files (the
 * theatre map, a recorded game, the scenarios, the campaigns): bit flips, truncations, deleted,
 * duplicated and swapped lines, made by a fixed pseudo-random sequence so each run is the same.
 * Each must load or refuse cleanly with a message; a crash fails the program. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mapio.h"
#include "record.h"
#include "lscript.h"
#include "campaign.h"
#include "session.h"

/* ---------------------------------------------------------------- files and mutations */

typedef struct Text { char *p; size_t n; } Text;

/* Reads a whole file (NUL-terminated copy); fails the test when it cannot. */
static Text read_file(const char *path)
{
    Text t = { 0 };
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    assert_true(len > 0);
    t.p = malloc((size_t)len + 1);
    assert_non_null(t.p);
    assert_int_equal(fread(t.p, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    t.p[len] = 0;
    t.n = (size_t)len;
    return t;
}

/* A data file's path (GYR_DATA_DIR or the folder the script host finds). */
static const char *data_path(const char *rel)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", lscript_data_dir(), rel);
    return path;
}

/* xorshift64: the fixed sequence of mutations. */
static uint64_t mut_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Start and length of line k (0-based) of t, or -1 when there is no such line. */
static int line_span(const Text *t, size_t k, size_t *start, size_t *len)
{
    size_t i = 0, line = 0;
    while (i < t->n && line < k) { if (t->p[i] == '\n') line++; i++; }
    if (i >= t->n) return -1;
    size_t e = i;
    while (e < t->n && t->p[e] != '\n') e++;
    *start = i;
    *len = e - i + (e < t->n ? 1 : 0);   /* with its newline */
    return 0;
}

static size_t count_lines(const Text *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++) n += t->p[i] == '\n';
    return n + (t->n && t->p[t->n - 1] != '\n');
}

/* Mutation number i of src (kind i % 6: bit flip, 1-4 bit flips, truncation, line deleted,
 * line duplicated, two lines swapped). Returns a new NUL-terminated text (caller frees). */
static Text mutate(const Text *src, int i, uint64_t *rng)
{
    Text t = { malloc(src->n * 2 + 2), src->n };
    assert_non_null(t.p);
    memcpy(t.p, src->p, src->n);
    size_t lines = count_lines(src);
    switch (i % 6) {
    case 0:
    case 1: {
        int flips = i % 6 == 0 ? 1 : 1 + (int)(mut_next(rng) % 4);
        for (int f = 0; f < flips; f++) t.p[mut_next(rng) % t.n] ^= (char)(1u << (mut_next(rng) % 8));
        break;
    }
    case 2:
        t.n = mut_next(rng) % src->n;
        break;
    case 3: {
        size_t s, l;
        if (line_span(src, mut_next(rng) % lines, &s, &l) == 0) {
            memmove(t.p + s, src->p + s + l, src->n - s - l);
            t.n = src->n - l;
        }
        break;
    }
    case 4: {
        size_t s, l;
        if (line_span(src, mut_next(rng) % lines, &s, &l) == 0) {
            memcpy(t.p + s + l, src->p + s, src->n - s);   /* the line, then the rest again */
            t.n = src->n + l;
        }
        break;
    }
    default: {
        size_t a = mut_next(rng) % lines, b = mut_next(rng) % lines, sa, la, sb, lb;
        if (a > b) { size_t x = a; a = b; b = x; }
        if (a != b && line_span(src, a, &sa, &la) == 0 && line_span(src, b, &sb, &lb) == 0 &&
            src->p[sb + lb - 1] == '\n') {
            size_t o = sa;
            memcpy(t.p + o, src->p + sb, lb); o += lb;
            memcpy(t.p + o, src->p + sa + la, sb - sa - la); o += sb - sa - la;
            memcpy(t.p + o, src->p + sa, la);
        }
        break;
    }
    }
    t.p[t.n] = 0;
    return t;
}

/* Asserts err reads "NAME:LINE: message". */
static void assert_located(const char *err, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(err, name, n) != 0 || err[n] != ':' || err[n + 1] < '0' || err[n + 1] > '9')
        fail_msg("error does not read \"%s:LINE: message\": \"%s\"", name, err);
    const char *p = err + n + 1;
    while (*p >= '0' && *p <= '9') p++;
    if (p[0] != ':' || p[1] != ' ' || !p[2]) fail_msg("error does not read \"%s:LINE: message\": \"%s\"", name, err);
}

static char tmp_dir[512];       /* made on first use, removed at the end */

/* A temporary file holding t; returns its path (static buffer). */
static const char *write_temp(const Text *t, const char *name)
{
    static char path[600];
    char *dir = tmp_dir;
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof tmp_dir, "%s/gyr-mutated-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        assert_non_null(mkdtemp(dir));
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(t->p, 1, t->n, f), t->n);
    assert_int_equal(fclose(f), 0);
    return path;
}

/* ---------------------------------------------------------------- the rules */

static void test_damaged_map_files_load_or_name_the_bad_line(void **st)
{
    (void)st;
    Text src = read_file(data_path("maps/theatre.map"));
    uint64_t rng = 0x9e3779b97f4a7c15ULL;
    int refused = 0;
    for (int i = 0; i < 600; i++) {
        Text t = mutate(&src, i, &rng);
        char err[256] = "";
        Map *m = mapio_parse(t.p, t.n, "theatre.map", err, sizeof err);
        if (m) map_free(m);
        else { assert_located(err, "theatre.map"); refused++; }
        free(t.p);
    }
    assert_true(refused > 100);     /* the mutations do damage: most are refused */
    free(src.p);
}

/* The text of a whole recorded game of test_skirmish (seed 1, computer against computer). */
static Text recorded_game(void)
{
    char err[512];
    Session *s = session_new("test_skirmish", 1, "all", 1, err, sizeof err);
    if (!s) fail_msg("%s", err);
    session_run_ai(s, 0);
    Text t;
    t.p = record_to_text(&s->rec, &t.n);
    assert_non_null(t.p);
    session_free(s);
    return t;
}

static void test_damaged_records_parse_or_name_the_bad_line(void **st)
{
    (void)st;
    Text src = recorded_game();
    uint64_t rng = 0x2545f4914f6cdd1dULL;
    static Record r;
    int refused = 0;
    for (int i = 0; i < 3000; i++) {
        Text t = mutate(&src, i, &rng);
        char err[512] = "";
        if (record_parse(&r, t.p, t.n, "game.sav", err, sizeof err) == 0) record_free(&r);
        else { assert_located(err, "game.sav"); refused++; }
        free(t.p);
    }
    assert_true(refused > 100);
    free(src.p);
}

static void test_damaged_replays_replay_or_are_refused_with_a_message(void **st)
{
    (void)st;
    Text src = recorded_game();
    uint64_t rng = 0xd1b54a32d192ed03ULL;
    static Record r;
    int replayed = 0, refused = 0;
    for (int i = 0; i < 240; i++) {
        Text t = mutate(&src, i, &rng);
        char err[512] = "";
        if (record_parse(&r, t.p, t.n, "game.sav", err, sizeof err) == 0) {
            err[0] = 0;
            Session *s = session_replay_to(&r, 0, err, sizeof err);
            if (s) { replayed++; session_free(s); }
            else { refused++; if (!err[0]) fail_msg("replay %d refused without a message", i); }
            record_free(&r);
        }
        free(t.p);
    }
    assert_true(replayed > 0 && refused > 0);
    free(src.p);
}

/* Loads a scenario file as the game does and plays a few end-turns; 1 when it loaded. */
static int load_and_play(const char *path)
{
    char err[1024] = "";
    Game *g = NULL;
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    if (!s) {
        if (!err[0]) fail_msg("lscript_load refused %s without a message", path);
        return 0;
    }
    game_start(g);
    for (int i = 0; i < 8 && !g->over; i++) {
        Command c;
        memset(&c, 0, sizeof c);
        if (g->choice.active) { c.type = CMD_CHOOSE; c.faction = g->choice.faction; }
        else { c.type = CMD_END_TURN; c.faction = g->active; }
        if (game_apply(g, &c) != CMD_OK) break;
    }
    lscript_free(s);
    return 1;
}

static void test_damaged_scenarios_load_or_fail_with_a_message(void **st)
{
    (void)st;
    static const char *const files[] = { "scripts/scenarios/test_skirmish.lua", "scripts/scenarios/ningjiang1114.lua" };
    static char report[16384];
    for (int f = 0; f < 2; f++) {
        Text src = read_file(data_path(files[f]));
        uint64_t rng = 0x853c49e6748fea9bULL + (uint64_t)f;
        int loaded = 0, refused = 0;
        for (int i = 0; i < 60; i++) {
            Text t = mutate(&src, i, &rng);
            const char *path = write_temp(&t, "mutated.lua");
            ScenarioInfo info;
            (void)lscript_find_scenario(path, &info);
            int problems = lscript_check(path, report, sizeof report);
            assert_true(problems >= 0);
            if (problems > 0 && !report[0]) fail_msg("lscript_check counted %d problems and wrote none", problems);
            if (load_and_play(path)) loaded++; else refused++;
            unlink(path);
            free(t.p);
        }
        assert_true(loaded > 0 && refused > 0);
        free(src.p);
    }
}

static void test_damaged_campaigns_load_or_fail_with_a_message(void **st)
{
    (void)st;
    static const char *const files[] = { "scripts/campaigns/jin.lua", "scripts/campaigns/liao.lua" };
    static Campaign c;
    for (int f = 0; f < 2; f++) {
        Text src = read_file(data_path(files[f]));
        uint64_t rng = 0xa0761d6478bd642fULL + (uint64_t)f;
        int loaded = 0, refused = 0;
        for (int i = 0; i < 150; i++) {
            Text t = mutate(&src, i, &rng);
            const char *path = write_temp(&t, "mutated_campaign.lua");
            char err[1024] = "";
            if (campaign_load(path, &c, err, sizeof err) == 0) {
                assert_true(c.id[0] && c.n_steps >= 1 && c.n_steps <= CAMPAIGN_MAX_STEPS);
                loaded++;
            } else {
                if (strncmp(err, path, strlen(path)) != 0) fail_msg("campaign error does not name the file: \"%s\"", err);
                refused++;
            }
            unlink(path);
            free(t.p);
        }
        assert_true(loaded > 0 && refused > 0);
        free(src.p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_damaged_map_files_load_or_name_the_bad_line),
        cmocka_unit_test(test_damaged_records_parse_or_name_the_bad_line),
        cmocka_unit_test(test_damaged_replays_replay_or_are_refused_with_a_message),
        cmocka_unit_test(test_damaged_scenarios_load_or_fail_with_a_message),
        cmocka_unit_test(test_damaged_campaigns_load_or_fail_with_a_message),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    if (tmp_dir[0]) rmdir(tmp_dir);
    return failed;
}

/* test_record.c - the save/replay file format: round trip, and bad input refused with the
 * line that is wrong (truncated, corrupt, tampered, unknown commands). No engine needed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include "record.h"

static const char *GOOD =
    "gyrfalcon-record 1\n"
    "engine 0.1.0\n"
    "scenario test_skirmish 0123456789abcdef\n"
    "seed 42\n"
    "side jin human\n"
    "side liao ai default\n"
    "begin\n"
    "hash 1 00000000000000ff\n"
    "move 0 3 4 -2\n"
    "attack 0 5 -1 3 7\n"
    "end 0\n"
    "choose 1 2\n"
    "end 1\n"
    "hash 2 fedcba9876543210\n";

static int parse(const char *text, Record *r, char *err, size_t n)
{
    return record_parse(r, text, strlen(text), "game.sav", err, n);
}

static void test_record_round_trip_keeps_every_line(void **st)
{
    (void)st;
    Record r;
    char err[256];
    assert_int_equal(parse(GOOD, &r, err, sizeof err), 0);
    size_t len;
    char *text = record_to_text(&r, &len);
    assert_non_null(text);
    assert_string_equal(text, GOOD);
    free(text);
    record_free(&r);
}

static void test_carry_unit_lost_field_round_trips_and_older_lines_read_as_unknown(void **st)
{
    (void)st;
    static const char *TEXT =
        "gyrfalcon-record 1\n"
        "engine 0.1.0\n"
        "scenario huanglong1115 0123456789abcdef\n"
        "seed 7\n"
        "campaign jin_campaign 1\n"
        "carry-unit aguda_host 0 3 250 2\n"
        "carry-unit muster 1 4 100\n"
        "begin\n";
    Record r;
    char err[256];
    assert_int_equal(parse(TEXT, &r, err, sizeof err), 0);
    assert_int_equal(r.carry.n_units, 2);
    assert_int_equal(r.carry.units[0].steps, 3);
    assert_int_equal(r.carry.units[0].exp, 250);
    assert_int_equal(r.carry.units[0].lost, 2);
    assert_int_equal(r.carry.units[1].lost, -1);            /* no LOST: an older record */
    size_t len;
    char *text = record_to_text(&r, &len);
    assert_non_null(text);
    assert_string_equal(text, TEXT);                        /* both written back as they came */
    free(text);
    record_free(&r);
    Record bad;
    assert_int_not_equal(parse("gyrfalcon-record 1\nengine 0.1.0\nscenario x 0123456789abcdef\nseed 1\n"
                               "carry-unit g 0 3 250 -2\nbegin\n", &bad, err, sizeof err), 0);
    assert_non_null(strstr(err, "game.sav:5:"));
}

static void test_record_parses_header_and_commands(void **st)
{
    (void)st;
    Record r;
    char err[256];
    assert_int_equal(parse(GOOD, &r, err, sizeof err), 0);
    assert_string_equal(r.scenario, "test_skirmish");
    assert_int_equal(r.seed, 42);
    assert_int_equal(r.n_sides, 2);
    assert_true(r.sides[0].human);
    assert_string_equal(r.sides[1].ai, "default");
    assert_int_equal(r.n, 7);
    assert_int_equal(r.items[1].cmd.type, CMD_MOVE);
    assert_int_equal(r.items[1].cmd.unit, 3);
    assert_int_equal(r.items[1].cmd.to.r, -2);
    assert_int_equal(r.items[2].cmd.type, CMD_ATTACK);
    assert_int_equal(r.items[2].cmd.n_attackers, 2);
    assert_int_equal(r.items[2].cmd.attackers[1], 7);
    assert_int_equal(r.items[6].hash, 0xfedcba9876543210ULL);
    assert_int_equal(r.items[6].line, 14);
    record_free(&r);
}

/* Cut the good file at every byte: each prefix is refused or parsed, never a crash; a cut
 * inside the header is refused with a "truncated" message. */
static void test_truncated_record_is_refused_with_a_message(void **st)
{
    (void)st;
    size_t n = strlen(GOOD);
    for (size_t k = 0; k < n; k++) {
        Record r;
        char err[256] = "";
        int rc = record_parse(&r, GOOD, k, "cut.sav", err, sizeof err);
        if (rc == 0) { record_free(&r); continue; }
        assert_non_null(strstr(err, "cut.sav:"));
        if (k > 20 && k < strlen("gyrfalcon-record 1\nengine 0.1.0\nscenario test_skirmish 0123456789abcdef\nseed 42\nside jin human\nside liao ai default\n"))
            assert_non_null(strstr(err, "truncated"));
    }
}

static void test_unknown_command_names_its_line(void **st)
{
    (void)st;
    char text[1024];
    snprintf(text, sizeof text, "%s%s", GOOD, "teleport 0 1 2 3\n");
    Record r;
    char err[256];
    assert_int_equal(parse(text, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "game.sav:15:"));
    assert_non_null(strstr(err, "teleport"));
}

static void test_corrupt_hash_is_refused(void **st)
{
    (void)st;
    char text[1024];
    snprintf(text, sizeof text, "%s", GOOD);
    char *h = strstr(text, "fedcba9876543210");
    h[3] = 'Z';
    Record r;
    char err[256];
    assert_int_equal(parse(text, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "game.sav:14:"));
}

static void test_wrong_magic_is_refused(void **st)
{
    (void)st;
    Record r;
    char err[256];
    assert_int_equal(parse("PK\x03\x04 zip file\n", &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "game.sav:1:"));
    assert_int_equal(parse("gyrfalcon-record 99\n", &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "version 99"));
}

static void test_random_bytes_never_crash_the_parser(void **st)
{
    (void)st;
    uint32_t x = 12345;
    char buf[600];
    for (int round = 0; round < 3000; round++) {
        size_t n = strlen(GOOD);
        memcpy(buf, GOOD, n);
        for (int k = 0; k < 1 + round % 8; k++) {
            x = x * 1103515245u + 12345u;
            buf[(x >> 8) % n] = (char)(x >> 16);
        }
        Record r;
        char err[256];
        if (record_parse(&r, buf, n, "fuzz.sav", err, sizeof err) == 0) record_free(&r);
    }
}


static const char *GOOD2 =
    "gyrfalcon-record 2\n"
    "engine 0.1.0\n"
    "scenario my_battle 0123456789abcdef\n"
    "scenario-file path /home/someone/my battles/my_battle.lua\n"
    "seed 42\n"
    "difficulty 3\n"
    "side jin human\n"
    "begin\n"
    "hash 1 00000000000000ff\n";

/* GOOD2 with its line k (1-based) replaced by repl. */
static void replace_line(char *out, size_t cap, const char *text, int k, const char *repl)
{
    size_t n = 0;
    int line = 1;
    for (const char *p = text; *p && n + 1 < cap; p++) {
        if (line == k) {
            if (p == text || p[-1] == '\n') { n += (size_t)snprintf(out + n, cap - n, "%s", repl); }
            if (*p == '\n') { out[n++] = '\n'; line++; }
            continue;
        }
        out[n++] = *p;
        if (*p == '\n') line++;
    }
    out[n] = 0;
}

static void test_format_2_header_round_trips_scenario_file_and_difficulty(void **st)
{
    (void)st;
    Record r;
    char err[256];
    assert_int_equal(parse(GOOD2, &r, err, sizeof err), 0);
    assert_int_equal(r.format, 2);
    assert_int_equal(r.difficulty, 3);
    assert_int_equal(r.source, RECORD_SRC_PATH);
    assert_string_equal(r.source_path, "/home/someone/my battles/my_battle.lua");
    size_t len;
    char *text = record_to_text(&r, &len);
    assert_string_equal(text, GOOD2);
    free(text);
    record_free(&r);
}

static void test_format_1_record_is_found_by_id_at_difficulty_1(void **st)
{
    (void)st;
    Record r;
    char err[256];
    assert_int_equal(parse(GOOD, &r, err, sizeof err), 0);
    assert_int_equal(r.format, 1);
    assert_int_equal(r.source, RECORD_SRC_ID);
    assert_int_equal(r.difficulty, 1);
    record_free(&r);
}

static void test_a_record_made_in_memory_is_written_as_format_2(void **st)
{
    (void)st;
    Record r;
    record_init(&r);
    snprintf(r.scenario, sizeof r.scenario, "test_skirmish");
    r.difficulty = 2;
    char *text = record_to_text(&r, NULL);
    assert_non_null(strstr(text, "gyrfalcon-record 2\n"));
    assert_non_null(strstr(text, "\nscenario-file builtin\n"));
    assert_non_null(strstr(text, "\ndifficulty 2\n"));
    free(text);
    record_free(&r);
}

/* Each number in the header and body, made too big for its type, is refused on its line. */
static void test_numbers_that_would_wrap_are_refused_on_their_line(void **st)
{
    (void)st;
    static const struct { int line; const char *repl, *what; } cases[] = {
        { 1, "gyrfalcon-record 4294967298", "format version" },
        { 5, "seed 18446744073709551617", "bad seed" },
        { 5, "seed -1", "bad seed" },
        { 5, "seed +1", "bad seed" },
        { 6, "difficulty 4294967297", "bad difficulty" },
        { 9, "hash 4294967298 00000000000000ff", "out of range" },
        { 9, "move 0 4294967296 1 1", "unit out of range" },
        { 9, "move 4294967296 0 1 1", "faction out of range" },
        { 9, "move 0 1 4294967296 1", "coordinate out of range" },
        { 9, "choose 0 4294967297", "option out of range" },
        { 9, "end -4294967296", "faction out of range" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024], want[32];
        replace_line(text, sizeof text, GOOD2, cases[i].line, cases[i].repl);
        Record r;
        char err[256] = "";
        assert_int_equal(parse(text, &r, err, sizeof err), -1);
        snprintf(want, sizeof want, "game.sav:%d:", cases[i].line);
        if (!strstr(err, want) || !strstr(err, cases[i].what)) fail_msg("%s -> %s", cases[i].repl, err);
    }
}

static void test_duplicate_header_line_is_refused_naming_the_first(void **st)
{
    (void)st;
    static const char *keys[] = { "engine 0.1.0", "scenario my_battle 0123456789abcdef", "seed 7", "difficulty 1",
                                  "scenario-file builtin", "side jin ai default" };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char text[1024];
        const char *begin = strstr(GOOD2, "begin\n");
        snprintf(text, sizeof text, "%.*s%s\n%s", (int)(begin - GOOD2), GOOD2, keys[i], begin);
        Record r;
        char err[256] = "";
        assert_int_equal(parse(text, &r, err, sizeof err), -1);
        if (!strstr(err, "game.sav:8: duplicate \"")) fail_msg("%s -> %s", keys[i], err);
    }
}

static void test_unknown_header_line_is_refused_naming_it(void **st)
{
    (void)st;
    char text[1024];
    replace_line(text, sizeof text, GOOD2, 6, "colour blue");
    Record r;
    char err[256] = "";
    assert_int_equal(parse(text, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "game.sav:6: unknown header line \"colour\""));
}

static void test_format_2_needs_its_scenario_file_and_difficulty_lines(void **st)
{
    (void)st;
    char text[1024];
    Record r;
    char err[256] = "";
    replace_line(text, sizeof text, GOOD2, 4, "# no scenario-file");
    assert_int_equal(parse(text, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "game.sav:8: missing \"scenario-file\" line"));
    replace_line(text, sizeof text, GOOD2, 6, "# no difficulty");
    assert_int_equal(parse(text, &r, err, sizeof err), -1);
    assert_non_null(strstr(err, "game.sav:8: missing \"difficulty\" line"));
}

static int count_temporaries(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (!strncmp(e->d_name, prefix, strlen(prefix)) && strstr(e->d_name, ".tmp")) n++;
    if (d) closedir(d);
    return n;
}

static void test_save_does_not_follow_a_symlink_at_the_temporary_name(void **st)
{
    (void)st;
    char dir[] = "/tmp/gyr-record-link-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char victim[128], path[128], link[140];
    snprintf(victim, sizeof victim, "%s/victim", dir);
    snprintf(path, sizeof path, "%s/game.sav", dir);
    snprintf(link, sizeof link, "%s.tmp", path);
    FILE *f = fopen(victim, "w");
    fputs("precious\n", f);
    fclose(f);
    assert_int_equal(symlink(victim, link), 0);
    Record r;
    char err[256];
    assert_int_equal(parse(GOOD2, &r, err, sizeof err), 0);
    assert_int_equal(record_save(&r, path, err, sizeof err), 0);
    char buf[64] = "";
    f = fopen(victim, "r");
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "precious\n");
    Record back;
    assert_int_equal(record_load(&back, path, err, sizeof err), 0);
    assert_int_equal(back.difficulty, 3);
    record_free(&back);
    record_free(&r);
    unlink(link); unlink(victim); unlink(path); rmdir(dir);
}

static void test_save_that_cannot_replace_the_target_keeps_it(void **st)
{
    (void)st;
    char dir[] = "/tmp/gyr-record-keep-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128], inner[160];
    snprintf(path, sizeof path, "%s/game.sav", dir);
    snprintf(inner, sizeof inner, "%s/kept", path);
    assert_int_equal(mkdir(path, 0755), 0);     /* a folder where the save should go */
    assert_int_equal(mkdir(inner, 0755), 0);
    Record r;
    char err[256] = "";
    assert_int_equal(parse(GOOD2, &r, err, sizeof err), 0);
    assert_int_equal(record_save(&r, path, err, sizeof err), -1);
    assert_non_null(strstr(err, "game.sav: cannot replace the file (the old one is kept)"));
    struct stat sb;
    assert_int_equal(stat(inner, &sb), 0);
    assert_int_equal(count_temporaries(dir, "game.sav"), 0);
    record_free(&r);
    rmdir(inner); rmdir(path); rmdir(dir);
}

static void test_save_is_atomic_and_loads_back(void **st)
{
    (void)st;
    Record r;
    char err[256];
    assert_int_equal(parse(GOOD, &r, err, sizeof err), 0);
    char path[] = "/tmp/gyr-record-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(record_save(&r, path, err, sizeof err), 0);
    assert_int_equal(count_temporaries("/tmp", path + 5), 0);  /* the temporary was renamed away */
    Record back;
    assert_int_equal(record_load(&back, path, err, sizeof err), 0);
    assert_int_equal(back.n, r.n);
    assert_int_equal(back.seed, 42);
    record_free(&back);
    record_free(&r);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_record_round_trip_keeps_every_line),
        cmocka_unit_test(test_record_parses_header_and_commands),
        cmocka_unit_test(test_carry_unit_lost_field_round_trips_and_older_lines_read_as_unknown),
        cmocka_unit_test(test_truncated_record_is_refused_with_a_message),
        cmocka_unit_test(test_unknown_command_names_its_line),
        cmocka_unit_test(test_corrupt_hash_is_refused),
        cmocka_unit_test(test_wrong_magic_is_refused),
        cmocka_unit_test(test_random_bytes_never_crash_the_parser),
        cmocka_unit_test(test_save_is_atomic_and_loads_back),
        cmocka_unit_test(test_format_2_header_round_trips_scenario_file_and_difficulty),
        cmocka_unit_test(test_format_1_record_is_found_by_id_at_difficulty_1),
        cmocka_unit_test(test_a_record_made_in_memory_is_written_as_format_2),
        cmocka_unit_test(test_numbers_that_would_wrap_are_refused_on_their_line),
        cmocka_unit_test(test_duplicate_header_line_is_refused_naming_the_first),
        cmocka_unit_test(test_unknown_header_line_is_refused_naming_it),
        cmocka_unit_test(test_format_2_needs_its_scenario_file_and_difficulty_lines),
        cmocka_unit_test(test_save_does_not_follow_a_symlink_at_the_temporary_name),
        cmocka_unit_test(test_save_that_cannot_replace_the_target_keeps_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

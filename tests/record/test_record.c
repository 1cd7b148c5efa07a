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
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "r");
    assert_null(f);                      /* the temporary was renamed away */
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

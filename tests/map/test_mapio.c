/* test_mapio.c - the map file: writing and reading back gives the same map, bad files are
 * refused with "NAME:LINE: message", mutated files never crash the parser, and the geography
 * builder reports source errors with file and line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "maptest.h"

static char *text;     /* the committed theatre map */
static size_t text_len;

static int setup(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/maps/theatre.map", mt_data_dir());
    text = mt_read(path, &text_len);
    return text ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(text);
    return 0;
}

static void test_map_file_round_trips(void **state)
{
    (void)state;
    char err[256];
    Map *m = mapio_parse(text, text_len, "theatre.map", err, sizeof err);
    if (!m) fail_msg("%s", err);
    size_t len;
    char *again = mapio_write(m, &len);
    assert_int_equal(len, text_len);
    assert_memory_equal(again, text, len);
    free(again);
    map_free(m);
}

static void test_map_loads_with_places_rivers_and_sides(void **state)
{
    (void)state;
    char err[256];
    Map *m = mapio_parse(text, text_len, "theatre.map", err, sizeof err);
    assert_non_null(m);
    assert_true(m->geographic);
    assert_true(m->n_places >= 40 && m->n_rivers > 20);
    assert_true(map_find_place(m, "shangjing") >= 0 && map_find_place(m, "ningjiang") >= 0);
    map_free(m);
}

/* Parses buf and expects a refusal whose message starts with "t.map:LINE:". */
static void expect_refused(const char *buf, size_t len, int line)
{
    char err[256], want[32];
    Map *m = mapio_parse(buf, len, "t.map", err, sizeof err);
    if (m) { map_free(m); fail_msg("accepted a bad file (expected an error at line %d)", line); }
    snprintf(want, sizeof want, "t.map:%d:", line);
    if (strncmp(err, want, strlen(want)) != 0) fail_msg("error '%s', expected it at line %d", err, line);
}

/* Offset of the start of line n (1-based) in text. */
static size_t line_start(int n)
{
    size_t p = 0;
    for (int l = 1; l < n && p < text_len; p++)
        if (text[p] == '\n') l++;
    return p;
}

static void test_truncated_files_are_refused_with_a_line_number(void **state)
{
    (void)state;
    /* cut inside the terrain rows: row 20 is line 26 (6 header lines) */
    size_t cut = line_start(26) + 5;
    expect_refused(text, cut, 26);
    /* cut after the rows, before "end": the message points past the last line */
    size_t end = text_len - 4;   /* drops "end\n" */
    int lines = 0;
    for (size_t i = 0; i < end; i++) lines += text[i] == '\n';
    expect_refused(text, end, lines + 1);
    expect_refused(text, 0, 1);
    expect_refused("gyrfalcon-map 1\nsize 3 2\n", 25, 3);
}

static void test_corrupt_lines_are_refused_with_their_line_number(void **state)
{
    (void)state;
    char *b = malloc(text_len);
    /* an unknown terrain character in row 10 (line 16) */
    memcpy(b, text, text_len);
    b[line_start(16) + 3] = 'Z';
    expect_refused(b, text_len, 16);
    /* a short row */
    memcpy(b, text, text_len);
    b[line_start(17) + 3] = '\n';
    expect_refused(b, text_len, 17);
    free(b);
    static const char bad_side[] =
        "gyrfalcon-map 1\nsize 2 1\nprojection none\nlegend ~:sea .:plain\nrows\n..\nside 5 0 E m 0\nend\n";
    expect_refused(bad_side, sizeof bad_side - 1, 7);
    static const char bad_river[] =
        "gyrfalcon-map 1\nsize 2 1\nprojection none\nlegend ~:sea .:plain\nrows\n..\nside 0 0 E M 3\nend\n";
    expect_refused(bad_river, sizeof bad_river - 1, 7);
    static const char bad_place[] =
        "gyrfalcon-map 1\nsize 2 1\nprojection none\nlegend ~:sea .:plain\nrows\n..\n"
        "place a town 0 0 1 2 liao \"A\" \"A\" \"\"\nplace b town 0 0 1 2 liao \"B\" \"B\" \"\"\nend\n";
    expect_refused(bad_place, sizeof bad_place - 1, 8);
    static const char after_end[] =
        "gyrfalcon-map 1\nsize 2 1\nprojection none\nlegend ~:sea .:plain\nrows\n..\nend\nriver 1 \"X\"\n";
    expect_refused(after_end, sizeof after_end - 1, 8);
    static const char short_border[] =
        "gyrfalcon-map 1\nsize 2 1\nprojection none\nlegend ~:sea .:plain\nrows\n..\n"
        "border b 3 \"B\" \"\"\npt 40000000 120000000\npt 41000000 121000000\nend\n";
    expect_refused(short_border, sizeof short_border - 1, 10);
    static const char ok[] =
        "gyrfalcon-map 1\nsize 2 1\nprojection none\nlegend ~:sea .:plain\nrows\n.~\nriver 1 \"X\"\nside 0 0 E Mc 1\nend\n";
    char err[128];
    Map *m = mapio_parse(ok, sizeof ok - 1, "t.map", err, sizeof err);
    assert_non_null(m);
    assert_int_equal(map_terrain(m, hex_make(1, 0)), TER_SEA);
    assert_int_equal(map_side(m, hex_make(1, 0), HEX_W).flags, SIDE_RIVER_MAJOR | SIDE_COAST);
    map_free(m);
}

/* A small deterministic generator for the mutations. */
static uint32_t lcg(uint32_t *s) { *s = *s * 1664525u + 1013904223u; return *s >> 8; }

static void test_mutated_map_files_never_crash_the_parser(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    char *b = malloc(text_len + 64);
    int refused = 0;
    for (int iter = 0; iter < 600; iter++) {
        size_t len = text_len;
        memcpy(b, text, len);
        int muts = 1 + (int)(lcg(&seed) % 4);
        for (int k = 0; k < muts; k++) {
            size_t at = lcg(&seed) % (len ? len : 1);
            switch (lcg(&seed) % 5) {
            case 0: b[at] = (char)(lcg(&seed) & 0xff); break;                    /* any byte */
            case 1: len = at; break;                                            /* truncate */
            case 2: b[at] = "0123456789-\" \n~.MX"[lcg(&seed) % 18]; break;     /* plausible byte */
            case 3: if (len > at + 40) { memmove(b + at, b + at + 40, len - at - 40); len -= 40; } break;
            case 4: if (len + 16 < text_len + 64) { memmove(b + at + 16, b + at, len - at); memset(b + at, '9', 16); len += 16; } break;
            }
        }
        char err[256] = "";
        Map *m = mapio_parse(b, len, "fuzz.map", err, sizeof err);
        if (m) map_free(m);
        else {
            refused++;
            assert_true(strncmp(err, "fuzz.map:", 9) == 0);
        }
    }
    assert_true(refused > 300);
    free(b);
}

static void test_source_errors_name_the_file_and_line(void **state)
{
    (void)state;
    char err[256];
    static const char *const bad[][2] = {
        { "extent 36.5 51 104 135 hex_m=20000\nriver x major \"X\" into=sea\n40.0\n", "a.geo:3:" },
        { "extent 36.5 51 104 135 hex_m=20000\nplace Abc town \"A\" \"A\" 40 120 owner=liao\n", "a.geo:2:" },
        { "extent 36.5 51 104 135 hex_m=20000\narea rock \"R\"\n40 120 41 121 40 122\n", "a.geo:2:" },
        { "extent 36.5 51 104 135 hex_m=20000\n\nwobble\n", "a.geo:3:" },
        { "extent 36.5 51 104 135 hex_m=20000\nlake \"L\"\n40.1234567 120\n40 121\n41 121\n", "a.geo:3:" },
        { "extent 36.5 51 104 135 hex_m=20000\nplace a town \"A\" \"A\" 40 120 owner=liao\nplace a town \"B\" \"B\" 41 120 owner=liao\n", "a.geo:3:" },
        { "place a town \"A\" \"A\" 40 120 owner=liao\nplace b town \"B\" \"B\" 40.01 120.01 owner=liao\nextent 36.5 51 104 135 hex_m=20000\n", "a.geo:2:" },
        { "extent 36.5 51 104 135 hex_m=20000\nriver x major \"X\" into=y\n40 120 41 121\n", "a.geo:2:" },
        { "extent 36.5 51 104 135 hex_m=20000\nlake \"unterminated\n", "a.geo:2:" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Map *m = mapbuild_from_source(bad[i][0], strlen(bad[i][0]), "a.geo", err, sizeof err);
        if (m) { map_free(m); fail_msg("case %d accepted", (int)i); }
        if (strncmp(err, bad[i][1], strlen(bad[i][1])) != 0) fail_msg("case %d: '%s', wanted %s", (int)i, err, bad[i][1]);
    }
}

static void test_source_builds_rivers_on_a_small_map(void **state)
{
    (void)state;
    static const char src[] =
        "extent 40 42 118 121 hex_m=20000\n"
        "sea \"S\"\n39.5 117 39.5 122 40.6 122 40.6 117\n"
        "river r major \"R\" into=sea\n41.9 119.5 41.3 119.6 40.7 119.5\n"
        "place t town \"T\" \"T\" 41.5 118.5 owner=liao\n";
    char err[256];
    Map *m = mapbuild_from_source(src, sizeof src - 1, "small.geo", err, sizeof err);
    if (!m) fail_msg("%s", err);
    MtChain c = mt_chain(m, 1);
    assert_int_equal(c.components, 1);
    assert_int_equal(c.n_ends, 2);
    assert_true(c.n_sides >= 5);
    assert_int_equal(map_terrain(m, proj_latlon_to_hex(m, 40.2, 119.5)), TER_SEA);
    assert_true(map_find_place(m, "t") >= 0);
    map_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_file_round_trips),
        cmocka_unit_test(test_map_loads_with_places_rivers_and_sides),
        cmocka_unit_test(test_truncated_files_are_refused_with_a_line_number),
        cmocka_unit_test(test_corrupt_lines_are_refused_with_their_line_number),
        cmocka_unit_test(test_mutated_map_files_never_crash_the_parser),
        cmocka_unit_test(test_source_errors_name_the_file_and_line),
        cmocka_unit_test(test_source_builds_rivers_on_a_small_map),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

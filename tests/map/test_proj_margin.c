/* test_proj_margin.c - placing by latitude/longitude is safe from rounding: the margin to the
 * nearest hex edge is large at a hex centre and near zero on the edge between two hexes, and
 * the script host refuses a unit placed on an edge. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lscript.h"
#include "proj.h"

static void test_hex_centre_is_far_from_every_edge(void **st)
{
    (void)st;
    char err[256];
    const Map *m = lscript_theatre(err, sizeof err);
    assert_non_null(m);
    double lat, lon;
    proj_hex_to_latlon(m, hex_from_offset(70, 50), &lat, &lon);
    assert_true(proj_latlon_edge_margin_m(m, lat, lon) > 8000);   /* inner radius ~8.7 km */
}

static void test_point_between_two_hexes_has_no_margin(void **st)
{
    (void)st;
    char err[256];
    const Map *m = lscript_theatre(err, sizeof err);
    assert_non_null(m);
    double la1, lo1, la2, lo2;
    proj_hex_to_latlon(m, hex_from_offset(70, 50), &la1, &lo1);
    proj_hex_to_latlon(m, hex_from_offset(71, 50), &la2, &lo2);
    assert_true(proj_latlon_edge_margin_m(m, (la1 + la2) / 2, (lo1 + lo2) / 2) < PROJ_SAFE_MARGIN_M);
}

static void test_unit_placed_on_a_hex_edge_is_refused(void **st)
{
    (void)st;
    char err[512];
    const Map *m = lscript_theatre(err, sizeof err);
    assert_non_null(m);
    double la1, lo1, la2, lo2;
    proj_hex_to_latlon(m, hex_from_offset(70, 50), &la1, &lo1);
    proj_hex_to_latlon(m, hex_from_offset(71, 50), &la2, &lo2);
    char path[] = "/tmp/gyr-edge-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "scenario { id = \"edge\", title = \"Edge\", years = \"1114\", start = { year = 1114, month = 10, day = 1 },\n"
               "  turn_days = 10, turns = 2, sides = { \"jin\", \"liao\" } }\n"
               "faction { id = \"jin\", name = \"Jin\", color = 0xE69F00 }\n"
               "faction { id = \"liao\", name = \"Liao\", color = 0x0072B2 }\n"
               "unit { type = \"infantry\", faction = \"jin\", steps = 1, at = { lat = %.9f, lon = %.9f } }\n",
            (la1 + la2) / 2, (lo1 + lo2) / 2);
    fclose(f);
    Game *g = NULL;
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, ":5:"));
    assert_non_null(strstr(err, "hex edge"));
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hex_centre_is_far_from_every_edge),
        cmocka_unit_test(test_point_between_two_hexes_has_no_margin),
        cmocka_unit_test(test_unit_placed_on_a_hex_edge_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

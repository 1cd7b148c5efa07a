/* test_hex.c - the axial hex grid: distance, neighbours, lines, rings, offset storage. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hex.h"

static void test_hex_distance_is_symmetric(void **state)
{
    (void)state;
    for (int q = -5; q <= 5; q++)
        for (int r = -5; r <= 5; r++) {
            Hex a = hex_make(q, r), b = hex_make(2 * r - 1, q + 3);
            assert_int_equal(hex_distance(a, b), hex_distance(b, a));
            assert_int_equal(hex_distance(a, a), 0);
        }
}

static void test_hex_neighbors_are_at_distance_one_and_opposite(void **state)
{
    (void)state;
    Hex c = hex_make(3, -2);
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex n = hex_neighbor(c, d);
        assert_int_equal(hex_distance(c, n), 1);
        assert_int_equal(hex_dir_to(c, n), d);
        assert_int_equal(hex_dir_to(n, c), (d + 3) % 6);
    }
    assert_int_equal(hex_dir_to(c, hex_make(5, -2)), -1);
}

static void test_hex_directions_point_the_documented_way(void **state)
{
    (void)state;
    Hex c = hex_make(0, 0);
    assert_true(hex_eq(hex_neighbor(c, HEX_E), hex_make(1, 0)));
    assert_true(hex_eq(hex_neighbor(c, HEX_NE), hex_make(1, -1)));   /* r grows southwards */
    assert_true(hex_eq(hex_neighbor(c, HEX_SE), hex_make(0, 1)));
    assert_true(hex_eq(hex_neighbor(c, HEX_W), hex_make(-1, 0)));
}

static void test_hex_ring_has_six_times_radius(void **state)
{
    (void)state;
    Hex out[64], c = hex_make(2, 1);
    assert_int_equal(hex_ring(c, 0, out, 64), 1);
    for (int radius = 1; radius <= 5; radius++) {
        int n = hex_ring(c, radius, out, 64);
        assert_int_equal(n, 6 * radius);
        for (int i = 0; i < n; i++) {
            assert_int_equal(hex_distance(c, out[i]), radius);
            assert_int_equal(hex_distance(out[i], out[(i + 1) % n]), 1);
            for (int j = 0; j < i; j++) assert_false(hex_eq(out[i], out[j]));
        }
    }
}

static void test_hex_line_is_connected_and_has_distance_plus_one_hexes(void **state)
{
    (void)state;
    Hex out[64];
    for (int q = -6; q <= 6; q++)
        for (int r = -6; r <= 6; r++) {
            Hex a = hex_make(1, -1), b = hex_make(q, r);
            int n = hex_line(a, b, out, 64);
            assert_int_equal(n, hex_distance(a, b) + 1);
            assert_true(hex_eq(out[0], a));
            assert_true(hex_eq(out[n - 1], b));
            for (int i = 1; i < n; i++) assert_int_equal(hex_distance(out[i - 1], out[i]), 1);
        }
}

static void test_hex_line_is_straight_along_an_axis(void **state)
{
    (void)state;
    Hex out[8];
    int n = hex_line(hex_make(0, 0), hex_make(4, 0), out, 8);
    for (int i = 0; i < n; i++) assert_true(hex_eq(out[i], hex_make(i, 0)));
}

static void test_hex_offset_round_trips(void **state)
{
    (void)state;
    for (int row = -7; row <= 7; row++)
        for (int col = -7; col <= 7; col++) {
            int c2, r2;
            hex_to_offset(hex_from_offset(col, row), &c2, &r2);
            assert_int_equal(c2, col);
            assert_int_equal(r2, row);
        }
    /* odd rows are shifted half a hex east: (0,1) is SE of (0,0) */
    assert_int_equal(hex_dir_to(hex_from_offset(0, 0), hex_from_offset(0, 1)), HEX_SE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hex_distance_is_symmetric),
        cmocka_unit_test(test_hex_neighbors_are_at_distance_one_and_opposite),
        cmocka_unit_test(test_hex_directions_point_the_documented_way),
        cmocka_unit_test(test_hex_ring_has_six_times_radius),
        cmocka_unit_test(test_hex_line_is_connected_and_has_distance_plus_one_hexes),
        cmocka_unit_test(test_hex_line_is_straight_along_an_axis),
        cmocka_unit_test(test_hex_offset_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

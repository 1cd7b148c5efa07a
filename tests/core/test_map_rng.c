/* test_map_rng.c - the static map (hexsides shared by both hexes, places, ids) and the RNG. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "testmap.h"

static void test_hexside_reads_the_same_from_both_hexes(void **state)
{
    (void)state;
    Map *m = tm_map(6, 6, TER_PLAIN);
    Hex a = tm_at(2, 2);
    for (int d = 0; d < HEX_DIRS; d++) {
        map_set_side(m, a, d, (uint8_t)(SIDE_ROAD | (d << 3 & SIDE_FORD)), (uint8_t)d);
        Hex b = hex_neighbor(a, d);
        MapSide s1 = map_side(m, a, d), s2 = map_side(m, b, (d + 3) % 6);
        assert_int_equal(s1.flags, s2.flags);
        assert_int_equal(s1.river, d);
        assert_int_equal(s2.river, d);
    }
    map_free(m);
}

static void test_off_map_is_water_and_sides_read_empty(void **state)
{
    (void)state;
    Map *m = tm_map(3, 3, TER_PLAIN);
    assert_true(map_is_water(m, tm_at(-1, 0)));
    assert_int_equal(map_terrain(m, tm_at(5, 5)), TER_SEA);
    assert_int_equal(map_side(m, tm_at(0, 0), HEX_W).flags, 0);
    map_free(m);
}

static void test_place_lookup_by_hex_and_id(void **state)
{
    (void)state;
    Map *m = tm_map(5, 5, TER_PLAIN);
    int p = tm_place(m, "ningjiang", PLACE_FORTRESS, tm_at(1, 3));
    assert_int_equal(p, 0);
    assert_int_equal(map_place_at(m, tm_at(1, 3)), 0);
    assert_int_equal(map_place_at(m, tm_at(1, 2)), -1);
    assert_int_equal(map_find_place(m, "ningjiang"), 0);
    assert_int_equal(map_find_place(m, "nowhere"), -1);
    assert_int_equal(tm_place(m, "again", PLACE_CITY, tm_at(1, 3)), -1); /* one per hex */
    map_free(m);
}

static void test_terrain_and_place_ids_round_trip(void **state)
{
    (void)state;
    static const char *ter[] = { "sea", "lake", "plain", "farmland", "steppe", "forest", "hills",
                                 "mountains", "marsh", "desert", "sand" };
    for (int t = 0; t < TER_COUNT; t++) {
        assert_string_equal(terrain_id((Terrain)t), ter[t]);
        assert_int_equal(terrain_from_id(ter[t]), t);
    }
    static const char *pk[] = { "town", "city", "capital", "fortress", "pass", "camp", "site" };
    for (int k = 0; k < PLACE_KIND_COUNT; k++) {
        assert_string_equal(place_kind_id((PlaceKind)k), pk[k]);
        assert_int_equal(place_kind_from_id(pk[k]), k);
    }
    assert_int_equal(terrain_from_id("swamp"), -1);
}

static void test_rng_same_seed_same_sequence(void **state)
{
    (void)state;
    Rng a, b, c;
    rng_seed(&a, 42);
    rng_seed(&b, 42);
    rng_seed(&c, 43);
    int differ = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t x = rng_next(&a);
        assert_int_equal(x, rng_next(&b));
        if (x != rng_next(&c)) differ = 1;
    }
    assert_true(differ);
}

static void test_rng_range_is_uniform_and_in_bounds(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 7);
    int count[6] = { 0 };
    for (int i = 0; i < 60000; i++) {
        uint32_t x = rng_range(&r, 6);
        assert_true(x < 6);
        count[x]++;
    }
    for (int i = 0; i < 6; i++) assert_in_range(count[i], 9500, 10500);
    assert_int_equal(rng_range(&r, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hexside_reads_the_same_from_both_hexes),
        cmocka_unit_test(test_off_map_is_water_and_sides_read_empty),
        cmocka_unit_test(test_place_lookup_by_hex_and_id),
        cmocka_unit_test(test_terrain_and_place_ids_round_trip),
        cmocka_unit_test(test_rng_same_seed_same_sequence),
        cmocka_unit_test(test_rng_range_is_uniform_and_in_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

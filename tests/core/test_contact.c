/* test_contact.c - units of factions at war never share a hex: when an alliance turns to war
 * (or a unit changes sides) inside a stack, the side not holding the hex withdraws. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "testmap.h"

/* A Jin unit and an allied Bohai unit share the Bohai's town; then they go to war. */
typedef struct { Map *m; Game *g; int town, bohai, jin_unit, bohai_unit; } Shared;

static Shared shared_town(void)
{
    Shared s;
    s.m = tm_map(10, 7, TER_PLAIN);
    s.town = tm_place(s.m, "dongjing", PLACE_CAPITAL, tm_at(4, 3));
    s.g = tm_game(s.m, 3);
    s.bohai = game_add_faction(s.g, "yuan", "Bohai", 0xCC79A7);
    game_set_relation(s.g, TM_JIN, s.bohai, REL_ALLIANCE);
    game_set_place_owner(s.g, s.town, s.bohai);
    s.bohai_unit = tm_unit(s.g, "levy", s.bohai, tm_at(4, 3));
    s.jin_unit = tm_unit(s.g, "heavy_cavalry", TM_JIN, tm_at(4, 3));
    tm_unit(s.g, "infantry", TM_LIAO, tm_at(9, 6));
    game_start(s.g);
    return s;
}

static void test_war_inside_a_stack_sends_the_guest_out_of_the_owners_town(void **state)
{
    (void)state;
    Shared s = shared_town();
    game_set_relation(s.g, TM_JIN, s.bohai, REL_WAR);
    Command c = tm_end(TM_JIN);        /* separation happens after the next command */
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_true(hex_eq(s.g->units[s.bohai_unit].hex, tm_at(4, 3)));
    assert_int_equal(hex_distance(s.g->units[s.jin_unit].hex, tm_at(4, 3)), 1);
    assert_true(s.g->units[s.jin_unit].alive);
    game_free(s.g);
    map_free(s.m);
}

static void test_outside_a_place_the_bigger_side_keeps_the_hex(void **state)
{
    (void)state;
    Map *m = tm_map(10, 7, TER_PLAIN);
    Game *g = tm_game(m, 3);
    int bohai = game_add_faction(g, "yuan", "Bohai", 0xCC79A7);
    game_set_relation(g, TM_JIN, bohai, REL_ALLIANCE);
    int small = tm_unit(g, "levy", bohai, tm_at(4, 3));
    int big = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(4, 3));
    g->units[small].steps = 1;
    g->units[big].steps = 3;
    tm_unit(g, "infantry", TM_LIAO, tm_at(9, 6));
    game_start(g);
    game_set_relation(g, TM_JIN, bohai, REL_WAR);
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(hex_eq(g->units[big].hex, tm_at(4, 3)));
    assert_int_equal(hex_distance(g->units[small].hex, tm_at(4, 3)), 1);
    game_free(g);
    map_free(m);
}

static void test_a_unit_with_nowhere_to_go_surrenders(void **state)
{
    (void)state;
    Shared s = shared_town();
    /* every hex within four of the town is lake */
    for (int r = 1; r <= 4; r++) {
        Hex ring[24];
        int n = hex_ring(tm_at(4, 3), r, ring, 24);
        for (int i = 0; i < n; i++)
            if (map_in_bounds(s.m, ring[i])) map_set_terrain(s.m, ring[i], TER_LAKE);
    }
    game_set_relation(s.g, TM_JIN, s.bohai, REL_WAR);
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_false(s.g->units[s.jin_unit].alive);
    assert_true(s.g->units[s.bohai_unit].alive);
    game_free(s.g);
    map_free(s.m);
}

static void test_allies_may_share_a_hex(void **state)
{
    (void)state;
    Shared s = shared_town();
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_true(hex_eq(s.g->units[s.jin_unit].hex, tm_at(4, 3)));
    assert_true(hex_eq(s.g->units[s.bohai_unit].hex, tm_at(4, 3)));
    game_free(s.g);
    map_free(s.m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_war_inside_a_stack_sends_the_guest_out_of_the_owners_town),
        cmocka_unit_test(test_outside_a_place_the_bigger_side_keeps_the_hex),
        cmocka_unit_test(test_a_unit_with_nowhere_to_go_surrenders),
        cmocka_unit_test(test_allies_may_share_a_hex),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

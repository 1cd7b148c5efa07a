/* test_move.c - movement rules: terrain costs per class, rivers, frost, roads, zones of
 * control, stacking, paths and the move command. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include "testmap.h"

/* A river between columns <= col and > col, on every side that separates them. */
static void river_wall(Map *m, int col, uint8_t flags)
{
    for (int row = 0; row < m->h; row++)
        for (int c = 0; c <= col; c++) {
            Hex a = tm_at(c, row);
            for (int d = 0; d < HEX_DIRS; d++) {
                int nc, nr;
                hex_to_offset(hex_neighbor(a, d), &nc, &nr);
                if (nc > col) tm_river(m, a, d, flags);
            }
        }
}

static int idx(const Game *g, Hex h) { return map_index(g->map, h); }

static void test_plain_costs_rules_cost(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    g->rules.terrain[TER_PLAIN].move_cost[UC_INFANTRY] = 2;
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    assert_int_equal(move_step_cost(g, u, tm_at(1, 2), tm_at(2, 2)), 2);
    assert_int_equal(tm_reach_cost(g, u, tm_at(2, 2)), 2);
    assert_int_equal(tm_reach_cost(g, u, tm_at(3, 2)), 4);
    assert_int_equal(tm_reach_cost(g, u, tm_at(4, 2)), -1); /* 6 > 4 movement points */
    game_free(g);
    map_free(m);
}

static void test_terrain_cost_depends_on_unit_class(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_FOREST);
    Game *g = tm_game(m, 1);
    int inf = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    int cav = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 3));
    game_start(g);
    assert_int_equal(move_step_cost(g, inf, tm_at(1, 2), tm_at(2, 2)),
                     g->rules.terrain[TER_FOREST].move_cost[UC_INFANTRY]);
    assert_int_equal(move_step_cost(g, cav, tm_at(1, 3), tm_at(2, 3)),
                     g->rules.terrain[TER_FOREST].move_cost[UC_HEAVY_CAV]);
    assert_int_not_equal(g->rules.terrain[TER_FOREST].move_cost[UC_INFANTRY],
                         g->rules.terrain[TER_FOREST].move_cost[UC_HEAVY_CAV]);
    game_free(g);
    map_free(m);
}

static void test_water_cannot_be_entered(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_PLAIN);
    map_set_terrain(m, tm_at(2, 2), TER_LAKE);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    assert_int_equal(move_step_cost(g, u, tm_at(1, 2), tm_at(2, 2)), MOVE_IMPASSABLE);
    assert_int_equal(tm_reach_cost(g, u, tm_at(2, 2)), -1);
    Command c = tm_move(TM_JIN, u, tm_at(2, 2));
    assert_int_equal(game_apply(g, &c), CMD_ERR_UNREACHABLE);
    game_free(g);
    map_free(m);
}

static void test_minor_river_adds_crossing_cost(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_PLAIN);
    river_wall(m, 1, SIDE_RIVER_MINOR);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    assert_int_equal(tm_reach_cost(g, u, tm_at(2, 2)), 1 + g->rules.river_minor_cost);
    assert_int_equal(tm_reach_cost(g, u, tm_at(3, 2)), 2 + g->rules.river_minor_cost);
    game_free(g);
    map_free(m);
}

static void test_river_crossing_costs_all_moves(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_PLAIN);
    river_wall(m, 2, SIDE_RIVER_MAJOR);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    int mp = g->units[u].mp;
    assert_int_equal(tm_reach_cost(g, u, tm_at(3, 2)), mp);
    assert_int_equal(tm_reach_cost(g, u, tm_at(4, 2)), -1);  /* the move ended at the bank */
    Command c = tm_move(TM_JIN, u, tm_at(3, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->units[u].mp, 0);
    game_free(g);
    map_free(m);
}

static void test_ford_lets_major_river_be_crossed_at_minor_cost(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_PLAIN);
    river_wall(m, 2, SIDE_RIVER_MAJOR | SIDE_FORD);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    assert_int_equal(tm_reach_cost(g, u, tm_at(3, 2)), 2 + g->rules.river_minor_cost);
    game_free(g);
    map_free(m);
}

static void test_frozen_river_costs_nothing_extra(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_PLAIN);
    river_wall(m, 2, SIDE_RIVER_MAJOR);
    river_wall(m, 3, SIDE_RIVER_MINOR);
    Game *g = tm_game(m, 1);
    g->start_month = 1;             /* mid-winter: frozen with the default freeze dates */
    g->start_day = 10;
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    assert_true(game_rivers_frozen(g));
    assert_int_equal(tm_reach_cost(g, u, tm_at(3, 2)), 2);
    assert_int_equal(tm_reach_cost(g, u, tm_at(4, 2)), 3);
    game_free(g);
    map_free(m);
}

static void test_road_costs_road_cost(void **state)
{
    (void)state;
    Map *m = tm_map(8, 5, TER_MOUNTAINS);
    for (int c = 0; c < 6; c++) map_set_side(m, tm_at(c, 2), HEX_E, SIDE_ROAD, 0);
    river_wall(m, 3, SIDE_RIVER_MAJOR);
    map_set_side(m, tm_at(3, 2), HEX_E, SIDE_ROAD | SIDE_RIVER_MAJOR | SIDE_BRIDGE, 1);
    Game *g = tm_game(m, 1);
    g->rules.road_cost = 1;
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(0, 2));
    game_start(g);
    assert_int_equal(move_step_cost(g, u, tm_at(0, 2), tm_at(1, 2)), 1);
    assert_int_equal(tm_reach_cost(g, u, tm_at(4, 2)), 4);   /* road over the bridge */
    assert_int_equal(tm_reach_cost(g, u, tm_at(0, 1)), g->rules.terrain[TER_MOUNTAINS].move_cost[UC_INFANTRY]);
    game_free(g);
    map_free(m);
}

static void test_entering_enemy_zoc_ends_move(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(4, 2));           /* in sight */
    game_start(g);
    int mp = g->units[u].mp;
    Reach *r = reach_new(m);
    move_reach(g, u, r, NULL);
    assert_int_equal(r->cost[idx(g, tm_at(3, 2))], mp);
    assert_int_equal(r->stop[idx(g, tm_at(3, 2))], 1);
    assert_int_equal(r->cost[idx(g, tm_at(2, 2))], 1);      /* one hex short of the ZOC: free */
    assert_int_equal(r->cost[idx(g, tm_at(4, 2))], -1);     /* the enemy's own hex */
    reach_free(r);
    Command c = tm_move(TM_JIN, u, tm_at(3, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->units[u].mp, 0);
    assert_true(hex_eq(g->units[u].hex, tm_at(3, 2)));
    game_free(g);
    map_free(m);
}

static void test_unseen_enemy_halts_the_move_before_it(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    g->rules.unit_types[rules_find_unit_type(&g->rules, "horse_archers")].sight = 2;
    int u = tm_unit(g, "horse_archers", TM_JIN, tm_at(1, 2));
    tm_unit(g, "siege_train", TM_LIAO, tm_at(6, 2));        /* unseen, and no ZOC */
    game_start(g);
    Command c = tm_move(TM_JIN, u, tm_at(8, 2));
    assert_int_equal(game_check(g, &c), CMD_OK);            /* planned with what Jin sees */
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(hex_eq(g->units[u].hex, tm_at(5, 2)));
    assert_int_equal(g->units[u].mp, 0);
    assert_int_equal(g->log[g->n_log - 1].type, GEV_MESSAGE);
    game_free(g);
    map_free(m);
}

static void test_unseen_zoc_ends_the_move_where_it_is_met(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    g->rules.unit_types[rules_find_unit_type(&g->rules, "horse_archers")].sight = 2;
    int u = tm_unit(g, "horse_archers", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(6, 1));           /* its ZOC covers (6,2) and (7,2) */
    game_start(g);
    Command c = tm_move(TM_JIN, u, tm_at(8, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(hex_eq(g->units[u].hex, tm_at(6, 2)));
    assert_int_equal(g->units[u].mp, 0);
    game_free(g);
    map_free(m);
}

static void test_ordering_a_move_onto_an_unseen_enemy_is_accepted(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    g->rules.unit_types[rules_find_unit_type(&g->rules, "horse_archers")].sight = 2;
    int u = tm_unit(g, "horse_archers", TM_JIN, tm_at(1, 2));
    tm_unit(g, "siege_train", TM_LIAO, tm_at(7, 2));
    game_start(g);
    Command c = tm_move(TM_JIN, u, tm_at(7, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(hex_eq(g->units[u].hex, tm_at(6, 2)));
    tm_unit(g, "siege_train", TM_LIAO, tm_at(7, 3));
    c = tm_move(TM_JIN, u, tm_at(7, 3));                    /* now in plain sight */
    g->units[u].mp = 3;
    assert_int_equal(game_apply(g, &c), CMD_ERR_OCCUPIED);
    game_free(g);
    map_free(m);
}

static void test_units_without_zoc_do_not_stop_movement(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "siege_train", TM_LIAO, tm_at(5, 2));
    game_start(g);
    assert_int_equal(g->rules.unit_types[rules_find_unit_type(&g->rules, "siege_train")].zoc, 0);
    assert_int_equal(tm_reach_cost(g, u, tm_at(4, 2)), 3);
    game_free(g);
    map_free(m);
}

static void test_moving_into_enemy_hex_is_refused(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(3, 2));
    game_start(g);
    Command c = tm_move(TM_JIN, u, tm_at(3, 2));
    assert_int_equal(game_apply(g, &c), CMD_ERR_OCCUPIED);
    game_free(g);
    map_free(m);
}

static void test_stack_limit_refuses_move(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    for (int i = 0; i < g->rules.stack_limit; i++) tm_unit(g, "infantry", TM_JIN, tm_at(2, 2));
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    Command c = tm_move(TM_JIN, u, tm_at(2, 2));
    assert_int_equal(game_apply(g, &c), CMD_ERR_STACK_FULL);
    c = tm_move(TM_JIN, u, tm_at(3, 2));                 /* passing through a full stack is fine */
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(hex_eq(g->units[u].hex, tm_at(3, 2)));
    game_free(g);
    map_free(m);
}

static void test_moving_spends_the_path_cost(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    map_set_terrain(m, tm_at(2, 2), TER_HILLS);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    game_start(g);
    int mp = g->units[u].mp;
    Command c = tm_move(TM_JIN, u, tm_at(2, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->units[u].mp, mp - g->rules.terrain[TER_HILLS].move_cost[UC_HEAVY_CAV]);
    assert_true(g->units[u].moved);
    game_free(g);
    map_free(m);
}

static void test_no_moves_left_is_refused(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    game_start(g);
    g->units[u].mp = 0;
    Command c = tm_move(TM_JIN, u, tm_at(2, 2));
    assert_int_equal(game_apply(g, &c), CMD_ERR_NO_MOVES_LEFT);
    game_free(g);
    map_free(m);
}

static void test_path_follows_cheapest_route_and_is_deterministic(void **state)
{
    (void)state;
    Map *m = tm_map(10, 7, TER_PLAIN);
    for (int row = 0; row < 7; row++) {
        map_set_terrain(m, tm_at(3, row), TER_MARSH);
        map_set_terrain(m, tm_at(4, row), TER_MARSH);
    }
    map_set_terrain(m, tm_at(3, 5), TER_PLAIN);          /* a dry crossing in the south */
    map_set_terrain(m, tm_at(4, 5), TER_PLAIN);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "horse_archers", TM_JIN, tm_at(1, 2));
    game_start(g);
    Reach *r = reach_new(m);
    move_reach(g, u, r, NULL);
    Hex path[32], path2[32];
    int n = move_path(g, r, tm_at(5, 2), path, 32);
    assert_true(n > 0);
    assert_true(hex_eq(path[0], tm_at(1, 2)));
    assert_true(hex_eq(path[n - 1], tm_at(5, 2)));
    int sum = 0, via_dry = 0;
    for (int i = 1; i < n; i++) {
        assert_int_equal(hex_distance(path[i - 1], path[i]), 1);
        sum += move_step_cost(g, u, path[i - 1], path[i]);
        if (hex_eq(path[i], tm_at(3, 5))) via_dry = 1;
    }
    assert_int_equal(sum, r->cost[idx(g, tm_at(5, 2))]);
    assert_true(via_dry);
    move_reach(g, u, r, NULL);
    assert_int_equal(move_path(g, r, tm_at(5, 2), path2, 32), n);
    for (int i = 0; i < n; i++) assert_true(hex_eq(path[i], path2[i]));
    reach_free(r);
    game_free(g);
    map_free(m);
}

static void test_reused_reach_equals_a_fresh_one(void **state)
{
    (void)state;
    Map *m = tm_map(12, 8, TER_PLAIN);
    map_set_terrain(m, tm_at(4, 4), TER_FOREST);
    Game *g = tm_game(m, 1);
    int a = tm_unit(g, "horse_archers", TM_JIN, tm_at(2, 2));
    int b = tm_unit(g, "infantry", TM_JIN, tm_at(8, 6));
    tm_unit(g, "infantry", TM_LIAO, tm_at(6, 3));
    game_start(g);
    Reach *reused = reach_new(m), *fresh = reach_new(m);
    move_reach(g, a, reused, NULL);
    move_reach(g, b, reused, NULL);
    move_reach(g, b, fresh, NULL);
    for (int i = 0; i < map_count(m); i++) {
        assert_int_equal(reused->cost[i], fresh->cost[i]);
        assert_int_equal(reused->from[i], fresh->from[i]);
        assert_int_equal(reused->stop[i], fresh->stop[i]);
    }
    assert_int_equal(reused->n_list, fresh->n_list);
    reach_free(reused);
    reach_free(fresh);
    game_free(g);
    map_free(m);
}

static void test_unseen_enemies_are_ignored_by_reach(void **state)
{
    (void)state;
    Map *m = tm_map(10, 5, TER_PLAIN);
    Game *g = tm_game(m, 1);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(3, 2));
    game_start(g);
    uint8_t *seen = calloc((size_t)map_count(m), 1);
    Reach *r = reach_new(m);
    move_reach(g, u, r, seen);
    assert_int_equal(r->cost[idx(g, tm_at(3, 2))], 2);
    assert_int_equal(r->stop[idx(g, tm_at(2, 2))], 0);
    reach_free(r);
    free(seen);
    game_free(g);
    map_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_costs_rules_cost),
        cmocka_unit_test(test_terrain_cost_depends_on_unit_class),
        cmocka_unit_test(test_water_cannot_be_entered),
        cmocka_unit_test(test_minor_river_adds_crossing_cost),
        cmocka_unit_test(test_river_crossing_costs_all_moves),
        cmocka_unit_test(test_ford_lets_major_river_be_crossed_at_minor_cost),
        cmocka_unit_test(test_frozen_river_costs_nothing_extra),
        cmocka_unit_test(test_road_costs_road_cost),
        cmocka_unit_test(test_entering_enemy_zoc_ends_move),
        cmocka_unit_test(test_unseen_enemy_halts_the_move_before_it),
        cmocka_unit_test(test_unseen_zoc_ends_the_move_where_it_is_met),
        cmocka_unit_test(test_ordering_a_move_onto_an_unseen_enemy_is_accepted),
        cmocka_unit_test(test_units_without_zoc_do_not_stop_movement),
        cmocka_unit_test(test_moving_into_enemy_hex_is_refused),
        cmocka_unit_test(test_stack_limit_refuses_move),
        cmocka_unit_test(test_moving_spends_the_path_cost),
        cmocka_unit_test(test_no_moves_left_is_refused),
        cmocka_unit_test(test_path_follows_cheapest_route_and_is_deterministic),
        cmocka_unit_test(test_reused_reach_equals_a_fresh_one),
        cmocka_unit_test(test_unseen_enemies_are_ignored_by_reach),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

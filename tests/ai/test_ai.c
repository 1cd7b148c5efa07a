/* test_ai.c - the computer players on tiny maps built here: each test one behaviour (takes
 * an undefended place, refuses a bad attack, attacks from several hexes, garrisons a
 * threatened capital, does not starve in a minor place nor guard one with a small army,
 * answers a choice, is deterministic, the random player stays legal, the
 * default player beats the baseline). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include "testmap.h"
#include "ai.h"

#define MAX_CMDS 4000

/* Lets ai play the active faction's whole turn on g; every command must pass game_check and
 * game_apply. Writes the commands to out (may be NULL) and returns their count. */
static int play_turn(Game *g, Ai *ai, Command *out, int cap)
{
    int n = 0, f = g->active;
    for (int guard = 0; guard < MAX_CMDS && !g->over; guard++) {
        if (g->active != f && !(g->choice.active && g->choice.faction == f)) break;
        Command c = ai_next_command(ai, g);
        assert_int_equal(game_check(g, &c), CMD_OK);
        if (out && n < cap) out[n] = c;
        n++;
        assert_int_equal(game_apply(g, &c), CMD_OK);
        if (c.type == CMD_END_TURN) break;
    }
    return n;
}

static int count_attacks(const Command *c, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) if (c[i].type == CMD_ATTACK) k++;
    return k;
}

/* Adds a victory condition of a type for a faction (target: a place, unused for points;
 * value: the points). */
static void add_victory(Game *g, VictoryType type, int faction, int target, int value)
{
    VictoryCond vc;
    memset(&vc, 0, sizeof vc);
    vc.type = type; vc.faction = faction; vc.target = target; vc.value = value;
    game_add_victory(g, &vc);
}

/* A place the AI's faction can take by walking in is taken in its turn. */
static void test_ai_takes_undefended_place(void **state)
{
    (void)state;
    Map *m = tm_map(12, 8, TER_PLAIN);
    int town = tm_place(m, "weizhou", PLACE_TOWN, tm_at(6, 4));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, town, TM_LIAO);
    tm_unit(g, "infantry", TM_JIN, tm_at(3, 4));
    tm_unit(g, "infantry", TM_LIAO, tm_at(11, 0));
    game_start(g);
    for (int kind = 0; kind < AI_KIND_COUNT; kind++) {
        if (kind == AI_RANDOM) continue;
        Game *h = game_clone(g);
        Ai *ai = ai_new((AiKind)kind, h, NULL, TM_JIN, 1);
        play_turn(h, ai, NULL, 0);
        assert_int_equal(h->places[town].owner, TM_JIN);
        ai_free(ai);
        game_free(h);
    }
    game_free(g);
    map_free(m);
}

/* An attack at 1:3 odds (a levy against a full infantry unit) is not made. */
static void test_ai_refuses_bad_attack(void **state)
{
    (void)state;
    Map *m = tm_map(10, 8, TER_PLAIN);
    Game *g = tm_game(m, 9);
    int levy = tm_unit(g, "levy", TM_JIN, tm_at(4, 4));
    int inf = tm_unit(g, "infantry", TM_LIAO, tm_at(5, 4));
    game_start(g);
    Command probe = tm_attack(TM_JIN, g->units[inf].hex, 1, &levy);
    CombatPreview p;
    assert_int_equal(combat_preview(g, &probe, &p), CMD_OK);
    assert_true(p.setup.ratio10 < 5);  /* the odds are worse than 1:2 */
    Command cmds[256];
    Ai *ai = ai_new(AI_DEFAULT, g, NULL, TM_JIN, 1);
    int n = play_turn(g, ai, cmds, 256);
    assert_int_equal(count_attacks(cmds, n), 0);
    ai_free(ai);
    game_free(g);
    map_free(m);
}

/* A target too strong for any one unit is attacked by several, moved next to it from
 * different hexes, in one attack. */
static void test_ai_coordinates_attack_from_several_hexes(void **state)
{
    (void)state;
    Map *m = tm_map(14, 10, TER_PLAIN);
    Hex target = tm_at(7, 5);
    map_set_terrain(m, target, TER_HILLS);
    Game *g = tm_game(m, 11);
    tm_unit(g, "infantry", TM_LIAO, target);
    tm_unit(g, "infantry", TM_LIAO, target);
    /* three hexes off, so that no zone of control blocks the defender's retreat */
    tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(4, 5));
    tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(8, 2));
    tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(10, 5));
    tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(8, 8));
    game_start(g);
    /* no single unit could do it */
    Game *probe = game_clone(g);
    probe->units[2].hex = hex_neighbor(target, HEX_W);
    Command one = tm_attack(TM_JIN, target, 1, (int[]){ 2 });
    CombatPreview p;
    assert_int_equal(combat_preview(probe, &one, &p), CMD_OK);
    assert_true(p.exp_att_loss_x100 >= p.exp_def_loss_x100);
    game_free(probe);

    Ai *ai = ai_new(AI_DEFAULT, g, NULL, TM_JIN, 1);
    int coordinated = 0, f = g->active;
    for (int guard = 0; guard < 200 && g->active == f && !g->over; guard++) {
        Command c = ai_next_command(ai, g);
        assert_int_equal(game_check(g, &c), CMD_OK);
        if (c.type == CMD_ATTACK && c.n_attackers >= 2) {
            int hexes = 0;
            for (int i = 0; i < c.n_attackers; i++) {
                int seen = 0;
                for (int j = 0; j < i; j++)
                    if (hex_eq(g->units[c.attackers[i]].hex, g->units[c.attackers[j]].hex)) seen = 1;
                if (!seen) hexes++;
            }
            if (hexes >= 2) coordinated = 1;
        }
        assert_int_equal(game_apply(g, &c), CMD_OK);
        if (c.type == CMD_END_TURN) break;
    }
    assert_true(coordinated);
    ai_free(ai);
    game_free(g);
    map_free(m);
}

/* An empty capital that an enemy can reach next turn, whose loss loses the game, gets a
 * garrison. */
static void test_ai_garrisons_threatened_capital(void **state)
{
    (void)state;
    Map *m = tm_map(14, 8, TER_PLAIN);
    int cap = tm_place(m, "huining", PLACE_CAPITAL, tm_at(5, 4));
    int far = tm_place(m, "liaoyang", PLACE_CITY, tm_at(1, 0));
    Game *g = tm_game(m, 3);
    game_set_place_owner(g, cap, TM_JIN);
    game_set_place_owner(g, far, TM_LIAO);
    add_victory(g, VC_TAKE_PLACE, TM_LIAO, cap, 0);
    /* the infantry sees the cavalry (sight 2), which could ride into the capital next turn */
    tm_unit(g, "infantry", TM_JIN, tm_at(7, 4));
    tm_unit(g, "heavy_cavalry", TM_LIAO, tm_at(9, 4));
    game_start(g);
    Ai *ai = ai_new(AI_DEFAULT, g, NULL, TM_JIN, 1);
    play_turn(g, ai, NULL, 0);
    int u[4];
    int n = game_units_at(g, m->places[cap].hex, u, 4), mine = 0;
    for (int i = 0; i < n; i++) if (g->units[u[i]].faction == TM_JIN) mine++;
    assert_true(mine >= 1);
    ai_free(ai);
    game_free(g);
    map_free(m);
}

/* A worn-out garrison beyond supply leaves a place worth a point only, with an enemy near
 * but too weak to destroy it: starving there helps nobody. */
static void test_ai_starving_garrison_leaves_minor_place(void **state)
{
    (void)state;
    Map *m = tm_map(16, 8, TER_PLAIN);
    int base = tm_place(m, "huining", PLACE_CITY, tm_at(1, 4));
    int town = tm_place(m, "haizhou", PLACE_TOWN, tm_at(13, 4));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, base, TM_JIN);
    game_set_place_owner(g, town, TM_JIN);
    g->places[town].vp = 1;
    add_victory(g, VC_SCORE, TM_JIN, 0, 5);
    int u = tm_unit(g, "infantry", TM_JIN, m->places[town].hex);
    tm_unit(g, "levy", TM_LIAO, tm_at(13, 2));
    game_start(g);
    g->units[u].cohesion = 20;
    assert_true(g->rules.supply_range < 12);   /* the town is beyond supply */
    Ai *ai = ai_new(AI_DEFAULT, g, NULL, TM_JIN, 1);
    play_turn(g, ai, NULL, 0);
    assert_false(hex_eq(g->units[u].hex, m->places[town].hex));
    assert_true(hex_distance(g->units[u].hex, m->places[base].hex) < 12);
    ai_free(ai);
    game_free(g);
    map_free(m);
}

/* A small army that wins on points does not leave a unit to guard a minor supply town of its
 * own against a levy while a prize with points waits: the unit goes to the war. */
static void test_ai_small_army_does_not_guard_minor_town(void **state)
{
    (void)state;
    Map *m = tm_map(16, 8, TER_PLAIN);
    int town = tm_place(m, "jinzhou", PLACE_CITY, tm_at(3, 4));
    int prize = tm_place(m, "dongjing", PLACE_CITY, tm_at(13, 4));
    Game *g = tm_game(m, 7);
    game_set_place_owner(g, town, TM_JIN);
    game_set_place_owner(g, prize, TM_LIAO);
    g->places[prize].vp = 4;
    add_victory(g, VC_SCORE, TM_JIN, 0, 4);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, m->places[town].hex);
    tm_unit(g, "levy", TM_LIAO, tm_at(3, 1));       /* seen, three hexes off */
    tm_unit(g, "infantry", TM_LIAO, m->places[prize].hex);
    game_start(g);
    Ai *ai = ai_new(AI_DEFAULT, g, NULL, TM_JIN, 1);
    play_turn(g, ai, NULL, 0);
    assert_false(hex_eq(g->units[u].hex, m->places[town].hex));
    ai_free(ai);
    game_free(g);
    map_free(m);
}

/* A scripted choice put to the AI's faction is answered, with a valid option. */
static void test_ai_answers_pending_choice(void **state)
{
    (void)state;
    Map *m = tm_map(8, 6, TER_PLAIN);
    Game *g = tm_game(m, 1);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 1));
    tm_unit(g, "infantry", TM_LIAO, tm_at(6, 4));
    game_start(g);
    const char opts[2][64] = { "Fight", "Parley" };
    assert_int_equal(game_ask_choice(g, TM_JIN, 7, "Receive the envoys?", opts, 2, 1), 0);
    for (int kind = 0; kind < AI_KIND_COUNT; kind++) {
        Ai *ai = ai_new((AiKind)kind, g, NULL, TM_JIN, 1);
        Command c = ai_next_command(ai, g);
        assert_int_equal(c.type, CMD_CHOOSE);
        assert_int_equal(c.faction, TM_JIN);
        assert_int_equal(c.choice, 1);
        assert_int_equal(game_check(g, &c), CMD_OK);
        ai_free(ai);
    }
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- a small war */

/* A symmetric little war: each side a capital (losing it loses the game), a city in the
 * middle that wins for whoever holds it at the end, hills and forest, six units each. */
static Map *war_map(int *cap_jin, int *cap_liao, int *mid)
{
    Map *m = tm_map(18, 11, TER_PLAIN);
    for (int r = 0; r < 11; r++) {
        map_set_terrain(m, tm_at(8, r), r % 3 == 0 ? TER_FOREST : TER_PLAIN);
        map_set_terrain(m, tm_at(9, r), r % 3 == 1 ? TER_HILLS : TER_PLAIN);
    }
    map_set_terrain(m, tm_at(4, 2), TER_HILLS);
    map_set_terrain(m, tm_at(13, 8), TER_HILLS);
    *cap_jin = tm_place(m, "huining", PLACE_CAPITAL, tm_at(1, 5));
    *cap_liao = tm_place(m, "shangjing", PLACE_CAPITAL, tm_at(16, 5));
    *mid = tm_place(m, "ningjiang", PLACE_CITY, tm_at(8, 5));
    tm_place(m, "xiantown", PLACE_TOWN, tm_at(5, 8));
    tm_place(m, "dongtown", PLACE_TOWN, tm_at(12, 2));
    return m;
}

static Game *war_game(const Map *m, uint64_t seed, int cap_jin, int cap_liao, int mid)
{
    Game *g = tm_game(m, seed);
    g->max_turns = 14;
    game_set_place_owner(g, cap_jin, TM_JIN);
    game_set_place_owner(g, cap_liao, TM_LIAO);
    g->places[cap_jin].supply_source = 1;
    g->places[cap_liao].supply_source = 1;
    VictoryCond vc;
    memset(&vc, 0, sizeof vc);
    vc.type = VC_TAKE_PLACE; vc.faction = TM_JIN; vc.target = cap_liao; game_add_victory(g, &vc);
    vc.type = VC_TAKE_PLACE; vc.faction = TM_LIAO; vc.target = cap_jin; game_add_victory(g, &vc);
    vc.type = VC_HOLD_PLACE; vc.faction = TM_JIN; vc.target = mid; game_add_victory(g, &vc);
    vc.type = VC_HOLD_PLACE; vc.faction = TM_LIAO; vc.target = mid; game_add_victory(g, &vc);
    static const char *types[6] = { "heavy_cavalry", "heavy_cavalry", "horse_archers",
                                    "infantry", "infantry", "infantry" };
    static const int rows[6] = { 3, 7, 5, 4, 5, 6 };
    for (int i = 0; i < 6; i++) {
        tm_unit(g, types[i], TM_JIN, tm_at(i < 3 ? 3 : 2, rows[i]));
        tm_unit(g, types[i], TM_LIAO, tm_at(i < 3 ? 14 : 15, rows[i]));
    }
    game_start(g);
    return g;
}

/* Plays a whole game with one AI per side; returns the winner (-1 draw). */
static int play_game(Game *g, AiKind jin, AiKind liao)
{
    Ai *a[2] = { ai_new(jin, g, NULL, TM_JIN, 1), ai_new(liao, g, NULL, TM_LIAO, 1) };
    for (int guard = 0; guard < 200 && !g->over; guard++) play_turn(g, a[g->active], NULL, 0);
    assert_true(g->over);
    ai_free(a[0]);
    ai_free(a[1]);
    return g->winner;
}

/* Same state, same commands: two players on two copies of one game give the same game. */
static void test_ai_is_deterministic(void **state)
{
    (void)state;
    int cj, cl, mid;
    Map *m = war_map(&cj, &cl, &mid);
    for (int kind = 0; kind < AI_KIND_COUNT; kind++) {
        Game *g1 = war_game(m, 77, cj, cl, mid), *g2 = war_game(m, 77, cj, cl, mid);
        Ai *a1[2] = { ai_new((AiKind)kind, g1, NULL, TM_JIN, 1), ai_new((AiKind)kind, g1, NULL, TM_LIAO, 1) };
        Ai *a2[2] = { ai_new((AiKind)kind, g2, NULL, TM_JIN, 1), ai_new((AiKind)kind, g2, NULL, TM_LIAO, 1) };
        static Command c1[MAX_CMDS], c2[MAX_CMDS];
        for (int t = 0; t < 12 && !g1->over; t++) {
            int n1 = play_turn(g1, a1[g1->active], c1, MAX_CMDS);
            int n2 = play_turn(g2, a2[g2->active], c2, MAX_CMDS);
            assert_int_equal(n1, n2);
            assert_memory_equal(c1, c2, sizeof(Command) * (size_t)(n1 < MAX_CMDS ? n1 : MAX_CMDS));
            assert_true(game_hash(g1) == game_hash(g2));
        }
        for (int i = 0; i < 2; i++) { ai_free(a1[i]); ai_free(a2[i]); }
        game_free(g1);
        game_free(g2);
    }
    map_free(m);
}

/* The random player's every command is legal (play_turn asserts it) over whole games. */
static void test_random_ai_only_makes_legal_moves(void **state)
{
    (void)state;
    int cj, cl, mid;
    Map *m = war_map(&cj, &cl, &mid);
    for (uint64_t seed = 1; seed <= 4; seed++) {
        Game *g = war_game(m, seed, cj, cl, mid);
        Ai *a[2] = { ai_new(AI_RANDOM, g, NULL, TM_JIN, 1), ai_new(AI_RANDOM, g, NULL, TM_LIAO, 1) };
        int cmds = 0;
        for (int guard = 0; guard < 100 && !g->over; guard++) cmds += play_turn(g, a[g->active], NULL, 0);
        assert_true(cmds > 20);
        ai_free(a[0]);
        ai_free(a[1]);
        game_free(g);
    }
    map_free(m);
}

/* The default player beats the baseline from either side on the little war. */
static void test_default_beats_baseline(void **state)
{
    (void)state;
    int cj, cl, mid;
    Map *m = war_map(&cj, &cl, &mid);
    int def_wins = 0, base_wins = 0, games = 0;
    for (uint64_t seed = 1; seed <= 4; seed++)
        for (int side = 0; side < 2; side++) {
            Game *g = war_game(m, seed, cj, cl, mid);
            int w = side == 0 ? play_game(g, AI_DEFAULT, AI_BASELINE) : play_game(g, AI_BASELINE, AI_DEFAULT);
            if (w == side) def_wins++;
            else if (w >= 0) base_wins++;
            games++;
            printf("seed %d default as %s: winner %d after %d turns (%s)\n", (int)seed,
                   side ? "liao" : "jin", w, g->turn, g->outcome);
            game_free(g);
        }
    assert_true(def_wins * 4 >= games * 3);
    assert_true(base_wins * 8 <= games);
    map_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ai_takes_undefended_place),
        cmocka_unit_test(test_ai_refuses_bad_attack),
        cmocka_unit_test(test_ai_coordinates_attack_from_several_hexes),
        cmocka_unit_test(test_ai_garrisons_threatened_capital),
        cmocka_unit_test(test_ai_starving_garrison_leaves_minor_place),
        cmocka_unit_test(test_ai_small_army_does_not_guard_minor_town),
        cmocka_unit_test(test_ai_answers_pending_choice),
        cmocka_unit_test(test_ai_is_deterministic),
        cmocka_unit_test(test_random_ai_only_makes_legal_moves),
        cmocka_unit_test(test_default_beats_baseline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

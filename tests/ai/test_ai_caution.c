/* test_ai_caution.c - the default AI's caution on tiny maps built here: the commander the
 * scenario counts keeps clear of an enemy army the AI saw and then lost from sight, and a
 * general kept from the dice all game is staked at the last chance. */
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

static void add_victory(Game *g, VictoryType type, int faction, int target, int value)
{
    VictoryCond vc;
    memset(&vc, 0, sizeof vc);
    vc.type = type; vc.faction = faction; vc.target = target; vc.value = value;
    game_add_victory(g, &vc);
}

/* The Liao emperor (his safety is the Liao victory) stands west of a Jin town he could ride
 * into; a Jin army of two heavy cavalry stands east of it, seen on the first turn by a scout
 * that is then lost. The Jin never move. Returns the first turn on which the emperor ended
 * his turn as near the Jin army as the town is, 0 if he never did in 8 turns. */
static int emperor_walks_into_reach(void)
{
    Map *m = tm_map(22, 9, TER_PLAIN);
    int town = tm_place(m, "weizhou", PLACE_TOWN, tm_at(10, 4));
    Game *g = tm_game(m, 3);
    g->max_turns = 20;
    game_set_place_owner(g, town, TM_JIN);
    int guard = tm_unit(g, "horse_archers", TM_LIAO, tm_at(3, 4));
    int tz = game_add_leader(g, "tianzuo", "Tianzuo", 1, TM_LIAO);
    game_attach_leader(g, tz, guard);
    int scout = tm_unit(g, "levy", TM_LIAO, tm_at(13, 4));
    Hex army = tm_at(15, 4);
    tm_unit(g, "heavy_cavalry", TM_JIN, army);
    tm_unit(g, "heavy_cavalry", TM_JIN, army);
    add_victory(g, VC_SAVE_LEADER, TM_LIAO, tz, 0);
    add_victory(g, VC_KILL_LEADER, TM_JIN, tz, 0);
    game_start(g);
    Ai *ai = ai_new(AI_DEFAULT, g, NULL, TM_LIAO, 1);
    int first = 0;
    for (int t = 1; t <= 8 && !g->over && !first; t++) {
        if (g->active == TM_JIN) { Command e = tm_end(TM_JIN); assert_int_equal(game_apply(g, &e), CMD_OK); }
        assert_int_equal(g->active, TM_LIAO);
        play_turn(g, ai, NULL, 0);
        if (t == 1 && g->units[scout].alive) game_remove_unit(g, scout);   /* the scout is lost */
        /* where the Jin heavy cavalry (6 moves) could reach him next turn */
        if (g->units[guard].alive && hex_distance(g->units[guard].hex, army) <= 5) first = t;
    }
    ai_free(ai);
    game_free(g);
    map_free(m);
    return first;
}

/* An enemy army out of sight for three turns has not gone away: the commander the scenario
 * counts does not ride up to it for a town (he did on turn 4, when the AI forgot it). */
static void test_commander_keeps_clear_of_army_lost_from_sight(void **state)
{
    (void)state;
    assert_int_equal(emperor_walks_into_reach(), 0);
}

/* Counts the attacks in n commands. */
static int count_attacks(const Command *c, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) if (c[i].type == CMD_ATTACK) k++;
    return k;
}

/* A Jin general with one step of heavy cavalry stands next to the town the Liao must hold
 * (two steps of levy in it): a good exchange, but the general would be lost in two blows of
 * five. last: this is the game's last turn. Returns the attacks the default AI made. */
static int general_attacks_town(int last)
{
    Map *m = tm_map(10, 8, TER_PLAIN);
    Hex at = tm_at(5, 4);
    int town = tm_place(m, "weizhou", PLACE_TOWN, at);
    Game *g = tm_game(m, 9);
    g->max_turns = last ? 1 : 20;
    game_set_place_owner(g, town, TM_LIAO);
    int cav = game_add_unit(g, rules_find_unit_type(&g->rules, "heavy_cavalry"), TM_JIN, tm_at(4, 4), 1);
    int wolu = game_add_leader(g, "wolu", "Wolu", 2, TM_JIN);
    game_attach_leader(g, wolu, cav);
    game_add_unit(g, rules_find_unit_type(&g->rules, "levy"), TM_LIAO, at, 2);
    add_victory(g, VC_HOLD_PLACE, TM_LIAO, town, 0);
    add_victory(g, VC_TAKE_PLACE, TM_JIN, town, 0);
    game_start(g);
    Command probe = tm_attack(TM_JIN, at, 1, &cav);
    CombatPreview p;
    assert_int_equal(combat_preview(g, &probe, &p), CMD_OK);
    int lost = 0;
    for (int i = 0; i < p.n; i++) if (p.out[i].att_loss >= 1) lost += p.out[i].prob;
    assert_true(lost * 12 > p.denom);                         /* more than the AI stakes a general on */
    assert_true(p.exp_def_loss_x100 > p.exp_att_loss_x100);   /* an exchange in our favour */
    Command cmds[256];
    Ai *ai = ai_new(AI_DEFAULT, g, NULL, TM_JIN, 1);
    int n = play_turn(g, ai, cmds, 256);
    ai_free(ai);
    game_free(g);
    map_free(m);
    return count_attacks(cmds, n);
}

/* A general is not staked on the dice while the game can still be won later; on the last
 * turn, with the game lost unless the town falls, he is (he was not). */
static void test_last_chance_stakes_a_general_on_the_prize(void **state)
{
    (void)state;
    assert_int_equal(general_attacks_town(0), 0);
    assert_int_equal(general_attacks_town(1), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commander_keeps_clear_of_army_lost_from_sight),
        cmocka_unit_test(test_last_chance_stakes_a_general_on_the_prize),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

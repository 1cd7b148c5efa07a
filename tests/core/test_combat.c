/* test_combat.c - attacks: legality, modifiers, the exact preview, resolution matching it,
 * losses, retreats, routs and the capture of leaders. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>
#include "testmap.h"

/* Every entry of the results table gives the same result. */
static void force_crt(Game *g, int att_loss, int def_loss, int retreat, int rout)
{
    CrtResult r = { (uint8_t)att_loss, (uint8_t)def_loss, (uint8_t)retreat, (uint8_t)rout };
    for (int c = 0; c < CRT_MAX_COLS; c++)
        for (int row = 0; row < CRT_ROWS; row++) g->rules.crt[c][row] = r;
}

typedef struct Setup { Map *m; Game *g; int a1, a2, d1, d2; Hex target; } Setup;

/* Jin attackers west and south-west of a Liao stack on open plain. */
static Setup setup_battle(uint64_t seed)
{
    Setup s;
    s.m = tm_map(10, 8, TER_PLAIN);
    s.g = tm_game(s.m, seed);
    s.target = tm_at(4, 4);
    s.a1 = tm_unit(s.g, "heavy_cavalry", TM_JIN, hex_neighbor(s.target, HEX_W));
    s.a2 = tm_unit(s.g, "infantry", TM_JIN, hex_neighbor(s.target, HEX_SW));
    s.d1 = tm_unit(s.g, "infantry", TM_LIAO, s.target);
    s.d2 = tm_unit(s.g, "levy", TM_LIAO, s.target);
    return s;
}

static void start(Setup *s)
{
    game_start(s->g);
    /* even cohesion for both sides: the supply rules at the start would otherwise differ */
    for (int i = 0; i < s->g->n_units; i++) s->g->units[i].cohesion = s->g->rules.cohesion_max;
}

static void done(Setup *s)
{
    game_free(s->g);
    map_free(s->m);
}

static Command attack2(const Setup *s)
{
    int att[2] = { s->a1, s->a2 };
    return tm_attack(TM_JIN, s->target, 2, att);
}

/* ---------------------------------------------------------------- legality */

static void test_attack_refusals(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    int far = tm_unit(s.g, "infantry", TM_JIN, tm_at(0, 0));
    int song = game_add_faction(s.g, "song", "Song", 0xCC79A7);
    int neutral = tm_unit(s.g, "infantry", song, tm_at(8, 7));
    tm_unit(s.g, "infantry", TM_JIN, tm_at(7, 7));
    (void)neutral;
    start(&s);
    int one[1] = { far };
    Command c = tm_attack(TM_JIN, s.target, 1, one);
    assert_int_equal(game_apply(s.g, &c), CMD_ERR_NOT_ADJACENT);
    int a[1] = { s.a1 };
    c = tm_attack(TM_JIN, tm_at(3, 3), 1, a);                 /* empty hex */
    assert_int_equal(game_apply(s.g, &c), CMD_ERR_NO_TARGET);
    int dup[2] = { s.a1, s.a1 };
    c = tm_attack(TM_JIN, s.target, 2, dup);
    assert_int_equal(game_apply(s.g, &c), CMD_ERR_BAD_COMMAND);
    c = attack2(&s);
    c.n_attackers = 7;
    assert_int_equal(game_apply(s.g, &c), CMD_ERR_TOO_MANY_ATTACKERS);
    int foe[1] = { s.d1 };
    c = tm_attack(TM_JIN, hex_neighbor(s.target, HEX_W), 1, foe);
    assert_int_equal(game_apply(s.g, &c), CMD_ERR_BAD_UNIT);
    int nb[1] = { s.g->n_units - 1 };                          /* the Jin unit next to the Song one */
    c = tm_attack(TM_JIN, tm_at(8, 7), 1, nb);
    assert_int_equal(game_apply(s.g, &c), CMD_ERR_NOT_AT_WAR);
    done(&s);
}

static void test_attackers_lose_remaining_moves_and_cannot_attack_again(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 0, 1, 0, 0);
    start(&s);
    Command c = attack2(&s);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_int_equal(s.g->units[s.a1].mp, 0);
    assert_int_equal(s.g->units[s.a2].mp, 0);
    assert_true(s.g->units[s.a1].attacked);
    assert_int_equal(game_apply(s.g, &c), CMD_ERR_ALREADY_ATTACKED);
    assert_int_equal(s.g->log[s.g->n_log - 1].type, GEV_BATTLE);
    done(&s);
}

/* ---------------------------------------------------------------- modifiers */

static void test_river_defence_when_all_attackers_are_across(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    map_set_side(s.m, s.target, HEX_W, SIDE_RIVER_MINOR, 1);
    start(&s);
    int one[1] = { s.a1 };
    Command c = tm_attack(TM_JIN, s.target, 1, one);
    CombatPreview p, p2;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.river, 1);
    c = attack2(&s);                                          /* the second attacker is not across */
    assert_int_equal(combat_preview(s.g, &c, &p2), CMD_OK);
    assert_int_equal(p2.setup.river, 0);
    assert_int_equal(p.setup.def_pct - p2.setup.def_pct, s.g->rules.river_defence_pct);
    done(&s);
}

static void test_frozen_river_gives_no_defence(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    map_set_side(s.m, s.target, HEX_W, SIDE_RIVER_MAJOR, 1);
    s.g->start_month = 1;
    start(&s);
    int one[1] = { s.a1 };
    Command c = tm_attack(TM_JIN, s.target, 1, one);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.river, 0);
    done(&s);
}

static void test_fortified_place_adds_defence(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    Command c = attack2(&s);
    start(&s);
    CombatPreview open, fort;
    assert_int_equal(combat_preview(s.g, &c, &open), CMD_OK);
    Setup t = setup_battle(1);
    tm_place(t.m, "ningjiang", PLACE_FORTRESS, t.target);
    start(&t);
    assert_int_equal(combat_preview(t.g, &c, &fort), CMD_OK);
    assert_int_equal(fort.setup.fortified, 1);
    assert_int_equal(open.setup.fortified, 0);
    assert_int_equal(fort.setup.def_pct - open.setup.def_pct, t.g->rules.fort_defence_pct);
    assert_true(fort.setup.defence > open.setup.defence);
    done(&t);
    done(&s);
}

static void test_terrain_defence_applies(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    map_set_terrain(s.m, s.target, TER_HILLS);
    start(&s);
    CombatPreview p;
    Command c = attack2(&s);
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.def_pct, s.g->rules.terrain[TER_HILLS].defence_pct);
    done(&s);
}

static void test_cavalry_in_the_open_gets_bonus(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    s.g->start_month = 7;                                     /* summer: no season modifier */
    start(&s);
    int one[1] = { s.a1 };
    Command c = tm_attack(TM_JIN, s.target, 1, one);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.open_cavalry, 1);
    assert_int_equal(p.setup.att_pct, s.g->rules.cavalry_open_pct);
    map_set_terrain(s.m, s.target, TER_FOREST);
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.open_cavalry, 0);
    assert_int_equal(p.setup.att_pct, 0);
    done(&s);
}

static void test_season_modifies_attack(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    s.g->start_month = 1;
    map_set_terrain(s.m, s.target, TER_FOREST);               /* no open-ground bonus */
    start(&s);
    int one[1] = { s.a2 };                                    /* infantry */
    Command c = tm_attack(TM_JIN, s.target, 1, one);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.att_pct, s.g->rules.season_pct[SEASON_WINTER][UC_INFANTRY]);
    done(&s);
}

static void test_leader_rating_adds_strength(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    s.g->start_month = 7;
    map_set_terrain(s.m, s.target, TER_FOREST);
    int l = game_add_leader(s.g, "aguda", "Wanyan Aguda", 3, TM_JIN);
    game_attach_leader(s.g, l, s.a2);
    start(&s);
    Command c = attack2(&s);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.att_pct, 3 * s.g->rules.leader_pct_per_rating);
    done(&s);
}

static void test_low_cohesion_is_a_roll_modifier(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    start(&s);
    Command c = attack2(&s);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.setup.drm, 0);
    s.g->units[s.a1].cohesion = 20;
    s.g->units[s.a2].cohesion = 20;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_true(p.setup.drm < 0);
    done(&s);
}

/* ---------------------------------------------------------------- the preview */

static void test_preview_probabilities_sum_to_one(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    start(&s);
    Command c = attack2(&s);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_int_equal(p.denom, 216);
    int sum = 0;
    for (int i = 0; i < p.n; i++) {
        assert_true(p.out[i].prob > 0);
        if (i) assert_true(p.out[i].prob <= p.out[i - 1].prob);
        for (int j = 0; j < i; j++)
            assert_false(p.out[i].att_loss == p.out[j].att_loss && p.out[i].def_loss == p.out[j].def_loss &&
                         p.out[i].retreat == p.out[j].retreat && p.out[i].rout == p.out[j].rout &&
                         p.out[i].leader_captured == p.out[j].leader_captured);
        sum += p.out[i].prob;
    }
    assert_int_equal(sum, p.denom);
    assert_true(p.n > 3);
    done(&s);
}

static void test_preview_of_refused_attack_returns_the_reason(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    start(&s);
    int one[1] = { s.d1 };
    Command c = tm_attack(TM_JIN, s.target, 1, one);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_ERR_BAD_UNIT);
    done(&s);
}

static int find_outcome(const CombatPreview *p, const CombatOutcome *o)
{
    for (int i = 0; i < p->n; i++)
        if (p->out[i].att_loss == o->att_loss && p->out[i].def_loss == o->def_loss &&
            p->out[i].retreat == o->retreat && p->out[i].rout == o->rout &&
            p->out[i].leader_captured == o->leader_captured)
            return i;
    return -1;
}

static void test_resolution_matches_preview(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    int l = game_add_leader(s.g, "xiao_sixian", "Xiao Sixian", 1, TM_LIAO);
    game_attach_leader(s.g, l, s.d2);
    game_remove_unit(s.g, s.d1);          /* the levy alone: high odds, so every result occurs */
    start(&s);
    Command c = attack2(&s);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_true(p.p_capture > 0);
    assert_true(p.p_capture < p.p_rout);
    assert_true(p.p_retreat > 0);
    enum { N = 20000 };
    int count[COMBAT_MAX_OUTCOMES] = { 0 };
    Game *clone = game_clone(s.g);
    for (int seed = 0; seed < N; seed++) {
        game_copy(clone, s.g);
        rng_seed(&clone->rng, (uint64_t)seed * 7919u + 17u);
        CombatOutcome o = combat_draw(clone, &c, NULL);
        int i = find_outcome(&p, &o);
        assert_true(i >= 0);
        count[i]++;
    }
    for (int i = 0; i < p.n; i++) {
        double q = (double)p.out[i].prob / p.denom;
        double se = sqrt(N * q * (1 - q));
        assert_true(fabs(count[i] - N * q) <= 4 * se + 1);
    }
    /* game_apply carries out exactly what combat_draw draws from the same RNG state */
    for (int seed = 0; seed < 200; seed++) {
        game_copy(clone, s.g);
        rng_seed(&clone->rng, (uint64_t)seed);
        Game *twin = game_clone(clone);
        CombatOutcome o = combat_draw(twin, &c, NULL);
        int steps_before = clone->units[s.d2].steps;
        int att_before = clone->units[s.a1].steps;
        Hex where = clone->units[s.d2].hex;
        assert_int_equal(game_apply(clone, &c), CMD_OK);
        const Unit *d = &clone->units[s.d2];
        if (o.rout || o.def_loss >= steps_before) assert_false(d->alive);
        else {
            assert_true(d->alive);
            assert_int_equal(steps_before - d->steps, o.def_loss);
            assert_int_equal(!hex_eq(d->hex, where), o.retreat);
        }
        assert_int_equal(att_before - clone->units[s.a1].steps, o.att_loss);
        assert_int_equal(clone->leaders[l].state == LEADER_CAPTURED, o.leader_captured);
        assert_true(clone->rng.state == twin->rng.state);
        game_free(twin);
    }
    game_free(clone);
    done(&s);
}

/* ---------------------------------------------------------------- losses, retreat, rout */

static void test_defender_losses_go_to_strongest_unit_first(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 0, 1, 0, 0);
    start(&s);
    int inf = s.g->units[s.d1].steps, levy = s.g->units[s.d2].steps;
    Command c = attack2(&s);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_int_equal(s.g->units[s.d1].steps, inf - 1);        /* infantry 4x4 beats levy 3x2 */
    assert_int_equal(s.g->units[s.d2].steps, levy);
    done(&s);
}

static void test_attacker_losses_go_to_the_lead_attacker(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 1, 0, 0, 0);
    start(&s);
    int a1 = s.g->units[s.a1].steps, a2 = s.g->units[s.a2].steps;
    int att[2] = { s.a2, s.a1 };                              /* the infantry leads */
    Command c = tm_attack(TM_JIN, s.target, 2, att);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_int_equal(s.g->units[s.a2].steps, a2 - 1);
    assert_int_equal(s.g->units[s.a1].steps, a1);
    done(&s);
}

static void test_retreat_moves_defenders_away_from_the_attackers(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 0, 0, 1, 0);
    start(&s);
    Command c = attack2(&s);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_true(p.setup.can_retreat);
    assert_int_equal(p.p_retreat, p.denom);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    for (int k = 0; k < 2; k++) {
        const Unit *d = &s.g->units[k ? s.d2 : s.d1];
        assert_true(d->alive);
        assert_int_equal(hex_distance(d->hex, s.target), 1);
        assert_true(hex_distance(d->hex, s.g->units[s.a1].hex) >= 2);
        assert_true(hex_distance(d->hex, s.g->units[s.a2].hex) >= 2);
    }
    done(&s);
}

static void test_retreat_blocked_costs_a_step(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 0, 0, 1, 0);
    /* water on every side that is not next to an attacker: nowhere to go */
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex n = hex_neighbor(s.target, d);
        if (d != HEX_W && d != HEX_SW) map_set_terrain(s.m, n, TER_LAKE);
    }
    start(&s);
    Command c = attack2(&s);
    CombatPreview p;
    assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
    assert_false(p.setup.can_retreat);
    assert_int_equal(p.n, 1);
    assert_int_equal(p.out[0].def_loss, 2);                   /* one step for each defender */
    assert_int_equal(p.out[0].retreat, 0);
    int inf = s.g->units[s.d1].steps;
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_int_equal(s.g->units[s.d1].steps, inf - 1);
    assert_true(hex_eq(s.g->units[s.d1].hex, s.target));
    done(&s);
}

static void test_rout_dissolves_the_defenders(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 0, 0, 0, 1);
    start(&s);
    Command c = attack2(&s);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_false(s.g->units[s.d1].alive);
    assert_false(s.g->units[s.d2].alive);
    int destroyed = 0;
    for (int i = 0; i < s.g->n_log; i++) destroyed += s.g->log[i].type == GEV_UNIT_DESTROYED;
    assert_int_equal(destroyed, 2);
    /* the Liao have nothing left: they die, and only the Jin remain */
    assert_false(s.g->factions[TM_LIAO].alive);
    done(&s);
}

/* Records HOOK_BATTLE's c (the attacker won) into *ud. */
static void record_battle(Game *g, const HookEvent *ev, void *ud)
{
    (void)g;
    if (ev->type == HOOK_BATTLE) *(int *)ud = ev->c;
}

static void test_clearing_the_hex_in_an_even_exchange_is_an_attacker_win(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 1, 1, 0, 0);
    start(&s);
    s.g->units[s.d2].alive = 0;                 /* one defender only, with one step */
    s.g->units[s.d1].steps = 1;
    int won = -1;
    s.g->hook = record_battle;
    s.g->hook_ud = &won;
    int att[1] = { s.a1 };
    Command c = tm_attack(TM_JIN, s.target, 1, att);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_false(s.g->units[s.d1].alive);
    assert_true(s.g->units[s.a1].alive);
    assert_int_equal(won, 1);
    done(&s);
}

static void test_an_even_exchange_that_leaves_the_defender_standing_is_a_loss(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 1, 1, 0, 0);
    start(&s);
    int won = -1;
    s.g->hook = record_battle;
    s.g->hook_ud = &won;
    Command c = attack2(&s);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_true(s.g->units[s.d1].alive);
    assert_int_equal(won, 0);
    done(&s);
}

static void test_rout_captures_leader_sometimes(void **state)
{
    (void)state;
    int captured = 0, escaped = 0, killed = 0;
    for (uint64_t seed = 1; seed <= 60; seed++) {
        Setup s = setup_battle(seed);
        force_crt(s.g, 0, 0, 0, 1);
        int l = game_add_leader(s.g, "xiao_sixian", "Xiao Sixian", 1, TM_LIAO);
        game_attach_leader(s.g, l, s.d1);
        int refuge = -1;
        if (seed % 2) refuge = tm_unit(s.g, "levy", TM_LIAO, tm_at(6, 2)); /* 3 hexes away */
        start(&s);
        Command c = attack2(&s);
        CombatPreview p;
        assert_int_equal(combat_preview(s.g, &c, &p), CMD_OK);
        assert_int_equal(p.p_capture * 6, p.denom * s.g->rules.capture_leader_in6);
        assert_int_equal(game_apply(s.g, &c), CMD_OK);
        const Leader *ld = &s.g->leaders[l];
        if (ld->state == LEADER_CAPTURED) captured++;
        else if (ld->state == LEADER_KILLED) { killed++; assert_int_equal(refuge, -1); }
        else {
            escaped++;
            assert_int_equal(ld->unit, refuge);
            assert_int_equal(s.g->units[refuge].leader, l);
        }
        done(&s);
    }
    assert_true(captured > 0);
    assert_true(escaped > 0);
    assert_true(killed > 0);
}

static void test_experience_grows_after_battle(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    force_crt(s.g, 0, 1, 0, 0);
    start(&s);
    Command c = attack2(&s);
    assert_int_equal(game_apply(s.g, &c), CMD_OK);
    assert_int_equal(s.g->units[s.a1].exp, s.g->rules.exp_per_battle);
    assert_int_equal(s.g->units[s.d1].exp, s.g->rules.exp_per_battle);
    done(&s);
}

static void test_draw_changes_only_the_rng(void **state)
{
    (void)state;
    Setup s = setup_battle(1);
    start(&s);
    Game *before = game_clone(s.g);
    Command c = attack2(&s);
    combat_draw(s.g, &c, NULL);
    assert_true(s.g->rng.state != before->rng.state);
    s.g->rng = before->rng;
    assert_true(game_hash(s.g) == game_hash(before));
    game_free(before);
    done(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attack_refusals),
        cmocka_unit_test(test_attackers_lose_remaining_moves_and_cannot_attack_again),
        cmocka_unit_test(test_river_defence_when_all_attackers_are_across),
        cmocka_unit_test(test_frozen_river_gives_no_defence),
        cmocka_unit_test(test_fortified_place_adds_defence),
        cmocka_unit_test(test_terrain_defence_applies),
        cmocka_unit_test(test_cavalry_in_the_open_gets_bonus),
        cmocka_unit_test(test_season_modifies_attack),
        cmocka_unit_test(test_leader_rating_adds_strength),
        cmocka_unit_test(test_low_cohesion_is_a_roll_modifier),
        cmocka_unit_test(test_preview_probabilities_sum_to_one),
        cmocka_unit_test(test_preview_of_refused_attack_returns_the_reason),
        cmocka_unit_test(test_resolution_matches_preview),
        cmocka_unit_test(test_defender_losses_go_to_strongest_unit_first),
        cmocka_unit_test(test_attacker_losses_go_to_the_lead_attacker),
        cmocka_unit_test(test_retreat_moves_defenders_away_from_the_attackers),
        cmocka_unit_test(test_retreat_blocked_costs_a_step),
        cmocka_unit_test(test_rout_dissolves_the_defenders),
        cmocka_unit_test(test_clearing_the_hex_in_an_even_exchange_is_an_attacker_win),
        cmocka_unit_test(test_an_even_exchange_that_leaves_the_defender_standing_is_a_loss),
        cmocka_unit_test(test_rout_captures_leader_sometimes),
        cmocka_unit_test(test_experience_grows_after_battle),
        cmocka_unit_test(test_draw_changes_only_the_rng),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

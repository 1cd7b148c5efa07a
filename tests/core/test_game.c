/* test_game.c - turns, the calendar, supply, places, victory, choices, hooks, the log, the
 * hash and copies: the game rules around movement and combat. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "testmap.h"
#include "core_internal.h"

/* ---------------------------------------------------------------- a hook that records */

typedef struct Rec {
    int n;
    HookEvent ev[64];
    int add_unit_on_move;       /* add a Liao levy far away when a unit moves */
    int end_on_capture;         /* end the game when a place is captured */
    int ask_on_turn_start;      /* pose a choice at each turn start */
} Rec;

static void rec_hook(Game *g, const HookEvent *ev, void *ud)
{
    Rec *r = ud;
    if (r->n < 64) r->ev[r->n++] = *ev;
    if (ev->type == HOOK_UNIT_MOVED && r->add_unit_on_move)
        tm_unit(g, "levy", TM_LIAO, tm_at(9, 4));
    if (ev->type == HOOK_PLACE_CAPTURED && r->end_on_capture) game_end(g, ev->b, "scripted end");
    if (ev->type == HOOK_TURN_START && r->ask_on_turn_start) {
        static const char opts[2][64] = { "Yes", "No" };
        game_ask_choice(g, ev->a, 7, "Pay the tribute?", opts, 2, 1);
    }
}

static int rec_count(const Rec *r, HookType t)
{
    int n = 0;
    for (int i = 0; i < r->n; i++) n += r->ev[i].type == t;
    return n;
}

static int log_count(const Game *g, GameEventType t)
{
    int n = 0;
    for (int i = 0; i < g->n_log; i++) n += g->log[i].type == t;
    return n;
}

static const LogEntry *last_log(const Game *g, GameEventType t)
{
    for (int i = g->n_log - 1; i >= 0; i--)
        if (g->log[i].type == t) return &g->log[i];
    return NULL;
}

static void end_round(Game *g)
{
    int turn = g->turn;
    for (int guard = 0; guard < GAME_MAX_FACTIONS && g->turn == turn && !g->over; guard++) {
        Command c = tm_end(g->active);
        assert_int_equal(game_apply(g, &c), CMD_OK);
    }
}

/* ---------------------------------------------------------------- the one door */

static void test_refused_command_changes_nothing(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    int e = tm_unit(g, "infantry", TM_LIAO, tm_at(6, 2));
    game_start(g);
    Game *before = game_clone(g);
    uint64_t h = game_hash(g);
    int far[1] = { u };
    Command bad[] = {
        tm_move(TM_JIN, e, tm_at(5, 2)),          /* not our unit */
        tm_move(TM_LIAO, e, tm_at(5, 2)),         /* not our turn */
        tm_move(TM_JIN, u, tm_at(9, 5)),          /* too far */
        tm_move(TM_JIN, u, tm_at(-3, 2)),         /* off the map */
        tm_move(TM_JIN, 999, tm_at(2, 2)),        /* no such unit */
        tm_attack(TM_JIN, tm_at(6, 2), 1, far),   /* not adjacent */
        tm_choose(TM_JIN, 0),                     /* no choice pending */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_not_equal(game_apply(g, &bad[i]), CMD_OK);
        assert_true(game_hash(g) == h);
    }
    Command weird = tm_end(TM_JIN);
    weird.type = (CommandType)77;
    assert_int_equal(game_apply(g, &weird), CMD_ERR_BAD_COMMAND);
    assert_true(game_hash(g) == h);
    assert_int_equal(memcmp(g->units, before->units, sizeof g->units), 0);
    assert_int_equal(memcmp(&g->rng, &before->rng, sizeof g->rng), 0);
    game_free(before);
    game_free(g);
    map_free(m);
}

static void test_commands_before_start_are_refused(void **state)
{
    (void)state;
    Map *m = tm_map(6, 4, TER_PLAIN);
    Game *g = tm_game(m, 5);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &c), CMD_ERR_BAD_COMMAND);
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- turns and the calendar */

static void test_end_turn_passes_to_next_faction_then_new_turn(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    Rec rec = { 0 };
    g->hook = rec_hook;
    g->hook_ud = &rec;
    game_start(g);
    assert_int_equal(g->turn, 1);
    assert_int_equal(g->active, TM_JIN);
    Command mv = tm_move(TM_JIN, u, tm_at(2, 2));
    assert_int_equal(game_apply(g, &mv), CMD_OK);
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->active, TM_LIAO);
    assert_int_equal(g->turn, 1);
    c = tm_end(TM_LIAO);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->turn, 2);
    assert_int_equal(g->active, TM_JIN);
    assert_int_equal(g->units[u].mp, g->rules.unit_types[g->units[u].type].move);
    assert_int_equal(g->units[u].moved, 0);
    assert_int_equal(rec_count(&rec, HOOK_TURN_START), 3);
    assert_int_equal(rec_count(&rec, HOOK_TURN_END), 1);
    game_free(g);
    map_free(m);
}

static void test_turn_order_skips_dead_factions(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int xia = game_add_faction(g, "xia", "Western Xia", 0x009E73);
    int song = game_add_faction(g, "song", "Song", 0xCC79A7);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", xia, tm_at(8, 2));
    (void)song;                               /* no units, no places: dies at the start */
    game_start(g);
    assert_int_equal(g->factions[TM_LIAO].alive, 0);
    assert_int_equal(g->factions[song].alive, 0);
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->active, xia);
    c = tm_end(xia);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->active, TM_JIN);
    assert_int_equal(g->turn, 2);
    game_free(g);
    map_free(m);
}

static void test_calendar_dates(void **state)
{
    (void)state;
    Map *m = tm_map(4, 4, TER_PLAIN);
    Game *g = tm_game(m, 5);
    g->start_year = 1114; g->start_month = 9; g->start_day = 1; g->turn_days = 7;
    int y, mo, d;
    game_turn_date(g, 1, &y, &mo, &d);
    assert_true(y == 1114 && mo == 9 && d == 1);
    game_turn_date(g, 5, &y, &mo, &d);
    assert_true(y == 1114 && mo == 9 && d == 29);
    game_turn_date(g, 18, &y, &mo, &d);
    assert_true(y == 1114 && mo == 12 && d == 29);
    game_turn_date(g, 19, &y, &mo, &d);
    assert_true(y == 1115 && mo == 1 && d == 5);
    char buf[32];
    game_date_str(g, 10, buf, sizeof buf);
    assert_string_equal(buf, "3 Nov 1114");
    /* the Julian calendar: 1100 is a leap year (it would not be in the Gregorian) */
    g->start_year = 1100; g->start_month = 2; g->start_day = 28; g->turn_days = 1;
    game_turn_date(g, 2, &y, &mo, &d);
    assert_true(y == 1100 && mo == 2 && d == 29);
    game_turn_date(g, 3, &y, &mo, &d);
    assert_true(y == 1100 && mo == 3 && d == 1);
    game_free(g);
    map_free(m);
}

static void test_season_follows_the_month(void **state)
{
    (void)state;
    Map *m = tm_map(4, 4, TER_PLAIN);
    Game *g = tm_game(m, 5);
    g->start_year = 1115; g->start_day = 10; g->turn = 1;
    static const Season by_month[13] = { 0, SEASON_WINTER, SEASON_WINTER, SEASON_SPRING,
        SEASON_SPRING, SEASON_SPRING, SEASON_SUMMER, SEASON_SUMMER, SEASON_SUMMER,
        SEASON_AUTUMN, SEASON_AUTUMN, SEASON_AUTUMN, SEASON_WINTER };
    for (int mo = 1; mo <= 12; mo++) {
        g->start_month = mo;
        assert_int_equal(game_season(g), by_month[mo]);
    }
    assert_string_equal(season_id(SEASON_WINTER), "winter");
    game_free(g);
    map_free(m);
}

static void test_winter_freezes_rivers(void **state)
{
    (void)state;
    Map *m = tm_map(4, 4, TER_PLAIN);
    Game *g = tm_game(m, 5);
    g->rules.freeze_from_month = 11; g->rules.freeze_from_day = 15;
    g->rules.freeze_to_month = 3; g->rules.freeze_to_day = 15;
    g->start_year = 1114; g->start_month = 11; g->start_day = 1; g->turn_days = 7;
    g->turn = 2;                                   /* 8 Nov */
    assert_false(game_rivers_frozen(g));
    g->turn = 3;                                   /* 15 Nov */
    assert_true(game_rivers_frozen(g));
    g->turn = 10;                                  /* 3 Jan 1115: across the new year */
    assert_true(game_rivers_frozen(g));
    g->turn = 19;                                  /* 7 Mar */
    assert_true(game_rivers_frozen(g));
    g->turn = 21;                                  /* 21 Mar: the thaw */
    assert_false(game_rivers_frozen(g));
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- supply */

static void test_unsupplied_unit_loses_cohesion(void **state)
{
    (void)state;
    Map *m = tm_map(20, 4, TER_PLAIN);
    int city = tm_place(m, "city", PLACE_CITY, tm_at(0, 1));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, city, TM_JIN);
    int near = tm_unit(g, "infantry", TM_JIN, tm_at(2, 1));
    int far = tm_unit(g, "infantry", TM_JIN, tm_at(18, 1));
    tm_unit(g, "infantry", TM_LIAO, tm_at(18, 3));
    game_start(g);
    const Rules *r = &g->rules;
    assert_true(g->units[near].supplied);
    assert_false(g->units[far].supplied);
    assert_int_equal(g->units[far].cohesion, r->cohesion_max - r->cohesion_loss_unsupplied);
    assert_int_equal(g->units[near].cohesion, r->cohesion_max);
    g->units[near].cohesion = 50;
    end_round(g);
    assert_int_equal(g->units[far].cohesion, r->cohesion_max - 2 * r->cohesion_loss_unsupplied);
    assert_int_equal(g->units[near].cohesion, 50 + r->cohesion_recover);
    game_free(g);
    map_free(m);
}

static void test_enemy_zoc_cuts_supply_unless_a_friend_stands_there(void **state)
{
    (void)state;
    Map *m = tm_map(10, 3, TER_PLAIN);
    int city = tm_place(m, "city", PLACE_CITY, tm_at(0, 1));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, city, TM_JIN);
    int cut = tm_unit(g, "infantry", TM_JIN, tm_at(6, 1));
    tm_unit(g, "infantry", TM_LIAO, tm_at(3, 1));  /* its ZOC closes the 3-row corridor */
    game_start(g);
    assert_false(g->units[cut].supplied);
    tm_unit(g, "infantry", TM_JIN, tm_at(3, 0));   /* friends in the ZOC open the way */
    tm_unit(g, "infantry", TM_JIN, tm_at(4, 0));
    end_round(g);
    assert_true(g->units[cut].supplied);
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- places and victory */

static void test_moving_into_place_captures_it(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    int town = tm_place(m, "ningjiang", PLACE_FORTRESS, tm_at(3, 2));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, town, TM_LIAO);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(9, 5));
    Rec rec = { 0 };
    g->hook = rec_hook;
    g->hook_ud = &rec;
    game_start(g);
    Command c = tm_move(TM_JIN, u, tm_at(3, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->places[town].owner, TM_JIN);
    assert_int_equal(log_count(g, GEV_PLACE_CAPTURED), 1);
    assert_int_equal(rec_count(&rec, HOOK_PLACE_CAPTURED), 1);
    const HookEvent *ev = &rec.ev[rec.n - 1];
    assert_int_equal(ev->type, HOOK_PLACE_CAPTURED);
    assert_int_equal(ev->a, town);
    assert_int_equal(ev->b, TM_JIN);
    assert_int_equal(ev->c, TM_LIAO);
    game_free(g);
    map_free(m);
}

static void test_moving_into_a_neutral_place_leaves_its_owner(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    int town = tm_place(m, "kaifeng", PLACE_CITY, tm_at(3, 2));
    Game *g = tm_game(m, 5);
    int song = game_add_faction(g, "song", "Song", 0xCC79A7);
    game_set_place_owner(g, town, song);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(9, 5));
    game_start(g);
    Command c = tm_move(TM_JIN, u, tm_at(3, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->places[town].owner, song);
    game_free(g);
    map_free(m);
}

static void test_take_place_victory_ends_game(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    int town = tm_place(m, "ningjiang", PLACE_FORTRESS, tm_at(3, 2));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, town, TM_LIAO);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(9, 5));
    VictoryCond vc = { VC_TAKE_PLACE, TM_JIN, town, 0, "Jin victory: Ningjiang taken" };
    game_add_victory(g, &vc);
    Rec rec = { 0 };
    g->hook = rec_hook;
    g->hook_ud = &rec;
    game_start(g);
    assert_false(g->over);
    Command c = tm_move(TM_JIN, u, tm_at(3, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(g->over);
    assert_int_equal(g->winner, TM_JIN);
    assert_string_equal(g->outcome, "Jin victory: Ningjiang taken");
    assert_int_equal(log_count(g, GEV_VICTORY), 1);
    assert_int_equal(rec_count(&rec, HOOK_GAME_OVER), 1);
    c = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &c), CMD_ERR_GAME_OVER);
    game_free(g);
    map_free(m);
}

static void test_kill_leader_victory_ends_game(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    int lu = tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    int tianzuo = game_add_leader(g, "tianzuo", "Emperor Tianzuo", 1, TM_LIAO);
    game_attach_leader(g, tianzuo, lu);
    VictoryCond vc = { VC_KILL_LEADER, TM_JIN, tianzuo, 0, "" };
    game_add_victory(g, &vc);
    game_start(g);
    assert_false(g->over);
    game_set_leader_state(g, tianzuo, LEADER_CAPTURED);   /* as a script handler would */
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(g->over);
    assert_int_equal(g->winner, TM_JIN);
    game_free(g);
    map_free(m);
}

static void test_hold_place_wins_at_the_end(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    int a = tm_place(m, "shangjing", PLACE_CAPITAL, tm_at(8, 2));
    int b = tm_place(m, "zhongjing", PLACE_CAPITAL, tm_at(8, 4));
    Game *g = tm_game(m, 5);
    g->max_turns = 2;
    game_set_place_owner(g, a, TM_LIAO);
    game_set_place_owner(g, b, TM_LIAO);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    VictoryCond v1 = { VC_HOLD_PLACE, TM_LIAO, a, 0, "Liao: hold both capitals" };
    VictoryCond v2 = { VC_HOLD_PLACE, TM_LIAO, b, 0, "" };
    game_add_victory(g, &v1);
    game_add_victory(g, &v2);
    game_start(g);
    end_round(g);
    assert_false(g->over);
    end_round(g);
    assert_true(g->over);
    assert_int_equal(g->winner, TM_LIAO);
    assert_string_equal(g->outcome, "Liao: hold both capitals");
    game_free(g);
    map_free(m);
}

static void test_draw_when_no_end_condition_holds(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    int a = tm_place(m, "shangjing", PLACE_CAPITAL, tm_at(8, 2));
    int b = tm_place(m, "zhongjing", PLACE_CAPITAL, tm_at(8, 4));
    Game *g = tm_game(m, 5);
    g->max_turns = 1;
    game_set_place_owner(g, a, TM_LIAO);
    game_set_place_owner(g, b, TM_JIN);          /* one of the two lost: the condition fails */
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    VictoryCond v1 = { VC_HOLD_PLACE, TM_LIAO, a, 0, "" };
    VictoryCond v2 = { VC_HOLD_PLACE, TM_LIAO, b, 0, "" };
    game_add_victory(g, &v1);
    game_add_victory(g, &v2);
    game_start(g);
    end_round(g);
    assert_true(g->over);
    assert_int_equal(g->winner, -1);
    game_free(g);
    map_free(m);
}

static void test_first_listed_end_condition_wins_when_several_hold(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    g->max_turns = 1;
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    g->factions[TM_JIN].score = 10;
    g->factions[TM_LIAO].score = 10;
    VictoryCond v1 = { VC_SCORE, TM_LIAO, 0, 5, "" };
    VictoryCond v2 = { VC_SCORE, TM_JIN, 0, 5, "" };
    game_add_victory(g, &v1);
    game_add_victory(g, &v2);
    game_start(g);
    end_round(g);
    assert_true(g->over);
    assert_int_equal(g->winner, TM_LIAO);
    game_free(g);
    map_free(m);
}

static void test_faction_without_units_or_places_dies(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int xia = game_add_faction(g, "xia", "Western Xia", 0x009E73);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    int x = tm_unit(g, "levy", xia, tm_at(8, 5));
    game_start(g);
    assert_true(g->factions[xia].alive);
    game_remove_unit(g, x);
    Command c = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_false(g->factions[xia].alive);
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- choices and hooks */

static void test_choice_pending_blocks_other_commands(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    Rec rec = { 0 };
    rec.ask_on_turn_start = 1;
    g->hook = rec_hook;
    g->hook_ud = &rec;
    game_start(g);
    assert_true(g->choice.active);
    Command mv = tm_move(TM_JIN, u, tm_at(2, 2)), end = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &mv), CMD_ERR_CHOICE_PENDING);
    assert_int_equal(game_apply(g, &end), CMD_ERR_CHOICE_PENDING);
    Command wrong = tm_choose(TM_LIAO, 0), bad = tm_choose(TM_JIN, 2);
    assert_int_equal(game_apply(g, &wrong), CMD_ERR_NOT_YOUR_TURN);
    assert_int_equal(game_apply(g, &bad), CMD_ERR_BAD_OPTION);
    Command ok = tm_choose(TM_JIN, 1);
    assert_int_equal(game_apply(g, &ok), CMD_OK);
    assert_false(g->choice.active);
    assert_int_equal(log_count(g, GEV_CHOICE), 1);
    const HookEvent *ev = &rec.ev[rec.n - 1];
    assert_int_equal(ev->type, HOOK_CHOICE_ANSWERED);
    assert_int_equal(ev->a, 7);
    assert_int_equal(ev->b, 1);
    assert_int_equal(ev->c, TM_JIN);
    assert_int_equal(game_apply(g, &mv), CMD_OK);
    game_free(g);
    map_free(m);
}

static void test_hook_may_add_units_and_end_the_game_during_a_move(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    int town = tm_place(m, "huanglong", PLACE_CITY, tm_at(3, 2));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, town, TM_LIAO);
    int u = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(9, 1));
    Rec rec = { 0 };
    rec.add_unit_on_move = 1;
    rec.end_on_capture = 1;
    g->hook = rec_hook;
    g->hook_ud = &rec;
    game_start(g);
    int before = g->n_units;
    Command c = tm_move(TM_JIN, u, tm_at(3, 2));
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_int_equal(g->n_units, before + 1);
    assert_true(g->over);
    assert_int_equal(g->winner, TM_JIN);
    assert_string_equal(g->outcome, "scripted end");
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- scripted changes and the log */

static void test_scripted_changes_are_silent_in_setup_and_logged_in_play(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    int a = tm_unit(g, "heavy_cavalry", TM_LIAO, tm_at(8, 2));
    int b = tm_unit(g, "infantry", TM_LIAO, tm_at(8, 3));
    int yudu = game_add_leader(g, "yelu_yudu", "Yelü Yudu", 2, TM_LIAO);
    game_attach_leader(g, yudu, a);
    game_set_unit_faction(g, b, TM_JIN);
    assert_int_equal(g->n_log, 0);
    game_start(g);
    assert_int_equal(game_set_unit_faction(g, a, TM_JIN), 0);
    const LogEntry *e = last_log(g, GEV_DEFECTION);
    assert_non_null(e);
    assert_string_equal(e->text, "Yelü Yudu's heavy cavalry goes over to the Jin");
    assert_int_equal(e->turn, 1);
    assert_int_equal(g->leaders[yudu].faction, TM_JIN);
    game_free(g);
    map_free(m);
}

static void test_script_logs_flag_silences_core_logging(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    int a = tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    game_start(g);
    g->script_logs = 1;
    game_set_unit_faction(g, a, TM_JIN);
    assert_int_equal(log_count(g, GEV_DEFECTION), 0);
    game_free(g);
    map_free(m);
}

static void test_relation_change_logs_only_when_it_changes(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int xia = game_add_faction(g, "xia", "Western Xia", 0x009E73);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    tm_unit(g, "infantry", xia, tm_at(8, 5));
    game_start(g);
    game_set_relation(g, TM_JIN, TM_LIAO, REL_WAR);          /* already at war */
    assert_int_equal(log_count(g, GEV_RELATION_CHANGED), 0);
    game_set_relation(g, xia, TM_LIAO, REL_VASSAL);
    assert_int_equal(log_count(g, GEV_RELATION_CHANGED), 1);
    assert_int_equal(game_relation(g, xia, TM_LIAO), REL_VASSAL);
    assert_int_equal(game_relation(g, TM_LIAO, xia), REL_VASSAL);
    assert_int_equal(g->overlord[xia], TM_LIAO);
    assert_true(game_is_friend(g, xia, TM_LIAO));
    assert_false(game_is_enemy(g, xia, TM_LIAO));
    game_set_relation(g, xia, TM_LIAO, REL_WAR);
    assert_int_equal(log_count(g, GEV_RELATION_CHANGED), 2);
    assert_int_equal(g->overlord[xia], -1);
    assert_true(game_is_enemy(g, TM_LIAO, xia));
    game_free(g);
    map_free(m);
}

static void test_desertion_and_leader_fates_are_logged(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    int a = tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 4));
    int l = game_add_leader(g, "xiao_sixian", "Xiao Sixian", 1, TM_LIAO);
    game_attach_leader(g, l, a);
    game_start(g);
    assert_int_equal(game_remove_unit(g, a), 0);
    assert_int_equal(log_count(g, GEV_DESERTION), 1);
    assert_int_equal(g->leaders[l].unit, -1);
    assert_int_equal(g->leaders[l].state, LEADER_ACTIVE);
    assert_int_equal(game_set_leader_state(g, l, LEADER_KILLED), 0);
    assert_int_equal(log_count(g, GEV_LEADER_KILLED), 1);
    int f = game_add_faction(g, "balhae", "Balhae rebels", 0xE69F00);
    assert_true(f >= 0);
    assert_int_equal(log_count(g, GEV_FACTION_CREATED), 1);
    assert_int_equal(game_remove_unit(g, a), 1);              /* already gone: refused */
    game_free(g);
    map_free(m);
}

static void test_log_counts_dropped_entries_when_full(void **state)
{
    (void)state;
    Map *m = tm_map(4, 4, TER_PLAIN);
    Game *g = tm_game(m, 5);
    for (int i = 0; i < GAME_MAX_EVENTS + 3; i++) game_log(g, GEV_MESSAGE, -1, "x", NULL);
    assert_int_equal(g->n_log, GAME_MAX_EVENTS);
    assert_int_equal(g->log_dropped, 3);
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- hash, copies, queries */

static void test_hash_changes_with_state(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    game_start(g);
    uint64_t h0 = game_hash(g);
    g->units[u].cohesion--;
    uint64_t h1 = game_hash(g);
    assert_true(h0 != h1);
    g->units[u].cohesion++;
    assert_true(game_hash(g) == h0);
    rng_next(&g->rng);
    assert_true(game_hash(g) != h0);
    Game *c = game_clone(g);
    strcpy(c->factions[0].name, "Jim");
    assert_true(game_hash(c) != game_hash(g));
    game_free(c);
    game_free(g);
    map_free(m);
}

static void test_clone_has_same_hash(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    Rec rec = { 0 };
    g->hook = rec_hook;
    g->hook_ud = &rec;
    game_start(g);
    Game *c = game_clone(g);
    assert_null(c->hook);
    assert_true(game_hash(c) == game_hash(g));
    Command mv = tm_move(TM_JIN, u, tm_at(3, 2)), end = tm_end(TM_JIN);
    assert_int_equal(game_apply(g, &mv), CMD_OK);
    assert_int_equal(game_apply(c, &mv), CMD_OK);
    assert_int_equal(game_apply(g, &end), CMD_OK);
    assert_int_equal(game_apply(c, &end), CMD_OK);
    assert_true(game_hash(c) == game_hash(g));
    Game *d = game_new(m, 99);
    Rec other = { 0 };
    d->hook = rec_hook;
    d->hook_ud = &other;
    game_copy(d, g);
    assert_true(d->hook == rec_hook && d->hook_ud == &other);
    assert_true(game_hash(d) == game_hash(g));
    game_free(d);
    game_free(c);
    game_free(g);
    map_free(m);
}

static void test_visibility_covers_sight_and_places(void **state)
{
    (void)state;
    Map *m = tm_map(20, 10, TER_PLAIN);
    int town = tm_place(m, "town", PLACE_TOWN, tm_at(15, 8));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, town, TM_JIN);
    int u = tm_unit(g, "infantry", TM_JIN, tm_at(3, 3));
    tm_unit(g, "infantry", TM_LIAO, tm_at(10, 3));
    game_start(g);
    uint8_t *vis = calloc((size_t)map_count(m), 1);
    game_visibility(g, TM_JIN, vis);
    int sight = g->rules.unit_types[g->units[u].type].sight;
    for (int i = 0; i < map_count(m); i++) {
        Hex h = map_hex_at(m, i);
        int expect = hex_distance(h, tm_at(3, 3)) <= sight || hex_distance(h, tm_at(15, 8)) <= 1;
        assert_int_equal(vis[i], expect);
    }
    free(vis);
    game_free(g);
    map_free(m);
}

static void test_names_of_results_commands_and_events(void **state)
{
    (void)state;
    assert_string_equal(cmd_result_str(CMD_ERR_NO_MOVES_LEFT), "no moves left");
    assert_string_equal(cmd_type_id(CMD_END_TURN), "end");
    assert_string_equal(cmd_type_id(CMD_CHOOSE), "choose");
    static const char *ev[] = { "message", "defection", "rebellion", "faction_created",
        "relation_changed", "desertion", "leader_killed", "leader_captured", "choice", "battle",
        "place_captured", "unit_destroyed", "victory" };
    for (int i = 0; i < GEV_TYPE_COUNT; i++) assert_string_equal(game_event_type_id((GameEventType)i), ev[i]);
    for (int i = 0; i < CMD_RESULT_COUNT; i++) assert_non_null(cmd_result_str((CmdResult)i));
}

static void test_forest_blocks_sight_beyond_it(void **state)
{
    (void)state;
    Map *m = tm_map(12, 5, TER_PLAIN);
    map_set_terrain(m, tm_at(4, 2), TER_FOREST);
    Game *g = tm_game(m, 5);
    g->rules.unit_types[rules_find_unit_type(&g->rules, "infantry")].sight = 4;
    tm_unit(g, "infantry", TM_JIN, tm_at(2, 2));
    tm_unit(g, "infantry", TM_LIAO, tm_at(11, 4));
    game_start(g);
    uint8_t *vis = calloc((size_t)map_count(m), 1);
    game_visibility(g, TM_JIN, vis);
    assert_int_equal(vis[map_index(m, tm_at(4, 2))], 1);    /* the forest itself is seen */
    assert_int_equal(vis[map_index(m, tm_at(5, 2))], 0);    /* what lies behind it is not */
    assert_int_equal(vis[map_index(m, tm_at(5, 0))], 1);    /* beside it, in the open */
    free(vis);
    game_free(g);
    map_free(m);
}

static void test_one_hex_sight_agrees_with_the_visibility_map(void **state)
{
    (void)state;
    Map *m = tm_map(24, 14, TER_PLAIN);
    for (int i = 0; i < map_count(m); i++)      /* scattered woods and mountains, fixed */
        if ((i * 7 + i / 5) % 11 == 0) map_set_terrain(m, map_hex_at(m, i), (i & 1) ? TER_FOREST : TER_MOUNTAINS);
    int town = tm_place(m, "town", PLACE_TOWN, tm_at(20, 12));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, town, TM_JIN);
    g->rules.unit_types[rules_find_unit_type(&g->rules, "infantry")].sight = 5;
    tm_unit(g, "infantry", TM_JIN, tm_at(4, 4));
    tm_unit(g, "infantry", TM_JIN, tm_at(12, 9));
    tm_unit(g, "infantry", TM_LIAO, tm_at(18, 3));
    game_start(g);
    uint8_t *vis = calloc((size_t)map_count(m), 1);
    for (int f = TM_JIN; f <= TM_LIAO; f++) {
        game_visibility(g, f, vis);
        int seen = 0;
        for (int i = 0; i < map_count(m); i++) {
            assert_int_equal(gamei_hex_seen(g, f, map_hex_at(m, i)), vis[i]);
            seen += vis[i];
        }
        assert_true(seen > 10 && seen < map_count(m));
    }
    assert_int_equal(gamei_hex_seen(g, TM_JIN, hex_make(-50, -50)), 0);
    free(vis);
    game_free(g);
    map_free(m);
}

/* A hook that ends the game at the first battle. */
static void end_on_battle(Game *g, const HookEvent *ev, void *ud)
{
    int *seen = ud;
    if (ev->type == HOOK_BATTLE) {
        /* the battle is settled when the hook runs: the attacker has spent its moves */
        assert_int_equal(g->units[ev->a].attacked, 1);
        game_end(g, -1, "stopped by a script");
    }
    if (ev->type == HOOK_UNIT_DESTROYED) (*seen)++;
}

static void test_hook_may_end_the_game_during_a_battle(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    int a = tm_unit(g, "heavy_cavalry", TM_JIN, tm_at(2, 2));
    tm_unit(g, "levy", TM_LIAO, tm_at(3, 2));
    tm_unit(g, "levy", TM_LIAO, tm_at(9, 5));
    for (int c = 0; c < CRT_MAX_COLS; c++)
        for (int row = 0; row < CRT_ROWS; row++) {
            CrtResult rout = { 0, 0, 0, 1 };
            g->rules.crt[c][row] = rout;
        }
    int destroyed = 0;
    g->hook = end_on_battle;
    g->hook_ud = &destroyed;
    game_start(g);
    int att[1] = { a };
    Command c = tm_attack(TM_JIN, tm_at(3, 2), 1, att);
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(g->over);
    assert_int_equal(destroyed, 0);                 /* no more hooks once the game is over */
    game_free(g);
    map_free(m);
}

static void test_random_commands_never_break_the_one_door(void **state)
{
    (void)state;
    Map *m = tm_map(12, 9, TER_PLAIN);
    map_set_terrain(m, tm_at(5, 5), TER_LAKE);
    map_set_terrain(m, tm_at(6, 3), TER_FOREST);
    map_set_side(m, tm_at(4, 4), HEX_E, SIDE_RIVER_MAJOR, 1);
    int town = tm_place(m, "town", PLACE_CITY, tm_at(8, 4));
    Game *g = tm_game(m, 5);
    game_set_place_owner(g, town, TM_LIAO);
    const char *types[] = { "heavy_cavalry", "horse_archers", "infantry", "levy", "siege_train" };
    for (int i = 0; i < 12; i++)
        tm_unit(g, types[i % 5], i % 2 ? TM_LIAO : TM_JIN, tm_at(1 + (i * 5) % 10, (i * 7) % 9));
    g->max_turns = 6;
    game_start(g);
    Rng pick;
    rng_seed(&pick, 99);
    int applied = 0;
    for (int k = 0; k < 6000 && !g->over; k++) {
        Command c;
        memset(&c, 0, sizeof c);
        c.type = (CommandType)rng_range(&pick, 5);
        c.faction = (int)rng_range(&pick, 3) - (rng_range(&pick, 20) == 0);
        c.unit = (int)rng_range(&pick, 15) - 1;
        c.to = tm_at((int)rng_range(&pick, 14) - 1, (int)rng_range(&pick, 11) - 1);
        c.n_attackers = (int)rng_range(&pick, 8) - 1;
        for (int i = 0; i < GAME_MAX_ATTACKERS; i++) c.attackers[i] = (int)rng_range(&pick, 14) - 1;
        c.choice = (int)rng_range(&pick, 3);
        if (rng_range(&pick, 50) == 0) c = tm_end(g->active);
        uint64_t h = game_hash(g);
        CmdResult want = game_check(g, &c);
        CmdResult got = game_apply(g, &c);
        assert_int_equal(want, got);
        if (got != CMD_OK) assert_true(game_hash(g) == h);
        else applied++;
    }
    assert_true(applied > 10);
    game_free(g);
    map_free(m);
}

static void test_scripted_damage_kills_at_zero_steps(void **state)
{
    (void)state;
    Map *m = tm_map(10, 6, TER_PLAIN);
    Game *g = tm_game(m, 5);
    tm_unit(g, "infantry", TM_JIN, tm_at(1, 2));
    int a = tm_unit(g, "infantry", TM_LIAO, tm_at(8, 2));
    int b = tm_unit(g, "infantry", TM_LIAO, tm_at(8, 4));
    game_start(g);
    int steps = g->units[a].steps;
    assert_int_equal(game_damage_unit(g, a, 1), 0);
    assert_int_equal(g->units[a].steps, steps - 1);
    assert_int_equal(game_damage_unit(g, a, 99), 0);
    assert_false(g->units[a].alive);
    assert_int_equal(log_count(g, GEV_UNIT_DESTROYED), 1);
    g->script_logs = 1;                             /* the host writes its own entries */
    assert_int_equal(game_damage_unit(g, b, 99), 0);
    assert_false(g->units[b].alive);
    assert_int_equal(log_count(g, GEV_UNIT_DESTROYED), 1);
    assert_int_equal(game_damage_unit(g, b, 1), 1);  /* already dead: refused */
    game_free(g);
    map_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refused_command_changes_nothing),
        cmocka_unit_test(test_commands_before_start_are_refused),
        cmocka_unit_test(test_end_turn_passes_to_next_faction_then_new_turn),
        cmocka_unit_test(test_turn_order_skips_dead_factions),
        cmocka_unit_test(test_calendar_dates),
        cmocka_unit_test(test_season_follows_the_month),
        cmocka_unit_test(test_winter_freezes_rivers),
        cmocka_unit_test(test_unsupplied_unit_loses_cohesion),
        cmocka_unit_test(test_enemy_zoc_cuts_supply_unless_a_friend_stands_there),
        cmocka_unit_test(test_moving_into_place_captures_it),
        cmocka_unit_test(test_moving_into_a_neutral_place_leaves_its_owner),
        cmocka_unit_test(test_take_place_victory_ends_game),
        cmocka_unit_test(test_kill_leader_victory_ends_game),
        cmocka_unit_test(test_hold_place_wins_at_the_end),
        cmocka_unit_test(test_draw_when_no_end_condition_holds),
        cmocka_unit_test(test_first_listed_end_condition_wins_when_several_hold),
        cmocka_unit_test(test_faction_without_units_or_places_dies),
        cmocka_unit_test(test_choice_pending_blocks_other_commands),
        cmocka_unit_test(test_hook_may_add_units_and_end_the_game_during_a_move),
        cmocka_unit_test(test_scripted_changes_are_silent_in_setup_and_logged_in_play),
        cmocka_unit_test(test_script_logs_flag_silences_core_logging),
        cmocka_unit_test(test_relation_change_logs_only_when_it_changes),
        cmocka_unit_test(test_desertion_and_leader_fates_are_logged),
        cmocka_unit_test(test_log_counts_dropped_entries_when_full),
        cmocka_unit_test(test_scripted_damage_kills_at_zero_steps),
        cmocka_unit_test(test_hash_changes_with_state),
        cmocka_unit_test(test_clone_has_same_hash),
        cmocka_unit_test(test_visibility_covers_sight_and_places),
        cmocka_unit_test(test_one_hex_sight_agrees_with_the_visibility_map),
        cmocka_unit_test(test_names_of_results_commands_and_events),
        cmocka_unit_test(test_forest_blocks_sight_beyond_it),
        cmocka_unit_test(test_hook_may_end_the_game_during_a_battle),
        cmocka_unit_test(test_random_commands_never_break_the_one_door),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

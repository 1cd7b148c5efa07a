/* test_campaign_carry.c - what a campaign carries from one scenario into the next: a tagged
 * unit starts the next scenario with that scenario's steps minus the steps it has lost so far
 * (at least 1; gone when destroyed), experience is the larger, and a tagged unit that arrives
 * during play (gyr.reinforce) takes the carry too. Real scenarios on inline maps, real Lua. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "sthelp.h"
#include "campaign.h"

/* A two-sided scenario whose side "a" has one infantry unit tagged "guard" with steps (and
 * exp), plus extra lines. */
static LScript *load_guard(int steps, int exp, const char *extra, Game **g)
{
    char text[1024], err[700];
    snprintf(text, sizeof text,
             "unit { type = \"infantry\", faction = \"a\", at = { col = 1, row = 1 }, tag = \"guard\", "
             "steps = %d, exp = %d }\n%s", steps, exp, extra ? extra : "");
    LScript *s = lscript_load(st_scenario("carry.lua", text), 1, g, err, sizeof err);
    if (!s) fail_msg("%s", err);
    return s;
}

/* The campaign of side "a" carrying the tag "guard". */
static Campaign guard_campaign(void)
{
    Campaign c;
    memset(&c, 0, sizeof c);
    snprintf(c.id, sizeof c.id, "t_camp");
    snprintf(c.side, sizeof c.side, "a");
    c.n_carry_units = 1;
    snprintf(c.carry_units[0], sizeof c.carry_units[0], "guard");
    return c;
}

/* Index of the first unit tagged tag, or -1. */
static int tagged(const Game *g, const char *tag)
{
    for (int u = 0; u < g->n_units; u++)
        if (!strcmp(g->units[u].tag, tag)) return u;
    return -1;
}

/* Plays one scenario of the campaign: the guard (steps, exp) loses `loss` steps in play, then
 * the carry is collected. */
static void play_and_collect(Carry *carry, int steps, int exp, int loss)
{
    Game *g;
    LScript *s = load_guard(steps, exp, NULL, &g);
    campaign_apply_carry(carry, g);
    game_start(g);
    int u = tagged(g, "guard");
    assert_true(u >= 0);
    if (loss > 0) game_damage_unit(g, u, loss);
    Campaign c = guard_campaign();
    campaign_collect(&c, g, carry);
    lscript_free(s);
}

static void test_carried_unit_starts_with_its_scenario_steps_minus_its_losses(void **st)
{
    (void)st;
    Carry carry;
    memset(&carry, 0, sizeof carry);
    play_and_collect(&carry, 2, 0, 1);          /* a small host loses a step: 1 left */
    assert_int_equal(carry.n_units, 1);
    assert_int_equal(carry.units[0].steps, 1);
    assert_int_equal(carry.units[0].lost, 1);
    Game *g;
    LScript *s = load_guard(4, 0, NULL, &g);    /* historically the army has grown to 4 */
    campaign_apply_carry(&carry, g);
    game_start(g);
    int u = tagged(g, "guard");
    assert_true(g->units[u].alive);
    assert_int_equal(g->units[u].steps, 3);     /* 4 - 1, not the 1 that survived */
    lscript_free(s);
}

static void test_losses_add_up_over_the_campaign(void **st)
{
    (void)st;
    Carry carry;
    memset(&carry, 0, sizeof carry);
    play_and_collect(&carry, 4, 0, 1);
    play_and_collect(&carry, 4, 0, 1);          /* starts with 3, ends with 2 */
    assert_int_equal(carry.units[0].steps, 2);
    assert_int_equal(carry.units[0].lost, 2);
}

static void test_carried_unit_keeps_at_least_one_step(void **st)
{
    (void)st;
    Carry carry;
    memset(&carry, 0, sizeof carry);
    play_and_collect(&carry, 4, 0, 3);          /* lost 3 of 4 */
    Game *g;
    LScript *s = load_guard(2, 0, NULL, &g);
    campaign_apply_carry(&carry, g);
    assert_int_equal(g->units[tagged(g, "guard")].steps, 1);
    lscript_free(s);
}

static void test_destroyed_carried_unit_does_not_appear(void **st)
{
    (void)st;
    Carry carry;
    memset(&carry, 0, sizeof carry);
    play_and_collect(&carry, 2, 0, 2);
    assert_int_equal(carry.units[0].steps, 0);
    Game *g;
    LScript *s = load_guard(4, 0, NULL, &g);
    campaign_apply_carry(&carry, g);
    assert_false(g->units[tagged(g, "guard")].alive);
    lscript_free(s);
}

static void test_carried_experience_is_the_larger_of_both(void **st)
{
    (void)st;
    Carry carry;
    memset(&carry, 0, sizeof carry);
    play_and_collect(&carry, 4, 250, 0);
    Game *g;
    LScript *s = load_guard(4, 100, NULL, &g);
    campaign_apply_carry(&carry, g);
    assert_int_equal(g->units[tagged(g, "guard")].exp, 250);
    lscript_free(s);
    s = load_guard(4, 400, NULL, &g);
    campaign_apply_carry(&carry, g);
    assert_int_equal(g->units[tagged(g, "guard")].exp, 400);
    lscript_free(s);
}

static void test_older_record_carry_sets_the_steps(void **st)
{
    (void)st;
    Carry carry;
    memset(&carry, 0, sizeof carry);
    carry.n_units = 1;
    snprintf(carry.units[0].tag, sizeof carry.units[0].tag, "guard");
    carry.units[0].steps = 2;
    carry.units[0].lost = -1;                   /* a carry-unit line without LOST */
    Game *g;
    LScript *s = load_guard(4, 0, NULL, &g);
    campaign_apply_carry(&carry, g);
    assert_int_equal(g->units[tagged(g, "guard")].steps, 2);
    lscript_free(s);
}

static void test_reinforcement_with_a_carried_tag_takes_the_carry(void **st)
{
    (void)st;
    Carry carry;
    memset(&carry, 0, sizeof carry);
    carry.n_units = 1;                          /* the second "guard" lost 3 steps before */
    snprintf(carry.units[0].tag, sizeof carry.units[0].tag, "guard");
    carry.units[0].ordinal = 1;
    carry.units[0].steps = 1;
    carry.units[0].exp = 300;
    carry.units[0].lost = 3;
    Game *g;
    LScript *s = load_guard(4, 0,
        "on(\"turn_start\", function(ev)\n"
        "  if ev.turn == 2 and ev.faction == \"a\" then\n"
        "    gyr.reinforce { faction = \"a\", at = { col = 0, row = 2 },\n"
        "                    units = { { type = \"infantry\", tag = \"guard\" } } }\n"
        "  end\n"
        "end)\n", &g);
    lscript_set_carry(s, &carry);
    campaign_apply_carry(&carry, g);
    game_start(g);
    assert_int_equal(g->units[tagged(g, "guard")].steps, 4);    /* ordinal 0: no entry */
    int before = g->n_units;
    for (int i = 0; i < 8 && g->n_units == before && !g->over; i++) {
        Command c;
        memset(&c, 0, sizeof c);
        c.type = CMD_END_TURN;
        c.faction = g->active;
        assert_int_equal(game_apply(g, &c), CMD_OK);
    }
    assert_int_equal(g->n_units, before + 1);
    const Unit *r = &g->units[before];
    assert_string_equal(r->tag, "guard");
    assert_true(r->alive);
    assert_int_equal(r->steps, 1);              /* 4 - 3 */
    assert_int_equal(r->start_steps, 1);
    assert_int_equal(r->exp, 300);
    lscript_free(s);
}

/* ---- campaign files in the scenarios' sandbox */

static void test_campaign_file_runs_in_the_scenario_sandbox(void **st)
{
    (void)st;
    Campaign c;
    char err[700];
    const char *path = st_write("camp_sandbox.lua",
        "local order = {}\n"
        "for k in pairs({ test_skirmish = 1, ningjiang1114 = 2, huanglong1115 = 3, dongjing1116 = 4 }) do\n"
        "  order[#order + 1] = { id = k, interlude = tostring({}) }\n"
        "end\n"
        "assert(not pcall(string.format, \"%p\", {}) and string.dump == nil and collectgarbage == nil)\n"
        "assert(not pcall(setmetatable, {}, { __gc = function() end }))\n"
        "campaign { id = \"t_sandbox\", title = \"S\", side = \"jin\", scenarios = order }\n");
    assert_int_equal(campaign_load(path, &c, err, sizeof err), 0);
    assert_int_equal(c.n_steps, 4);
    assert_string_equal(c.steps[0].scenario, "dongjing1116");     /* pairs() visits keys sorted */
    assert_string_equal(c.steps[3].scenario, "test_skirmish");
    assert_null(strstr(c.steps[0].interlude, "0x"));               /* no addresses */
}

static void test_campaign_pcall_loop_is_stopped_by_its_budget(void **st)
{
    (void)st;
    Campaign c;
    char err[700];
    const char *path = st_write("camp_loop.lua",
        "while true do pcall(function() while true do end end) end\n"
        "campaign { id = \"t_loop\", title = \"L\", side = \"jin\", scenarios = { \"test_skirmish\" } }\n");
    assert_int_not_equal(campaign_load(path, &c, err, sizeof err), 0);
    assert_non_null(strstr(err, "camp_loop.lua:1: script exceeded its instruction budget"));
    assert_string_equal(c.id, "");
}

static void test_campaign_fields_are_read_without_metamethods(void **st)
{
    (void)st;
    Campaign c;
    char err[700];
    const char *path = st_write("camp_index.lua",
        "campaign(setmetatable({ id = \"t_index\", title = \"I\", side = \"jin\", scenarios = { \"test_skirmish\" } },\n"
        "  { __index = function(t, k) error(\"__index ran for \" .. k) end }))\n");
    assert_int_equal(campaign_load(path, &c, err, sizeof err), 0);
    assert_string_equal(c.years, "");
    assert_int_equal(c.n_carry_units, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_carried_unit_starts_with_its_scenario_steps_minus_its_losses),
        cmocka_unit_test(test_losses_add_up_over_the_campaign),
        cmocka_unit_test(test_carried_unit_keeps_at_least_one_step),
        cmocka_unit_test(test_destroyed_carried_unit_does_not_appear),
        cmocka_unit_test(test_carried_experience_is_the_larger_of_both),
        cmocka_unit_test(test_older_record_carry_sets_the_steps),
        cmocka_unit_test(test_reinforcement_with_a_carried_tag_takes_the_carry),
        cmocka_unit_test(test_campaign_file_runs_in_the_scenario_sandbox),
        cmocka_unit_test(test_campaign_pcall_loop_is_stopped_by_its_budget),
        cmocka_unit_test(test_campaign_fields_are_read_without_metamethods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

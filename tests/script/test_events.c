/* test_events.c - the scenario's event handlers run during play and the politics API changes
 * the game and writes the log: defections, choices answered by recorded commands, rebellions,
 * desertion, leaders, relations. A failing handler is logged and play goes on, unchanged by
 * the call that failed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sys/wait.h>
#include <lua.h>
#include "sthelp.h"
#include "lscript_int.h"

/* The host's Lua state, to raise an error outside every protected call on purpose. */
static lua_State *ls_state_for_test(LScript *s) { return s->L; }

static LScript *load(const char *path, uint64_t seed, Game **g)
{
    char err[700];
    LScript *s = lscript_load(path, seed, g, err, sizeof err);
    if (!s) fail_msg("%s", err);
    return s;
}

static LScript *load_extra(const char *extra, Game **g)
{
    return load(st_scenario("events.lua", extra), 1, g);
}

static void test_skirmish_fires_its_historical_events(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load(st_data("scripts/scenarios/test_skirmish.lua"), 5, &g);
    game_start(g);
    assert_true(st_play(g, 500) > 0);
    assert_true(g->over);
    int d = st_find_log(g, GEV_DEFECTION, "Five Nations");
    assert_true(d >= 0);
    assert_int_equal(g->log[d].turn, 3);
    assert_true(st_find_log(g, GEV_CHOICE, "Bohai relief") >= 0);
    assert_true(st_find_log(g, GEV_MESSAGE, "Bohai relief marches") >= 0);   /* on_answer ran */
    assert_true(st_find_log(g, GEV_REBELLION, "Gu Yu") >= 0);
    assert_true(st_find_log(g, GEV_FACTION_CREATED, NULL) >= 0);
    assert_true(st_find_log(g, GEV_DESERTION, NULL) >= 0);
    assert_true(game_find_faction(g, "balhae") >= 0);
    assert_string_equal(lscript_last_error(s), "");
    lscript_free(s);
}

static void test_defection_by_tag_moves_units_and_their_leader(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "leader { id = \"yudu\", name = \"Yelu Yudu\", faction = \"b\" }\n"
        "unit { type = \"horse_archers\", faction = \"b\", at = { col = 4, row = 0 }, tag = \"yudu\", leader = \"yudu\" }\n"
        "unit { type = \"levy\", faction = \"b\", at = { col = 4, row = 2 }, tag = \"yudu\" }\n"
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first and ev.turn == 2 then assert(gyr.defect { tag = \"yudu\", to = \"a\" } == 2) end\n"
        "end)", &g);
    game_start(g);
    while (g->turn < 2) assert_int_equal(st_play(g, 1), 1);
    int a = game_find_faction(g, "a");
    int n = 0;
    for (int i = 0; i < g->n_units; i++)
        if (!strcmp(g->units[i].tag, "yudu")) { assert_int_equal(g->units[i].faction, a); n++; }
    assert_int_equal(n, 2);
    assert_int_equal(g->leaders[game_find_leader(g, "yudu")].faction, a);
    int d = st_find_log(g, GEV_DEFECTION, NULL);
    assert_true(d >= 0);
    assert_int_equal(g->log[d].turn, 2);
    lscript_free(s);
}

/* A choice for side b; on_answer logs the option; a handler on choice_answered logs too. */
#define CHOICE_SCRIPT \
    "on(\"turn_start\", function(ev)\n" \
    "  if ev.first and ev.turn == 1 then\n" \
    "    gyr.choice { faction = \"b\", question = \"Accept the terms?\", options = { \"Accept\", \"Refuse\" },\n" \
    "                 ai_default = 2, on_answer = function(o, text) gyr.message(\"answer \" .. o .. \" \" .. text) end }\n" \
    "  end\n" \
    "end)\n" \
    "on(\"choice_answered\", function(ev) gyr.message(\"seen \" .. ev.option .. \" by \" .. ev.faction) end)"

static void test_choice_waits_for_a_recorded_answer(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(CHOICE_SCRIPT, &g);
    game_start(g);
    assert_true(g->choice.active);
    assert_int_equal(g->choice.faction, game_find_faction(g, "b"));
    assert_int_equal(g->choice.ai_default, 1);              /* Lua's 2 is the core's index 1 */
    Command c = { .type = CMD_END_TURN, .faction = g->active };
    assert_int_equal(game_apply(g, &c), CMD_ERR_CHOICE_PENDING);
    Command ch = { .type = CMD_CHOOSE, .faction = g->choice.faction, .choice = 0 };
    assert_int_equal(game_apply(g, &ch), CMD_OK);
    assert_true(st_find_log(g, GEV_MESSAGE, "answer 1 Accept") >= 0);
    assert_true(st_find_log(g, GEV_MESSAGE, "seen 1 by b") >= 0);
    assert_true(st_find_log(g, GEV_CHOICE, "Accept the terms?") >= 0);
    lscript_free(s);
}

/* The log keeps the answer whole after a long question, the question cut at a word. */
static void test_long_question_is_logged_with_its_whole_answer(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "gyr.choice { faction = \"a\", question = string.rep(\"Will the emperor give up his title? \", 8),\n"
        "             options = { \"Yes\", \"Not yet: ask again next turn\" } }\n", &g);
    game_start(g);
    assert_true(g->choice.active);
    Command ch = { .type = CMD_CHOOSE, .faction = g->choice.faction, .choice = 1 };
    assert_int_equal(game_apply(g, &ch), CMD_OK);
    int i = st_find_log(g, GEV_CHOICE, "...: Not yet: ask again next turn");
    assert_true(i >= 0);
    assert_true(strncmp(g->log[i].text, "Will the emperor", 16) == 0);
    assert_null(strstr(g->log[i].text, " ...:"));   /* cut at a word, no space before the dots */
    lscript_free(s);
}

static void test_computer_default_answer_reaches_on_answer(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(CHOICE_SCRIPT, &g);
    game_start(g);
    assert_int_equal(st_play(g, 1), 1);
    assert_true(st_find_log(g, GEV_MESSAGE, "answer 2 Refuse") >= 0);
    lscript_free(s);
}

static void test_choices_asked_together_are_asked_in_turn(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "on(\"turn_start\", function(ev)\n"
        "  if not ev.first then return end\n"
        "  for i = 1, 3 do\n"
        "    gyr.choice { faction = \"a\", question = \"Q\" .. i, options = { \"x\", \"y\" },\n"
        "                 on_answer = function(o) gyr.message(\"A\" .. i .. \"=\" .. o) end }\n"
        "  end\n"
        "end)", &g);
    game_start(g);
    for (int i = 1; i <= 3; i++) {
        char q[8];
        snprintf(q, sizeof q, "Q%d", i);
        assert_true(g->choice.active);
        assert_string_equal(g->choice.question, q);
        Command ch = { .type = CMD_CHOOSE, .faction = g->choice.faction, .choice = 1 };
        assert_int_equal(game_apply(g, &ch), CMD_OK);
    }
    assert_false(g->choice.active);
    assert_true(st_find_log(g, GEV_MESSAGE, "A3=2") >= 0);
    lscript_free(s);
}

static void test_rebellion_creates_a_faction_and_units_around_the_place(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "place(\"p\", { owner = \"b\" })\n"
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first and ev.turn == 1 then\n"
        "    local n = gyr.rebellion { place = \"p\", faction = \"rebels\", name = \"Rebels\", at_war_with = { \"a\" },\n"
        "                              units = { { type = \"levy\" }, { type = \"levy\" }, { type = \"levy\" }, { type = \"levy\", tag = \"r4\" } } }\n"
        "    assert(n == 4)\n"
        "  end\n"
        "end)", &g);
    game_start(g);
    int f = game_find_faction(g, "rebels");
    assert_true(f >= 0);
    assert_int_equal(g->factions[f].controller, CTRL_AI);
    int p = map_find_place(g->map, "p");
    assert_int_equal(g->places[p].owner, f);
    int n = 0;
    for (int i = 0; i < g->n_units; i++)
        if (g->units[i].alive && g->units[i].faction == f) {
            n++;
            assert_true(hex_distance(g->units[i].hex, g->map->places[p].hex) <= 1);
            assert_false(map_is_water(g->map, g->units[i].hex));
        }
    assert_int_equal(n, 4);                       /* stack limit 3: one spills next door */
    assert_int_equal(game_relation(g, f, game_find_faction(g, "b")), REL_WAR);   /* the owner */
    assert_int_equal(game_relation(g, f, game_find_faction(g, "a")), REL_WAR);
    assert_true(st_find_log(g, GEV_REBELLION, NULL) >= 0);
    assert_true(st_find_log(g, GEV_FACTION_CREATED, NULL) >= 0);
    lscript_free(s);
}

static void test_desertion_costs_steps_or_melts_units(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "unit { type = \"infantry\", faction = \"b\", at = { col = 4, row = 0 }, steps = 3, tag = \"x\" }\n"
        "unit { type = \"infantry\", faction = \"b\", at = { col = 4, row = 1 }, steps = 3, tag = \"y\" }\n"
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first and ev.turn == 1 then\n"
        "    gyr.desert { tag = \"x\", steps = 2 }\n"
        "    gyr.desert { tag = \"y\", melt = true, text = \"The Xi go home.\" }\n"
        "  end\n"
        "end)", &g);
    game_start(g);
    for (int i = 0; i < g->n_units; i++) {
        if (!strcmp(g->units[i].tag, "x")) { assert_true(g->units[i].alive); assert_int_equal(g->units[i].steps, 1); }
        if (!strcmp(g->units[i].tag, "y")) assert_false(g->units[i].alive);
    }
    assert_true(st_find_log(g, GEV_DESERTION, "The Xi go home.") >= 0);
    assert_true(st_find_log(g, GEV_DESERTION, "loses 2 steps") >= 0);
    lscript_free(s);
}

static void test_leaders_killed_and_captured_are_logged(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "leader { id = \"k\", name = \"Killed One\", faction = \"a\" }\n"
        "leader { id = \"c\", name = \"Captured One\", faction = \"b\" }\n"
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first and ev.turn == 1 then\n"
        "    gyr.kill_leader(\"k\")\n"
        "    gyr.capture_leader { leader = \"c\", note = \"LS\" }\n"
        "    assert(gyr.leader_state(\"k\") == \"killed\" and gyr.leader_state(\"c\") == \"captured\")\n"
        "    assert(not pcall(gyr.kill_leader, \"k\"))\n"
        "  end\n"
        "end)", &g);
    game_start(g);
    assert_int_equal(g->leaders[game_find_leader(g, "k")].state, LEADER_KILLED);
    assert_int_equal(g->leaders[game_find_leader(g, "c")].state, LEADER_CAPTURED);
    assert_true(st_find_log(g, GEV_LEADER_KILLED, "Killed One") >= 0);
    int c = st_find_log(g, GEV_LEADER_CAPTURED, "Captured One");
    assert_true(c >= 0);
    assert_string_equal(g->log[c].note, "LS");
    assert_string_equal(lscript_last_error(s), "");
    lscript_free(s);
}

static void test_relations_and_places_change_hands(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first and ev.turn == 1 then\n"
        "    gyr.create_faction { id = \"xia\", name = \"Western Xia\", allied_with = { \"b\" } }\n"
        "    gyr.set_relation(\"xia\", \"a\", \"vassal\")\n"
        "    gyr.set_place_owner(\"p\", \"a\")\n"
        "    assert(gyr.owner(\"p\") == \"a\" and gyr.relation(\"a\", \"xia\") == \"vassal\")\n"
        "  end\n"
        "end)", &g);
    game_start(g);
    int a = game_find_faction(g, "a"), x = game_find_faction(g, "xia");
    assert_int_equal(game_relation(g, x, a), REL_VASSAL);
    assert_int_equal(game_relation(g, x, game_find_faction(g, "b")), REL_ALLIANCE);
    assert_int_equal(g->places[map_find_place(g->map, "p")].owner, a);
    assert_true(st_find_log(g, GEV_RELATION_CHANGED, "vassals") >= 0);
    assert_true(st_find_log(g, GEV_DEFECTION, NULL) >= 0);
    assert_true(st_find_log(g, GEV_FACTION_CREATED, "Western Xia") >= 0);
    lscript_free(s);
}

static void test_failing_handler_is_logged_and_the_next_one_runs(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "on(\"turn_start\", function(ev) if ev.first then error(\"boom\") end end)\n"
        "on(\"turn_start\", function(ev) if ev.first then gyr.message(\"second handler\") end end)", &g);
    game_start(g);
    int e = st_find_log(g, GEV_MESSAGE, "Script error:");
    assert_true(e >= 0);
    assert_non_null(strstr(g->log[e].text, "events.lua:10: boom"));
    assert_non_null(strstr(lscript_last_error(s), "events.lua:10: boom"));
    assert_true(st_find_log(g, GEV_MESSAGE, "second handler") > e);
    assert_true(st_play(g, 100) > 0);
    assert_true(g->over);
    lscript_free(s);
}

static void test_refused_politics_call_changes_nothing(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "unit { type = \"levy\", faction = \"b\", at = { col = 4, row = 0 }, tag = \"t\" }\n"
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first then gyr.defect { tag = \"t\", to = \"nobody\" } end\n"
        "end)\n"
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first then gyr.rebellion { place = \"p\", faction = \"r\", units = { { type = \"levy\" }, { type = \"dragon\" } } } end\n"
        "end)", &g);
    int before_units = g->n_units, before_factions = g->n_factions;
    game_start(g);
    assert_int_equal(g->n_units, before_units);
    assert_int_equal(g->n_factions, before_factions);
    for (int i = 0; i < g->n_units; i++)
        if (!strcmp(g->units[i].tag, "t")) assert_int_equal(g->units[i].faction, game_find_faction(g, "b"));
    assert_int_equal(st_find_log(g, GEV_DEFECTION, NULL), -1);
    assert_int_equal(st_find_log(g, GEV_REBELLION, NULL), -1);
    assert_non_null(strstr(lscript_last_error(s), "unknown unit type 'dragon'"));
    lscript_free(s);
}

static void test_event_tables_carry_units_places_and_factions(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "on(\"turn_start\", function(ev)\n"
        "  assert(ev.turn == 1 and ev.date.year == 1114 and type(ev.season) == \"string\")\n"
        "  local us = gyr.units { faction = ev.faction }\n"
        "  assert(#us == 1 and us[1].alive and us[1].type == \"infantry\" and us[1].faction == ev.faction)\n"
        "  assert(us[1] == gyr.unit(us[1].id) and not pcall(function() us[1].steps = 9 end))\n"
        "  gyr.message(\"ok \" .. ev.faction .. \" \" .. tostring(ev.first))\n"
        "end)", &g);
    game_start(g);
    assert_true(st_find_log(g, GEV_MESSAGE, "ok a true") >= 0);
    assert_int_equal(st_play(g, 1), 1);
    assert_true(st_find_log(g, GEV_MESSAGE, "ok b false") >= 0);
    assert_string_equal(lscript_last_error(s), "");
    lscript_free(s);
}

static void test_victory_ends_the_game_from_a_handler(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "on(\"turn_end\", function(ev) if gyr.turn() == 2 then gyr.victory(\"b\", \"b wins by script\") end end)\n"
        "on(\"game_over\", function(ev) gyr.message(\"over: \" .. ev.winner) end)", &g);
    game_start(g);
    st_play(g, 100);
    assert_true(g->over);
    assert_int_equal(g->winner, game_find_faction(g, "b"));
    assert_string_equal(g->outcome, "b wins by script");
    assert_true(st_find_log(g, GEV_MESSAGE, "over: b") >= 0);
    lscript_free(s);
}

static void test_same_seed_same_game(void **st)
{
    (void)st;
    uint64_t h[2];
    for (int k = 0; k < 2; k++) {
        Game *g;
        LScript *s = load(st_data("scripts/scenarios/test_skirmish.lua"), 11, &g);
        game_start(g);
        st_play(g, 500);
        h[k] = game_hash(g);
        lscript_free(s);
    }
    assert_true(h[0] == h[1]);
}

#define THEATRE_HEAD \
    "scenario { id = \"t_theatre\", title = \"T\", sides = { \"jin\", \"liao\" }, turns = 2 }\n" \
    "faction { id = \"jin\" }\n" \
    "faction { id = \"liao\" }\n" \
    "victory { faction = \"jin\", type = \"take\", place = \"ningjiang\" }\n"

static void test_units_placed_by_lat_lon_stand_where_the_place_is(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load(st_write("theatre.lua", THEATRE_HEAD
        "local u = unit { type = \"levy\", faction = \"liao\", at = { lat = 45.25, lon = 124.90 } }\n"
        "local p = gyr.place_info(\"ningjiang\")\n"
        "assert(u.q == p.q and u.r == p.r and u.place == \"ningjiang\", u.q .. ',' .. u.r)\n"
        "assert(gyr.owner(\"ningjiang\") == \"liao\" and gyr.owner(\"huining\") == \"jin\")\n"), 1, &g);
    assert_int_equal(g->n_units, 1);
    lscript_free(s);
    char err[700];
    assert_null(lscript_load(st_write("theatre.lua", THEATRE_HEAD
        "unit { type = \"levy\", faction = \"liao\", at = { lat = 39.0, lon = 120.5 } }\n"), 1, &g, err, sizeof err));
    assert_non_null(strstr(err, "theatre.lua:5: unit placed on water"));
}

/* gyr.owner of a place nobody holds is one nil value (it used to return nothing at all, so
 * { gyr.owner("p"), 1 } and select("#", ...) saw no value). */
static void test_owner_of_an_unowned_place_is_nil(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load(st_scenario("owner.lua",
        "assert(select('#', gyr.owner(\"p\")) == 1 and gyr.owner(\"p\") == nil)\n"
        "local t = { gyr.owner(\"p\"), 1 }\n"
        "assert(t[2] == 1)\n"), 1, &g);
    assert_non_null(s);
    lscript_free(s);
}

static void test_history_library_helps_with_dates_and_once(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "local H = gyr.include(\"history\")\n"
        "assert(gyr.include(\"history\") == H)\n"
        "assert(H.turn_of(1114, 9, 1) == 1 and H.turn_of(1114, 9, 12) == 2)\n"
        "assert(H.alive(\"nope\", \"nobody\") == false and H.try(gyr.kill_leader, \"nobody\") == false)\n"
        "on(\"turn_start\", function(ev)\n"
        "  if H.once(\"hello\") then gyr.message(\"hello once\") end\n"
        "  assert(not pcall(gyr.include, \"history\"))\n"
        "end)", &g);
    game_start(g);
    st_play(g, 100);
    int first = st_find_log(g, GEV_MESSAGE, "hello once");
    assert_true(first >= 0);
    for (int i = first + 1; i < g->n_log; i++) assert_null(strstr(g->log[i].text, "hello once"));
    assert_string_equal(lscript_last_error(s), "");
    lscript_free(s);
}

static void test_handler_calls_are_counted_for_undo(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra("local moves = 0\non(\"unit_moved\", function(ev) moves = moves + 1 end)", &g);
    game_start(g);
    uint64_t before = lscript_handler_calls(s);
    Command c = { .type = CMD_MOVE, .faction = g->active, .unit = 0, .to = hex_neighbor(g->units[0].hex, HEX_E) };
    assert_int_equal(game_apply(g, &c), CMD_OK);
    assert_true(lscript_handler_calls(s) == before + 1);   /* a move that logs nothing still ran Lua */
    lscript_free(s);
}

static void test_each_side_gets_its_briefing(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load(st_data("scripts/scenarios/test_skirmish.lua"), 1, &g);
    assert_string_equal(lscript_briefing(s, "jin"), "You are Aguda: cross the Songhua at the ford and take Ningjiang.");
    assert_non_null(strstr(lscript_briefing(s, "liao"), "A test of the engine"));   /* the general one */
    lscript_free(s);
}

/* The Eastern Capital: once turning on Gao Yongchang is due, "not yet" puts the question
 * again the next turn, and keeping faith ends it. Nobody moves; the Jin ally with Gao when he
 * asks, answer "not yet" twice, then keep faith. */
static void test_dongjing_betrayal_question_returns_until_answered_for_good(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load(st_data("scripts/scenarios/dongjing1116.lua"), 3, &g);
    game_start(g);
    int asked[8], n_asked = 0;
    for (int k = 0; k < 400 && !g->over; k++) {
        Command c = st_idle_command(g);
        if (g->choice.active && strstr(g->choice.question, "asks the Jin for help")) c.choice = 0;   /* ally */
        if (g->choice.active && strstr(g->choice.question, "Turn on him?")) {
            if (n_asked < 8) asked[n_asked] = g->turn;
            c.choice = ++n_asked < 3 ? 1 : 2;      /* not yet, not yet, keep faith */
        }
        assert_int_equal(game_apply(g, &c), CMD_OK);
    }
    assert_true(g->over);
    assert_int_equal(n_asked, 3);
    assert_int_equal(asked[1], asked[0] + 1);
    assert_int_equal(asked[2], asked[1] + 1);
    assert_true(st_find_log(g, GEV_MESSAGE, "keep faith with Gao Yongchang") >= 0);
    assert_true(st_find_log(g, GEV_MESSAGE, "turn on the Great Bohai") < 0);
    lscript_free(s);
}

/* ---- the door into Lua (issue 12) */

static void test_handler_error_in_the_log_names_the_file_without_its_folder(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra("on(\"turn_start\", function(ev) if ev.first then error(\"boom\") end end)", &g);
    game_start(g);
    int e = st_find_log(g, GEV_MESSAGE, "Script error:");
    assert_true(e >= 0);
    assert_string_equal(g->log[e].text, "Script error: events.lua:10: boom");   /* hashed: no /tmp/... */
    assert_non_null(strstr(lscript_last_error(s), "/events.lua:10: boom"));    /* stderr keeps the path */
    lscript_free(s);
}

static void test_handler_error_without_a_position_gets_the_handlers_line(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra("on(\"turn_start\", function(ev)\n  coroutine.yield()\nend)", &g);
    game_start(g);
    int e = st_find_log(g, GEV_MESSAGE, "Script error:");
    assert_true(e >= 0);
    assert_string_equal(g->log[e].text, "Script error: events.lua:10: attempt to yield from outside a coroutine");
    lscript_free(s);
}

static void test_on_refuses_handlers_past_the_maximum(void **st)
{
    (void)st;
    char err[700];
    Game *g;
    LScript *s = lscript_load(st_scenario("events.lua",
        "for i = 1, 300 do on(\"turn_end\", function() end) end"), 1, &g, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "events.lua:10: on('turn_end'): too many handlers (at most 256 in all)"));
}

static void test_handlers_that_register_handlers_stay_bounded(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra("local function grow() on(\"turn_start\", grow) on(\"turn_end\", grow) end\n"
                            "on(\"turn_start\", grow)", &g);
    game_start(g);
    assert_true(st_play(g, 500) > 0);
    assert_true(g->over);
    int errors = 0;
    for (int i = 0; i < g->n_log; i++) errors += strstr(g->log[i].text, "too many handlers") != NULL;
    assert_true(errors > 0);
    assert_true(errors <= 8 * 2 * 2 * 4);     /* at most 8 a event: 2 events, 2 factions, 3 turns + end */
    lscript_free(s);
}

static void test_queued_choice_options_are_not_read_through_metamethods(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "local lens = 0\n"
        "local opts = setmetatable({ \"yes\", \"no\" }, { __len = function() lens = lens + 1\n"
        "  if lens > 1 then error(\"__len ran again\") end return 2 end, __index = function() error(\"__index ran\") end })\n"
        "on(\"turn_start\", function(ev)\n"
        "  if not ev.first or ev.turn > 1 then return end\n"
        "  gyr.choice { faction = \"b\", question = \"First?\", options = { \"a\", \"b\" } }\n"
        "  gyr.choice { faction = \"b\", question = \"Second?\", options = opts,\n"
        "               on_answer = function(i, text) gyr.message(\"second: \" .. text) end }\n"
        "end)", &g);
    game_start(g);
    assert_true(st_play(g, 500) > 0);
    assert_true(st_find_log(g, GEV_CHOICE, "Second?") >= 0);
    assert_true(st_find_log(g, GEV_MESSAGE, "second: yes") >= 0);
    assert_int_equal(st_find_log(g, GEV_MESSAGE, "Script error:"), -1);
    lscript_free(s);
}

static void test_closing_the_declarations_runs_no_script_code(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "rawset(_G, \"unit\", nil)\n"
        "setmetatable(_G, { __newindex = function() error(\"closing ran script code\") end })\n"
        "on(\"turn_end\", function(ev) gyr.message(rawget(_G, \"scenario\") == nil and \"closed\" or \"open\") end)", &g);
    game_start(g);
    assert_true(st_play(g, 3) > 0);
    assert_true(st_find_log(g, GEV_MESSAGE, "closed") >= 0);
    lscript_free(s);
}

static void test_events_after_the_memory_cap_are_logged_and_play_goes_on(void **st)
{
    (void)st;
    Game *g;
    LScript *s = load_extra(
        "hoard = {}\n"
        "on(\"turn_start\", function(ev) local i = #hoard while true do i = i + 1 hoard[i] = { i, i } end end)\n"
        "on(\"turn_end\", function(ev) gyr.message(\"turn end\") end)", &g);
    game_start(g);
    assert_true(st_play(g, 500) > 0);
    assert_true(g->over);
    assert_true(st_find_log(g, GEV_MESSAGE, "script exceeded its memory limit") >= 0);
    lscript_free(s);
}

static void test_fields_behind_index_are_not_read(void **st)
{
    (void)st;
    char err[700];
    Game *g;
    LScript *s = lscript_load(st_scenario("events.lua",
        "unit(setmetatable({ faction = \"a\", at = { col = 1, row = 0 } },\n"
        "  { __index = function(t, k) return string.rep(k, 50) end }))"), 1, &g, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "events.lua:10: unit without a type"));
}

static void test_lua_panic_says_so_and_exits_with_status_70(void **st)
{
    (void)st;
    fflush(stdout);
    fflush(stderr);
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fd[1], 2);
        Game *g;
        LScript *s = load_extra("", &g);
        lua_State *L = ls_state_for_test(s);
        lua_pushstring(L, "raised outside every pcall");
        lua_error(L);                                   /* unprotected: the panic handler */
        _exit(0);
    }
    close(fd[1]);
    char buf[256] = "";
    ssize_t n = read(fd[0], buf, sizeof buf - 1);
    close(fd[0]);
    buf[n > 0 ? n : 0] = 0;
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 70);
    assert_string_equal(buf, "SCRIPT: panic: raised outside every pcall\n");
}

int main(void)
{
    st_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skirmish_fires_its_historical_events),
        cmocka_unit_test(test_defection_by_tag_moves_units_and_their_leader),
        cmocka_unit_test(test_choice_waits_for_a_recorded_answer),
        cmocka_unit_test(test_computer_default_answer_reaches_on_answer),
        cmocka_unit_test(test_long_question_is_logged_with_its_whole_answer),
        cmocka_unit_test(test_choices_asked_together_are_asked_in_turn),
        cmocka_unit_test(test_rebellion_creates_a_faction_and_units_around_the_place),
        cmocka_unit_test(test_desertion_costs_steps_or_melts_units),
        cmocka_unit_test(test_leaders_killed_and_captured_are_logged),
        cmocka_unit_test(test_relations_and_places_change_hands),
        cmocka_unit_test(test_failing_handler_is_logged_and_the_next_one_runs),
        cmocka_unit_test(test_refused_politics_call_changes_nothing),
        cmocka_unit_test(test_event_tables_carry_units_places_and_factions),
        cmocka_unit_test(test_victory_ends_the_game_from_a_handler),
        cmocka_unit_test(test_same_seed_same_game),
        cmocka_unit_test(test_units_placed_by_lat_lon_stand_where_the_place_is),
        cmocka_unit_test(test_each_side_gets_its_briefing),
        cmocka_unit_test(test_handler_calls_are_counted_for_undo),
        cmocka_unit_test(test_history_library_helps_with_dates_and_once),
        cmocka_unit_test(test_dongjing_betrayal_question_returns_until_answered_for_good),
        cmocka_unit_test(test_handler_error_in_the_log_names_the_file_without_its_folder),
        cmocka_unit_test(test_handler_error_without_a_position_gets_the_handlers_line),
        cmocka_unit_test(test_on_refuses_handlers_past_the_maximum),
        cmocka_unit_test(test_handlers_that_register_handlers_stay_bounded),
        cmocka_unit_test(test_queued_choice_options_are_not_read_through_metamethods),
        cmocka_unit_test(test_closing_the_declarations_runs_no_script_code),
        cmocka_unit_test(test_events_after_the_memory_cap_are_logged_and_play_goes_on),
        cmocka_unit_test(test_fields_behind_index_are_not_read),
        cmocka_unit_test(test_lua_panic_says_so_and_exits_with_status_70),
        cmocka_unit_test(test_owner_of_an_unowned_place_is_nil),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

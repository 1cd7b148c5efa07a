/* test_ai_goals.c - the scenario script directs the default AI: a goal set from Lua with
 * gyr.ai_goal (here: the emperor flees to a pass) reaches the player through the real Lua
 * host and changes what it does. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "session.h"

static const char *SCENARIO =
    "scenario {\n"
    "  id = \"ai_goal_flight\", title = \"Flight test\", years = \"1122\",\n"
    "  start = { year = 1122, month = 4, day = 1 }, turn_days = 10, turns = 6,\n"
    "  sides = { \"jin\", \"liao\" },\n"
    "  map = {\n"
    "    rows = {\n"
    "      \". . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . .\",\n"
    "    },\n"
    "    places = {\n"
    "      { id = \"jiashan\", name = \"Jiashan\", hanzi = \"夾山\", kind = \"pass\", col = 0, row = 2 },\n"
    "      { id = \"xijing\", name = \"Xijing\", hanzi = \"西京\", kind = \"capital\", col = 11, row = 2 },\n"
    "    },\n"
    "  },\n"
    "  briefing = [[Tianzuo must reach the mountains.]],\n"
    "}\n"
    "faction { id = \"jin\", name = \"Jin\", hanzi = \"金\", color = 0xE69F00, emblem = \"sun\" }\n"
    "faction { id = \"liao\", name = \"Liao\", hanzi = \"遼\", color = 0x0072B2, emblem = \"wolf\" }\n"
    "relation(\"jin\", \"liao\", \"war\")\n"
    "place(\"jiashan\", { owner = \"liao\", vp = 0 })\n"
    "place(\"xijing\", { owner = \"jin\", vp = 0, supply = true })\n"
    "leader { id = \"tianzuo\", name = \"Emperor Tianzuo\", hanzi = \"天祚帝\", rating = 1, faction = \"liao\" }\n"
    "unit { type = \"khitan_horse_archers\", faction = \"liao\", at = { col = 6, row = 2 }, steps = 2,\n"
    "       leader = \"tianzuo\", name = \"Imperial guard\" }\n"
    "unit { type = \"levy\", faction = \"jin\", at = { col = 11, row = 5 }, steps = 1 }\n"
    "victory { faction = \"liao\", type = \"save_leader\", leader = \"tianzuo\", text = \"Liao: Tianzuo escapes\" }\n"
    "victory { faction = \"jin\", type = \"kill_leader\", leader = \"tianzuo\", text = \"Jin: Tianzuo taken\" }\n"
    "gyr.ai_goal { faction = \"liao\", type = \"flee_to\", place = \"jiashan\", leader = \"tianzuo\", weight = 10 }\n";

static const char *MUSTER =
    "scenario {\n"
    "  id = \"ai_goal_muster\", title = \"Muster test\", years = \"1116\",\n"
    "  start = { year = 1116, month = 4, day = 1 }, turn_days = 10, turns = 6,\n"
    "  sides = { \"jin\", \"liao\" },\n"
    "  map = {\n"
    "    rows = {\n"
    "      \". . . . . . . . . . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . . . . . . . . . .\",\n"
    "      \". . . . . . . . . . . . . . . . . . . .\",\n"
    "    },\n"
    "    places = {\n"
    "      { id = \"camp\", name = \"Camp\", hanzi = \"營\", kind = \"town\", col = 0, row = 2 },\n"
    "      { id = \"town\", name = \"Town\", hanzi = \"城\", kind = \"town\", col = 19, row = 2 },\n"
    "    },\n"
    "  },\n"
    "  briefing = [[The Jin gather at the camp.]],\n"
    "}\n"
    "faction { id = \"jin\", name = \"Jin\", hanzi = \"金\", color = 0xE69F00, emblem = \"sun\" }\n"
    "faction { id = \"liao\", name = \"Liao\", hanzi = \"遼\", color = 0x0072B2, emblem = \"wolf\" }\n"
    "relation(\"jin\", \"liao\", \"war\")\n"
    "place(\"camp\", { owner = \"jin\", vp = 0, supply = true })\n"
    "place(\"town\", { owner = \"liao\", vp = 0 })\n"
    "unit { type = \"jurchen_horse_archers\", faction = \"jin\", at = { col = 7, row = 2 }, steps = 2 }\n"
    "unit { type = \"levy\", faction = \"liao\", at = { col = 19, row = 4 }, steps = 1 }\n"
    "victory { faction = \"jin\", type = \"score\", value = 50, text = \"Jin: 50 points\" }\n"
    "victory { faction = \"liao\", type = \"hold\", place = \"town\", text = \"Liao: the town\" }\n"
    "gyr.ai_goal { faction = \"jin\", type = \"take\", place = \"town\", weight = 3 }\n";

/* Writes a scenario to path and opens a session on it with every side played by the AI. */
static Session *open_scenario(const char *path, const char *src, unsigned seed)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(src, f);
    fclose(f);
    char err[512] = "";
    Session *s = session_new(path, seed, "all", 1, err, sizeof err);
    if (!s) fprintf(stderr, "%s\n", err);
    assert_non_null(s);
    return s;
}

/* A leader given a flee_to goal by the scenario moves toward the named place. */
static void test_ai_follows_scenario_flee_goal(void **state)
{
    (void)state;
    const char *path = "ai_goal_flight.lua";
    Session *s = open_scenario(path, SCENARIO, 3);
    Game *g = s->game;
    int liao = game_find_faction(g, "liao");
    int place = map_find_place(g->map, "jiashan");
    assert_true(liao >= 0 && place >= 0);
    AiGoal goals[8];
    assert_int_equal(lscript_ai_goals(s->script, liao, goals, 8), 1);
    assert_int_equal(goals[0].type, AIG_FLEE_TO);
    int tz = game_find_leader(g, "tianzuo");
    int unit = g->leaders[tz].unit;
    int before = hex_distance(g->units[unit].hex, g->map->places[place].hex);
    session_run_ai(s, 2);
    g = s->game;
    assert_true(g->units[unit].alive);
    int after = hex_distance(g->units[unit].hex, g->map->places[place].hex);
    assert_true(after < before);
    session_free(s);
    remove(path);
}

/* A muster goal draws the army to the named place ahead of a place it could take: the
 * scenario gathers it there to strike later (the Jin round Gao Yongchang's capital). The
 * same scenario without the goal sends the unit the other way, to the town. */
static int muster_run(int with_goal)
{
    const char *path = "ai_goal_muster.lua";
    char src[4096];
    snprintf(src, sizeof src, "%s%s", MUSTER,
             with_goal ? "gyr.ai_goal { faction = \"jin\", type = \"muster\", place = \"camp\", weight = 10 }\n" : "");
    Session *s = open_scenario(path, src, 5);
    Game *g = s->game;
    int camp = map_find_place(g->map, "camp");
    int jin = game_find_faction(g, "jin");
    int unit = -1;
    for (int u = 0; u < g->n_units; u++) if (g->units[u].faction == jin) unit = u;
    assert_true(camp >= 0 && unit >= 0);
    int before = hex_distance(g->units[unit].hex, g->map->places[camp].hex);
    session_run_ai(s, 1);
    g = s->game;
    int after = hex_distance(g->units[unit].hex, g->map->places[camp].hex);
    session_free(s);
    remove(path);
    return after - before;
}

static void test_ai_musters_round_scenario_place(void **state)
{
    (void)state;
    assert_true(muster_run(1) < 0);   /* closer to the camp */
    assert_true(muster_run(0) > 0);   /* without the goal: off to the town */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ai_follows_scenario_flee_goal),
        cmocka_unit_test(test_ai_musters_round_scenario_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

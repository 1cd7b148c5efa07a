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

/* A leader given a flee_to goal by the scenario moves toward the named place. */
static void test_ai_follows_scenario_flee_goal(void **state)
{
    (void)state;
    const char *path = "ai_goal_flight.lua";
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(SCENARIO, f);
    fclose(f);
    char err[512] = "";
    Session *s = session_new(path, 3, "all", 1, err, sizeof err);
    if (!s) fprintf(stderr, "%s\n", err);
    assert_non_null(s);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ai_follows_scenario_flee_goal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

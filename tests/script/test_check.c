/* test_check.c - lscript_check (gyrfalcon --check) reports every problem of a scenario as
 * FILE:LINE: message (syntax, unknown unit types, places and factions, units on water or off
 * the map, a side without victory conditions) and finds nothing wrong in a good one. Also the
 * scenario list: built-in scenarios, then the user's mods, broken files skipped. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "sthelp.h"

#define BROKEN \
    "scenario { id = \"t_check\", title = \"Check\", years = \"1114\", sides = { \"a\", \"b\" }, turns = 3,\n" \
    "  map = { rows = { \"~~....\", \"......\", \"......\" }, places = { { id = \"p\", col = 2, row = 1 } } } }\n" \
    "faction { id = \"a\" }\n" \
    "faction { id = \"b\" }\n" \
    "unit { type = \"dragon\", faction = \"a\", at = { col = 3, row = 1 } }\n" \
    "unit { type = \"levy\", faction = \"a\", at = \"nowhere\" }\n" \
    "unit { type = \"levy\", faction = \"zz\", at = { col = 3, row = 1 } }\n" \
    "unit { type = \"levy\", faction = \"a\", at = { col = 40, row = 1 } }\n" \
    "unit { type = \"levy\", faction = \"a\", at = { col = 0, row = 0 } }\n" \
    "victory { faction = \"a\", type = \"take\", place = \"nowhere\" }\n" \
    "victory { faction = \"a\", type = \"take\", place = \"p\" }\n"

/* Asserts the report has a line "path:line: ...what...". */
static void assert_reported(const char *report, const char *path, int line, const char *what)
{
    char prefix[600];
    snprintf(prefix, sizeof prefix, "%s:%d: ", path, line);
    for (const char *p = report; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (strncmp(p, prefix, strlen(prefix)) == 0) {
            char one[800];
            snprintf(one, sizeof one, "%.*s", (int)len, p);
            if (strstr(one, what)) return;
        }
        p = nl ? nl + 1 : NULL;
    }
    fail_msg("no '%s...%s' in report:\n%s", prefix, what, report);
}

static void test_good_scenario_has_no_problems(void **st)
{
    (void)st;
    char report[4096];
    int n = lscript_check(st_data("scripts/scenarios/test_skirmish.lua"), report, sizeof report);
    if (n != 0) fail_msg("%s", report);
}

static void test_each_problem_is_reported_with_its_line(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("broken.lua", BROKEN);
    int n = lscript_check(path, report, sizeof report);
    assert_reported(report, path, 5, "unknown unit type 'dragon'");
    assert_reported(report, path, 6, "unknown place 'nowhere'");
    assert_reported(report, path, 7, "unknown faction 'zz'");
    assert_reported(report, path, 8, "off the map");
    assert_reported(report, path, 9, "on water");
    assert_reported(report, path, 10, "unknown place 'nowhere'");
    assert_reported(report, path, 4, "side 'b' has no victory condition");
    assert_int_equal(n, 7);
}

static void test_syntax_error_is_reported_with_its_line(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("syntax.lua", ST_BASE "on(\"turn_start\", function(ev)\n  if ev.turn = 2 then end\nend)\n");
    int n = lscript_check(path, report, sizeof report);
    assert_int_equal(n, 1);
    assert_reported(report, path, 11, "expected");
}

static void test_runtime_error_is_reported_with_its_line(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("runtime.lua", ST_BASE "local x = nil\nlocal y = x.field\n");
    int n = lscript_check(path, report, sizeof report);
    assert_int_equal(n, 1);
    assert_reported(report, path, 11, "attempt to index");
}

/* error() with a table (its text from __tostring, or its type) still names the line. */
static void test_error_object_is_reported_with_its_line(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("errobj.lua", ST_BASE "local t = 1\n"
                                "error(setmetatable({}, { __tostring = function() return \"bad object\" end }))\n");
    int n = lscript_check(path, report, sizeof report);
    assert_int_equal(n, 1);
    assert_reported(report, path, 11, "bad object");
    path = st_write("errobj2.lua", ST_BASE "local t = 1\nerror({})\n");
    n = lscript_check(path, report, sizeof report);
    assert_int_equal(n, 1);
    assert_reported(report, path, 11, "error object is a table value");
}

static void test_unknown_ids_inside_handlers_are_reported(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("handlers.lua", ST_BASE
        "on(\"turn_start\", function(ev)\n"
        "  if gyr.owner(\"pp\") == \"a\" then end\n"
        "  gyr.reinforce { faction = \"a\", at = \"p\", units = { { type = \"infantri\" } } }\n"
        "  gyr.kill_leader(\"nobody\") -- gyr.kill_leader(\"in_a_comment\")\n"
        "  gyr.add_leader { id = \"later\", faction = \"a\" }\n"
        "  gyr.capture_leader(\"later\")\n"
        "  gyr.ai_goal { faction = \"a\", type = \"take\", place = \"p\" }\n"
        "end)\n");
    int n = lscript_check(path, report, sizeof report);
    assert_reported(report, path, 11, "unknown place 'pp'");
    assert_reported(report, path, 12, "unknown unit type 'infantri'");
    assert_reported(report, path, 13, "unknown leader 'nobody'");
    assert_int_equal(n, 3);
}

static void test_campaign_names_only_scenarios_that_exist(void **st)
{
    (void)st;
    char report[4096];
    const char *good = st_write("camp.lua", "campaign { id = \"t_camp\", title = \"C\", years = \"1114\", side = \"jin\",\n"
                                            "  scenarios = { { id = \"test_skirmish\" } } }\n");
    assert_int_equal(lscript_check(good, report, sizeof report), 0);
    const char *bad = st_write("camp.lua", "campaign { id = \"t_camp\", title = \"C\", side = \"jin\",\n"
                                           "  scenarios = { { id = \"test_skirmish\" }, { id = \"no_such\" } } }\n");
    assert_int_equal(lscript_check(bad, report, sizeof report), 1);
    assert_reported(report, bad, 1, "unknown scenario 'no_such'");
}

static void test_broken_scenario_does_not_load_and_says_where(void **st)
{
    (void)st;
    char err[700];
    Game *g;
    const char *path = st_write("broken.lua", BROKEN);
    assert_null(lscript_load(path, 1, &g, err, sizeof err));
    char prefix[600];
    snprintf(prefix, sizeof prefix, "%s:5: unknown unit type 'dragon'", path);
    assert_string_equal(err, prefix);
}

static void test_list_has_built_in_scenarios_then_mods(void **st)
{
    (void)st;
    char mods[600];
    snprintf(mods, sizeof mods, "%s/mods", st_setup());
    mkdir(mods, 0700);
    char p[700];
    snprintf(p, sizeof p, "mods/a_mod.lua");
    st_write(p, "scenario { id = \"a_mod\", title = \"A mod\", years = \"1200\", sides = { \"x\", \"y\" } }\n");
    st_write("mods/broken_mod.lua", "scenario { id = \n");
    lscript_set_mod_dir(mods);
    ScenarioInfo list[128];
    int n = lscript_list_scenarios(list, 128);
    int skirmish = -1, mod = -1;
    for (int i = 0; i < n; i++) {
        if (!strcmp(list[i].id, "test_skirmish")) skirmish = i;
        if (!strcmp(list[i].id, "a_mod")) mod = i;
        assert_string_not_equal(list[i].id, "");
    }
    assert_true(skirmish >= 0 && mod > skirmish);
    assert_false(list[skirmish].is_mod);
    assert_true(list[mod].is_mod);
    assert_string_equal(list[mod].sides, "x,y");
    assert_string_equal(list[mod].years, "1200");
    assert_string_equal(list[skirmish].sides, "jin,liao");
    for (int i = 1; i < n; i++) {       /* each part in historical order: scenarios by date, then campaigns */
        const ScenarioInfo *a = &list[i - 1], *b = &list[i];
        assert_true(a->is_mod <= b->is_mod);
        if (a->is_mod != b->is_mod) continue;
        assert_true(a->is_campaign <= b->is_campaign);
        if (a->is_campaign != b->is_campaign) continue;
        long da = (a->start_year * 13L + a->start_month) * 32 + a->start_day;
        long db = (b->start_year * 13L + b->start_month) * 32 + b->start_day;
        assert_true(da < db || (da == db && strcmp(a->id, b->id) < 0));
    }
    ScenarioInfo info;
    assert_int_equal(lscript_find_scenario("a_mod", &info), 0);
    assert_string_equal(info.title, "A mod");
    assert_int_equal(lscript_find_scenario(st_data("scripts/scenarios/test_skirmish.lua"), &info), 0);
    assert_string_equal(info.id, "test_skirmish");
    assert_int_not_equal(lscript_find_scenario("no_such_scenario", &info), 0);
    lscript_set_mod_dir(NULL);
}

static void test_content_hash_follows_the_file(void **st)
{
    (void)st;
    char err[700];
    Game *g;
    uint64_t h[3];
    const char *texts[3] = { ST_BASE, ST_BASE, ST_BASE "-- a comment\n" };
    for (int i = 0; i < 3; i++) {
        LScript *s = lscript_load(st_write("hash.lua", texts[i]), 1, &g, err, sizeof err);
        assert_non_null(s);
        h[i] = lscript_content_hash(s);
        lscript_free(s);
    }
    assert_true(h[0] == h[1]);
    assert_true(h[0] != h[2]);
}

static void test_check_closes_declarations_behind_a_guarded_G(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("guarded.lua", ST_BASE
        "rawset(_G, \"unit\", nil)\n"
        "setmetatable(_G, { __newindex = function() error(\"closing ran script code\") end })\n");
    assert_int_equal(lscript_check(path, report, sizeof report), 0);
    assert_string_equal(report, "");
}

static void test_listing_skips_a_looping_mod_and_keeps_the_rest(void **st)
{
    (void)st;
    char mods[600];
    snprintf(mods, sizeof mods, "%s/loopmods", st_setup());
    mkdir(mods, 0700);
    st_write("loopmods/a_loop.lua", "while true do pcall(function() while true do end end) end\n"
                                    "scenario { id = \"a_loop\", title = \"L\", years = \"1\", sides = { \"x\" } }\n");
    st_write("loopmods/b_mod.lua", "scenario { id = \"b_mod\", title = \"B\", years = \"1\", sides = { \"x\" } }\n");
    lscript_set_mod_dir(mods);
    ScenarioInfo list[128];
    int n = lscript_list_scenarios(list, 128), skirmish = 0, b = 0, loop = 0;
    for (int i = 0; i < n; i++) {
        skirmish |= !strcmp(list[i].id, "test_skirmish");
        b |= !strcmp(list[i].id, "b_mod");
        loop |= !strcmp(list[i].id, "a_loop");
    }
    assert_true(skirmish && b && !loop);
    ScenarioInfo info;
    assert_int_equal(lscript_find_scenario("test_skirmish", &info), 0);
    lscript_set_mod_dir(NULL);
}

/* ================================================================ unknown fields and ranges */

/* Asserts that the report holds exactly the line "path:line: text". */
static void assert_line(const char *report, const char *path, int line, const char *text)
{
    char want[800];
    snprintf(want, sizeof want, "%s:%d: %s\n", path, line, text);
    for (const char *p = report; p && *p;) {
        const char *nl = strchr(p, '\n');
        if (nl && strncmp(p, want, strlen(want)) == 0) return;
        p = nl ? nl + 1 : NULL;
    }
    fail_msg("no line '%s' in report:\n%s", want, report);
}

static void test_unknown_field_is_refused_with_suggestion(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("stepz.lua", "unit { type = \"levy\", faction = \"a\", at = { col = 1, row = 0 }, stepz = 2 }");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 10, "unknown field 'stepz' in unit{} (did you mean 'steps'?)");
}

static void test_unknown_field_without_a_near_name_has_no_suggestion(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("turn.lua", "victory { faction = \"a\", type = \"hold\", place = \"p\", turn = 2 }");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 10, "unknown field 'turn' in victory{}");
}

static void test_several_unknown_fields_are_reported_in_sorted_order(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("sorted.lua",
        "unit { type = \"levy\", faction = \"a\", at = { col = 1, row = 0 }, zeta = 1, alpha = 2, mu = 3 }");
    for (int run = 0; run < 5; run++) {      /* each run is a new Lua state with its own hash seed */
        assert_int_equal(lscript_check(path, report, sizeof report), 3);
        char want[1600];
        snprintf(want, sizeof want, "%s:10: unknown field 'alpha' in unit{}\n%s:10: unknown field 'mu' in unit{}\n"
                 "%s:10: unknown field 'zeta' in unit{}\n", path, path, path);
        assert_string_equal(report, want);
    }
}

static void test_positional_entry_in_a_declaration_is_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("positional.lua", "faction { \"c\", name = \"C\" }");
    lscript_check(path, report, sizeof report);
    assert_line(report, path, 10, "faction{} takes no positional entries (found [1]): write name = value");
}

static void test_unknown_field_in_inline_map_place_is_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("mapplace.lua",
        "scenario { id = \"t_mp\", title = \"M\", sides = { \"a\" },\n"
        "  map = { rows = { \"....\" }, places = { { id = \"p\", col = 1, row = 0, knd = \"town\" } } } }\n"
        "faction { id = \"a\" }\n"
        "victory { faction = \"a\", type = \"hold\", place = \"p\" }\n");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_reported(report, path, 1, "unknown field 'knd' in map.places[1] (did you mean 'kind'?)");
}

static void test_briefing_for_a_side_is_a_known_field(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("briefing.lua",
        "scenario { id = \"t_br\", title = \"B\", sides = { \"a\" }, briefing_a = \"Hold.\", map = { rows = { \"....\" },\n"
        "  places = { { id = \"p\", col = 1, row = 0 } } } }\n"
        "faction { id = \"a\" }\n"
        "victory { faction = \"a\", type = \"hold\", place = \"p\" }\n");
    int n = lscript_check(path, report, sizeof report);
    if (n != 0) fail_msg("%s", report);
}

static void test_unknown_field_in_handler_call_stops_the_handler_and_changes_nothing(void **st)
{
    (void)st;
    char err[700];
    Game *g;
    const char *path = st_scenario("desert.lua",
        "on(\"turn_start\", function(ev)\n"
        "  if ev.first then\n"
        "    gyr.desert { faction = \"b\", place = \"p\", melt = true }\n"
        "    gyr.score(\"a\", 5)\n"
        "  end\n"
        "end)");
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    if (!s) fail_msg("%s", err);
    game_start(g);
    char want[700];
    snprintf(want, sizeof want, "%s:12: unknown field 'place' in gyr.desert{}", path);
    assert_string_equal(lscript_last_error(s), want);
    assert_true(g->units[1].alive);                         /* b's unit did not melt */
    assert_int_equal(g->factions[game_find_faction(g, "a")].score, 0);   /* the handler stopped */
    lscript_free(s);
}

static void test_unit_type_attack_out_of_range_is_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("attack.lua",
        "unit_type { id = \"giant\", class = \"infantry\", attack = 2147483647, defence = 3, move = 4 }");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 10, "unit type 'giant': attack must be 0..99 (got 2147483647)");
}

static void test_unit_type_number_that_wraps_int_is_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("wrap.lua",     /* 2^32 + 5 used to pass as 5 */
        "unit_type { id = \"giant\", class = \"infantry\", attack = 3, defence = 3, move = 4294967301 }");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 10, "unit type 'giant': move must be 1..30 (got 4294967301)");
}

static void test_scenario_turns_that_wrap_int_are_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("turns.lua",
        "scenario { id = \"t_tu\", title = \"T\", sides = { \"a\" }, turns = 4294967301,\n"
        "  map = { rows = { \"....\" }, places = { { id = \"p\", col = 1, row = 0 } } } }\n"
        "faction { id = \"a\" }\n"
        "victory { faction = \"a\", type = \"hold\", place = \"p\" }\n");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 1, "turns must be 1..999 (got 4294967301)");
}

static void test_score_victory_value_out_of_range_is_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("value.lua", "victory { faction = \"a\", type = \"score\", value = 4294967296 }");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 10, "victory value must be 0..1000000");
}

static void test_victory_field_of_another_type_is_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("vctype.lua", "victory { faction = \"a\", type = \"score\", value = 3, place = \"p\" }");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 10, "victory 'score' takes value, not place");
}

static void test_units_chosen_two_ways_are_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_scenario("twoways.lua", "gyr.desert { unit = 1, faction = \"a\", melt = true }");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 10, "say which units one way: unit, units, or tag/faction/type");
}

static void test_river_side_that_wraps_int_is_refused(void **st)
{
    (void)st;
    char report[4096];
    const char *path = st_write("riverwrap.lua",     /* 2^32 + 1 used to pass as 1 */
        "scenario { id = \"t_rw\", title = \"R\", sides = { \"a\" }, map = { rows = { \"....\" },\n"
        "  places = { { id = \"p\", col = 1, row = 0 } }, rivers = { { sides = { { 4294967297, 0, 2, 0 } } } } } }\n"
        "faction { id = \"a\" }\n"
        "victory { faction = \"a\", type = \"hold\", place = \"p\" }\n");
    assert_int_equal(lscript_check(path, report, sizeof report), 1);
    assert_line(report, path, 1, "map.rivers[1].sides[1]: needs {q1, r1, q2, r2} of two adjacent hexes");
}

/* A campaign file given where a scenario is loaded is refused with its name, not a NULL game. */
static void test_loading_a_campaign_file_as_a_scenario_is_refused(void **st)
{
    (void)st;
    const char *path = st_write("a_campaign.lua",
        "campaign { id = \"c\", title = \"C\", side = \"jin\", scenarios = { { id = \"test_skirmish\" } } }\n");
    char err[600] = "";
    Game *g = (Game *)1;
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    assert_null(s);
    assert_null(g);
    assert_non_null(strstr(err, "a_campaign.lua: is a campaign, not a scenario"));
}

/* The built-in scenarios come by start date (ties by id), then the campaigns; test_ ones stay in
 * the list (marked by lscript_is_test_scenario) for the lists that hide them. */
static void test_list_puts_built_in_scenarios_in_historical_order(void **state)
{
    (void)state;
    static const char *const want[] = { "ningjiang1114", "huanglong1115", "dongjing1116", "shangjing1120",
                                        "zhongjing1122", "tianzuo1122", "jin_campaign", "liao_campaign" };
    ScenarioInfo list[128];
    int n = lscript_list_scenarios(list, 128), k = 0;
    for (int i = 0; i < n; i++) {
        if (list[i].is_mod || lscript_is_test_scenario(&list[i])) continue;
        assert_true(k < 8);
        assert_string_equal(list[i].id, want[k]);
        k++;
    }
    assert_int_equal(k, 8);
    assert_int_equal(list[0].start_year, 1114);
    assert_int_equal(list[0].start_month, 10);
    assert_int_equal(list[0].start_day, 8);
}

/* A test scenario is hidden from the lists but still found by its id. */
static void test_test_scenario_is_still_found_by_id(void **state)
{
    (void)state;
    ScenarioInfo info;
    assert_int_equal(lscript_find_scenario("test_skirmish", &info), 0);
    assert_true(lscript_is_test_scenario(&info));
    assert_int_equal(lscript_find_scenario("ningjiang1114", &info), 0);
    assert_false(lscript_is_test_scenario(&info));
}

int main(void)
{
    st_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_scenario_has_no_problems),
        cmocka_unit_test(test_each_problem_is_reported_with_its_line),
        cmocka_unit_test(test_syntax_error_is_reported_with_its_line),
        cmocka_unit_test(test_runtime_error_is_reported_with_its_line),
        cmocka_unit_test(test_error_object_is_reported_with_its_line),
        cmocka_unit_test(test_unknown_ids_inside_handlers_are_reported),
        cmocka_unit_test(test_campaign_names_only_scenarios_that_exist),
        cmocka_unit_test(test_broken_scenario_does_not_load_and_says_where),
        cmocka_unit_test(test_list_has_built_in_scenarios_then_mods),
        cmocka_unit_test(test_content_hash_follows_the_file),
        cmocka_unit_test(test_check_closes_declarations_behind_a_guarded_G),
        cmocka_unit_test(test_listing_skips_a_looping_mod_and_keeps_the_rest),
        cmocka_unit_test(test_unknown_field_is_refused_with_suggestion),
        cmocka_unit_test(test_unknown_field_without_a_near_name_has_no_suggestion),
        cmocka_unit_test(test_several_unknown_fields_are_reported_in_sorted_order),
        cmocka_unit_test(test_positional_entry_in_a_declaration_is_refused),
        cmocka_unit_test(test_unknown_field_in_inline_map_place_is_refused),
        cmocka_unit_test(test_briefing_for_a_side_is_a_known_field),
        cmocka_unit_test(test_unknown_field_in_handler_call_stops_the_handler_and_changes_nothing),
        cmocka_unit_test(test_unit_type_attack_out_of_range_is_refused),
        cmocka_unit_test(test_unit_type_number_that_wraps_int_is_refused),
        cmocka_unit_test(test_scenario_turns_that_wrap_int_are_refused),
        cmocka_unit_test(test_score_victory_value_out_of_range_is_refused),
        cmocka_unit_test(test_victory_field_of_another_type_is_refused),
        cmocka_unit_test(test_units_chosen_two_ways_are_refused),
        cmocka_unit_test(test_river_side_that_wraps_int_is_refused),
        cmocka_unit_test(test_loading_a_campaign_file_as_a_scenario_is_refused),
        cmocka_unit_test(test_list_puts_built_in_scenarios_in_historical_order),
        cmocka_unit_test(test_test_scenario_is_still_found_by_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

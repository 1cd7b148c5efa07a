/* test_sandbox.c - a hostile or careless scenario cannot reach files, the OS or bytecode, hang
 * the game or eat its memory; each attempt is refused with a clear FILE:LINE message and the
 * engine goes on (a good scenario loads and plays afterwards in the same process). Also the
 * determinism guards: pairs() order, math.random from the game RNG, no addresses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "sthelp.h"

/* Loads ST_BASE + extra; returns the error text (empty on success, then the game is freed). */
static const char *load_err(const char *extra)
{
    static char err[700];
    Game *g;
    err[0] = 0;
    const char *path = st_scenario("sandbox.lua", extra);
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    if (s) {
        err[0] = 0;
        lscript_free(s);
    }
    return err;
}

/* After a refusal the engine keeps running: the test scenario loads and plays a turn. */
static void good_scenario_still_plays(void)
{
    char err[700];
    Game *g;
    LScript *s = lscript_load(st_data("scripts/scenarios/test_skirmish.lua"), 3, &g, err, sizeof err);
    assert_non_null(s);
    game_start(g);
    int turn = g->turn;
    while (g->turn == turn && !g->over) assert_int_not_equal(st_play(g, 1), -1);
    assert_true(g->turn == turn + 1 || g->over);
    lscript_free(s);
}

/* err must start with "<path of sandbox.lua>:<line>:" and contain what. */
static void assert_refused_at(const char *err, int line, const char *what)
{
    char prefix[600];
    snprintf(prefix, sizeof prefix, "%s/sandbox.lua:%d:", st_setup(), line);
    if (strncmp(err, prefix, strlen(prefix)) != 0 || !strstr(err, what))
        fail_msg("expected '%s ... %s', got '%s'", prefix, what, err);
}

static void test_os_execute_is_refused(void **st)
{
    (void)st;
    assert_refused_at(load_err("os.execute('touch /tmp/gyr-pwned')"), 10, "global 'os'");
    assert_int_not_equal(access("/tmp/gyr-pwned", F_OK), 0);
    good_scenario_still_plays();
}

static void test_io_open_is_refused(void **st)
{
    (void)st;
    assert_refused_at(load_err("local f = io.open('/etc/passwd')"), 10, "global 'io'");
    good_scenario_still_plays();
}

static void test_require_is_refused(void **st)
{
    (void)st;
    assert_refused_at(load_err("local os = require('os')"), 10, "global 'require'");
    good_scenario_still_plays();
}

static void test_file_and_debug_functions_are_absent(void **st)
{
    (void)st;
    assert_string_equal(load_err(
        "assert(dofile == nil and loadfile == nil and collectgarbage == nil and debug == nil)\n"
        "assert(package == nil and string.dump == nil and os == nil and io == nil and warn == nil)"), "");
}

static void test_binary_chunk_is_refused(void **st)
{
    (void)st;
    /* string.dump is gone, so craft the start of a Lua 5.4 binary chunk by hand */
    assert_string_equal(load_err(
        "local f, e = load('\\27LuaT\\0\\25\\147\\r\\n\\26\\n\\4\\8\\8xV\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\40w@')\n"
        "assert(f == nil and e:find('binary'), e)"), "");
    assert_refused_at(load_err("load('return 1', 'x', 'b')"), 10, "binary chunks are not allowed");
    good_scenario_still_plays();
}

static void test_text_chunks_load_in_the_sandbox(void **st)
{
    (void)st;
    assert_string_equal(load_err("local f = assert(load('return os'))\nassert(f() == nil)\n"
                                 "assert(load('return 1 + 1')() == 2)"), "");
}

static void test_endless_loop_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("while true do end"), 10, "exceeded its instruction budget");
    good_scenario_still_plays();
}

static void test_endless_loop_inside_pcall_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("while true do pcall(function() while true do end end) end"), 10,
                      "exceeded its instruction budget");
    good_scenario_still_plays();
}

static void test_endless_loop_in_coroutine_is_stopped(void **st)
{
    (void)st;
    const char *err = load_err("local co = coroutine.wrap(function() while true do end end)\nco()");
    if (!strstr(err, "exceeded its instruction budget")) fail_msg("got '%s'", err);
    good_scenario_still_plays();
}

static void test_endless_loop_in_handler_is_stopped_and_play_goes_on(void **st)
{
    (void)st;
    char err[700];
    Game *g;
    const char *path = st_scenario("sandbox.lua", "on('turn_start', function(ev) while true do end end)");
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    assert_non_null(s);
    game_start(g);
    assert_non_null(strstr(lscript_last_error(s), "sandbox.lua:10: script exceeded its instruction budget"));
    assert_true(st_find_log(g, GEV_MESSAGE, "Script error:") >= 0);
    assert_true(st_play(g, 100) > 0);
    assert_true(g->over);
    lscript_free(s);
}

static void test_memory_bomb_is_stopped(void **st)
{
    (void)st;
    const char *err = load_err("local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end");
    if (!strstr(err, "memory limit") || !strstr(err, "sandbox.lua:11")) fail_msg("got '%s'", err);
    good_scenario_still_plays();
}

static void test_huge_string_rep_is_refused(void **st)
{
    (void)st;
    assert_refused_at(load_err("local s = string.rep('x', 1 << 40)"), 10, "too large");
    assert_string_equal(load_err("assert(string.rep('', 1e15) == '')"), "");
}

static void test_backtracking_pattern_is_stopped_by_the_budget(void **st)
{
    (void)st;
    assert_refused_at(load_err("local s = string.rep('a', 100000)\nstring.find(s, '.-.-.-.-b')"), 11,
                      "instruction budget");
    assert_string_equal(load_err("assert(('a b c'):gsub('%s+', '-') == 'a-b-c')\n"
                                 "assert(string.find('a.b', '.', 1, true) == 2)"), "");
}

static void test_no_memory_address_reaches_a_script(void **st)
{
    (void)st;
    assert_string_equal(load_err(
        "assert(tostring({}) == 'table' and tostring(print) == 'function')\n"
        "assert(string.format('%s %s', {}, print) == 'table function')\n"
        "assert(not pcall(string.format, '%p', {}))\n"
        "assert(not pcall(setmetatable, {}, { __gc = function() end }))\n"
        "assert(not pcall(setmetatable, {}, { __mode = 'k' }))"), "");
}

static void test_pairs_visits_keys_in_sorted_order(void **st)
{
    (void)st;
    assert_string_equal(load_err(
        "local t = { zeta = 1, alpha = 2, [3] = 3, [1] = 4, [2.5] = 5, [true] = 6, [false] = 7, Beta = 8 }\n"
        "local seen = {}\n"
        "for k in pairs(t) do seen[#seen + 1] = tostring(k) end\n"
        "assert(table.concat(seen, ',') == '1,2.5,3,Beta,alpha,zeta,false,true', table.concat(seen, ','))\n"
        "local k, out = nil, {}\n"
        "repeat k = next(t, k); if k ~= nil then out[#out + 1] = tostring(k) end until k == nil\n"
        "assert(table.concat(out, ',') == table.concat(seen, ','))\n"
        "assert(not pcall(pairs, { [{}] = 1 }) or not pcall(function() for _ in pairs({ [{}] = 1 }) do end end))"), "");
}

/* A handler logs a checksum of the order in which pairs() visits 300 string keys. */
static uint64_t pairs_order_checksum(uint64_t seed)
{
    char err[700];
    Game *g;
    const char *path = st_scenario("order.lua",
        "local t = {}\n"
        "for i = 1, 300 do t['key' .. (i * 7919 % 1000)] = i end\n"
        "on('turn_start', function(ev)\n"
        "  if not ev.first then return end\n"
        "  local h = 0\n"
        "  for k, v in pairs(t) do h = (h * 31 + v) % 1000000007 end\n"
        "  gyr.message(tostring(h))\n"
        "end)");
    LScript *s = lscript_load(path, seed, &g, err, sizeof err);
    assert_non_null(s);
    game_start(g);
    int i = st_find_log(g, GEV_MESSAGE, NULL);
    assert_true(i >= 0);
    uint64_t h = strtoull(g->log[i].text, NULL, 10);
    lscript_free(s);
    return h;
}

static void test_pairs_order_is_the_same_in_every_state(void **st)
{
    (void)st;
    uint64_t a = pairs_order_checksum(1);
    for (int i = 0; i < 5; i++) assert_true(pairs_order_checksum((uint64_t)i + 2) == a);
}

/* The numbers math.random gives during a game with this seed, as a log message. */
static void random_numbers(uint64_t seed, char *out, size_t cap)
{
    char err[700];
    Game *g;
    const char *path = st_scenario("random.lua",
        "on('turn_start', function(ev)\n"
        "  if not ev.first then return end\n"
        "  local t = {}\n"
        "  for i = 1, 8 do t[i] = math.random(1000) end\n"
        "  t[#t + 1] = math.random(5, 6)\n"
        "  local x = math.random(); assert(x >= 0 and x < 1)\n"
        "  gyr.message(table.concat(t, ' '))\n"
        "end)");
    LScript *s = lscript_load(path, seed, &g, err, sizeof err);
    assert_non_null(s);
    Rng before = g->rng;
    game_start(g);
    assert_false(before.state == g->rng.state);     /* drawn from the game's RNG */
    int i = st_find_log(g, GEV_MESSAGE, NULL);
    assert_true(i >= 0);
    snprintf(out, cap, "%s", g->log[i].text);
    lscript_free(s);
}

static void test_math_random_draws_from_the_game_rng(void **st)
{
    (void)st;
    char a[256], b[256], c[256];
    random_numbers(7, a, sizeof a);
    random_numbers(7, b, sizeof b);
    random_numbers(8, c, sizeof c);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_refused_at(load_err("math.randomseed(42)"), 10, "math.randomseed is not available");
}

int main(void)
{
    st_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_os_execute_is_refused),
        cmocka_unit_test(test_io_open_is_refused),
        cmocka_unit_test(test_require_is_refused),
        cmocka_unit_test(test_file_and_debug_functions_are_absent),
        cmocka_unit_test(test_binary_chunk_is_refused),
        cmocka_unit_test(test_text_chunks_load_in_the_sandbox),
        cmocka_unit_test(test_endless_loop_is_stopped),
        cmocka_unit_test(test_endless_loop_inside_pcall_is_stopped),
        cmocka_unit_test(test_endless_loop_in_coroutine_is_stopped),
        cmocka_unit_test(test_endless_loop_in_handler_is_stopped_and_play_goes_on),
        cmocka_unit_test(test_memory_bomb_is_stopped),
        cmocka_unit_test(test_huge_string_rep_is_refused),
        cmocka_unit_test(test_backtracking_pattern_is_stopped_by_the_budget),
        cmocka_unit_test(test_no_memory_address_reaches_a_script),
        cmocka_unit_test(test_pairs_visits_keys_in_sorted_order),
        cmocka_unit_test(test_pairs_order_is_the_same_in_every_state),
        cmocka_unit_test(test_math_random_draws_from_the_game_rng),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

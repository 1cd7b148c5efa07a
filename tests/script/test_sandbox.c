/* test_sandbox.c - a hostile or careless scenario cannot reach files, the OS or bytecode, hang
 * the game or eat its memory; each attempt is refused with a clear FILE:LINE message and the
 * engine goes on (a good scenario loads and plays afterwards in the same process). Also the
 * determinism guards: pairs() order, math.random from the game RNG, no addresses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "sthelp.h"
#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>
#include "sandbox_int.h"

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

/* ---------------------------------------------------------------- the sandbox's own pattern matcher */

/* Lua code run in a plain state (stock libraries) where sb holds the sandbox's find, match,
 * gmatch, gsub and ok is the count of agreeing calls: every call is made with both, results
 * and error messages compared; the first difference raises. */
static const char *const DIFF_PATTERNS =
    "local function pack(ok, ...) return { ok = ok, n = select('#', ...), ... } end\n"
    "local function same(a, b) if a.ok ~= b.ok or a.n ~= b.n then return false end\n"
    "  for i = 1, a.n do if a[i] ~= b[i] or math.type(a[i]) ~= math.type(b[i]) then return false end end return true end\n"
    "local function show(r) local t = {} for i = 1, r.n do t[#t + 1] = string.format('%q', r[i]) end\n"
    "  return (r.ok and 'ok ' or 'error ') .. table.concat(t, ', ') end\n"
    "local function cmp(what, f, g, ...)\n"
    "  local a, b = pack(pcall(f, ...)), pack(pcall(g, ...))\n"
    "  if not same(a, b) then local args = table.pack(...) for i = 1, args.n do args[i] = string.format('%q', args[i]) end\n"
    "    error(what .. '(' .. table.concat(args, ', ') .. '): lua ' .. show(a) .. ' / sandbox ' .. show(b), 0) end\n"
    "  ok = ok + 1 end\n"
    "local function all(gm, s, p, init) local r = {} for a, b, c in gm(s, p, init) do r[#r + 1] = tostring(a) .. '|' .. tostring(b) .. '|' .. tostring(c) if #r > 50 then break end end return table.concat(r, ';') end\n"
    "local function each(s, p, init)\n"
    "  cmp('find', string.find, sb.find, s, p, init)\n"
    "  cmp('find plain', string.find, sb.find, s, p, init, true)\n"
    "  cmp('match', string.match, sb.match, s, p, init)\n"
    "  cmp('gmatch', function(...) return all(string.gmatch, ...) end, function(...) return all(sb.gmatch, ...) end, s, p, init)\n"
    "  cmp('gsub', string.gsub, sb.gsub, s, p, '<%0:%1>')\n"
    "  cmp('gsub %%', string.gsub, sb.gsub, s, p, '%%', 2)\n"
    "  cmp('gsub fn', string.gsub, sb.gsub, s, p, function(a, b) if a == 'b' then return false end return (b or a) .. '!' end)\n"
    "  cmp('gsub table', string.gsub, sb.gsub, s, p, { a = 'A', [''] = 'E', b = 12 })\n"
    "end\n"
    "local fixed = { '', 'a', '^a', 'a$', '^$', '.', '.-', '.*', 'a*', 'a+', 'a-b', 'a?b', '%a+', '%A', '%d+%.?%d*',\n"
    "  '%s', '%S+', '%w+', '%W', '%l%u', '%p', '%c', '%x+', '%g', '[abc]', '[^abc]+', '[a-c]+', '[%a_][%w_]*',\n"
    "  '[]]', '[^]]', '[a-]', '[-a]', '%[', '%]', '%%', '(a)(b)', '()a()', '(a*(.)%2)', '(.)%1', '%b()', '%bab',\n"
    "  '%f[%w]%w+', '%f[%W]', '%f[%a]', '^(%s*)(.-)(%s*)$', '(', ')', '%', '[a', '[', '%b', '%ba', '%f', '%fa',\n"
    "  '(()', '%1', '(a)%2', '%g+$', 'x*$', '$a', 'a$b', '^^', '.-$', '(.-)b', '[%d-z]', '[z-a]', '(%w+)=(%w+)',\n"
    "  '\\0', '[\\0-\\1]', 'a\\0b', '%z', '[%]]', '[%%]', '%.%-%+%*%?', '(h)(e)(l)(l)(o)', '((((((((((a))))))))))' }\n"
    "local subjects = { '', 'a', 'b', 'ab', 'aab', 'abc', ' a b  c ', 'hello world', 'x=1, y=22', '(a(b)c)d)',\n"
    "  'a\\0b\\0', 'THE (quick) fox', '12.5e3 0x1F', 'aaa', 'abab', ']]', 'a-b-c', '%%', 'tab\\there\\n', '\\200\\255' }\n"
    "for _, p in ipairs(fixed) do for _, s in ipairs(subjects) do\n"
    "  for _, init in ipairs({ 1, 2, -1, -3, 0, 4, 100 }) do each(s, p, init) end end end\n"
    "local seed = 12345\n"
    "local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end\n"
    "local atoms = { 'a', 'b', '.', '%a', '%d', '%s', '[ab]', '[^a]', '%%', '(', ')', '()', '%1', '%b()', '%f[%w]', '^', '$', '[a-c]', 'x', ' ' }\n"
    "local quants = { '', '', '', '*', '+', '-', '?' }\n"
    "local chars = { 'a', 'b', 'c', ' ', '(', ')', '1', '2', 'x', '%' }\n"
    "for i = 1, 3000 do\n"
    "  local p = {} for j = 1, rnd(6) do p[#p + 1] = atoms[rnd(#atoms)] .. quants[rnd(#quants)] end\n"
    "  local s = {} for j = 1, rnd(12) - 1 do s[#s + 1] = chars[rnd(#chars)] end\n"
    "  each(table.concat(s), table.concat(p), rnd(5) - 2)\n"
    "end\n";

/* A plain Lua state with the stock libraries and the sandbox's pattern functions in sb. */
static lua_State *reference_state(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_newtable(L);
    ls_open_patterns(L, -1);
    lua_setglobal(L, "sb");
    lua_pushinteger(L, 0);
    lua_setglobal(L, "ok");
    return L;
}

static void test_patterns_match_exactly_like_lua(void **st)
{
    (void)st;
    lua_State *L = reference_state();
    if (luaL_dostring(L, DIFF_PATTERNS) != LUA_OK) fail_msg("%s", lua_tostring(L, -1));
    lua_getglobal(L, "ok");
    assert_true(lua_tointeger(L, -1) > 100000);
    lua_close(L);
}

static void test_pattern_bombs_are_stopped_by_the_budget(void **st)
{
    (void)st;
    static const char *const bombs[] = {
        "local s = string.rep('a', 63000)\nlocal x = s:find('a.-b')",
        "local s = string.rep('(', 100000)\nlocal x = s:find('%b()')",
        "local s = string.rep('a', 60000)\nlocal x = s:find(string.rep('a', 50000) .. '.b')",
        "local s = string.rep('a', 60000)\nlocal x = s:gsub('a*a*a*b', '')",
        "local s = string.rep('ab', 30000)\nfor a in s:gmatch('(.-)(.-)(.-)c') do end",
        "local s = string.rep('a', 60000)\nlocal x = s:match(string.rep('a?', 30) .. string.rep('a', 30) .. 'b')",
        NULL
    };
    for (int i = 0; bombs[i]; i++) assert_refused_at(load_err(bombs[i]), 11, "instruction budget");
}

/* ---------------------------------------------------------------- sort */

static void test_sort_keeps_equal_elements_in_their_order(void **st)
{
    (void)st;
    assert_string_equal(load_err(
        "local t = {}\n"
        "for i = 1, 300 do t[i] = { k = i % 3, id = i } end\n"
        "table.sort(t, function(a, b) return a.k < b.k end)\n"
        "for i = 2, 300 do local a, b = t[i - 1], t[i]\n"
        "  assert(a.k < b.k or (a.k == b.k and a.id < b.id), 'unstable at ' .. i) end\n"
        "local u = { 5, 3, 9, 1, 3 } table.sort(u) assert(table.concat(u, ' ') == '1 3 3 5 9')\n"
        "table.sort(u, function(a, b) return a > b end) assert(table.concat(u, ' ') == '9 5 3 3 1')\n"
        "local w = { 'b', 'a', 'c' } table.sort(w) assert(table.concat(w) == 'abc')"), "");
}

static void test_sort_checks_its_arguments_like_lua(void **st)
{
    (void)st;
    assert_refused_at(load_err("table.sort({ 1, 'x' })"), 10, "attempt to compare");
    assert_refused_at(load_err("table.sort({ 2, 1 }, 3)"), 10, "bad argument #2 to 'sort'");
    assert_refused_at(load_err("table.sort(nil)"), 10, "bad argument #1 to 'sort'");
    assert_refused_at(load_err("table.sort({ 2, 1 }, function() error('no order') end)"), 10, "no order");
    assert_string_equal(load_err(
        "local co = coroutine.wrap(function() table.sort({ 3, 2, 1 }, function(a, b) coroutine.yield() return a < b end) end)\n"
        "assert(not pcall(co))"), "");
}

static void test_sort_of_a_huge_list_is_stopped_by_the_budget(void **st)
{
    (void)st;
    assert_refused_at(load_err("local t = {}\nfor i = 1, 200000 do t[i] = (i * 7919) % 1000 end\n"
                               "for i = 1, 100 do table.sort(t, function(a, b) return a > b end) table.sort(t) end"),
                      12, "instruction budget");
}

/* ---------------------------------------------------------------- weak tables and finalizers */

static void test_mode_set_after_setmetatable_is_refused(void **st)
{
    (void)st;
    assert_refused_at(load_err("local mt = {}\nlocal t = setmetatable({}, mt)\nmt.__mode = 'k'"), 12,
                      "__mode is not allowed");
}

static void test_mode_set_with_rawset_is_refused(void **st)
{
    (void)st;
    assert_refused_at(load_err("local mt = {}\nlocal t = setmetatable({}, mt)\nrawset(mt, '__mode', 'k')"), 12,
                      "__mode is not allowed");
    assert_refused_at(load_err("rawset({}, '__gc', print)"), 10, "__gc is not allowed");
}

static void test_mode_on_a_metatable_with_its_own_metatable_is_refused(void **st)
{
    (void)st;
    assert_refused_at(load_err("local Base = {}\nlocal Derived = setmetatable({}, { __index = Base })\n"
                               "local obj = setmetatable({}, Derived)\nDerived.__mode = 'v'"), 13,
                      "__mode is not allowed");
    assert_refused_at(load_err("local mt = {}\nlocal obj = setmetatable({}, mt)\nlocal m2 = {}\n"
                               "setmetatable(mt, m2)\nmt.__mode = 'k'"), 14, "__mode is not allowed");
    assert_refused_at(load_err("local mt = {}\nlocal obj = setmetatable({}, mt)\nlocal m2 = {}\n"
                               "setmetatable(mt, m2)\ngetmetatable(mt).__newindex = nil\nmt.__mode = 'k'"), 15,
                      "__mode is not allowed");
    assert_refused_at(load_err("local mt = {}\nlocal t = setmetatable({}, mt)\nsetmetatable(mt, nil)\n"
                               "mt.__gc = print"), 13, "__gc is not allowed");
    assert_refused_at(load_err("setmetatable({}, { __mode = 'k' })"), 10, "__mode is not allowed");
    assert_refused_at(load_err("local X = {}\nsetmetatable(X, X)\nX.__mode = 'k'"), 12, "__mode is not allowed");
}

static void test_object_idioms_still_work_with_metatables(void **st)
{
    (void)st;
    assert_string_equal(load_err(
        "local Base = {} Base.__index = Base\n"
        "function Base.new(x) return setmetatable({ x = x }, Base) end\n"
        "function Base:get() return self.x end\n"
        "local Derived = setmetatable({}, { __index = Base }) Derived.__index = Derived\n"
        "function Derived.new(x) local o = Base.new(x) return setmetatable(o, Derived) end\n"
        "function Derived:twice() return 2 * self:get() end\n"
        "local d = Derived.new(21) assert(d:twice() == 42 and d:get() == 21)\n"
        "assert(getmetatable(d) == Derived and getmetatable(Derived).__index == Base)\n"
        "assert(getmetatable(Base) == nil and getmetatable('').__index == string)\n"
        "d.y = 1 Derived.z = 2 Base.w = 3 assert(d.y == 1 and d.z == 2 and d.w == 3)\n"
        "local P = setmetatable({}, { __metatable = 'locked' }) assert(getmetatable(P) == 'locked')\n"
        "assert(not pcall(setmetatable, P, {}))\n"
        "local V = setmetatable({}, { __newindex = function(t, k, v) rawset(t, k, v * 2) end })\n"
        "V.a = 2 assert(V.a == 4)"), "");
}

static void test_private_metatable_copies_do_not_pile_up(void **st)
{
    (void)st;
    assert_string_equal(load_err(
        "local Base = {}\n"
        "for i = 1, 400000 do setmetatable({}, setmetatable({}, { __index = Base })) end"), "");
}

/* ---------------------------------------------------------------- work done in C is charged */

static void test_pairs_loop_over_a_big_table_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("local t = {}\nfor i = 1, 200000 do t['k' .. i] = i end\n"
                               "for i = 1, 1000 do for k, v in pairs(t) do break end end"), 12, "instruction budget");
}

static void test_next_loop_over_a_big_table_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("local t = {}\nfor i = 1, 200000 do t['k' .. i] = i end\n"
                               "while true do local k = next(t) end"), 12, "instruction budget");
}

static void test_next_walks_a_table_in_sorted_order(void **st)
{
    (void)st;
    assert_string_equal(load_err(
        "local t = {}\nfor i = 1, 100 do t['k' .. i] = i end\n"
        "local seen, k, prev = 0, next(t), nil\n"
        "while k do assert(prev == nil or prev < k) seen = seen + 1 prev = k\n"
        "  if seen % 3 == 0 then t[k] = nil end k = next(t, k) end\n"
        "assert(seen == 100)\n"
        "local n = 0 for k in pairs(t) do n = n + 1 end assert(n == 67)\n"
        "t.zzz = 1 local m = 0 for k in pairs(t) do m = m + 1 end assert(m == 68)\n"
        "t.k2 = nil t.k2b = 1 local c = 0 for k in pairs(t) do c = c + 1 assert(k ~= 'k2') end assert(c == 68)"), "");
}

static void test_load_of_huge_text_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("local s = string.rep('x = 1 ', 1000000)\nfor i = 1, 100 do local f = load(s) end"), 11,
                      "instruction budget");
    assert_string_equal(load_err("assert(load('return 1 + 1')() == 2)\n"
                                 "local parts, i = { 'return ', '4', '2' }, 0\n"
                                 "assert(load(function() i = i + 1 return parts[i] end)() == 42)\n"
                                 "local f, e = load('x = ') assert(f == nil and e:find('expected'))\n"
                                 "local env = { y = 5 } assert(load('return y', 'c', 't', env)() == 5)"), "");
}

static void test_unpack_of_a_huge_range_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("local x = 0\nfor i = 1, 1000 do x = select('#', table.unpack({}, 1, 999000)) end"), 11,
                      "instruction budget");
}

/* The loops below are bounded: without the charge they finish inside the budget (after
 * seconds of work in C), so each test fails without the rule it names. */
static void test_string_byte_of_a_huge_range_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("local s = string.rep('x', 900000)\n"
                               "for i = 1, 300 do local n = select('#', s:byte(1, -1)) end"), 11, "instruction budget");
}

static void test_comparing_huge_strings_is_stopped(void **st)
{
    (void)st;
    assert_refused_at(load_err("local a, b = string.rep('x', 1 << 20), string.rep('x', 1 << 20)\n"
                               "local n = 0 for i = 1, 20000 do if a == b then n = n + 1 end end"), 11,
                      "instruction budget");
}

static void test_budget_message_names_the_line_running(void **st)
{
    (void)st;
    assert_refused_at(load_err("local s = string.rep('a', 60000)\nlocal x = 1\n"
                               "local t = {}\nfor i = 1, 100000 do t[i] = i end\n"
                               "table.sort(t)\n"
                               "x = s:find('a.-b')"), 15, "instruction budget");
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
        cmocka_unit_test(test_patterns_match_exactly_like_lua),
        cmocka_unit_test(test_pattern_bombs_are_stopped_by_the_budget),
        cmocka_unit_test(test_sort_keeps_equal_elements_in_their_order),
        cmocka_unit_test(test_sort_checks_its_arguments_like_lua),
        cmocka_unit_test(test_sort_of_a_huge_list_is_stopped_by_the_budget),
        cmocka_unit_test(test_mode_set_after_setmetatable_is_refused),
        cmocka_unit_test(test_mode_set_with_rawset_is_refused),
        cmocka_unit_test(test_mode_on_a_metatable_with_its_own_metatable_is_refused),
        cmocka_unit_test(test_object_idioms_still_work_with_metatables),
        cmocka_unit_test(test_private_metatable_copies_do_not_pile_up),
        cmocka_unit_test(test_pairs_loop_over_a_big_table_is_stopped),
        cmocka_unit_test(test_next_loop_over_a_big_table_is_stopped),
        cmocka_unit_test(test_next_walks_a_table_in_sorted_order),
        cmocka_unit_test(test_load_of_huge_text_is_stopped),
        cmocka_unit_test(test_unpack_of_a_huge_range_is_stopped),
        cmocka_unit_test(test_string_byte_of_a_huge_range_is_stopped),
        cmocka_unit_test(test_comparing_huge_strings_is_stopped),
        cmocka_unit_test(test_budget_message_names_the_line_running),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

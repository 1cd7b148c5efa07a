/* fuzz_api.c - libFuzzer target for the scenario API (the gyr.* bindings, the declarative calls
 * and unit handles): the input bytes are read as a program of calls with arguments drawn from
 * pools of good and bad values (real ids, unknown ids, huge and odd numbers, wrong types, long
 * strings), written as Lua after test_skirmish.lua, at load time and inside event handlers,
 * then the scenario is loaded and played for a few turns. Random bytes rarely make valid Lua;
 * this reaches the bindings on every run. Built and run by test_fuzz_loaders.sh. */
#include <stdint.h>
#include "fuzz_common.h"
#include "game.h"

static char *base;          /* test_skirmish.lua */
static size_t base_len;

/* A growing text. */
typedef struct Out { char *p; size_t n, cap; } Out;

/* Appends s (aborts when out of memory: a harness failure). */
static void put(Out *o, const char *s)
{
    size_t k = strlen(s);
    if (o->n + k + 1 > o->cap) {
        o->cap = (o->n + k + 1) * 2;
        o->p = realloc(o->p, o->cap);
        if (!o->p) abort();
    }
    memcpy(o->p + o->n, s, k + 1);
    o->n += k;
}

/* The input as a stream of choices; 0 once it is spent. */
typedef struct In { const uint8_t *p; size_t n, i; } In;
static unsigned take(In *in, unsigned range)
{
    return in->i < in->n ? in->p[in->i++] % range : 0;
}

static const char *const FUNCS[] = {
    "gyr.turn", "gyr.max_turns", "gyr.date", "gyr.date_text", "gyr.season", "gyr.frozen", "gyr.owner",
    "gyr.relation", "gyr.chance", "gyr.faction_info", "gyr.factions", "gyr.place_info", "gyr.leader_info",
    "gyr.leader_state", "gyr.message", "gyr.score", "gyr.get_score", "gyr.victory", "gyr.ai_goal",
    "gyr.clear_ai_goals", "gyr.create_faction", "gyr.set_relation", "gyr.defect", "gyr.set_place_owner",
    "gyr.rebellion", "gyr.reinforce", "gyr.desert", "gyr.kill_leader", "gyr.capture_leader",
    "gyr.add_leader", "gyr.choice", "gyr.units", "gyr.unit", "unit", "leader", "place", "relation",
    "victory", "faction", "on", "math.random", "pairs", "next", "tostring", "string.format",
};
#define N_FUNCS (sizeof FUNCS / sizeof FUNCS[0])

static const char *const KEYS[] = {
    "faction", "to", "place", "at", "type", "steps", "tag", "text", "note", "question", "options",
    "ai_default", "on_answer", "id", "name", "hanzi", "rating", "leader", "units", "unit", "color",
    "emblem", "at_war_with", "weight", "owner", "vp", "supply", "exp", "cohesion", "radius", "value",
    "count", "by", "col", "row", "q", "r", "lat", "lon", "kind",
};
#define N_KEYS (sizeof KEYS / sizeof KEYS[0])

static const char *const ATOMS[] = {
    "\"jin\"", "\"liao\"", "\"balhae\"", "\"ningjiang\"", "\"binzhou\"", "\"huining\"", "\"aguda\"",
    "\"da_yaoshinu\"", "\"tribes\"", "\"muster\"", "\"wuna\"", "\"levy\"", "\"bohai_infantry\"",
    "\"jurchen_horse_archers\"", "\"war\"", "\"alliance\"", "\"neutral\"", "\"vassal\"", "\"take\"",
    "\"hold\"", "\"turn_start\"", "\"unit_destroyed\"", "\"place_captured\"", "\"\"", "\"nobody\"",
    "(\"x\"):rep(300)", "(\"%s%d\"):rep(40)", "0", "1", "2", "3", "-1", "7", "63", "64", "600", "1e9",
    "-2^63", "2^63", "0.5", "1/0", "-1/0", "0/0", "math.maxinteger", "math.mininteger", "true", "false",
    "nil", "{}", "function() end", "function() error('x') end", "function() while true do end end",
    "{ col = 3, row = 3 }", "{ col = -5, row = 99 }", "{ q = 0, r = 0 }", "{ lat = 45, lon = 125 }",
    "{ \"jin\", \"liao\" }", "{ \"a\", \"b\", \"c\", \"d\", \"e\" }", "{ { type = \"levy\", steps = 2 } }",
    "{ { type = \"levy\", steps = 99 }, { type = \"nope\" } }", "U[1]", "U[2]", "U[#U]", "ev",
    "setmetatable({}, { __index = function() error('meta') end })",
};
#define N_ATOMS (sizeof ATOMS / sizeof ATOMS[0])

/* One value: an atom, or a table of key = value fields (depth-limited). */
static void value(In *in, Out *o, int depth)
{
    if (depth < 2 && take(in, 4) == 0) {
        put(o, "{ ");
        int n = (int)take(in, 6);
        for (int i = 0; i < n; i++) {
            put(o, KEYS[take(in, N_KEYS)]);
            put(o, " = ");
            value(in, o, depth + 1);
            put(o, ", ");
        }
        put(o, "}");
        return;
    }
    put(o, ATOMS[take(in, N_ATOMS)]);
}

/* One statement: a protected call, or a unit handle's field set. */
static void statement(In *in, Out *o)
{
    if (take(in, 8) == 0) {
        put(o, "  pcall(function() U = gyr.units() or {}; local u = U[");
        put(o, ATOMS[27 + take(in, 6)]);    /* ATOMS[27..32]: 0, 1, 2, 3, -1, 7 */
        put(o, "]; u.");
        put(o, KEYS[take(in, N_KEYS)]);
        put(o, " = ");
        value(in, o, 0);
        put(o, " end)\n");
        return;
    }
    put(o, "  pcall(");
    put(o, FUNCS[take(in, N_FUNCS)]);
    int n = (int)take(in, 4);
    for (int i = 0; i < n; i++) { put(o, ", "); value(in, o, 0); }
    put(o, ")\n");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_setup();
    char path[600];
    snprintf(path, sizeof path, "%s/scripts/scenarios/test_skirmish.lua", lscript_data_dir());
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); abort(); }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    base = malloc((size_t)len + 1);
    if (!base || fread(base, 1, (size_t)len, f) != (size_t)len) abort();
    base[len] = 0;
    base_len = (size_t)len;
    fclose(f);
    return 0;
}

/* One input: the program it spells, at load time and in three handlers; then load and play. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    In in = { data, size, 0 };
    Out o = { 0 };
    put(&o, base);
    put(&o, "\nU = {}\n");
    static const char *const where[] = {
        "do\n", "on(\"turn_start\", function(ev)\n", "on(\"choice_answered\", function(ev)\n",
        "on(\"turn_end\", function(ev)\n",
    };
    for (int part = 0; part < 4; part++) {
        put(&o, where[part]);
        int n = (int)take(&in, 12);
        for (int i = 0; i < n; i++) statement(&in, &o);
        put(&o, part == 0 ? "end\n" : "end)\n");
    }
    const char *path = fz_write("fuzz_scenario.lua", (const uint8_t *)o.p, o.n);
    free(o.p);
    static char report[16384];
    int problems = lscript_check(path, report, sizeof report);
    if (problems < 0 || (problems > 0 && !report[0])) abort();
    char err[1024];
    Game *g = NULL;
    LScript *s = lscript_load(path, 1, &g, err, sizeof err);
    if (getenv("FUZZ_VERBOSE")) fprintf(stderr, "fuzz_api: %d problems, load: %s\n%s", problems, s ? "ok" : err, report);
    if (!s) {
        if (!err[0]) { fprintf(stderr, "fuzz: lscript_load failed without a message\n"); abort(); }
        return 0;
    }
    game_start(g);
    for (int i = 0; i < 16 && !g->over; i++) {
        Command c;
        memset(&c, 0, sizeof c);
        if (g->choice.active) { c.type = CMD_CHOOSE; c.faction = g->choice.faction; c.choice = i % 3; }
        else { c.type = CMD_END_TURN; c.faction = g->active; }
        if (game_apply(g, &c) != CMD_OK) {
            if (c.type == CMD_CHOOSE) { c.choice = 0; if (game_apply(g, &c) == CMD_OK) continue; }
            break;
        }
    }
    lscript_free(s);
    return 0;
}

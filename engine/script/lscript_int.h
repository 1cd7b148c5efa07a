/* lscript_int.h - what the script host's own files share: the LScript structure, the
 * sandbox, the protected call with budgets, and helpers used by every binding file.
 * Not part of the contract with other libraries (that is lscript.h). */
#ifndef GYR_LSCRIPT_INT_H
#define GYR_LSCRIPT_INT_H
#include <lua.h>
#include <lauxlib.h>
#include "lscript.h"

#define LS_MEM_CAP ((size_t)64 << 20)          /* bytes per Lua state */
#define LS_BUDGET_LOAD 50000000LL              /* VM instructions for rules + scenario */
#define LS_BUDGET_EVENT 10000000LL             /* VM instructions per event dispatch */
#define LS_BUDGET_INFO 200000LL                /* VM instructions to read metadata (a listing) */
#define LS_BUDGET_DOOR 1000000LL               /* VM instructions for the host's own table work */
#define LS_MAX_HANDLERS 256                    /* on() handlers in all, setup and play */
#define LS_MAX_EVENT_ERRORS 8                  /* handler errors logged one by one per event */
#define LS_PANIC_STATUS 70                     /* exit status after a Lua panic (EX_SOFTWARE) */
#define LS_HOOK_EVERY 1000                     /* count hook period */
/* Work done in C is charged as instructions (sandbox.c, docs/api.md "The sandbox"). */
#define LS_LONG_STRING 1024            /* strings this long or longer are charged when made */
#define LS_STRING_BYTES_PER_INSTR 16   /* ... one instruction per 16 bytes */
#define LS_BIG_STRING 4096             /* once a string this long exists, each instruction */
#define LS_BIG_STRING_WEIGHT 512       /* ... counts 1 + (longest string / 512) */
#define LS_MAX_GOALS 64
#define LS_MAX_CHUNKS 24
#define LS_MAX_QUEUE 1024              /* events queued while handlers run (> GAME_MAX_UNITS) */

typedef enum { LS_MODE_PLAY, LS_MODE_CHECK, LS_MODE_INFO } LsMode;

struct LScript {
    lua_State *L;
    LsMode mode;
    Game *game;                 /* owned (NULL until scenario{} ran) */
    Map *own_map;               /* an inline map owned by the host, or NULL (theatre) */
    uint64_t seed;
    char path[LSCRIPT_PATH_LEN];
    char scenario_id[GAME_ID_LEN];
    uint64_t content_hash;
    char last_error[512];

    /* sandbox accounting */
    size_t mem_used, mem_cap;
    int mem_exceeded;
    long long budget, used;
    int budget_exceeded;
    size_t longest_string;      /* longest string ever made in this state (never decreases) */
    long long hook_weight;      /* instructions charged per VM instruction (1 + ...) */
    char budget_msg[320];
    int n_handlers;             /* on() handlers registered so far (at most LS_MAX_HANDLERS) */
    int event_errors;           /* handler errors in the event being dispatched */
    char briefing_buf[4096];    /* lscript_briefing's copy out of Lua */
    char where[LSCRIPT_PATH_LEN + 16];   /* last "FILE:LINE" seen by the hook (memory errors) */

    /* chunks loaded (full paths), to repair Lua's truncated source names in messages */
    int n_chunks;
    char chunks[LS_MAX_CHUNKS][LSCRIPT_PATH_LEN];

    /* setup */
    int loading;                /* declarative functions live */
    int have_scenario;
    ScenarioInfo info;
    int scenario_line;
    int n_rules_types_base;     /* unit types from scripts/rules (scenario may add more) */
    Rules rules;                /* read from scripts/rules before the game exists */
    int faction_line[GAME_MAX_FACTIONS];
    char place_set[MAP_MAX_PLACES];     /* places given an owner by place() */

    /* play */
    const struct Carry *carry;  /* campaign carry for units arriving in play; not owned, may be NULL */
    int dispatching;
    int n_queue;
    HookEvent queue[LS_MAX_QUEUE];
    int last_turn_started;
    int next_choice_id;
    uint64_t handler_calls;

    /* check mode */
    char *report;
    size_t report_cap, report_len;
    int problems;

    int n_goals;
    AiGoal goals[LS_MAX_GOALS];
};

/* ---- sandbox.c */
/* A new sandboxed state bound to s (allocator cap, hook, safe libraries). NULL when out of memory. */
lua_State *ls_sandbox_new(LScript *s);
/* Protected call of the function below nargs arguments with an instruction budget. On error
 * returns -1 with the message in s->last_error (FILE:LINE: message); nothing left on the stack.
 * On success leaves nres results. */
int ls_pcall(LScript *s, int nargs, int nres, long long budget);
/* Load a file as a text chunk named "@path" (recorded for message repair); pushes the function.
 * Returns -1 with s->last_error set on failure. If hash is not NULL the bytes are hashed into it. */
int ls_load_file(LScript *s, const char *path, uint64_t *hash);
/* FNV-1a 64 over bytes, continuing from h. */
uint64_t ls_fnv1a(uint64_t h, const void *data, size_t len);
#define LS_FNV_OFFSET 0xcbf29ce484222325ULL

/* ---- helpers shared by bindings (lscript.c) */
LScript *ls_self(lua_State *L);
Game *ls_game(lua_State *L);        /* raises when no game exists yet */
/* "FILE:LINE" of the Lua code calling the current C function (level 1). */
void ls_where(lua_State *L, int level, char *buf, size_t cap);
/* A problem found in the caller's arguments: in check mode it is reported and 0 returned
 * (the caller skips the action); otherwise raises a Lua error (does not return). */
int ls_problem(lua_State *L, const char *fmt, ...);
void ls_report(LScript *s, const char *fmt, ...);
/* Faction argument: id string; -1 (with a raised error) when unknown. */
int ls_check_faction(lua_State *L, int idx);
int ls_opt_faction(lua_State *L, int idx);    /* nil -> -1 */
int ls_check_place(lua_State *L, int idx);
int ls_check_leader(lua_State *L, int idx);
int ls_check_unit(lua_State *L, int idx);     /* a unit handle or an index */
Relation ls_check_relation(lua_State *L, int idx);
const char *ls_relation_id(Relation r);
void ls_push_unit(lua_State *L, int unit);
void ls_push_hex(lua_State *L, Hex h);
void ls_push_date(lua_State *L, int y, int m, int d);
/* The one door from C into a Lua state: runs fn(L, ud) inside lua_pcall of a C function with
 * an instruction budget, the nargs values on top of the stack as its arguments 1..nargs (popped).
 * fn may use any Lua API call and raise; nested Lua calls inside go through ls_pcall. Returns
 * 0, or -1 with "FILE:LINE: message" in s->last_error (nothing left on the stack). */
typedef void (*LsDoorFn)(lua_State *L, void *ud);
int ls_door(LScript *s, LsDoorFn fn, void *ud, int nargs, long long budget);
/* Whether msg starts with "FILE:LINE:". */
int ls_has_position(const char *msg);
/* t[k] read raw (no __index): pushes the value and returns its type, like lua_getfield. */
int ls_getfield(lua_State *L, int t, const char *k);
/* Length of the table at i read raw (no __len). */
#define ls_len(L, i) ((lua_Integer)lua_rawlen((L), (i)))
/* A file's name as the game log shows it: relative to the data folder for a built-in file
 * (scripts/scenarios/x.lua), to the mod folder for a mod's file, else its file name. */
void ls_display_name(const char *path, char *out, size_t cap);
/* A message with every loaded file's path replaced by its display name (ls_display_name),
 * for what reaches the game log: no machine-dependent text in hashed state. */
void ls_portable_message(const LScript *s, const char *msg, char *out, size_t cap);
/* Table field helpers, raw reads (no metamethods): string/int with default. */
const char *ls_field_str(lua_State *L, int t, const char *k, const char *def);
lua_Integer ls_field_int(lua_State *L, int t, const char *k, lua_Integer def);
int ls_field_bool(lua_State *L, int t, const char *k, int def);
/* Position from a value: place id string, {q=,r=}, {col=,row=}, {lat=,lon=}. Returns 0 and
 * *out, or -1 with msg. */
int ls_to_hex(lua_State *L, int idx, const Map *m, Hex *out, char *msg, size_t cap);
/* Nearest hex to c (c first, then rings) that is land, on the map, has room for one more unit
 * and holds no unit of another faction. Returns 0 or -1 when none within radius. */
int ls_free_hex_near(const Game *g, int faction, Hex c, int radius, Hex *out);
/* A unit's name for the log: its own name, "<leader>'s <type>", or "<faction> <type>". */
void ls_unit_label(const Game *g, int unit, char *buf, size_t cap);

/* ---- fields.c: unknown fields and integer ranges */
/* Checks the keys of the table at idx (nothing when it is not a table) against known, a
 * NULL-terminated list of field names (a name ending in '*' stands for every name with that
 * prefix); `what` names the call in messages ("unit{}"). Every unknown key is a problem
 * (ls_problem), "unknown field 'stepz' in unit{} (did you mean 'steps'?)", reported in sorted
 * order in check mode while loading, otherwise raised for the first in sorted order. Keys
 * that are not strings are refused too, or allowed when they are integers >= 1 and array_ok.
 * Returns the number of unknown keys (0: all known). Keys are read raw. Checks nothing in
 * info mode (the scenario list), so that the load reports the mistake. */
int ls_check_fields(lua_State *L, int idx, const char *what, const char *const *known);
int ls_check_fields_at(lua_State *L, int idx, const char *what, const char *const *known, int array_ok);
/* The same check without raising or reporting: the number of unknown keys, and the message
 * for the first (sorted) in msg when there are any. For the rules files, read outside a call. */
int ls_fields_msg(lua_State *L, int idx, const char *what, const char *const *known, int array_ok,
                  char *msg, size_t cap);
/* Integer field k of table t (read raw; def when nil) into *out when it is lo..hi (a range
 * inside int); otherwise -1 with "WHAT: k must be lo..hi (got v)" or "WHAT: k must be an
 * integer" in msg (what may be NULL). Does not raise (but for memory). */
int ls_field_range(lua_State *L, int t, const char *k, lua_Integer def, lua_Integer lo, lua_Integer hi,
                   int *out, const char *what, char *msg, size_t cap);
/* The same as a problem of the caller's arguments (ls_problem): 0 with *out, or -1 after the
 * problem was reported (check mode; otherwise it raises). */
int ls_check_range(lua_State *L, int t, const char *k, lua_Integer def, lua_Integer lo, lua_Integer hi,
                   lua_Integer *out, const char *what);
/* The fields of a position table ({q=,r=}, {col=,row=}, {lat=,lon=}), NULL-terminated. */
extern const char *const ls_position_fields[];
/* A position table at idx (nothing when it is not a table): only position fields, and
 * q, r, col, row within -LS_MAX_COORD..LS_MAX_COORD (maps are at most 400 hexes a side).
 * Problems as ls_check_fields; returns their number. */
int ls_check_position(lua_State *L, int idx, const char *what);
/* Only the coordinates' ranges (a table that holds other fields too, like a map place). */
int ls_check_coords(lua_State *L, int idx, const char *what);
#define LS_MAX_COORD 1000
/* The fields of the optional { text, note } argument of several gyr.* calls. */
extern const char *const ls_text_fields[];
/* A faction's score and a score victory's value stay within -LS_MAX_SCORE..LS_MAX_SCORE. */
#define LS_MAX_SCORE 1000000

/* ---- binding files: each adds its functions into the table at the top of the stack */
void ls_open_game(lua_State *L);      /* bind_game.c */
void ls_open_unit(lua_State *L);      /* bind_unit.c */
void ls_open_politics(lua_State *L);  /* bind_politics.c */
int luaopen_gyr(lua_State *L);        /* lscript.c: the gyr table with all of the above */

/* ---- scenario_load.c */
/* Register the declarative globals (scenario, faction, ...). */
void ls_open_declarative(lua_State *L);
void ls_close_declarative(lua_State *L);
/* ---- rules_load.c */
/* The fields of a unit type (units.lua entries and unit_type{}), NULL-terminated. */
extern const char *const ls_unit_type_fields[];
/* Reads the unit type table at idx into t (ranges checked); 0, or -1 with msg. */
int ls_read_unit_type(lua_State *L, int idx, UnitType *t, char *msg, size_t cap);
/* Read scripts/rules/ results into s->rules (units, terrain, combat tables at -3,-2,-1). */
int ls_read_rules(LScript *s);
/* ---- scenario_load.c (after setup) */
/* After the scenario ran: validation common to load and check. Returns problems found. */
int ls_finish_setup(LScript *s);
/* Creates a unit from the table at idx (type, steps, name, tag, leader, cohesion, exp) for
 * faction at c or the nearest free hex within radius. Returns its index, or -1 after a
 * problem was reported (check mode; in play the problem raises). */
int ls_spawn_unit(lua_State *L, int idx, int faction, Hex c, int radius);
/* Asks the next queued gyr.choice when none is pending. */
void ls_ask_queued_choice(LScript *s);
/* NULL-terminated names of the declarative globals and of the events (for the docs test). */
const char *const *ls_declarative_names(void);
const char *const *ls_event_names(void);
#define LS_HANDLERS_KEY "gyr.handlers"   /* registry: { [event] = { handlers } } */
#define LS_CHOICES_KEY "gyr.choices"
#define LS_CHOICEQ_KEY "gyr.choicequeue"
/* The hook given to the core. */
void ls_game_hook(Game *g, const HookEvent *ev, void *ud);

/* ---- lscript.c */
/* Run rules + scenario into s (any mode). 0 on success, -1 with s->last_error. */
int ls_run_scenario(LScript *s, const char *path);
LScript *ls_new(LsMode mode, uint64_t seed);

#endif

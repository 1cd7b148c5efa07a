/* lscript.h - the Lua 5.4 host: one sandboxed Lua state per game. Loads the rules
 * (the Lua files in scripts/rules/) and a scenario (scripts/scenarios/ID.lua or a mod's file), builds the
 * Game from it, and runs the scenario's event handlers from the core's hook. Errors come back
 * as "FILE:LINE: message" strings; nothing here exits or crashes on bad input. */
#ifndef GYR_LSCRIPT_H
#define GYR_LSCRIPT_H
#include <stdint.h>
#include <stddef.h>
#include "game.h"

#define LSCRIPT_PATH_LEN 512

typedef struct ScenarioInfo {
    char id[GAME_ID_LEN];       /* "ningjiang1114" */
    char title[96];             /* "Ningjiang 1114" */
    char years[24];             /* "1114" or "1122-1125" */
    char sides[64];             /* "jin,liao" : the playable factions */
    char path[LSCRIPT_PATH_LEN];/* the .lua file */
    int is_mod;                 /* from the user's mod folder */
    int is_campaign;            /* a campaign (scripts/campaigns/) rather than a scenario */
    int start_year, start_month, start_day; /* scenario{} start (1114-9-1 when not given); 0 for campaigns */
    char briefing[4096];        /* the historical text shown before play */
} ScenarioInfo;

typedef struct LScript LScript;

/* Data folder: the project tree holding scripts/, maps/, assets/ (GYR_DATA_DIR, or found
 * next to the executable, or the source dir). */
const char *lscript_data_dir(void);
void lscript_set_data_dir(const char *dir);
/* Extra folder of user scenarios ($XDG_DATA_HOME/gyrfalcon/mods or --mod-dir). */
void lscript_set_mod_dir(const char *dir);
const char *lscript_mod_dir(void);

/* Every scenario in historical order into out; returns the count: the built-in scenarios by
 * start date (ties by id), then the built-in campaigns by id, then the mods in the same order.
 * Test scenarios (ids starting "test_") are included: lscript_is_test_scenario tells them
 * apart for the lists that hide them. Broken mod files are skipped with a one-line
 * "SCRIPT: ..." warning on stderr. */
int lscript_list_scenarios(ScenarioInfo *out, int cap);
/* 1 when info is a test scenario (its id starts "test_"): hidden from the menu and from
 * --list-scenarios unless --all is given, but still found by id. */
int lscript_is_test_scenario(const ScenarioInfo *info);
int lscript_find_scenario(const char *id, ScenarioInfo *out);  /* 0 when found */

/* Load the shared theatre map once (maps/theatre.map); NULL with a message in err. The map
 * is owned by the host (freed at exit by lscript_unload_theatre). */
const Map *lscript_theatre(char *err, size_t errlen);
void lscript_unload_theatre(void);

/* Build a game from a scenario file with a seed. On success returns the host (which owns the
 * Lua state and the game: free both with lscript_free) and sets *game_out. On failure returns
 * NULL with "FILE:LINE: message" in err. The game is set up but not started: the caller sets
 * controllers and calls game_start(). */
LScript *lscript_load(const char *path, uint64_t seed, Game **game_out, char *err, size_t errlen);
void lscript_free(LScript *s);
/* FNV-1a 64 hash of the scenario's content (its file and the rules files it uses): the save
 * header records it so that a replay of a changed scenario is refused. */
uint64_t lscript_content_hash(const LScript *s);
const char *lscript_scenario_id(const LScript *s);
/* The campaign carry (record.h) this game was started with, so that tagged units arriving
 * during play (gyr.reinforce, gyr.rebellion) get it too (campaign_apply_carry_unit). The
 * host keeps the pointer, not a copy: it must outlive s. NULL (the default): no carry. */
struct Carry;
void lscript_set_carry(LScript *s, const struct Carry *carry);

/* Validate a scenario without playing it: syntax, unknown unit types/places/factions, units
 * on water or off the map, missing victory conditions. Writes one "FILE:LINE: message" line
 * per problem into report (NUL-terminated, truncated at cap). Returns the number of problems. */
int lscript_check(const char *path, char *report, size_t cap);

/* The last error raised inside an event handler during game_apply (empty when none). Handler
 * errors do not stop the game: the handler is skipped and the message logged. */
const char *lscript_last_error(const LScript *s);

/* Scenario-directed goals for the AI (set from Lua: gyr.ai_goal{...}). Read by engine/ai. */
typedef enum { AIG_TAKE, AIG_HOLD, AIG_FLEE_TO, AIG_PROTECT_LEADER, AIG_HUNT_LEADER, AIG_MUSTER } AiGoalType;
typedef struct AiGoal { AiGoalType type; int faction; int place; int leader; int weight; } AiGoal;
int lscript_ai_goals(const LScript *s, int faction, AiGoal *out, int cap);

/* How many times the scenario's Lua handlers have run so far. A handler may change the script's
 * own variables without touching the game, so an undo must be refused when this changed
 * during the command being undone (the Lua state cannot be rolled back). */
uint64_t lscript_handler_calls(const LScript *s);

/* The briefing for one side: scenario{}'s briefing_<faction> when given, else its briefing.
 * A copy owned by the host (valid until the next call or lscript_free); "" when there is none. */
const char *lscript_briefing(const LScript *s, const char *faction);

#endif

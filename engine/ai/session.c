/* session.c - drives one game: applies commands and records them with a state hash at every
 * new turn, lets computer players act for their sides, undoes a move by re-simulating the
 * record without it, and saves, loads and verifies records. */
#define _XOPEN_SOURCE 700       /* realpath */
#include "session.h"
#include "campaign.h"
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SESSION_MAX_CMDS_PER_TURN 20000

/* Is the file at path a campaign (a campaign{} file) rather than a scenario? */
static int is_campaign_file(const char *path)
{
    Campaign *c = malloc(sizeof *c);
    if (!c) return 0;
    char err[600];
    int yes = campaign_load(path, c, err, sizeof err) == 0;
    free(c);
    return yes;
}

/* The refusal for a campaign given where a scenario is expected. */
static void campaign_refusal(const char *what, char *err, size_t errlen)
{
    snprintf(err, errlen, "\"%s\" is a campaign, not a scenario: play a campaign from the menu or with "
             "--headless --scenario ID", what);
}

/* Resolve a scenario id or a .lua path into info; 0 on success, else -1 with a one-line
 * reason. A campaign is refused here, before anything tries to build a game from it. */
static int find_scenario(const char *scenario, ScenarioInfo *info, char *err, size_t errlen)
{
    memset(info, 0, sizeof *info);
    if (!scenario || !*scenario) { snprintf(err, errlen, "no scenario given"); return -1; }
    size_t n = strlen(scenario);
    if (strchr(scenario, '/') || (n > 4 && !strcmp(scenario + n - 4, ".lua"))) {
        if (n >= sizeof info->path) { snprintf(err, errlen, "%.200s...: file name too long", scenario); return -1; }
        if (access(scenario, R_OK) != 0) {
            snprintf(err, errlen, "%s: cannot open the scenario: %s", scenario, strerror(errno));
            return -1;
        }
        if (is_campaign_file(scenario)) { campaign_refusal(scenario, err, errlen); return -1; }
        snprintf(info->path, sizeof info->path, "%s", scenario);
        return 0;
    }
    if (lscript_find_scenario(scenario, info) != 0) {
        snprintf(err, errlen, "unknown scenario \"%s\" (see gyrfalcon --list-scenarios)", scenario);
        return -1;
    }
    if (info->is_campaign) { campaign_refusal(scenario, err, errlen); return -1; }
    return 0;
}

/* Does path lie inside dir (both made absolute)? Sets *rel to the part after "dir/". */
static int path_inside(const char *abs, const char *dir, const char **rel)
{
    char d[PATH_MAX];
    if (!dir || !*dir || !realpath(dir, d)) return 0;
    size_t k = strlen(d);
    if (strncmp(abs, d, k) || abs[k] != '/') return 0;
    *rel = abs + k + 1;
    return 1;
}

/* The record's scenario-file line from the file the scenario was loaded from: built-in when it
 * is in the data folder's scripts/, a mod (relative path) when it is in the mods folder, else
 * the absolute path. A path that cannot be written on one line falls back to the id. */
static void set_source(Record *rec, const char *path)
{
    char abs[PATH_MAX], data[PATH_MAX + 16];
    const char *rel;
    rec->source = RECORD_SRC_BUILTIN;
    rec->source_path[0] = 0;
    if (!realpath(path, abs)) return;
    for (const char *p = abs; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return;
    snprintf(data, sizeof data, "%s/scripts", lscript_data_dir());
    if (path_inside(abs, data, &rel)) return;
    if (path_inside(abs, lscript_mod_dir(), &rel) && strlen(rel) < sizeof rec->source_path && !strstr(rel, "..")) {
        rec->source = RECORD_SRC_MOD;
        snprintf(rec->source_path, sizeof rec->source_path, "%s", rel);
    } else if (strlen(abs) < sizeof rec->source_path) {
        rec->source = RECORD_SRC_PATH;
        snprintf(rec->source_path, sizeof rec->source_path, "%s", abs);
    }
}

/* "FILE:LINE" (or "FILE" when the line is not known) for messages about rec. */
static void record_where(const Record *rec, int line, char *buf, size_t cap)
{
    const char *name = rec->name[0] ? rec->name : "record";
    if (line > 0) snprintf(buf, cap, "%.280s:%d", name, line);
    else snprintf(buf, cap, "%.280s", name);
}

/* Find the scenario a record was made with: by id (built-in, or format 1), else the file its
 * scenario-file line names: for a mod, the mods folder, then the record's folder; for a path,
 * that path, then the mods folder, then the record's folder. 0, or -1 with a reason naming the
 * file that is needed. */
static int find_record_scenario(const Record *rec, ScenarioInfo *info, char *err, size_t errlen)
{
    char name[300];
    record_where(rec, rec->source_line ? rec->source_line : rec->scenario_line, name, sizeof name);
    if (rec->source == RECORD_SRC_ID || rec->source == RECORD_SRC_BUILTIN) {
        if (lscript_find_scenario(rec->scenario, info) != 0) {
            snprintf(err, errlen, "%s: needs the scenario \"%s\", which is not installed (see gyrfalcon "
                     "--list-scenarios)", name, rec->scenario);
            return -1;
        }
        if (info->is_campaign) {
            snprintf(err, errlen, "%s: ", name);
            size_t k = strlen(err);
            campaign_refusal(rec->scenario, err + k, errlen > k ? errlen - k : 0);
            return -1;
        }
        return 0;
    }
    const char *base = strrchr(rec->source_path, '/');
    base = base ? base + 1 : rec->source_path;
    char recdir[300];
    snprintf(recdir, sizeof recdir, "%s", rec->name[0] ? rec->name : "record");
    char *slash = strrchr(recdir, '/');
    if (slash) *slash = 0; else snprintf(recdir, sizeof recdir, ".");
    const char *mod = lscript_mod_dir();
    char cand[4][LSCRIPT_PATH_LEN];
    int nc = 0;
    if (rec->source == RECORD_SRC_MOD) {
        snprintf(cand[nc++], sizeof cand[0], "%.200s/%.300s", mod ? mod : ".", rec->source_path);
    } else {
        snprintf(cand[nc++], sizeof cand[0], "%.500s", rec->source_path);
        snprintf(cand[nc++], sizeof cand[0], "%.200s/%.300s", mod ? mod : ".", base);
        snprintf(cand[nc++], sizeof cand[0], "%.200s/scenarios/%.280s", mod ? mod : ".", base);
    }
    snprintf(cand[nc++], sizeof cand[0], "%.200s/%.300s", recdir, base);
    for (int i = 0; i < nc; i++) {
        if (access(cand[i], R_OK) != 0) continue;
        if (is_campaign_file(cand[i])) {
            snprintf(err, errlen, "%s: ", name);
            size_t k = strlen(err);
            campaign_refusal(cand[i], err + k, errlen > k ? errlen - k : 0);
            return -1;
        }
        memset(info, 0, sizeof *info);
        memcpy(info->path, cand[i], sizeof info->path);
        info->is_mod = 1;
        return 0;
    }
    if (rec->source == RECORD_SRC_MOD)
        snprintf(err, errlen, "%s: needs the mod file %s (scenario %s) in the mods folder %s; not found there "
                 "nor as %s", name, rec->source_path, rec->scenario, mod ? mod : "(none)", cand[1]);
    else
        snprintf(err, errlen, "%s: needs the scenario file %s (scenario %s); not found there, nor as %s "
                 "in the mods folder %s, nor in the record's folder %s", name, rec->source_path, rec->scenario,
                 base, mod ? mod : "(none)", recdir);
    return -1;
}

/* Apply an AI spec ("all", "all=KIND", "jin", "jin=KIND", comma-separated, left to right) to
 * the playable factions; others are always computer. 0 on success. */
static int apply_ai_spec(Session *s, const char *spec, char *err, size_t errlen)
{
    Game *g = s->game;
    for (int f = 0; f < GAME_MAX_FACTIONS; f++)
        s->ai_kind[f] = (f < g->n_factions && g->factions[f].playable) ? -1 : AI_DEFAULT;
    if (!spec || !*spec) return 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        int kind = AI_DEFAULT;
        if (eq) {
            *eq = 0;
            kind = ai_kind_from_id(eq + 1);
            if (kind < 0) {
                snprintf(err, errlen, "unknown AI kind \"%s\" (kinds: default, baseline, random)", eq + 1);
                return -1;
            }
        }
        if (!strcmp(tok, "all")) {
            for (int f = 0; f < GAME_MAX_FACTIONS; f++) s->ai_kind[f] = kind;
            continue;
        }
        int f = game_find_faction(g, tok);
        if (f < 0) {
            snprintf(err, errlen, "--ai: scenario %s has no side \"%s\"", g->scenario_id, tok);
            return -1;
        }
        s->ai_kind[f] = kind;
    }
    return 0;
}

/* Controllers into the game, and the header's side lines into the record. */
static void fill_sides(Session *s)
{
    Game *g = s->game;
    s->rec.n_sides = 0;
    /* Who plays a side is the session's business, not game state: the game (and its hash)
     * is the same whether a person or the computer gives the orders, so a replay can be
     * taken over at any turn and still verify. */
    for (int f = 0; f < g->n_factions; f++) {
        if (!g->factions[f].playable || s->rec.n_sides >= GAME_MAX_FACTIONS) continue;
        RecordSide *rs = &s->rec.sides[s->rec.n_sides++];
        memset(rs, 0, sizeof *rs);
        snprintf(rs->faction, sizeof rs->faction, "%s", g->factions[f].id);
        rs->human = s->ai_kind[f] < 0;
        if (!rs->human) snprintf(rs->ai, sizeof rs->ai, "%s", ai_kind_id(s->ai_kind[f]));
    }
}

/* Load the scenario into a fresh session (not started); NULL with err. */
static Session *open_session(const ScenarioInfo *info, uint64_t seed, int difficulty, char *err, size_t errlen)
{
    Session *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, errlen, "out of memory"); return NULL; }
    s->info = *info;
    s->seed = seed;
    s->difficulty = difficulty;
    s->script = lscript_load(info->path, seed, &s->game, err, errlen);
    if (!s->script) { free(s); return NULL; }
    if (!s->game) {   /* defence: a file that declared no scenario{} */
        snprintf(err, errlen, "%s: not a scenario (no scenario{} declaration)", info->path);
        lscript_free(s->script);
        free(s);
        return NULL;
    }
    if (!s->info.id[0]) snprintf(s->info.id, sizeof s->info.id, "%s", lscript_scenario_id(s->script));
    record_init(&s->rec);
    snprintf(s->rec.scenario, sizeof s->rec.scenario, "%s", lscript_scenario_id(s->script));
    s->rec.content_hash = lscript_content_hash(s->script);
    s->rec.seed = seed;
    s->rec.difficulty = difficulty;
    set_source(&s->rec, info->path);
    lscript_set_carry(s->script, &s->rec.carry);
    return s;
}

static void start_session(Session *s)
{
    fill_sides(s);
    if (s->rec.carry.n_units || s->rec.carry.n_leaders) campaign_apply_carry(&s->rec.carry, s->game);
    game_start(s->game);
    s->undo_rec_n = -1;
    s->last_turn_hashed = s->game->turn;
    record_add_hash(&s->rec, s->game->turn, game_hash(s->game));
}

Session *session_new_carry(const char *scenario, uint64_t seed, const char *ai_spec, int difficulty,
                           const char *campaign, int step, const Carry *carry, char *err, size_t errlen)
{
    ScenarioInfo info;
    if (difficulty < 0 || difficulty > 3) {
        snprintf(err, errlen, "difficulty %d out of range (0 easy, 1 normal, 2 hard, 3 very hard)", difficulty);
        return NULL;
    }
    if (find_scenario(scenario, &info, err, errlen)) return NULL;
    Session *s = open_session(&info, seed, difficulty, err, errlen);
    if (!s) return NULL;
    if (apply_ai_spec(s, ai_spec, err, errlen)) { session_free(s); return NULL; }
    if (campaign) {
        snprintf(s->rec.campaign, sizeof s->rec.campaign, "%s", campaign);
        s->rec.campaign_step = step;
    }
    if (carry) s->rec.carry = *carry;
    start_session(s);
    return s;
}

Session *session_new(const char *scenario, uint64_t seed, const char *ai_spec, int difficulty,
                     char *err, size_t errlen)
{
    return session_new_carry(scenario, seed, ai_spec, difficulty, NULL, 0, NULL, err, errlen);
}

void session_free(Session *s)
{
    if (!s) return;
    for (int f = 0; f < GAME_MAX_FACTIONS; f++) ai_free(s->ai[f]);
    lscript_free(s->script);   /* frees the game too */
    record_free(&s->rec);
    free(s);
}

/* The faction that must act now: the one asked a pending choice, else the active one. */
static int acting_faction(const Game *g)
{
    return g->choice.active ? g->choice.faction : g->active;
}

/* Enemy units the faction can see now, as a bitmap over unit indices. */
static void seen_enemies(const Game *g, int faction, uint8_t *vis, uint8_t *out)
{
    game_visibility(g, faction, vis);
    memset(out, 0, GAME_MAX_UNITS);
    for (int u = 0; u < g->n_units; u++) {
        const Unit *un = &g->units[u];
        if (un->alive && game_is_enemy(g, faction, un->faction) && map_in_bounds(g->map, un->hex) &&
            vis[map_index(g->map, un->hex)])
            out[u] = 1;
    }
}

static CmdResult apply_and_record(Session *s, const Command *c)
{
    Game *g = s->game;
    CmdResult r = game_apply(g, c);
    if (r != CMD_OK) return r;
    record_add_command(&s->rec, c);
    if (g->turn != s->last_turn_hashed || g->over) {
        s->last_turn_hashed = g->turn;
        record_add_hash(&s->rec, g->turn, game_hash(g));
    }
    return CMD_OK;
}

CmdResult session_apply(Session *s, const Command *c)
{
    Game *g = s->game;
    int undoable = c->type == CMD_MOVE && !g->over && c->faction >= 0 && c->faction < GAME_MAX_FACTIONS &&
                   s->ai_kind[c->faction] < 0 && game_check(g, c) == CMD_OK;
    uint8_t *vis = NULL, *before = NULL, *after = NULL;
    Rng rng_before = g->rng;
    int log_before = g->n_log, rec_before = s->rec.n;
    uint64_t calls_before = lscript_handler_calls(s->script);
    if (undoable) {
        vis = malloc((size_t)map_count(g->map));
        before = malloc(GAME_MAX_UNITS);
        after = malloc(GAME_MAX_UNITS);
        if (vis && before && after) seen_enemies(g, c->faction, vis, before);
        else undoable = 0;
    }
    CmdResult r = apply_and_record(s, c);
    if (r == CMD_OK) {
        if (undoable) {
            seen_enemies(g, c->faction, vis, after);
            for (int u = 0; u < GAME_MAX_UNITS && undoable; u++)
                if (after[u] && !before[u]) undoable = 0;
            if (memcmp(&rng_before, &g->rng, sizeof rng_before)) undoable = 0;
            if (g->n_log != log_before || g->choice.active || g->over) undoable = 0;
            /* a script handler may have changed Lua state that a re-simulation would not
             * see the same way: such a move cannot be taken back */
            if (lscript_handler_calls(s->script) != calls_before) undoable = 0;
        }
        s->undo_rec_n = undoable ? rec_before : -1;
    }
    free(vis); free(before); free(after);
    return r;
}

int session_ai_to_act(const Session *s)
{
    const Game *g = s->game;
    if (g->over) return 0;
    int f = acting_faction(g);
    return f >= 0 && f < GAME_MAX_FACTIONS && s->ai_kind[f] >= 0;
}

CmdResult session_ai_step(Session *s, Command *done_out)
{
    Game *g = s->game;
    if (!session_ai_to_act(s)) return CMD_ERR_BAD_COMMAND;
    int f = acting_faction(g);
    if (!s->ai[f]) s->ai[f] = ai_new((AiKind)s->ai_kind[f], g, s->script, f, s->difficulty);
    Command c;
    memset(&c, 0, sizeof c);
    if (s->ai[f]) c = ai_next_command(s->ai[f], g);
    CmdResult r = s->ai[f] ? apply_and_record(s, &c) : CMD_ERR_BAD_COMMAND;
    if (r != CMD_OK) {
        /* A computer player must never stall the game: fall back to the safe answer. */
        memset(&c, 0, sizeof c);
        c.faction = f;
        if (g->choice.active) { c.type = CMD_CHOOSE; c.choice = g->choice.ai_default; }
        else c.type = CMD_END_TURN;
        r = apply_and_record(s, &c);
    }
    if (r == CMD_OK) s->undo_rec_n = -1;
    if (done_out) *done_out = c;
    return r;
}

int session_run_ai(Session *s, int max_turn)
{
    int n = 0, turn = s->game->turn, in_turn = 0;
    while (session_ai_to_act(s) && !s->game->over) {
        if (max_turn > 0 && s->game->turn > max_turn) break;
        if (s->game->turn != turn) { turn = s->game->turn; in_turn = 0; }
        Command c;
        if (++in_turn > SESSION_MAX_CMDS_PER_TURN) {
            memset(&c, 0, sizeof c);
            c.faction = acting_faction(s->game);
            c.type = s->game->choice.active ? CMD_CHOOSE : CMD_END_TURN;
            c.choice = s->game->choice.ai_default;
            if (apply_and_record(s, &c) != CMD_OK) break;
        } else if (session_ai_step(s, &c) != CMD_OK) {
            break;
        }
        n++;
    }
    return n;
}

/* Re-simulate rec's first n items into a fresh session (same sides); verify hashes when
 * asked. NULL with "FILE:LINE: ..." in err. */
static Session *resimulate(const ScenarioInfo *info, const Record *rec, int n_items, int verify,
                           int stop_turn, char *err, size_t errlen)
{
    int difficulty = rec->difficulty >= 0 && rec->difficulty <= 3 ? rec->difficulty : 1;
    Session *s = open_session(info, rec->seed, difficulty, err, errlen);
    if (!s) return NULL;
    char where[300];
    record_where(rec, rec->scenario_line, where, sizeof where);
    if (strcmp(s->rec.scenario, rec->scenario)) {
        snprintf(err, errlen, "%s: %s holds scenario \"%s\", but this was recorded with \"%s\"",
                 where, info->path, s->rec.scenario, rec->scenario);
        session_free(s);
        return NULL;
    }
    if (rec->content_hash != s->rec.content_hash) {
        snprintf(err, errlen, "%s: scenario %s has changed since this was recorded: %s (content hash %016" PRIx64
                 ", now %016" PRIx64 ")", where, rec->scenario, info->path,
                 rec->content_hash, s->rec.content_hash);
        session_free(s);
        return NULL;
    }
    for (int f = 0; f < GAME_MAX_FACTIONS; f++)
        s->ai_kind[f] = (f < s->game->n_factions && s->game->factions[f].playable) ? -1 : AI_DEFAULT;
    for (int i = 0; i < rec->n_sides; i++) {
        int f = game_find_faction(s->game, rec->sides[i].faction);
        if (f < 0) continue;
        int k = rec->sides[i].human ? -1 : ai_kind_from_id(rec->sides[i].ai);
        s->ai_kind[f] = rec->sides[i].human ? -1 : (k < 0 ? AI_DEFAULT : k);
    }
    memcpy(s->rec.campaign, rec->campaign, sizeof s->rec.campaign);
    s->rec.campaign_step = rec->campaign_step;
    s->rec.carry = rec->carry;
    start_session(s);
    const char *name = rec->name[0] ? rec->name : "record";
    snprintf(s->rec.name, sizeof s->rec.name, "%s", rec->name);
    /* s->rec is rebuilt as the game is re-simulated: item j is the next one the file must
     * match, so that every hash the game makes (one for every turn that begins) needs its
     * line in the file, and a hash line where no turn began is refused too. */
    int j = 0, last_line = 0;
    for (int i = 0; i < n_items && i < rec->n; i++) {
        const RecordItem *it = &rec->items[i];
        if (stop_turn > 0 && s->game->turn >= stop_turn) break;
        last_line = it->line;
        if (it->is_hash) {
            if (!verify) continue;
            if (j >= s->rec.n || !s->rec.items[j].is_hash) {
                snprintf(err, errlen, "%s:%d: hash line for turn %d where no turn began (the game is in turn %d)",
                         name, it->line, it->turn, s->game->turn);
                session_free(s);
                return NULL;
            }
            const RecordItem *mine = &s->rec.items[j++];
            if (it->turn != mine->turn || it->hash != mine->hash) {
                snprintf(err, errlen, "%s:%d: turn %d: state hash differs (recorded %016" PRIx64 " at turn %d, "
                         "re-simulated %016" PRIx64 " at turn %d)", name, it->line, it->turn, it->hash,
                         it->turn, mine->hash, mine->turn);
                session_free(s);
                return NULL;
            }
            s->hashes_checked++;
            continue;
        }
        if (verify && j < s->rec.n && s->rec.items[j].is_hash) {
            char line[128];
            record_format_command(&it->cmd, line, sizeof line);
            snprintf(err, errlen, "%s:%d: turn %d began but its hash line is missing (expected \"hash %d ...\" "
                     "before \"%s\")", name, it->line, s->rec.items[j].turn, s->rec.items[j].turn, line);
            session_free(s);
            return NULL;
        }
        int before = s->rec.n;
        CmdResult r = apply_and_record(s, &it->cmd);
        if (r != CMD_OK) {
            char line[128];
            record_format_command(&it->cmd, line, sizeof line);
            snprintf(err, errlen, "%s:%d: turn %d: command \"%s\" refused: %s", name, it->line,
                     s->game->turn, line, cmd_result_str(r));
            session_free(s);
            return NULL;
        }
        j = before + 1;
    }
    if (verify && j < s->rec.n && s->rec.items[j].is_hash) {
        snprintf(err, errlen, "%s:%d: truncated: turn %d began after this line but its hash line is missing "
                 "(the file ends here)", name, last_line, s->rec.items[j].turn);
        session_free(s);
        return NULL;
    }
    s->undo_rec_n = -1;
    return s;
}

int session_can_undo(const Session *s)
{
    return s->undo_rec_n >= 0 && s->undo_rec_n < s->rec.n;
}

int session_undo(Session *s)
{
    if (!session_can_undo(s)) return -1;
    char err[512];
    Record copy = s->rec;          /* items still owned by s->rec */
    snprintf(copy.name, sizeof copy.name, "undo");
    copy.difficulty = s->difficulty;
    Session *t = resimulate(&s->info, &copy, s->undo_rec_n, 0, 0, err, sizeof err);
    if (!t) return -1;
    /* swap the contents: keep the caller's Session pointer */
    for (int f = 0; f < GAME_MAX_FACTIONS; f++) { ai_free(s->ai[f]); s->ai[f] = NULL; }
    lscript_free(s->script);
    record_free(&s->rec);
    int kinds[GAME_MAX_FACTIONS];
    memcpy(kinds, s->ai_kind, sizeof kinds);
    char name[sizeof s->rec.name];
    memcpy(name, s->rec.name, sizeof name);
    *s = *t;
    memcpy(s->rec.name, name, sizeof name);        /* the file it came from, not "undo" */
    lscript_set_carry(s->script, &s->rec.carry);   /* it pointed into t */
    memcpy(s->ai_kind, kinds, sizeof kinds);
    free(t);
    s->undo_rec_n = -1;
    return 0;
}

int session_save(const Session *s, const char *path, char *err, size_t errlen)
{
    return record_save(&s->rec, path, err, errlen);
}

Session *session_load(const char *path, char *err, size_t errlen)
{
    Record rec;
    if (record_load(&rec, path, err, errlen)) return NULL;
    ScenarioInfo info;
    if (find_record_scenario(&rec, &info, err, errlen)) { record_free(&rec); return NULL; }
    Session *s = resimulate(&info, &rec, rec.n, 1, 0, err, errlen);
    record_free(&rec);
    return s;
}

Session *session_replay_to(const Record *rec, int turn, char *err, size_t errlen)
{
    ScenarioInfo info;
    if (find_record_scenario(rec, &info, err, errlen)) return NULL;
    return resimulate(&info, rec, rec->n, 0, turn, err, errlen);
}

Session *session_reload(const Session *s, char *err, size_t errlen)
{
    Record copy = s->rec;          /* items still owned by s->rec */
    snprintf(copy.name, sizeof copy.name, "reload");
    copy.difficulty = s->difficulty;
    /* the script may have changed: take its new content hash and re-play the game on it */
    char e2[512];
    Session *fresh = open_session(&s->info, s->seed, s->difficulty, e2, sizeof e2);
    if (!fresh) { snprintf(err, errlen, "%s", e2); return NULL; }
    copy.content_hash = fresh->rec.content_hash;
    session_free(fresh);
    Session *t = resimulate(&s->info, &copy, copy.n, 0, 0, err, errlen);
    if (!t) return NULL;
    memcpy(t->ai_kind, s->ai_kind, sizeof t->ai_kind);
    memcpy(t->rec.name, s->rec.name, sizeof t->rec.name);   /* the file it came from, not "reload" */
    return t;
}

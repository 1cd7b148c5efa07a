/* game.c - the game's life cycle, the one door (game_apply / game_check), turn order,
 * victory, read-only queries and the scripted changes used by the script host.
 * Movement is in move.c, combat in combat.c, supply in supply.c, the hash in hash.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core_internal.h"
#include "move.h"
#include "combat.h"

/* ================================================================ life cycle */

/* A new empty game on map with default rules; NULL when out of memory or map is NULL. */
Game *game_new(const Map *map, uint64_t seed)
{
    if (!map) return NULL;
    Game *g = calloc(1, sizeof *g);
    if (!g) return NULL;
    g->map = map;
    rules_defaults(&g->rules);
    g->seed = seed;
    rng_seed(&g->rng, seed);
    g->start_year = 1114;
    g->start_month = 9;
    g->start_day = 1;
    g->turn_days = 7;
    g->turn = 1;
    g->max_turns = 20;
    g->active = 0;
    g->winner = -1;
    for (int i = 0; i < GAME_MAX_FACTIONS; i++) {
        g->overlord[i] = -1;
        for (int j = 0; j < GAME_MAX_FACTIONS; j++) g->relation[i][j] = REL_NEUTRAL;
    }
    for (int i = 0; i < MAP_MAX_PLACES; i++) {
        g->places[i].owner = -1;
        g->places[i].supply_source = 0;
        g->places[i].vp = 0;
    }
    for (int i = 0; i < map->n_places && i < MAP_MAX_PLACES; i++) {
        PlaceKind k = map->places[i].kind;
        g->places[i].supply_source = (k == PLACE_CITY || k == PLACE_CAPITAL || k == PLACE_FORTRESS);
    }
    return g;
}

/* Frees a game (not its map); NULL is fine. */
void game_free(Game *g) { free(g); }

/* A copy without the hook; caller frees with game_free. NULL when out of memory. */
Game *game_clone(const Game *g)
{
    Game *c = malloc(sizeof *c);
    if (!c) return NULL;
    memcpy(c, g, sizeof *c);
    c->hook = NULL;
    c->hook_ud = NULL;
    return c;
}

/* Copies src into dst, keeping dst's hook. */
void game_copy(Game *dst, const Game *src)
{
    if (dst == src) return;
    GameHook hook = dst->hook;
    void *ud = dst->hook_ud;
    memcpy(dst, src, sizeof *dst);
    dst->hook = hook;
    dst->hook_ud = ud;
}

/* Turn start for the active faction: supply, cohesion, MP reset, flags, then the hook. */
static void begin_faction_turn(Game *g)
{
    int f = g->active;
    supply_trace(g, f);
    const Rules *r = &g->rules;
    for (int i = 0; i < g->n_units; i++) {
        Unit *u = &g->units[i];
        if (!u->alive || u->faction != f) continue;
        if (u->supplied) {
            u->cohesion += r->cohesion_recover;
            if (u->cohesion > r->cohesion_max) u->cohesion = r->cohesion_max;
        } else {
            u->cohesion -= r->cohesion_loss_unsupplied;
            if (u->cohesion < 0) u->cohesion = 0;
        }
        u->mp = r->unit_types[u->type].move;
        u->attacked = 0;
        u->moved = 0;
    }
    gamei_fire(g, HOOK_TURN_START, f, 0, 0, hex_make(0, 0));
}

/* First alive faction with index >= from, or -1. */
static int next_alive(const Game *g, int from)
{
    for (int f = from; f < g->n_factions; f++)
        if (g->factions[f].alive) return f;
    return -1;
}

/* Whether every end-of-game condition of the faction's kind group holds for cond i. */
static int end_condition_holds(const Game *g, int i)
{
    const VictoryCond *v = &g->victory[i];
    switch (v->type) {
    case VC_HOLD_PLACE:
        for (int j = 0; j < g->n_victory; j++) {
            const VictoryCond *w = &g->victory[j];
            if (w->type == VC_HOLD_PLACE && w->faction == v->faction &&
                (w->target < 0 || w->target >= g->map->n_places ||
                 g->places[w->target].owner != w->faction))
                return 0;
        }
        return 1;
    case VC_SAVE_LEADER:
        return v->target >= 0 && v->target < g->n_leaders &&
               g->leaders[v->target].state == LEADER_ACTIVE;
    case VC_SCORE:
        return v->faction >= 0 && v->faction < g->n_factions &&
               g->factions[v->faction].score >= v->value;
    default:
        return 0;
    }
}

/* The end of the last turn: the first end condition in list order that holds wins; a draw
 * when none does. */
static void end_of_game_check(Game *g)
{
    for (int i = 0; i < g->n_victory; i++) {
        const VictoryCond *v = &g->victory[i];
        if (v->type == VC_TAKE_PLACE || v->type == VC_KILL_LEADER) continue;
        if (v->faction < 0 || v->faction >= g->n_factions) continue;
        if (end_condition_holds(g, i)) {
            char buf[GAME_TEXT_LEN];
            if (v->text[0]) snprintf(buf, sizeof buf, "%s", v->text);
            else snprintf(buf, sizeof buf, "%s victory", g->factions[v->faction].name);
            game_end(g, v->faction, buf);
            return;
        }
    }
    game_end(g, -1, "Draw: no side achieved its aims");
}

/* Passes the turn to the next alive faction; after the last, the round ends (HOOK_TURN_END,
 * instant victory check) and a new turn begins, or the game ends when max_turns is passed. */
static void advance_turn(Game *g)
{
    if (g->over) return;
    int next = next_alive(g, g->active + 1);
    if (next >= 0) {
        g->active = next;
        begin_faction_turn(g);
        return;
    }
    gamei_fire(g, HOOK_TURN_END, g->turn, 0, 0, hex_make(0, 0));
    if (g->over) return;
    gamei_check_instant_victory(g);
    if (g->over) return;
    g->turn++;
    if (g->turn > g->max_turns) {
        end_of_game_check(g);
        return;
    }
    int first = next_alive(g, 0);
    if (first < 0) {
        game_end(g, -1, "Draw: no side remains");
        return;
    }
    g->active = first;
    begin_faction_turn(g);
}

/* Starts play: turn 1 (unless set), first alive faction, supply, MPs; fires HOOK_TURN_START. */
void game_start(Game *g)
{
    if (g->started) return;
    g->started = 1;
    if (g->turn < 1) g->turn = 1;
    for (int i = 0; i < g->n_units; i++) g->units[i].start_steps = g->units[i].steps;
    gamei_update_alive(g);
    int first = next_alive(g, 0);
    if (first < 0) {
        game_end(g, -1, "Draw: no side remains");
        return;
    }
    g->active = first;
    begin_faction_turn(g);
}

/* ================================================================ the one door */

static CmdResult check_choose(const Game *g, const Command *c)
{
    if (!g->choice.active) return CMD_ERR_NO_CHOICE;
    if (c->faction != g->choice.faction) return CMD_ERR_NOT_YOUR_TURN;
    if (c->choice < 0 || c->choice >= g->choice.n_options) return CMD_ERR_BAD_OPTION;
    return CMD_OK;
}

/* Validates a command against the whole state; changes nothing. */
CmdResult game_check(const Game *g, const Command *c)
{
    if (!g || !c) return CMD_ERR_BAD_COMMAND;
    if ((int)c->type < 0 || c->type >= CMD_TYPE_COUNT) return CMD_ERR_BAD_COMMAND;
    if (g->over) return CMD_ERR_GAME_OVER;
    if (!g->started) return CMD_ERR_BAD_COMMAND;
    if (c->type == CMD_CHOOSE) return check_choose(g, c);
    if (g->choice.active) return CMD_ERR_CHOICE_PENDING;
    if (c->faction != g->active) return CMD_ERR_NOT_YOUR_TURN;
    switch (c->type) {
    case CMD_MOVE: return movei_check(g, c);
    case CMD_ATTACK: return combat_check(g, c);
    case CMD_END_TURN: return CMD_OK;
    default: return CMD_ERR_BAD_COMMAND;
    }
}

/* After any change by play: enemies sharing a hex separated, dead factions, instant victory,
 * a dead active faction passes. */
static void settle(Game *g)
{
    if (g->over) return;
    gamei_separate(g);
    gamei_update_alive(g);
    gamei_check_instant_victory(g);
    if (g->over) return;
    if (next_alive(g, 0) < 0) {
        game_end(g, -1, "Draw: no side remains");
        return;
    }
    if (!g->factions[g->active].alive && !g->choice.active) advance_turn(g);
}

/* "question: answer" for the log; a question too long for both is cut at a word with "...",
 * so the answer always shows whole. */
static void choice_log_text(const PendingChoice *ch, int option, char *out, size_t cap)
{
    const char *q = ch->question, *o = ch->options[option], *dots = "";
    int room = (int)cap - 1 - 2 - (int)strlen(o), ql = (int)strlen(q);
    if (ql > room) {
        int cut = room - 3;
        while (cut > room / 2 && q[cut] != ' ') cut--;
        if (q[cut] != ' ') cut = room - 3;
        while (cut > 0 && ((unsigned char)q[cut] & 0xC0) == 0x80) cut--;   /* not inside a UTF-8 letter */
        while (cut > 0 && q[cut - 1] == ' ') cut--;
        ql = cut;
        dots = "...";
    }
    size_t n = 0;
    memcpy(out, q, (size_t)ql); n += (size_t)ql;
    memcpy(out + n, dots, strlen(dots)); n += strlen(dots);
    memcpy(out + n, ": ", 2); n += 2;
    memcpy(out + n, o, strlen(o)); n += strlen(o);
    out[n] = 0;
}

/* Validates, then applies. Hooks run after each change; they may add units, change owners
 * or end the game, and the rest of the command copes with that. */
CmdResult game_apply(Game *g, const Command *c)
{
    CmdResult res = game_check(g, c);
    if (res != CMD_OK) return res;
    Command cmd = *c;
    switch (cmd.type) {
    case CMD_MOVE: movei_apply(g, &cmd); break;
    case CMD_ATTACK: combati_apply(g, &cmd); break;
    case CMD_END_TURN: advance_turn(g); break;
    case CMD_CHOOSE: {
        int id = g->choice.id, f = g->choice.faction;
        char text[GAME_TEXT_LEN];
        choice_log_text(&g->choice, cmd.choice, text, sizeof text);
        g->choice.active = 0;
        game_log(g, GEV_CHOICE, f, text, NULL);
        gamei_fire(g, HOOK_CHOICE_ANSWERED, id, cmd.choice, f, hex_make(0, 0));
        break;
    }
    default: break;
    }
    settle(g);
    return CMD_OK;
}

/* ================================================================ internal helpers */

/* Calls the hook, if any. */
void gamei_fire(Game *g, HookType type, int a, int b, int c, Hex hex)
{
    if (!g->hook) return;
    HookEvent ev = { type, a, b, c, hex };
    g->hook(g, &ev, g->hook_ud);
}

/* Appends a formatted log entry. */
void gamei_logf(Game *g, GameEventType type, int faction, const char *fmt, ...)
{
    char buf[GAME_TEXT_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    game_log(g, type, faction, buf, NULL);
}

/* Whether the scripted-change functions should log now. */
static int script_should_log(const Game *g) { return g->started && !g->script_logs; }

/* A unit's label: its name, "<leader>'s <type>", or "<faction> <type>". */
void gamei_unit_label(const Game *g, int unit, char *buf, int cap)
{
    const Unit *u = &g->units[unit];
    const char *tname = g->rules.unit_types[u->type].name;
    if (u->name[0]) snprintf(buf, (size_t)cap, "%s", u->name);
    else if (u->leader >= 0 && u->leader < g->n_leaders) {
        /* "Yelü Yudu's heavy cavalry": the type name in lower case after the possessive */
        char lower[48];
        snprintf(lower, sizeof lower, "%s", tname);
        if (lower[0] >= 'A' && lower[0] <= 'Z') lower[0] = (char)(lower[0] - 'A' + 'a');
        snprintf(buf, (size_t)cap, "%s's %s", g->leaders[u->leader].name, lower);
    } else if (u->faction >= 0 && u->faction < g->n_factions)
        snprintf(buf, (size_t)cap, "%s %s", g->factions[u->faction].name, tname);
    else snprintf(buf, (size_t)cap, "%s", tname);
}

/* Nearest alive unit of faction within 3 hexes of h with no leader (lowest distance, then index). */
static int leader_refuge(const Game *g, int faction, Hex h, int except)
{
    int best = -1, bestd = 4;
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || i == except || u->faction != faction || u->leader >= 0) continue;
        int d = hex_distance(u->hex, h);
        if (d < bestd) { bestd = d; best = i; }
    }
    return best;
}

/* Kills a unit and logs it; its leader is captured when leader_die (1..6) <=
 * capture_leader_in6, else escapes to the nearest leaderless friendly unit within 3 hexes,
 * else dies. leader_die 0: no capture roll. flags: GAMEI_KILL_LOG writes the log entries,
 * GAMEI_KILL_FIRE calls HOOK_UNIT_DESTROYED now (combat fires its hooks itself once the
 * whole battle is settled). */
void gamei_kill_unit(Game *g, int unit, int by, int leader_die, int flags)
{
    int log = flags & GAMEI_KILL_LOG;
    Unit *u = &g->units[unit];
    if (!u->alive) return;
    char label[96];
    gamei_unit_label(g, unit, label, sizeof label);
    u->alive = 0;
    u->steps = 0;
    int l = u->leader;
    u->leader = -1;
    if (log) gamei_logf(g, GEV_UNIT_DESTROYED, u->faction, "%s is destroyed", label);
    if (l >= 0 && l < g->n_leaders) {
        Leader *ld = &g->leaders[l];
        ld->unit = -1;
        if (leader_die > 0 && leader_die <= g->rules.capture_leader_in6) {
            ld->state = LEADER_CAPTURED;
            if (log) gamei_logf(g, GEV_LEADER_CAPTURED, ld->faction, "%s is captured", ld->name);
        } else {
            int refuge = leader_refuge(g, u->faction, u->hex, unit);
            if (refuge >= 0) {
                ld->unit = refuge;
                g->units[refuge].leader = l;
                if (log) gamei_logf(g, GEV_MESSAGE, ld->faction, "%s escapes", ld->name);
            } else {
                ld->state = LEADER_KILLED;
                if (log) gamei_logf(g, GEV_LEADER_KILLED, ld->faction, "%s is killed", ld->name);
            }
        }
    }
    if (flags & GAMEI_KILL_FIRE) gamei_fire(g, HOOK_UNIT_DESTROYED, unit, by, 0, u->hex);
}

/* Ends the game when a VC_TAKE_PLACE or VC_KILL_LEADER condition holds (first in list order). */
void gamei_check_instant_victory(Game *g)
{
    if (g->over || !g->started) return;
    for (int i = 0; i < g->n_victory; i++) {
        const VictoryCond *v = &g->victory[i];
        int holds = 0;
        if (v->faction < 0 || v->faction >= g->n_factions) continue;
        if (v->type == VC_TAKE_PLACE)
            holds = v->target >= 0 && v->target < g->map->n_places &&
                    g->places[v->target].owner == v->faction;
        else if (v->type == VC_KILL_LEADER)
            holds = v->target >= 0 && v->target < g->n_leaders &&
                    g->leaders[v->target].state != LEADER_ACTIVE;
        if (holds) {
            char buf[GAME_TEXT_LEN];
            if (v->text[0]) snprintf(buf, sizeof buf, "%s", v->text);
            else snprintf(buf, sizeof buf, "%s victory", g->factions[v->faction].name);
            game_end(g, v->faction, buf);
            return;
        }
    }
}

/* A faction with no alive units and no places dies (alive = 0). */
void gamei_update_alive(Game *g)
{
    for (int f = 0; f < g->n_factions; f++) {
        if (!g->factions[f].alive) continue;
        int has = 0;
        for (int i = 0; i < g->n_units && !has; i++)
            if (g->units[i].alive && g->units[i].faction == f) has = 1;
        for (int p = 0; p < g->map->n_places && !has; p++)
            if (g->places[p].owner == f) has = 1;
        if (!has) g->factions[f].alive = 0;
    }
}

/* A place taken by play: new owner, log entry, HOOK_PLACE_CAPTURED. */
void gamei_capture_place(Game *g, int place, int faction)
{
    int old = g->places[place].owner;
    g->places[place].owner = faction;
    const char *pname = g->map->places[place].name;
    if (old >= 0)
        gamei_logf(g, GEV_PLACE_CAPTURED, faction, "The %s take %s from the %s",
                   g->factions[faction].name, pname, g->factions[old].name);
    else
        gamei_logf(g, GEV_PLACE_CAPTURED, faction, "The %s take %s", g->factions[faction].name, pname);
    gamei_fire(g, HOOK_PLACE_CAPTURED, place, faction, old, g->map->places[place].hex);
}

/* ================================================================ queries */

static int valid_faction(const Game *g, int f) { return f >= 0 && f < g->n_factions; }

/* At war. */
int game_is_enemy(const Game *g, int fa, int fb)
{
    if (!valid_faction(g, fa) || !valid_faction(g, fb) || fa == fb) return 0;
    return g->relation[fa][fb] == REL_WAR;
}

/* Same faction, allied, or vassal and overlord. */
int game_is_friend(const Game *g, int fa, int fb)
{
    if (!valid_faction(g, fa) || !valid_faction(g, fb)) return 0;
    if (fa == fb) return 1;
    return g->relation[fa][fb] == REL_ALLIANCE || g->relation[fa][fb] == REL_VASSAL;
}

/* Alive units in h, ascending index; returns the total count (may exceed cap). */
int game_units_at(const Game *g, Hex h, int *out, int cap)
{
    int n = 0;
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (u->alive && hex_eq(u->hex, h)) {
            if (out && n < cap) out[n] = i;
            n++;
        }
    }
    return n;
}

/* Whether an enemy of faction exerting ZOC stands next to land hex h (ZOC is land only). */
int game_enemy_zoc(const Game *g, int faction, Hex h)
{
    if (map_is_water(g->map, h)) return 0;
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || !g->rules.unit_types[u->type].zoc) continue;
        if (!game_is_enemy(g, faction, u->faction)) continue;
        if (hex_distance(u->hex, h) == 1 && !map_is_water(g->map, u->hex)) return 1;
    }
    return 0;
}

int game_find_faction(const Game *g, const char *id)
{
    if (!id) return -1;
    for (int i = 0; i < g->n_factions; i++)
        if (strcmp(g->factions[i].id, id) == 0) return i;
    return -1;
}

int game_find_leader(const Game *g, const char *id)
{
    if (!id) return -1;
    for (int i = 0; i < g->n_leaders; i++)
        if (strcmp(g->leaders[i].id, id) == 0) return i;
    return -1;
}

/* steps * attack of the unit's type; 0 for a bad or dead unit. */
int game_unit_strength(const Game *g, int unit)
{
    if (unit < 0 || unit >= g->n_units || !g->units[unit].alive) return 0;
    const Unit *u = &g->units[unit];
    return u->steps * g->rules.unit_types[u->type].attack;
}

/* Whether a unit at from with the given sight (capped at 30) sees h: within range, and no
 * forest or mountain (blocks_sight) strictly between them on the hex line. Does not check
 * that h is on the map. The one place where line of sight lives. */
static int sees_from(const Game *g, Hex from, int sight, Hex h)
{
    const Map *m = g->map;
    if (sight > 30) sight = 30;
    int d = hex_distance(from, h);
    if (d > sight) return 0;
    if (d <= 1) return 1;
    Hex line[64];
    int n = hex_line(from, h, line, 64);
    for (int k = 1; k < n - 1; k++) {
        if (!map_in_bounds(m, line[k])) continue;
        if (g->rules.terrain[map_terrain(m, line[k])].blocks_sight) return 0;
    }
    return 1;
}

/* Whether faction sees hex h now, exactly as game_visibility would mark it, without filling
 * the whole map: 0 off the map. */
int gamei_hex_seen(const Game *g, int faction, Hex h)
{
    const Map *m = g->map;
    if (!map_in_bounds(m, h)) return 0;
    for (int p = 0; p < m->n_places; p++) {
        if (!game_is_friend(g, faction, g->places[p].owner)) continue;
        if (hex_distance(m->places[p].hex, h) <= 1) return 1;
    }
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || !game_is_friend(g, faction, u->faction)) continue;
        if (sees_from(g, u->hex, g->rules.unit_types[u->type].sight, h)) return 1;
    }
    return 0;
}

/* Marks hexes within each of the faction's (and its friends') units' sight, and within 1 of
 * their places. Forest and mountains (blocks_sight) are seen but not seen past. */
void game_visibility(const Game *g, int faction, uint8_t *vis)
{
    const Map *m = g->map;
    memset(vis, 0, (size_t)map_count(m));
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || !game_is_friend(g, faction, u->faction)) continue;
        int sight = g->rules.unit_types[u->type].sight;
        if (sight > 30) sight = 30;
        for (int dq = -sight; dq <= sight; dq++)
            for (int dr = -sight; dr <= sight; dr++) {
                Hex h = hex_make(u->hex.q + dq, u->hex.r + dr);
                if (!map_in_bounds(m, h) || vis[map_index(m, h)]) continue;
                if (sees_from(g, u->hex, sight, h)) vis[map_index(m, h)] = 1;
            }
    }
    for (int p = 0; p < m->n_places; p++) {
        if (!game_is_friend(g, faction, g->places[p].owner)) continue;
        Hex c = m->places[p].hex;
        if (map_in_bounds(m, c)) vis[map_index(m, c)] = 1;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex h = hex_neighbor(c, d);
            if (map_in_bounds(m, h)) vis[map_index(m, h)] = 1;
        }
    }
}

/* Whether the unit (alive, of the active faction) has movement points or can still attack. */
int game_unit_can_act(const Game *g, int unit)
{
    if (unit < 0 || unit >= g->n_units) return 0;
    const Unit *u = &g->units[unit];
    if (!u->alive || u->faction != g->active || g->over) return 0;
    return u->mp > 0 || !u->attacked;
}

/* ================================================================ names */

const char *cmd_result_str(CmdResult r)
{
    static const char *const s[CMD_RESULT_COUNT] = {
        "ok", "the game is over", "not your turn", "a choice must be answered first",
        "no choice is pending", "no such option", "no such unit of yours", "off the map",
        "no moves left", "cannot reach that hex", "the stack is full", "an enemy holds that hex",
        "already attacked this turn", "not adjacent", "no enemy there", "not at war",
        "too many attackers", "bad command"
    };
    return ((int)r >= 0 && r < CMD_RESULT_COUNT) ? s[r] : "?";
}

const char *cmd_type_id(CommandType t)
{
    static const char *const s[CMD_TYPE_COUNT] = { "move", "attack", "end", "choose" };
    return ((int)t >= 0 && t < CMD_TYPE_COUNT) ? s[t] : "?";
}

const char *game_event_type_id(GameEventType t)
{
    static const char *const s[GEV_TYPE_COUNT] = {
        "message", "defection", "rebellion", "faction_created", "relation_changed",
        "desertion", "leader_killed", "leader_captured", "choice", "battle",
        "place_captured", "unit_destroyed", "victory"
    };
    return ((int)t >= 0 && t < GEV_TYPE_COUNT) ? s[t] : "?";
}

/* ================================================================ setup and scripted changes */

static void copy_str(char *dst, const char *src, size_t cap)
{
    if (!src) src = "";
    strncpy(dst, src, cap - 1);
    dst[cap - 1] = '\0';
}

/* Adds a faction (alive, human, NEUTRAL to all); -1 when full, id empty or taken. */
int game_add_faction(Game *g, const char *id, const char *name, uint32_t color)
{
    if (!id || !id[0] || g->n_factions >= GAME_MAX_FACTIONS || game_find_faction(g, id) >= 0)
        return -1;
    int f = g->n_factions;
    Faction *fa = &g->factions[f];
    memset(fa, 0, sizeof *fa);
    copy_str(fa->id, id, sizeof fa->id);
    copy_str(fa->name, name ? name : id, sizeof fa->name);
    fa->color = color & 0xFFFFFFu;
    copy_str(fa->ai_kind, "default", sizeof fa->ai_kind);
    fa->alive = 1;
    fa->controller = CTRL_HUMAN;
    for (int j = 0; j < GAME_MAX_FACTIONS; j++) {
        g->relation[f][j] = REL_NEUTRAL;
        g->relation[j][f] = REL_NEUTRAL;
    }
    g->overlord[f] = -1;
    g->n_factions++;
    if (script_should_log(g)) gamei_logf(g, GEV_FACTION_CREATED, f, "The %s appear", fa->name);
    return f;
}

/* Adds a unit at full MP and cohesion; steps <= 0 means the type's full strength. -1 when
 * the type, faction or hex is bad (off the map or water) or the table is full. Adding a unit
 * to a dead faction revives it. Does not check the stacking limit. */
int game_add_unit(Game *g, int type, int faction, Hex h, int steps)
{
    if (type < 0 || type >= g->rules.n_unit_types || !valid_faction(g, faction)) return -1;
    if (!map_in_bounds(g->map, h) || map_is_water(g->map, h)) return -1;
    if (g->n_units >= GAME_MAX_UNITS) return -1;
    const UnitType *t = &g->rules.unit_types[type];
    if (steps <= 0 || steps > t->max_steps) steps = t->max_steps;
    int i = g->n_units++;
    Unit *u = &g->units[i];
    memset(u, 0, sizeof *u);
    u->alive = 1;
    u->type = type;
    u->faction = faction;
    u->hex = h;
    u->steps = steps;
    u->start_steps = steps;
    u->mp = t->move;
    u->cohesion = g->rules.cohesion_max;
    u->leader = -1;
    u->supplied = 1;
    g->factions[faction].alive = 1;
    g->contact_dirty = 1;
    return i;
}

/* Adds an active, unattached leader (rating clamped to 0..3); -1 when bad or full. */
int game_add_leader(Game *g, const char *id, const char *name, int rating, int faction)
{
    if (!id || !id[0] || !valid_faction(g, faction) || g->n_leaders >= GAME_MAX_LEADERS ||
        game_find_leader(g, id) >= 0)
        return -1;
    int l = g->n_leaders++;
    Leader *ld = &g->leaders[l];
    memset(ld, 0, sizeof *ld);
    copy_str(ld->id, id, sizeof ld->id);
    copy_str(ld->name, name ? name : id, sizeof ld->name);
    ld->rating = rating < 0 ? 0 : rating > 3 ? 3 : rating;
    ld->faction = faction;
    ld->state = LEADER_ACTIVE;
    ld->unit = -1;
    return l;
}

/* Puts an active leader in command of an alive unit of his faction that has no leader
 * (detaching him from any previous unit). Nonzero when refused. */
int game_attach_leader(Game *g, int leader, int unit)
{
    if (leader < 0 || leader >= g->n_leaders || unit < 0 || unit >= g->n_units) return 1;
    Leader *ld = &g->leaders[leader];
    Unit *u = &g->units[unit];
    if (ld->state != LEADER_ACTIVE || !u->alive || u->faction != ld->faction) return 1;
    if (u->leader >= 0 && u->leader != leader) return 1;
    if (ld->unit >= 0 && ld->unit < g->n_units && g->units[ld->unit].leader == leader)
        g->units[ld->unit].leader = -1;
    ld->unit = unit;
    u->leader = leader;
    return 0;
}

/* Sets the relation both ways (VASSAL: fa becomes vassal of fb). Ignores bad factions. */
void game_set_relation(Game *g, int fa, int fb, Relation r)
{
    if (!valid_faction(g, fa) || !valid_faction(g, fb) || fa == fb) return;
    if ((int)r < REL_WAR || r > REL_VASSAL) return;
    int changed = g->relation[fa][fb] != r ||
                  (r == REL_VASSAL && g->overlord[fa] != fb);
    g->relation[fa][fb] = (uint8_t)r;
    g->relation[fb][fa] = (uint8_t)r;
    if (r == REL_WAR) g->contact_dirty = 1;
    if (g->overlord[fa] == fb) g->overlord[fa] = -1;
    if (g->overlord[fb] == fa) g->overlord[fb] = -1;
    if (r == REL_VASSAL) g->overlord[fa] = (int8_t)fb;
    if (!changed || !script_should_log(g)) return;
    const char *a = g->factions[fa].name, *b = g->factions[fb].name;
    switch (r) {
    case REL_WAR: gamei_logf(g, GEV_RELATION_CHANGED, -1, "The %s and the %s are now at war", a, b); break;
    case REL_NEUTRAL: gamei_logf(g, GEV_RELATION_CHANGED, -1, "The %s and the %s make peace", a, b); break;
    case REL_ALLIANCE: gamei_logf(g, GEV_RELATION_CHANGED, -1, "The %s and the %s are now allies", a, b); break;
    case REL_VASSAL: gamei_logf(g, GEV_RELATION_CHANGED, -1, "The %s become vassals of the %s", a, b); break;
    }
}

/* Relation between two factions; REL_ALLIANCE for a faction with itself, NEUTRAL for bad ones. */
Relation game_relation(const Game *g, int fa, int fb)
{
    if (!valid_faction(g, fa) || !valid_faction(g, fb)) return REL_NEUTRAL;
    if (fa == fb) return REL_ALLIANCE;
    return (Relation)g->relation[fa][fb];
}

/* A unit changes sides with its leader (who changes faction too). Nonzero when refused. */
int game_set_unit_faction(Game *g, int unit, int faction)
{
    if (unit < 0 || unit >= g->n_units || !g->units[unit].alive || !valid_faction(g, faction))
        return 1;
    Unit *u = &g->units[unit];
    if (u->faction == faction) return 0;
    char label[96];
    gamei_unit_label(g, unit, label, sizeof label);
    u->faction = faction;
    g->contact_dirty = 1;
    if (u->leader >= 0 && u->leader < g->n_leaders) g->leaders[u->leader].faction = faction;
    g->factions[faction].alive = 1;
    if (script_should_log(g))
        gamei_logf(g, GEV_DEFECTION, faction, "%s goes over to the %s", label, g->factions[faction].name);
    return 0;
}

/* Sets the owner of a place (-1 nobody); no hook, no log. Nonzero when refused. */
int game_set_place_owner(Game *g, int place, int faction)
{
    if (place < 0 || place >= g->map->n_places) return 1;
    if (faction != -1 && !valid_faction(g, faction)) return 1;
    g->places[place].owner = faction;
    if (faction >= 0) g->factions[faction].alive = 1;
    return 0;
}

/* A unit melts away (desertion); its leader stays active but unattached. Nonzero when refused. */
int game_remove_unit(Game *g, int unit)
{
    if (unit < 0 || unit >= g->n_units || !g->units[unit].alive) return 1;
    Unit *u = &g->units[unit];
    char label[96];
    gamei_unit_label(g, unit, label, sizeof label);
    if (u->leader >= 0 && u->leader < g->n_leaders) g->leaders[u->leader].unit = -1;
    u->leader = -1;
    u->alive = 0;
    if (script_should_log(g)) gamei_logf(g, GEV_DESERTION, u->faction, "%s melts away", label);
    return 0;
}

/* The unit loses steps (clamped); at 0 it is destroyed (logged; its leader escapes or dies,
 * no capture roll; no hook: scripted changes never call the hook back). Nonzero when refused. */
int game_damage_unit(Game *g, int unit, int steps)
{
    if (unit < 0 || unit >= g->n_units || !g->units[unit].alive || steps < 0) return 1;
    Unit *u = &g->units[unit];
    if (steps >= u->steps) {
        gamei_kill_unit(g, unit, -1, 0, script_should_log(g) ? GAMEI_KILL_LOG : 0);
        return 0;
    }
    u->steps -= steps;
    return 0;
}

/* Sets a leader's state; a killed or captured leader leaves his unit. Nonzero when refused. */
int game_set_leader_state(Game *g, int leader, LeaderState s)
{
    if (leader < 0 || leader >= g->n_leaders || (int)s < LEADER_ACTIVE || s > LEADER_CAPTURED)
        return 1;
    Leader *ld = &g->leaders[leader];
    if (ld->state == s) return 0;
    ld->state = s;
    if (s != LEADER_ACTIVE && ld->unit >= 0 && ld->unit < g->n_units) {
        if (g->units[ld->unit].leader == leader) g->units[ld->unit].leader = -1;
        ld->unit = -1;
    }
    if (script_should_log(g)) {
        if (s == LEADER_KILLED) gamei_logf(g, GEV_LEADER_KILLED, ld->faction, "%s is killed", ld->name);
        else if (s == LEADER_CAPTURED) gamei_logf(g, GEV_LEADER_CAPTURED, ld->faction, "%s is captured", ld->name);
    }
    return 0;
}

/* Adds a victory condition (copied); -1 when full or its faction is bad. */
int game_add_victory(Game *g, const VictoryCond *vc)
{
    if (!vc || g->n_victory >= GAME_MAX_VICTORY || !valid_faction(g, vc->faction)) return -1;
    if ((int)vc->type < VC_HOLD_PLACE || vc->type > VC_SCORE) return -1;
    g->victory[g->n_victory] = *vc;
    g->victory[g->n_victory].text[GAME_TEXT_LEN - 1] = '\0';
    return g->n_victory++;
}

/* Appends a log entry stamped with the current turn; counts it as dropped when the log is full. */
int game_log(Game *g, GameEventType type, int faction, const char *text, const char *note)
{
    if ((int)type < 0 || type >= GEV_TYPE_COUNT) return -1;
    if (g->n_log >= GAME_MAX_EVENTS) {
        g->log_dropped++;
        return -1;
    }
    LogEntry *e = &g->log[g->n_log];
    memset(e, 0, sizeof *e);
    e->turn = g->turn;
    e->type = type;
    e->faction = faction;
    copy_str(e->text, text, sizeof e->text);
    copy_str(e->note, note, sizeof e->note);
    return g->n_log++;
}

/* Poses a choice to a faction; refused (nonzero) when one is pending or the options are bad. */
int game_ask_choice(Game *g, int faction, int id, const char *question,
                    const char (*options)[64], int n_options, int ai_default)
{
    if (g->choice.active || !valid_faction(g, faction) || !options || n_options < 1 ||
        n_options > GAME_MAX_CHOICE_OPTIONS)
        return 1;
    PendingChoice *c = &g->choice;
    memset(c, 0, sizeof *c);
    c->active = 1;
    c->id = id;
    c->faction = faction;
    copy_str(c->question, question, sizeof c->question);
    c->n_options = n_options;
    for (int i = 0; i < n_options; i++) copy_str(c->options[i], options[i], sizeof c->options[i]);
    c->ai_default = (ai_default >= 0 && ai_default < n_options) ? ai_default : 0;
    return 0;
}

/* Ends the game (once): winner (-1 draw), outcome, GEV_VICTORY, HOOK_GAME_OVER. */
void game_end(Game *g, int winner, const char *outcome)
{
    if (g->over) return;
    if (!valid_faction(g, winner)) winner = -1;
    g->over = 1;
    g->winner = winner;
    copy_str(g->outcome, outcome ? outcome : "", sizeof g->outcome);
    g->choice.active = 0;
    game_log(g, GEV_VICTORY, winner, g->outcome, NULL);
    gamei_fire(g, HOOK_GAME_OVER, winner, 0, 0, hex_make(0, 0));
}

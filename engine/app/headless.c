/* headless.c - playing and checking games with no window: computer players for every side,
 * a summary as text or JSON, replay verification, --list-scenarios and --check. */
#include "headless.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "campaign.h"
#include "json.h"
#include "standing.h"

/* Places the faction holds. */
static int places_held(const Game *g, int f)
{
    int n = 0;
    for (int p = 0; p < g->map->n_places; p++)
        if (g->places[p].owner == f) n++;
    return n;
}

static int turns_played(const Game *g)
{
    if (!g->over) return g->turn - 1;
    return g->turn < g->max_turns || g->max_turns <= 0 ? g->turn : g->max_turns;
}

void headless_summary(const Session *s, int json, FILE *f)
{
    const Game *g = s->game;
    uint64_t h = game_hash(g);
    const char *winner = g->over && g->winner >= 0 ? g->factions[g->winner].id : NULL;
    const char *outcome = g->over ? (g->outcome[0] ? g->outcome : "game over") : "unfinished";
    if (!json) {
        fprintf(f, "scenario %s, seed %" PRIu64 ": %d turns played\n", g->scenario_id, s->seed, turns_played(g));
        fprintf(f, "outcome: %s\n", outcome);
        fprintf(f, "winner: %s\n", winner ? winner : (g->over ? "none (draw)" : "none yet"));
        for (int i = 0; i < g->n_factions; i++) {
            int units = 0, strength = 0;
            for (int u = 0; u < g->n_units; u++)
                if (g->units[u].alive && g->units[u].faction == i) { units++; strength += game_unit_strength(g, u); }
            fprintf(f, "  %-16s %3d units, strength %4d, %2d places%s\n", g->factions[i].id, units, strength,
                    places_held(g, i), g->factions[i].alive ? "" : " (gone)");
        }
        fprintf(f, "events:\n");
        for (int i = 0; i < g->n_log; i++) {
            char date[32];
            game_date_str(g, g->log[i].turn, date, sizeof date);
            fprintf(f, "  turn %2d %-12s %-16s %s\n", g->log[i].turn, date,
                    game_event_type_id(g->log[i].type), g->log[i].text);
        }
        fprintf(f, "state hash: %016" PRIx64 "\n", h);
        return;
    }
    fprintf(f, "{\"scenario\":");
    json_str(f, g->scenario_id);
    fprintf(f, ",\"seed\":%" PRIu64 ",\"difficulty\":%d,\"turns_played\":%d,\"turn\":%d,\"max_turns\":%d,\"over\":%s,\"outcome\":",
            s->seed, s->difficulty, turns_played(g), g->turn, g->max_turns, g->over ? "true" : "false");
    json_str(f, outcome);
    fprintf(f, ",\"winner\":");
    if (winner) json_str(f, winner); else fprintf(f, "null");
    fprintf(f, ",\"state_hash\":\"%016" PRIx64 "\",\"events\":[", h);
    for (int i = 0; i < g->n_log; i++) {
        char date[32];
        game_date_str(g, g->log[i].turn, date, sizeof date);
        fprintf(f, "%s{\"turn\":%d,\"date\":", i ? "," : "", g->log[i].turn);
        json_str(f, date);
        fprintf(f, ",\"type\":");
        json_str(f, game_event_type_id(g->log[i].type));
        fprintf(f, ",\"faction\":");
        if (g->log[i].faction >= 0 && g->log[i].faction < g->n_factions) json_str(f, g->factions[g->log[i].faction].id);
        else fprintf(f, "null");
        fprintf(f, ",\"text\":");
        json_str(f, g->log[i].text);
        if (g->log[i].note[0]) { fprintf(f, ",\"note\":"); json_str(f, g->log[i].note); }
        fprintf(f, "}");
    }
    fprintf(f, "],\"events_dropped\":%d,\"factions\":[", g->log_dropped);
    for (int i = 0; i < g->n_factions; i++) {
        GameStanding st;
        game_standing(g, i, &st);
        fprintf(f, "%s{\"id\":", i ? "," : "");
        json_str(f, g->factions[i].id);
        fprintf(f, ",\"name\":");
        json_str(f, g->factions[i].name);
        fprintf(f, ",\"alive\":%s,\"controller\":\"%s\",\"units\":%d,\"strength\":%d,\"places\":%d,\"score\":%d,\"place_points\":%d,\"points\":%d}",
                g->factions[i].alive ? "true" : "false", s->ai_kind[i] < 0 ? "human" : ai_kind_id(s->ai_kind[i]),
                st.units, st.strength, st.places, st.score, st.place_points, st.points);
    }
    fprintf(f, "]}\n");
}

/* Play every scenario of a campaign in order, carrying units and leaders forward. */
static int play_campaign(const HeadlessOpts *o, const ScenarioInfo *info, const char *spec)
{
    Campaign c;
    char err[1024];
    if (campaign_load(info->path, &c, err, sizeof err)) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
    Carry carry;
    memset(&carry, 0, sizeof carry);
    int wins = 0, played = 0, rc = 0;
    if (o->json) { printf("{\"campaign\":"); json_str(stdout, c.id); printf(",\"side\":"); json_str(stdout, c.side);
                   printf(",\"seed\":%" PRIu64 ",\"scenarios\":[", o->seed); }
    else printf("campaign %s (%s), seed %" PRIu64 "\n", c.id, c.title, o->seed);
    for (int i = 0; i < c.n_steps; i++) {
        Session *s = session_new_carry(c.steps[i].scenario, o->seed + (uint64_t)i, spec, o->difficulty, c.id, i, &carry,
                                       err, sizeof err);
        if (!s) { fprintf(stderr, "gyrfalcon: campaign %s step %d: %s\n", c.id, i + 1, err); rc = 1; break; }
        session_run_ai(s, o->turns);
        if (o->record) {
            char path[1100];
            snprintf(path, sizeof path, "%s.%d", o->record, i + 1);
            if (session_save(s, path, err, sizeof err)) { fprintf(stderr, "gyrfalcon: %s\n", err); rc = 1; }
        }
        if (!o->json && c.steps[i].interlude[0]) printf("\n%s\n\n", c.steps[i].interlude);
        if (o->json && i) printf(",");
        headless_summary(s, o->json, stdout);
        const Game *g = s->game;
        if (g->over && g->winner >= 0 && !strcmp(g->factions[g->winner].id, c.side)) wins++;
        played++;
        campaign_collect(&c, g, &carry);
        session_free(s);
    }
    if (o->json) printf("],\"played\":%d,\"won\":%d}\n", played, wins);
    else printf("campaign %s: %s won %d of %d scenarios\n", c.id, c.side, wins, played);
    return rc;
}

/* Where a hex is, for the trace: "(q,r)" and the place's name when there is one. */
static void trace_hex(const Game *g, Hex h, char *buf, size_t cap)
{
    int p = map_place_at(g->map, h);
    if (p >= 0) snprintf(buf, cap, "(%d,%d) %s", h.q, h.r, g->map->places[p].name);
    else snprintf(buf, cap, "(%d,%d)", h.q, h.r);
}

/* The side to act's units, one line each, for the trace. */
static void trace_roster(const Game *g, int f)
{
    printf("-- turn %d, %s to move\n", g->turn, g->factions[f].id);
    for (int u = 0; u < g->n_units; u++) {
        const Unit *un = &g->units[u];
        if (!un->alive || un->faction != f) continue;
        char where[96];
        trace_hex(g, un->hex, where, sizeof where);
        printf("   #%d %-32s %-30s %d steps, cohesion %d%s%s\n", u, un->name[0] ? un->name : g->rules.unit_types[un->type].id,
               where, un->steps, un->cohesion, un->leader >= 0 ? ", led by " : "",
               un->leader >= 0 ? g->leaders[un->leader].name : "");
    }
}

/* One applied command and the events it caused, for the trace. */
static void trace_command(const Game *g, const Command *c, int log_from)
{
    char b[96];
    if (c->type == CMD_MOVE) {
        trace_hex(g, c->to, b, sizeof b);
        printf("   move #%d to %s\n", c->unit, b);
    } else if (c->type == CMD_ATTACK) {
        trace_hex(g, c->to, b, sizeof b);
        printf("   attack %s with", b);
        for (int i = 0; i < c->n_attackers; i++) printf(" #%d", c->attackers[i]);
        printf("\n");
    } else if (c->type == CMD_CHOOSE) {
        printf("   choose %d\n", c->choice);
    }
    for (int i = log_from; i < g->n_log; i++) {
        printf("      > %s\n", g->log[i].text);
    }
}

/* Plays the computer sides command by command, printing each (--trace). */
static void run_traced(Session *s, int max_turn)
{
    int last_turn = -1, last_f = -1;
    while (session_ai_to_act(s) && !s->game->over) {
        const Game *g = s->game;
        if (max_turn > 0 && g->turn > max_turn) break;
        if (g->turn != last_turn || g->active != last_f) {
            last_turn = g->turn; last_f = g->active;
            trace_roster(g, g->active);
        }
        int from = g->n_log;
        Command c;
        if (session_ai_step(s, &c) != CMD_OK) break;
        trace_command(s->game, &c, from < s->game->n_log ? from : s->game->n_log);
    }
}

int headless_play(const HeadlessOpts *o)
{
    if (!o->scenario) { fprintf(stderr, "gyrfalcon: --headless needs --scenario ID\n"); return 2; }
    char spec[300], err[1024];
    snprintf(spec, sizeof spec, "all%s%s", o->ai && *o->ai ? "," : "", o->ai && strcmp(o->ai, "all") ? o->ai : "");
    ScenarioInfo info;
    if (lscript_find_scenario(o->scenario, &info) == 0 && info.is_campaign) return play_campaign(o, &info, spec);
    Session *s = session_new(o->scenario, o->seed, spec, o->difficulty, err, sizeof err);
    if (!s) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
    if (o->trace) run_traced(s, o->turns);
    else session_run_ai(s, o->turns);
    int rc = 0;
    if (o->record && session_save(s, o->record, err, sizeof err)) {
        fprintf(stderr, "gyrfalcon: %s\n", err);
        rc = 1;
    }
    const char *se = lscript_last_error(s->script);
    if (se && *se) fprintf(stderr, "gyrfalcon: warning: script error during play: %s\n", se);
    headless_summary(s, o->json, stdout);
    session_free(s);
    return rc;
}

int headless_replay(const char *path, int verify, int json)
{
    char err[1024];
    Session *s = session_load(path, err, sizeof err);
    if (!s) { fprintf(stderr, "gyrfalcon: %s\n", err); return 1; }
    if (verify && !json) {
        /* the file's hash lines that were checked against the re-simulation */
        int commands = s->rec.n - record_count_hashes(&s->rec);
        printf("%s: verified: %d commands, %d turn hashes match, final state %016" PRIx64 "\n", path,
               commands, s->hashes_checked, game_hash(s->game));
    } else {
        headless_summary(s, json, stdout);
    }
    session_free(s);
    return 0;
}

int headless_list_scenarios(int all)
{
    int cap = 256;
    ScenarioInfo *list = calloc((size_t)cap, sizeof *list);
    if (!list) { fprintf(stderr, "gyrfalcon: out of memory\n"); return 1; }
    int n = lscript_list_scenarios(list, cap);
    for (int i = 0; i < n; i++)
        if (all || !lscript_is_test_scenario(&list[i]))
            printf("%s\t%s\t%s\t%s\n", list[i].id, list[i].title, list[i].years, list[i].sides);
    free(list);
    return 0;
}

int headless_check(const char *path)
{
    size_t cap = 1 << 16;
    char *report = calloc(1, cap);
    if (!report) { fprintf(stderr, "gyrfalcon: out of memory\n"); return 1; }
    int n = lscript_check(path, report, cap);
    if (n > 0) {
        fputs(report, stderr);
        if (report[0] && report[strlen(report) - 1] != '\n') fputc('\n', stderr);
    } else {
        printf("%s: ok\n", path);
    }
    free(report);
    return n > 0 ? 1 : 0;
}

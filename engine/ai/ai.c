/* ai.c - the computer players' front door: kinds and their ids, life cycle, and the dispatch
 * of ai_next_command to the player of each kind, with the guarantee that what comes back is
 * a command game_check accepts (falling back to ending the turn). */
#include <stdlib.h>
#include <string.h>
#include "ai_internal.h"

static const char *KIND_IDS[AI_KIND_COUNT] = { "baseline", "default", "random" };

/* The id of a kind ("default"); "?" for an unknown kind. */
const char *ai_kind_id(AiKind k)
{
    return (k >= 0 && k < AI_KIND_COUNT) ? KIND_IDS[k] : "?";
}

/* The kind named by id, or -1. Does not accept NULL as a name of anything. */
int ai_kind_from_id(const char *id)
{
    if (!id) return -1;
    for (int k = 0; k < AI_KIND_COUNT; k++)
        if (strcmp(id, KIND_IDS[k]) == 0) return k;
    return -1;
}

/* A new player; NULL when out of memory or given a bad kind or faction. */
Ai *ai_new(AiKind kind, const Game *g, const LScript *script, int faction, int difficulty)
{
    if (!g || !g->map || kind < 0 || kind >= AI_KIND_COUNT) return NULL;
    if (faction < 0 || faction >= GAME_MAX_FACTIONS) return NULL;
    Ai *ai = calloc(1, sizeof *ai);
    if (!ai) return NULL;
    ai->kind = kind;
    ai->faction = faction;
    ai->difficulty = difficulty < 0 ? 0 : difficulty > 3 ? 3 : difficulty;
    ai->script = script;
    ai->map = g->map;
    ai->ncell = map_count(g->map);
    ai->turn_key = -1;
    if (ai_eval_init(ai) != 0) { ai_free(ai); return NULL; }
    return ai;
}

/* Frees the player and its buffers; NULL is fine. */
void ai_free(Ai *ai)
{
    if (!ai) return;
    ai_eval_free(ai);
    free(ai);
}

/* The command that ends the AI's turn. */
Command ai_end_turn(const Ai *ai)
{
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_END_TURN;
    c.faction = ai->faction;
    return c;
}

/* Answers the pending choice: the script's own suggestion. Options cannot be evaluated by
 * look-ahead because their effects live in the scenario's Lua handlers, which a cloned game
 * does not run; so the scenario's ai_default is taken (checked, else the first valid one). */
Command ai_choose(Ai *ai, const Game *g)
{
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_CHOOSE;
    c.faction = ai->faction;
    c.choice = g->choice.ai_default;
    if (game_check(g, &c) == CMD_OK) return c;
    for (int i = 0; i < g->choice.n_options; i++) {
        c.choice = i;
        if (game_check(g, &c) == CMD_OK) return c;
    }
    c.choice = 0;
    return c;
}

/* The next command for the AI's faction: the kind's choice if game_check accepts it, else
 * another try (the kind marks what failed), else the end of the turn. */
Command ai_next_command(Ai *ai, const Game *g)
{
    if (!ai || !g) { Command c; memset(&c, 0, sizeof c); c.type = CMD_END_TURN; return c; }
    if (g->choice.active && g->choice.faction == ai->faction) return ai_choose(ai, g);
    if (g->over || g->active != ai->faction || g->choice.active) return ai_end_turn(ai);
    ai_new_turn(ai, g);
    /* safety stop: no turn needs more commands than this */
    if (ai->cmds > 4 * GAME_MAX_UNITS + 64) return ai_end_turn(ai);
    for (int tries = 0; tries < 16; tries++) {
        Command c;
        switch (ai->kind) {
        case AI_RANDOM: c = ai_random_next(ai, g); break;
        case AI_BASELINE: c = ai_baseline_next(ai, g); break;
        default: c = ai_default_next(ai, g); break;
        }
        if (c.type == CMD_END_TURN) break;
        if (game_check(g, &c) == CMD_OK) { ai->cmds++; return c; }
        /* refused: never offer that unit again this turn, and think again */
        if (c.type == CMD_MOVE && c.unit >= 0 && c.unit < GAME_MAX_UNITS) ai->done[c.unit] = 1;
        if (c.type == CMD_ATTACK) {
            ai->q_n = ai->q_pos = 0;
            Command e = c;
            int u[AI_STACK_CAP];
            int n = game_units_at(g, e.to, u, AI_STACK_CAP);
            for (int i = 0; i < n; i++) ai->rejected[u[i]] = 1;
        }
    }
    ai->cmds++;
    return ai_end_turn(ai);
}

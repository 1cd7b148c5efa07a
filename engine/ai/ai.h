/* ai.h - computer players. They read the game through const accessors and answer with
 * commands; the caller applies them with game_apply. Deterministic: the same state gives the
 * same commands (no clock; a thinking budget counted in work). */
#ifndef GYR_AI_H
#define GYR_AI_H
#include "game.h"
#include "lscript.h"

typedef enum { AI_BASELINE, AI_DEFAULT, AI_RANDOM, AI_KIND_COUNT } AiKind;

const char *ai_kind_id(AiKind k);      /* "baseline", "default", "random" */
int ai_kind_from_id(const char *id);   /* -1 unknown */

typedef struct Ai Ai;
/* A player for faction; script may be NULL (no scenario goals). difficulty 0..3 (1 normal).
 * Caller frees with ai_free. */
Ai *ai_new(AiKind kind, const Game *g, const LScript *script, int faction, int difficulty);
void ai_free(Ai *ai);
/* The next command for the faction to move (g->active == faction, or a choice pending for it).
 * Ends with CMD_END_TURN (or CMD_CHOOSE for a pending choice). Always returns a command that
 * game_check accepts. */
Command ai_next_command(Ai *ai, const Game *g);

#endif

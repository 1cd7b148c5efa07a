/* session.h - one game being played: the scenario's script host, the game, a computer player
 * for every computer side, and the record of commands (which is the save). The window, the
 * headless runner, the replay checker and the tournament all drive games through this. */
#ifndef GYR_SESSION_H
#define GYR_SESSION_H
#include <stdint.h>
#include <stddef.h>
#include "game.h"
#include "lscript.h"
#include "record.h"
#include "ai.h"

typedef struct Session {
    ScenarioInfo info;
    LScript *script;            /* owns the Game */
    Game *game;
    Record rec;
    uint64_t seed;
    Ai *ai[GAME_MAX_FACTIONS];  /* NULL for human sides and for factions created later (made on demand) */
    int ai_kind[GAME_MAX_FACTIONS]; /* AiKind, or -1 for human */
    int difficulty;             /* 0-3, kept in the record's header */
    int last_turn_hashed;
    int hashes_checked;         /* session_load: the file's hash lines that were checked */
    /* undo: the record's length before the last move that can be taken back, -1 when none
     * (undo re-simulates the record up to there) */
    int undo_rec_n;
} Session;

/* Start a scenario (id, or a path to a .lua file; a campaign is refused with a reason). The
 * record's scenario-file line says how to find it again (built-in, mod, or the absolute path). ai_spec: NULL or "" = every side human;
 * "all" = every side computer (default kind); "jin=default,liao=baseline"; "jin" = just that
 * side computer (default kind). Factions not named (and rebels created later) are computer.
 * Returns NULL with a one-line reason in err. Caller frees with session_free. */
Session *session_new(const char *scenario, uint64_t seed, const char *ai_spec, int difficulty,
                     char *err, size_t errlen);
void session_free(Session *s);
/* Same, for one step of a campaign: carry (may be NULL) is applied before the game starts and
 * written into the record's header, so that the replay reproduces it. */
Session *session_new_carry(const char *scenario, uint64_t seed, const char *ai_spec, int difficulty,
                           const char *campaign, int step, const Carry *carry, char *err, size_t errlen);

/* Apply a command through game_apply, record it, and record the hash whenever a new turn
 * begins. */
CmdResult session_apply(Session *s, const Command *c);
/* Whether the side to act now (the active faction, or the one asked a pending choice) is a
 * computer. */
int session_ai_to_act(const Session *s);
/* Let the computer make one command for the side to act; returns the result (CMD_OK) or
 * CMD_ERR_BAD_COMMAND when no computer is to act. */
CmdResult session_ai_step(Session *s, Command *done_out);
/* Play computer sides until a human must act or the game is over or turn > max_turn (0 = no
 * limit). Returns the number of commands applied. */
int session_run_ai(Session *s, int max_turn);

/* Undo the last move if it revealed nothing new (no new enemy seen, no RNG drawn). 0 on success. */
int session_can_undo(const Session *s);
int session_undo(Session *s);

/* Save the record (atomic); load a save/replay and re-simulate it, always verifying every hash
 * (a game is a replay: loading one is checking it). Every turn that began needs its hash line.
 * Loading stops at the first mismatch with "FILE:LINE: turn N: state hash differs" in err.
 * The scenario is found as the record's scenario-file line says: by id; a mod in the mods
 * folder (then in the record's folder); a path as stored (then the mods folder, then the
 * record's folder). The difficulty comes from the header. */
int session_save(const Session *s, const char *path, char *err, size_t errlen);
Session *session_load(const char *path, char *err, size_t errlen);
/* Re-simulate a loaded record up to the start of turn (for stepping back and forth in a
 * replay). Returns a new session or NULL. */
Session *session_replay_to(const Record *rec, int turn, char *err, size_t errlen);
/* F5: load the scenario's file again (s->info.path) and re-play s's record on it, keeping the
 * difficulty and who plays which side. A new session, or NULL with err; s is untouched. */
Session *session_reload(const Session *s, char *err, size_t errlen);

#endif

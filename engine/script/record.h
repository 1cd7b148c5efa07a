/* record.h - saves and replays, one file format: versioned line-based UTF-8 text.
 *
 *   gyrfalcon-record 2
 *   engine 0.1.0
 *   scenario ningjiang1114 3f2a...(16 hex: content hash)
 *   scenario-file builtin              (how to find it: builtin | mod REL-PATH | path ABS-PATH)
 *   seed 42
 *   difficulty 1                       (0-3: how the computer sides play on after a load)
 *   side jin human
 *   side liao ai default
 *   campaign jin_campaign 2            (optional: campaign id and step)
 *   carry-unit aguda_guard 0 3 250 2   (optional: tag, ordinal, steps, experience, lost)
 *   carry-leader xiao_sixian killed    (optional: leader id, killed|captured)
 *   begin
 *   move 1 12 -3 4          (faction unit q r)
 *   attack 1 -2 5 3 7       (faction q r attacker...)
 *   end 1                   (faction)
 *   choose 2 1              (faction option)
 *   hash 2 0123456789abcdef (after the turn 2 started: turn number, state hash)
 *   ...
 *
 * Every header line but side, carry-unit and carry-leader appears once; side lines once per
 * faction. Every number is range-checked. A hash line follows every command that began a turn
 * (and the first one comes right after "begin"): the replay refuses a record that lacks one.
 * Format 1 (no scenario-file, no difficulty: found by id, difficulty 1) is still read, and a
 * format-1 record is written back as format 1.
 *
 * Written through safefile.h (exclusive temporary, fsync, rename), so a crash mid-save keeps
 * the old file. Parsing never trusts the file: a truncated, corrupt or tampered one gives
 * "FILE:LINE: message". */
#ifndef GYR_RECORD_H
#define GYR_RECORD_H
#include <stdint.h>
#include <stddef.h>
#include "game.h"

#define RECORD_FORMAT 2         /* written; 1 and 2 are read */
#define RECORD_PATH_LEN 512     /* a scenario-file path, as LSCRIPT_PATH_LEN */
#define RECORD_MAX_TURN 1000    /* a scenario has at most 999 turns; the game ends at turn 1000 */

/* Where the scenario came from (the scenario-file line). */
typedef enum {
    RECORD_SRC_ID = 0,          /* format 1: only the id (a built-in scenario or a mod with that id) */
    RECORD_SRC_BUILTIN,         /* scripts/scenarios/ of the data folder, by id */
    RECORD_SRC_MOD,             /* source_path: relative to the mods folder */
    RECORD_SRC_PATH             /* source_path: the absolute path of a file named on the command line */
} RecordSource;

typedef struct RecordSide { char faction[GAME_ID_LEN]; int human; char ai[16]; } RecordSide;

/* What a campaign carries into its next scenario: for tagged units (the k-th unit with a tag,
 * in unit order) the steps they had at the end of the last scenario that held them (0:
 * destroyed, or gone over to another side), their experience, and the steps they have lost
 * over the campaign so far (lost, cumulative; the next scenario's unit starts with its own
 * steps minus lost, at least 1: see campaign.h); and leaders who are gone. A carry-unit line
 * without LOST (an older record) reads as lost = -1: STEPS is then the strength to start with,
 * the old rule, so that old records replay as they were played. */
#define CARRY_MAX 96
typedef struct CarryUnit { char tag[GAME_ID_LEN]; int ordinal, steps, exp, lost; } CarryUnit;
typedef struct CarryLeader { char id[GAME_ID_LEN]; int state; /* LeaderState */ } CarryLeader;
typedef struct Carry {
    int n_units;
    CarryUnit units[CARRY_MAX];
    int n_leaders;
    CarryLeader leaders[CARRY_MAX];
} Carry;

typedef struct RecordItem {
    int is_hash;                /* 1: a hash line, else a command */
    Command cmd;
    int turn; uint64_t hash;    /* for hash lines */
    int line;                   /* line number in the file it came from (0 when made in memory) */
} RecordItem;

typedef struct Record {
    char engine[24];
    char scenario[GAME_ID_LEN];
    uint64_t content_hash;
    uint64_t seed;
    int format;                 /* the version read (RECORD_FORMAT for a record made in memory) */
    int difficulty;             /* 0-3 */
    int source;                 /* RecordSource */
    char source_path[RECORD_PATH_LEN];
    int scenario_line, source_line;     /* where the scenario and scenario-file lines were (0: made in memory) */
    int n_sides;
    RecordSide sides[GAME_MAX_FACTIONS];
    char campaign[GAME_ID_LEN]; /* campaign id when the game is one step of a campaign */
    int campaign_step;
    Carry carry;                /* applied to the scenario before it starts */
    int n, cap;
    RecordItem *items;          /* owned */
    char name[256];             /* file name for messages */
} Record;

void record_init(Record *r);
void record_free(Record *r);    /* frees items, keeps nothing */
int record_add_command(Record *r, const Command *c);   /* 0 on success */
int record_add_hash(Record *r, int turn, uint64_t hash);
/* Drop everything after item count n (undo). */
void record_truncate(Record *r, int n);

/* Text form; returns malloc'd NUL-terminated text (caller frees). */
char *record_to_text(const Record *r, size_t *len_out);
/* Parse; 0 on success, else -1 with "NAME:LINE: message" in err. The game state is not
 * consulted: command indices are checked when the replay applies them. */
int record_parse(Record *r, const char *buf, size_t len, const char *name, char *err, size_t errlen);

/* Files: write atomically (safefile.h: the old file is kept on any failure); read whole.
 * 0 on success, else -1 with err. */
int record_save(const Record *r, const char *path, char *err, size_t errlen);
int record_load(Record *r, const char *path, char *err, size_t errlen);

/* One command as a line without newline ("move 1 12 -3 4"), and back. */
int record_format_command(const Command *c, char *buf, size_t cap);
int record_parse_command(const char *line, Command *c); /* 0 on success */
/* The number of hash lines (what a verified replay checks). */
int record_count_hashes(const Record *r);

#endif

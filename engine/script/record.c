/* record.c - saves and replays: the header, one command per line, and a state hash after
 * every turn (format in record.h). Parsing checks every field and reports "FILE:LINE". */
#include "record.h"
#include "safefile.h"
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void record_init(Record *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->engine, sizeof r->engine, "%s", GYR_VERSION);
    r->format = RECORD_FORMAT;
    r->difficulty = 1;
    r->source = RECORD_SRC_BUILTIN;
}

void record_free(Record *r)
{
    free(r->items);
    r->items = NULL;
    r->n = r->cap = 0;
}

/* Room for one more item; 0 on success. */
static int grow(Record *r)
{
    if (r->n < r->cap) return 0;
    int cap = r->cap ? r->cap * 2 : 256;
    RecordItem *it = realloc(r->items, (size_t)cap * sizeof *it);
    if (!it) return -1;
    r->items = it;
    r->cap = cap;
    return 0;
}

int record_add_command(Record *r, const Command *c)
{
    if (grow(r)) return -1;
    RecordItem *it = &r->items[r->n++];
    memset(it, 0, sizeof *it);
    it->cmd = *c;
    return 0;
}

int record_add_hash(Record *r, int turn, uint64_t hash)
{
    if (grow(r)) return -1;
    RecordItem *it = &r->items[r->n++];
    memset(it, 0, sizeof *it);
    it->is_hash = 1;
    it->turn = turn;
    it->hash = hash;
    return 0;
}

void record_truncate(Record *r, int n)
{
    if (n >= 0 && n < r->n) r->n = n;
}

int record_format_command(const Command *c, char *buf, size_t cap)
{
    int k = 0;
    switch (c->type) {
    case CMD_MOVE:
        k = snprintf(buf, cap, "move %d %d %d %d", c->faction, c->unit, c->to.q, c->to.r);
        break;
    case CMD_ATTACK: {
        k = snprintf(buf, cap, "attack %d %d %d", c->faction, c->to.q, c->to.r);
        for (int i = 0; i < c->n_attackers && i < GAME_MAX_ATTACKERS && k > 0 && (size_t)k < cap; i++)
            k += snprintf(buf + k, cap - (size_t)k, " %d", c->attackers[i]);
        break;
    }
    case CMD_END_TURN:
        k = snprintf(buf, cap, "end %d", c->faction);
        break;
    case CMD_CHOOSE:
        k = snprintf(buf, cap, "choose %d %d", c->faction, c->choice);
        break;
    default:
        k = snprintf(buf, cap, "?");
        return -1;
    }
    return (k < 0 || (size_t)k >= cap) ? -1 : 0;
}

/* A strict decimal integer: optional '-', digits, nothing else; within lo..hi. 0 on success. */
static int parse_num(const char *s, long lo, long hi, long *out)
{
    const char *p = s;
    if (*p == '-') p++;
    if (*p < '0' || *p > '9') return -1;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9') return -1;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

/* A strict unsigned 64-bit decimal: digits only, no sign, no wrap. 0 on success. */
static int parse_u64(const char *s, uint64_t *out)
{
    if (*s < '0' || *s > '9') return -1;
    for (const char *q = s; *q; q++)
        if (*q < '0' || *q > '9') return -1;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end) return -1;
    *out = (uint64_t)v;
    return 0;
}

/* Split s (modified) at spaces and tabs into at most max words; returns the count, or max + 1
 * when there are more. */
static int split_words(char *s, char **w, int max)
{
    int n = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t') *s++ = 0;
        if (!*s) return n;
        if (n == max) return max + 1;
        w[n++] = s;
        while (*s && *s != ' ' && *s != '\t') s++;
    }
}

#define COORD_MAX 100000L       /* hex coordinates: far beyond any map, far inside an int */

/* One command line into c; NULL on success, else what is wrong. */
static const char *parse_command(const char *line, Command *c)
{
    memset(c, 0, sizeof *c);
    char buf[512], *w[4 + GAME_MAX_ATTACKERS];
    if (strlen(line) >= sizeof buf) return "line too long";
    snprintf(buf, sizeof buf, "%s", line);
    int n = split_words(buf, w, 3 + GAME_MAX_ATTACKERS + 1);
    if (n < 1) return "empty command";
    long v[3 + GAME_MAX_ATTACKERS];
    long fmax = GAME_MAX_FACTIONS - 1, umax = GAME_MAX_UNITS - 1;
    if (!strcmp(w[0], "move")) {
        if (n != 5) return "expected \"move FACTION UNIT Q R\"";
        if (parse_num(w[1], 0, fmax, &v[0])) return "faction out of range (0-15)";
        if (parse_num(w[2], 0, umax, &v[1])) return "unit out of range (0-599)";
        if (parse_num(w[3], -COORD_MAX, COORD_MAX, &v[2]) || parse_num(w[4], -COORD_MAX, COORD_MAX, &v[3]))
            return "hex coordinate out of range (-100000 to 100000)";
        c->type = CMD_MOVE; c->faction = (int)v[0]; c->unit = (int)v[1];
        c->to.q = (int)v[2]; c->to.r = (int)v[3];
    } else if (!strcmp(w[0], "attack")) {
        if (n < 5 || n > 4 + GAME_MAX_ATTACKERS) return "expected \"attack FACTION Q R ATTACKER...\" (1 to 6 attackers)";
        if (parse_num(w[1], 0, fmax, &v[0])) return "faction out of range (0-15)";
        if (parse_num(w[2], -COORD_MAX, COORD_MAX, &v[1]) || parse_num(w[3], -COORD_MAX, COORD_MAX, &v[2]))
            return "hex coordinate out of range (-100000 to 100000)";
        c->type = CMD_ATTACK; c->faction = (int)v[0];
        c->to.q = (int)v[1]; c->to.r = (int)v[2];
        c->n_attackers = n - 4;
        for (int i = 0; i < c->n_attackers; i++) {
            long u;
            if (parse_num(w[4 + i], 0, umax, &u)) return "attacking unit out of range (0-599)";
            c->attackers[i] = (int)u;
        }
    } else if (!strcmp(w[0], "end")) {
        if (n != 2) return "expected \"end FACTION\"";
        if (parse_num(w[1], 0, fmax, &v[0])) return "faction out of range (0-15)";
        c->type = CMD_END_TURN; c->faction = (int)v[0];
    } else if (!strcmp(w[0], "choose")) {
        if (n != 3) return "expected \"choose FACTION OPTION\"";
        if (parse_num(w[1], 0, fmax, &v[0])) return "faction out of range (0-15)";
        if (parse_num(w[2], 0, GAME_MAX_CHOICE_OPTIONS - 1, &v[1])) return "option out of range (0-3)";
        c->type = CMD_CHOOSE; c->faction = (int)v[0]; c->choice = (int)v[1];
    } else {
        return "unknown command";
    }
    return NULL;
}

int record_parse_command(const char *line, Command *c)
{
    return parse_command(line, c) ? -1 : 0;
}

int record_count_hashes(const Record *r)
{
    int n = 0;
    for (int i = 0; i < r->n; i++) n += r->items[i].is_hash;
    return n;
}

/* A growing text buffer. */
typedef struct Buf { char *p; size_t n, cap; int oom; } Buf;

static void buf_put(Buf *b, const char *s)
{
    size_t k = strlen(s);
    if (b->oom) return;
    if (b->n + k + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->n + k + 1 > cap) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) { b->oom = 1; return; }
        b->p = p; b->cap = cap;
    }
    memcpy(b->p + b->n, s, k + 1);
    b->n += k;
}

char *record_to_text(const Record *r, size_t *len_out)
{
    Buf b = {0};
    char line[256];
    int v1 = r->format == 1;   /* read from a format-1 file: written back as it came */
    snprintf(line, sizeof line, "gyrfalcon-record %d\n", v1 ? 1 : RECORD_FORMAT); buf_put(&b, line);
    snprintf(line, sizeof line, "engine %s\n", r->engine[0] ? r->engine : GYR_VERSION); buf_put(&b, line);
    snprintf(line, sizeof line, "scenario %s %016" PRIx64 "\n", r->scenario, r->content_hash); buf_put(&b, line);
    if (!v1) {
        if (r->source == RECORD_SRC_MOD || r->source == RECORD_SRC_PATH) {
            buf_put(&b, r->source == RECORD_SRC_MOD ? "scenario-file mod " : "scenario-file path ");
            buf_put(&b, r->source_path);
            buf_put(&b, "\n");
        } else {
            buf_put(&b, "scenario-file builtin\n");
        }
    }
    snprintf(line, sizeof line, "seed %" PRIu64 "\n", r->seed); buf_put(&b, line);
    if (!v1) { snprintf(line, sizeof line, "difficulty %d\n", r->difficulty); buf_put(&b, line); }
    for (int i = 0; i < r->n_sides; i++) {
        const RecordSide *s = &r->sides[i];
        if (s->human) snprintf(line, sizeof line, "side %s human\n", s->faction);
        else snprintf(line, sizeof line, "side %s ai %s\n", s->faction, s->ai[0] ? s->ai : "default");
        buf_put(&b, line);
    }
    if (r->campaign[0]) {
        snprintf(line, sizeof line, "campaign %s %d\n", r->campaign, r->campaign_step); buf_put(&b, line);
    }
    for (int i = 0; i < r->carry.n_units; i++) {
        const CarryUnit *c = &r->carry.units[i];
        if (c->lost >= 0)
            snprintf(line, sizeof line, "carry-unit %s %d %d %d %d\n", c->tag, c->ordinal, c->steps, c->exp, c->lost);
        else    /* read from an older record: written back as it came */
            snprintf(line, sizeof line, "carry-unit %s %d %d %d\n", c->tag, c->ordinal, c->steps, c->exp);
        buf_put(&b, line);
    }
    for (int i = 0; i < r->carry.n_leaders; i++) {
        const CarryLeader *c = &r->carry.leaders[i];
        snprintf(line, sizeof line, "carry-leader %s %s\n", c->id, c->state == LEADER_CAPTURED ? "captured" : "killed");
        buf_put(&b, line);
    }
    buf_put(&b, "begin\n");
    for (int i = 0; i < r->n; i++) {
        const RecordItem *it = &r->items[i];
        if (it->is_hash) snprintf(line, sizeof line, "hash %d %016" PRIx64 "\n", it->turn, it->hash);
        else {
            if (record_format_command(&it->cmd, line, sizeof line - 1)) continue;
            strcat(line, "\n");
        }
        buf_put(&b, line);
    }
    if (b.oom) { free(b.p); return NULL; }
    if (len_out) *len_out = b.n;
    return b.p;
}

/* Copy src into dst of cap bytes, cutting it if needed. */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* Is s a plain identifier (ascii letters, digits, _ -)? */
static int is_ident(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n >= max) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

static int parse_hex64(const char *s, uint64_t *out)
{
    if (strlen(s) != 16) return -1;
    uint64_t v = 0;
    for (int i = 0; i < 16; i++) {
        char ch = s[i];
        int d = (ch >= '0' && ch <= '9') ? ch - '0' : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10 : -1;
        if (d < 0) return -1;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return 0;
}

#define FAIL(...) do { snprintf(err, errlen, "%s:%d: %s", name, lineno, \
        incomplete ? "truncated: the last line is incomplete: " : ""); \
    size_t k_ = strlen(err); snprintf(err + k_, errlen > k_ ? errlen - k_ : 0, __VA_ARGS__); \
    record_free(r); return -1; } while (0)

/* Header keys that may appear once. */
static const char *const ONCE_KEYS[] = { "engine", "scenario", "scenario-file", "seed", "difficulty", "campaign" };
#define N_ONCE (int)(sizeof ONCE_KEYS / sizeof ONCE_KEYS[0])

/* Is path fit for the scenario-file line: printable, no control characters, not empty? */
static int is_clean_path(const char *p, size_t max)
{
    size_t n = strlen(p);
    if (n == 0 || n >= max) return 0;
    for (; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return 0;
    return 1;
}

int record_parse(Record *r, const char *buf, size_t len, const char *name, char *err, size_t errlen)
{
    record_init(r);
    snprintf(r->name, sizeof r->name, "%s", name);
    int lineno = 0, stage = 0; /* 0 magic, 1 header, 2 body */
    int ended_with_newline = 1, incomplete = 0;
    int once_line[N_ONCE] = { 0 };  /* the line each once-only key was seen on */
    int side_line[GAME_MAX_FACTIONS] = { 0 };
    size_t pos = 0;
    char line[1024];
    if (len == 0) { lineno = 1; FAIL("empty file: not a Gyrfalcon save or replay"); }
    while (pos < len) {
        size_t e = pos;
        while (e < len && buf[e] != '\n') e++;
        lineno++;
        size_t k = e - pos;
        ended_with_newline = e < len;
        incomplete = !ended_with_newline;
        if (k >= sizeof line) FAIL("line too long");
        memcpy(line, buf + pos, k);
        line[k] = 0;
        if (k && line[k - 1] == '\r') line[--k] = 0;
        pos = e + 1;
        for (size_t i = 0; i < k; i++)
            if (line[i] == 0 || (unsigned char)line[i] < 0x09) FAIL("binary data in the file");
        if (k == 0 || line[0] == '#') continue;
        char words[1024], *w[8];
        memcpy(words, line, k + 1);
        int n = split_words(words, w, 7);
        if (n == 0) continue;               /* only spaces */
        if (stage == 0) {
            long ver;
            if (strcmp(w[0], "gyrfalcon-record") || n != 2)
                FAIL("not a Gyrfalcon save or replay (expected \"gyrfalcon-record %d\")", RECORD_FORMAT);
            if (parse_num(w[1], 0, 1000000, &ver))
                FAIL("format version \"%.30s\" is not supported (this engine reads 1 and %d)", w[1], RECORD_FORMAT);
            if (ver != 1 && ver != RECORD_FORMAT)
                FAIL("format version %ld is not supported (this engine reads 1 and %d)", ver, RECORD_FORMAT);
            r->format = (int)ver;
            if (r->format == 1) { r->source = RECORD_SRC_ID; r->difficulty = 1; }
            stage = 1;
            continue;
        }
        if (stage == 2) {
            if (!strcmp(w[0], "hash")) {
                long turn;
                uint64_t h;
                if (n != 3) FAIL("bad hash line (expected \"hash TURN 16-HEX-DIGITS\")");
                if (parse_num(w[1], 1, RECORD_MAX_TURN, &turn))
                    FAIL("bad hash line: turn \"%.30s\" out of range (1-%d)", w[1], RECORD_MAX_TURN);
                if (parse_hex64(w[2], &h)) FAIL("bad hash \"%.30s\" (16 lowercase hex digits)", w[2]);
                if (record_add_hash(r, (int)turn, h)) FAIL("out of memory");
            } else {
                Command c;
                const char *why = parse_command(line, &c);
                if (why && !strcmp(why, "unknown command")) FAIL("unknown command \"%.60s\"", line);
                if (why) FAIL("command \"%.60s\" refused: %s", line, why);
                if (record_add_command(r, &c)) FAIL("out of memory");
            }
            r->items[r->n - 1].line = lineno;
            continue;
        }
        /* the header */
        for (int i = 0; i < N_ONCE; i++) {
            if (strcmp(w[0], ONCE_KEYS[i])) continue;
            if (once_line[i]) FAIL("duplicate \"%s\" line (the first is line %d)", ONCE_KEYS[i], once_line[i]);
            once_line[i] = lineno;
        }
        const char *key = w[0];
        if (!strcmp(key, "engine")) {
            if (n != 2 || !is_ident(w[1], sizeof r->engine)) FAIL("bad engine line (expected \"engine VERSION\")");
            copy_str(r->engine, sizeof r->engine, w[1]);
        } else if (!strcmp(key, "scenario")) {
            if (n != 3) FAIL("bad scenario line (expected \"scenario ID 16-HEX-DIGITS\")");
            if (!is_ident(w[1], sizeof r->scenario)) FAIL("bad scenario id \"%.60s\"", w[1]);
            if (parse_hex64(w[2], &r->content_hash)) FAIL("bad scenario content hash \"%.30s\" (16 hex digits)", w[2]);
            copy_str(r->scenario, sizeof r->scenario, w[1]);
            r->scenario_line = lineno;
        } else if (!strcmp(key, "scenario-file")) {
            if (r->format < 2) FAIL("\"scenario-file\" is not part of format 1");
            const char *rest = strstr(line, w[1]);     /* the path may hold spaces */
            if (n == 2 && !strcmp(w[1], "builtin")) {
                r->source = RECORD_SRC_BUILTIN;
                r->source_line = lineno;
            } else if (n >= 3 && (!strcmp(w[1], "mod") || !strcmp(w[1], "path"))) {
                int mod = !strcmp(w[1], "mod");
                rest += strlen(w[1]);
                while (*rest == ' ' || *rest == '\t') rest++;
                if (!is_clean_path(rest, sizeof r->source_path))
                    FAIL("bad scenario-file path (empty, too long or with control characters)");
                if (mod && (rest[0] == '/' || strstr(rest, "..")))
                    FAIL("bad scenario-file mod path \"%.80s\" (must be inside the mods folder)", rest);
                if (!mod && rest[0] != '/') FAIL("bad scenario-file path \"%.80s\" (must be absolute)", rest);
                r->source = mod ? RECORD_SRC_MOD : RECORD_SRC_PATH;
                r->source_line = lineno;
                copy_str(r->source_path, sizeof r->source_path, rest);
            } else {
                FAIL("bad scenario-file line (expected \"scenario-file builtin\", \"scenario-file mod FILE\" "
                     "or \"scenario-file path FILE\")");
            }
        } else if (!strcmp(key, "seed")) {
            if (n != 2 || parse_u64(w[1], &r->seed))
                FAIL("bad seed \"%.40s\" (a whole number 0-18446744073709551615)", n > 1 ? w[1] : "");
        } else if (!strcmp(key, "difficulty")) {
            long d;
            if (r->format < 2) FAIL("\"difficulty\" is not part of format 1");
            if (n != 2 || parse_num(w[1], 0, 3, &d)) FAIL("bad difficulty \"%.30s\" (0-3)", n > 1 ? w[1] : "");
            r->difficulty = (int)d;
        } else if (!strcmp(key, "side")) {
            if (r->n_sides >= GAME_MAX_FACTIONS) FAIL("too many sides (at most %d)", GAME_MAX_FACTIONS);
            if (n < 2 || !is_ident(w[1], GAME_ID_LEN)) FAIL("bad side \"%.60s\"", n > 1 ? w[1] : "");
            for (int i = 0; i < r->n_sides; i++)
                if (!strcmp(r->sides[i].faction, w[1]))
                    FAIL("duplicate \"side %s\" line (the first is line %d)", w[1], side_line[i]);
            RecordSide *sd = &r->sides[r->n_sides];
            memset(sd, 0, sizeof *sd);
            copy_str(sd->faction, sizeof sd->faction, w[1]);
            if (n == 3 && !strcmp(w[2], "human")) sd->human = 1;
            else if (n == 4 && !strcmp(w[2], "ai") && is_ident(w[3], sizeof sd->ai)) copy_str(sd->ai, sizeof sd->ai, w[3]);
            else FAIL("bad side line (expected \"side FACTION human\" or \"side FACTION ai KIND\")");
            side_line[r->n_sides++] = lineno;
        } else if (!strcmp(key, "campaign")) {
            long step;
            if (n != 3 || !is_ident(w[1], sizeof r->campaign) || parse_num(w[2], 0, 64, &step))
                FAIL("bad campaign line (expected \"campaign ID STEP\", STEP 0-64)");
            copy_str(r->campaign, sizeof r->campaign, w[1]);
            r->campaign_step = (int)step;
        } else if (!strcmp(key, "carry-unit")) {
            long v[4] = { 0, 0, 0, -1 };
            int ok = (n == 5 || n == 6) && is_ident(w[1], GAME_ID_LEN) &&
                     !parse_num(w[2], 0, GAME_MAX_UNITS, &v[0]) && !parse_num(w[3], 0, 1000, &v[1]) &&
                     !parse_num(w[4], 0, 1000000, &v[2]) && (n == 5 || !parse_num(w[5], 0, 1000, &v[3]));
            if (!ok) FAIL("bad carry-unit line (expected \"carry-unit TAG ORDINAL STEPS EXP [LOST]\")");
            for (int i = 0; i < r->carry.n_units; i++)
                if (!strcmp(r->carry.units[i].tag, w[1]) && r->carry.units[i].ordinal == (int)v[0])
                    FAIL("duplicate \"carry-unit %s %ld\" line", w[1], v[0]);
            if (r->carry.n_units >= CARRY_MAX) FAIL("too many carry-unit lines (at most %d)", CARRY_MAX);
            CarryUnit *c = &r->carry.units[r->carry.n_units++];
            copy_str(c->tag, sizeof c->tag, w[1]);
            c->ordinal = (int)v[0]; c->steps = (int)v[1]; c->exp = (int)v[2]; c->lost = (int)v[3];
        } else if (!strcmp(key, "carry-leader")) {
            if (n != 3 || !is_ident(w[1], GAME_ID_LEN) || (strcmp(w[2], "killed") && strcmp(w[2], "captured")))
                FAIL("bad carry-leader line (expected \"carry-leader ID killed|captured\")");
            for (int i = 0; i < r->carry.n_leaders; i++)
                if (!strcmp(r->carry.leaders[i].id, w[1])) FAIL("duplicate \"carry-leader %s\" line", w[1]);
            if (r->carry.n_leaders >= CARRY_MAX) FAIL("too many carry-leader lines (at most %d)", CARRY_MAX);
            CarryLeader *c = &r->carry.leaders[r->carry.n_leaders++];
            copy_str(c->id, sizeof c->id, w[1]);
            c->state = strcmp(w[2], "killed") ? LEADER_CAPTURED : LEADER_KILLED;
        } else if (!strcmp(key, "begin")) {
            if (n != 1) FAIL("bad begin line (expected \"begin\" alone)");
            if (!once_line[1]) FAIL("missing \"scenario\" line before \"begin\"");
            if (!once_line[3]) FAIL("missing \"seed\" line before \"begin\"");
            if (r->format >= 2 && !once_line[2]) FAIL("missing \"scenario-file\" line before \"begin\"");
            if (r->format >= 2 && !once_line[4]) FAIL("missing \"difficulty\" line before \"begin\"");
            stage = 2;
        } else {
            FAIL("unknown header line \"%.40s\" (known: engine, scenario, scenario-file, seed, difficulty, side, "
                 "campaign, carry-unit, carry-leader, begin)", key);
        }
    }
    if (stage < 2) { lineno++; incomplete = 0; FAIL("truncated: the header ends before \"begin\""); }
    if (!ended_with_newline) { incomplete = 0; FAIL("truncated: the last line is incomplete"); }
    return 0;
}
#undef FAIL

int record_save(const Record *r, const char *path, char *err, size_t errlen)
{
    size_t len;
    char *text = record_to_text(r, &len);
    if (!text) { snprintf(err, errlen, "%s: out of memory", path); return -1; }
    int rc = safefile_write(path, text, len, err, errlen);
    free(text);
    return rc;
}

int record_load(Record *r, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno)); record_init(r); return -1; }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            if (cap >= (size_t)256 << 20) { free(buf); buf = NULL; break; }
            char *p = realloc(buf, cap * 2);
            if (!p) { free(buf); buf = NULL; break; }
            buf = p; cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0) break;
    }
    fclose(f);
    if (!buf) { snprintf(err, errlen, "%s: too large or out of memory", path); record_init(r); return -1; }
    int rc = record_parse(r, buf, n, path, err, errlen);
    free(buf);
    return rc;
}

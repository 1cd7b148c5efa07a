/* record.c - saves and replays: the header, one command per line, and a state hash after
 * every turn (format in record.h). Parsing checks every field and reports "FILE:LINE". */
#include "record.h"
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

/* Parse up to max whitespace-separated integers from s; returns the count or -1 on junk. */
static int parse_ints(const char *s, long *out, int max)
{
    int n = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) return n;
        if (n == max) return -1;
        char *end;
        errno = 0;
        long v = strtol(s, &end, 10);
        if (end == s || errno || v < -1000000 || v > 1000000) return -1;
        if (*end && *end != ' ' && *end != '\t') return -1;
        out[n++] = v;
        s = end;
    }
}

int record_parse_command(const char *line, Command *c)
{
    memset(c, 0, sizeof *c);
    long v[3 + GAME_MAX_ATTACKERS + 1];
    int n;
    if (!strncmp(line, "move ", 5)) {
        if ((n = parse_ints(line + 5, v, 4)) != 4) return -1;
        c->type = CMD_MOVE; c->faction = (int)v[0]; c->unit = (int)v[1];
        c->to.q = (int)v[2]; c->to.r = (int)v[3];
    } else if (!strncmp(line, "attack ", 7)) {
        n = parse_ints(line + 7, v, 3 + GAME_MAX_ATTACKERS);
        if (n < 4) return -1;
        c->type = CMD_ATTACK; c->faction = (int)v[0];
        c->to.q = (int)v[1]; c->to.r = (int)v[2];
        c->n_attackers = n - 3;
        for (int i = 0; i < c->n_attackers; i++) c->attackers[i] = (int)v[3 + i];
    } else if (!strncmp(line, "end ", 4)) {
        if (parse_ints(line + 4, v, 1) != 1) return -1;
        c->type = CMD_END_TURN; c->faction = (int)v[0];
    } else if (!strncmp(line, "choose ", 7)) {
        if (parse_ints(line + 7, v, 2) != 2) return -1;
        c->type = CMD_CHOOSE; c->faction = (int)v[0]; c->choice = (int)v[1];
    } else {
        return -1;
    }
    return 0;
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
    snprintf(line, sizeof line, "gyrfalcon-record %d\n", RECORD_FORMAT); buf_put(&b, line);
    snprintf(line, sizeof line, "engine %s\n", r->engine[0] ? r->engine : GYR_VERSION); buf_put(&b, line);
    snprintf(line, sizeof line, "scenario %s %016" PRIx64 "\n", r->scenario, r->content_hash); buf_put(&b, line);
    snprintf(line, sizeof line, "seed %" PRIu64 "\n", r->seed); buf_put(&b, line);
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

int record_parse(Record *r, const char *buf, size_t len, const char *name, char *err, size_t errlen)
{
    record_init(r);
    snprintf(r->name, sizeof r->name, "%s", name);
    int lineno = 0, stage = 0; /* 0 magic, 1 header, 2 body */
    int have_scenario = 0, have_seed = 0, ended_with_newline = 1, incomplete = 0;
    size_t pos = 0;
    char line[512];
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
        if (stage == 0) {
            int ver;
            char extra;
            if (sscanf(line, "gyrfalcon-record %d %c", &ver, &extra) != 1)
                FAIL("not a Gyrfalcon save or replay (expected \"gyrfalcon-record %d\")", RECORD_FORMAT);
            if (ver != RECORD_FORMAT) FAIL("format version %d is not supported (this engine reads %d)", ver, RECORD_FORMAT);
            stage = 1;
        } else if (stage == 1) {
            char key[32] = "", a[128], b[128], c[128];   /* key stays "" on a blank line */
            int n = sscanf(line, "%31s %127s %127s %127s", key, a, b, c);
            if (!strcmp(key, "engine") && n == 2) {
                copy_str(r->engine, sizeof r->engine, a);
            } else if (!strcmp(key, "scenario") && n == 3) {
                if (!is_ident(a, sizeof r->scenario)) FAIL("bad scenario id \"%s\"", a);
                if (parse_hex64(b, &r->content_hash)) FAIL("bad scenario content hash \"%s\" (16 hex digits)", b);
                copy_str(r->scenario, sizeof r->scenario, a);
                have_scenario = 1;
            } else if (!strcmp(key, "seed") && n == 2) {
                char *end;
                errno = 0;
                unsigned long long v = strtoull(a, &end, 10);
                if (*end || errno || a[0] == '-') FAIL("bad seed \"%s\"", a);
                r->seed = v;
                have_seed = 1;
            } else if (!strcmp(key, "side") && (n == 3 || n == 4)) {
                if (r->n_sides >= GAME_MAX_FACTIONS) FAIL("too many sides");
                if (!is_ident(a, GAME_ID_LEN)) FAIL("bad side \"%s\"", a);
                RecordSide *s = &r->sides[r->n_sides];
                memset(s, 0, sizeof *s);
                copy_str(s->faction, sizeof s->faction, a);
                if (!strcmp(b, "human") && n == 3) s->human = 1;
                else if (!strcmp(b, "ai") && n == 4 && is_ident(c, sizeof s->ai)) copy_str(s->ai, sizeof s->ai, c);
                else FAIL("bad side line (expected \"side FACTION human\" or \"side FACTION ai KIND\")");
                r->n_sides++;
            } else if (!strcmp(key, "campaign") && n == 3) {
                long step;
                if (!is_ident(a, sizeof r->campaign) || parse_ints(b, &step, 1) != 1 || step < 0 || step > 64)
                    FAIL("bad campaign line (expected \"campaign ID STEP\")");
                copy_str(r->campaign, sizeof r->campaign, a);
                r->campaign_step = (int)step;
            } else if (!strcmp(key, "carry-unit")) {
                char tag[128];
                long v[4];
                const char *rest = line + strlen("carry-unit");
                while (*rest == ' ') rest++;
                size_t tl = strcspn(rest, " ");
                if (tl == 0 || tl >= sizeof tag) FAIL("bad carry-unit line");
                memcpy(tag, rest, tl); tag[tl] = 0;
                int nv = is_ident(tag, GAME_ID_LEN) ? parse_ints(rest + tl, v, 4) : -1;
                if (nv == 3) v[3] = -1;         /* an older record: no LOST field */
                if ((nv != 3 && nv != 4) || v[0] < 0 || v[1] < 0 || v[1] > 1000 || v[2] < 0 ||
                    (nv == 4 && (v[3] < 0 || v[3] > 1000)))
                    FAIL("bad carry-unit line (expected \"carry-unit TAG ORDINAL STEPS EXP [LOST]\")");
                if (r->carry.n_units >= CARRY_MAX) FAIL("too many carry-unit lines");
                CarryUnit *c = &r->carry.units[r->carry.n_units++];
                copy_str(c->tag, sizeof c->tag, tag);
                c->ordinal = (int)v[0]; c->steps = (int)v[1]; c->exp = (int)v[2]; c->lost = (int)v[3];
            } else if (!strcmp(key, "carry-leader") && n == 3) {
                if (!is_ident(a, GAME_ID_LEN) || (strcmp(b, "killed") && strcmp(b, "captured")))
                    FAIL("bad carry-leader line (expected \"carry-leader ID killed|captured\")");
                if (r->carry.n_leaders >= CARRY_MAX) FAIL("too many carry-leader lines");
                CarryLeader *c = &r->carry.leaders[r->carry.n_leaders++];
                copy_str(c->id, sizeof c->id, a);
                c->state = strcmp(b, "killed") ? LEADER_CAPTURED : LEADER_KILLED;
            } else if (!strcmp(key, "begin") && n == 1) {
                if (!have_scenario) FAIL("missing \"scenario\" line before \"begin\"");
                if (!have_seed) FAIL("missing \"seed\" line before \"begin\"");
                stage = 2;
            } else {
                FAIL("unknown header line \"%.60s\"", line);
            }
        } else {
            if (!strncmp(line, "hash ", 5)) {
                int turn;
                char hx[64], extra;
                if (sscanf(line + 5, "%d %63s %c", &turn, hx, &extra) != 2 || turn < 1)
                    FAIL("bad hash line (expected \"hash TURN 16-HEX-DIGITS\")");
                uint64_t h;
                if (parse_hex64(hx, &h)) FAIL("bad hash \"%s\" (16 lowercase hex digits)", hx);
                if (record_add_hash(r, turn, h)) FAIL("out of memory");
            } else {
                Command c;
                if (record_parse_command(line, &c)) FAIL("unknown or malformed command \"%.60s\"", line);
                if (record_add_command(r, &c)) FAIL("out of memory");
            }
            r->items[r->n - 1].line = lineno;
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
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) { snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno)); free(text); return -1; }
    int bad = fwrite(text, 1, len, f) != len;
    bad |= fflush(f) != 0;
    bad |= fsync(fileno(f)) != 0;
    bad |= fclose(f) != 0;
    free(text);
    if (bad) { snprintf(err, errlen, "%s: write failed: %s", tmp, strerror(errno)); remove(tmp); return -1; }
    if (rename(tmp, path)) {
        snprintf(err, errlen, "%s: cannot rename into place: %s", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
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

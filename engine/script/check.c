/* check.c - validating a scenario without playing it (gyrfalcon --check): the file is run
 * with the declarative calls reporting problems instead of stopping at the first, then the
 * setup is checked as a whole, then the text of the file is scanned for place, unit type and
 * leader ids written in event handlers (which only run in play). Every problem is one
 * "FILE:LINE: message" line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "lscript_int.h"

typedef enum { ID_PLACE, ID_TYPE, ID_LEADER } IdKind;

/* Patterns that name an id: a key followed by = or (, then a string literal. */
static const struct { const char *key; IdKind kind; } patterns[] = {
    { "place", ID_PLACE }, { "at", ID_PLACE }, { "gyr.owner", ID_PLACE },
    { "gyr.set_place_owner", ID_PLACE }, { "gyr.place_info", ID_PLACE },
    { "type", ID_TYPE },
    { "leader", ID_LEADER }, { "gyr.kill_leader", ID_LEADER }, { "gyr.capture_leader", ID_LEADER },
    { "gyr.leader_state", ID_LEADER }, { "gyr.leader_info", ID_LEADER },
};

/* Words that follow "type =" without being unit types (victory and AI goal types). */
static const char *const not_unit_types[] = {
    "take", "hold", "kill_leader", "save_leader", "score", "flee_to", "protect_leader", "hunt_leader", "muster", NULL
};

static int is_ident(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.'; }

/* Reads the string literal after key at p ("key = \"id\"" or "key(\"id\""); 0 when none. */
static int literal_after(const char *line, const char *p, size_t klen, char *id, size_t cap)
{
    if (p > line && is_ident(p[-1])) return 0;
    const char *q = p + klen;
    if (is_ident(*q)) return 0;
    while (*q == ' ' || *q == '\t') q++;
    if (*q != '=' && *q != '(') return 0;
    if (*q == '=' && q[1] == '=') return 0;
    q++;
    while (*q == ' ' || *q == '\t') q++;
    if (*q != '"') return 0;
    q++;
    size_t n = 0;
    while (q[n] && q[n] != '"' && n + 1 < cap) n++;
    if (q[n] != '"') return 0;
    memcpy(id, q, n);
    id[n] = 0;
    return n > 0;
}

/* Whether the file declares id somewhere as "id = \"...\"" (created during play). */
static int declared_in_text(const char *text, const char *id)
{
    char want[80];
    snprintf(want, sizeof want, "\"%s\"", id);
    for (const char *p = strstr(text, want); p; p = strstr(p + 1, want)) {
        const char *q = p;
        while (q > text && (q[-1] == ' ' || q[-1] == '\t')) q--;
        if (q > text && q[-1] == '=') {
            q--;
            while (q > text && (q[-1] == ' ' || q[-1] == '\t')) q--;
            if (q >= text + 2 && q[-2] == 'i' && q[-1] == 'd' && (q - 2 == text || !is_ident(q[-3]))) return 1;
        }
    }
    return 0;
}

/* Looks for unknown place, unit type and leader literals in the file's text (comments skipped). */
static void scan_text(LScript *s)
{
    const Game *g = s->game;
    FILE *f = fopen(s->path, "rb");
    if (!f || !g) { if (f) fclose(f); return; }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = len > 0 ? malloc((size_t)len + 1) : NULL;
    if (!text || fread(text, 1, (size_t)len, f) != (size_t)len) { free(text); fclose(f); return; }
    fclose(f);
    text[len] = 0;
    char *whole = malloc((size_t)len + 1);      /* untouched copy: the scan below cuts lines */
    if (!whole) { free(text); return; }
    memcpy(whole, text, (size_t)len + 1);
    int lineno = 0, in_long_comment = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        lineno++;
        char *code = line;
        if (in_long_comment) {
            char *end = strstr(code, "]]");
            if (!end) { line = nl ? nl + 1 : NULL; continue; }
            in_long_comment = 0;
            code = end + 2;
        }
        char *cm = strstr(code, "--");
        if (cm) {
            if (cm[2] == '[' && cm[3] == '[' && !strstr(cm, "]]")) in_long_comment = 1;
            *cm = 0;
        }
        for (size_t k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
            size_t kl = strlen(patterns[k].key);
            for (const char *p = strstr(code, patterns[k].key); p; p = strstr(p + 1, patterns[k].key)) {
                char id[64];
                if (!literal_after(code, p, kl, id, sizeof id)) continue;
                switch (patterns[k].kind) {
                case ID_PLACE:
                    if (map_find_place(g->map, id) < 0)
                        ls_report(s, "%s:%d: unknown place '%s'", s->path, lineno, id);
                    break;
                case ID_TYPE: {
                    int skip = 0;
                    for (int i = 0; not_unit_types[i]; i++) skip |= strcmp(id, not_unit_types[i]) == 0;
                    if (!skip && rules_find_unit_type(&g->rules, id) < 0)
                        ls_report(s, "%s:%d: unknown unit type '%s'", s->path, lineno, id);
                    break;
                }
                case ID_LEADER:
                    if (game_find_leader(g, id) < 0 && !declared_in_text(whole, id))
                        ls_report(s, "%s:%d: unknown leader '%s'", s->path, lineno, id);
                    break;
                }
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(whole);
    free(text);
}

/* Validates a scenario or campaign; returns the number of problems written to report. */
int lscript_check(const char *path, char *report, size_t cap)
{
    if (report && cap) report[0] = 0;
    LScript *s = ls_new(LS_MODE_CHECK, 1);
    if (!s) {
        if (report && cap) snprintf(report, cap, "%s: out of memory\n", path);
        return 1;
    }
    s->report = report;
    s->report_cap = cap;
    if (ls_run_scenario(s, path) != 0) ls_report(s, "%s", s->last_error);
    else if (s->problems == 0) scan_text(s);   /* the run's own reports already name these lines */
    int n = s->problems;
    lscript_free(s);
    return n;
}

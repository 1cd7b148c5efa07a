/* list.c - finding scenarios: every .lua file in scripts/scenarios/ and scripts/campaigns/ of
 * the data folder, then in the user's mod folder and its scenarios/ and campaigns/. Each file
 * is run in a sandbox only until its scenario{} or campaign{} call, which is all we read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include "lscript_int.h"

/* Reads the metadata of one file into out; 0 or -1 with a message in err. */
static int read_info(const char *path, ScenarioInfo *out, char *err, size_t errlen)
{
    LScript *s = ls_new(LS_MODE_INFO, 0);
    if (!s) { snprintf(err, errlen, "%s: out of memory", path); return -1; }
    int rc = ls_run_scenario(s, path);
    if (rc == 0 && !s->have_scenario) {
        snprintf(err, errlen, "%.400s:1: no scenario{} or campaign{} declaration", path);
        rc = -1;
    } else if (rc != 0) {
        snprintf(err, errlen, "%s", s->last_error);
    } else if (!s->info.id[0]) {
        snprintf(err, errlen, "%.400s:%d: scenario{} needs an id", path, s->scenario_line);
        rc = -1;
    }
    if (rc == 0) *out = s->info;
    lscript_free(s);
    return rc;
}

/* qsort order of file names. */
static int by_name(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* qsort order of the lists: scenarios before campaigns, scenarios by start date, then by id
 * (ids are unique, so the order is total and qsort's instability never shows). */
static int by_history(const void *a, const void *b)
{
    const ScenarioInfo *x = a, *y = b;
    if (x->is_campaign != y->is_campaign) return x->is_campaign - y->is_campaign;
    int dx = (x->start_year * 13 + x->start_month) * 32 + x->start_day;
    int dy = (y->start_year * 13 + y->start_month) * 32 + y->start_day;
    if (dx != dy) return dx < dy ? -1 : 1;
    return strcmp(x->id, y->id);
}

int lscript_is_test_scenario(const ScenarioInfo *info)
{
    return info && strncmp(info->id, "test_", 5) == 0;
}

/* Appends the .lua files of dir (in name order) to out[*n..cap). */
static void scan_dir(const char *dir, int is_mod, ScenarioInfo *out, int *n, int cap)
{
    DIR *d = opendir(dir);
    if (!d) return;
    char names[256][128];
    int nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nn < 256) {
        size_t l = strlen(e->d_name);
        if (l < 5 || l >= 128 || strcmp(e->d_name + l - 4, ".lua") != 0 || e->d_name[0] == '.') continue;
        memcpy(names[nn++], e->d_name, l + 1);
    }
    closedir(d);
    qsort(names, (size_t)nn, 128, by_name);
    for (int i = 0; i < nn && *n < cap; i++) {
        char path[LSCRIPT_PATH_LEN];
        snprintf(path, sizeof path, "%.380s/%.120s", dir, names[i]);
        ScenarioInfo info;
        char err[600];
        if (read_info(path, &info, err, sizeof err) != 0) {
            fprintf(stderr, "SCRIPT: skipping %s\n", err);
            continue;
        }
        int dup = 0;
        for (int k = 0; k < *n; k++) dup |= strcmp(out[k].id, info.id) == 0;
        if (dup) {
            fprintf(stderr, "SCRIPT: skipping %s: id '%s' is already taken\n", path, info.id);
            continue;
        }
        info.is_mod = is_mod;
        out[(*n)++] = info;
    }
}

/* Built-in scenarios by date, then built-in campaigns, then mods in the same order; broken
 * files skipped with a warning. */
int lscript_list_scenarios(ScenarioInfo *out, int cap)
{
    int n = 0;
    char dir[LSCRIPT_PATH_LEN + 32];
    const char *data = lscript_data_dir();
    snprintf(dir, sizeof dir, "%.450s/scripts/scenarios", data);
    scan_dir(dir, 0, out, &n, cap);
    snprintf(dir, sizeof dir, "%.450s/scripts/campaigns", data);
    scan_dir(dir, 0, out, &n, cap);
    qsort(out, (size_t)n, sizeof *out, by_history);
    int built_in = n;
    const char *mod = lscript_mod_dir();
    scan_dir(mod, 1, out, &n, cap);
    snprintf(dir, sizeof dir, "%.450s/scenarios", mod);
    scan_dir(dir, 1, out, &n, cap);
    snprintf(dir, sizeof dir, "%.450s/campaigns", mod);
    scan_dir(dir, 1, out, &n, cap);
    qsort(out + built_in, (size_t)(n - built_in), sizeof *out, by_history);
    return n;
}

/* A scenario by id (or by path to a .lua file); 0 when found. */
int lscript_find_scenario(const char *id, ScenarioInfo *out)
{
    if (!id || !*id) return -1;
    size_t l = strlen(id);
    if (strchr(id, '/') || (l > 4 && strcmp(id + l - 4, ".lua") == 0)) {
        char err[600];
        if (read_info(id, out, err, sizeof err) != 0) {
            fprintf(stderr, "SCRIPT: %s\n", err);
            return -1;
        }
        const char *data = lscript_data_dir();
        out->is_mod = strncmp(id, data, strlen(data)) != 0;   /* a file outside the game's data */
        return 0;
    }
    int cap = 512;
    ScenarioInfo *all = malloc(sizeof *all * (size_t)cap);
    if (!all) return -1;
    int n = lscript_list_scenarios(all, cap), rc = -1;
    for (int i = 0; i < n; i++)
        if (strcmp(all[i].id, id) == 0) { *out = all[i]; rc = 0; break; }
    free(all);
    if (rc != 0 && strncmp(id, "bench_", 6) == 0 && strlen(id) < 64) {
        /* the benchmark's games are not listed, but their recordings must replay */
        char path[LSCRIPT_PATH_LEN], err[600];
        snprintf(path, sizeof path, "%.400s/scripts/bench/%s.lua", lscript_data_dir(), id + 6);
        if (access(path, R_OK) == 0 && read_info(path, out, err, sizeof err) == 0 && strcmp(out->id, id) == 0)
            rc = 0;
    }
    return rc;
}

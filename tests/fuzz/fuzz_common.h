/* fuzz_common.h - what the libFuzzer targets share: pointing the script host at the source
 * tree's data (rules, theatre map) and writing an input into a private temporary file for the
 * loaders that read files. Included by each fuzz_*.c; not part of the game. */
#ifndef GYR_FUZZ_COMMON_H
#define GYR_FUZZ_COMMON_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lscript.h"

#ifndef GYR_SOURCE_DIR
#define GYR_SOURCE_DIR "."
#endif

/* The private temporary folder (set by fz_setup). */
static inline char *fz_dir(void)
{
    static char dir[256];
    return dir;
}

/* Removes the temporary folder and the input files written into it (at exit). */
static inline void fz_cleanup(void)
{
    static const char *const names[] = { "fuzz_campaign.lua", "fuzz_scenario.lua", NULL };
    char path[320];
    for (int i = 0; names[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", fz_dir(), names[i]);
        unlink(path);
    }
    rmdir(fz_dir());
}

/* Sets the data folder (GYR_DATA_DIR or the source tree), no mod folder, and a private temporary
 * folder for input files (under $TMPDIR, removed at exit). Does not check the data folder. */
static inline void fz_setup(void)
{
    const char *data = getenv("GYR_DATA_DIR");
    lscript_set_data_dir(data && *data ? data : GYR_SOURCE_DIR);
    const char *tmp = getenv("TMPDIR");
    char *dir = fz_dir();
    snprintf(dir, 256, "%.200s/gyr-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) { perror("fuzz: mkdtemp"); abort(); }
    atexit(fz_cleanup);
    char mods[320];
    snprintf(mods, sizeof mods, "%s/no-mods", dir);   /* never created: no user scenarios */
    lscript_set_mod_dir(mods);
}

/* Writes the bytes to fz_dir/NAME and returns the path (static buffer). Aborts when the
 * file cannot be written: that is the harness failing, not the loader. */
static inline const char *fz_write(const char *name, const uint8_t *data, size_t size)
{
    static char path[320];
    snprintf(path, sizeof path, "%s/%s", fz_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) { perror(path); abort(); }
    return path;
}

/* Checks an error message has the "NAME:LINE: message" shape the loaders promise; aborts
 * (a finding) when it does not. name may be NULL to accept any prefix. */
static inline void fz_expect_located(const char *what, const char *err, const char *name)
{
    const char *p = err;
    if (name) {
        size_t n = strlen(name);
        if (strncmp(err, name, n) != 0) goto bad;
        p = err + n;
    } else {
        p = strchr(err, ':');
        if (!p) goto bad;
    }
    if (*p++ != ':' || *p < '0' || *p > '9') goto bad;
    while (*p >= '0' && *p <= '9') p++;
    if (*p != ':') goto bad;
    return;
bad:
    fprintf(stderr, "fuzz: %s: error is not \"NAME:LINE: message\": \"%s\"\n", what, err);
    abort();
}

#endif

/* safefile.h - the one way Gyrfalcon replaces a file on disk (saves, replays, settings.ini,
 * screenshots and map pictures, the built map): the new content goes to a temporary file
 * created exclusively next to the target (O_CREAT|O_EXCL|O_NOFOLLOW, a name no one else
 * uses, so a symlink planted at NAME.tmp is never followed), is flushed to disk and then
 * renamed over the target. On any failure the old file is kept and the temporary removed. */
#ifndef GYR_SAFEFILE_H
#define GYR_SAFEFILE_H
#include <stddef.h>
#include <stdio.h>

#define SAFEFILE_PATH_LEN 1100

typedef struct SafeFile {
    FILE *f;                            /* write the content here (binary) */
    char path[SAFEFILE_PATH_LEN];       /* the target */
    char tmp[SAFEFILE_PATH_LEN + 48];   /* the temporary: PATH.PID-N.tmp */
} SafeFile;

/* Create the temporary for path. 0 on success (write to sf->f, then safefile_commit or
 * safefile_abort), else -1 with "PATH: cannot write: reason" in err and nothing left behind. */
int safefile_open(SafeFile *sf, const char *path, char *err, size_t errlen);
/* Flush, fsync, close and rename the temporary over the target. 0 on success, else -1 with
 * "PATH: ..." in err; the temporary is removed and the old target kept. */
int safefile_commit(SafeFile *sf, char *err, size_t errlen);
/* Give up: close and remove the temporary; the target is untouched. */
void safefile_abort(SafeFile *sf);
/* All three for a buffer in memory. 0 on success, else -1 with err. */
int safefile_write(const char *path, const void *data, size_t len, char *err, size_t errlen);

#endif

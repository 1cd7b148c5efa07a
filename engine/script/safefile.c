/* safefile.c - replacing a file safely: exclusive temporary, fsync, rename (see safefile.h). */
#include "safefile.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

int safefile_open(SafeFile *sf, const char *path, char *err, size_t errlen)
{
    static unsigned counter;    /* names the temporaries of one process apart; not game state */
    memset(sf, 0, sizeof *sf);
    if (!path || !*path) { snprintf(err, errlen, "no file name given"); return -1; }
    if (strlen(path) >= sizeof sf->path) { snprintf(err, errlen, "%.200s...: file name too long", path); return -1; }
    snprintf(sf->path, sizeof sf->path, "%s", path);
    int fd = -1, e = 0;
    for (int tries = 0; tries < 100 && fd < 0; tries++) {
        snprintf(sf->tmp, sizeof sf->tmp, "%s.%ld-%u.tmp", path, (long)getpid(), counter++);
        fd = open(sf->tmp, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
        e = errno;
        if (fd < 0 && e != EEXIST) break;
    }
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(e));
        sf->tmp[0] = 0;
        return -1;
    }
    sf->f = fdopen(fd, "wb");
    if (!sf->f) {
        e = errno;
        close(fd);
        unlink(sf->tmp);
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(e));
        sf->tmp[0] = 0;
        return -1;
    }
    return 0;
}

int safefile_commit(SafeFile *sf, char *err, size_t errlen)
{
    if (!sf->f) { snprintf(err, errlen, "%s: not open for writing", sf->path); return -1; }
    int bad = ferror(sf->f) != 0, e = bad ? EIO : 0;
    if (fflush(sf->f) != 0 && !bad) { bad = 1; e = errno; }
    if (fsync(fileno(sf->f)) != 0 && !bad) { bad = 1; e = errno; }
    if (fclose(sf->f) != 0 && !bad) { bad = 1; e = errno; }
    sf->f = NULL;
    if (bad) {
        unlink(sf->tmp);
        snprintf(err, errlen, "%s: write failed (the old file is kept): %s", sf->path, strerror(e));
        return -1;
    }
    if (rename(sf->tmp, sf->path) != 0) {
        e = errno;
        unlink(sf->tmp);
        snprintf(err, errlen, "%s: cannot replace the file (the old one is kept): %s", sf->path, strerror(e));
        return -1;
    }
    return 0;
}

void safefile_abort(SafeFile *sf)
{
    if (sf->f) fclose(sf->f);
    sf->f = NULL;
    if (sf->tmp[0]) unlink(sf->tmp);
    sf->tmp[0] = 0;
}

int safefile_write(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    SafeFile sf;
    if (safefile_open(&sf, path, err, errlen)) return -1;
    if (len && fwrite(data, 1, len, sf.f) != len) {
        int e = errno;
        safefile_abort(&sf);
        snprintf(err, errlen, "%s: write failed (the old file is kept): %s", path, strerror(e));
        return -1;
    }
    return safefile_commit(&sf, err, errlen);
}

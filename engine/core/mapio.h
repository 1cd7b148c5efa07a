/* mapio.h - the hex map file (maps/theatre.map): line-based UTF-8 text written by the map
 * builder and read by the game. Parsing works on a buffer (the core reads no files); the app
 * reads the file. */
#ifndef GYR_MAPIO_H
#define GYR_MAPIO_H
#include <stddef.h>
#include "map.h"

/* Parse a map file held in buf. Returns a new Map (caller frees with map_free) or NULL with
 * "NAME:LINE: message" in err; never crashes on bad input. name is used in messages only. */
Map *mapio_parse(const char *buf, size_t len, const char *name, char *err, size_t errlen);
/* Serialise; returns a malloc'd NUL-terminated string (caller frees) and its length. */
char *mapio_write(const Map *m, size_t *len_out);

#endif

/* mapbuild.h - turns the geography source (the maps/ .geo files: polygons, polylines and points in
 * latitude/longitude) into the hex map. Works on buffers; the app does the files. */
#ifndef GYR_MAPBUILD_H
#define GYR_MAPBUILD_H
#include <stddef.h>
#include "map.h"

/* Build the theatre map from the source text. Returns a new Map or NULL with
 * "NAME:LINE: message" in err. */
Map *mapbuild_from_source(const char *src, size_t len, const char *name, char *err, size_t errlen);

#endif

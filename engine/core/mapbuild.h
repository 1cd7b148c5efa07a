/* mapbuild.h - turns the geography source (maps/NAME.geo: polygons, polylines and points in
 * latitude/longitude) into the hex map. Works on buffers; the app does the files.
 * The source format is described in docs/map.md; every *.geo file is read, in name order,
 * and the result does not depend on which file a statement sits in. */
#ifndef GYR_MAPBUILD_H
#define GYR_MAPBUILD_H
#include <stddef.h>
#include "map.h"

/* One source text: name is used in messages ("rivers.geo:12: ..."). */
typedef struct MapSource {
    const char *name;
    const char *text;
    size_t len;
} MapSource;

/* Build the theatre map from several source texts (in the order given). Returns a new Map
 * (caller frees with map_free) or NULL with "NAME:LINE: message" in err. Deterministic: the
 * same sources give the same map, byte for byte once written, on any compiler. */
Map *mapbuild_from_sources(const MapSource *src, int n, char *err, size_t errlen);

/* Build the theatre map from one source text; as mapbuild_from_sources. */
Map *mapbuild_from_source(const char *src, size_t len, const char *name, char *err, size_t errlen);

#endif

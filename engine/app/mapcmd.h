/* mapcmd.h - the command-line map modes (--build-map, --where, --hex) and the loaders behind
 * them: building the hex map from data_dir/maps/NAME.geo and reading data_dir/maps/theatre.map.
 * The modes print one JSON object on stdout and return the exit code; on failure they return
 * non-zero, print nothing, and leave a one-line reason in err for the caller to print. */
#ifndef GYR_MAPCMD_H
#define GYR_MAPCMD_H
#include <stddef.h>
#include "map.h"

#define MAPCMD_MAP_FILE "maps/theatre.map"

/* Map *mapcmd_build_from_dir(const char *data_dir, char *err, size_t errlen)
 * Builds the map from every data_dir/maps/NAME.geo, in name order. Caller frees with map_free. */
Map *mapcmd_build_from_dir(const char *data_dir, char *err, size_t errlen);

/* Map *mapcmd_load(const char *data_dir, char *err, size_t errlen)
 * Loads data_dir/maps/theatre.map. Caller frees with map_free; NULL with a reason in err. */
Map *mapcmd_load(const char *data_dir, char *err, size_t errlen);

/* int mapcmd_build_in(const char *data_dir, char *err, size_t errlen)
 * --build-map: builds the map and writes data_dir/maps/theatre.map atomically (temp + rename);
 * prints {"ok":true,"file":..,"w":..,"h":..,"hexes":..,"places":..,"rivers":..}. */
int mapcmd_build_in(const char *data_dir, char *err, size_t errlen);

/* int mapcmd_where_in(const char *data_dir, double lat, double lon, char *err, size_t errlen)
 * --where LAT LON: prints {"q","r","col","row","lat","lon","hex_lat","hex_lon","terrain",
 * "place":null|{...},"on_map":true}; fails when the point is off the map. */
int mapcmd_where_in(const char *data_dir, double lat, double lon, char *err, size_t errlen);

/* int mapcmd_hex_in(const char *data_dir, int q, int r, char *err, size_t errlen)
 * --hex Q R (axial): prints {"q","r","col","row","lat","lon","terrain","rivers":[{"side":"NE",
 * "river":"Songhua","major":true,"frozen_in_winter":true,"ford":false,"bridge":false}],
 * "roads":["E",..],"coasts":["NW",..],"place":null|{...}}; fails off the map. */
int mapcmd_hex_in(const char *data_dir, int q, int r, char *err, size_t errlen);

/* The modes as main() calls them: data directory from lscript_data_dir(), the reason printed
 * on stderr as "gyrfalcon: ...", the exit code returned.
 * int mapcmd_build_cmd(void); int mapcmd_where(double lat, double lon); int mapcmd_hex(int q, int r) */
int mapcmd_build_cmd(void);
int mapcmd_where(double lat, double lon);
int mapcmd_hex(int q, int r);

#endif

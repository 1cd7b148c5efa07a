/* proj.h - the map's projection: a Lambert conformal conic fitted to the theatre (on a sphere of
 * radius 6371 km, standard parallels 40N and 48N, origin 43.5N 119.5E), and conversions
 * lat/lon <-> projected metres <-> hex. Doubles here are for geography only; nothing from them
 * reaches the game state except through the committed map file.
 *
 * Hex geometry on a geographic map: pointy-top hexes, centre to centre m->hex_size_m metres
 * along a row, rows PROJ_ROW_M(m->hex_size_m) metres apart (rounded to whole metres so every
 * hex centre is an integer number of metres); r grows southwards. The centre of the hex at
 * offset (col, row) is x = origin_x_m + col*size + (row&1)*size/2, y = origin_y_m - row*rowstep. */
#ifndef GYR_PROJ_H
#define GYR_PROJ_H
#include <stdint.h>
#include "map.h"

#define PROJ_EARTH_R_M 6371000.0
#define PROJ_LAT1 40.0
#define PROJ_LAT2 48.0
#define PROJ_LAT0 43.5
#define PROJ_LON0 119.5
/* Row spacing in metres for a hex size (size * sqrt(3)/2, rounded): 17321 for 20000. */
#define PROJ_ROW_M(size) ((int32_t)(((int64_t)(size) * 173205 + 100000) / 200000))

void proj_forward(double lat, double lon, double *x_m, double *y_m);  /* y grows north */
void proj_inverse(double x_m, double y_m, double *lat, double *lon);
/* Hex containing a lat/lon on a geographic map (may be off the map: check map_in_bounds). */
Hex proj_latlon_to_hex(const Map *m, double lat, double lon);
void proj_hex_to_latlon(const Map *m, Hex h, double *lat, double *lon);
/* How far (whole metres) a lat/lon lies from the edge of its hex. A point this close to an
 * edge could fall in either hex if another machine's libm rounded the projection differently,
 * so the script host refuses placements within PROJ_SAFE_MARGIN_M of an edge: what reaches the
 * game state is then the same on every machine. */
#define PROJ_SAFE_MARGIN_M 5
int64_t proj_latlon_edge_margin_m(const Map *m, double lat, double lon);
/* Great-circle distance in km (haversine, mean Earth radius 6371 km). */
double proj_great_circle_km(double lat1, double lon1, double lat2, double lon2);

/* Integer helpers shared with the map builder. */
/* Projected metres (rounded) of micro-degree lat/lon. */
void proj_forward_e6(int32_t lat_e6, int32_t lon_e6, int64_t *x_m, int64_t *y_m);
/* Centre in projected metres of hex h on a map with the given origin and hex size. */
void proj_hex_centre_m(int32_t origin_x_m, int32_t origin_y_m, int32_t size_m, Hex h,
                       int64_t *x_m, int64_t *y_m);
/* The hex whose centre is nearest to a point in projected metres (ties: smaller r, then q). */
Hex proj_hex_at_m(int32_t origin_x_m, int32_t origin_y_m, int32_t size_m, int64_t x_m, int64_t y_m);

#endif

/* proj.h - the map's projection: a Lambert conformal conic fitted to the theatre
 * (standard parallels 40N and 48N, origin 43.5N 119.5E, WGS84 sphere-approximated), and
 * conversions lat/lon <-> projected metres <-> hex. Doubles here are for geography only;
 * nothing from them reaches the game state except through the committed map file. */
#ifndef GYR_PROJ_H
#define GYR_PROJ_H
#include "map.h"

void proj_forward(double lat, double lon, double *x_m, double *y_m);  /* y grows north */
void proj_inverse(double x_m, double y_m, double *lat, double *lon);
/* Hex containing a lat/lon on a geographic map (may be off the map: check map_in_bounds). */
Hex proj_latlon_to_hex(const Map *m, double lat, double lon);
void proj_hex_to_latlon(const Map *m, Hex h, double *lat, double *lon);
/* Great-circle distance in km (haversine, mean Earth radius 6371 km). */
double proj_great_circle_km(double lat1, double lon1, double lat2, double lon2);

#endif

/* proj.c - Lambert conformal conic projection of the theatre (sphere, standard parallels 40N
 * and 48N, origin 43.5N 119.5E) and the hex grid laid on it. Doubles for geography; hex lookups
 * work in whole metres so the map builder gets the same answer on every compiler. */
#include <math.h>
#include "proj.h"
#include <stddef.h>

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)

/* Cone constants n, F and rho0, computed once from the declared parallels. */
static void lcc_consts(double *n, double *F, double *rho0)
{
    double p1 = PROJ_LAT1 * DEG, p2 = PROJ_LAT2 * DEG, p0 = PROJ_LAT0 * DEG;
    double nn = log(cos(p1) / cos(p2)) /
                log(tan(PI / 4 + p2 / 2) / tan(PI / 4 + p1 / 2));
    double ff = cos(p1) * pow(tan(PI / 4 + p1 / 2), nn) / nn;
    *n = nn;
    *F = ff;
    *rho0 = PROJ_EARTH_R_M * ff / pow(tan(PI / 4 + p0 / 2), nn);
}

/* lat/lon in degrees to projected metres (x east, y north of the origin). No range check. */
void proj_forward(double lat, double lon, double *x_m, double *y_m)
{
    double n, F, rho0;
    lcc_consts(&n, &F, &rho0);
    double rho = PROJ_EARTH_R_M * F / pow(tan(PI / 4 + lat * DEG / 2), n);
    double th = n * (lon - PROJ_LON0) * DEG;
    *x_m = rho * sin(th);
    *y_m = rho0 - rho * cos(th);
}

/* Projected metres back to lat/lon in degrees. No range check. */
void proj_inverse(double x_m, double y_m, double *lat, double *lon)
{
    double n, F, rho0;
    lcc_consts(&n, &F, &rho0);
    double dy = rho0 - y_m;
    double rho = sqrt(x_m * x_m + dy * dy);   /* n > 0 here */
    double th = atan2(x_m, dy);
    *lat = (2.0 * atan(pow(PROJ_EARTH_R_M * F / rho, 1.0 / n)) - PI / 2) / DEG;
    *lon = PROJ_LON0 + th / n / DEG;
}

/* Micro-degrees to projected metres rounded to whole metres. */
void proj_forward_e6(int32_t lat_e6, int32_t lon_e6, int64_t *x_m, int64_t *y_m)
{
    double x, y;
    proj_forward(lat_e6 / 1e6, lon_e6 / 1e6, &x, &y);
    *x_m = llround(x);
    *y_m = llround(y);
}

/* Centre of hex h in projected metres; no bounds check. */
void proj_hex_centre_m(int32_t origin_x_m, int32_t origin_y_m, int32_t size_m, Hex h,
                       int64_t *x_m, int64_t *y_m)
{
    int col, row;
    hex_to_offset(h, &col, &row);
    *x_m = (int64_t)origin_x_m + (int64_t)col * size_m + (int64_t)(row & 1) * (size_m / 2);
    *y_m = (int64_t)origin_y_m - (int64_t)row * PROJ_ROW_M(size_m);
}

/* Floor of a/b for b > 0. */
static int64_t fdiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && (a < 0)) q--;
    return q;
}

/* Nearest hex centre to (x, y) among the 3x3 candidates around the rounded row and column;
 * *margin_m (optional) gets how far (x, y) lies from the edge with the next nearest hex. */
static Hex hex_at_m(int32_t origin_x_m, int32_t origin_y_m, int32_t size_m, int64_t x_m, int64_t y_m,
                    int64_t *margin_m)
{
    int64_t rs = PROJ_ROW_M(size_m);
    int64_t r0 = fdiv(2 * ((int64_t)origin_y_m - y_m) + rs, 2 * rs);
    Hex best = hex_make(0, 0);
    int64_t bestd = -1, second = -1;
    for (int64_t r = r0 - 1; r <= r0 + 1; r++) {
        /* x = ox + size*(2q + r)/2  =>  q ~ (2(x-ox)/size - r)/2 */
        int64_t t = 2 * (x_m - origin_x_m) - r * size_m;
        int64_t q0 = fdiv(t + size_m, 2 * (int64_t)size_m);
        for (int64_t q = q0 - 1; q <= q0 + 1; q++) {
            Hex h = hex_make((int)q, (int)r);
            int64_t cx, cy;
            proj_hex_centre_m(origin_x_m, origin_y_m, size_m, h, &cx, &cy);
            int64_t d = (cx - x_m) * (cx - x_m) + (cy - y_m) * (cy - y_m);
            if (bestd < 0 || d < bestd) {
                second = bestd;
                bestd = d;
                best = h;
            } else if (second < 0 || d < second) {
                second = d;
            }
        }
    }
    /* neighbouring centres are size_m apart: d2 - d1 = 2 * size * (distance to their bisector) */
    if (margin_m) *margin_m = (second - bestd) / (2 * (int64_t)size_m);
    return best;
}

Hex proj_hex_at_m(int32_t origin_x_m, int32_t origin_y_m, int32_t size_m, int64_t x_m, int64_t y_m)
{
    return hex_at_m(origin_x_m, origin_y_m, size_m, x_m, y_m, NULL);
}

/* Metres from a lat/lon to the nearest hex edge (whole metres, rounded down). */
int64_t proj_latlon_edge_margin_m(const Map *m, double lat, double lon)
{
    if (!(lat >= -85.0 && lat <= 85.0 && lon >= -360.0 && lon <= 360.0)) return 0;
    int64_t x, y, margin;
    proj_forward_e6((int32_t)lround(lat * 1e6), (int32_t)lround(lon * 1e6), &x, &y);
    hex_at_m(m->origin_x_m, m->origin_y_m, m->hex_size_m, x, y, &margin);
    return margin;
}

/* Hex containing lat/lon on a geographic map; the result may lie off the map (and is far off
 * it for latitudes beyond +-85 or longitudes beyond +-360, or NaN). */
Hex proj_latlon_to_hex(const Map *m, double lat, double lon)
{
    if (!(lat >= -85.0 && lat <= 85.0 && lon >= -360.0 && lon <= 360.0)) return hex_make(-1000000, -1000000);
    int64_t x, y;
    proj_forward_e6((int32_t)lround(lat * 1e6), (int32_t)lround(lon * 1e6), &x, &y);
    return proj_hex_at_m(m->origin_x_m, m->origin_y_m, m->hex_size_m, x, y);
}

/* Centre of hex h as lat/lon; no bounds check. */
void proj_hex_to_latlon(const Map *m, Hex h, double *lat, double *lon)
{
    int64_t x, y;
    proj_hex_centre_m(m->origin_x_m, m->origin_y_m, m->hex_size_m, h, &x, &y);
    proj_inverse((double)x, (double)y, lat, lon);
}

/* Haversine distance in km on a sphere of radius 6371 km. */
double proj_great_circle_km(double lat1, double lon1, double lat2, double lon2)
{
    double p1 = lat1 * DEG, p2 = lat2 * DEG;
    double dp = p2 - p1, dl = (lon2 - lon1) * DEG;
    double a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2);
    return 2.0 * 6371.0 * asin(sqrt(a < 1.0 ? a : 1.0));
}

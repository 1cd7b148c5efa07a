/* render_terrain.c - paints the map's art into pixel buffers: terrain fills with their patterns
 * (fields, stipple, dunes, marsh dashes) and marks (trees, hill and mountain relief, grass),
 * coasts with ripple lines, rivers on hexsides (smoothed, width by class, ice in winter),
 * roads, and the hex grid. Terrain edges are wobbled by a smooth noise so that the map reads
 * like a drawn map; the grid and the hex index map stay exact. Everything is a function of the
 * global pixel position, so chunks painted apart join without seams. */
#include "render_priv.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define T_OUT 255   /* off the map */

typedef struct RivVert { double x, y; int n; int e[4]; } RivVert;
typedef struct RivEdge { int a, b; int major; int river; } RivEdge;
typedef struct RoadSeg { double ax, ay, bx, by; } RoadSeg;
typedef struct Crossing { double x, y, ang; int bridge; } Crossing;

struct UiArt {
    const Map *m;
    int n_vert, cap_vert;
    RivVert *vert;
    int n_edge;
    RivEdge *edge;
    int n_road;
    RoadSeg *road;
    int n_cross;
    Crossing *cross;
};

/* floor() for the pixel loops: libm's is a call without SSE4.1; |x| stays far below 2^31 here. */
static inline double ffloor(double x)
{
    int i = (int)x;
    return (double)(i - (x < (double)i));
}

/* ---------------------------------------------------------------- noise */

static uint32_t hash3(int x, int y, int s)
{
    uint32_t h = (uint32_t)x * 374761393u + (uint32_t)y * 668265263u + (uint32_t)s * 2246822519u;
    h = (h ^ (h >> 13)) * 1274126177u;
    return h ^ (h >> 16);
}

static double hashf(int x, int y, int s) { return (hash3(x, y, s) & 0xFFFFFF) / 16777216.0; }

/* Smooth value noise in [0,1) on a unit lattice, seeded. */
static double vnoise(double x, double y, int s)
{
    double fx = ffloor(x), fy = ffloor(y);
    int ix = (int)fx, iy = (int)fy;
    double tx = x - fx, ty = y - fy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    double a = hashf(ix, iy, s), b = hashf(ix + 1, iy, s);
    double c = hashf(ix, iy + 1, s), d = hashf(ix + 1, iy + 1, s);
    return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
}

/* The wobble of terrain edges at a world point (world units). */
/* wobble: 1 in the game view; map pictures wobble more. */
static void disp(double wx, double wy, double wobble, double *dx, double *dy)
{
    *dx = ((vnoise(wx * 0.9, wy * 0.9, 11) - 0.5) * 0.46 + (vnoise(wx * 3.1, wy * 3.1, 13) - 0.5) * 0.16) * wobble;
    *dy = ((vnoise(wx * 0.9, wy * 0.9, 12) - 0.5) * 0.46 + (vnoise(wx * 3.1, wy * 3.1, 14) - 0.5) * 0.16) * wobble;
}

/* ---------------------------------------------------------------- geometry */

static void hex_center(Hex h, double *x, double *y)
{
    *x = UI_SQRT3 * (h.q + h.r * 0.5);
    *y = 1.5 * h.r;
}

/* Corner i of a hex (unit radius): angle 30 + 60 i degrees, y down. Side d (direction d, angle
 * -60 d) runs between the corners at -60d-30 and -60d+30. */
static void side_corners(Hex h, int d, double *ax, double *ay, double *bx, double *by)
{
    double cx, cy;
    hex_center(h, &cx, &cy);
    double t = -60.0 * d * UI_PI / 180;
    double a0 = t - UI_PI / 6, a1 = t + UI_PI / 6;
    *ax = cx + cos(a0); *ay = cy + sin(a0);
    *bx = cx + cos(a1); *by = cy + sin(a1);
}

void ui_map_world_bounds(const Map *m, double *x0, double *y0, double *x1, double *y1)
{
    *x0 = -UI_SQRT3 / 2;
    *y0 = -1;
    *x1 = UI_SQRT3 * m->w;
    *y1 = 1.5 * (m->h - 1) + 1;
}

/* Index of the river vertex at (x, y), added when new; -1 when out of memory. */
static int vert_find(UiArt *a, double x, double y)
{
    for (int i = a->n_vert - 1; i >= 0; i--)
        if (fabs(a->vert[i].x - x) < 1e-3 && fabs(a->vert[i].y - y) < 1e-3) return i;
    if (a->n_vert == a->cap_vert) {
        int nc = a->cap_vert ? a->cap_vert * 2 : 256;
        RivVert *nv = realloc(a->vert, (size_t)nc * sizeof *nv);
        if (!nv) return -1;
        a->vert = nv;
        a->cap_vert = nc;
    }
    RivVert *v = &a->vert[a->n_vert];
    v->x = x; v->y = y; v->n = 0;
    return a->n_vert++;
}

UiArt *ui_art_new(const Map *m)
{
    UiArt *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->m = m;
    int n = map_count(m);
    int n_riv = 0, n_road = 0;
    for (int i = 0; i < n; i++) {
        Hex h = map_hex_at(m, i);
        for (int d = 0; d < 3; d++) {
            MapSide s = map_side(m, h, d);
            if (s.flags & SIDE_RIVER) n_riv++;
            if (s.flags & SIDE_ROAD) n_road++;
        }
    }
    a->edge = calloc((size_t)n_riv + 1, sizeof *a->edge);
    a->road = calloc((size_t)n_road + 1, sizeof *a->road);
    a->cross = calloc((size_t)n_riv + 1, sizeof *a->cross);
    if (!a->edge || !a->road || !a->cross) { ui_art_free(a); return NULL; }
    /* Vertex lookup is a linear scan from the newest: rivers are built hex by hex in row order,
     * so neighbours are near the end. Good enough for a few thousand river sides, once. */
    for (int i = 0; i < n; i++) {
        Hex h = map_hex_at(m, i);
        for (int d = 0; d < 3; d++) {
            MapSide s = map_side(m, h, d);
            if (s.flags & SIDE_RIVER) {
                double ax, ay, bx, by;
                side_corners(h, d, &ax, &ay, &bx, &by);
                int va = vert_find(a, ax, ay), vb = vert_find(a, bx, by);
                if (va < 0 || vb < 0) continue;
                RivEdge *e = &a->edge[a->n_edge];
                e->a = va; e->b = vb; e->major = (s.flags & SIDE_RIVER_MAJOR) != 0;
                e->river = s.river;
                if (a->vert[va].n < 4) a->vert[va].e[a->vert[va].n++] = a->n_edge;
                if (a->vert[vb].n < 4) a->vert[vb].e[a->vert[vb].n++] = a->n_edge;
                a->n_edge++;
                if (s.flags & (SIDE_BRIDGE | SIDE_FORD | SIDE_ROAD)) {
                    Crossing *c = &a->cross[a->n_cross++];
                    c->x = (ax + bx) / 2; c->y = (ay + by) / 2;
                    c->ang = atan2(by - ay, bx - ax);
                    c->bridge = (s.flags & (SIDE_BRIDGE | SIDE_ROAD)) != 0;
                }
            }
            if (s.flags & SIDE_ROAD) {
                Hex o = hex_neighbor(h, d);
                RoadSeg *r = &a->road[a->n_road++];
                hex_center(h, &r->ax, &r->ay);
                hex_center(o, &r->bx, &r->by);
            }
        }
    }
    return a;
}

int ui_art_river_anchor(const UiArt *a, int river, int min_sides, double *wx, double *wy)
{
    double sx = 0, sy = 0;
    int n = 0;
    for (int i = 0; i < a->n_edge; i++) {
        const RivEdge *e = &a->edge[i];
        if (e->river != river) continue;
        sx += (a->vert[e->a].x + a->vert[e->b].x) / 2;
        sy += (a->vert[e->a].y + a->vert[e->b].y) / 2;
        n++;
    }
    if (n < min_sides || n == 0) return 0;
    sx /= n; sy /= n;
    double best = 1e18;
    for (int i = 0; i < a->n_edge; i++) {
        const RivEdge *e = &a->edge[i];
        if (e->river != river) continue;
        double mx = (a->vert[e->a].x + a->vert[e->b].x) / 2, my = (a->vert[e->a].y + a->vert[e->b].y) / 2;
        double d = (mx - sx) * (mx - sx) + (my - sy) * (my - sy);
        if (d < best) { best = d; *wx = mx; *wy = my; }
    }
    return 1;
}

void ui_art_free(UiArt *a)
{
    if (!a) return;
    free(a->vert); free(a->edge); free(a->road); free(a->cross);
    free(a);
}

/* ---------------------------------------------------------------- palette */

static const uint32_t ter_base[TER_COUNT] = {
    [TER_SEA] = 0x9CC3DE, [TER_LAKE] = 0xA8CFE6, [TER_PLAIN] = 0xDDE4B8,
    [TER_FARMLAND] = 0xE9DC9E, [TER_STEPPE] = 0xD8D49C, [TER_FOREST] = 0xA3C48A,
    [TER_HILLS] = 0xD6C99C, [TER_MOUNTAINS] = 0xC6AF90, [TER_MARSH] = 0xBCD6B8,
    [TER_DESERT] = 0xE6D6AE, [TER_SAND] = 0xF0DEA6
};
#define C_OUT 0xE4DCC8
#define C_COAST 0x3F6F98
#define C_RIPPLE 0x6F9FC8

uint32_t ui_terrain_color(Terrain t)
{
    return (unsigned)t < TER_COUNT ? UI_HEX(ter_base[t]) : UI_HEX(C_OUT);
}

static uint32_t mix(uint32_t a, uint32_t b, int t) /* t/256 of b over a; rgb only */
{
    unsigned ra = (a >> 16) & 255, ga = (a >> 8) & 255, ba = a & 255;
    unsigned rb = (b >> 16) & 255, gb = (b >> 8) & 255, bb = b & 255;
    return 0xFF000000u | (((ra * (256 - t) + rb * t) >> 8) << 16) | (((ga * (256 - t) + gb * t) >> 8) << 8) |
           ((ba * (256 - t) + bb * t) >> 8);
}

static uint32_t shade(uint32_t c, int pct) /* pct 100 = same */
{
    int r = ((c >> 16) & 255) * pct / 100, g = ((c >> 8) & 255) * pct / 100, b = (c & 255) * pct / 100;
    if (r > 255) r = 255;
    if (g > 255) g = 255;
    if (b > 255) b = 255;
    return 0xFF000000u | ((unsigned)r << 16) | ((unsigned)g << 8) | (unsigned)b;
}

/* ---------------------------------------------------------------- painting */

typedef struct Region {
    int W, H, M;        /* region = canvas + margin M on each side */
    uint8_t *ter;       /* wobbled terrain per region pixel */
    uint16_t *dist;     /* water pixels: chamfer distance to land x3 */
    double gx0, gy0, z;
    double wobble;
} Region;

/* The offset index of the hex containing a world point, or -1 off the map (inlined
 * ui_world_to_hex + map_index: this runs for every pixel). */
static inline int hex_index_c(const Map *m, double wx, double wy, double *cx, double *cy);
/* The offset index of the hex containing a world point, or -1 off the map. */
static inline int hex_index_at(const Map *m, double wx, double wy)
{
    double cx, cy;
    return hex_index_c(m, wx, wy, &cx, &cy);
}

/* The same, also giving the hex centre (valid on or off the map). */
static inline int hex_index_c(const Map *m, double wx, double wy, double *cx, double *cy)
{
    double q = UI_SQRT3 / 3 * wx - wy / 3, r = 2.0 / 3 * wy;
    double x = q, z = r, y = -x - z;
    double rx = ffloor(x + 0.5), ry = ffloor(y + 0.5), rz = ffloor(z + 0.5);
    double dx = fabs(rx - x), dy = fabs(ry - y), dz = fabs(rz - z);
    if (dx > dy && dx > dz) rx = -ry - rz;
    else if (!(dy > dz)) rz = -rx - ry;
    *cx = UI_SQRT3 * (rx + rz * 0.5);
    *cy = 1.5 * rz;
    int row = (int)rz, col = (int)rx + ((row - (row & 1)) >> 1);
    if (row < 0 || row >= m->h || col < 0 || col >= m->w) return -1;
    return row * m->w + col;
}

/* Terrain at a world point, T_OUT off the map. */
static uint8_t ter_at(const Map *m, double wx, double wy)
{
    int i = hex_index_at(m, wx, wy);
    return i < 0 ? T_OUT : m->terrain[i];
}

static int is_water(uint8_t t) { return t == TER_SEA || t == TER_LAKE; }

/* Classify every region pixel, with the wobble sampled on a coarse grid and interpolated. */
static void classify(const Map *m, Region *g)
{
    const int S = 4;
    int cw = g->W / S + 2, ch = g->H / S + 2;
    double *dx = malloc(sizeof(double) * cw * ch), *dy = malloc(sizeof(double) * cw * ch);
    if (!dx || !dy) { free(dx); free(dy); memset(g->ter, T_OUT, (size_t)g->W * g->H); return; }
    for (int j = 0; j < ch; j++)
        for (int i = 0; i < cw; i++) {
            double wx = (g->gx0 - g->M + i * S) / g->z, wy = (g->gy0 - g->M + j * S) / g->z;
            disp(wx, wy, g->wobble, &dx[j * cw + i], &dy[j * cw + i]);
        }
    for (int y = 0; y < g->H; y++) {
        int j = y / S;
        double ty = (y % S) / (double)S;
        for (int x = 0; x < g->W; x++) {
            int i = x / S;
            double tx = (x % S) / (double)S;
            double *p = &dx[j * cw + i], *q = &dy[j * cw + i];
            double ddx = (p[0] * (1 - tx) + p[1] * tx) * (1 - ty) + (p[cw] * (1 - tx) + p[cw + 1] * tx) * ty;
            double ddy = (q[0] * (1 - tx) + q[1] * tx) * (1 - ty) + (q[cw] * (1 - tx) + q[cw + 1] * tx) * ty;
            double wx = (g->gx0 - g->M + x + 0.5) / g->z, wy = (g->gy0 - g->M + y + 0.5) / g->z;
            g->ter[y * g->W + x] = ter_at(m, wx + ddx, wy + ddy);
        }
    }
    free(dx); free(dy);
}

/* Chamfer (3-4) distance from land, for water pixels; land pixels 0. Off-map counts as water. */
static void water_dist(Region *g)
{
    int W = g->W, H = g->H;
    uint16_t *d = g->dist;
    for (int i = 0; i < W * H; i++) {
        uint8_t t = g->ter[i];
        d[i] = (is_water(t) || t == T_OUT) ? 60000 : 0;
    }
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint16_t *p = &d[y * W + x];
            if (!*p) continue;
            unsigned v = *p;
            if (x > 0 && d[y * W + x - 1] + 3u < v) v = d[y * W + x - 1] + 3u;
            if (y > 0) {
                if (d[(y - 1) * W + x] + 3u < v) v = d[(y - 1) * W + x] + 3u;
                if (x > 0 && d[(y - 1) * W + x - 1] + 4u < v) v = d[(y - 1) * W + x - 1] + 4u;
                if (x < W - 1 && d[(y - 1) * W + x + 1] + 4u < v) v = d[(y - 1) * W + x + 1] + 4u;
            }
            *p = (uint16_t)v;
        }
    for (int y = H - 1; y >= 0; y--)
        for (int x = W - 1; x >= 0; x--) {
            uint16_t *p = &d[y * W + x];
            if (!*p) continue;
            unsigned v = *p;
            if (x < W - 1 && d[y * W + x + 1] + 3u < v) v = d[y * W + x + 1] + 3u;
            if (y < H - 1) {
                if (d[(y + 1) * W + x] + 3u < v) v = d[(y + 1) * W + x] + 3u;
                if (x < W - 1 && d[(y + 1) * W + x + 1] + 4u < v) v = d[(y + 1) * W + x + 1] + 4u;
                if (x > 0 && d[(y + 1) * W + x - 1] + 4u < v) v = d[(y + 1) * W + x - 1] + 4u;
            }
            *p = (uint16_t)v;
        }
}

/* The fill colour of one pixel from its terrain and pattern. gx, gy: global pixel. */
static uint32_t fill_pixel(uint8_t t, int gx, int gy, double z, unsigned dist3, double tint)
{
    double wx = (gx + 0.5) / z, wy = (gy + 0.5) / z;
    if (t == T_OUT) {
        uint32_t c = UI_HEX(C_OUT);
        return ((gx + gy) & 7) == 0 ? shade(c, 96) : c;
    }
    uint32_t c = UI_HEX(ter_base[t]);
    int pct = (int)(100 + tint);
    switch (t) {
    case TER_SEA: case TER_LAKE: {
        double d = dist3 / 3.0;                 /* pixels from the coast */
        double dn = d / z;                      /* in hex radii */
        uint32_t deep = t == TER_SEA ? UI_HEX(0x86B3D6) : UI_HEX(0x98C4E0);
        int k = dn >= 2.5 ? 256 : (int)(dn / 2.5 * 256);
        c = mix(c, deep, k);
        /* ripple lines along the coast, fading outward */
        if (z >= 5) {
            static const double band[3] = { 0.16, 0.38, 0.66 };
            for (int i = 0; i < 3; i++) {
                double bd = band[i] * z + 2;
                double e = fabs(d - bd);
                double w = i == 0 ? 0.9 : 0.7;
                if (e < w + 0.5) {
                    int cov = (int)((w + 0.5 - e) / 1.0 * (200 - 50 * i));
                    if (cov > 0) c = mix(c, UI_HEX(C_RIPPLE), cov > 256 ? 256 : cov);
                }
            }
        }
        return c;
    }
    case TER_FARMLAND: {
        /* patchwork of fields: cells in a rotated frame */
        double u = (wx * 0.94 + wy * 0.34) * 1.9, v = (-wx * 0.34 + wy * 0.94) * 2.6;
        int cu = (int)ffloor(u), cvv = (int)ffloor(v);
        /* shift alternate rows so field edges do not line up */
        double us = u + (cvv & 1) * 0.5;
        cu = (int)ffloor(us);
        double fu = us - cu, fv = v - cvv;
        uint32_t hsh = hash3(cu, cvv, 7);
        static const uint32_t field[4] = { 0xE9DA92, 0xDDE0A4, 0xEEE2B4, 0xE2CF8A };
        c = UI_HEX(field[hsh & 3]);
        double edge = fmin(fmin(fu, 1 - fu) / 1.9, fmin(fv, 1 - fv) / 2.6) * z;
        if (z >= 8) {
            if (edge < 0.7) return shade(UI_HEX(0xC4B77A), pct);
            /* furrows */
            if (z >= 14 && (hsh & 4)) {
                double f = ((hsh & 8) ? u : v) * z * 0.6;
                if (f - ffloor(f) < 0.22) c = shade(c, 93);
            }
        }
        return shade(c, pct);
    }
    case TER_DESERT: {
        uint32_t h = hash3(gx, gy, 3);
        if ((h & 63) < 3) c = UI_HEX(0xB8A277);
        else if ((h & 63) < 6) c = shade(c, 95);
        return shade(c, pct);
    }
    case TER_SAND: {
        uint32_t h = hash3(gx, gy, 4);
        double r = wy * 3.2 + sin(wx * 2.3) * 0.35 + sin(wx * 0.7 + 1.3) * 0.5;
        double f = r - ffloor(r);
        if (z >= 6 && f < 0.09 * (10.0 / (z < 10 ? 10 : z)) * 2.5) c = UI_HEX(0xD7BC80);
        else if ((h & 31) < 3) c = UI_HEX(0xC9AE74);
        return shade(c, pct);
    }
    case TER_MARSH: {
        if (z >= 6) {
            int row = (int)ffloor(wy * 4.0);
            double fy = wy * 4.0 - row;
            double seg = wx * 1.7 + hashf(row, 0, 5) * 3;
            int si = (int)ffloor(seg);
            double fs = seg - si;
            if (fy * z / 4.0 < 0.9 && fs < 0.55 && (hash3(si, row, 6) & 3)) return UI_HEX(0x6E9C92);
        }
        return shade(c, pct);
    }
    case TER_STEPPE: {
        uint32_t h = hash3(gx >> 1, gy >> 1, 8);
        if ((h & 127) < 3) c = shade(c, 90);
        return shade(c, pct);
    }
    case TER_MOUNTAINS: {
        /* light hachure of the slopes under the peak marks */
        double f = (wx + wy * 0.6) * z / 5.0;
        if (z >= 8 && f - ffloor(f) < 0.2) c = shade(c, 95);
        return shade(c, pct);
    }
    default:
        return shade(c, pct);
    }
}

/* ---------------------------------------------------------------- marks */

typedef struct MarkCtx {
    UiCanvas *cv;
    const Region *g;
    double z;
} MarkCtx;

static uint8_t region_ter(const Region *g, double px, double py) /* canvas pixel coords */
{
    int x = (int)floor(px) + g->M, y = (int)floor(py) + g->M;
    if (x < 0 || y < 0 || x >= g->W || y >= g->H) return T_OUT;
    return g->ter[y * g->W + x];
}

/* A tree: shadow, trunk, crown with a highlight (a dot at tiny sizes). */
static void mark_tree(UiCanvas *cv, double x, double y, double r)
{
    if (r < 1.6) { ui_ras_disc(cv, x, y, r, UI_HEX(0x5C8C4C)); return; }
    ui_ras_disc(cv, x + r * 0.25, y + r * 0.3, r, 0x553A5A2C);
    ui_ras_line(cv, x, y + r * 0.4, x, y + r * 1.25, fmax(1, r * 0.28), UI_HEX(0x6B5337));
    ui_ras_disc(cv, x, y, r, UI_HEX(0x4F8A45));
    ui_ras_disc(cv, x - r * 0.25, y - r * 0.25, r * 0.55, UI_HEX(0x6FA85C));
    ui_ras_ring(cv, x, y, r - 0.35, 0.7, 0xB0345E2E);
}

/* A hill mark: an arc with a shaded flank. */
static void mark_hill(UiCanvas *cv, double x, double y, double s, double lw)
{
    ui_ras_bezier(cv, x - s, y + s * 0.35, x, y - s * 0.95, x + s, y + s * 0.35, lw, lw, UI_HEX(0x8E7A4E));
    ui_ras_bezier(cv, x + s * 0.15, y - s * 0.15, x + s * 0.6, y - s * 0.2, x + s * 0.8, y + s * 0.3,
                  lw * 0.8, lw * 0.5, 0x888E7A4E);
}

/* A mountain peak: lit west face, shaded east face, outline, snow cap on some. */
static void mark_peak(UiCanvas *cv, double x, double y, double s, double lw, int snow)
{
    double ax = x, ay = y - s * 0.9, lx = x - s, ly = y + s * 0.45, rx = x + s * 0.9, ry = y + s * 0.45;
    double mx = x + s * 0.1, my = y + s * 0.45;
    double left[6] = { ax, ay, lx, ly, mx, my };
    double right[6] = { ax, ay, mx, my, rx, ry };
    ui_ras_poly(cv, left, 3, UI_HEX(0xEADFC9));
    ui_ras_poly(cv, right, 3, UI_HEX(0x8F735A));
    if (snow && s > 5) {
        double cap[8] = { ax, ay, ax - s * 0.32, ay + s * 0.42, ax + s * 0.02, ay + s * 0.3, ax + s * 0.28, ay + s * 0.42 };
        ui_ras_poly(cv, cap, 4, UI_HEX(0xFBFBF7));
    }
    ui_ras_line(cv, lx, ly, ax, ay, lw, UI_HEX(0x5E4733));
    ui_ras_line(cv, ax, ay, rx, ry, lw, UI_HEX(0x5E4733));
}

/* A grass tuft with its foot at (x, y). */
static void mark_grass(UiCanvas *cv, double x, double y, double s, double lw)
{
    uint32_t c = UI_HEX(0x99985A);
    ui_ras_line(cv, x, y, x - s * 0.45, y - s * 0.8, lw, c);
    ui_ras_line(cv, x, y, x, y - s, lw, c);
    ui_ras_line(cv, x, y, x + s * 0.45, y - s * 0.8, lw, c);
}

/* Marsh reeds with their foot at (x, y). */
static void mark_reeds(UiCanvas *cv, double x, double y, double s, double lw)
{
    uint32_t c = UI_HEX(0x4F7F62);
    ui_ras_line(cv, x - s * 0.5, y, x + s * 0.5, y, lw, c);
    ui_ras_line(cv, x, y, x, y - s, lw, c);
    ui_ras_line(cv, x - s * 0.35, y, x - s * 0.5, y - s * 0.7, lw, c);
    ui_ras_line(cv, x + s * 0.35, y, x + s * 0.5, y - s * 0.7, lw, c);
}

/* Marks of one terrain on a jittered grid of cell pixels; each mark is drawn when the terrain
 * under its foot is t. Rows from the top so that lower marks overlap upper ones. */
/* Draw one mark of terrain t, size factor sz, variant var, with its foot at (px, py). */
static void mark_draw(UiCanvas *cv, uint8_t t, double px, double py, double cell, double sz, int var, double z)
{
    switch (t) {
    case TER_FOREST: mark_tree(cv, px, py, cell * 0.5 * sz * (var ? 0.7 : 1.0)); break;
    case TER_HILLS: mark_hill(cv, px, py, cell * 0.36 * sz, fmax(1.0, z * 0.05)); break;
    case TER_MOUNTAINS: mark_peak(cv, px, py, cell * 0.42 * sz, fmax(0.9, z * 0.035), var); break;
    case TER_STEPPE: mark_grass(cv, px, py, cell * 0.3 * sz, fmax(0.8, z * 0.03)); break;
    case TER_MARSH: mark_reeds(cv, px, py, cell * 0.3 * sz, fmax(0.8, z * 0.03)); break;
    default: break;
    }
}

#define STAMP_SIZES 4

/* Marks of one terrain on a jittered grid of cell pixels; each mark is drawn when the terrain
 * under its foot is t. Rows from the top so that lower marks overlap upper ones. The marks are
 * drawn once per size and variant into small stamps, then copied (a tree drawn shape by shape
 * costs several times a copy). */
static void marks(const MarkCtx *k, uint8_t t, double cell, int seed, int keep256)
{
    const Region *g = k->g;
    UiCanvas *cv = k->cv;
    double z = k->z;
    double pad = cell * 1.5;
    int D = (int)ceil(cell * 2.4) + 6;
    UiCanvas stamp[STAMP_SIZES][2];
    memset(stamp, 0, sizeof stamp);
    int j0 = (int)floor((g->gy0 - pad) / cell), j1 = (int)ceil((g->gy0 + cv->h + pad) / cell);
    int i0 = (int)floor((g->gx0 - pad) / cell) - 1, i1 = (int)ceil((g->gx0 + cv->w + pad) / cell) + 1;
    for (int j = j0; j <= j1; j++)
        for (int i = i0; i <= i1; i++) {
            uint32_t h = hash3(i, j, seed);
            if ((int)(h & 255) >= keep256) continue;
            double jx = (((h >> 8) & 255) / 255.0 - 0.5) * 0.7, jy = (((h >> 16) & 255) / 255.0 - 0.5) * 0.7;
            double gx = (i + 0.5 + jx + (j & 1) * 0.5) * cell, gy = (j + 0.5 + jy) * cell;
            /* feet on whole global pixels, so that every chunk puts a mark at the same place */
            double px = floor(gx) - floor(g->gx0), py = floor(gy) - floor(g->gy0);
            if (px < -pad || py < -pad || px > cv->w + pad || py > cv->h + pad) continue;
            if (region_ter(g, px, py) != t) continue;
            int szq = (int)(((h >> 24) & 255) * STAMP_SIZES / 256);
            double sz = 0.85 + (szq + 0.5) / STAMP_SIZES * 0.3;
            int var = 0;
            if (t == TER_FOREST) var = region_ter(g, px, py - cell * 0.5 * sz) != t;
            else if (t == TER_MOUNTAINS) var = (h >> 5) & 1;
            UiCanvas *st = &stamp[szq][var];
            if (!st->px) {
                if (ui_ras_alloc(st, D, D) != 0) { mark_draw(cv, t, px + 0.5, py + 0.5, cell, sz, var, z); continue; }
                mark_draw(st, t, D / 2 + 0.5, D / 2 + 0.5, cell, sz, var, z);
            }
            int ox = (int)px - D / 2, oy = (int)py - D / 2;
            for (int y = 0; y < D; y++) {
                int yy = oy + y;
                if (yy < 0 || yy >= cv->h) continue;
                const uint32_t *srow = st->px + (size_t)y * D;
                for (int x = 0; x < D; x++) {
                    uint32_t c = srow[x];
                    if (c >> 24) ui_ras_blend(cv, ox + x, yy, c, 255);
                }
            }
        }
    for (int a = 0; a < STAMP_SIZES; a++) { free(stamp[a][0].px); free(stamp[a][1].px); }
}

/* ---------------------------------------------------------------- rivers and roads */

static void to_canvas(const Region *g, double wx, double wy, double *px, double *py)
{
    double dx, dy;
    disp(wx, wy, g->wobble, &dx, &dy);
    *px = (wx - dx) * g->z - g->gx0;
    *py = (wy - dy) * g->z - g->gy0;
}

/* Stroke width of a river (or its darker casing) at zoom z, by class. */
int ui_art_river_hits(const UiArt *a, double x0, double y0, double x1, double y1)
{
    int n = 0;
    for (int i = 0; i < a->n_edge; i++) {
        const RivVert *p = &a->vert[a->edge[i].a], *q = &a->vert[a->edge[i].b];
        double pts[3][2] = { { p->x, p->y }, { q->x, q->y }, { (p->x + q->x) / 2, (p->y + q->y) / 2 } };
        for (int k = 0; k < 3; k++)
            if (pts[k][0] >= x0 && pts[k][0] <= x1 && pts[k][1] >= y0 && pts[k][1] <= y1) { n++; break; }
    }
    return n;
}

int ui_art_river_points(const UiArt *a, int river, double *xy, int max)
{
    double cx, cy;
    if (!ui_art_river_anchor(a, river, 1, &cx, &cy)) return 0;
    int n = 0;
    for (int i = 0; i < a->n_edge && n < max; i++) {
        const RivEdge *e = &a->edge[i];
        if (e->river != river) continue;
        xy[2 * n] = (a->vert[e->a].x + a->vert[e->b].x) / 2;
        xy[2 * n + 1] = (a->vert[e->a].y + a->vert[e->b].y) / 2;
        n++;
    }
    /* nearest the middle first (insertion sort: a river has at most a few hundred sides) */
    for (int i = 1; i < n; i++) {
        double x = xy[2 * i], y = xy[2 * i + 1], d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        int j = i - 1;
        while (j >= 0 && (xy[2 * j] - cx) * (xy[2 * j] - cx) + (xy[2 * j + 1] - cy) * (xy[2 * j + 1] - cy) > d) {
            xy[2 * j + 2] = xy[2 * j]; xy[2 * j + 3] = xy[2 * j + 1];
            j--;
        }
        xy[2 * j + 2] = x; xy[2 * j + 3] = y;
    }
    return n;
}

static double river_w(int major, double z, int casing)
{
    double w = major ? fmax(2.2, z * 0.15) : fmax(1.2, z * 0.075);
    return casing ? w + fmax(1.2, z * 0.05) : w;
}

/* Rivers on hexsides, smoothed through their corners, casing first; bridges and fords over them. */
static void paint_rivers(const UiArt *a, UiCanvas *cv, const Region *g, int frozen)
{
    double z = g->z;
    double pad = 3 * z;
    uint32_t col[2] = { frozen ? UI_HEX(0x5F7A94) : UI_HEX(0x2F6496), frozen ? UI_HEX(0xF1F7FB) : UI_HEX(0x5B95CC) };
    for (int pass = 0; pass < 2; pass++) {
        for (int vi = 0; vi < a->n_vert; vi++) {
            const RivVert *v = &a->vert[vi];
            double vx = v->x * z - g->gx0, vy = v->y * z - g->gy0;
            if (vx < -pad || vy < -pad || vx > cv->w + pad || vy > cv->h + pad) continue;
            double px, py;
            to_canvas(g, v->x, v->y, &px, &py);
            double mx[4], my[4], w[4];
            for (int k = 0; k < v->n; k++) {
                const RivEdge *e = &a->edge[v->e[k]];
                const RivVert *o = &a->vert[e->a == vi ? e->b : e->a];
                to_canvas(g, (v->x + o->x) / 2, (v->y + o->y) / 2, &mx[k], &my[k]);
                w[k] = river_w(e->major, z, pass == 0);
            }
            if (v->n == 2) {
                ui_ras_bezier(cv, mx[0], my[0], px, py, mx[1], my[1], w[0], w[1], col[pass]);
            } else {
                for (int k = 0; k < v->n; k++)
                    ui_ras_line(cv, px, py, mx[k], my[k], w[k], col[pass]);
            }
        }
    }
    /* bridges and fords */
    if (z >= 10) {
        for (int i = 0; i < a->n_cross; i++) {
            const Crossing *c = &a->cross[i];
            double px, py;
            to_canvas(g, c->x, c->y, &px, &py);
            if (px < -pad || py < -pad || px > cv->w + pad || py > cv->h + pad) continue;
            double nx = -sin(c->ang), ny = cos(c->ang), tx = cos(c->ang), ty = sin(c->ang);
            double L = z * 0.22, o = z * 0.09;
            if (c->bridge) {
                for (int s = -1; s <= 1; s += 2)
                    ui_ras_line(cv, px + tx * o * s - nx * L, py + ty * o * s - ny * L,
                                px + tx * o * s + nx * L, py + ty * o * s + ny * L, fmax(1.2, z * 0.05), UI_HEX(0x3B2A1E));
            } else {
                for (int s = -1; s <= 1; s++)
                    ui_ras_disc(cv, px + nx * s * L * 0.6, py + ny * s * L * 0.6, fmax(1, z * 0.04), UI_HEX(0x3B2A1E));
            }
        }
    }
}

/* Roads from hex centre to hex centre across road hexsides, on a pale casing. */
static void paint_roads(const UiArt *a, UiCanvas *cv, const Region *g)
{
    double z = g->z;
    double pad = 2 * z;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < a->n_road; i++) {
            const RoadSeg *r = &a->road[i];
            double ax, ay, bx, by;
            to_canvas(g, r->ax, r->ay, &ax, &ay);
            to_canvas(g, r->bx, r->by, &bx, &by);
            if (fmax(ax, bx) < -pad || fmax(ay, by) < -pad || fmin(ax, bx) > cv->w + pad || fmin(ay, by) > cv->h + pad)
                continue;
            double w = fmax(1.0, z * 0.06);
            if (pass == 0) ui_ras_line(cv, ax, ay, bx, by, w + fmax(1.2, z * 0.05), 0xB0F6EEDA);
            else ui_ras_line(cv, ax, ay, bx, by, w, UI_HEX(0x9A4F2A));
        }
}

/* ---------------------------------------------------------------- the painter */

void ui_art_paint(const UiArt *a, UiCanvas *cv, double gx0, double gy0, double z, int flags,
                  int grid_alpha, int32_t *hexmap)
{
    const Map *m = a->m;
    Region g;
    g.M = (int)fmin(40, 0.72 * z + 4);
    g.W = cv->w + 2 * g.M;
    g.H = cv->h + 2 * g.M;
    g.gx0 = gx0; g.gy0 = gy0; g.z = z;
    g.wobble = (flags & UI_ART_ATLAS) ? 1.7 : 1.0;
    g.ter = malloc((size_t)g.W * g.H);
    g.dist = malloc((size_t)g.W * g.H * sizeof *g.dist);
    if (!g.ter || !g.dist) { free(g.ter); free(g.dist); ui_ras_clear(cv, UI_HEX(C_OUT)); return; }
    classify(m, &g);
    water_dist(&g);

    /* low-frequency tint, sampled coarsely */
    const int S = 16;
    int winter = (flags & UI_ART_FROZEN) != 0;
    int tw = cv->w / S + 2, th = cv->h / S + 2;
    double *tint = malloc(sizeof(double) * tw * th);
    if (tint)
        for (int j = 0; j < th; j++)
            for (int i = 0; i < tw; i++) {
                double wx = (gx0 + i * S) / z, wy = (gy0 + j * S) / z;
                tint[j * tw + i] = (vnoise(wx * 0.35, wy * 0.35, 21) - 0.5) * 6 + (vnoise(wx * 1.3, wy * 1.3, 22) - 0.5) * 3;
            }

    for (int y = 0; y < cv->h; y++) {
        uint32_t *row = cv->px + (size_t)y * cv->pitch;
        const uint8_t *trow = g.ter + (size_t)(y + g.M) * g.W + g.M;
        const uint16_t *drow = g.dist + (size_t)(y + g.M) * g.W + g.M;
        int gy = (int)floor(gy0) + y;
        double fy = (y % S) / (double)S;
        for (int x = 0; x < cv->w; x++) {
            double tn = 0;
            if (tint) {
                const double *tp = &tint[(y / S) * tw + x / S];
                double fx = (x % S) / (double)S;
                tn = (tp[0] * (1 - fx) + tp[1] * fx) * (1 - fy) + (tp[tw] * (1 - fx) + tp[tw + 1] * fx) * fy;
            }
            uint32_t c = fill_pixel(trow[x], (int)floor(gx0) + x, gy, z, drow[x], tn);
            /* winter: a light cover of snow on the land */
            if (winter && trow[x] != T_OUT && !is_water(trow[x])) c = mix(c, UI_HEX(0xF3F5F7), 84);
            row[x] = c;
        }
    }
    free(tint);

    /* coast line: water pixels touching land */
    for (int y = 0; y < cv->h; y++) {
        const uint8_t *trow = g.ter + (size_t)(y + g.M) * g.W + g.M;
        const uint16_t *drow = g.dist + (size_t)(y + g.M) * g.W + g.M;
        for (int x = 0; x < cv->w; x++) {
            if (!is_water(trow[x])) continue;
            unsigned d = drow[x];
            double w = fmax(1.0, z * 0.05);
            double e = d / 3.0 - 0.5;
            if (e < w + 0.5) {
                int cov = (int)((w + 0.5 - e) * 255);
                ui_ras_blend(cv, x, y, UI_HEX(C_COAST), cov > 255 ? 255 : cov);
            }
        }
    }

    MarkCtx k = { cv, &g, z };
    if (z >= 5) {
        marks(&k, TER_MARSH, fmax(7, z * 0.55), 31, z >= 11 ? 150 : 0);
        marks(&k, TER_STEPPE, fmax(6, z * 0.5), 32, z >= 11 ? 110 : 0);
        marks(&k, TER_HILLS, fmax(7, z * 0.72), 33, 230);
        marks(&k, TER_FOREST, fmax(4, z * 0.34), 34, 250);
        marks(&k, TER_MOUNTAINS, fmax(8, z * 0.78), 35, 256);
    } else {
        /* tiny scale: forest and mountains as dots/ticks */
        marks(&k, TER_FOREST, 3, 34, 200);
        marks(&k, TER_MOUNTAINS, 5, 35, 230);
    }
    paint_roads(a, cv, &g);
    paint_rivers(a, cv, &g, (flags & UI_ART_FROZEN) != 0);

    /* grid and the exact hex index map */
    double lw = fmax(0.8, z * 0.03);
    for (int y = 0; y < cv->h; y++) {
        double wy = (gy0 + y + 0.5) / z;
        for (int x = 0; x < cv->w; x++) {
            double wx = (gx0 + x + 0.5) / z;
            double cx, cy;
            int idx = hex_index_c(m, wx, wy, &cx, &cy);
            if (hexmap) hexmap[y * cv->w + x] = idx;
            if ((flags & UI_ART_GRID) && grid_alpha > 0 && idx >= 0 && !is_water(m->terrain[idx])) {
                double px = wx - cx, py = wy - cy;
                double p0 = fabs(px), p1 = fabs(0.5 * px + 0.8660254 * py), p2 = fabs(-0.5 * px + 0.8660254 * py);
                double d = (0.8660254 - fmax(p0, fmax(p1, p2))) * z;
                if (d < lw + 0.5) {
                    int cov = (int)((lw + 0.5 - d) * grid_alpha);
                    if (cov > grid_alpha) cov = grid_alpha;
                    ui_ras_blend(cv, x, y, UI_HEX(0x4A3A28), cov);
                }
            }
        }
    }
    free(g.ter);
    free(g.dist);
}

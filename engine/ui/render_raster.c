/* render_raster.c - a small anti-aliased software rasteriser on ARGB8888 buffers: discs, rings,
 * thick lines, Bezier strokes, polygons and stars, by coverage from signed distances. The map
 * art and the symbols are drawn with it so that they are sharp at every size. */
#include "render_priv.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

int ui_ras_alloc(UiCanvas *cv, int w, int h)
{
    cv->px = calloc((size_t)w * (size_t)h, 4);
    cv->w = w; cv->h = h; cv->pitch = w;
    return cv->px ? 0 : -1;
}

void ui_ras_clear(UiCanvas *cv, uint32_t c)
{
    for (int y = 0; y < cv->h; y++) {
        uint32_t *row = cv->px + (size_t)y * cv->pitch;
        for (int x = 0; x < cv->w; x++) row[x] = c;
    }
}

void ui_ras_blend(UiCanvas *cv, int x, int y, uint32_t c, int cov)
{
    if ((unsigned)x >= (unsigned)cv->w || (unsigned)y >= (unsigned)cv->h || cov <= 0) return;
    uint32_t *p = cv->px + (size_t)y * cv->pitch + x;
    unsigned a = ((c >> 24) * (unsigned)(cov > 255 ? 255 : cov) + 127) / 255;
    if (a == 0) return;
    uint32_t d = *p;
    unsigned da = d >> 24;
    if (a == 255 || da == 0) {
        if (da == 0) { *p = (a << 24) | (c & 0xFFFFFF); return; }
        *p = c | 0xFF000000u; return;
    }
    unsigned oa = a + da * (255 - a) / 255;
    unsigned dw = da * (255 - a) / 255;
    unsigned r = (((c >> 16) & 255) * a + ((d >> 16) & 255) * dw) / oa;
    unsigned g = (((c >> 8) & 255) * a + ((d >> 8) & 255) * dw) / oa;
    unsigned b = ((c & 255) * a + (d & 255) * dw) / oa;
    *p = (oa << 24) | (r << 16) | (g << 8) | b;
}

static int cov_of(double d) /* d: signed distance in pixels, negative inside */
{
    double v = 0.5 - d;
    if (v <= 0) return 0;
    if (v >= 1) return 255;
    return (int)(v * 255);
}

void ui_ras_disc(UiCanvas *cv, double cx, double cy, double r, uint32_t c)
{
    int x0 = (int)floor(cx - r - 1), x1 = (int)ceil(cx + r + 1);
    int y0 = (int)floor(cy - r - 1), y1 = (int)ceil(cy + r + 1);
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > cv->w) x1 = cv->w;
    if (y1 > cv->h) y1 = cv->h;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
            int cov = cov_of(sqrt(dx * dx + dy * dy) - r);
            if (cov) ui_ras_blend(cv, x, y, c, cov);
        }
}

void ui_ras_ring(UiCanvas *cv, double cx, double cy, double r, double width, uint32_t c)
{
    double ro = r + width / 2;
    int x0 = (int)floor(cx - ro - 1), x1 = (int)ceil(cx + ro + 1);
    int y0 = (int)floor(cy - ro - 1), y1 = (int)ceil(cy + ro + 1);
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > cv->w) x1 = cv->w;
    if (y1 > cv->h) y1 = cv->h;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
            int cov = cov_of(fabs(sqrt(dx * dx + dy * dy) - r) - width / 2);
            if (cov) ui_ras_blend(cv, x, y, c, cov);
        }
}

/* Distance from p to segment ab, and the parameter t of the closest point. */
static double seg_dist(double px, double py, double ax, double ay, double bx, double by, double *t_out)
{
    double vx = bx - ax, vy = by - ay, wx = px - ax, wy = py - ay;
    double l2 = vx * vx + vy * vy;
    double t = l2 > 0 ? (wx * vx + wy * vy) / l2 : 0;
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    double dx = wx - t * vx, dy = wy - t * vy;
    if (t_out) *t_out = t;
    return sqrt(dx * dx + dy * dy);
}

/* A tapered capsule stroke: width wa at a, wb at b; round caps. */
static void capsule(UiCanvas *cv, double ax, double ay, double bx, double by, double wa, double wb, uint32_t c)
{
    double hw = (wa > wb ? wa : wb) / 2 + 1;
    int x0 = (int)floor(fmin(ax, bx) - hw), x1 = (int)ceil(fmax(ax, bx) + hw);
    int y0 = (int)floor(fmin(ay, by) - hw), y1 = (int)ceil(fmax(ay, by) + hw);
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > cv->w) x1 = cv->w;
    if (y1 > cv->h) y1 = cv->h;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            double t;
            double d = seg_dist(x + 0.5, y + 0.5, ax, ay, bx, by, &t);
            double w = wa + (wb - wa) * t;
            int cov = cov_of(d - w / 2);
            if (cov) ui_ras_blend(cv, x, y, c, cov);
        }
}

void ui_ras_line(UiCanvas *cv, double x0, double y0, double x1, double y1, double width, uint32_t c)
{
    capsule(cv, x0, y0, x1, y1, width, width, c);
}

void ui_ras_bezier(UiCanvas *cv, double x0, double y0, double x1, double y1, double x2, double y2,
                   double w0, double w2, uint32_t c)
{
    /* Flatten into short segments, then draw them as capsules into a coverage mask so that
     * overlapping segments do not double the alpha. */
    double len = hypot(x1 - x0, y1 - y0) + hypot(x2 - x1, y2 - y1);
    int n = (int)(len / 3) + 2;
    if (n > 64) n = 64;
    double px[66], py[66];
    for (int i = 0; i <= n; i++) {
        double t = (double)i / n, u = 1 - t;
        px[i] = u * u * x0 + 2 * u * t * x1 + t * t * x2;
        py[i] = u * u * y0 + 2 * u * t * y1 + t * t * y2;
    }
    double hw = fmax(w0, w2) / 2 + 1;
    int bx0 = (int)floor(fmin(fmin(x0, x1), x2) - hw), bx1 = (int)ceil(fmax(fmax(x0, x1), x2) + hw);
    int by0 = (int)floor(fmin(fmin(y0, y1), y2) - hw), by1 = (int)ceil(fmax(fmax(y0, y1), y2) + hw);
    if (bx0 < 0) bx0 = 0;
    if (by0 < 0) by0 = 0;
    if (bx1 > cv->w) bx1 = cv->w;
    if (by1 > cv->h) by1 = cv->h;
    int W = bx1 - bx0, H = by1 - by0;
    if (W <= 0 || H <= 0) return;
    uint8_t stack_buf[4096];
    uint8_t *cov = (size_t)W * H <= sizeof stack_buf ? stack_buf : calloc((size_t)W * H, 1);
    if (!cov) return;
    memset(cov, 0, (size_t)W * H);
    /* each flattened segment writes its capsule's coverage (max) over its own small box */
    for (int i = 0; i < n; i++) {
        double wa = w0 + (w2 - w0) * ((double)i / n), wb = w0 + (w2 - w0) * ((double)(i + 1) / n);
        double h2 = fmax(wa, wb) / 2 + 1;
        int sx0 = (int)floor(fmin(px[i], px[i + 1]) - h2), sx1 = (int)ceil(fmax(px[i], px[i + 1]) + h2);
        int sy0 = (int)floor(fmin(py[i], py[i + 1]) - h2), sy1 = (int)ceil(fmax(py[i], py[i + 1]) + h2);
        if (sx0 < bx0) sx0 = bx0;
        if (sy0 < by0) sy0 = by0;
        if (sx1 > bx1) sx1 = bx1;
        if (sy1 > by1) sy1 = by1;
        for (int y = sy0; y < sy1; y++)
            for (int x = sx0; x < sx1; x++) {
                double t;
                double d = seg_dist(x + 0.5, y + 0.5, px[i], py[i], px[i + 1], py[i + 1], &t);
                int c = cov_of(d - (wa + (wb - wa) * t) / 2);
                uint8_t *q = &cov[(y - by0) * W + (x - bx0)];
                if (c > *q) *q = (uint8_t)c;
            }
    }
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            if (cov[y * W + x]) ui_ras_blend(cv, bx0 + x, by0 + y, c, cov[y * W + x]);
    if (cov != stack_buf) free(cov);
}

void ui_ras_poly(UiCanvas *cv, const double *xy, int n, uint32_t c)
{
    if (n < 3) return;
    double minx = xy[0], maxx = xy[0], miny = xy[1], maxy = xy[1];
    for (int i = 1; i < n; i++) {
        minx = fmin(minx, xy[2 * i]); maxx = fmax(maxx, xy[2 * i]);
        miny = fmin(miny, xy[2 * i + 1]); maxy = fmax(maxy, xy[2 * i + 1]);
    }
    int y0 = (int)floor(miny), y1 = (int)ceil(maxy);
    int x0 = (int)floor(minx), x1 = (int)ceil(maxx);
    if (y0 < 0) y0 = 0;
    if (x0 < 0) x0 = 0;
    if (y1 > cv->h) y1 = cv->h;
    if (x1 > cv->w) x1 = cv->w;
    int W = x1 - x0;
    if (W <= 0) return;
    int *acc = calloc((size_t)W, sizeof *acc);
    if (!acc) return;
    for (int y = y0; y < y1; y++) {
        memset(acc, 0, (size_t)W * sizeof *acc);
        for (int s = 0; s < 4; s++) {
            double sy = y + (s + 0.5) / 4;
            double xs[64];
            int k = 0;
            for (int i = 0; i < n && k < 64; i++) {
                double ax = xy[2 * i], ay = xy[2 * i + 1];
                double bx = xy[2 * ((i + 1) % n)], by = xy[2 * ((i + 1) % n) + 1];
                if ((ay <= sy && by > sy) || (by <= sy && ay > sy))
                    xs[k++] = ax + (sy - ay) * (bx - ax) / (by - ay);
            }
            for (int i = 1; i < k; i++)         /* insertion sort: few crossings */
                for (int j = i; j > 0 && xs[j] < xs[j - 1]; j--) { double t = xs[j]; xs[j] = xs[j - 1]; xs[j - 1] = t; }
            for (int i = 0; i + 1 < k; i += 2) {
                double a = xs[i] - x0, b = xs[i + 1] - x0;
                for (int q = 0; q < 4; q++) {
                    double off = (q + 0.5) / 4;
                    int lo = (int)ceil(a - off), hi = (int)floor(b - off);
                    if (lo < 0) lo = 0;
                    if (hi > W - 1) hi = W - 1;
                    for (int x = lo; x <= hi; x++) acc[x]++;
                }
            }
        }
        for (int x = 0; x < W; x++)
            if (acc[x]) ui_ras_blend(cv, x0 + x, y, c, acc[x] >= 16 ? 255 : acc[x] * 16);
    }
    free(acc);
}

void ui_ras_rect(UiCanvas *cv, double x0, double y0, double x1, double y1, uint32_t c)
{
    double xy[8] = { x0, y0, x1, y0, x1, y1, x0, y1 };
    ui_ras_poly(cv, xy, 4, c);
}

void ui_ras_rrect(UiCanvas *cv, double x0, double y0, double x1, double y1, double rad, uint32_t c)
{
    double xy[4 * 8 * 2];
    int n = 0;
    double cxs[4] = { x1 - rad, x0 + rad, x0 + rad, x1 - rad };
    double cys[4] = { y0 + rad, y0 + rad, y1 - rad, y1 - rad };
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < 8; i++) {
            double a = (k * 90 + i * 90.0 / 7) * UI_PI / 180;
            xy[2 * n] = cxs[k] + cos(a) * rad;
            xy[2 * n + 1] = cys[k] - sin(a) * rad;
            n++;
        }
    ui_ras_poly(cv, xy, n, c);
}

void ui_ras_star(UiCanvas *cv, double cx, double cy, double r, uint32_t fill, uint32_t edge)
{
    double xy[20], in[20];
    for (int i = 0; i < 10; i++) {
        double a = (-90 + i * 36) * UI_PI / 180;
        double rr = (i & 1) ? r * 0.42 : r;
        xy[2 * i] = cx + cos(a) * rr;
        xy[2 * i + 1] = cy + sin(a) * rr;
        double ri = (i & 1) ? r * 0.42 - r * 0.16 : r - r * 0.3;
        in[2 * i] = cx + cos(a) * ri;
        in[2 * i + 1] = cy + sin(a) * ri;
    }
    if (edge) ui_ras_poly(cv, xy, 10, edge);
    ui_ras_poly(cv, edge ? in : xy, 10, fill);
}

SDL_Surface *ui_ras_to_surface(const UiCanvas *cv)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, cv->w, cv->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    SDL_LockSurface(s);
    for (int y = 0; y < cv->h; y++)
        memcpy((uint8_t *)s->pixels + (size_t)y * s->pitch, cv->px + (size_t)y * cv->pitch, (size_t)cv->w * 4);
    SDL_UnlockSurface(s);
    return s;
}

Hex ui_world_to_hex(double wx, double wy)
{
    /* pointy-top, radius 1: fractional axial, then cube rounding */
    double q = (UI_SQRT3 / 3 * wx - wy / 3);
    double r = (2.0 / 3 * wy);
    double x = q, z = r, y = -x - z;
    double rx = floor(x + 0.5), ry = floor(y + 0.5), rz = floor(z + 0.5);
    double dx = fabs(rx - x), dy = fabs(ry - y), dz = fabs(rz - z);
    if (dx > dy && dx > dz) rx = -ry - rz;
    else if (dy > dz) ry = -rx - rz;
    else rz = -rx - ry;
    (void)ry;
    Hex h = { (int)rx, (int)rz };
    return h;
}

/* Walks the segment in dash and gap pieces; see render_priv.h. */
void ui_dash_segment(double x0, double y0, double x1, double y1, double walked, double dash, double period,
                     UiDashFn draw, void *ud)
{
    double len = hypot(x1 - x0, y1 - y0);
    if (len < 1e-6) return;
    for (double t = 0; t < len;) {
        double ph = fmod(walked + t, period);
        double seg = ph < dash ? dash - ph : period - ph;
        if (seg < 0.5) seg = 0.5;
        if (t + seg > len) seg = len - t;
        if (ph < dash)
            draw(x0 + (x1 - x0) * t / len, y0 + (y1 - y0) * t / len,
                 x0 + (x1 - x0) * (t + seg) / len, y0 + (y1 - y0) * (t + seg) / len, ud);
        t += seg;
    }
}

/* mapshot.c - pictures written to PNG files without a display: the theatre as an atlas page
 * (terrain, coasts, rivers, the borders of 1114, places and names set by a greedy label placer,
 * a latitude/longitude graticule with degree labels, physical, lake, sea and state names, a title
 * cartouche, a legend and a scale bar) and one game frame (the
 * game screen of ui_app when it can be opened, else the map view with units). */
#include "mapshot.h"
#include "render_priv.h"
#include "ui_render.h"
#include "ui_app.h"
#include "ui_screens.h"
#include "lscript.h"
#include "session.h"
#include "proj.h"
#include "safefile.h"
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAPER 0xF1E8D2
#define INK_C 0x2B1D14

int ui_save_png(SDL_Surface *s, const char *path, char *err, size_t errlen)
{
    SafeFile sf;
    if (safefile_open(&sf, path, err, errlen)) return -1;
    SDL_RWops *rw = SDL_RWFromFP(sf.f, SDL_FALSE);
    if (!rw || IMG_SavePNG_RW(s, rw, 1) != 0) {     /* closes rw, not the FILE */
        snprintf(err, errlen, "%s: cannot write PNG (the old file is kept): %s", path, IMG_GetError());
        safefile_abort(&sf);
        return -1;
    }
    return safefile_commit(&sf, err, errlen);
}

/* Write a surface to PNG. */
static int save_png(SDL_Surface *s, const char *path, char *err, size_t errlen)
{
    return ui_save_png(s, path, err, errlen);
}

/* ---------------------------------------------------------------- geography helpers */

/* World point (hex radii) of a lat/lon on a geographic map. */
static void ll_to_world(const Map *m, double lat, double lon, double *wx, double *wy)
{
    double x, y;
    proj_forward(lat, lon, &x, &y);
    double row_m = PROJ_ROW_M(m->hex_size_m);
    *wx = (x - m->origin_x_m) / m->hex_size_m * UI_SQRT3;
    *wy = (m->origin_y_m - y) / row_m * 1.5;
}

typedef struct Frame { double ox, oy, z; int fx, fy, fw, fh; } Frame; /* world->canvas */

static void to_px(const Frame *f, double wx, double wy, double *px, double *py)
{
    *px = wx * f->z - f->ox;
    *py = wy * f->z - f->oy;
}

/* Graticule lines every 'step' degrees into the canvas (which covers only the map frame). */
static void graticule(UiCanvas *cv, const Map *m, const Frame *f, int step)
{
    uint32_t c = 0x8C3E4E66;
    double lw = 1.1;
    for (int lon = 100; lon <= 140; lon += step) {
        double px0 = 0, py0 = 0;
        for (int i = 0; i <= 80; i++) {
            double lat = 30 + i * 0.3, wx, wy, px, py;
            ll_to_world(m, lat, lon, &wx, &wy);
            to_px(f, wx, wy, &px, &py);
            if (i) ui_ras_line(cv, px0, py0, px, py, lw, c);
            px0 = px; py0 = py;
        }
    }
    for (int lat = 30; lat <= 56; lat += step) {
        double px0 = 0, py0 = 0;
        for (int i = 0; i <= 120; i++) {
            double lon = 96 + i * 0.4, wx, wy, px, py;
            ll_to_world(m, lat, lon, &wx, &wy);
            to_px(f, wx, wy, &px, &py);
            if (i) ui_ras_line(cv, px0, py0, px, py, lw, c);
            px0 = px; py0 = py;
        }
    }
}

/* Where the line of constant lon (or lat) crosses the frame edge: scan the curve for the crossing
 * with y = ey (top/bottom, along lat) or x = ex (left/right). Returns 1 when found. */
static int meridian_at_y(const Map *m, const Frame *f, double lon, double ey, double *x_out)
{
    double pxp = 0, pyp = 0;
    for (int i = 0; i <= 400; i++) {
        double lat = 30 + i * 0.065, wx, wy, px, py;
        ll_to_world(m, lat, lon, &wx, &wy);
        to_px(f, wx, wy, &px, &py);
        if (i && ((pyp - ey) * (py - ey) <= 0) && pyp != py) {
            *x_out = pxp + (ey - pyp) * (px - pxp) / (py - pyp);
            return 1;
        }
        pxp = px; pyp = py;
    }
    return 0;
}

/* Where the parallel lat crosses the vertical frame edge x = ex (canvas pixels); 1 when found. */
static int parallel_at_x(const Map *m, const Frame *f, double lat, double ex, double *y_out)
{
    double pxp = 0, pyp = 0;
    for (int i = 0; i <= 600; i++) {
        double lon = 96 + i * 0.08, wx, wy, px, py;
        ll_to_world(m, lat, lon, &wx, &wy);
        to_px(f, wx, wy, &px, &py);
        if (i && ((pxp - ex) * (px - ex) <= 0) && pxp != px) {
            *y_out = pyp + (ex - pxp) * (py - pyp) / (px - pxp);
            return 1;
        }
        pxp = px; pyp = py;
    }
    return 0;
}

/* ---------------------------------------------------------------- atlas page */

enum { GL_SEA, GL_REGION, GL_STATE };
typedef struct GeoLabel { double lat, lon; const char *text; int kind; int size_pct; } GeoLabel;

/* Seas, physical regions and the states of 1114. A region or state name is shifted to the
 * nearest free spot around its point; a sea name stays on the water. */
static const GeoLabel geo_labels[] = {
    { 38.9, 120.2, "Bohai Sea", GL_SEA, 100 },
    { 39.4, 123.7, "Korea Bay", GL_SEA, 90 },
    { 40.3, 132.6, "Sea of Japan", GL_SEA, 120 },
    { 37.0, 123.3, "Yellow Sea", GL_SEA, 100 },
    { 43.4, 110.6, "G O B I", GL_REGION, 130 },
    { 39.4, 109.0, "O R D O S", GL_REGION, 100 },
    { 47.6, 120.6, "GREATER KHINGAN", GL_REGION, 90 },
    { 49.6, 127.0, "LESSER KHINGAN", GL_REGION, 80 },
    { 43.3, 121.0, "H O R Q I N", GL_REGION, 90 },
    { 38.3, 115.6, "HEBEI PLAIN", GL_REGION, 90 },
    { 42.1, 128.6, "CHANGBAI", GL_REGION, 90 },
    { 48.45, 119.2, "HULUNBUIR", GL_REGION, 90 },    /* the grassland E of Hulun Nur, not on it */
    { 46.9, 133.2, "SANJIANG", GL_REGION, 80 },
    { 42.6, 114.5, "L  I  A  O", GL_STATE, 150 },
    { 37.2, 114.6, "S  O  N  G", GL_STATE, 140 },
    { 37.6, 105.6, "W. XIA", GL_STATE, 110 },
    { 38.3, 127.4, "GORYEO", GL_STATE, 110 },
    { 45.0, 128.2, "JURCHEN", GL_STATE, 110 },
};

/* Lakes named on the atlas (the camp lakes Baishui and Yuanyang carry their camps' names). */
typedef struct LakeLabel { double lat, lon; const char *text; int radius_km; } LakeLabel;
static const LakeLabel lake_labels[] = {
    { 48.95, 117.45, "Hulun Nur", 28 },
    { 47.82, 117.72, "Buir Nur", 12 },
    { 45.24, 124.27, "Chagan Nur", 10 },
    { 44.95, 132.42, "L. Khanka", 30 },
    { 43.95, 128.96, "Jingpo", 10 },
    { 43.31, 116.58, "Dalai Nur", 9 },
    { 40.57, 112.68, "Daihai", 9 },
};

/* Everything lettered or drawn on the page that a name must not cover (page pixels). */
typedef struct Placer {
    UiLabel box[UI_MAX_LABELS + 128];
    int n;
    UiAtlasLabel *out;      /* optional copy for the caller */
    int out_max, out_n;
} Placer;

static long box_over(const UiLabel *a, const UiLabel *b)
{
    int w = (a->x1 < b->x1 ? a->x1 : b->x1) - (a->x0 > b->x0 ? a->x0 : b->x0) + 1;
    int h = (a->y1 < b->y1 ? a->y1 : b->y1) - (a->y0 > b->y0 ? a->y0 : b->y0) + 1;
    return (w > 0 && h > 0) ? (long)w * h : 0;
}

/* Overlap of a box with what is placed, plus its area for any part outside the frame. */
static long placer_cost(const Placer *pl, const Frame *f, const UiLabel *b)
{
    long c = 0;
    for (int i = 0; i < pl->n; i++) c += box_over(b, &pl->box[i]);
    if (b->x0 < f->fx || b->y0 < f->fy || b->x1 >= f->fx + f->fw || b->y1 >= f->fy + f->fh)
        c += (long)(b->x1 - b->x0 + 1) * (b->y1 - b->y0 + 1);
    return c;
}

static void placer_add(Placer *pl, UiLabel b, const char *text, int kind)
{
    if (pl->n < (int)(sizeof pl->box / sizeof pl->box[0])) pl->box[pl->n++] = b;
    if (pl->out && pl->out_n < pl->out_max) {
        UiAtlasLabel *o = &pl->out[pl->out_n++];
        snprintf(o->text, sizeof o->text, "%s", text);
        o->kind = kind;
        o->x0 = b.x0; o->y0 = b.y0; o->x1 = b.x1; o->y1 = b.y1;
    }
}

/* Chooses among n candidate top-left corners for a tw x th box: the first free one, else (when
 * forced) the one overlapping least; -1 when none is free and not forced. */
static int placer_pick(const Placer *pl, const Frame *f, const int (*cand)[2], int n, int tw, int th, int forced)
{
    long best = -1;
    int bi = -1;
    for (int c = 0; c < n; c++) {
        UiLabel b = { cand[c][0], cand[c][1], cand[c][0] + tw - 1, cand[c][1] + th - 1, -1, 0 };
        long cost = placer_cost(pl, f, &b);
        if (cost == 0) return c;
        if (best < 0 || cost < best) { best = cost; bi = c; }
    }
    return forced ? bi : -1;
}

/* One dash of an atlas border line. */
typedef struct BorderDash { UiCanvas *cv; double lw; } BorderDash;
static void border_dash(double x0, double y0, double x1, double y1, void *ud)
{
    const BorderDash *bd = ud;
    ui_ras_line(bd->cv, x0, y0, x1, y1, bd->lw, UI_HEX(UI_BORDER_RGB));
}

/* The borders of 1114 on the canvas: a translucent band under a dashed line, each leg of the
 * source line followed in small steps so it bends with the projection. */
static void draw_borders_canvas(UiCanvas *cv, const Map *m, const Frame *f, int scale)
{
    double band = fmax(4.0, 7.0 * scale / 100), lw = fmax(1.4, 2.2 * scale / 100), dash = fmax(6.0, 11.0 * scale / 100);
    for (int b = 0; b < m->n_borders; b++) {
        const MapBorder *mb = &m->borders[b];
        for (int pass = 0; pass < 2; pass++) {
            double walked = 0, px0 = 0, py0 = 0;
            int first = 1;
            for (int k = 0; k + 1 < mb->n; k++)
                for (int s = 0; s <= 8; s++) {
                    if (s == 0 && !first) continue;
                    double lat = (mb->lat_e6[k] + (mb->lat_e6[k + 1] - mb->lat_e6[k]) * s / 8.0) / 1e6;
                    double lon = (mb->lon_e6[k] + (mb->lon_e6[k + 1] - mb->lon_e6[k]) * s / 8.0) / 1e6;
                    double wx, wy, px, py;
                    ll_to_world(m, lat, lon, &wx, &wy);
                    to_px(f, wx, wy, &px, &py);
                    if (first) { px0 = px; py0 = py; first = 0; continue; }
                    double len = hypot(px - px0, py - py0);
                    if (pass == 0) {
                        ui_ras_line(cv, px0, py0, px, py, band, 0x507A2A7A);
                        ui_ras_disc(cv, px, py, band / 2, 0x287A2A7A);
                    } else {
                        BorderDash bd = { cv, lw };
                        ui_dash_segment(px0, py0, px, py, walked, dash, dash * 1.7, border_dash, &bd);
                    }
                    walked += len;
                    px0 = px; py0 = py;
                }
        }
    }
}

/* The legend box, w x h at (x, y): terrain swatches painted by the terrain painter, place
 * symbols (an uncertain site hollow), rivers, roads, the borders of 1114 and the holders. */
#define LEGEND_ROWS 16
static void legend_size(int scale, int *w, int *h)
{
    int row = 22 * scale / 100;
    *w = 350 * scale / 100;
    *h = row * LEGEND_ROWS + 44 * scale / 100;
}

static void draw_legend(UiRender *rr, UiText *t, SDL_Renderer *r, int x, int y, int scale)
{
    static const struct { Terrain t; const char *name; } ter[] = {
        { TER_FARMLAND, "Farmland" }, { TER_PLAIN, "Plain" }, { TER_STEPPE, "Steppe" },
        { TER_FOREST, "Forest" }, { TER_HILLS, "Hills" }, { TER_MOUNTAINS, "Mountains" },
        { TER_MARSH, "Marsh" }, { TER_DESERT, "Gobi desert" }, { TER_SAND, "Sands" },
        { TER_SEA, "Sea and lakes" },
    };
    static const struct { PlaceKind k; const char *name; } pk[] = {
        { PLACE_CAPITAL, "Capital" }, { PLACE_CITY, "City" }, { PLACE_FORTRESS, "Fortress" },
        { PLACE_TOWN, "Town" }, { PLACE_PASS, "Pass" }, { PLACE_CAMP, "Camp" }, { PLACE_SITE, "Site, battlefield" },
    };
    int fs = 13 * scale / 100, row = 22 * scale / 100, sw = 26 * scale / 100;
    int w, h;
    legend_size(scale, &w, &h);
    SDL_Rect box = { x, y, w, h };
    SDL_SetRenderDrawColor(r, 0xF8, 0xF1, 0xDF, 255);
    SDL_RenderFillRect(r, &box);
    SDL_SetRenderDrawColor(r, 0x2B, 0x1D, 0x14, 255);
    SDL_RenderDrawRect(r, &box);
    SDL_Rect in = { x + 3, y + 3, w - 6, h - 6 };
    SDL_RenderDrawRect(r, &in);
    SDL_Color ink = { 0x2B, 0x1D, 0x14, 255 };
    ui_text_draw(t, "LEGEND", x + w / 2, y + 8 * scale / 100, fs + 2, ink, UI_TEXT_CENTER | UI_TEXT_SERIF | UI_TEXT_BOLD);
    int y0 = y + 34 * scale / 100;
    for (size_t i = 0; i < sizeof ter / sizeof ter[0]; i++) {
        int yy = y0 + (int)i * row;
        UiCanvas cv;
        if (ui_ras_alloc(&cv, sw, row - 4) == 0) {
            /* a swatch painted by the terrain painter on a one-terrain map */
            Map *mm = map_new(10, 10, ter[i].t);
            if (mm) {
                UiArt *a = ui_art_new(mm);
                if (a) ui_art_paint(a, &cv, 40, 40, 14, 0, 0, NULL);
                ui_art_free(a);
                map_free(mm);
            }
            SDL_Surface *s = ui_ras_to_surface(&cv);
            SDL_Texture *tx = s ? SDL_CreateTextureFromSurface(r, s) : NULL;
            SDL_Rect d = { x + 12 * scale / 100, yy, sw, row - 4 };
            if (tx) SDL_RenderCopy(r, tx, NULL, &d);
            SDL_SetRenderDrawColor(r, 0x2B, 0x1D, 0x14, 255);
            SDL_RenderDrawRect(r, &d);
            if (tx) SDL_DestroyTexture(tx);
            SDL_FreeSurface(s);
            free(cv.px);
        }
        ui_text_draw(t, ter[i].name, x + 12 * scale / 100 + sw + 8, yy + (row - 4) / 2, fs, ink, UI_TEXT_MIDDLE);
    }
    int cx = x + 175 * scale / 100;
    for (size_t i = 0; i < sizeof pk / sizeof pk[0]; i++) {
        int yy = y0 + (int)i * row;
        ui_render_place_symbol(rr, pk[i].k, 0xB03A2E, cx + sw / 2, yy + (row - 4) / 2, row - 2);
        ui_text_draw(t, pk[i].name, cx + sw + 8, yy + (row - 4) / 2, fs, ink, UI_TEXT_MIDDLE);
    }
    /* an uncertain site: the same symbols, hollow */
    int yy = y0 + 7 * row + (row - 4) / 2;
    ui_render_place_symbol_open(rr, PLACE_TOWN, 0xB03A2E, cx + sw / 4, yy, row - 4);
    ui_render_place_symbol_open(rr, PLACE_SITE, 0xB03A2E, cx + sw * 3 / 4 + 2, yy, row - 4);
    ui_text_draw(t, "? Site uncertain", cx + sw + 8, yy, fs, ink, UI_TEXT_MIDDLE);
    /* rivers, roads and borders */
    yy = y0 + 8 * row + row / 2;
    SDL_SetRenderDrawColor(r, 0x5B, 0x95, 0xCC, 255);
    for (int k = 0; k < 3; k++) SDL_RenderDrawLine(r, cx, yy + k, cx + sw, yy + k);
    ui_text_draw(t, "Major river", cx + sw + 8, yy + 1, fs, ink, UI_TEXT_MIDDLE);
    yy += row;
    SDL_SetRenderDrawColor(r, 0x5B, 0x95, 0xCC, 255);
    SDL_RenderDrawLine(r, cx, yy, cx + sw, yy);
    ui_text_draw(t, "Minor river", cx + sw + 8, yy, fs, ink, UI_TEXT_MIDDLE);
    yy += row;
    SDL_SetRenderDrawColor(r, 0x9A, 0x4F, 0x2A, 255);
    for (int k = 0; k < 2; k++) SDL_RenderDrawLine(r, cx, yy + k, cx + sw, yy + k);
    ui_text_draw(t, "Road", cx + sw + 8, yy, fs, ink, UI_TEXT_MIDDLE);
    yy += row;
    {
        int bw = 6 * scale / 100 + 2;
        SDL_Rect band = { cx, yy - bw / 2, sw, bw };
        SDL_SetRenderDrawColor(r, (UI_BORDER_RGB >> 16) & 255, (UI_BORDER_RGB >> 8) & 255, UI_BORDER_RGB & 255, 80);
        SDL_RenderFillRect(r, &band);
        SDL_SetRenderDrawColor(r, (UI_BORDER_RGB >> 16) & 255, (UI_BORDER_RGB >> 8) & 255, UI_BORDER_RGB & 255, 255);
        for (int k = 0; k < 2; k++) {
            SDL_RenderDrawLine(r, cx, yy + k, cx + sw * 2 / 5, yy + k);
            SDL_RenderDrawLine(r, cx + sw * 3 / 5, yy + k, cx + sw, yy + k);
        }
    }
    ui_text_draw(t, "Border, 1114 (approx.)", cx + sw + 8, yy, fs, ink, UI_TEXT_MIDDLE);
    /* holders in 1114 */
    static const struct { const char *id, *name; } own[] = {
        { "liao", "Liao" }, { "jurchen", "Jurchen" }, { "song", "Song" },
        { "xia", "W. Xia" }, { "goryeo", "Goryeo" }, { "tribes", "Tribes" },
    };
    yy = y0 + 13 * row + row / 2;
    ui_text_draw(t, "Held in 1114:", x + 12 * scale / 100, yy, fs, ink, UI_TEXT_MIDDLE | UI_TEXT_ITALIC);
    int ox = x + 110 * scale / 100;
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        int col = (int)i % 3, rw = (int)i / 3;
        int px = ox + col * 78 * scale / 100, py = yy + rw * row;
        ui_render_place_symbol(rr, PLACE_TOWN, ui_owner_color(own[i].id), px + 6, py, row - 6);
        ui_text_draw(t, own[i].name, px + 16 * scale / 100, py, fs - 1, ink, UI_TEXT_MIDDLE);
    }
}

/* A scale bar in kilometres at (x, y), four alternating segments of a round length. */
static void draw_scale_bar(SDL_Renderer *r, UiText *t, const Map *m, double z, int x, int y, int scale)
{
    double km_per_unit = m->hex_size_m > 0 ? m->hex_size_m / UI_SQRT3 / 1000.0 : 20 / UI_SQRT3;
    double px_per_km = z / km_per_unit;
    int seg_km = 100;
    int segs = 4;
    while (seg_km * segs * px_per_km > 420 * scale / 100 && seg_km > 25) seg_km /= 2;
    int seg = (int)lround(seg_km * px_per_km);
    int bh = 8 * scale / 100;
    SDL_Color ink = { 0x2B, 0x1D, 0x14, 255 };
    for (int i = 0; i < segs; i++) {
        SDL_Rect rc = { x + i * seg, y, seg, bh };
        if (i & 1) SDL_SetRenderDrawColor(r, 0xF8, 0xF1, 0xDF, 255);
        else SDL_SetRenderDrawColor(r, 0x2B, 0x1D, 0x14, 255);
        SDL_RenderFillRect(r, &rc);
        SDL_SetRenderDrawColor(r, 0x2B, 0x1D, 0x14, 255);
        SDL_RenderDrawRect(r, &rc);
        char lab[16];
        snprintf(lab, sizeof lab, "%d", i * seg_km);
        ui_text_draw(t, lab, x + i * seg, y + bh + 3, 12 * scale / 100, ink, UI_TEXT_CENTER);
    }
    char lab[32];
    snprintf(lab, sizeof lab, "%d km", segs * seg_km);
    ui_text_draw(t, lab, x + segs * seg, y + bh + 3, 12 * scale / 100, ink, UI_TEXT_CENTER);
}

/* A name at its chosen box (top-left), with a halo. */
static void letter(UiText *t, const char *text, const UiLabel *b, int fs, SDL_Color c, SDL_Color halo, int flags)
{
    ui_text_draw_halo(t, text, b->x0, b->y0, fs, c, halo, flags);
}

int ui_map_png_of(const Map *m, const char *out_png, int w, int h, char *err, size_t errlen)
{
    return ui_map_png_labels(m, out_png, w, h, NULL, 0, NULL, err, errlen);
}

int ui_map_png_labels(const Map *m, const char *out_png, int w, int h, UiAtlasLabel *labels, int max,
                      int *n_labels, char *err, size_t errlen)
{
    if (n_labels) *n_labels = 0;
    if (w < 200 || h < 150 || w > 12000 || h > 12000) {
        snprintf(err, errlen, "map picture size %dx%d out of range (200x150 to 12000x12000)", w, h);
        return -1;
    }
    int scale = (int)(100.0 * sqrt((double)w * h / (2400.0 * 1600.0)));
    if (scale < 45) scale = 45;
    if (scale > 300) scale = 300;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surf) { snprintf(err, errlen, "map picture: %s", SDL_GetError()); return -1; }
    /* margins for the degree labels */
    int mg = 46 * scale / 100 + 10;
    Frame f;
    f.fx = mg; f.fy = mg; f.fw = w - 2 * mg; f.fh = h - 2 * mg;
    double x0, y0, x1, y1;
    ui_map_world_bounds(m, &x0, &y0, &x1, &y1);
    /* fill the frame: the map is cropped to the frame's proportions (a little off one side) */
    double z = fmax(f.fw / (x1 - x0), f.fh / (y1 - y0));
    double zfit = fmin(f.fw / (x1 - x0), f.fh / (y1 - y0));
    if (z > zfit * 1.08) z = zfit * 1.08;
    f.z = z;
    f.ox = (x0 + x1) / 2 * z - f.fw / 2.0;
    f.oy = (y0 + y1) / 2 * z - f.fh / 2.0;

    UiArt *art = ui_art_new(m);
    UiCanvas cv;
    if (!art || ui_ras_alloc(&cv, f.fw, f.fh) != 0) {
        ui_art_free(art);
        SDL_FreeSurface(surf);
        snprintf(err, errlen, "map picture: out of memory");
        return -1;
    }
    ui_art_paint(art, &cv, f.ox, f.oy, z, UI_ART_ATLAS, 0, NULL);
    if (m->geographic) {
        draw_borders_canvas(&cv, m, &f, scale);
        graticule(&cv, m, &f, 2);
    }
    /* the page: paper, the map in its frame, a double neatline */
    SDL_LockSurface(surf);
    UiCanvas page = { surf->pixels, w, h, surf->pitch / 4 };
    ui_ras_clear(&page, UI_HEX(PAPER));
    for (int y = 0; y < f.fh; y++)
        memcpy(page.px + (size_t)(y + f.fy) * page.pitch + f.fx, cv.px + (size_t)y * cv.w, (size_t)f.fw * 4);
    free(cv.px);
    double nl = fmax(1.5, 2.0 * scale / 100);
    ui_ras_line(&page, f.fx - 1, f.fy - 1, f.fx + f.fw + 1, f.fy - 1, nl, UI_HEX(INK_C));
    ui_ras_line(&page, f.fx - 1, f.fy + f.fh + 1, f.fx + f.fw + 1, f.fy + f.fh + 1, nl, UI_HEX(INK_C));
    ui_ras_line(&page, f.fx - 1, f.fy - 1, f.fx - 1, f.fy + f.fh + 1, nl, UI_HEX(INK_C));
    ui_ras_line(&page, f.fx + f.fw + 1, f.fy - 1, f.fx + f.fw + 1, f.fy + f.fh + 1, nl, UI_HEX(INK_C));
    int o2 = 6 * scale / 100 + 3;
    ui_ras_line(&page, f.fx - o2, f.fy - o2, f.fx + f.fw + o2, f.fy - o2, 1, UI_HEX(INK_C));
    ui_ras_line(&page, f.fx - o2, f.fy + f.fh + o2, f.fx + f.fw + o2, f.fy + f.fh + o2, 1, UI_HEX(INK_C));
    ui_ras_line(&page, f.fx - o2, f.fy - o2, f.fx - o2, f.fy + f.fh + o2, 1, UI_HEX(INK_C));
    ui_ras_line(&page, f.fx + f.fw + o2, f.fy - o2, f.fx + f.fw + o2, f.fy + f.fh + o2, 1, UI_HEX(INK_C));
    SDL_UnlockSurface(surf);

    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    UiText *t = r ? ui_text_open(r, lscript_data_dir(), 16, err, errlen) : NULL;
    UiRender *rr = t ? ui_render_new(r, t, m, err, errlen) : NULL;
    Placer *pl = rr ? calloc(1, sizeof *pl) : NULL;
    if (!pl) {
        if (!r) snprintf(err, errlen, "map picture: %s", SDL_GetError());
        else if (rr) snprintf(err, errlen, "map picture: out of memory");
        ui_render_free(rr);
        ui_art_free(art);
        ui_text_close(t);
        if (r) SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
        return -1;
    }
    pl->out = labels; pl->out_max = labels ? max : 0;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_Color ink = { 0x2B, 0x1D, 0x14, 255 };
    int lfs = 14 * scale / 100 + 2;
    /* degree labels in the margins */
    if (m->geographic) {
        for (int lon = 100; lon <= 140; lon += 2) {
            double x;
            char lab[16];
            snprintf(lab, sizeof lab, "%d\xC2\xB0" "E", lon);
            if (meridian_at_y(m, &f, lon, 0, &x) && x >= 0 && x <= f.fw)
                ui_text_draw(t, lab, f.fx + (int)x, f.fy - o2 - 2, lfs, ink, UI_TEXT_CENTER | UI_TEXT_BOTTOM | UI_TEXT_SERIF);
            if (meridian_at_y(m, &f, lon, f.fh, &x) && x >= 0 && x <= f.fw)
                ui_text_draw(t, lab, f.fx + (int)x, f.fy + f.fh + o2 + 2, lfs, ink, UI_TEXT_CENTER | UI_TEXT_SERIF);
        }
        for (int lat = 30; lat <= 56; lat += 2) {
            double y;
            char lab[16];
            snprintf(lab, sizeof lab, "%d\xC2\xB0" "N", lat);
            if (parallel_at_x(m, &f, lat, 0, &y) && y >= 0 && y <= f.fh)
                ui_text_draw(t, lab, f.fx - o2 - 3, f.fy + (int)y, lfs, ink, UI_TEXT_RIGHT | UI_TEXT_MIDDLE | UI_TEXT_SERIF);
            if (parallel_at_x(m, &f, lat, f.fw, &y) && y >= 0 && y <= f.fh)
                ui_text_draw(t, lab, f.fx + f.fw + o2 + 3, f.fy + (int)y, lfs, ink, UI_TEXT_MIDDLE | UI_TEXT_SERIF);
        }
    }
    /* where the title cartouche (bottom right, the Sea of Japan) and the legend (over the empty
     * Gobi on the west side; the south-west corner holds the Western Xia capital) go: no name
     * may go under them */
    int cw = 480 * scale / 100, chh = 196 * scale / 100;
    int cxp = f.fx + f.fw - cw - 18 * scale / 100, cyp = f.fy + f.fh - chh - 18 * scale / 100;
    int lw_, lh_;
    legend_size(scale, &lw_, &lh_);
    int lgx = f.fx + 16 * scale / 100, lgy = f.fy + f.fh * 33 / 100;
    UiLabel obst[2] = { { cxp, cyp, cxp + cw, cyp + chh, -1, 0 }, { lgx, lgy, lgx + lw_, lgy + lh_, -1, 0 } };
    ui_render_label_obstacles(rr, obst, 2);
    pl->box[pl->n++] = obst[0];
    pl->box[pl->n++] = obst[1];
    /* 1. the places' symbols and names (they go first: they matter most) */
    UiMapView v;
    SDL_Rect clip = { f.fx, f.fy, f.fw, f.fh };
    v.vp = clip;
    v.zoom = z;
    v.cx = (f.ox + f.fw / 2.0) / z;
    v.cy = (f.oy + f.fh / 2.0) / z;
    UiOverlay o;
    ui_overlay_init(&o);
    o.atlas = scale;
    o.show_units = 0;
    ui_render_places_layout(rr, &v, NULL, &o);
    {
        const UiLabel *lb;
        int n = ui_render_labels(rr, &lb);
        for (int i = 0; i < n; i++) {
            const MapPlace *mp = &m->places[lb[i].place];
            placer_add(pl, lb[i], mp->name, lb[i].symbol ? UI_ATLAS_SYMBOL : UI_ATLAS_PLACE);
        }
    }
    SDL_RenderSetClipRect(r, &clip);
    /* 2. lakes, beside their water */
    double px_per_km = z * UI_SQRT3 / (m->hex_size_m > 0 ? m->hex_size_m / 1000.0 : 20.0);
    SDL_Color water_ink = { 0x24, 0x5A, 0x90, 255 }, water_halo = { 0xF4, 0xEC, 0xD8, 190 };
    for (size_t i = 0; m->geographic && i < sizeof lake_labels / sizeof lake_labels[0]; i++) {
        const LakeLabel *ll = &lake_labels[i];
        double wx, wy;
        ll_to_world(m, ll->lat, ll->lon, &wx, &wy);
        int lx = f.fx + (int)(wx * z - f.ox), ly = f.fy + (int)(wy * z - f.oy);
        int fs = 13 * scale / 100 + 1, flags = UI_TEXT_ITALIC | UI_TEXT_HALO, tw, th;
        ui_text_size(t, ll->text, fs, flags, &tw, &th);
        int rad = (int)(ll->radius_km * px_per_km) + 3, dg = rad * 7 / 10;
        int cand[8][2] = {
            { lx + rad, ly - th / 2 }, { lx - rad - tw, ly - th / 2 }, { lx - tw / 2, ly + rad }, { lx - tw / 2, ly - rad - th },
            { lx + dg, ly + dg }, { lx + dg, ly - dg - th }, { lx - dg - tw, ly + dg }, { lx - dg - tw, ly - dg - th },
        };
        int c = placer_pick(pl, &f, (const int (*)[2])cand, 8, tw, th, 0);
        if (c < 0) continue;
        UiLabel b = { cand[c][0], cand[c][1], cand[c][0] + tw - 1, cand[c][1] + th - 1, -1, 0 };
        placer_add(pl, b, ll->text, UI_ATLAS_LAKE);
        letter(t, ll->text, &b, fs, water_ink, water_halo, flags);
    }
    /* 3. river names, in blue italics along each river, as near its middle as is free */
    {
        double *pts = malloc(sizeof(double) * 2 * 4096);
        for (int k = 1; pts && k < m->n_rivers; k++) {
            if (!m->rivers[k][0]) continue;
            int np = ui_art_river_points(art, k, pts, 4096);
            if (np < 10) continue;
            int fs = 15 * scale / 100, flags = UI_TEXT_ITALIC | UI_TEXT_HALO, tw, th;
            ui_text_size(t, m->rivers[k], fs, flags, &tw, &th);
            int done = 0;
            for (int i = 0; i < np && !done; i++) {
                int rx = f.fx + (int)(pts[2 * i] * z - f.ox), ry = f.fy + (int)(pts[2 * i + 1] * z - f.oy);
                int off = (int)(0.45 * z) + 1;
                int cand[2][2] = { { rx - tw / 2, ry - off - th }, { rx - tw / 2, ry + off } };
                int c = placer_pick(pl, &f, (const int (*)[2])cand, 2, tw, th, 0);
                if (c < 0) continue;
                UiLabel b = { cand[c][0], cand[c][1], cand[c][0] + tw - 1, cand[c][1] + th - 1, -1, 0 };
                placer_add(pl, b, m->rivers[k], UI_ATLAS_RIVER);
                letter(t, m->rivers[k], &b, fs, water_ink, water_halo, flags);
                done = 1;
            }
        }
        free(pts);
    }
    /* 4. seas, regions and the states of 1114, shifted off what is lettered already */
    for (size_t i = 0; m->geographic && i < sizeof geo_labels / sizeof geo_labels[0]; i++) {
        const GeoLabel *gl = &geo_labels[i];
        double wx, wy;
        ll_to_world(m, gl->lat, gl->lon, &wx, &wy);
        Hex hx = ui_world_to_hex(wx, wy);
        if (!map_in_bounds(m, hx)) continue;
        int water = map_is_water(m, hx);
        if ((gl->kind == GL_SEA) != water) continue;
        int fs = 22 * scale / 100 * gl->size_pct / 100;
        if (fs < 11) fs = 11;
        SDL_Color c = { 0x7A, 0x5A, 0x3A, 215 }, halo = { 0xF4, 0xEC, 0xD8, 150 };
        int flags = UI_TEXT_ITALIC | UI_TEXT_HALO;
        if (gl->kind == GL_SEA) { c = (SDL_Color){ 0x2E, 0x5E, 0x8C, 255 }; halo = (SDL_Color){ 0xB8, 0xD6, 0xEA, 160 }; }
        if (gl->kind == GL_STATE) {
            c = (SDL_Color){ (UI_BORDER_RGB >> 16) & 255, (UI_BORDER_RGB >> 8) & 255, UI_BORDER_RGB & 255, 190 };
            halo = (SDL_Color){ 0xF4, 0xEC, 0xD8, 140 };
            flags = UI_TEXT_SERIF | UI_TEXT_BOLD | UI_TEXT_HALO;
        }
        int tw, th;
        ui_text_size(t, gl->text, fs, flags, &tw, &th);
        int gx = f.fx + (int)(wx * z - f.ox) - tw / 2, gy = f.fy + (int)(wy * z - f.oy) - th / 2;
        int cand[41][2];
        int nc = 0;
        cand[nc][0] = gx; cand[nc][1] = gy; nc++;
        for (int ring = 1; ring <= 5; ring++) {
            int dy = th * ring * 2 / 3, dx = tw * ring / 4;
            int d[8][2] = { { 0, -dy }, { 0, dy }, { dx, 0 }, { -dx, 0 }, { dx, -dy }, { -dx, -dy }, { dx, dy }, { -dx, dy } };
            for (int k = 0; k < 8; k++) { cand[nc][0] = gx + d[k][0]; cand[nc][1] = gy + d[k][1]; nc++; }
        }
        /* a region name that finds no free spot near its point is left out rather than print over a name */
        int ci = placer_pick(pl, &f, (const int (*)[2])cand, nc, tw, th, 0);
        if (ci < 0) continue;
        UiLabel b = { cand[ci][0], cand[ci][1], cand[ci][0] + tw - 1, cand[ci][1] + th - 1, -1, 0 };
        placer_add(pl, b, gl->text, UI_ATLAS_REGION);
        letter(t, gl->text, &b, fs, c, halo, flags);
    }
    /* 5. the places on top */
    ui_render_places(rr, &v, NULL, &o);
    SDL_RenderSetClipRect(r, NULL);
    /* title cartouche and legend; the scale bar in the cartouche */
    SDL_Rect cart = { cxp, cyp, cw, chh };
    SDL_SetRenderDrawColor(r, 0x6E, 0x1A, 0x14, 255);
    SDL_RenderFillRect(r, &cart);
    SDL_Rect c2 = { cxp + 5, cyp + 5, cw - 10, chh - 10 };
    SDL_SetRenderDrawColor(r, 0xF8, 0xF1, 0xDF, 255);
    SDL_RenderFillRect(r, &c2);
    SDL_SetRenderDrawColor(r, 0xC9, 0xA4, 0x4C, 255);
    SDL_Rect c3 = { cxp + 9, cyp + 9, cw - 18, chh - 18 };
    SDL_RenderDrawRect(r, &c3);
    SDL_Rect c4 = { cxp + 11, cyp + 11, cw - 22, chh - 22 };
    SDL_RenderDrawRect(r, &c4);
    SDL_Color lac = { 0x6E, 0x1A, 0x14, 255 };
    ui_text_draw(t, "The Jin\xE2\x80\x93Liao Wars, 1114\xE2\x80\x93" "1125", cxp + cw / 2, cyp + 20 * scale / 100,
                 29 * scale / 100, lac, UI_TEXT_CENTER | UI_TEXT_SERIF | UI_TEXT_BOLD);
    ui_text_draw(t, "\xE9\x81\xBC\xE9\x87\x91\xE4\xB9\x8B\xE6\x88\xB0 \xC2\xB7 Northern China and Manchuria",
                 cxp + cw / 2, cyp + 66 * scale / 100, 19 * scale / 100, ink, UI_TEXT_CENTER | UI_TEXT_SERIF);
    char sub[160];
    snprintf(sub, sizeof sub, "Lambert conformal conic, 40\xC2\xB0N and 48\xC2\xB0N \xC2\xB7 hexes %d km apart",
             m->hex_size_m > 0 ? m->hex_size_m / 1000 : 20);
    ui_text_draw(t, sub, cxp + cw / 2, cyp + 98 * scale / 100, 12 * scale / 100 + 1, ink, UI_TEXT_CENTER | UI_TEXT_ITALIC);
    draw_legend(rr, t, r, lgx, lgy, scale);
    draw_scale_bar(r, t, m, z, cxp + 40 * scale / 100, cyp + 132 * scale / 100, scale);
    SDL_RenderPresent(r);
    int rc = save_png(surf, out_png, err, errlen);
    if (n_labels) *n_labels = pl->out_n;
    free(pl);
    ui_art_free(art);
    ui_render_free(rr);
    ui_text_close(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    return rc;
}

int ui_map_png(const char *out_png, int w, int h, char *err, size_t errlen)
{
    const Map *m = lscript_theatre(err, errlen);
    if (!m) return -1;
    return ui_map_png_of(m, out_png, w, h, err, errlen);
}

/* ---------------------------------------------------------------- screenshots */

/* The map view around the active side's units with a small top bar; used when the game screen
 * cannot be opened. */
static int shot_plain(Session *s, const char *out_png, int w, int h, char *err, size_t errlen)
{
    const Game *g = s->game;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    UiText *t = r ? ui_text_open(r, lscript_data_dir(), 16, err, errlen) : NULL;
    UiRender *rr = t ? ui_render_new(r, t, g->map, err, errlen) : NULL;
    if (!rr) {
        if (!r) snprintf(err, errlen, "screenshot: %s", SDL_GetError());
        ui_text_close(t);
        if (r) SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
        return -1;
    }
    Hex list[GAME_MAX_UNITS];
    int n = 0;
    for (int i = 0; i < g->n_units; i++)
        if (g->units[i].alive && g->units[i].faction == g->active) list[n++] = g->units[i].hex;
    if (n == 0)
        for (int i = 0; i < g->n_units; i++) if (g->units[i].alive) list[n++] = g->units[i].hex;
    int bar = 44;
    SDL_Rect vp = { 0, bar, w, h - bar };
    UiMapView v;
    ui_view_init(&v, g->map, vp);
    if (n > 0) ui_view_fit_hexes(&v, list, n, 3);
    if (v.zoom < 16) v.zoom = 16;
    UiOverlay o;
    ui_overlay_init(&o);
    SDL_SetRenderDrawColor(r, 0x2A, 0x11, 0x0D, 255);
    SDL_RenderClear(r);
    ui_render_map(rr, &v, g, &o);
    SDL_Rect mm = { w - 250, h - 170, 240, 160 };
    ui_render_minimap(rr, mm, g, &v, -1);
    char date[64], line[256];
    game_date_str(g, g->turn, date, sizeof date);
    snprintf(line, sizeof line, "%s  \xC2\xB7  Turn %d / %d  \xC2\xB7  %s  \xC2\xB7  %s to move", s->info.title[0] ? s->info.title : g->scenario_id,
             g->turn, g->max_turns, date, g->active >= 0 && g->active < g->n_factions ? g->factions[g->active].name : "-");
    SDL_Color cream = { 0xF8, 0xF0, 0xDC, 255 };
    ui_text_draw(t, line, 16, bar / 2, 20, cream, UI_TEXT_MIDDLE | UI_TEXT_BOLD);
    SDL_RenderPresent(r);
    int rc = save_png(surf, out_png, err, errlen);
    ui_render_free(rr);
    ui_text_close(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    return rc;
}

int ui_screenshot(const char *out_png, const char *scenario, const char *replay, int turn,
                  int w, int h, char *err, size_t errlen)
{
    if (w < 320 || h < 200 || w > 8000 || h > 8000) {
        snprintf(err, errlen, "screenshot size %dx%d out of range (320x200 to 8000x8000)", w, h);
        return -1;
    }
    Session *s = NULL;
    if (replay) {
        Session *full = session_load(replay, err, errlen);
        if (!full) return -1;
        if (turn > 0) {
            s = session_replay_to(&full->rec, turn, err, errlen);
            session_free(full);
            if (!s) return -1;
        } else {
            s = full;
        }
    } else {
        ScenarioInfo first;
        const char *id = scenario;
        if (!id) {
            ScenarioInfo list[64];
            int n = lscript_list_scenarios(list, 64);
            int k = -1;
            for (int i = 0; i < n && k < 0; i++) if (!list[i].is_campaign && !lscript_is_test_scenario(&list[i])) k = i;
            if (k < 0) { snprintf(err, errlen, "screenshot: no scenario found"); return -1; }
            first = list[k];
            id = first.id;
        }
        s = session_new(id, 1, "all", 1, err, errlen);
        if (!s) return -1;
        if (turn > 1) session_run_ai(s, turn - 1);
    }
    /* a still picture seen by the side to move: it is the one human side (no hotseat curtain),
     * and the computer sides wait for it in the frames rendered below */
    for (int f = 0; f < GAME_MAX_FACTIONS; f++) {
        if (f == s->game->active) s->ai_kind[f] = -1;
        else if (s->ai_kind[f] < 0) s->ai_kind[f] = AI_DEFAULT;
    }
    /* the full game screen of the window, offscreen */
    UiApp *app = ui_app_new_offscreen(w, h, NULL);
    if (app) {
        ui_enter_game(app, s);
        /* the picture shows the map: narration in the log (also what the computer's first
         * answers add) is taken as read */
        for (int i = 0; i < 10; i++) {
            const Session *cur = ui_app_session(app);
            if (cur) { app->gs.log_seen = cur->game->n_log; app->gs.narr = -1; }
            ui_app_frame(app);
        }
        const Session *cur = ui_app_session(app);
        if (cur && app->gs.narr >= 0) {
            app->gs.log_seen = cur->game->n_log;
            app->gs.narr = -1;
            ui_app_frame(app);
        }
        int rc = ui_app_save_png(app, out_png);
        ui_app_free(app);
        if (rc != 0) snprintf(err, errlen, "%s: cannot write PNG", out_png);
        return rc == 0 ? 0 : -1;
    }
    int rc = shot_plain(s, out_png, w, h, err, errlen);
    session_free(s);
    return rc;
}

/* mapshot.c - pictures written to PNG files without a display: the theatre as an atlas page
 * (terrain, coasts, rivers, places and names, a latitude/longitude graticule with degree labels,
 * physical and sea names, a title cartouche, a legend and a scale bar) and one game frame (the
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

typedef struct GeoLabel { double lat, lon; const char *text; int water; int size_pct; } GeoLabel;

static const GeoLabel geo_labels[] = {
    { 38.9, 120.2, "Bohai Sea", 1, 100 },
    { 39.4, 123.7, "Korea Bay", 1, 90 },
    { 40.3, 132.6, "Sea of Japan", 1, 120 },
    { 37.0, 123.3, "Yellow Sea", 1, 100 },
    { 43.4, 110.6, "G O B I", 0, 130 },
    { 39.4, 109.0, "O R D O S", 0, 100 },
    { 47.6, 120.6, "GREATER KHINGAN", 0, 90 },
    { 49.6, 127.0, "LESSER KHINGAN", 0, 80 },
    { 43.3, 121.0, "H O R Q I N", 0, 90 },
    { 38.3, 115.6, "HEBEI PLAIN", 0, 90 },
    { 42.1, 128.6, "CHANGBAI", 0, 90 },
    { 48.8, 117.8, "HULUNBUIR", 0, 90 },
    { 46.9, 133.2, "SANJIANG", 0, 80 },
};

/* The legend box: terrain swatches painted by the terrain painter, place symbols, rivers, roads, 1114 owners. */
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
        { PLACE_TOWN, "Town" }, { PLACE_PASS, "Pass" }, { PLACE_CAMP, "Camp" },
    };
    int fs = 13 * scale / 100, row = 22 * scale / 100, sw = 26 * scale / 100;
    int w = 330 * scale / 100, h = row * 13 + 44 * scale / 100;
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
    /* rivers and roads */
    int yy = y0 + 6 * row + row / 2;
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
    /* owners in 1114 */
    static const struct { const char *id, *name; } own[] = {
        { "liao", "Liao" }, { "jurchen", "Jurchen" }, { "song", "Song" }, { "xia", "W. Xia" }, { "goryeo", "Goryeo" },
    };
    yy = y0 + 10 * row + row / 2;
    ui_text_draw(t, "Held in 1114:", x + 12 * scale / 100, yy, fs, ink, UI_TEXT_MIDDLE | UI_TEXT_ITALIC);
    int ox = x + 110 * scale / 100;
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        int col = (int)i % 3, rw = (int)i / 3;
        int px = ox + col * 72 * scale / 100, py = yy + rw * row;
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

int ui_map_png_of(const Map *m, const char *out_png, int w, int h, char *err, size_t errlen)
{
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
    ui_art_free(art);
    if (m->geographic) graticule(&cv, m, &f, 2);
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
    if (!rr) {
        if (!r) snprintf(err, errlen, "map picture: %s", SDL_GetError());
        ui_text_close(t);
        if (r) SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
        return -1;
    }
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
    SDL_Rect clip = { f.fx, f.fy, f.fw, f.fh };
    SDL_RenderSetClipRect(r, &clip);
    /* physical and sea names under the places */
    if (m->geographic) {
        for (size_t i = 0; i < sizeof geo_labels / sizeof geo_labels[0]; i++) {
            const GeoLabel *gl = &geo_labels[i];
            double wx, wy;
            ll_to_world(m, gl->lat, gl->lon, &wx, &wy);
            Hex hx = ui_world_to_hex(wx, wy);
            if (!map_in_bounds(m, hx)) continue;
            int water = map_is_water(m, hx);
            if (gl->water != water) continue;
            int fs = 22 * scale / 100 * gl->size_pct / 100;
            if (fs < 11) fs = 11;
            SDL_Color c = gl->water ? (SDL_Color){ 0x2E, 0x5E, 0x8C, 255 } : (SDL_Color){ 0x7A, 0x5A, 0x3A, 215 };
            SDL_Color halo = gl->water ? (SDL_Color){ 0xB8, 0xD6, 0xEA, 160 } : (SDL_Color){ 0xF4, 0xEC, 0xD8, 150 };
            ui_text_draw_halo(t, gl->text, f.fx + (int)(wx * z - f.ox), f.fy + (int)(wy * z - f.oy), fs, c, halo,
                              UI_TEXT_CENTER | UI_TEXT_MIDDLE | UI_TEXT_ITALIC);
        }
    }
    /* river names, in blue italics by the middle of each river */
    {
        UiArt *ra = ui_art_new(m);
        for (int k = 1; ra && k < m->n_rivers; k++) {
            double wx, wy;
            if (!m->rivers[k][0] || !ui_art_river_anchor(ra, k, 10, &wx, &wy)) continue;
            int fs = 15 * scale / 100;
            SDL_Color c = { 0x24, 0x5A, 0x90, 255 };
            SDL_Color halo = { 0xF4, 0xEC, 0xD8, 190 };
            ui_text_draw_halo(t, m->rivers[k], f.fx + (int)(wx * z - f.ox), f.fy + (int)((wy - 0.55) * z - f.oy), fs, c, halo,
                              UI_TEXT_CENTER | UI_TEXT_BOTTOM | UI_TEXT_ITALIC);
        }
        ui_art_free(ra);
    }
    UiMapView v;
    v.vp = clip;
    v.zoom = z;
    v.cx = (f.ox + f.fw / 2.0) / z;
    v.cy = (f.oy + f.fh / 2.0) / z;
    UiOverlay o;
    ui_overlay_init(&o);
    o.atlas = scale;
    o.show_units = 0;
    ui_render_places(rr, &v, NULL, &o);
    SDL_RenderSetClipRect(r, NULL);
    /* title cartouche, bottom right (the Sea of Japan); legend bottom left; scale bar under it */
    int cw = 480 * scale / 100, chh = 196 * scale / 100;
    int cxp = f.fx + f.fw - cw - 18 * scale / 100, cyp = f.fy + f.fh - chh - 18 * scale / 100;
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
    /* the legend over the empty Gobi on the west side (the south-west corner holds the Western
     * Xia capital) */
    draw_legend(rr, t, r, f.fx + 16 * scale / 100, f.fy + f.fh * 36 / 100, scale);
    draw_scale_bar(r, t, m, z, cxp + 40 * scale / 100, cyp + 132 * scale / 100, scale);
    SDL_RenderPresent(r);
    int rc = save_png(surf, out_png, err, errlen);
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
            for (int i = 0; i < n && k < 0; i++) if (!list[i].is_campaign) k = i;
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

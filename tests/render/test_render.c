/* test_render.c - the map renderer, text and pictures, drawn offscreen with SDL's software
 * renderer: text in Latin and hanzi, the camera's maths, the map view's terrain, rivers (ice in
 * winter), places and units, the minimap, and the PNG pictures (--map-png, --screenshot).
 * Pictures are left in render_out/ under the test's working folder for people to look at. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "ui_render.h"
#include "ui_text.h"
#include "mapshot.h"
#include "lscript.h"
#include "session.h"
#include "render_fixture.h"

typedef struct Ctx {
    SDL_Surface *surf;
    SDL_Renderer *r;
    UiText *t;
} Ctx;

static int ctx_open(Ctx *c, int w, int h)
{
    memset(c, 0, sizeof *c);
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!c->surf) return -1;
    c->r = SDL_CreateSoftwareRenderer(c->surf);
    if (!c->r) return -1;
    char err[256];
    c->t = ui_text_open(c->r, lscript_data_dir(), 16, err, sizeof err);
    if (!c->t) { fprintf(stderr, "%s\n", err); return -1; }
    return 0;
}

static void ctx_close(Ctx *c)
{
    ui_text_close(c->t);
    if (c->r) SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->surf);
}

static uint32_t px_at(SDL_Surface *s, int x, int y)
{
    return ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
}

static int near_rgb(uint32_t a, uint32_t b, int tol)
{
    int dr = (int)((a >> 16) & 255) - (int)((b >> 16) & 255);
    int dg = (int)((a >> 8) & 255) - (int)((b >> 8) & 255);
    int db = (int)(a & 255) - (int)(b & 255);
    return abs(dr) <= tol && abs(dg) <= tol && abs(db) <= tol;
}

/* Count of pixels within tol of rgb in a box around (x, y). */
static int count_near(SDL_Surface *s, int x, int y, int rad, uint32_t rgb, int tol)
{
    int n = 0;
    for (int j = y - rad; j <= y + rad; j++)
        for (int i = x - rad; i <= x + rad; i++)
            if (i >= 0 && j >= 0 && i < s->w && j < s->h && near_rgb(px_at(s, i, j), rgb, tol)) n++;
    return n;
}

static void out_path(char *buf, size_t cap, const char *name)
{
    mkdir("render_out", 0755);
    snprintf(buf, cap, "render_out/%s", name);
}

/* Distinct colours (of a 4-bit-per-channel reduction) and the share of the commonest one. */
static void colour_stats(SDL_Surface *s, int *distinct, double *top_share)
{
    static int hist[4096];
    memset(hist, 0, sizeof hist);
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    for (int y = 0; y < c->h; y++)
        for (int x = 0; x < c->w; x++) {
            uint32_t p = px_at(c, x, y);
            hist[((p >> 20) & 15) << 8 | ((p >> 12) & 15) << 4 | ((p >> 4) & 15)]++;
        }
    int d = 0, top = 0;
    for (int i = 0; i < 4096; i++) { if (hist[i]) d++; if (hist[i] > top) top = hist[i]; }
    *distinct = d;
    *top_share = (double)top / (c->w * c->h);
    SDL_FreeSurface(c);
}

/* ---------------------------------------------------------------- text */

static void test_text_renders_latin_and_hanzi_through_the_fallback(void **st)
{
    (void)st;
    Ctx c;
    assert_int_equal(ctx_open(&c, 64, 64), 0);
    SDL_Color ink = { 0, 0, 0, 255 };
    assert_int_equal(ui_text_coverage(c.t, "Shangjing"), 0);
    assert_int_equal(ui_text_coverage(c.t, "\xE4\xB8\x8A\xE4\xBA\xAC"), 1);   /* 上京 */
    SDL_Surface *lat = ui_text_surface(c.t, "Shangjing", 20, ink, 0);
    SDL_Surface *han = ui_text_surface(c.t, "\xE4\xB8\x8A\xE4\xBA\xAC", 20, ink, 0);
    SDL_Surface *mix = ui_text_surface(c.t, "Shangjing \xE4\xB8\x8A\xE4\xBA\xAC", 20, ink, 0);
    assert_non_null(lat);
    assert_non_null(han);
    assert_non_null(mix);
    assert_true(han->w > 20);               /* two hanzi, each about one em wide */
    assert_true(mix->w > lat->w + han->w - 4);
    /* the hanzi are drawn, not blank boxes of nothing */
    int inked = 0;
    for (int y = 0; y < han->h; y++)
        for (int x = 0; x < han->w; x++)
            if ((((uint32_t *)((uint8_t *)han->pixels + y * han->pitch))[x] >> 24) > 128) inked++;
    assert_true(inked > 30);
    char path[256];
    out_path(path, sizeof path, "text_mixed.png");
    IMG_SavePNG(mix, path);
    SDL_FreeSurface(lat); SDL_FreeSurface(han); SDL_FreeSurface(mix);
    ctx_close(&c);
}

static void test_text_size_matches_what_is_drawn(void **st)
{
    (void)st;
    Ctx c;
    assert_int_equal(ctx_open(&c, 400, 100), 0);
    int w, h;
    ui_text_size(c.t, "Huanglong \xE9\xBB\x84\xE9\xBE\x99", 18, UI_TEXT_BOLD, &w, &h);
    SDL_Color ink = { 0, 0, 0, 255 };
    int drawn = ui_text_draw(c.t, "Huanglong \xE9\xBB\x84\xE9\xBE\x99", 10, 10, 18, ink, UI_TEXT_BOLD);
    assert_int_equal(w, drawn);
    assert_true(h >= 18 && h < 40);
    ui_text_size(c.t, "", 18, 0, &w, &h);
    assert_int_equal(w, 0);
    /* wrapping makes more lines when narrower */
    const char *para = "Aguda's Jurchens crossed the Lalin and fell on the Liao border fortress of Ningjiang.";
    int tall = ui_text_wrap(c.t, para, 0, 0, 120, 14, ink, 0, 0);
    int flat = ui_text_wrap(c.t, para, 0, 0, 2000, 14, ink, 0, 0);
    assert_true(tall > 2 * flat);
    ctx_close(&c);
}

static void test_text_survives_invalid_utf8(void **st)
{
    (void)st;
    Ctx c;
    assert_int_equal(ctx_open(&c, 200, 50), 0);
    SDL_Color ink = { 0, 0, 0, 255 };
    int w = ui_text_draw(c.t, "bad \xFF\xFE bytes \xE4\xB8", 0, 0, 14, ink, 0);
    assert_true(w > 0);
    ctx_close(&c);
}

/* ---------------------------------------------------------------- camera */

static void test_screen_to_hex_inverts_hex_to_screen_at_every_zoom(void **st)
{
    (void)st;
    Map *m = fixture_map();
    UiMapView v;
    SDL_Rect vp = { 20, 40, 1000, 700 };
    ui_view_init(&v, m, vp);
    for (int l = 0; l < UI_ZOOM_LEVELS; l++) {
        v.zoom = ui_zoom_levels[l];
        ui_view_center_on(&v, fix_hex(30, 20));
        for (int row = 10; row < 30; row += 3)
            for (int col = 20; col < 40; col += 3) {
                int sx, sy;
                ui_view_hex_to_screen(&v, fix_hex(col, row), &sx, &sy);
                Hex h = ui_view_screen_to_hex(&v, sx, sy);
                assert_true(hex_eq(h, fix_hex(col, row)));
            }
    }
    /* zooming about a point keeps the hex under it */
    v.zoom = 16;
    int sx, sy;
    ui_view_hex_to_screen(&v, fix_hex(25, 15), &sx, &sy);
    ui_view_zoom_step(&v, 2, sx, sy);
    assert_true(v.zoom == 30);
    assert_true(hex_eq(ui_view_screen_to_hex(&v, sx, sy), fix_hex(25, 15)));
    map_free(m);
}

/* ---------------------------------------------------------------- the map view */

static void render_fixture(Ctx *c, UiRender *rr, const Game *g, UiMapView *v, UiOverlay *o)
{
    SDL_SetRenderDrawColor(c->r, 0, 0, 0, 255);
    SDL_RenderClear(c->r);
    /* twice: the first frame may paint some chunks late */
    for (int i = 0; i < 6; i++) ui_render_map(rr, v, g, o);
    SDL_RenderPresent(c->r);
}

static void test_map_view_draws_terrain_rivers_places_and_units(void **st)
{
    (void)st;
    Map *m = fixture_map();
    Game *g = fixture_game(m);
    Ctx c;
    assert_int_equal(ctx_open(&c, 1280, 800), 0);
    char err[256];
    UiRender *rr = ui_render_new(c.r, c.t, m, err, sizeof err);
    assert_non_null(rr);
    UiMapView v;
    SDL_Rect vp = { 0, 0, 1280, 800 };
    ui_view_init(&v, m, vp);
    v.zoom = 30;
    ui_view_center_on(&v, fix_hex(30, 20));
    UiOverlay o;
    ui_overlay_init(&o);
    o.frozen = 0;
    render_fixture(&c, rr, g, &v, &o);
    char path[256];
    out_path(path, sizeof path, "view_fixture.png");
    IMG_SavePNG(c.surf, path);

    int distinct;
    double top;
    colour_stats(c.surf, &distinct, &top);
    assert_true(distinct > 100);
    assert_true(top < 0.5);
    /* units: the Jin counters show their vermillion, the Liao stack its blue */
    int sx, sy;
    ui_view_hex_to_screen(&v, fix_hex(38, 12), &sx, &sy);
    assert_true(count_near(c.surf, sx, sy, 14, 0xD55E00, 30) > 40);
    ui_view_hex_to_screen(&v, fix_hex(20, 22), &sx, &sy);
    assert_true(count_near(c.surf, sx, sy, 14, 0x0072B2, 30) > 40);
    /* the river: the midpoint of the NE side of (20, FIX_RIVER_ROW) is water blue */
    ui_view_hex_to_screen(&v, fix_hex(20, FIX_RIVER_ROW), &sx, &sy);
    int rx = sx + (int)(0.433 * 30), ry = sy - (int)(0.75 * 30);
    int summer_blue = count_near(c.surf, rx, ry, 8, 0x5B95CC, 30);
    assert_true(summer_blue > 6);
    /* a place without units: Huanglong's symbol in its Liao owner's colour */
    ui_view_hex_to_screen(&v, fix_hex(34, 28), &sx, &sy);
    assert_true(count_near(c.surf, sx, sy, 12, 0x0072B2, 40) > 20);

    /* winter: the same river side is pale ice */
    o.frozen = 1;
    render_fixture(&c, rr, g, &v, &o);
    out_path(path, sizeof path, "view_fixture_winter.png");
    IMG_SavePNG(c.surf, path);
    assert_true(count_near(c.surf, rx, ry, 8, 0xF1F7FB, 20) > 6);
    assert_true(count_near(c.surf, rx, ry, 8, 0x5B95CC, 30) * 3 < summer_blue);
    ui_render_free(rr);
    ctx_close(&c);
    game_free(g);
    map_free(m);
}

static void test_reach_dims_hexes_out_of_reach(void **st)
{
    (void)st;
    Map *m = fixture_map();
    Game *g = fixture_game(m);
    Ctx c;
    assert_int_equal(ctx_open(&c, 1280, 800), 0);
    char err[256];
    UiRender *rr = ui_render_new(c.r, c.t, m, err, sizeof err);
    UiMapView v;
    SDL_Rect vp = { 0, 0, 1280, 800 };
    ui_view_init(&v, m, vp);
    v.zoom = 22;
    ui_view_center_on(&v, fix_hex(38, 14));
    UiOverlay o;
    ui_overlay_init(&o);
    render_fixture(&c, rr, g, &v, &o);
    int fx, fy;
    ui_view_hex_to_screen(&v, fix_hex(30, 4), &fx, &fy);    /* far from the unit */
    uint32_t before = px_at(c.surf, fx + 5, fy + 5);
    Reach *re = reach_new(m);
    move_reach(g, 0, re, NULL);
    o.selected_unit = 0;
    o.reach = re;
    Hex path[64];
    Hex dest = fix_hex(41, 16);
    o.path_len = move_path(g, re, dest, path, 64);
    o.path = path;
    o.path_cost = re->cost[map_index(m, dest)];
    o.has_hover = 1;
    o.hover = dest;
    render_fixture(&c, rr, g, &v, &o);
    char path_png[256];
    out_path(path_png, sizeof path_png, "view_reach.png");
    IMG_SavePNG(c.surf, path_png);
    uint32_t after = px_at(c.surf, fx + 5, fy + 5);
    int lum_b = ((before >> 16) & 255) + ((before >> 8) & 255) + (before & 255);
    int lum_a = ((after >> 16) & 255) + ((after >> 8) & 255) + (after & 255);
    assert_true(lum_a < lum_b - 40);
    reach_free(re);
    ui_render_free(rr);
    ctx_close(&c);
    game_free(g);
    map_free(m);
}

static void test_minimap_click_finds_the_hex_under_it(void **st)
{
    (void)st;
    Map *m = fixture_map();
    Game *g = fixture_game(m);
    Ctx c;
    assert_int_equal(ctx_open(&c, 640, 480), 0);
    char err[256];
    UiRender *rr = ui_render_new(c.r, c.t, m, err, sizeof err);
    SDL_Rect mm = { 10, 10, 300, 200 };
    UiMapView v;
    SDL_Rect vp = { 0, 0, 640, 480 };
    ui_view_init(&v, m, vp);
    ui_render_minimap(rr, mm, g, &v, -1);
    char path[256];
    out_path(path, sizeof path, "minimap.png");
    IMG_SavePNG(c.surf, path);
    Hex h;
    assert_true(ui_minimap_hex(rr, mm, mm.x + mm.w / 2, mm.y + mm.h / 2, &h));
    int col, row;
    hex_to_offset(h, &col, &row);
    assert_true(abs(col - FIX_W / 2) <= 2 && abs(row - FIX_H / 2) <= 2);
    assert_false(ui_minimap_hex(rr, mm, 600, 400, &h));
    ui_render_free(rr);
    ctx_close(&c);
    game_free(g);
    map_free(m);
}

/* Frames rendered after wandering through every zoom level (chunk cache and paint queue full of
 * other levels' work) are the same as the first ones. */
static void test_every_zoom_level_draws_the_same_frame_from_its_cache(void **st)
{
    (void)st;
    Map *m = fixture_map();
    Game *g = fixture_game(m);
    Ctx c;
    assert_int_equal(ctx_open(&c, 800, 500), 0);
    char err[256];
    UiRender *rr = ui_render_new(c.r, c.t, m, err, sizeof err);
    UiMapView v;
    SDL_Rect vp = { 0, 0, 800, 500 };
    ui_view_init(&v, m, vp);
    UiOverlay o;
    ui_overlay_init(&o);
    o.show_units = 0;
    o.show_names = 0;
    static uint64_t first[UI_ZOOM_LEVELS];
    for (int round = 0; round < 3; round++)
        for (int l = 0; l < UI_ZOOM_LEVELS; l++) {
            v.zoom = ui_zoom_levels[l];
            ui_view_center_on(&v, fix_hex(20 + round * 3, 15 + l));
            if (round == 1) ui_view_center_on(&v, fix_hex(45, 30));   /* somewhere else between */
            if (round == 2) ui_view_center_on(&v, fix_hex(20, 15 + l));
            SDL_SetRenderDrawColor(c.r, 0, 0, 0, 255);
            SDL_RenderClear(c.r);
            ui_render_map(rr, &v, g, &o);
            uint64_t h = 1469598103934665603ull;
            for (int y = 0; y < c.surf->h; y += 3)
                for (int x = 0; x < c.surf->w; x += 3) h = (h ^ px_at(c.surf, x, y)) * 1099511628211ull;
            if (round == 0) first[l] = h;
            if (round == 2) assert_true(h == first[l]);
        }
    ui_render_free(rr);
    ctx_close(&c);
    game_free(g);
    map_free(m);
}

static void test_grid_setting_removes_the_hex_outlines(void **st)
{
    (void)st;
    Map *m = map_new(30, 20, TER_PLAIN);
    Ctx c;
    assert_int_equal(ctx_open(&c, 400, 300), 0);
    char err[256];
    UiRender *rr = ui_render_new(c.r, c.t, m, err, sizeof err);
    UiMapView v;
    SDL_Rect vp = { 0, 0, 400, 300 };
    ui_view_init(&v, m, vp);
    v.zoom = 30;
    ui_view_center_on(&v, fix_hex(15, 10));
    UiOverlay o;
    ui_overlay_init(&o);
    int sx, sy;
    ui_view_hex_to_screen(&v, fix_hex(15, 10), &sx, &sy);
    /* the middle of the hex's east side, where a grid line runs */
    int ex = sx + (int)(0.866 * 30), ey = sy;
    ui_render_map(rr, &v, NULL, &o);
    int with = count_near(c.surf, ex, ey, 1, 0x4A3A28, 120);
    uint32_t lined = px_at(c.surf, ex, ey);
    o.show_grid = 0;
    ui_render_map(rr, &v, NULL, &o);
    uint32_t plain = px_at(c.surf, ex, ey);
    int lum_l = ((lined >> 16) & 255) + ((lined >> 8) & 255) + (lined & 255);
    int lum_p = ((plain >> 16) & 255) + ((plain >> 8) & 255) + (plain & 255);
    assert_true(with > 0);
    assert_true(lum_p > lum_l + 30);
    ui_render_free(rr);
    ctx_close(&c);
    map_free(m);
}

static void test_place_names_follow_the_hanzi_setting(void **st)
{
    (void)st;
    Map *m = fixture_map();
    Game *g = fixture_game(m);
    Ctx c;
    assert_int_equal(ctx_open(&c, 800, 600), 0);
    char err[256];
    UiRender *rr = ui_render_new(c.r, c.t, m, err, sizeof err);
    UiMapView v;
    SDL_Rect vp = { 0, 0, 800, 600 };
    ui_view_init(&v, m, vp);
    v.zoom = 30;
    ui_view_center_on(&v, fix_hex(34, 28));     /* Huanglong, no units */
    UiOverlay o;
    ui_overlay_init(&o);
    render_fixture(&c, rr, g, &v, &o);
    SDL_Surface *pinyin = SDL_ConvertSurfaceFormat(c.surf, SDL_PIXELFORMAT_ARGB8888, 0);
    o.show_hanzi = 1;
    render_fixture(&c, rr, g, &v, &o);
    char path[256];
    out_path(path, sizeof path, "view_hanzi.png");
    IMG_SavePNG(c.surf, path);
    /* the label right of the symbol changes; the terrain far from it does not */
    int sx, sy, diff = 0;
    ui_view_hex_to_screen(&v, fix_hex(34, 28), &sx, &sy);
    for (int y = sy - 12; y < sy + 12; y++)
        for (int x = sx + 12; x < sx + 110; x++)
            if (!near_rgb(px_at(c.surf, x, y), px_at(pinyin, x, y), 40)) diff++;
    assert_true(diff > 60);
    assert_true(near_rgb(px_at(c.surf, 20, 20), px_at(pinyin, 20, 20), 2));
    SDL_FreeSurface(pinyin);
    ui_render_free(rr);
    ctx_close(&c);
    game_free(g);
    map_free(m);
}

/* ---------------------------------------------------------------- pictures */

static void check_png(const char *path, int w, int h)
{
    SDL_Surface *s = IMG_Load(path);
    assert_non_null(s);
    assert_int_equal(s->w, w);
    assert_int_equal(s->h, h);
    int distinct;
    double top;
    colour_stats(s, &distinct, &top);
    assert_true(distinct > 80);     /* not blank, not one flat colour */
    assert_true(top < 0.6);
    SDL_FreeSurface(s);
}

static void test_map_png_has_the_requested_size_and_is_not_flat(void **st)
{
    (void)st;
    Map *m = fixture_map();
    char path[256], err[256];
    out_path(path, sizeof path, "map_fixture.png");
    assert_int_equal(ui_map_png_of(m, path, 1200, 800, err, sizeof err), 0);
    check_png(path, 1200, 800);
    assert_int_not_equal(ui_map_png_of(m, path, 10, 10, err, sizeof err), 0);
    assert_non_null(strstr(err, "size"));
    map_free(m);
}

static void test_map_png_of_the_theatre(void **st)
{
    (void)st;
    char err[512];
    if (!lscript_theatre(err, sizeof err)) { fprintf(stderr, "no theatre map yet: %s\n", err); skip(); }
    char path[256];
    out_path(path, sizeof path, "map_theatre.png");
    assert_int_equal(ui_map_png(path, 2400, 1600, err, sizeof err), 0);
    check_png(path, 2400, 1600);
}

static void test_screenshot_of_a_scenario(void **st)
{
    (void)st;
    char err[512];
    if (!lscript_theatre(err, sizeof err)) { fprintf(stderr, "no theatre map yet: %s\n", err); skip(); }
    ScenarioInfo info;
    if (lscript_find_scenario("ningjiang1114", &info) != 0) skip();
    char path[256];
    out_path(path, sizeof path, "screenshot_ningjiang.png");
    if (ui_screenshot(path, "ningjiang1114", NULL, 1, 1280, 800, err, sizeof err) != 0) fail_msg("%s", err);
    check_png(path, 1280, 800);
    /* the side to move has its counters on the picture, in its colour; rivers are there too */
    Session *s = session_new("ningjiang1114", 1, "all", 1, err, sizeof err);
    assert_non_null(s);
    uint32_t col = s->game->factions[s->game->active].color;
    SDL_Surface *raw = IMG_Load(path);
    SDL_Surface *img = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    int own = count_near(img, img->w / 2, img->h / 2, img->w, col, 24);
    int river = count_near(img, img->w / 2, img->h / 2, img->w, 0x5B95CC, 20);
    assert_true(own > 150);
    assert_true(river > 150);
    SDL_FreeSurface(img);
    SDL_FreeSurface(raw);
    session_free(s);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) { fprintf(stderr, "SDL: %s\n", SDL_GetError()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_renders_latin_and_hanzi_through_the_fallback),
        cmocka_unit_test(test_text_size_matches_what_is_drawn),
        cmocka_unit_test(test_text_survives_invalid_utf8),
        cmocka_unit_test(test_screen_to_hex_inverts_hex_to_screen_at_every_zoom),
        cmocka_unit_test(test_map_view_draws_terrain_rivers_places_and_units),
        cmocka_unit_test(test_reach_dims_hexes_out_of_reach),
        cmocka_unit_test(test_minimap_click_finds_the_hex_under_it),
        cmocka_unit_test(test_place_names_follow_the_hanzi_setting),
        cmocka_unit_test(test_grid_setting_removes_the_hex_outlines),
        cmocka_unit_test(test_every_zoom_level_draws_the_same_frame_from_its_cache),
        cmocka_unit_test(test_map_png_has_the_requested_size_and_is_not_flat),
        cmocka_unit_test(test_map_png_of_the_theatre),
        cmocka_unit_test(test_screenshot_of_a_scenario),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    SDL_Quit();
    return rc;
}

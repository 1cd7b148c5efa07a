/* test_atlas.c - the atlas page of the theatre (--map-png) as a map maker checks it: every place
 * named, no name over another name or another place's symbol, the new rivers and lakes named,
 * the borders of 1114 drawn (on the atlas and as the game's borders map mode), uncertain sites
 * drawn hollow. Pictures are left in render_out/ for people to look at. */
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
#include "render_priv.h"
#include "mapshot.h"
#include "lscript.h"
#include "mapio.h"

#define ATLAS_W 3000
#define ATLAS_H 2000
#define MAX_LAB 1024

static Map *theatre;                 /* a copy of the theatre the tests may change */
static UiAtlasLabel alab[MAX_LAB];
static int n_labs;

static void out_path(char *buf, size_t cap, const char *name)
{
    mkdir("render_out", 0755);
    snprintf(buf, cap, "render_out/%s", name);
}

static int setup(void **st)
{
    (void)st;
    char err[512];
    const Map *m = lscript_theatre(err, sizeof err);
    if (!m) { fprintf(stderr, "theatre map: %s\n", err); return -1; }
    size_t len;
    char *text = mapio_write(m, &len);
    theatre = text ? mapio_parse(text, len, "theatre", err, sizeof err) : NULL;
    free(text);
    if (!theatre) { fprintf(stderr, "theatre copy: %s\n", err); return -1; }
    char path[256];
    out_path(path, sizeof path, "atlas_theatre.png");
    if (ui_map_png_labels(theatre, path, ATLAS_W, ATLAS_H, alab, MAX_LAB, &n_labs, err, sizeof err) != 0) {
        fprintf(stderr, "atlas: %s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    map_free(theatre);
    return 0;
}

static const UiAtlasLabel *find_label(const char *text, int kind)
{
    for (int i = 0; i < n_labs; i++)
        if (alab[i].kind == kind && !strcmp(alab[i].text, text)) return &alab[i];
    return NULL;
}

static int overlap(const UiAtlasLabel *a, const UiAtlasLabel *b)
{
    return !(a->x1 < b->x0 || b->x1 < a->x0 || a->y1 < b->y0 || b->y1 < a->y0);
}

static void test_atlas_names_the_places_a_map_maker_found_unnamed(void **st)
{
    (void)st;
    static const char *names[] = { "Deshengtuo", "Xiangzhou", "Xincheng", "Qianzhou", "Jilishan", "Jiangan Shan" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!find_label(names[i], UI_ATLAS_PLACE)) fail_msg("no name drawn for %s", names[i]);
}

static void test_atlas_names_every_place(void **st)
{
    (void)st;
    for (int p = 0; p < theatre->n_places; p++)
        if (!find_label(theatre->places[p].name, UI_ATLAS_PLACE)) fail_msg("no name drawn for %s", theatre->places[p].name);
}

static void test_atlas_names_never_overlap_each_other(void **st)
{
    (void)st;
    for (int i = 0; i < n_labs; i++)
        for (int j = i + 1; j < n_labs; j++) {
            if (alab[i].kind == UI_ATLAS_SYMBOL || alab[j].kind == UI_ATLAS_SYMBOL) continue;
            if (overlap(&alab[i], &alab[j])) fail_msg("'%s' overlaps '%s'", alab[i].text, alab[j].text);
        }
}

static void test_atlas_names_never_cover_another_places_symbol(void **st)
{
    (void)st;
    for (int i = 0; i < n_labs; i++) {
        if (alab[i].kind == UI_ATLAS_SYMBOL) continue;
        for (int j = 0; j < n_labs; j++) {
            if (alab[j].kind != UI_ATLAS_SYMBOL) continue;
            if (alab[i].kind == UI_ATLAS_PLACE && !strcmp(alab[i].text, alab[j].text)) continue;
            if (overlap(&alab[i], &alab[j])) fail_msg("'%s' covers the symbol of %s", alab[i].text, alab[j].text);
        }
    }
}

static void test_atlas_names_the_argun_tuul_orkhon_and_the_lakes(void **st)
{
    (void)st;
    assert_non_null(find_label("Argun (Ergune)", UI_ATLAS_RIVER));
    assert_non_null(find_label("Tuul", UI_ATLAS_RIVER));
    assert_non_null(find_label("Orkhon", UI_ATLAS_RIVER));
    assert_non_null(find_label("Daihai", UI_ATLAS_LAKE));
    assert_non_null(find_label("Hulun Nur", UI_ATLAS_LAKE));
}

/* Pixels of the page within tol of the border colour. */
static long border_pixels(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    assert_non_null(raw);
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    long n = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            uint32_t p = ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x];
            int r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
            int br = (UI_BORDER_RGB >> 16) & 255, bg = (UI_BORDER_RGB >> 8) & 255, bb = UI_BORDER_RGB & 255;
            if (abs(r - br) < 24 && abs(g - bg) < 24 && abs(b - bb) < 24) n++;
        }
    SDL_FreeSurface(s);
    return n;
}

static void test_atlas_draws_the_borders_of_1114(void **st)
{
    (void)st;
    char with[256], without[256], err[512];
    assert_true(theatre->n_borders >= 4);
    out_path(with, sizeof with, "atlas_borders.png");
    out_path(without, sizeof without, "atlas_no_borders.png");
    assert_int_equal(ui_map_png_of(theatre, with, 1200, 800, err, sizeof err), 0);
    int nb = theatre->n_borders;
    theatre->n_borders = 0;
    int rc = ui_map_png_of(theatre, without, 1200, 800, err, sizeof err);
    theatre->n_borders = nb;
    assert_int_equal(rc, 0);
    long a = border_pixels(with), b = border_pixels(without);
    if (a < 10 * b + 300) fail_msg("border-coloured pixels: %ld with the borders, %ld without", a, b);
}

static void test_uncertain_sites_are_drawn_hollow(void **st)
{
    (void)st;
    int jil = map_find_place(theatre, "jilishan"), nan = map_find_place(theatre, "nanjing");
    assert_true(ui_place_uncertain(&theatre->places[jil]));
    assert_false(ui_place_uncertain(&theatre->places[nan]));
    /* a town's ring: filled in the owner's colour when certain, paper inside when not */
    UiCanvas a, b;
    assert_int_equal(ui_ras_alloc(&a, 40, 40), 0);
    assert_int_equal(ui_ras_alloc(&b, 40, 40), 0);
    ui_sym_place(&a, PLACE_TOWN, 0x0072B2, 0);
    ui_sym_place(&b, PLACE_TOWN, 0x0072B2, 1);
    /* a point inside the ring, between the centre dot and the rim */
    uint32_t pa = a.px[20 * a.pitch + 20 + 7] & 0xFFFFFF, pb = b.px[20 * b.pitch + 20 + 7] & 0xFFFFFF;
    assert_int_equal(pa, 0x0072B2);
    assert_int_equal(pb, 0xFBF6E8);
    free(a.px);
    free(b.px);
}

static void test_borders_map_mode_draws_the_borders_in_the_game_view(void **st)
{
    (void)st;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 900, 600, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    char err[256];
    UiText *t = ui_text_open(r, lscript_data_dir(), 16, err, sizeof err);
    assert_non_null(t);
    UiRender *rr = ui_render_new(r, t, theatre, err, sizeof err);
    assert_non_null(rr);
    UiMapView v;
    ui_view_init(&v, theatre, (SDL_Rect){ 0, 0, 900, 600 });
    v.zoom = 16;
    ui_view_center_on(&v, theatre->places[map_find_place(theatre, "xiongzhou")].hex);
    UiOverlay o;
    ui_overlay_init(&o);
    o.frozen = 0;
    long count[2];
    for (int on = 0; on < 2; on++) {
        o.show_borders = on;
        SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
        SDL_RenderClear(r);
        ui_render_map(rr, &v, NULL, &o);
        SDL_RenderPresent(r);
        char path[256];
        out_path(path, sizeof path, on ? "view_borders_on.png" : "view_borders_off.png");
        IMG_SavePNG(surf, path);
        count[on] = border_pixels(path);
    }
    if (count[1] < count[0] + 300) fail_msg("border-coloured pixels: %ld with the mode on, %ld off", count[1], count[0]);
    ui_render_free(rr);
    ui_text_close(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) { fprintf(stderr, "SDL: %s\n", SDL_GetError()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_atlas_names_the_places_a_map_maker_found_unnamed),
        cmocka_unit_test(test_atlas_names_every_place),
        cmocka_unit_test(test_atlas_names_never_overlap_each_other),
        cmocka_unit_test(test_atlas_names_never_cover_another_places_symbol),
        cmocka_unit_test(test_atlas_names_the_argun_tuul_orkhon_and_the_lakes),
        cmocka_unit_test(test_atlas_draws_the_borders_of_1114),
        cmocka_unit_test(test_uncertain_sites_are_drawn_hollow),
        cmocka_unit_test(test_borders_map_mode_draws_the_borders_in_the_game_view),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    SDL_Quit();
    return rc;
}

/* ui_render.h - the map on screen: the camera (UiMapView), the map renderer (terrain art cached
 * in chunk textures per zoom level, rivers, roads, coasts, places and names, units as counters,
 * fog, the selected unit's reach and path), the minimap, and the frame benchmark.
 * Draws a const view of the game; never changes it. Floats are used here for screen maths only. */
#ifndef GYR_UI_RENDER_H
#define GYR_UI_RENDER_H
#include <SDL.h>
#include <stddef.h>
#include <stdint.h>
#include "game.h"
#include "move.h"
#include "ui_text.h"

/* ---------------------------------------------------------------- camera
 * World coordinates are in hex radii: the hex (q, r) has its centre at
 * x = sqrt(3) * (q + r/2), y = 1.5 * r (pointy-top, r grows downwards). The zoom is the hex
 * radius in screen pixels. The view is the screen rectangle the map is drawn in. */

/* The zoom levels the terrain cache is built for, hex radius in pixels (smallest first). */
#define UI_ZOOM_LEVELS 9
extern const int ui_zoom_levels[UI_ZOOM_LEVELS];   /* 4, 6, 8, 11, 16, 22, 30, 40, 54 */

typedef struct UiMapView {
    SDL_Rect vp;                /* the screen rectangle the map is drawn into */
    double cx, cy;              /* world point at the centre of vp */
    double zoom;                /* hex radius in pixels; ui_view_zoom_* snap it to the levels */
} UiMapView;

/* A view of the whole map (zoomed to fit) into the screen rectangle vp. */
void ui_view_init(UiMapView *v, const Map *m, SDL_Rect vp);
/* Zoom so that the whole map fits in vp (the smallest level that shows it all, or exact when
 * exact is 1, as the map picture wants). */
void ui_view_fit(UiMapView *v, const Map *m, int exact);
/* Zoom and centre so that the hexes in list (plus margin hexes around) fill the view; for the
 * briefing's area map. */
void ui_view_fit_hexes(UiMapView *v, const Hex *list, int n, int margin);
void ui_view_center_on(UiMapView *v, Hex h);
/* Move the view by a screen-pixel drag (dx, dy: how far the mouse moved). */
void ui_view_pan(UiMapView *v, int dx, int dy);
/* Step to the next zoom level in (steps > 0) or out (< 0), keeping the world point under the
 * screen point (sx, sy) fixed. */
void ui_view_zoom_step(UiMapView *v, int steps, int sx, int sy);
/* Keep the centre within the map (with half a view of slack). */
void ui_view_clamp(UiMapView *v, const Map *m);
/* The hex under a screen point (may be off the map: check map_in_bounds). */
Hex ui_view_screen_to_hex(const UiMapView *v, int sx, int sy);
/* The screen point of a hex's centre. */
void ui_view_hex_to_screen(const UiMapView *v, Hex h, int *sx, int *sy);
void ui_view_world_to_screen(const UiMapView *v, double wx, double wy, double *sx, double *sy);
void ui_view_screen_to_world(const UiMapView *v, double sx, double sy, double *wx, double *wy);
void ui_hex_to_world(Hex h, double *wx, double *wy);

/* ---------------------------------------------------------------- overlay
 * What the screen wants shown on top of the game: all optional (zero = nothing).
 * ui_overlay_init sets every index to -1 and the flags to their defaults. */
typedef struct UiOverlay {
    int selected_unit;          /* -1 none: ringed, its stack raised */
    const Reach *reach;         /* the selected unit's reachable set: reachable hexes lit, others dimmed */
    const Hex *path;            /* path to the hovered destination, start first */
    int path_len;
    int path_cost;              /* movement points, written at the end of the path (-1 hides it) */
    int has_hover;
    Hex hover;                  /* hex under the mouse: outlined */
    int hover_attack;           /* 1: the hover hex is an attack target (red outline, crossed swords) */
    int fog_faction;            /* -1: everything visible; else hexes this faction cannot see are shaded
                                   and enemy units in them hidden */
    const uint8_t *vis;         /* optional visibility for fog_faction (map_count() bytes); NULL = computed */
    int show_hanzi;             /* place names in hanzi instead of pinyin */
    int show_grid;              /* hex outlines (faded at low zoom); default 1 */
    int show_units;             /* default 1; 0 hides all units (hotseat curtain, map pictures) */
    int show_names;             /* default 1 */
    int frozen;                 /* -1: from the game's date (default); 0/1: force (no game) */
    int anim_unit;              /* -1 none; else this unit is drawn at (anim_wx, anim_wy) instead of its hex */
    double anim_wx, anim_wy;    /* world position of the animated unit */
    const int *marked;          /* optional list of hex indices to ring (e.g. units that can still act) */
    int n_marked;
    int show_borders;           /* the borders of 1114 (map mode, key B); default 0 */
    int atlas;                  /* > 0: map-picture style (no chunk cache, exact zoom, serif names);
                                   the value is the lettering scale in percent (100 for 2400x1600) */
} UiOverlay;

void ui_overlay_init(UiOverlay *o);

/* ---------------------------------------------------------------- the renderer */
typedef struct UiRender UiRender;

/* A renderer for map m drawing with r and text t (neither owned). Returns NULL with a reason in
 * err when out of memory. Caller frees with ui_render_free before the SDL_Renderer goes. */
UiRender *ui_render_new(SDL_Renderer *r, UiText *t, const Map *m, char *err, size_t errlen);
void ui_render_free(UiRender *rr);
/* Forget cached textures (after a renderer reset or when the map's art must be redrawn). */
void ui_render_flush(UiRender *rr);

/* Draw the map view: terrain, rivers, roads, grid, fog, reach, places and names, units, path,
 * hover. g may be NULL (the bare map: places in their 1114 owners' colours). Clips to v->vp. */
void ui_render_map(UiRender *rr, const UiMapView *v, const Game *g, const UiOverlay *o);

/* Draw the minimap of the whole map into dst: terrain, owners' units as dots (fogged like the
 * overlay's fog_faction, -1 for none) and the main view's rectangle. */
void ui_render_minimap(UiRender *rr, SDL_Rect dst, const Game *g, const UiMapView *main_view,
                       int fog_faction);
/* The hex at screen point (sx, sy) of a minimap drawn into dst; 0 when outside it. */
int ui_minimap_hex(UiRender *rr, SDL_Rect dst, int sx, int sy, Hex *out);

/* Draw one unit's counter (the one on the map) with its top-left at (x, y), size pixels wide;
 * for the HUD's unit panel. */
void ui_render_unit_counter(UiRender *rr, const Game *g, int unit, int x, int y, int size);
/* Draw a faction's emblem (white-on-colour roundel) in a square of size pixels at (x, y). */
void ui_render_faction_emblem(UiRender *rr, const Game *g, int faction, int x, int y, int size);
/* Draw a place symbol (kind, owner colour rgb) centred at (x, y) in a square of size pixels. */
void ui_render_place_symbol(UiRender *rr, PlaceKind kind, uint32_t rgb, int x, int y, int size);

/* ---------------------------------------------------------------- benchmark
 * Makes an offscreen w x h software renderer, loads the theatre map and a scenario's units (or
 * fills the map with units when no scenario loads), and scrolls the view at a playing zoom
 * across the whole theatre for 'frames' frames, timing each frame. Returns 0 on success, -1
 * when the map or fonts cannot be loaded (reason on stderr). */
int ui_bench_frames(int w, int h, int frames, double *median_ms, double *p99_ms);

#endif

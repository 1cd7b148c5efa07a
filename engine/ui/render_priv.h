/* render_priv.h - shared by the map renderer's files (ui_render.c, render_*.c, mapshot.c):
 * a small anti-aliased software rasteriser on ARGB pixel buffers, the terrain painter, and the
 * symbol painters (counters, emblems, places). Not for other modules. */
#ifndef GYR_RENDER_PRIV_H
#define GYR_RENDER_PRIV_H
#include <stdint.h>
#include <SDL.h>
#include "map.h"
#include "rules.h"
#include "game.h"

/* ---------------------------------------------------------------- canvas (render_raster.c) */
typedef struct UiCanvas { uint32_t *px; int w, h, pitch; /* pitch in pixels */ } UiCanvas;

#define UI_RGB(r, g, b) (0xFF000000u | ((uint32_t)(r) << 16) | ((uint32_t)(g) << 8) | (uint32_t)(b))
#define UI_HEX(rgb) (0xFF000000u | (uint32_t)(rgb))

/* Blend colour c (0xAARRGGBB, its alpha times cov/255) over the pixel; out of range ignored. */
void ui_ras_blend(UiCanvas *cv, int x, int y, uint32_t c, int cov);
void ui_ras_clear(UiCanvas *cv, uint32_t c);
/* Anti-aliased shapes; coordinates in pixels (pixel centres at +0.5). */
void ui_ras_disc(UiCanvas *cv, double cx, double cy, double r, uint32_t c);
void ui_ras_ring(UiCanvas *cv, double cx, double cy, double r, double width, uint32_t c);
void ui_ras_line(UiCanvas *cv, double x0, double y0, double x1, double y1, double width, uint32_t c);
/* The dashes of a dashed polyline that fall on its segment (x0,y0)-(x1,y1): one dash of length
 * dash every period, the pattern continued from walked (the length of the line before this
 * segment). Calls draw for each piece of a dash; draws nothing itself. */
typedef void (*UiDashFn)(double x0, double y0, double x1, double y1, void *ud);
void ui_dash_segment(double x0, double y0, double x1, double y1, double walked, double dash, double period,
                     UiDashFn draw, void *ud);
/* A quadratic Bezier stroke from p0 via control p1 to p2, width w0 at p0 to w2 at p2. */
void ui_ras_bezier(UiCanvas *cv, double x0, double y0, double x1, double y1, double x2, double y2,
                   double w0, double w2, uint32_t c);
/* Filled polygon (even-odd), anti-aliased by 4x4 supersampling of edge pixels. */
void ui_ras_poly(UiCanvas *cv, const double *xy, int n, uint32_t c);
void ui_ras_rect(UiCanvas *cv, double x0, double y0, double x1, double y1, uint32_t c);
/* Rounded rectangle fill. */
void ui_ras_rrect(UiCanvas *cv, double x0, double y0, double x1, double y1, double rad, uint32_t c);
/* Five-pointed star. */
void ui_ras_star(UiCanvas *cv, double cx, double cy, double r, uint32_t fill, uint32_t edge);
/* A new SDL surface wrapping a copy of the canvas (ARGB8888). */
SDL_Surface *ui_ras_to_surface(const UiCanvas *cv);
/* Canvas over a new zeroed buffer (caller frees cv->px). Returns 0 on success. */
int ui_ras_alloc(UiCanvas *cv, int w, int h);

/* ---------------------------------------------------------------- hex maths */
#define UI_SQRT3 1.7320508075688772
#define UI_PI 3.14159265358979323846
/* The hex containing world point (wx, wy) (world units: hex radii). */
Hex ui_world_to_hex(double wx, double wy);

/* ---------------------------------------------------------------- terrain painter (render_terrain.c) */
typedef struct UiArt UiArt;     /* per-map precomputed features: river and road segments */

UiArt *ui_art_new(const Map *m);
void ui_art_free(UiArt *a);

/* Flags for ui_art_paint. */
enum { UI_ART_GRID = 1, UI_ART_FROZEN = 2, UI_ART_ATLAS = 4 };

/* Paint the map region whose top-left pixel is global pixel (gx0, gy0) at zoom z (pixels per
 * hex radius; global pixel = world * z) into cv: terrain art, coasts, rivers, roads and (with
 * UI_ART_GRID) the hex grid of opacity grid_alpha (0..255). hexmap (cv->w*cv->h ints, may be
 * NULL) receives the exact hex index under each pixel (-1 off the map). */
void ui_art_paint(const UiArt *a, UiCanvas *cv, double gx0, double gy0, double z, int flags,
                  int grid_alpha, int32_t *hexmap);

/* Where to letter river number 'river' (index into map->rivers): the middle of its sides (the
 * side nearest their centroid), in world units. 0 when it has fewer than min_sides sides. */
int ui_art_river_anchor(const UiArt *a, int river, int min_sides, double *wx, double *wy);

/* How many river sides have an end or their middle in the world box (x0, y0)-(x1, y1). */
int ui_art_river_hits(const UiArt *a, double x0, double y0, double x1, double y1);
/* The middles of river 'river''s sides in world units, nearest the river's middle first: where
 * its name may go. Up to max points into xy (2 doubles each); the count is returned. */
int ui_art_river_points(const UiArt *a, int river, double *xy, int max);

/* Terrain colour for the minimap and legends. */
uint32_t ui_terrain_color(Terrain t);
/* World bounds of the whole map (left, top, right, bottom) in world units. */
void ui_map_world_bounds(const Map *m, double *x0, double *y0, double *x1, double *y1);

/* ---------------------------------------------------------------- map view parts (ui_render.c) */
struct UiRender;
struct UiMapView;
struct UiOverlay;
/* Place symbols and names only (no terrain, no units): the atlas page draws its own terrain. */
void ui_render_places(struct UiRender *rr, const struct UiMapView *v, const struct Game *g,
                      const struct UiOverlay *o);
/* The same placement without drawing: fills the label boxes read by ui_render_labels. */
void ui_render_places_layout(struct UiRender *rr, const struct UiMapView *v, const struct Game *g,
                             const struct UiOverlay *o);

/* A box a place symbol or name takes on the screen (inclusive pixels). place: its index;
 * symbol: 1 for the symbol, 0 for the name. */
typedef struct UiLabel { int x0, y0, x1, y1; int place, symbol; } UiLabel;
#define UI_MAX_LABELS (2 * MAP_MAX_PLACES)
#define UI_MAX_OBSTACLES 16
/* The symbols and names of the last places pass (atlas style: every place named); count returned. */
int ui_render_labels(const struct UiRender *rr, const UiLabel **out);
/* Boxes no place name may take in the next passes (the atlas legend and title); at most
 * UI_MAX_OBSTACLES, copied. */
void ui_render_label_obstacles(struct UiRender *rr, const UiLabel *boxes, int n);
/* A place symbol, hollow (an uncertain site). */
void ui_render_place_symbol_open(struct UiRender *rr, PlaceKind kind, uint32_t rgb, int x, int y, int size);
/* World point (hex radii) of a latitude/longitude on a geographic map. */
void ui_latlon_to_world(const Map *m, double lat, double lon, double *wx, double *wy);
/* Border colour of the 1114 borders (atlas and the game's borders map mode). */
#define UI_BORDER_RGB 0x7A2A7A

/* ---------------------------------------------------------------- symbols (render_symbols.c) */
/* A unit counter's face: faction colour, emblem, class symbol; w x h pixels. No strength,
 * leader or cohesion (drawn over it per frame). */
void ui_sym_counter(UiCanvas *cv, uint32_t rgb, const char *emblem, UnitClass cls);
/* The emblem alone in a square canvas, white or black on the faction colour roundel. */
void ui_sym_emblem(UiCanvas *cv, double cx, double cy, double r, const char *emblem, uint32_t ink);
/* A place symbol centred in the canvas; open: hollow, outlined in the owner's colour (a site
 * whose location is uncertain). */
void ui_sym_place(UiCanvas *cv, PlaceKind kind, uint32_t rgb, int open);
/* Whether a place's site is uncertain: its note says disputed, uncertain, weak, approximate,
 * "+-", conventional or not located (docs/map.md). */
int ui_place_uncertain(const MapPlace *p);
/* Black or white, whichever reads better on rgb. */
uint32_t ui_sym_contrast(uint32_t rgb);
/* Owner colour for a 1114 owner id (the bare map's places). */
uint32_t ui_owner_color(const char *owner1114);

#endif

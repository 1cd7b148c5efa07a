/* mapshot.h - pictures to files: the whole theatre as an atlas page (--map-png) and one game
 * frame rendered offscreen (--screenshot). Both use SDL's software renderer on a surface, so
 * no display is needed. */
#ifndef GYR_MAPSHOT_H
#define GYR_MAPSHOT_H
#include <stddef.h>

/* Render the theatre map (maps/theatre.map under the data folder) w x h pixels to out_png:
 * terrain, rivers, coasts, places with names, a graticule with degree labels, a title
 * cartouche, a legend and a scale bar. 0 on success, else -1 with a one-line reason in err. */
int ui_map_png(const char *out_png, int w, int h, char *err, size_t errlen);

/* The same for any map (a test map, or one not yet saved); map pictures of non-geographic maps
 * have no graticule. */
struct Map;
int ui_map_png_of(const struct Map *m, const char *out_png, int w, int h, char *err, size_t errlen);

/* A name or symbol on the atlas page: its text (a place's name for its symbol), kind and box in
 * page pixels (inclusive). */
enum { UI_ATLAS_PLACE, UI_ATLAS_SYMBOL, UI_ATLAS_RIVER, UI_ATLAS_LAKE, UI_ATLAS_REGION };
typedef struct UiAtlasLabel { char text[64]; int kind; int x0, y0, x1, y1; } UiAtlasLabel;
/* ui_map_png_of, also giving up to max of the names and symbols it placed (count in *n_labels;
 * labels and n_labels may be NULL). */
int ui_map_png_labels(const struct Map *m, const char *out_png, int w, int h, UiAtlasLabel *labels, int max,
                      int *n_labels, char *err, size_t errlen);
/* Write a surface to a PNG file through safefile.h (exclusive temporary, fsync, rename: the
 * old picture is kept on any failure). 0 on success, else -1 with "PATH: reason" in err. */
struct SDL_Surface;
int ui_save_png(struct SDL_Surface *s, const char *path, char *err, size_t errlen);

/* Render one game frame w x h to out_png: the scenario (id or .lua path; NULL picks the first
 * listed) at turn 1, or the replay file played to the start of turn (0 = its last turn).
 * The map around the active side's units with the game screen's panels when available.
 * 0 on success, else -1 with a one-line reason in err. */
int ui_screenshot(const char *out_png, const char *scenario, const char *replay, int turn,
                  int w, int h, char *err, size_t errlen);

#endif

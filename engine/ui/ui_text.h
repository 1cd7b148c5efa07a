/* ui_text.h - text on screen with SDL2_ttf: one Latin font family (DejaVu) and one CJK font
 * (Droid Sans Fallback), with a per-glyph-run fallback from one to the other (SDL2_ttf has no
 * fallback chain), and an LRU cache of rendered textures keyed by string, size, colour and style.
 * Fonts come from the data folder's assets/fonts/. */
#ifndef GYR_UI_TEXT_H
#define GYR_UI_TEXT_H
#include <SDL.h>
#include <stddef.h>

typedef struct UiText UiText;

/* Flags for ui_text_draw's 'flags'. The low two bits are the horizontal alignment and take the
 * same values as UiAlign (ui_widgets.h), so a UiAlign may be passed as flags directly. */
enum {
    UI_TEXT_LEFT = 0, UI_TEXT_CENTER = 1, UI_TEXT_RIGHT = 2, UI_TEXT_HALIGN = 3,
    UI_TEXT_TOP = 0, UI_TEXT_MIDDLE = 4, UI_TEXT_BOTTOM = 8, UI_TEXT_VALIGN = 12,
    UI_TEXT_BOLD = 16,          /* DejaVu Sans Bold (CJK runs stay regular, emboldened) */
    UI_TEXT_SERIF = 32,         /* DejaVu Serif: atlas lettering, titles */
    UI_TEXT_HALO = 64,          /* a soft outline in the halo colour for legibility on maps */
    UI_TEXT_ITALIC = 128        /* DejaVu Serif Italic (for sans too): water names */
};

/* Open the fonts under data_dir/assets/fonts/ for renderer r. px_base is the size used when a
 * draw call passes size <= 0. Returns NULL with a one-line reason in err when a font file is
 * missing or unreadable. TTF_Init is called if needed. Caller frees with ui_text_close (before
 * destroying the renderer). */
UiText *ui_text_open(SDL_Renderer *r, const char *data_dir, int px_base, char *err, size_t errlen);
void ui_text_close(UiText *t);

/* Draw UTF-8 text at (x, y), placed by flags (alignment and style); size in pixels (the font's
 * pixel height). Returns the width drawn. Invalid UTF-8 bytes draw as U+FFFD; empty text draws
 * nothing. The texture is cached (LRU); drawing the same text again costs one copy. */
int ui_text_draw(UiText *t, const char *utf8, int x, int y, int size, SDL_Color fg, int flags);
/* The same with an explicit halo colour (UI_TEXT_HALO implied). */
int ui_text_draw_halo(UiText *t, const char *utf8, int x, int y, int size, SDL_Color fg,
                      SDL_Color halo, int flags);
/* Width and height the text would take (halo included when flagged). Either pointer may be NULL. */
void ui_text_size(UiText *t, const char *utf8, int size, int flags, int *w, int *h);
/* Line spacing for a size (font line skip). */
int ui_text_line_height(UiText *t, int size, int flags);
/* Word-wrapped text inside width wrap_w from (x, y); paragraphs split on '\n'; CJK text may
 * break between any two characters. Returns the height used. draw = 0 only measures. */
int ui_text_wrap(UiText *t, const char *utf8, int x, int y, int wrap_w, int size, SDL_Color fg,
                 int flags, int draw);

/* The text rendered to a new ARGB8888 surface (for tests and offscreen pictures); caller frees
 * with SDL_FreeSurface. NULL for empty text. */
SDL_Surface *ui_text_surface(UiText *t, const char *utf8, int size, SDL_Color fg, int flags);
/* Whether the text needs the CJK font for any glyph (1), and whether some glyph is in neither
 * font (returned as 2). 0 when the Latin font covers it all. */
int ui_text_coverage(UiText *t, const char *utf8);
/* Drop every cached texture (after the renderer's targets were reset, or to save memory). */
void ui_text_flush(UiText *t);
/* The renderer the text draws with. */
SDL_Renderer *ui_text_renderer(const UiText *t);

#endif

/* ui_widgets.h - immediate-mode widgets drawn in code: lacquer and parchment panels with gilt
 * borders and shadows, buttons, lists, dialog frames, tooltips, toggles and a text field.
 * Each frame a screen calls the widget functions in drawing order; a function draws itself
 * and returns what the player did to it this frame (from UiInput, filled by ui_app). */
#ifndef GYR_UI_WIDGETS_H
#define GYR_UI_WIDGETS_H
#include <SDL.h>
#include <stdint.h>

/* ---------------------------------------------------------------- palette */
#define UI_C_PARCHMENT   0xEFE3C8u
#define UI_C_PARCH_DARK  0xD9C7A0u
#define UI_C_INK         0x2B1D14u
#define UI_C_INK_SOFT    0x5A4636u
#define UI_C_LACQUER     0x6E1A14u
#define UI_C_LACQUER_HI  0x8F2A1Eu
#define UI_C_LACQUER_DK  0x2A110Du
#define UI_C_GOLD        0xC9A44Cu
#define UI_C_GOLD_HI     0xF0D68Au
#define UI_C_JADE        0x2F6E5Au
#define UI_C_CREAM       0xF8F0DCu
#define UI_C_GREY        0x8A8070u
#define UI_C_BAD         0xB0302Au
#define UI_C_GOOD        0x2E7D4Fu

typedef enum { UI_FONT_SMALL, UI_FONT_BODY, UI_FONT_HEAD, UI_FONT_TITLE, UI_FONT_COUNT } UiFontSize;
typedef enum { UI_ALIGN_LEFT, UI_ALIGN_CENTER, UI_ALIGN_RIGHT } UiAlign;
typedef enum { UI_PANEL_PARCHMENT, UI_PANEL_LACQUER, UI_PANEL_DARK } UiPanelStyle;

enum { UI_BTN_PRIMARY = 1, UI_BTN_DISABLED = 2, UI_BTN_SELECTED = 4, UI_BTN_SMALL = 8 };

#define UI_MAX_KEYS 16

/* What the player did since the last frame, in renderer output pixels. */
typedef struct UiInput {
    int mx, my;                 /* mouse position */
    int inside;                 /* the mouse is over the window */
    int down, rdown;            /* left / right button held */
    int pressed, released;      /* left button went down / up this frame */
    int rreleased;              /* right button went up this frame */
    int press_x, press_y;       /* where the left button went down */
    int wheel;                  /* wheel notches this frame (+ away from the user) */
    int shift, ctrl;            /* modifiers held */
    int n_keys;
    SDL_Keycode keys[UI_MAX_KEYS]; /* keys pressed this frame */
    uint16_t key_mods[UI_MAX_KEYS];
    char text[64];              /* UTF-8 typed this frame */
    int click_used;             /* a widget took this frame's click */
} UiInput;

typedef struct UiCtx {
    SDL_Renderer *r;
    UiInput *in;
    int w, h;                   /* output size in pixels */
    int scale100;               /* pixels per UI unit x100 (HiDPI x setting) */
    int enabled;                /* 0 while a modal dialog is above: widgets draw but ignore input */
    int hanzi;                  /* show names in hanzi */
    uint32_t ticks;             /* ms, for pulsing highlights */
    struct UiText *text;        /* fonts (not owned) */
    SDL_Texture *parchment;     /* made on first use */
    SDL_Texture *lacquer;
    int tooltip_pending;
    char tooltip[1024];
} UiCtx;

/* Scales a length in UI units to pixels. */
int ui_px(const UiCtx *c, int units);
/* Point in rect. */
int ui_in_rect(int x, int y, SDL_Rect r);
/* Whether the mouse hovers r and input is enabled. */
int ui_hover(const UiCtx *c, SDL_Rect r);
/* Whether r was clicked this frame (left button released inside it after pressing inside it).
 * Marks the click used. */
int ui_clicked(UiCtx *c, SDL_Rect r);
/* Whether key was pressed this frame (with no Ctrl unless ctrl is 1). */
int ui_key(const UiCtx *c, SDL_Keycode key, int ctrl);
/* Frees the textures the widgets made. */
void ui_widgets_free(UiCtx *c);

/* ---------------------------------------------------------------- drawing */
void ui_color(SDL_Renderer *r, uint32_t rgb, int alpha);
void ui_fill(UiCtx *c, SDL_Rect r, uint32_t rgb, int alpha);
void ui_frame(UiCtx *c, SDL_Rect r, uint32_t rgb, int alpha, int thick);
/* A vertical gradient from top to bottom colour. */
void ui_gradient(UiCtx *c, SDL_Rect r, uint32_t top, uint32_t bottom, int alpha);
/* A soft drop shadow under r. */
void ui_shadow(UiCtx *c, SDL_Rect r, int depth);
/* A panel: textured background, gilt double border with corner ornaments, shadow. */
void ui_panel(UiCtx *c, SDL_Rect r, UiPanelStyle style);
/* A thin ornamental rule across width w at y. */
void ui_rule(UiCtx *c, int x, int y, int w, uint32_t rgb);
/* Filled disc and ring. */
void ui_disc(UiCtx *c, int cx, int cy, int rad, uint32_t rgb, int alpha);

/* ---------------------------------------------------------------- text */
/* Draws UTF-8 text (Latin with CJK fallback) with its top at y; returns its width in pixels. */
int ui_label(UiCtx *c, int x, int y, UiFontSize f, uint32_t rgb, UiAlign a, const char *text);
int ui_labelf(UiCtx *c, int x, int y, UiFontSize f, uint32_t rgb, UiAlign a, const char *fmt, ...);
/* Width and height of text in pixels. */
void ui_measure(UiCtx *c, UiFontSize f, const char *text, int *w, int *h);
int ui_line_h(UiCtx *c, UiFontSize f);
/* Word-wrapped text in r from line skip_lines; paragraphs split on '\n'. Returns the number of
 * lines the whole text takes (drawn or not), so callers can scroll. draw=0 only measures. */
int ui_text_block(UiCtx *c, SDL_Rect r, UiFontSize f, uint32_t rgb, const char *text,
                  int skip_lines, int draw);

/* ---------------------------------------------------------------- widgets */
/* A button; returns 1 when clicked. */
int ui_button(UiCtx *c, SDL_Rect r, const char *label, int flags);
/* A list of rows; draws rows from *scroll, wheel scrolls, returns the index clicked or -1.
 * sel (may be -1) is highlighted. */
int ui_list(UiCtx *c, SDL_Rect r, const char *const *items, int n, int sel, int *scroll);
/* A two-state switch with a label on the left; returns 1 when flipped (and flips *v). */
int ui_toggle(UiCtx *c, SDL_Rect r, const char *label, int *v);
/* A choice among names with < and > arrows; returns 1 when changed. */
int ui_stepper(UiCtx *c, SDL_Rect r, const char *label, const char *const *names, int n, int *v);
/* A one-line text field taking typed text and Backspace; returns 1 on Enter. */
int ui_text_field(UiCtx *c, SDL_Rect r, char *buf, int cap);
/* Dims the screen and draws a centred dialog frame w x h units with a title; returns the
 * content rectangle (inside the margins). */
SDL_Rect ui_dialog(UiCtx *c, int w_units, int h_units, const char *title);
/* Queues a tooltip drawn by ui_tooltip_flush at the end of the frame, near the mouse. */
void ui_tooltip(UiCtx *c, const char *text);
void ui_tooltip_flush(UiCtx *c);

#endif

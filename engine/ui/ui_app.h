/* ui_app.h - the window: creation (resizable, HiDPI, fullscreen), the main loop and the
 * top-level state machine of screens (menu, scenario list, briefing, game). The entry point
 * for main.c, and an offscreen app that tests drive by pushing SDL events. */
#ifndef GYR_UI_APP_H
#define GYR_UI_APP_H
#include <SDL.h>
#include <stdint.h>
#include "session.h"

typedef struct UiLaunch {
    const char *scenario;       /* scenario id or .lua path; NULL opens the main menu */
    const char *side;           /* faction id, "both" (hotseat) or NULL (the first playable side) */
    uint64_t seed;              /* 0: one picked from the clock */
    const char *ai;             /* optional session ai_spec overriding the side choice */
    const char *load;           /* a saved game to continue, or NULL */
    const char *replay;         /* a replay to watch, or NULL */
    int difficulty;             /* 0..3 */
} UiLaunch;

typedef struct UiApp UiApp;

/* Open the window and run until the player quits. Returns the process exit code (0 on a
 * normal quit; 1 with a one-line reason on stderr when the window, fonts or a launch
 * scenario/save cannot be opened). GYR_MENU_BENCH set: exit 0 after the first menu frame. */
int ui_run(const UiLaunch *launch);

/* An app drawing into a w x h offscreen surface with SDL's software renderer (no window, no
 * display). launch may be NULL (main menu). Animations advance a fixed 16 ms per frame and the
 * computer's turns run at once. NULL with a reason on stderr on failure. Free with ui_app_free. */
UiApp *ui_app_new_offscreen(int w, int h, const UiLaunch *launch);
void ui_app_free(UiApp *app);
/* Give the app one input event (mouse, keyboard, text, window); it acts on the next frame. */
void ui_app_feed(UiApp *app, const SDL_Event *ev);
/* Run one frame: handle the input fed since the last frame, advance animations and computer
 * players, draw. */
void ui_app_frame(UiApp *app);
/* Whether an animation or a computer turn is still playing (tests run frames until 0). */
int ui_app_busy(const UiApp *app);
/* Write the last frame to a PNG file; 0 on success. */
int ui_app_save_png(UiApp *app, const char *path);
/* The game being played, or NULL on the menu screens. */
const Session *ui_app_session(const UiApp *app);
/* The screen shown: "menu", "scenarios", "briefing", "game". */
const char *ui_app_screen(const UiApp *app);
/* Whether the app has been asked to quit. */
int ui_app_quit_requested(const UiApp *app);

/* Milliseconds from process start to the first main-menu frame (-1 before it). */
double ui_menu_start_ms(void);

#endif

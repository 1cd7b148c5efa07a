/* ui_settings.h - the player's preferences (UI scale, animation speed, hanzi names, watching
 * the computer's turns, fullscreen), kept as a small ini file in $XDG_CONFIG_HOME/gyrfalcon/,
 * and the user folders the window uses (saves, screenshots). */
#ifndef GYR_UI_SETTINGS_H
#define GYR_UI_SETTINGS_H
#include <stddef.h>

typedef enum { UI_ANIM_OFF, UI_ANIM_FAST, UI_ANIM_NORMAL, UI_ANIM_SLOW, UI_ANIM_COUNT } UiAnimSpeed;
/* How much news pops up: every item, major ones only (marked by the scenario, or a fallen
 * commander, a new power, a rising), or none (choices always do). */
typedef enum { UI_POPUP_ALL, UI_POPUP_MAJOR, UI_POPUP_NONE, UI_POPUP_COUNT } UiPopups;

typedef struct UiSettings {
    int ui_scale_pct;       /* 75..200: multiplies the HiDPI scale */
    int anim_speed;         /* UiAnimSpeed */
    int hanzi;              /* 1: place and leader names in hanzi */
    int watch_ai;           /* 1: animate the computer's turns; 0: skip them */
    int fullscreen;
    int difficulty;         /* 0..3, last chosen (1 normal) */
    int show_grid;          /* 1: hex outlines on the map */
    int popups;             /* UiPopups: how much news is put up as a pop-up */
    int objectives_open;    /* 1: the objectives panel is open (O folds it) */
} UiSettings;

/* Defaults: scale 100, normal speed, pinyin, watch on, windowed, normal difficulty, major
 * news pops up, objectives open. */
void ui_settings_defaults(UiSettings *s);
/* Read path (NULL = the default file) over the defaults. Unknown keys and bad values are
 * ignored with one "UI: FILE:LINE: ..." warning on stderr. Returns 0 when the file was read. */
int ui_settings_load(UiSettings *s, const char *path);
/* Write atomically (temp file + rename). 0 on success, else -1 with a reason in err. */
int ui_settings_save(const UiSettings *s, const char *path, char *err, size_t errlen);

/* $XDG_CONFIG_HOME/gyrfalcon/settings.ini (or ~/.config/...), into buf. */
void ui_settings_path(char *buf, size_t cap);
/* $XDG_DATA_HOME/gyrfalcon/saves (or ~/.local/share/...), created if missing. */
void ui_saves_dir(char *buf, size_t cap);
/* Folder for screenshots: $XDG_PICTURES_DIR, ~/Pictures when it exists, else the data folder. */
void ui_pictures_dir(char *buf, size_t cap);
/* mkdir -p; 0 on success. */
int ui_mkdirs(const char *path);

#endif

/* ui_screens.h - inside the window: the app's state shared by the screens (ui_app.c and
 * screen_*.c), and each screen's frame function. Not for use outside engine/ui. */
#ifndef GYR_UI_SCREENS_H
#define GYR_UI_SCREENS_H
#include <SDL.h>
#include "ui_app.h"
#include "ui_render.h"
#include "ui_settings.h"
#include "ui_text.h"
#include "ui_widgets.h"
#include "move.h"
#include "combat.h"
#include "campaign.h"
#include "standing.h"

typedef enum { SCR_MENU, SCR_SCENARIOS, SCR_BRIEFING, SCR_GAME, SCR_COUNT } ScreenId;
/* Dialogs over any screen. */
typedef enum { DLG_NONE, DLG_SETTINGS, DLG_LOAD, DLG_SAVE, DLG_GAME_MENU, DLG_CONFIRM_END,
               DLG_CONFIRM_QUIT } DialogId;

#define UI_MAX_SCENARIOS 64
#define UI_MAX_SAVES 64
#define UI_PATH_MAX 1024
#define UI_MAX_PATH_HEXES 256

typedef enum { ANIM_NONE, ANIM_MOVE, ANIM_COMBAT } AnimKind;

typedef struct GameUi {
    UiMapView view;
    int view_ready;
    SDL_Rect map_rect, side_rect, top_rect, minimap_rect, end_btn;
    int selected;                   /* unit, -1 none */
    int extra[GAME_MAX_ATTACKERS];  /* units added with shift-click to a combined attack */
    int n_extra;
    Reach *reach;
    long reach_stamp;               /* record length + selection when reach was computed */
    int has_hover;
    Hex hover;
    Hex path[UI_MAX_PATH_HEXES];
    int path_len, path_cost;
    int hover_attack;
    CombatPreview preview;
    int preview_ok;
    Command preview_cmd;
    uint8_t *vis;                   /* fog of the view faction */
    long vis_stamp;                 /* record length + faction when vis was computed */
    int marked[GAME_MAX_UNITS];     /* hexes of units that can still act */
    int n_marked;
    long preview_stamp;
    int view_faction;               /* -1 sees all */
    int log_seen;                   /* log entries already put up as dialogs */
    int narr;                       /* log index being shown as a dialog, -1 none */
    int log_scroll;
    uint8_t skipped[GAME_MAX_UNITS];/* Space: not offered by N again this turn */
    int skipped_turn;
    /* dragging the map */
    int dragging, drag_x, drag_y;
    /* animation */
    AnimKind anim;
    int anim_unit;
    Hex anim_path[UI_MAX_PATH_HEXES];
    int anim_len;
    uint32_t anim_t0, anim_dur;
    Hex flash_hex;
    char flash_text[128];
    int flash_good;                 /* the attacker won */
    /* hotseat */
    int curtain;                    /* 1: the map is hidden until the next player clicks */
    int show_borders;               /* map mode: the borders of 1114 drawn (key B) */
    int curtain_faction;
    char curtain_brief[4096];       /* on a side's first turn, its briefing (reflowed); else "" */
    int last_human;                 /* the human faction that acted last, -1 none */
    int autosaved_turn, autosaved_faction;
    int victory_shown;              /* the end-of-game dialog was closed */
    int ai_pause;                   /* frames to wait between watched computer commands */
    /* replay viewer */
    int replay_mode;
    Record replay_rec;
    int replay_turn, replay_last_turn;
    /* news: pop-ups and the chronicle's badge */
    int narr_end;                   /* the pop-up shows log entries narr .. narr_end-1 */
    int narr_scroll;                /* lines scrolled in a long digest */
    int popups_shown;               /* pop-ups opened since the game screen began (tests count) */
    int chron_read;                 /* log entries before this one were read: no badge */
    /* objectives panel and turning points */
    SDL_Rect obj_rect;              /* where the panel was drawn this frame (folded or open) */
    int tp_n;                       /* log length when the standings were last sampled */
    int tp_points[GAME_MAX_FACTIONS], tp_strength[GAME_MAX_FACTIONS];
    int tp_weight[GAME_MAX_EVENTS]; /* how much each entry moved the score and the strength */
} GameUi;

struct UiApp {
    SDL_Window *win;
    SDL_Renderer *r;
    SDL_Surface *surface;           /* offscreen target, NULL with a window */
    int offscreen;
    UiText *text;
    UiRender *render;
    const Map *render_map;          /* the map render was made for */
    UiCtx ctx;
    UiInput in;
    UiSettings settings;
    uint32_t now;                   /* ms: SDL ticks, or a fixed 16 ms step offscreen */
    int frames;
    int quit, exit_code;
    ScreenId screen;
    DialogId dialog;
    int help_open;
    char toast[256];
    uint32_t toast_until;
    int toast_bad;
    UiLaunch launch;
    char data_dir[UI_PATH_MAX];
    /* scenario list and briefing */
    ScenarioInfo scenarios[UI_MAX_SCENARIOS];
    int n_scenarios, scenarios_loaded;
    int list_sel, list_scroll;
    ScenarioInfo brief;             /* the scenario being briefed */
    Session *preview;               /* the scenario loaded for the briefing's map */
    char preview_err[512];
    int brief_side;                 /* index into the playable sides; n = both (hotseat) */
    int brief_fixed_side;           /* campaign: side chosen from the menu */
    int brief_scroll;
    int difficulty;
    /* campaign being briefed or played: step -1 when none */
    Campaign camp;
    int camp_step;
    Carry camp_carry;
    /* the game */
    Session *session;
    GameUi gs;
    /* save / load dialog */
    char save_name[64];
    char saves[UI_MAX_SAVES][128];
    long saves_mtime[UI_MAX_SAVES];
    int n_saves, saves_sel, saves_scroll;
    DialogId dialog_return;
};

/* ---------------------------------------------------------------- screens (screen_*.c) */
void screen_menu_frame(UiApp *app);
void screen_scenarios_frame(UiApp *app);
void screen_briefing_frame(UiApp *app);
/* A script's hard-wrapped text as paragraphs: single newlines become spaces, blank lines stay. */
void ui_reflow(const char *in, char *out, size_t cap);
/* The briefing text shown now: the chosen side's own (briefing_<faction>, else the general one). */
const char *ui_briefing_shown(UiApp *app);
void screen_game_frame(UiApp *app);
/* Dialogs over any screen; return 1 while open. */
void screen_dialog_frame(UiApp *app);
void screen_help_frame(UiApp *app);

/* ---------------------------------------------------------------- shared helpers (ui_app.c) */
/* Switch screens; leaving the game frees the session. */
void ui_goto(UiApp *app, ScreenId s);
/* A short message at the bottom of the screen for a few seconds. */
void ui_toast(UiApp *app, int bad, const char *fmt, ...);
/* Read the scenario list once. */
void ui_load_scenarios(UiApp *app);
/* Open the briefing of scenario info (loads a preview of it). fixed_side: a faction id or NULL. */
void ui_open_briefing(UiApp *app, const ScenarioInfo *info, const char *fixed_side);
/* Open the briefing of a campaign's step (0 = its start) for side; carry from the last step. */
void ui_open_campaign_step(UiApp *app, const char *campaign_path, int step, const Carry *carry);
/* Start playing: side is a faction id, "both" or NULL. Returns 0 on success (else a toast).
 * When app->camp_step >= 0 the game is that step of app->camp, with app->camp_carry. */
int ui_start_game(UiApp *app, const char *scenario, const char *side, uint64_t seed,
                  const char *ai_spec, int difficulty);
/* Take over a session (loaded or new) and show the game screen. */
void ui_enter_game(UiApp *app, Session *s);
/* Load a save file into the game screen; 0 on success (else a toast). */
int ui_load_game(UiApp *app, const char *path);
/* Save the game into the saves folder as name.sav; 0 on success. */
int ui_save_game(UiApp *app, const char *name);
/* Fill app->saves from the saves folder, newest first. */
void ui_scan_saves(UiApp *app);
/* Write the current frame to a PNG in the pictures folder. */
void ui_screenshot_key(UiApp *app);
/* Apply fullscreen / scale settings to the window and save them. */
void ui_apply_settings(UiApp *app);
/* (Re)make the map renderer for map m when it changed. */
UiRender *ui_render_for(UiApp *app, const Map *m);

/* ---------------------------------------------------------------- game screen helpers */
void game_ui_reset(UiApp *app);
void game_ui_free(GameUi *gs);
/* Display name of a faction, place or leader, in hanzi when the setting asks. */
const char *ui_faction_name(const UiApp *app, const Game *g, int f);

/* ---------------------------------------------------------------- news (screen_game.c) */
/* Whether the side whose view is shown may read log entry e (a message to one side and a
 * side's choice answer are that side's alone). */
int ui_news_visible(const UiApp *app, const LogEntry *e);
/* Entries of the chronicle not read yet (its badge). */
int ui_chronicle_unread(const UiApp *app);

/* ---------------------------------------------------------------- objectives (panel_objectives.c) */
#define UI_OBJ_MAX_LINES 24

/* One side with aims: its standing and the score it needs (-1 when it has no score aim). */
typedef struct UiObjSide {
    int faction;
    GameStanding st;
    int target;                 /* points needed at the end, -1 none */
    const char *aim;            /* the first aim's text, from the scenario */
} UiObjSide;

/* What the objectives panel and the end screen show: one model built from the game. */
typedef struct UiObjectives {
    int n_sides;
    UiObjSide sides[GAME_MAX_FACTIONS];
    int any_score;              /* some side has a score aim */
    int turns_left;             /* -1 with no turn limit */
    int n_lines;
    struct { int side; char text[200]; char status[64]; int good; } lines[UI_OBJ_MAX_LINES];
    /* what changes it: a place and its points, an aim and how it stands (good 1 / 0), or a
     * caption (good -1) */
} UiObjectives;

/* Builds the model from g (a const read, nothing changed). */
void ui_objectives_build(const UiApp *app, const Game *g, UiObjectives *o);
/* Draws the panel in the map's top-right corner, open or folded, and handles its fold click;
 * sets app->gs.obj_rect. */
void ui_objectives_panel(UiApp *app);
/* The standings after a change: weighs the new log entries by how much they moved the points
 * and the strength (for the turning points). Call after each command. */
void ui_turning_sample(UiApp *app);
/* The n most telling log entries (by weight, then by kind), in the order they happened. */
int ui_turning_points(const UiApp *app, int *out, int cap);
const char *ui_place_name(const UiApp *app, const Map *m, int p);

#endif

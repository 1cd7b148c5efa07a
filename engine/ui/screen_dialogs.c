/* screen_dialogs.c - the dialogs over any screen: settings, load and save (named slots in the
 * saves folder), the in-game menu, the end-turn and quit confirmations, and the help overlay
 * listing every key. */
#include "ui_screens.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

void game_confirm_end_turn(UiApp *app);                 /* screen_game.c */
void game_objectives(UiApp *app, char *buf, size_t cap); /* screen_game.c */

static void settings_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    SDL_Rect in = ui_dialog(c, 560, 550, "Settings");
    UiSettings *s = &app->settings;
    int rh = ui_px(c, 44), y = in.y;
    static const char *scales[] = { "75%", "100%", "125%", "150%", "175%", "200%" };
    static const int scale_v[] = { 75, 100, 125, 150, 175, 200 };
    int si = 1;
    for (int i = 0; i < 6; i++)
        if (s->ui_scale_pct >= scale_v[i]) si = i;
    int changed = 0;
    if (ui_stepper(c, (SDL_Rect){ in.x, y, in.w, rh }, "Interface size", scales, 6, &si)) {
        s->ui_scale_pct = scale_v[si];
        changed = 1;
    }
    y += rh + ui_px(c, 4);
    static const char *speeds[UI_ANIM_COUNT] = { "Off", "Fast", "Normal", "Slow" };
    changed |= ui_stepper(c, (SDL_Rect){ in.x, y, in.w, rh }, "Animation", speeds, UI_ANIM_COUNT, &s->anim_speed);
    y += rh + ui_px(c, 4);
    changed |= ui_toggle(c, (SDL_Rect){ in.x, y, in.w, rh }, "Names in hanzi (\xe6\xbc\xa2\xe5\xad\x97)", &s->hanzi);
    y += rh + ui_px(c, 4);
    changed |= ui_toggle(c, (SDL_Rect){ in.x, y, in.w, rh }, "Watch the computer's turns", &s->watch_ai);
    y += rh + ui_px(c, 4);
    changed |= ui_toggle(c, (SDL_Rect){ in.x, y, in.w, rh }, "Hex grid", &s->show_grid);
    y += rh + ui_px(c, 4);
    static const char *popups[UI_POPUP_COUNT] = { "All news", "Major only", "None" };
    changed |= ui_stepper(c, (SDL_Rect){ in.x, y, in.w, rh }, "News pop-ups", popups, UI_POPUP_COUNT, &s->popups);
    y += rh + ui_px(c, 4);
    changed |= ui_toggle(c, (SDL_Rect){ in.x, y, in.w, rh }, "Fullscreen (F11)", &s->fullscreen);
    if (changed) ui_apply_settings(app);
    SDL_Rect b = { in.x + in.w / 2 - ui_px(c, 80), in.y + in.h - ui_px(c, 42), ui_px(c, 160), ui_px(c, 42) };
    if (ui_button(c, b, "Done", UI_BTN_PRIMARY) || ui_key(c, SDLK_ESCAPE, 0) || ui_key(c, SDLK_RETURN, 0))
        app->dialog = app->dialog_return;
}

/* A save's row: its name and when it was written. */
static void save_rows(UiApp *app, char rows[][200], const char **items)
{
    for (int i = 0; i < app->n_saves; i++) {
        time_t t = (time_t)app->saves_mtime[i];
        struct tm tmv;
        localtime_r(&t, &tmv);
        char when[40];
        strftime(when, sizeof when, "%d %b %Y %H:%M", &tmv);
        snprintf(rows[i], 200, "%s    \xc2\xb7  %s", app->saves[i], when);
        items[i] = rows[i];
    }
}

static void load_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    SDL_Rect in = ui_dialog(c, 640, 520, "Load a game");
    static char rows[UI_MAX_SAVES][200];
    const char *items[UI_MAX_SAVES];
    save_rows(app, rows, items);
    SDL_Rect list = { in.x, in.y, in.w, in.h - ui_px(c, 58) };
    if (app->n_saves == 0) {
        ui_fill(c, list, 0xFFFFFF, 50);
        ui_text_block(c, (SDL_Rect){ list.x + ui_px(c, 12), list.y + ui_px(c, 12), list.w - ui_px(c, 24), list.h },
                      UI_FONT_BODY, UI_C_INK_SOFT, "No saved games yet. Games are saved with Ctrl+S, and automatically "
                      "at the start of each of your turns.", 0, 1);
    } else {
        if (app->saves_sel >= app->n_saves) app->saves_sel = app->n_saves - 1;
        int hit = ui_list(c, list, items, app->n_saves, app->saves_sel, &app->saves_scroll);
        if (hit >= 0) {
            if (hit == app->saves_sel) goto load; /* a second click loads */
            app->saves_sel = hit;
        }
    }
    int bw = ui_px(c, 150), by = in.y + in.h - ui_px(c, 42);
    if (ui_button(c, (SDL_Rect){ in.x, by, bw, ui_px(c, 42) }, "Cancel", 0) || ui_key(c, SDLK_ESCAPE, 0)) {
        app->dialog = DLG_NONE;
        return;
    }
    if (ui_button(c, (SDL_Rect){ in.x + in.w - bw, by, bw, ui_px(c, 42) }, "Load",
                  app->saves_sel >= 0 && app->n_saves > 0 ? UI_BTN_PRIMARY : UI_BTN_DISABLED) ||
        (ui_key(c, SDLK_RETURN, 0) && app->saves_sel >= 0 && app->n_saves > 0))
        goto load;
    return;
load : {
    char dir[UI_PATH_MAX], path[UI_PATH_MAX + 140];
    ui_saves_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s.sav", dir, app->saves[app->saves_sel]);
    app->dialog = DLG_NONE;
    ui_load_game(app, path);
}
}

static void save_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    const Game *g = app->session ? app->session->game : NULL;
    if (!g) {
        app->dialog = DLG_NONE;
        return;
    }
    SDL_Rect in = ui_dialog(c, 640, 540, "Save the game");
    if (!app->save_name[0]) {
        char date[48];
        game_date_str(g, g->turn, date, sizeof date);
        snprintf(app->save_name, sizeof app->save_name, "%s turn %d", g->scenario_id, g->turn);
        ui_scan_saves(app);
        app->saves_sel = -1;
    }
    ui_label(c, in.x, in.y, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "NAME");
    int y = in.y + ui_line_h(c, UI_FONT_SMALL);
    int enter = ui_text_field(c, (SDL_Rect){ in.x, y, in.w, ui_px(c, 40) }, app->save_name, (int)sizeof app->save_name);
    y += ui_px(c, 50);
    ui_label(c, in.x, y, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "OR REPLACE");
    y += ui_line_h(c, UI_FONT_SMALL);
    static char rows[UI_MAX_SAVES][200];
    const char *items[UI_MAX_SAVES];
    save_rows(app, rows, items);
    SDL_Rect list = { in.x, y, in.w, in.y + in.h - y - ui_px(c, 56) };
    int hit = ui_list(c, list, items, app->n_saves, app->saves_sel, &app->saves_scroll);
    if (hit >= 0) {
        app->saves_sel = hit;
        snprintf(app->save_name, sizeof app->save_name, "%.63s", app->saves[hit]);
    }
    int bw = ui_px(c, 150), by = in.y + in.h - ui_px(c, 42);
    if (ui_button(c, (SDL_Rect){ in.x, by, bw, ui_px(c, 42) }, "Cancel", 0) || ui_key(c, SDLK_ESCAPE, 0)) {
        app->dialog = DLG_NONE;
        return;
    }
    int ok = app->save_name[0] != '\0';
    if ((ui_button(c, (SDL_Rect){ in.x + in.w - bw, by, bw, ui_px(c, 42) }, "Save", ok ? UI_BTN_PRIMARY : UI_BTN_DISABLED) ||
         enter) && ok) {
        if (ui_save_game(app, app->save_name) == 0) ui_toast(app, 0, "Saved \"%s\"", app->save_name);
        app->dialog = DLG_NONE;
    }
}

static void game_menu_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    char obj[1024];
    obj[0] = '\0';
    if (app->session) game_objectives(app, obj, sizeof obj);
    SDL_Rect in = ui_dialog(c, 520, 500, "Menu");
    /* objectives first: what the game is about */
    char *body = obj[0] == '#' ? strchr(obj, '\n') : obj;
    body = body ? body + (obj[0] == '#') : obj;
    int lines = ui_text_block(c, (SDL_Rect){ in.x, in.y, in.w, ui_px(c, 130) }, UI_FONT_SMALL, UI_C_INK, body, 0, 1);
    int y = in.y + (lines < 7 ? lines : 7) * ui_line_h(c, UI_FONT_SMALL) + ui_px(c, 12);
    int bw = in.w - ui_px(c, 80), bh = ui_px(c, 42), bx = in.x + ui_px(c, 40);
    const char *labels[] = { "Continue", "Save game", "Load game", "Settings", "Main menu", "Quit" };
    for (int i = 0; i < 6; i++) {
        int fl = i == 0 ? UI_BTN_PRIMARY : 0;
        if (i == 1 && (!app->session || app->gs.replay_mode)) fl |= UI_BTN_DISABLED;
        if (ui_button(c, (SDL_Rect){ bx, y, bw, bh }, labels[i], fl)) {
            switch (i) {
            case 0: app->dialog = DLG_NONE; break;
            case 1: app->save_name[0] = '\0'; app->dialog = DLG_SAVE; break;
            case 2: ui_scan_saves(app); app->saves_sel = app->n_saves ? 0 : -1; app->dialog = DLG_LOAD; break;
            case 3: app->dialog = DLG_SETTINGS; app->dialog_return = DLG_GAME_MENU; return;
            case 4: ui_goto(app, SCR_MENU); break;
            default: app->quit = 1; break;
            }
            app->dialog_return = DLG_NONE;
            return;
        }
        y += bh + ui_px(c, 8);
    }
    if (ui_key(c, SDLK_ESCAPE, 0)) app->dialog = DLG_NONE;
}

static void confirm_end_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    SDL_Rect in = ui_dialog(c, 520, 230, "End the turn?");
    const Game *g = app->session->game;
    int n = 0;
    for (int u = 0; u < g->n_units; u++)
        if (g->units[u].alive && g->units[u].faction == g->active && game_unit_can_act(g, u)) n++;
    char t[160];
    snprintf(t, sizeof t, "%d of your units can still move or attack. End the turn anyway?", n);
    ui_text_block(c, in, UI_FONT_BODY, UI_C_INK, t, 0, 1);
    int bw = (in.w - ui_px(c, 20)) / 2, by = in.y + in.h - ui_px(c, 42);
    if (ui_button(c, (SDL_Rect){ in.x, by, bw, ui_px(c, 42) }, "Keep playing", 0) || ui_key(c, SDLK_ESCAPE, 0)) {
        app->dialog = DLG_NONE;
        return;
    }
    if (ui_button(c, (SDL_Rect){ in.x + bw + ui_px(c, 20), by, bw, ui_px(c, 42) }, "End turn", UI_BTN_PRIMARY) ||
        ui_key(c, SDLK_RETURN, 0) || ui_key(c, SDLK_e, 0)) {
        app->dialog = DLG_NONE;
        game_confirm_end_turn(app);
    }
}

static void confirm_quit_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    SDL_Rect in = ui_dialog(c, 440, 200, "Leave Gyrfalcon?");
    int bw = (in.w - ui_px(c, 20)) / 2, by = in.y + in.h - ui_px(c, 42);
    if (ui_button(c, (SDL_Rect){ in.x, by, bw, ui_px(c, 42) }, "Stay", 0) || ui_key(c, SDLK_ESCAPE, 0)) {
        app->dialog = DLG_NONE;
        return;
    }
    if (ui_button(c, (SDL_Rect){ in.x + bw + ui_px(c, 20), by, bw, ui_px(c, 42) }, "Quit", UI_BTN_PRIMARY) ||
        ui_key(c, SDLK_RETURN, 0))
        app->quit = 1;
}

void screen_dialog_frame(UiApp *app)
{
    switch (app->dialog) {
    case DLG_SETTINGS: settings_dialog(app); break;
    case DLG_LOAD: load_dialog(app); break;
    case DLG_SAVE: save_dialog(app); break;
    case DLG_GAME_MENU: if (app->session) game_menu_dialog(app); else app->dialog = DLG_NONE; break;
    case DLG_CONFIRM_END: if (app->session) confirm_end_dialog(app); else app->dialog = DLG_NONE; break;
    case DLG_CONFIRM_QUIT: confirm_quit_dialog(app); break;
    default: break;
    }
}

/* ================================================================ help */

void screen_help_frame(UiApp *app)
{
    UiCtx *c = &app->ctx;
    SDL_Rect in = ui_dialog(c, 820, 590, "How to play");
    static const char *keys[][2] = {
        { "Left click", "select a unit; click a lit hex to march; click an enemy to attack" },
        { "Shift + click", "add one of your units to a combined attack" },
        { "Right click", "move there (also into a friendly stack), or deselect" },
        { "Drag, arrows, WASD", "pan the map" },
        { "Wheel, + and \xe2\x88\x92", "zoom in and out" },
        { "Minimap", "click or drag to jump there" },
        { "E or Enter", "end the turn (warns when units can still act)" },
        { "U or Ctrl+Z", "undo a move that revealed nothing new" },
        { "N", "next unit that can act" },
        { "B", "borders of 1114 on the map (on/off)" },
        { "O", "objectives panel: open or fold it" },
        { "Space", "skip this unit for the turn" },
        { "Esc", "deselect, or open the menu" },
        { "Ctrl+S / Ctrl+L", "save / load a game (autosave each turn)" },
        { "F11", "fullscreen" },
        { "F12", "save a picture of the screen" },
        { "F5", "reload the scenario's script (for modders)" },
        { "? or F1", "this help" },
    };
    int n = (int)(sizeof keys / sizeof keys[0]);
    int lh = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 7);
    int col = ui_px(c, 210), y = in.y;
    for (int i = 0; i < n && y + lh < in.y + in.h - ui_px(c, 90); i++) {
        ui_gradient(c, (SDL_Rect){ in.x, y, col - ui_px(c, 14), lh - ui_px(c, 3) }, UI_C_LACQUER_HI, UI_C_LACQUER, 255);
        ui_label(c, in.x + ui_px(c, 10), y + ui_px(c, 2), UI_FONT_BODY, UI_C_GOLD_HI, UI_ALIGN_LEFT, keys[i][0]);
        ui_label(c, in.x + col, y + ui_px(c, 2), UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, keys[i][1]);
        if (i + 1 < n) ui_fill(c, (SDL_Rect){ in.x + col, y + lh - ui_px(c, 2), in.w - col, 1 }, UI_C_PARCH_DARK, 255);
        y += lh;
    }
    y += ui_px(c, 6);
    ui_text_block(c, (SDL_Rect){ in.x, y, in.w, in.y + in.h - y - ui_px(c, 46) }, UI_FONT_SMALL, UI_C_INK_SOFT,
                  "Rivers cost extra to cross and a major river stops a march unless frozen, forded or bridged. "
                  "Entering a hex next to an enemy ends the move. Units out of supply lose cohesion. Hover the "
                  "scenario title for the objectives.", 0, 1);
    SDL_Rect b = { in.x + in.w / 2 - ui_px(c, 80), in.y + in.h - ui_px(c, 40), ui_px(c, 160), ui_px(c, 40) };
    if (ui_button(c, b, "Close", UI_BTN_PRIMARY) || ui_key(c, SDLK_ESCAPE, 0)) app->help_open = 0;
}

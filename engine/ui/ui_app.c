/* ui_app.c - the window and its main loop: SDL set-up (resizable, HiDPI, fullscreen), input
 * gathered into UiInput, one frame per loop (the current screen, then dialogs, the help
 * overlay, toasts and tooltips), the global keys (F11, F12, ?), and the shared helpers that
 * move between screens: starting, loading and saving games. */
#include "ui_screens.h"
#include "mapshot.h"
#include <SDL_image.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ================================================================ start-up timing */

static double process_start_ms = -1, menu_ms = -1;

/* Monotonic milliseconds (start-up timing only; never reaches the game). */
static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Records the moment the program was loaded. */
__attribute__((constructor)) static void note_process_start(void)
{
    process_start_ms = mono_ms();
}

double ui_menu_start_ms(void)
{
    return menu_ms;
}

/* ================================================================ small helpers */

void ui_toast(UiApp *app, int bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->toast, sizeof app->toast, fmt, ap);
    va_end(ap);
    app->toast_bad = bad;
    app->toast_until = app->now + 3500;
    if (bad) fprintf(stderr, "UI: %s\n", app->toast);
}

const char *ui_faction_name(const UiApp *app, const Game *g, int f)
{
    if (f < 0 || f >= g->n_factions) return "nobody";
    if (app->settings.hanzi && g->factions[f].hanzi[0]) return g->factions[f].hanzi;
    return g->factions[f].name[0] ? g->factions[f].name : g->factions[f].id;
}

const char *ui_place_name(const UiApp *app, const Map *m, int p)
{
    if (p < 0 || p >= m->n_places) return "";
    if (app->settings.hanzi && m->places[p].hanzi[0]) return m->places[p].hanzi;
    return m->places[p].name;
}

UiRender *ui_render_for(UiApp *app, const Map *m)
{
    if (app->render && app->render_map == m) return app->render;
    if (app->render) ui_render_free(app->render);
    app->render = NULL;
    app->render_map = m;
    if (!m) return NULL;
    char err[256];
    app->render = ui_render_new(app->r, app->text, m, err, sizeof err);
    if (!app->render) ui_toast(app, 1, "map renderer: %s", err);
    return app->render;
}

void ui_load_scenarios(UiApp *app)
{
    if (app->scenarios_loaded) return;
    app->n_scenarios = lscript_list_scenarios(app->scenarios, UI_MAX_SCENARIOS);
    if (app->n_scenarios < 0) app->n_scenarios = 0;
    app->scenarios_loaded = 1;
}

void ui_goto(UiApp *app, ScreenId s)
{
    if (s != SCR_GAME && app->session) {
        session_free(app->session);
        app->session = NULL;
        game_ui_free(&app->gs);
    }
    if (s != SCR_BRIEFING && app->preview) {
        session_free(app->preview);
        app->preview = NULL;
    }
    app->screen = s;
    app->dialog = DLG_NONE;
}

void ui_apply_settings(UiApp *app)
{
    if (app->win) {
        int fs = (SDL_GetWindowFlags(app->win) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
        if (fs != app->settings.fullscreen)
            SDL_SetWindowFullscreen(app->win, app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    }
    char err[256];
    if (!app->offscreen && ui_settings_save(&app->settings, NULL, err, sizeof err))
        ui_toast(app, 1, "settings not saved: %s", err);
}

/* ================================================================ games */

/* The playable faction ids of a scenario, from its info or by loading it. Returns the count. */
static int playable_sides(const char *scenario, const ScenarioInfo *info, char ids[][GAME_ID_LEN], int cap)
{
    int n = 0;
    if (info && info->sides[0]) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.63s", info->sides);
        for (char *save = NULL, *t = strtok_r(buf, ",", &save); t && n < cap; t = strtok_r(NULL, ",", &save))
            snprintf(ids[n++], GAME_ID_LEN, "%s", t);
        return n;
    }
    char err[256];
    Session *probe = session_new(scenario, 1, "", 1, err, sizeof err);
    if (!probe) return 0;
    for (int f = 0; f < probe->game->n_factions && n < cap; f++)
        if (probe->game->factions[f].playable) snprintf(ids[n++], GAME_ID_LEN, "%s", probe->game->factions[f].id);
    session_free(probe);
    return n;
}

int ui_start_game(UiApp *app, const char *scenario, const char *side, uint64_t seed,
                  const char *ai_spec, int difficulty)
{
    char spec[256] = "";
    if (ai_spec) {
        snprintf(spec, sizeof spec, "%s", ai_spec);
    } else if (!side || strcmp(side, "both") != 0) {
        ScenarioInfo info, *ip = NULL;
        if (lscript_find_scenario(scenario, &info) == 0) ip = &info;
        char ids[GAME_MAX_FACTIONS][GAME_ID_LEN];
        int n = playable_sides(scenario, ip, ids, GAME_MAX_FACTIONS);
        int human = -1;
        for (int i = 0; i < n; i++)
            if (side && !strcmp(ids[i], side)) human = i;
        if (side && human < 0 && n > 0) {
            ui_toast(app, 1, "scenario %s has no side \"%s\"", scenario, side);
            return -1;
        }
        if (human < 0) human = 0;
        for (int i = 0; i < n; i++) {
            if (i == human) continue;
            size_t l = strlen(spec);
            snprintf(spec + l, sizeof spec - l, "%s%.31s", l ? "," : "", ids[i]);
        }
    }
    if (seed == 0) seed = (uint64_t)time(NULL) ^ ((uint64_t)SDL_GetTicks() << 20);
    char err[1024];
    Session *s = app->camp_step >= 0
                     ? session_new_carry(scenario, seed, spec, difficulty, app->camp.id, app->camp_step,
                                         app->camp_step > 0 ? &app->camp_carry : NULL, err, sizeof err)
                     : session_new(scenario, seed, spec, difficulty, err, sizeof err);
    if (!s) {
        ui_toast(app, 1, "%s", err);
        return -1;
    }
    if (!s->info.title[0]) { /* started from a .lua path: take the title from the list */
        ScenarioInfo info;
        if (lscript_find_scenario(s->game->scenario_id, &info) == 0) {
            memcpy(s->info.title, info.title, sizeof info.title);
            memcpy(s->info.years, info.years, sizeof info.years);
        }
        if (!s->info.title[0]) snprintf(s->info.title, sizeof s->info.title, "%s", s->game->scenario_id);
    }
    ui_enter_game(app, s);
    return 0;
}

void ui_enter_game(UiApp *app, Session *s)
{
    if (app->session && app->session != s) session_free(app->session);
    if (app->preview) {
        session_free(app->preview);
        app->preview = NULL;
    }
    game_ui_free(&app->gs);
    app->session = s;
    app->screen = SCR_GAME;
    app->dialog = DLG_NONE;
    game_ui_reset(app);
}

int ui_load_game(UiApp *app, const char *path)
{
    char err[1024];
    Session *s = session_load(path, err, sizeof err);
    if (!s) {
        ui_toast(app, 1, "%s", err);
        return -1;
    }
    ui_enter_game(app, s);
    const char *base = strrchr(path, '/');
    ui_toast(app, 0, "Loaded %s", base ? base + 1 : path);
    return 0;
}

int ui_save_game(UiApp *app, const char *name)
{
    if (!app->session) return -1;
    char dir[UI_PATH_MAX], path[UI_PATH_MAX + 160], err[512];
    ui_saves_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s.sav", dir, name);
    if (session_save(app->session, path, err, sizeof err)) {
        ui_toast(app, 1, "save failed: %s", err);
        return -1;
    }
    return 0;
}

/* Sorts saves newest first. */
static void sort_saves(UiApp *app)
{
    for (int i = 1; i < app->n_saves; i++)
        for (int j = i; j > 0 && app->saves_mtime[j] > app->saves_mtime[j - 1]; j--) {
            char t[128];
            long m = app->saves_mtime[j];
            memcpy(t, app->saves[j], sizeof t);
            memcpy(app->saves[j], app->saves[j - 1], sizeof t);
            memcpy(app->saves[j - 1], t, sizeof t);
            app->saves_mtime[j] = app->saves_mtime[j - 1];
            app->saves_mtime[j - 1] = m;
        }
}

void ui_scan_saves(UiApp *app)
{
    char dir[UI_PATH_MAX];
    ui_saves_dir(dir, sizeof dir);
    app->n_saves = 0;
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) && app->n_saves < UI_MAX_SAVES) {
        size_t n = strlen(e->d_name);
        if (n < 5 || n >= 128 || strcmp(e->d_name + n - 4, ".sav")) continue;
        char p[UI_PATH_MAX + 300];
        struct stat st;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (stat(p, &st) != 0) continue;
        snprintf(app->saves[app->n_saves], 128, "%.*s", (int)(n - 4), e->d_name);
        app->saves_mtime[app->n_saves] = (long)st.st_mtime;
        app->n_saves++;
    }
    closedir(d);
    sort_saves(app);
}

/* Writes the renderer's current picture to path; 0 on success. */
static int save_frame(UiApp *app, const char *path)
{
    char err[600];
    if (app->surface) return ui_save_png(app->surface, path, err, sizeof err);
    int w, h;
    SDL_GetRendererOutputSize(app->r, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return -1;
    int rc = SDL_RenderReadPixels(app->r, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    if (rc == 0) rc = ui_save_png(s, path, err, sizeof err);
    SDL_FreeSurface(s);
    return rc == 0 ? 0 : -1;
}

static char pending_shot[UI_PATH_MAX + 64];

void ui_screenshot_key(UiApp *app)
{
    char dir[UI_PATH_MAX];
    ui_pictures_dir(dir, sizeof dir);
    time_t t = time(NULL);
    struct tm tmv;
    localtime_r(&t, &tmv);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tmv);
    snprintf(pending_shot, sizeof pending_shot, "%s/gyrfalcon-%s.png", dir, stamp);
}

/* ================================================================ input */

/* Window points to output pixels (HiDPI). */
static void to_pixels(UiApp *app, int *x, int *y)
{
    if (!app->win) return;
    int ww, wh, ow, oh;
    SDL_GetWindowSize(app->win, &ww, &wh);
    SDL_GetRendererOutputSize(app->r, &ow, &oh);
    if (ww > 0 && wh > 0) {
        *x = *x * ow / ww;
        *y = *y * oh / wh;
    }
}

void ui_app_feed(UiApp *app, const SDL_Event *ev)
{
    UiInput *in = &app->in;
    int x, y;
    switch (ev->type) {
    case SDL_MOUSEMOTION:
        x = ev->motion.x; y = ev->motion.y;
        to_pixels(app, &x, &y);
        in->mx = x; in->my = y; in->inside = 1;
        break;
    case SDL_MOUSEBUTTONDOWN:
        x = ev->button.x; y = ev->button.y;
        to_pixels(app, &x, &y);
        in->mx = x; in->my = y; in->inside = 1;
        if (ev->button.button == SDL_BUTTON_LEFT) {
            in->down = 1; in->pressed = 1; in->press_x = x; in->press_y = y;
        } else if (ev->button.button == SDL_BUTTON_RIGHT) {
            in->rdown = 1;
        }
        break;
    case SDL_MOUSEBUTTONUP:
        x = ev->button.x; y = ev->button.y;
        to_pixels(app, &x, &y);
        in->mx = x; in->my = y; in->inside = 1;
        if (ev->button.button == SDL_BUTTON_LEFT) {
            in->down = 0; in->released = 1;
        } else if (ev->button.button == SDL_BUTTON_RIGHT) {
            in->rdown = 0; in->rreleased = 1;
        }
        break;
    case SDL_MOUSEWHEEL:
        in->wheel += ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -ev->wheel.y : ev->wheel.y;
        break;
    case SDL_KEYDOWN:
        in->shift = (ev->key.keysym.mod & KMOD_SHIFT) != 0;
        in->ctrl = (ev->key.keysym.mod & KMOD_CTRL) != 0;
        if (in->n_keys < UI_MAX_KEYS) {
            in->keys[in->n_keys] = ev->key.keysym.sym;
            in->key_mods[in->n_keys] = ev->key.keysym.mod;
            in->n_keys++;
        }
        break;
    case SDL_KEYUP:
        in->shift = (ev->key.keysym.mod & KMOD_SHIFT) != 0;
        in->ctrl = (ev->key.keysym.mod & KMOD_CTRL) != 0;
        break;
    case SDL_TEXTINPUT: {
        size_t l = strlen(in->text);
        snprintf(in->text + l, sizeof in->text - l, "%s", ev->text.text);
        break;
    }
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_LEAVE) in->inside = 0;
        else if (ev->window.event == SDL_WINDOWEVENT_ENTER) in->inside = 1;
        else if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED && app->gs.view_ready) app->gs.view_ready = 2;
        break;
    case SDL_QUIT:
        app->quit = 1;
        break;
    default:
        break;
    }
}

/* ================================================================ frames */

/* Whether '?' (or F1) was pressed. */
static int help_key(const UiCtx *c)
{
    for (int i = 0; i < c->in->n_keys; i++) {
        SDL_Keycode k = c->in->keys[i];
        if (k == SDLK_QUESTION || k == SDLK_F1 || (k == SDLK_SLASH && (c->in->key_mods[i] & KMOD_SHIFT))) return 1;
    }
    return 0;
}

/* Draws the toast line at the bottom centre. */
static void draw_toast(UiApp *app)
{
    if (!app->toast[0] || (int32_t)(app->toast_until - app->now) <= 0) return;
    UiCtx *c = &app->ctx;
    int tw, th;
    ui_measure(c, UI_FONT_BODY, app->toast, &tw, &th);
    int pad = ui_px(c, 12);
    SDL_Rect r = { (c->w - tw) / 2 - pad, c->h - th - pad * 2 - ui_px(c, 70), tw + 2 * pad, th + pad };
    if (app->screen == SCR_GAME && app->gs.map_rect.w > 0)
        r.x = app->gs.map_rect.x + (app->gs.map_rect.w - r.w) / 2;
    ui_shadow(c, r, 4);
    ui_gradient(c, r, app->toast_bad ? 0x8F2A1E : 0x2E2018, app->toast_bad ? 0x5A120C : 0x160E0A, 235);
    ui_frame(c, r, UI_C_GOLD, 255, 1);
    ui_label(c, r.x + pad, r.y + pad / 2, UI_FONT_BODY, UI_C_CREAM, UI_ALIGN_LEFT, app->toast);
}

void ui_app_frame(UiApp *app)
{
    UiCtx *c = &app->ctx;
    app->now = app->offscreen ? app->now + 16 : SDL_GetTicks();
    c->ticks = app->now;
    SDL_GetRendererOutputSize(app->r, &c->w, &c->h);
    /* scale: HiDPI factor x the player's setting, shrunk for small windows */
    int dpi100 = 100;
    if (app->win) {
        int ww, wh;
        SDL_GetWindowSize(app->win, &ww, &wh);
        if (ww > 0) dpi100 = c->w * 100 / ww;
    }
    int pts_h = c->h * 100 / dpi100, pts_w = c->w * 100 / dpi100;
    int fit = 100;
    if (pts_h < 720) fit = pts_h * 100 / 720;
    if (pts_w < 1100 && pts_w * 100 / 1100 < fit) fit = pts_w * 100 / 1100;
    if (fit < 60) fit = 60;
    c->scale100 = dpi100 * app->settings.ui_scale_pct / 100 * fit / 100;
    if (c->scale100 < 50) c->scale100 = 50;
    c->hanzi = app->settings.hanzi;
    c->in = &app->in;
    c->text = app->text;
    c->in->click_used = 0;

    /* global keys */
    c->enabled = 1;
    if (ui_key(c, SDLK_F11, 0)) {
        app->settings.fullscreen = !app->settings.fullscreen;
        ui_apply_settings(app);
    }
    if (ui_key(c, SDLK_F12, 0)) ui_screenshot_key(app);
    int modal = app->dialog != DLG_NONE;
    if (help_key(c) && !(app->dialog == DLG_SAVE)) app->help_open = !app->help_open;

    SDL_SetRenderDrawBlendMode(app->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(app->r, 0x1A, 0x12, 0x0E, 255);
    SDL_RenderClear(app->r);

    c->enabled = !modal && !app->help_open;
    DialogId dialog_before = app->dialog;
    int help_before = app->help_open;
    switch (app->screen) {
    case SCR_MENU: screen_menu_frame(app); break;
    case SCR_SCENARIOS: screen_scenarios_frame(app); break;
    case SCR_BRIEFING: screen_briefing_frame(app); break;
    case SCR_GAME: screen_game_frame(app); break;
    default: break;
    }
    if (app->dialog != dialog_before || app->help_open != help_before) {
        /* a dialog opened by this frame's input must not take the same key or click */
        app->in.n_keys = 0;
        app->in.released = 0;
        app->in.text[0] = '\0';
    }
    if (app->dialog != DLG_NONE) {
        c->enabled = !app->help_open;
        c->tooltip_pending = 0;
        screen_dialog_frame(app);
    }
    if (app->help_open) {
        c->enabled = 1;
        c->tooltip_pending = 0;
        screen_help_frame(app);
    }
    draw_toast(app);
    ui_tooltip_flush(c);

    if (pending_shot[0]) {
        if (save_frame(app, pending_shot) == 0) ui_toast(app, 0, "Picture saved: %s", pending_shot);
        else ui_toast(app, 1, "picture not saved: %s", SDL_GetError());
        pending_shot[0] = '\0';
    }
    if (!app->surface) SDL_RenderPresent(app->r);

    if (app->screen == SCR_MENU && menu_ms < 0) menu_ms = mono_ms() - process_start_ms;
    app->frames++;
    /* this frame's input is spent */
    UiInput *in = &app->in;
    in->pressed = in->released = in->rreleased = 0;
    in->wheel = 0;
    in->n_keys = 0;
    in->text[0] = '\0';
}

int ui_app_busy(const UiApp *app)
{
    if (app->screen != SCR_GAME || !app->session) return 0;
    if (app->gs.anim != ANIM_NONE) return 1;
    return session_ai_to_act(app->session) && !app->gs.curtain && app->gs.narr < 0 && app->dialog == DLG_NONE;
}

int ui_app_save_png(UiApp *app, const char *path)
{
    return save_frame(app, path);
}

const Session *ui_app_session(const UiApp *app)
{
    return app->session;
}

const char *ui_app_screen(const UiApp *app)
{
    static const char *names[SCR_COUNT] = { "menu", "scenarios", "briefing", "game" };
    return app->screen < SCR_COUNT ? names[app->screen] : "?";
}

int ui_app_quit_requested(const UiApp *app)
{
    return app->quit;
}

/* ================================================================ life cycle */

/* Common set-up once the renderer exists: fonts, settings, launch. 0 on success. */
static int app_init(UiApp *app, const UiLaunch *launch)
{
    char err[512];
    snprintf(app->data_dir, sizeof app->data_dir, "%s", lscript_data_dir());
    app->text = ui_text_open(app->r, app->data_dir, 16, err, sizeof err);
    if (!app->text) {
        fprintf(stderr, "gyrfalcon: %s\n", err);
        return -1;
    }
    app->ctx.r = app->r;
    app->ctx.in = &app->in;
    app->ctx.text = app->text;
    app->ctx.scale100 = 100;
    app->in.inside = 1;
    app->gs.selected = -1;
    app->gs.narr = -1;
    app->camp_step = -1;
    app->difficulty = app->settings.difficulty;
    app->screen = SCR_MENU;
    if (launch) app->launch = *launch;
    if (launch && launch->load) {
        if (ui_load_game(app, launch->load)) return -1; /* the reason went to stderr */
    } else if (launch && launch->replay) {
        Record rec;
        record_init(&rec);
        if (record_load(&rec, launch->replay, err, sizeof err)) {
            fprintf(stderr, "gyrfalcon: %s\n", err);
            return -1;
        }
        Session *s = session_replay_to(&rec, 0, err, sizeof err);
        if (!s) {
            fprintf(stderr, "gyrfalcon: %s\n", err);
            record_free(&rec);
            return -1;
        }
        ui_enter_game(app, s);
        app->gs.replay_mode = 1;
        app->gs.replay_rec = rec;
        app->gs.replay_turn = s->game->turn;
        app->gs.replay_last_turn = s->game->turn;
    } else if (launch && launch->scenario) {
        if (ui_start_game(app, launch->scenario, launch->side, launch->seed, launch->ai, launch->difficulty))
            return -1; /* the reason went to stderr */
    }
    return 0;
}

UiApp *ui_app_new_offscreen(int w, int h, const UiLaunch *launch)
{
    UiApp *app = calloc(1, sizeof *app);
    if (!app) return NULL;
    ui_settings_defaults(&app->settings);
    ui_settings_load(&app->settings, NULL);
    app->settings.fullscreen = 0;
    app->offscreen = 1;
    app->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    app->r = app->surface ? SDL_CreateSoftwareRenderer(app->surface) : NULL;
    if (!app->r || app_init(app, launch)) {
        if (!app->r) fprintf(stderr, "gyrfalcon: offscreen renderer: %s\n", SDL_GetError());
        ui_app_free(app);
        return NULL;
    }
    return app;
}

void ui_app_free(UiApp *app)
{
    if (!app) return;
    if (app->session) session_free(app->session);
    if (app->preview) session_free(app->preview);
    game_ui_free(&app->gs);
    if (app->render) ui_render_free(app->render);
    ui_widgets_free(&app->ctx);
    if (app->text) ui_text_close(app->text);
    if (app->r) SDL_DestroyRenderer(app->r);
    if (app->surface) SDL_FreeSurface(app->surface);
    if (app->win) SDL_DestroyWindow(app->win);
    free(app);
}

int ui_run(const UiLaunch *launch)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "gyrfalcon: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    UiApp *app = calloc(1, sizeof *app);
    if (!app) return 1;
    ui_settings_defaults(&app->settings);
    ui_settings_load(&app->settings, NULL);
    int w = 1280, h = 800;
    SDL_Rect usable;
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0) {
        if (w > usable.w * 9 / 10) w = usable.w * 9 / 10;
        if (h > usable.h * 9 / 10) h = usable.h * 9 / 10;
        if (usable.w >= 2400 && usable.h >= 1400) { w = 1600; h = 1000; }
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (app->settings.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    app->win = SDL_CreateWindow("Gyrfalcon \xe2\x80\x94 the Jin\xe2\x80\x93Liao wars", SDL_WINDOWPOS_CENTERED,
                                SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!app->win) {
        fprintf(stderr, "gyrfalcon: cannot open a window: %s\n", SDL_GetError());
        free(app);
        SDL_Quit();
        return 1;
    }
    SDL_SetWindowMinimumSize(app->win, 800, 560);
    app->r = SDL_CreateRenderer(app->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!app->r) app->r = SDL_CreateRenderer(app->win, -1, SDL_RENDERER_SOFTWARE);
    if (!app->r) {
        fprintf(stderr, "gyrfalcon: cannot make a renderer: %s\n", SDL_GetError());
        ui_app_free(app);
        SDL_Quit();
        return 1;
    }
    if (app_init(app, launch)) {
        ui_app_free(app);
        SDL_Quit();
        return 1;
    }
    int bench = getenv("GYR_MENU_BENCH") != NULL;
    SDL_RendererInfo info;
    SDL_GetRendererInfo(app->r, &info);
    int vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    while (!app->quit) {
        uint32_t t0 = SDL_GetTicks();
        SDL_Event ev;
        while (SDL_PollEvent(&ev)) ui_app_feed(app, &ev);
        ui_app_frame(app);
        if (bench && app->screen == SCR_MENU) break;
        if (!vsync) {
            uint32_t dt = SDL_GetTicks() - t0;
            if (dt < 16) SDL_Delay(16 - dt);
        }
    }
    int code = app->exit_code;
    ui_app_free(app);
    SDL_Quit();
    return code;
}

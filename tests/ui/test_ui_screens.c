/* test_ui_screens.c - the window's screens driven like a player would: SDL events pushed into
 * an offscreen app (SDL's software renderer, no display), then the session inspected to check
 * that the orders reached the game. Uses the real scenario scripts (test_skirmish). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "ui_screens.h"

/* ---------------------------------------------------------------- helpers */

static void feed_motion(UiApp *a, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    ui_app_feed(a, &e);
}

/* A left click (down and up) at (x, y), then one frame. */
static void click(UiApp *a, int x, int y, int shift)
{
    SDL_Event e;
    feed_motion(a, x, y);
    ui_app_frame(a);
    memset(&e, 0, sizeof e);
    if (shift) {
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = SDLK_LSHIFT;
        e.key.keysym.mod = KMOD_LSHIFT;
        ui_app_feed(a, &e);
        memset(&e, 0, sizeof e);
    }
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    ui_app_feed(a, &e);
    e.type = SDL_MOUSEBUTTONUP;
    ui_app_feed(a, &e);
    ui_app_frame(a);
    if (shift) {
        memset(&e, 0, sizeof e);
        e.type = SDL_KEYUP;
        e.key.keysym.sym = SDLK_LSHIFT;
        ui_app_feed(a, &e);
    }
}

/* A key press with modifiers, then one frame. */
static void key(UiApp *a, SDL_Keycode k, uint16_t mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    ui_app_feed(a, &e);
    e.type = SDL_KEYUP;
    ui_app_feed(a, &e);
    ui_app_frame(a);
}

/* Runs frames until nothing is playing, answering narration with Enter. */
static void settle(UiApp *a)
{
    for (int i = 0; i < 400; i++) {
        ui_app_frame(a);
        if (a->screen == SCR_GAME && a->gs.narr >= 0) {
            key(a, SDLK_RETURN, 0);
            continue;
        }
        if (!ui_app_busy(a)) return;
    }
}

static UiApp *start_skirmish(const char *side)
{
    UiLaunch l;
    memset(&l, 0, sizeof l);
    l.scenario = "test_skirmish";
    l.side = side;
    l.seed = 3;
    l.difficulty = 1;
    UiApp *a = ui_app_new_offscreen(1280, 800, &l);
    assert_non_null(a);
    a->settings.anim_speed = UI_ANIM_NORMAL;
    settle(a);
    assert_string_equal(ui_app_screen(a), "game");
    return a;
}

/* The screen point of hex h, with the view centred on it first. */
static void hex_point(UiApp *a, Hex h, int *x, int *y)
{
    ui_view_hex_to_screen(&a->gs.view, h, x, y);
    if (!ui_in_rect(*x, *y, a->gs.map_rect)) {
        ui_view_center_on(&a->gs.view, h);
        ui_view_hex_to_screen(&a->gs.view, h, x, y);
    }
}

/* The first unit of faction f that can act, -1 when none. */
static int first_actor(const Game *g, int f)
{
    for (int u = 0; u < g->n_units; u++)
        if (g->units[u].alive && g->units[u].faction == f && game_unit_can_act(g, u)) return u;
    return -1;
}

/* A hex the unit can march to and stop in, with nobody there; 0 when none. */
static int free_destination(const Game *g, int u, Hex *out)
{
    Reach *r = reach_new(g->map);
    move_reach(g, u, r, NULL);
    int found = 0;
    for (int i = 0; i < r->n_list && !found; i++) {
        int idx = r->list[i];
        Hex h = map_hex_at(g->map, idx);
        int at[8];
        if (r->cost[idx] > 0 && move_can_end(g, r, u, idx) && game_units_at(g, h, at, 8) == 0 &&
            !game_enemy_zoc(g, g->units[u].faction, h)) {
            *out = h;
            found = 1;
        }
    }
    reach_free(r);
    return found;
}

/* Distinct colours in a PNG (capped), 0 when it cannot be read. */
static int png_colours(const char *path, int *w, int *h)
{
    SDL_Surface *s0 = IMG_Load(path);
    if (!s0) return 0;
    SDL_Surface *s = SDL_ConvertSurfaceFormat(s0, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s0);
    *w = s->w;
    *h = s->h;
    uint32_t seen[256];
    int n = 0;
    for (int y = 0; y < s->h && n < 256; y += 7)
        for (int x = 0; x < s->w && n < 256; x += 7) {
            uint32_t p = ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x] & 0xF0F0F0u;
            int k = 0;
            while (k < n && seen[k] != p) k++;
            if (k == n) seen[n++] = p;
        }
    SDL_FreeSurface(s);
    return n;
}

/* ---------------------------------------------------------------- tests */

static void test_main_menu_renders_a_finished_picture(void **st)
{
    (void)st;
    UiApp *a = ui_app_new_offscreen(1024, 700, NULL);
    assert_non_null(a);
    for (int i = 0; i < 3; i++) ui_app_frame(a);
    assert_string_equal(ui_app_screen(a), "menu");
    assert_null(ui_app_session(a));
    const char *path = "ui_menu.png";
    assert_int_equal(ui_app_save_png(a, path), 0);
    int w, h;
    assert_true(png_colours(path, &w, &h) > 40);
    assert_int_equal(w, 1024);
    assert_int_equal(h, 700);
    assert_true(ui_menu_start_ms() >= 0);
    ui_app_free(a);
}

static void test_menu_buttons_lead_to_scenario_list_and_briefing(void **st)
{
    (void)st;
    UiApp *a = ui_app_new_offscreen(1280, 800, NULL);
    assert_non_null(a);
    ui_app_frame(a);
    ui_app_frame(a);
    /* "Single scenarios" is the third button of the menu panel */
    UiCtx *c = &a->ctx;
    int pw = ui_px(c, 400), ph = ui_px(c, 560);
    if (ph > c->h - ui_px(c, 40)) ph = c->h - ui_px(c, 40);
    int x = ui_px(c, 70) + pw / 2;
    int found = 0;
    for (int y = (c->h - ph) / 2; y < (c->h + ph) / 2 && !found; y += ui_px(c, 6)) {
        click(a, x, y, 0);
        if (a->screen == SCR_SCENARIOS) found = 1;
        else if (a->screen != SCR_MENU) ui_goto(a, SCR_MENU);
        a->dialog = DLG_NONE;
        a->quit = 0;
    }
    assert_true(found);
    assert_true(a->n_scenarios > 0);
    key(a, SDLK_RETURN, 0);             /* Enter: the selected scenario's briefing */
    assert_string_equal(ui_app_screen(a), "briefing");
    assert_non_null(a->preview);
    key(a, SDLK_ESCAPE, 0);
    assert_string_equal(ui_app_screen(a), "scenarios");
    ui_app_free(a);
}

static void test_click_unit_then_destination_moves_it(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("jin");
    const Session *s = ui_app_session(a);
    int jin = game_find_faction(s->game, "jin");
    int u = first_actor(s->game, jin);
    assert_true(u >= 0);
    int x, y;
    hex_point(a, s->game->units[u].hex, &x, &y);
    click(a, x, y, 0);
    assert_int_equal(a->gs.selected, u);
    Hex dest;
    assert_true(free_destination(s->game, u, &dest));
    int rec_before = s->rec.n;
    hex_point(a, dest, &x, &y);
    click(a, x, y, 0);
    settle(a);
    s = ui_app_session(a);
    assert_true(hex_eq(s->game->units[u].hex, dest));
    assert_int_equal(s->rec.n, rec_before + 1);
    assert_int_equal(s->rec.items[s->rec.n - 1].cmd.type, CMD_MOVE);
    ui_app_free(a);
}

static void test_undo_key_takes_the_move_back(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("jin");
    const Session *s = ui_app_session(a);
    int jin = game_find_faction(s->game, "jin");
    int u = first_actor(s->game, jin);
    Hex from = s->game->units[u].hex, dest;
    assert_true(free_destination(s->game, u, &dest));
    int x, y;
    hex_point(a, from, &x, &y);
    click(a, x, y, 0);
    hex_point(a, dest, &x, &y);
    click(a, x, y, 0);
    settle(a);
    s = ui_app_session(a);
    assert_true(hex_eq(s->game->units[u].hex, dest));
    if (!session_can_undo(s)) skip();  /* the move revealed an enemy: undo is refused by rule */
    key(a, SDLK_u, 0);
    s = ui_app_session(a);
    assert_true(hex_eq(s->game->units[u].hex, from));
    ui_app_free(a);
}

static void test_end_turn_key_passes_the_turn_to_the_computer_and_back(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("jin");
    const Session *s = ui_app_session(a);
    int jin = game_find_faction(s->game, "jin");
    assert_int_equal(s->game->turn, 1);
    assert_int_equal(s->game->active, jin);
    uint64_t h0 = game_hash(s->game);
    key(a, SDLK_e, 0);
    /* units could still act: the warning comes first, and Enter confirms */
    assert_int_equal(a->dialog, DLG_CONFIRM_END);
    key(a, SDLK_RETURN, 0);
    settle(a);
    s = ui_app_session(a);
    assert_true(game_hash(s->game) != h0);
    assert_true(s->game->turn >= 2 || s->game->over);
    if (!s->game->over) assert_int_equal(s->game->active, jin);
    int ends = 0;
    for (int i = 0; i < s->rec.n; i++)
        if (!s->rec.items[i].is_hash && s->rec.items[i].cmd.type == CMD_END_TURN) ends++;
    assert_true(ends >= 2);             /* ours and the computer's */
    ui_app_free(a);
}

static void test_end_turn_button_works_with_the_mouse_alone(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("liao");
    const Session *s = ui_app_session(a);
    int liao = game_find_faction(s->game, "liao");
    /* jin moves first: the computer has played already and it is Liao's turn */
    assert_int_equal(s->game->active, liao);
    int turn = s->game->turn;
    SDL_Rect b = a->gs.end_btn;
    click(a, b.x + b.w / 2, b.y + b.h / 2, 0);
    if (a->dialog == DLG_CONFIRM_END) {
        /* "End turn" is the right-hand button of the dialog: find it by clicking along the bottom */
        UiCtx *c = &a->ctx;
        int w = ui_px(c, 520), h = ui_px(c, 230);
        int x = (c->w + w) / 2 - ui_px(c, 24) - ui_px(c, 60), y = (c->h + h) / 2 - ui_px(c, 24) - ui_px(c, 20);
        click(a, x, y, 0);
    }
    settle(a);
    s = ui_app_session(a);
    assert_true(s->game->turn == turn + 1 || s->game->over);
    ui_app_free(a);
}

/* Looks for one of faction f's units next to a seen enemy; writes the unit and target hex. */
static int find_contact(const UiApp *a, int f, int *unit, Hex *target)
{
    const Game *g = a->session->game;
    for (int u = 0; u < g->n_units; u++) {
        if (!g->units[u].alive || g->units[u].faction != f || g->units[u].attacked) continue;
        for (int d = 0; d < 6; d++) {
            Hex t = hex_neighbor(g->units[u].hex, d);
            if (!map_in_bounds(g->map, t) || !a->gs.vis[map_index(g->map, t)]) continue;
            int at[8], n = game_units_at(g, t, at, 8);
            for (int i = 0; i < n; i++)
                if (game_is_enemy(g, f, g->units[at[i]].faction)) {
                    *unit = u;
                    *target = t;
                    return 1;
                }
        }
    }
    return 0;
}

static void test_hover_enemy_shows_the_combat_preview_and_click_attacks(void **st)
{
    (void)st;
    UiLaunch l;
    memset(&l, 0, sizeof l);
    l.scenario = "ningjiang1114";
    l.side = "jin";
    l.seed = 5;
    l.difficulty = 1;
    UiApp *a = ui_app_new_offscreen(1280, 800, &l);
    assert_non_null(a);
    settle(a);
    int jin = game_find_faction(a->session->game, "jin");
    int goal = map_find_place(a->session->game->map, "ningjiang");
    assert_true(goal >= 0);
    Hex target = a->session->game->map->places[goal].hex;
    int u = -1;
    Hex t;
    /* march on Ningjiang with the mouse, turn after turn, until we stand next to an enemy */
    for (int turn = 0; turn < 4 && !find_contact(a, jin, &u, &t); turn++) {
        for (int v = 0; v < a->session->game->n_units && !find_contact(a, jin, &u, &t); v++) {
            const Game *g = a->session->game;
            if (!g->units[v].alive || g->units[v].faction != jin || g->units[v].mp <= 0) continue;
            Reach *r = reach_new(g->map);
            move_reach(g, v, r, a->gs.vis);
            int best = -1, bd = hex_distance(g->units[v].hex, target);
            for (int i = 0; i < r->n_list; i++) {
                Hex h = map_hex_at(g->map, r->list[i]);
                if (move_can_end(g, r, v, r->list[i]) && hex_distance(h, target) < bd) {
                    best = r->list[i];
                    bd = hex_distance(h, target);
                }
            }
            reach_free(r);
            if (best < 0) continue;
            int x, y;
            hex_point(a, g->units[v].hex, &x, &y);
            click(a, x, y, 0);
            if (a->gs.selected != v) continue;
            hex_point(a, map_hex_at(g->map, best), &x, &y);
            click(a, x, y, 0);
            settle(a);
        }
        if (find_contact(a, jin, &u, &t)) break;
        key(a, SDLK_e, 0);
        if (a->dialog == DLG_CONFIRM_END) key(a, SDLK_RETURN, 0);
        settle(a);
    }
    assert_true(find_contact(a, jin, &u, &t));
    const Session *s = ui_app_session(a);
    int x, y;
    hex_point(a, s->game->units[u].hex, &x, &y);
    click(a, x, y, 0);
    while (a->gs.selected != u && a->gs.selected >= 0) click(a, x, y, 0); /* cycle through the stack */
    assert_int_equal(a->gs.selected, u);
    hex_point(a, t, &x, &y);
    feed_motion(a, x, y);
    ui_app_frame(a);
    assert_true(a->gs.hover_attack);
    assert_int_equal(a->gs.preview.denom, 216);
    int sum = 0;
    for (int i = 0; i < a->gs.preview.n; i++) sum += a->gs.preview.out[i].prob;
    assert_int_equal(sum, 216);         /* the tooltip shows the whole distribution */
    int rec = s->rec.n;
    click(a, x, y, 0);
    settle(a);
    s = ui_app_session(a);
    int attacks = 0;
    for (int i = rec; i < s->rec.n; i++)
        if (!s->rec.items[i].is_hash && s->rec.items[i].cmd.type == CMD_ATTACK && s->rec.items[i].cmd.faction == jin) attacks++;
    assert_int_equal(attacks, 1);
    ui_app_free(a);
}

/* Whether a dialog of the game screen waits for the player. */
static int game_dialog_up(const UiApp *a)
{
    if (a->screen != SCR_GAME || !a->session) return 0;
    const Game *g = a->session->game;
    return a->gs.narr >= 0 || a->dialog != DLG_NONE || a->gs.curtain ||
           (g->choice.active && a->session->ai_kind[g->choice.faction] < 0) || (g->over && !a->gs.victory_shown);
}

/* Clicks down a column of the screen until the dialog in front goes away (a person looking
 * for the button). Returns 1 when it went. */
static int click_through(UiApp *a, int x)
{
    for (int y = a->ctx.h / 5; y < a->ctx.h - 4; y += ui_px(&a->ctx, 9)) {
        click(a, x, y, 0);
        if (!game_dialog_up(a)) return 1;
    }
    return 0;
}

/* Plays scenario as side to the end with clicks only: attack what is next to a unit, else march
 * on the place goal (NULL: stay), end the turn with the button, find dialog buttons by clicking
 * down the screen. Leaves through the summary's "Main menu". */
static void play_with_mouse(const char *scenario, const char *side, const char *goal_place)
{
    UiLaunch l;
    memset(&l, 0, sizeof l);
    l.scenario = scenario;
    l.side = side;
    l.seed = 3;
    l.difficulty = 1;
    UiApp *a = ui_app_new_offscreen(1280, 800, &l);
    assert_non_null(a);
    settle(a);
    int jin = game_find_faction(a->session->game, side);
    int gp = goal_place ? map_find_place(a->session->game->map, goal_place) : -1;
    Hex goal = gp >= 0 ? a->session->game->map->places[gp].hex : hex_make(0, 0);
    int orders = 0;
    for (int round = 0; round < 60 && !a->session->game->over; round++) {
        while (game_dialog_up(a) && !a->session->game->over) {
            if (a->dialog == DLG_CONFIRM_END) break;
            assert_true(click_through(a, a->ctx.w / 2));
            settle(a);
        }
        if (a->session->game->over) break;
        /* each unit: attack an enemy next to it, else march towards Ningjiang */
        for (int u = 0; u < a->session->game->n_units; u++) {
            const Game *g = a->session->game;
            if (!g->units[u].alive || g->units[u].faction != jin || !game_unit_can_act(g, u)) continue;
            int x, y;
            hex_point(a, g->units[u].hex, &x, &y);
            click(a, x, y, 0);
            if (a->gs.selected != u) continue;
            int done = 0;
            for (int d = 0; d < 6 && !done; d++) {
                Hex t = hex_neighbor(g->units[u].hex, d);
                if (!map_in_bounds(g->map, t)) continue;
                hex_point(a, t, &x, &y);
                feed_motion(a, x, y);
                ui_app_frame(a);
                if (a->gs.hover_attack) {
                    click(a, x, y, 0);
                    done = 1;
                }
            }
            if (!done && g->units[u].mp > 0 && gp >= 0) {
                int best = -1, bd = hex_distance(g->units[u].hex, goal);
                for (int i = 0; i < a->gs.reach->n_list; i++) {
                    Hex h = map_hex_at(g->map, a->gs.reach->list[i]);
                    if (move_can_end(g, a->gs.reach, u, a->gs.reach->list[i]) && hex_distance(h, goal) < bd) {
                        best = a->gs.reach->list[i];
                        bd = hex_distance(h, goal);
                    }
                }
                if (best >= 0) {
                    hex_point(a, map_hex_at(g->map, best), &x, &y);
                    click(a, x, y, 0);
                    done = 1;
                }
            }
            orders += done;
            settle(a);
            while (game_dialog_up(a) && !a->session->game->over && a->dialog == DLG_NONE) click_through(a, a->ctx.w / 2);
            if (a->session->game->over) break;
        }
        if (a->session->game->over) break;
        /* the end-turn button, then "End turn" in the warning if it comes */
        SDL_Rect b = a->gs.end_btn;
        click(a, b.x + b.w / 2, b.y + b.h / 2, 0);
        if (a->dialog == DLG_CONFIRM_END) {
            UiCtx *c = &a->ctx;
            int x = c->w / 2 + ui_px(c, 120);
            for (int y = c->h / 2; y < c->h && a->dialog == DLG_CONFIRM_END; y += ui_px(c, 8)) click(a, x, y, 0);
        }
        settle(a);
    }
    assert_true(a->session->game->over);
    assert_true(orders > 0 || gp < 0);
    /* the summary (kept as a picture to look at), then "Main menu" (the right-hand button) */
    char pic[128];
    snprintf(pic, sizeof pic, "ui_end_%s_%s.png", scenario, side);
    ui_app_frame(a);
    assert_int_equal(ui_app_save_png(a, pic), 0);
    UiCtx *c = &a->ctx;
    int x = c->w / 2 + ui_px(c, 210);
    for (int y = c->h / 2; y < c->h && a->screen == SCR_GAME; y += ui_px(c, 8)) click(a, x, y, 0);
    assert_string_equal(ui_app_screen(a), "menu");
    ui_app_free(a);
}

static void test_a_whole_scenario_can_be_played_with_the_mouse_alone(void **st)
{
    (void)st;
    play_with_mouse("test_skirmish", "jin", "ningjiang");
}

static void test_ningjiang_can_be_played_to_the_end_as_jin_with_the_mouse(void **st)
{
    (void)st;
    play_with_mouse("ningjiang1114", "jin", "ningjiang");
}

static void test_ningjiang_can_be_played_to_the_end_as_liao_with_the_mouse(void **st)
{
    (void)st;
    play_with_mouse("ningjiang1114", "liao", NULL);
}

static void test_hotseat_hides_the_map_until_the_next_player_clicks(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("both");
    const Session *s = ui_app_session(a);
    assert_int_equal(a->gs.curtain, 1);
    int jin = game_find_faction(s->game, "jin"), liao = game_find_faction(s->game, "liao");
    assert_int_equal(a->gs.curtain_faction, jin);
    key(a, SDLK_RETURN, 0);             /* "I command ...: begin" */
    settle(a);
    assert_int_equal(a->gs.curtain, 0);
    assert_int_equal(a->gs.view_faction, jin);
    key(a, SDLK_e, 0);
    if (a->dialog == DLG_CONFIRM_END) key(a, SDLK_RETURN, 0);
    settle(a);
    s = ui_app_session(a);
    assert_int_equal(s->game->active, liao);
    assert_int_equal(a->gs.curtain, 1);
    assert_int_equal(a->gs.curtain_faction, liao);
    /* the curtain's button, under the emblem and the two lines of text */
    UiCtx *c = &a->ctx;
    int by = c->h / 2 - ui_px(c, 120) + ui_px(c, 96) + ui_px(c, 20) + ui_line_h(c, UI_FONT_TITLE) + ui_px(c, 6) +
             ui_px(c, 50) + ui_px(c, 25);
    click(a, c->w / 2, by, 0);
    settle(a);
    assert_int_equal(a->gs.curtain, 0);
    assert_int_equal(a->gs.view_faction, liao);
    ui_app_free(a);
}

static void test_f5_reloads_the_script_and_replays_the_game_so_far(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("jin");
    const Session *s = ui_app_session(a);
    int jin = game_find_faction(s->game, "jin");
    int u = first_actor(s->game, jin);
    Hex dest;
    assert_true(free_destination(s->game, u, &dest));
    int x, y;
    hex_point(a, s->game->units[u].hex, &x, &y);
    click(a, x, y, 0);
    hex_point(a, dest, &x, &y);
    click(a, x, y, 0);
    settle(a);
    s = ui_app_session(a);
    uint64_t h = game_hash(s->game);
    int n = s->rec.n;
    key(a, SDLK_F5, 0);
    settle(a);
    const Session *t = ui_app_session(a);
    assert_ptr_not_equal(t, NULL);
    assert_int_equal(t->rec.n, n);
    assert_int_equal(game_hash(t->game), h);
    assert_true(hex_eq(t->game->units[u].hex, dest));
    ui_app_free(a);
}

static void test_ctrl_s_saves_a_named_slot_that_loads_back(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("jin");
    key(a, SDLK_s, KMOD_LCTRL);
    assert_int_equal(a->dialog, DLG_SAVE);
    ui_app_frame(a);
    snprintf(a->save_name, sizeof a->save_name, "ui test slot");
    key(a, SDLK_RETURN, 0);
    assert_int_equal(a->dialog, DLG_NONE);
    char dir[UI_PATH_MAX], path[UI_PATH_MAX + 64];
    ui_saves_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/ui test slot.sav", dir);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    /* autosave of the first turn is there too */
    snprintf(path, sizeof path, "%s/autosave-test_skirmish.sav", dir);
    assert_int_equal(stat(path, &sb), 0);
    uint64_t h = game_hash(ui_app_session(a)->game);
    key(a, SDLK_l, KMOD_LCTRL);
    assert_int_equal(a->dialog, DLG_LOAD);
    int k = -1;
    for (int i = 0; i < a->n_saves; i++)
        if (!strcmp(a->saves[i], "ui test slot")) k = i;
    assert_true(k >= 0);
    a->saves_sel = k;
    key(a, SDLK_RETURN, 0);
    settle(a);
    assert_int_equal(game_hash(ui_app_session(a)->game), h);
    ui_app_free(a);
}

static void test_game_screen_picture_is_not_blank(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("jin");
    for (int i = 0; i < 30; i++) ui_app_frame(a);
    assert_int_equal(ui_app_save_png(a, "ui_game.png"), 0);
    int w, h;
    assert_true(png_colours("ui_game.png", &w, &h) > 40);
    assert_int_equal(w, 1280);
    ui_app_free(a);
}

static void test_settings_survive_a_save_and_load(void **st)
{
    (void)st;
    UiSettings s, t;
    ui_settings_defaults(&s);
    s.ui_scale_pct = 150;
    s.hanzi = 1;
    s.watch_ai = 0;
    s.anim_speed = UI_ANIM_SLOW;
    char err[256];
    assert_int_equal(ui_settings_save(&s, "ui_settings_test.ini", err, sizeof err), 0);
    ui_settings_defaults(&t);
    assert_int_equal(ui_settings_load(&t, "ui_settings_test.ini"), 0);
    assert_int_equal(t.ui_scale_pct, 150);
    assert_int_equal(t.hanzi, 1);
    assert_int_equal(t.watch_ai, 0);
    assert_int_equal(t.anim_speed, UI_ANIM_SLOW);
}

static void test_settings_file_with_bad_values_keeps_defaults(void **st)
{
    (void)st;
    FILE *f = fopen("ui_settings_bad.ini", "w");
    assert_non_null(f);
    fputs("ui_scale = 9000\nhanzi = maybe\nnonsense line\ncolour = red\nwatch_ai = 0\n", f);
    fclose(f);
    UiSettings t;
    ui_settings_defaults(&t);
    assert_int_equal(ui_settings_load(&t, "ui_settings_bad.ini"), 0);
    assert_int_equal(t.ui_scale_pct, 100);
    assert_int_equal(t.hanzi, 0);
    assert_int_equal(t.watch_ai, 0);
}

/* The briefing screen of test_skirmish (whose scenario{} has briefing_jin), drawn once. */
static UiApp *open_skirmish_briefing(void)
{
    UiApp *a = ui_app_new_offscreen(1280, 800, NULL);
    assert_non_null(a);
    ui_app_frame(a);
    ScenarioInfo info;
    assert_int_equal(lscript_find_scenario("test_skirmish", &info), 0);
    a->camp_step = -1;
    ui_open_briefing(a, &info, NULL);
    assert_non_null(a->preview);
    ui_app_frame(a);
    assert_string_equal(ui_app_screen(a), "briefing");
    return a;
}

/* Clicks the "Play as" button of faction id (or "both"), laid out as screen_briefing_frame does. */
static void click_side(UiApp *a, const char *id)
{
    UiCtx *c = &a->ctx;
    const Game *g = a->preview->game;
    int sides[GAME_MAX_FACTIONS], ns = 0, want = -1;
    for (int f = 0; f < g->n_factions; f++)
        if (g->factions[f].playable) sides[ns++] = f;
    for (int i = 0; i < ns; i++)
        if (!strcmp(g->factions[sides[i]].id, id)) want = i;
    if (!strcmp(id, "both")) want = ns;
    assert_true(want >= 0);
    int m = ui_px(c, 30), pad = ui_px(c, 22);
    int lw = (c->w - 3 * m) * 45 / 100;
    SDL_Rect rp = { 2 * m + lw, m, c->w - lw - 3 * m, c->h - 2 * m };
    int by = rp.y + rp.h - pad - ui_px(c, 44) * 2 - ui_px(c, 14);
    int bw = (rp.w - 2 * pad - ui_px(c, 8) * ns) / (ns + 1);
    if (bw > ui_px(c, 220)) bw = ui_px(c, 220);
    click(a, rp.x + pad + want * (bw + ui_px(c, 8)) + bw / 2, by + ui_px(c, 22), 0);
    ui_app_frame(a);
}

static void test_choosing_jin_on_the_briefing_shows_the_jin_briefing(void **st)
{
    (void)st;
    UiApp *a = open_skirmish_briefing();
    click_side(a, "liao");              /* away from the first side and back, so the click counts */
    click_side(a, "jin");
    assert_string_equal(ui_briefing_shown(a), "You are Aguda: cross the Songhua at the ford and take Ningjiang.");
    assert_int_equal(ui_app_save_png(a, "ui_briefing_jin.png"), 0);
    ui_app_free(a);
}

static void test_a_side_without_its_own_briefing_is_shown_the_general_one(void **st)
{
    (void)st;
    UiApp *a = open_skirmish_briefing();
    click_side(a, "liao");
    assert_non_null(strstr(ui_briefing_shown(a), "A test of the engine"));
    assert_string_equal(ui_briefing_shown(a), a->brief.briefing);
    ui_app_free(a);
}

static void test_hotseat_on_the_briefing_shows_the_general_briefing(void **st)
{
    (void)st;
    UiApp *a = open_skirmish_briefing();
    click_side(a, "both");
    assert_non_null(strstr(ui_briefing_shown(a), "A test of the engine"));
    ui_app_free(a);
}

/* Ends the human turn on the screen (key E, confirmed) and opens the next curtain. */
static void end_turn_at_the_curtain(UiApp *a)
{
    key(a, SDLK_RETURN, 0);             /* "I command ...: begin" */
    settle(a);
    key(a, SDLK_e, 0);
    if (a->dialog == DLG_CONFIRM_END) key(a, SDLK_RETURN, 0);
    settle(a);
}

static void test_hotseat_curtain_of_a_sides_first_turn_shows_its_briefing(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("both");
    const Session *s = ui_app_session(a);
    assert_int_equal(a->gs.curtain, 1);
    assert_int_equal(a->gs.curtain_faction, game_find_faction(s->game, "jin"));
    assert_string_equal(a->gs.curtain_brief, "You are Aguda: cross the Songhua at the ford and take Ningjiang.");
    ui_app_frame(a);
    assert_int_equal(ui_app_save_png(a, "ui_curtain_jin.png"), 0);
    end_turn_at_the_curtain(a);
    s = ui_app_session(a);
    assert_int_equal(a->gs.curtain, 1);
    assert_int_equal(a->gs.curtain_faction, game_find_faction(s->game, "liao"));
    assert_int_equal(s->game->turn, 1);
    assert_non_null(strstr(a->gs.curtain_brief, "A test of the engine"));   /* no briefing_liao: the general one */
    ui_app_free(a);
}

static void test_hotseat_curtain_after_the_first_turn_shows_no_briefing(void **st)
{
    (void)st;
    UiApp *a = start_skirmish("both");
    end_turn_at_the_curtain(a);         /* Jin's first turn */
    end_turn_at_the_curtain(a);         /* Liao's */
    const Session *s = ui_app_session(a);
    assert_int_equal(a->gs.curtain, 1);
    assert_int_equal(s->game->turn, 2);
    assert_string_equal(a->gs.curtain_brief, "");
    ui_app_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_main_menu_renders_a_finished_picture),
        cmocka_unit_test(test_menu_buttons_lead_to_scenario_list_and_briefing),
        cmocka_unit_test(test_click_unit_then_destination_moves_it),
        cmocka_unit_test(test_undo_key_takes_the_move_back),
        cmocka_unit_test(test_end_turn_key_passes_the_turn_to_the_computer_and_back),
        cmocka_unit_test(test_end_turn_button_works_with_the_mouse_alone),
        cmocka_unit_test(test_hover_enemy_shows_the_combat_preview_and_click_attacks),
        cmocka_unit_test(test_a_whole_scenario_can_be_played_with_the_mouse_alone),
        cmocka_unit_test(test_ningjiang_can_be_played_to_the_end_as_jin_with_the_mouse),
        cmocka_unit_test(test_ningjiang_can_be_played_to_the_end_as_liao_with_the_mouse),
        cmocka_unit_test(test_hotseat_hides_the_map_until_the_next_player_clicks),
        cmocka_unit_test(test_f5_reloads_the_script_and_replays_the_game_so_far),
        cmocka_unit_test(test_ctrl_s_saves_a_named_slot_that_loads_back),
        cmocka_unit_test(test_game_screen_picture_is_not_blank),
        cmocka_unit_test(test_settings_survive_a_save_and_load),
        cmocka_unit_test(test_settings_file_with_bad_values_keeps_defaults),
        cmocka_unit_test(test_choosing_jin_on_the_briefing_shows_the_jin_briefing),
        cmocka_unit_test(test_a_side_without_its_own_briefing_is_shown_the_general_one),
        cmocka_unit_test(test_hotseat_on_the_briefing_shows_the_general_briefing),
        cmocka_unit_test(test_hotseat_curtain_of_a_sides_first_turn_shows_its_briefing),
        cmocka_unit_test(test_hotseat_curtain_after_the_first_turn_shows_no_briefing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_replay_viewer.c - the replay viewer for teachers: stepping back through a recorded game
 * and taking command at a turn to play on ("what if"), driven by SDL events offscreen. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ui_screens.h"

static void click(UiApp *a, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x; e.motion.y = y;
    ui_app_feed(a, &e);
    ui_app_frame(a);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x; e.button.y = y;
    ui_app_feed(a, &e);
    e.type = SDL_MOUSEBUTTONUP;
    ui_app_feed(a, &e);
    ui_app_frame(a);
}

static void frames(UiApp *a, int n)
{
    for (int i = 0; i < n; i++) ui_app_frame(a);
}

/* A whole computer game of Ningjiang, recorded to a temporary file. */
static void record_game(char *path, size_t cap)
{
    char err[512];
    Session *s = session_new("ningjiang1114", 5, "all", 1, err, sizeof err);
    assert_non_null(s);
    session_run_ai(s, 0);
    snprintf(path, cap, "/tmp/gyr-replay-viewer-%d.rec", (int)getpid());
    assert_int_equal(session_save(s, path, err, sizeof err), 0);
    session_free(s);
}

static UiApp *open_replay(const char *path)
{
    UiLaunch l;
    memset(&l, 0, sizeof l);
    l.replay = path;
    UiApp *a = ui_app_new_offscreen(1280, 800, &l);
    assert_non_null(a);
    frames(a, 5);
    assert_string_equal(ui_app_screen(a), "game");
    assert_true(a->gs.replay_mode);
    /* the replay opens on the end-of-game summary: "Look at the map" */
    click(a, 426, 588);
    frames(a, 2);
    if (getenv("GYR_TEST_PNG")) ui_app_save_png(a, getenv("GYR_TEST_PNG"));
    return a;
}

static void test_replay_turn_back_shows_an_earlier_turn(void **st)
{
    (void)st;
    char path[128];
    record_game(path, sizeof path);
    UiApp *a = open_replay(path);
    int last = ui_app_session(a)->game->turn;
    SDL_Rect b = a->gs.end_btn;   /* left half: turn back */
    click(a, b.x + b.w / 4, b.y + b.h / 2);
    frames(a, 3);
    assert_true(ui_app_session(a)->game->turn < last);
    ui_app_free(a);
    remove(path);
}

static void test_taking_command_in_a_replay_lets_the_player_order(void **st)
{
    (void)st;
    char path[128];
    record_game(path, sizeof path);
    UiApp *a = open_replay(path);
    SDL_Rect b = a->gs.end_btn;
    for (int i = 0; i < 4; i++) { click(a, b.x + b.w / 4, b.y + b.h / 2); frames(a, 2); }
    const Session *s = ui_app_session(a);
    int turn = s->game->turn, f = s->game->active;
    assert_false(s->game->over);
    click(a, b.x + b.w / 2, b.y - b.h / 2 - 4);     /* "Take command ... here" */
    if (getenv("GYR_TEST_PNG2")) ui_app_save_png(a, getenv("GYR_TEST_PNG2"));
    frames(a, 3);
    s = ui_app_session(a);
    assert_false(a->gs.replay_mode);
    assert_true(s->ai_kind[f] < 0);
    assert_int_equal(s->game->turn, turn);
    int before = s->rec.n;
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_END_TURN;
    c.faction = f;
    assert_int_equal(session_apply((Session *)s, &c), CMD_OK);
    assert_true(s->rec.n > before);
    /* the new game, saved, re-simulates and verifies with the taker as a person */
    char err[512], saved[160];
    snprintf(saved, sizeof saved, "%s.taken", path);
    assert_int_equal(session_save(s, saved, err, sizeof err), 0);
    Session *back = session_load(saved, err, sizeof err);
    if (!back) fail_msg("taken-over game does not verify: %s", err);
    assert_true(back->ai_kind[f] < 0);
    assert_int_equal(game_hash(back->game), game_hash(s->game));
    session_free(back);
    remove(saved);
    ui_app_free(a);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_turn_back_shows_an_earlier_turn),
        cmocka_unit_test(test_taking_command_in_a_replay_lets_the_player_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

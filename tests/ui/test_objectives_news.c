/* test_objectives_news.c - the objectives panel and the news of the game screen, driven in an
 * offscreen app (SDL's software renderer): the panel's figures are the headless summary's,
 * a capture that fires several pieces of news puts up one digest, the pop-up setting is
 * obeyed, F5 works under a pop-up, and the panel fits the map at 100% and 200%. Uses
 * tests/ui/news_capture.lua and ningjiang1114. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui_screens.h"
#include "headless.h"

/* ---------------------------------------------------------------- helpers */

static void key(UiApp *a, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    ui_app_feed(a, &e);
    e.type = SDL_KEYUP;
    ui_app_feed(a, &e);
    ui_app_frame(a);
}

/* Frames until nothing plays, without answering pop-ups. */
static void frames(UiApp *a, int n)
{
    for (int i = 0; i < n; i++) {
        ui_app_frame(a);
        if (!ui_app_busy(a) && a->gs.anim == ANIM_NONE) return;
    }
}

static const char *capture_path(void)
{
    static char p[1024];
    const char *d = getenv("GYR_DATA_DIR");
    snprintf(p, sizeof p, "%s/tests/ui/news_capture.lua", d ? d : ".");
    return p;
}

/* An offscreen game of scenario as side, pop-ups set to popups, animations off. */
static UiApp *start(const char *scenario, const char *side, int popups, int w, int h)
{
    UiLaunch l;
    memset(&l, 0, sizeof l);
    l.scenario = scenario;
    l.side = side;
    l.seed = 5;
    l.difficulty = 1;
    UiApp *a = ui_app_new_offscreen(w, h, &l);
    assert_non_null(a);
    a->settings.anim_speed = UI_ANIM_OFF;
    a->settings.popups = popups;
    frames(a, 50);
    assert_string_equal(ui_app_screen(a), "game");
    return a;
}

/* Marches the Jurchen raiders into the fort through the game's one door (the UI's order path
 * is tested in test_ui_screens.c; here the news that follows is what counts). */
static void take_the_fort(UiApp *a)
{
    Session *s = a->session;
    const Game *g = s->game;
    int u = -1, fort = -1;
    for (int i = 0; i < g->n_units; i++)
        if (!strcmp(g->units[i].tag, "raiders")) u = i;
    for (int p = 0; p < g->map->n_places; p++)
        if (!strcmp(g->map->places[p].id, "fort")) fort = p;
    assert_true(u >= 0 && fort >= 0);
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_MOVE;
    c.faction = g->units[u].faction;
    c.unit = u;
    c.to = g->map->places[fort].hex;
    assert_int_equal(session_apply(s, &c), CMD_OK);
    assert_int_equal(s->game->places[fort].owner, c.faction);
    frames(a, 20);
}

/* The integer after "key": in the JSON object that starts at obj. */
static int json_int(const char *obj, const char *key)
{
    char k[64];
    snprintf(k, sizeof k, "\"%s\":", key);
    const char *end = strchr(obj, '}');
    const char *p = strstr(obj, k);
    assert_non_null(p);
    assert_true(end == NULL || p < end);
    return atoi(p + strlen(k));
}

/* ---------------------------------------------------------------- tests */

static void test_panel_figures_match_the_headless_json_outcome(void **st)
{
    (void)st;
    UiApp *a = start("ningjiang1114", "jin", UI_POPUP_NONE, 1280, 720);
    /* the computer plays both sides to the end */
    a->session->ai_kind[game_find_faction(a->session->game, "jin")] = AI_DEFAULT;
    for (int i = 0; i < 20000 && !a->session->game->over; i++) {
        ui_app_frame(a);
        if (a->gs.narr >= 0) key(a, SDLK_RETURN);
    }
    const Game *g = a->session->game;
    assert_true(g->over);
    UiObjectives o;
    ui_objectives_build(a, g, &o);
    assert_true(o.n_sides >= 2);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    headless_summary(a->session, 1, f);
    fclose(f);
    int checked = 0;
    for (int i = 0; i < o.n_sides; i++) {
        const UiObjSide *sd = &o.sides[i];
        char id[80];
        snprintf(id, sizeof id, "{\"id\":\"%s\"", g->factions[sd->faction].id);
        const char *obj = strstr(buf, id);
        assert_non_null(obj);
        assert_int_equal(sd->st.points, json_int(obj, "points"));
        assert_int_equal(sd->st.score, json_int(obj, "score"));
        assert_int_equal(sd->st.places, json_int(obj, "places"));
        assert_int_equal(sd->st.units, json_int(obj, "units"));
        assert_int_equal(sd->st.strength, json_int(obj, "strength"));
        assert_int_equal(sd->st.points, sd->st.score + sd->st.place_points);
        checked++;
    }
    assert_true(checked >= 2);
    /* the Jin aim is a score of 7: the panel's target is the scenario's */
    assert_int_equal(o.sides[0].target, 7);
    /* and Ningjiang's outcome counts as the panel does ("... N points ...") */
    char want[64];
    snprintf(want, sizeof want, " %d points", o.sides[0].st.points);
    assert_non_null(strstr(g->outcome, want));
    ui_app_frame(a);
    assert_int_equal(ui_app_save_png(a, "ui_end_ningjiang.png"), 0);
    free(buf);
    ui_app_free(a);
}

static void test_a_capture_that_fires_several_events_puts_up_one_digest(void **st)
{
    (void)st;
    UiApp *a = start(capture_path(), "jin", UI_POPUP_ALL, 1280, 720);
    int before = a->gs.popups_shown, log0 = a->session->game->n_log;
    take_the_fort(a);
    const Game *g = a->session->game;
    assert_true(g->n_log - log0 >= 3);
    assert_int_equal(a->gs.popups_shown - before, 1);
    assert_true(a->gs.narr >= 0);
    int items = 0;
    for (int i = a->gs.narr; i < a->gs.narr_end; i++)
        if (g->log[i].type == GEV_MESSAGE) items++;
    assert_int_equal(items, 3); /* every item in the one digest */
    assert_int_equal(ui_app_save_png(a, "ui_news_digest.png"), 0);
    key(a, SDLK_RETURN);
    assert_int_equal(a->gs.narr, -1);
    frames(a, 20);
    assert_int_equal(a->gs.popups_shown - before, 1); /* no second pop-up for the same news */
    ui_app_free(a);
}

static void test_major_only_pops_up_when_one_item_is_marked_major(void **st)
{
    (void)st;
    UiApp *a = start(capture_path(), "jin", UI_POPUP_MAJOR, 1280, 720);
    int before = a->gs.popups_shown;
    take_the_fort(a);
    assert_int_equal(a->gs.popups_shown - before, 1);
    const Game *g = a->session->game;
    int major = 0;
    for (int i = a->gs.narr; i < a->gs.narr_end; i++) major += g->log[i].major;
    assert_int_equal(major, 1);
    ui_app_free(a);
}

static void test_no_popups_setting_sends_news_to_the_chronicle_unread(void **st)
{
    (void)st;
    UiApp *a = start(capture_path(), "jin", UI_POPUP_NONE, 1280, 720);
    int before = a->gs.popups_shown;
    take_the_fort(a);
    assert_int_equal(a->gs.popups_shown - before, 0);
    assert_int_equal(a->gs.narr, -1);
    /* the chronicle's badge counts them: not read yet */
    const Game *g = a->session->game;
    int unread = 0;
    for (int i = a->gs.chron_read; i < g->n_log; i++)
        if (g->log[i].type == GEV_MESSAGE) unread++;
    assert_int_equal(unread, 3);
    ui_app_free(a);
}

static void test_f5_reloads_the_script_while_a_popup_is_open(void **st)
{
    (void)st;
    /* Ningjiang opens with news: with every item popping up, a digest is open at once */
    UiApp *a = start("ningjiang1114", "jin", UI_POPUP_ALL, 1280, 720);
    assert_true(a->gs.narr >= 0);
    const Session *old = a->session;
    uint64_t h = game_hash(a->session->game);
    key(a, SDLK_F5);
    assert_ptr_not_equal(a->session, old);             /* a fresh session from the script */
    assert_int_equal(game_hash(a->session->game), h);  /* that replayed the same game */
    assert_int_equal(a->gs.narr, -1);
    assert_non_null(strstr(a->toast, "reloaded"));
    ui_app_free(a);
}

static void test_objectives_panel_fits_the_map_at_100_and_200_percent(void **st)
{
    (void)st;
    static const int scales[2] = { 100, 200 };
    for (int k = 0; k < 2; k++) {
        UiApp *a = start("ningjiang1114", "jin", UI_POPUP_NONE, 1280, 720);
        a->settings.ui_scale_pct = scales[k];
        a->settings.objectives_open = 1;
        frames(a, 3);
        ui_app_frame(a);
        SDL_Rect p = a->gs.obj_rect, m = a->gs.map_rect;
        assert_true(p.w > 0 && p.h > 0);
        assert_true(p.x >= m.x && p.y >= m.y);
        assert_true(p.x + p.w <= m.x + m.w && p.y + p.h <= m.y + m.h);
        /* the open panel holds every line it has (it was not cut to fit) */
        UiObjectives o;
        ui_objectives_build(a, a->session->game, &o);
        int lh = ui_line_h(&a->ctx, UI_FONT_SMALL);
        assert_true(p.h >= o.n_lines * lh);
        char name[64];
        snprintf(name, sizeof name, "ui_objectives_%d.png", scales[k]);
        assert_int_equal(ui_app_save_png(a, name), 0);
        /* O folds it to one line, still in the map */
        key(a, SDLK_o);
        ui_app_frame(a);
        assert_int_equal(a->settings.objectives_open, 0);
        assert_true(a->gs.obj_rect.h < p.h);
        assert_true(a->gs.obj_rect.h > 0);
        ui_app_free(a);
    }
}

static void test_end_screen_points_agree_with_the_outcome(void **st)
{
    (void)st;
    UiApp *a = start(capture_path(), "jin", UI_POPUP_NONE, 1280, 720);
    take_the_fort(a);
    a->session->ai_kind[game_find_faction(a->session->game, "jin")] = AI_DEFAULT;
    for (int i = 0; i < 5000 && !a->session->game->over; i++) {
        ui_app_frame(a);
        if (a->gs.narr >= 0) key(a, SDLK_RETURN);
    }
    const Game *g = a->session->game;
    assert_true(g->over);
    ui_app_frame(a);
    assert_int_equal(ui_app_save_png(a, "ui_end_screen.png"), 0);
    UiObjectives o;
    ui_objectives_build(a, g, &o);
    int jin = game_find_faction(g, "jin");
    assert_int_equal(o.sides[0].faction, jin);
    /* the outcome's figure is the panel's: "Jin victory: N points" */
    char want[64];
    snprintf(want, sizeof want, " %d points", o.sides[0].st.points);
    assert_non_null(strstr(g->outcome, want));
    assert_int_equal(g->winner == jin, o.sides[0].st.points >= o.sides[0].target);
    /* the turning points are real entries, in order, without the victory line */
    int tp[8], n = ui_turning_points(a, tp, 6);
    assert_true(n >= 1);
    for (int i = 0; i < n; i++) {
        assert_true(g->log[tp[i]].type != GEV_VICTORY);
        if (i) assert_true(tp[i - 1] < tp[i]);
    }
    ui_app_free(a);
}

static void test_ningjiang_falling_puts_up_one_digest_with_all_its_news(void **st)
{
    (void)st;
    UiApp *a = start("ningjiang1114", "jin", UI_POPUP_ALL, 1280, 720);
    a->session->ai_kind[game_find_faction(a->session->game, "jin")] = AI_DEFAULT;
    int nj = -1;
    const Map *m = a->session->game->map;
    for (int p = 0; p < m->n_places; p++)
        if (!strcmp(m->places[p].id, "ningjiang")) nj = p;
    assert_true(nj >= 0);
    int jin = game_find_faction(a->session->game, "jin"), taken = 0;
    /* the computer plays the Jin; pop-ups are answered until Ningjiang falls */
    for (int i = 0; i < 20000 && !a->session->game->over && !taken; i++) {
        if (a->gs.narr >= 0) key(a, SDLK_RETURN);
        ui_app_frame(a);
        taken = a->gs.narr < 0 && a->session->game->places[nj].owner == jin;
    }
    assert_true(taken); /* seed 5: the Jin take it */
    const Game *g = a->session->game;
    int fell = g->n_log - 1;
    while (fell > 0 && g->log[fell].type != GEV_PLACE_CAPTURED) fell--;
    int before = a->gs.popups_shown;
    ui_app_frame(a);
    ui_app_frame(a);
    assert_int_equal(a->gs.popups_shown - before, 1);
    assert_true(a->gs.narr <= fell + 1 && a->gs.narr_end == g->n_log); /* all of it, in one */
    int news = 0;
    for (int i = a->gs.narr; i < a->gs.narr_end; i++) news += g->log[i].type != GEV_BATTLE && g->log[i].type != GEV_PLACE_CAPTURED;
    assert_true(news >= 2);
    assert_int_equal(ui_app_save_png(a, "ui_ningjiang_digest.png"), 0);
    ui_app_free(a);
}

/* A scenario file in the test's folder with one line of script after a minimal setup. */
static const char *scenario_with(const char *line)
{
    static const char *path = "ui_major_check.lua";
    const char *d = getenv("GYR_DATA_DIR");
    char src[1024];
    snprintf(src, sizeof src, "%s/tests/ui/news_capture.lua", d ? d : ".");
    FILE *in = fopen(src, "r"), *out = fopen(path, "w");
    assert_non_null(in);
    assert_non_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fprintf(out, "\n%s\n", line);
    fclose(in);
    fclose(out);
    return path;
}

static void test_message_major_that_is_not_a_boolean_is_refused(void **st)
{
    (void)st;
    char err[1024] = "";
    Session *s = session_new(scenario_with("gyr.message { text = \"x\", major = \"yes\" }"), 1, "", 1, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "major must be true or false"));
    assert_non_null(strstr(err, "ui_major_check.lua:")); /* FILE:LINE */
}

static void test_message_major_true_marks_the_entry_and_leaves_the_hash(void **st)
{
    (void)st;
    char err[1024] = "";
    Session *a = session_new(scenario_with("on(\"turn_start\", function() gyr.message { text = \"x\", major = true } end)"), 1, "",
                             1, err, sizeof err);
    assert_non_null(a);
    int found = 0;
    for (int i = 0; i < a->game->n_log; i++)
        if (!strcmp(a->game->log[i].text, "x")) found = a->game->log[i].major;
    assert_int_equal(found, 1);
    uint64_t h = game_hash(a->game);
    Session *b = session_new(scenario_with("on(\"turn_start\", function() gyr.message { text = \"x\" } end)"), 1, "", 1, err,
                             sizeof err);
    assert_non_null(b);
    assert_int_equal(game_hash(b->game), h); /* presentation only: not in the state hash */
    session_free(a);
    session_free(b);
}

static void test_a_message_for_the_other_side_stays_out_of_the_news(void **st)
{
    (void)st;
    const char *path = scenario_with("on(\"place_captured\", function(ev) gyr.message { text = \"secret\", faction = \"liao\" } end)");
    UiApp *a = start(path, "jin", UI_POPUP_NONE, 1280, 720);
    take_the_fort(a);
    const Game *g = a->session->game;
    int secret = -1;
    for (int i = 0; i < g->n_log; i++)
        if (!strcmp(g->log[i].text, "secret")) secret = i;
    assert_true(secret >= 0);
    assert_false(ui_news_visible(a, &g->log[secret]));
    /* the badge: the capture and the three messages, not the Liao's own */
    assert_int_equal(ui_chronicle_unread(a), 4);
    ui_app_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_panel_figures_match_the_headless_json_outcome),
        cmocka_unit_test(test_a_capture_that_fires_several_events_puts_up_one_digest),
        cmocka_unit_test(test_major_only_pops_up_when_one_item_is_marked_major),
        cmocka_unit_test(test_no_popups_setting_sends_news_to_the_chronicle_unread),
        cmocka_unit_test(test_f5_reloads_the_script_while_a_popup_is_open),
        cmocka_unit_test(test_objectives_panel_fits_the_map_at_100_and_200_percent),
        cmocka_unit_test(test_end_screen_points_agree_with_the_outcome),
        cmocka_unit_test(test_ningjiang_falling_puts_up_one_digest_with_all_its_news),
        cmocka_unit_test(test_message_major_that_is_not_a_boolean_is_refused),
        cmocka_unit_test(test_a_message_for_the_other_side_stays_out_of_the_news),
        cmocka_unit_test(test_message_major_true_marks_the_entry_and_leaves_the_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

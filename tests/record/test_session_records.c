/* test_session_records.c - records through the session: a game started from a scenario file
 * (not by id) can be saved, loaded from another working folder and reloaded with F5; the
 * difficulty travels in the record; a campaign is refused where a scenario is expected; a
 * record without the hash line of a turn that began is refused. Uses the real Lua host. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "session.h"

static char dir[64], scen[128], save[128];

/* A copy of test_skirmish under an id no list knows, in a temporary folder. */
static int setup(void **st)
{
    (void)st;
    snprintf(dir, sizeof dir, "/tmp/gyr-session-rec-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(scen, sizeof scen, "%s/my_path_battle.lua", dir);
    snprintf(save, sizeof save, "%s/game.sav", dir);
    char src[600];
    snprintf(src, sizeof src, "%s/scripts/scenarios/test_skirmish.lua", lscript_data_dir());
    FILE *in = fopen(src, "rb"), *out = fopen(scen, "wb");
    if (!in || !out) return -1;
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        char *p = strstr(line, "id = \"test_skirmish\"");
        if (p) { fwrite(line, 1, (size_t)(p - line), out); fputs("id = \"my_path_battle\"", out); fputs(p + 20, out); }
        else fputs(line, out);
    }
    fclose(in); fclose(out);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    unlink(scen); unlink(save); rmdir(dir);
    return 0;
}

/* Plays two turns of computer play from the scenario file, saves; returns the final hash. */
static uint64_t play_and_save(int difficulty)
{
    char err[1024] = "";
    Session *s = session_new(scen, 5, "all", difficulty, err, sizeof err);
    if (!s) fail_msg("%s", err);
    session_run_ai(s, 2);
    uint64_t h = game_hash(s->game);
    assert_int_equal(session_save(s, save, err, sizeof err), 0);
    session_free(s);
    return h;
}

static void test_a_save_of_a_scenario_started_from_a_file_loads_from_another_folder(void **st)
{
    (void)st;
    uint64_t h = play_and_save(1);
    char cwd[1024];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir("/"), 0);
    char err[1024] = "";
    Session *s = session_load(save, err, sizeof err);
    assert_int_equal(chdir(cwd), 0);
    if (!s) fail_msg("%s", err);
    assert_true(game_hash(s->game) == h);
    assert_int_equal(s->hashes_checked, record_count_hashes(&s->rec));
    session_free(s);
}

static void test_f5_reloads_a_scenario_started_from_a_file_and_keeps_the_difficulty(void **st)
{
    (void)st;
    char err[1024] = "";
    Session *s = session_new(scen, 5, "all", 3, err, sizeof err);
    if (!s) fail_msg("%s", err);
    session_run_ai(s, 2);
    Session *t = session_reload(s, err, sizeof err);
    if (!t) fail_msg("%s", err);
    assert_true(game_hash(t->game) == game_hash(s->game));
    assert_int_equal(t->difficulty, 3);
    session_free(t);
    /* the same after a load: the loaded game knows its file too */
    assert_int_equal(session_save(s, save, err, sizeof err), 0);
    session_free(s);
    Session *l = session_load(save, err, sizeof err);
    if (!l) fail_msg("%s", err);
    Session *r = session_reload(l, err, sizeof err);
    if (!r) fail_msg("%s", err);
    assert_true(game_hash(r->game) == game_hash(l->game));
    session_free(r);
    session_free(l);
}

static void test_loading_a_save_keeps_its_difficulty(void **st)
{
    (void)st;
    play_and_save(2);
    char err[1024] = "";
    Session *s = session_load(save, err, sizeof err);
    if (!s) fail_msg("%s", err);
    assert_int_equal(s->difficulty, 2);
    assert_int_equal(s->rec.difficulty, 2);
    Session *t = session_replay_to(&s->rec, 2, err, sizeof err);
    if (!t) fail_msg("%s", err);
    assert_int_equal(t->difficulty, 2);
    session_free(t);
    session_free(s);
}

static void test_a_campaign_is_refused_where_a_scenario_is_expected(void **st)
{
    (void)st;
    char err[1024] = "", path[700];
    assert_null(session_new("jin_campaign", 1, "all", 1, err, sizeof err));
    assert_non_null(strstr(err, "\"jin_campaign\" is a campaign, not a scenario"));
    snprintf(path, sizeof path, "%s/scripts/campaigns/jin.lua", lscript_data_dir());
    err[0] = 0;
    assert_null(session_new(path, 1, "all", 1, err, sizeof err));
    assert_non_null(strstr(err, "is a campaign, not a scenario"));
}

static void test_difficulty_out_of_range_is_refused(void **st)
{
    (void)st;
    char err[1024] = "";
    assert_null(session_new("test_skirmish", 1, "all", 4, err, sizeof err));
    assert_non_null(strstr(err, "difficulty 4 out of range"));
}

static void test_a_record_without_the_hash_line_of_a_begun_turn_is_refused(void **st)
{
    (void)st;
    play_and_save(1);
    Record r;
    char err[1024] = "";
    assert_int_equal(record_load(&r, save, err, sizeof err), 0);
    int k = -1;     /* the hash line of turn 2 */
    for (int i = 0; i < r.n && k < 0; i++)
        if (r.items[i].is_hash && r.items[i].turn == 2) k = i;
    assert_true(k > 0);
    memmove(&r.items[k], &r.items[k + 1], (size_t)(r.n - k - 1) * sizeof r.items[0]);
    r.n--;
    assert_int_equal(record_save(&r, save, err, sizeof err), 0);
    record_free(&r);
    assert_null(session_load(save, err, sizeof err));
    assert_non_null(strstr(err, "turn 2 began but its hash line is missing"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_save_of_a_scenario_started_from_a_file_loads_from_another_folder),
        cmocka_unit_test(test_f5_reloads_a_scenario_started_from_a_file_and_keeps_the_difficulty),
        cmocka_unit_test(test_loading_a_save_keeps_its_difficulty),
        cmocka_unit_test(test_a_campaign_is_refused_where_a_scenario_is_expected),
        cmocka_unit_test(test_difficulty_out_of_range_is_refused),
        cmocka_unit_test(test_a_record_without_the_hash_line_of_a_begun_turn_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

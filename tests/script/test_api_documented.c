/* test_api_documented.c - docs/api.md keeps step with the bindings: every function in the gyr
 * table, every declaration and every event has its own heading there, and every gyr function
 * the reference describes exists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "sthelp.h"
#include "lscript_int.h"

static char *doc;

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    if (buf) buf[n] = 0;
    fclose(f);
    return buf;
}

/* Whether a line starts with "### " + name followed by a non-identifier character. */
static int has_heading(const char *name)
{
    char want[128];
    snprintf(want, sizeof want, "\n### %s", name);
    for (const char *p = strstr(doc, want); p; p = strstr(p + 1, want)) {
        char next = p[strlen(want)];
        if (!(next == '_' || (next >= 'a' && next <= 'z') || (next >= '0' && next <= '9'))) return 1;
    }
    return 0;
}

static void test_every_gyr_function_is_documented(void **st)
{
    (void)st;
    LScript *s = ls_new(LS_MODE_PLAY, 1);
    assert_non_null(s);
    lua_State *L = s->L;
    lua_getglobal(L, "gyr");
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {           /* order does not matter here: every name is checked */
        if (lua_type(L, -2) == LUA_TSTRING && lua_isfunction(L, -1)) {
            char name[96];
            snprintf(name, sizeof name, "gyr.%s", lua_tostring(L, -2));
            if (!has_heading(name)) fail_msg("%s is not documented in docs/api.md (needs a '### %s' heading)", name, name);
            n++;
        }
        lua_pop(L, 1);
    }
    assert_true(n > 20);
    lscript_free(s);
}

static void test_every_declaration_is_documented(void **st)
{
    (void)st;
    const char *const *names = ls_declarative_names();
    int n = 0;
    for (; names[n]; n++)
        if (!has_heading(names[n])) fail_msg("declaration %s is not documented in docs/api.md", names[n]);
    assert_true(n >= 9);
}

static void test_every_event_is_documented(void **st)
{
    (void)st;
    const char *const *names = ls_event_names();
    int n = 0;
    for (; names[n]; n++) {
        char h[64];
        snprintf(h, sizeof h, "on(\"%s\")", names[n]);
        if (!has_heading(h)) fail_msg("event %s is not documented in docs/api.md", names[n]);
    }
    assert_true(n >= 8);
}

static void test_every_documented_function_exists(void **st)
{
    (void)st;
    LScript *s = ls_new(LS_MODE_PLAY, 1);
    lua_State *L = s->L;
    lua_getglobal(L, "gyr");
    for (const char *p = strstr(doc, "\n### gyr."); p; p = strstr(p + 1, "\n### gyr.")) {
        char name[64];
        int i = 0;
        for (const char *q = p + 9; i < 63 && (*q == '_' || (*q >= 'a' && *q <= 'z')); q++) name[i++] = *q;
        name[i] = 0;
        lua_getfield(L, -1, name);
        if (!lua_isfunction(L, -1)) fail_msg("docs/api.md describes gyr.%s, which does not exist", name);
        lua_pop(L, 1);
    }
    lscript_free(s);
}

int main(void)
{
    st_setup();
    doc = read_all(st_data("docs/api.md"));
    if (!doc) {
        fprintf(stderr, "cannot read %s\n", st_data("docs/api.md"));
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_gyr_function_is_documented),
        cmocka_unit_test(test_every_declaration_is_documented),
        cmocka_unit_test(test_every_event_is_documented),
        cmocka_unit_test(test_every_documented_function_exists),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(doc);
    return rc;
}

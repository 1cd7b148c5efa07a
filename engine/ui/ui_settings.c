/* ui_settings.c - the preferences file (key = value lines) and the XDG user folders.
 * Loading never fails hard: a missing or broken file leaves the defaults in place. */
#include "ui_settings.h"
#include "safefile.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Sets every field to its default. */
void ui_settings_defaults(UiSettings *s)
{
    memset(s, 0, sizeof *s);
    s->ui_scale_pct = 100;
    s->anim_speed = UI_ANIM_NORMAL;
    s->hanzi = 0;
    s->watch_ai = 1;
    s->fullscreen = 0;
    s->difficulty = 1;
    s->show_grid = 1;
    s->popups = UI_POPUP_MAJOR;
    s->objectives_open = 1;
}

/* Writes "$VAR/sub" or "$HOME/fallback/sub" into buf. Does not create anything. */
static void xdg_path(char *buf, size_t cap, const char *var, const char *fallback, const char *sub)
{
    const char *base = getenv(var);
    if (base && base[0]) {
        snprintf(buf, cap, "%s/%s", base, sub);
        return;
    }
    const char *home = getenv("HOME");
    snprintf(buf, cap, "%s/%s/%s", home && home[0] ? home : ".", fallback, sub);
}

/* mkdir -p of path; existing folders are fine. */
int ui_mkdirs(const char *path)
{
    char tmp[1024];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof tmp) return -1;
    memcpy(tmp, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (tmp[i] == '/' || tmp[i] == '\0') {
            char c = tmp[i];
            tmp[i] = '\0';
            if (mkdir(tmp, 0755) != 0 && errno != EEXIST) return -1;
            tmp[i] = c;
        }
    }
    return 0;
}

void ui_settings_path(char *buf, size_t cap)
{
    xdg_path(buf, cap, "XDG_CONFIG_HOME", ".config", "gyrfalcon/settings.ini");
}

void ui_saves_dir(char *buf, size_t cap)
{
    xdg_path(buf, cap, "XDG_DATA_HOME", ".local/share", "gyrfalcon/saves");
    ui_mkdirs(buf);
}

void ui_pictures_dir(char *buf, size_t cap)
{
    struct stat st;
    const char *pic = getenv("XDG_PICTURES_DIR");
    if (pic && pic[0] && stat(pic, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(buf, cap, "%s", pic);
        return;
    }
    const char *home = getenv("HOME");
    if (home && home[0]) {
        snprintf(buf, cap, "%s/Pictures", home);
        if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode)) return;
    }
    xdg_path(buf, cap, "XDG_DATA_HOME", ".local/share", "gyrfalcon/screenshots");
    ui_mkdirs(buf);
}

/* Parses an integer in [lo, hi]; 0 on success. */
static int parse_int(const char *v, int lo, int hi, int *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || *end != '\0' || x < lo || x > hi) return -1;
    *out = (int)x;
    return 0;
}

/* Strips leading and trailing blanks in place; returns the start. */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

int ui_settings_load(UiSettings *s, const char *path)
{
    char def[1024];
    if (!path) {
        ui_settings_path(def, sizeof def);
        path = def;
    }
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[256];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        char *t = trim(line);
        if (!t[0] || t[0] == '#' || t[0] == ';' || t[0] == '[') continue;
        char *eq = strchr(t, '=');
        if (!eq) {
            fprintf(stderr, "UI: %s:%d: expected key = value\n", path, ln);
            continue;
        }
        *eq = '\0';
        char *k = trim(t), *v = trim(eq + 1);
        int bad = 0;
        if (!strcmp(k, "ui_scale")) bad = parse_int(v, 75, 200, &s->ui_scale_pct);
        else if (!strcmp(k, "anim_speed")) bad = parse_int(v, 0, UI_ANIM_COUNT - 1, &s->anim_speed);
        else if (!strcmp(k, "hanzi")) bad = parse_int(v, 0, 1, &s->hanzi);
        else if (!strcmp(k, "watch_ai")) bad = parse_int(v, 0, 1, &s->watch_ai);
        else if (!strcmp(k, "fullscreen")) bad = parse_int(v, 0, 1, &s->fullscreen);
        else if (!strcmp(k, "difficulty")) bad = parse_int(v, 0, 3, &s->difficulty);
        else if (!strcmp(k, "show_grid")) bad = parse_int(v, 0, 1, &s->show_grid);
        else if (!strcmp(k, "popups")) bad = parse_int(v, 0, UI_POPUP_COUNT - 1, &s->popups);
        else if (!strcmp(k, "objectives")) bad = parse_int(v, 0, 1, &s->objectives_open);
        else fprintf(stderr, "UI: %s:%d: unknown setting '%s'\n", path, ln, k);
        if (bad) fprintf(stderr, "UI: %s:%d: bad value '%s' for %s\n", path, ln, v, k);
    }
    fclose(f);
    return 0;
}

int ui_settings_save(const UiSettings *s, const char *path, char *err, size_t errlen)
{
    char def[1024], dir[1024];
    if (!path) {
        ui_settings_path(def, sizeof def);
        path = def;
    }
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        ui_mkdirs(dir);
    }
    SafeFile sf;
    if (safefile_open(&sf, path, err, errlen)) return -1;
    FILE *f = sf.f;
    fprintf(f, "# Gyrfalcon settings\n");
    fprintf(f, "ui_scale = %d\n", s->ui_scale_pct);
    fprintf(f, "anim_speed = %d\n", s->anim_speed);
    fprintf(f, "hanzi = %d\n", s->hanzi);
    fprintf(f, "watch_ai = %d\n", s->watch_ai);
    fprintf(f, "fullscreen = %d\n", s->fullscreen);
    fprintf(f, "difficulty = %d\n", s->difficulty);
    fprintf(f, "show_grid = %d\n", s->show_grid);
    fprintf(f, "popups = %d\n", s->popups);
    fprintf(f, "objectives = %d\n", s->objectives_open);
    if (safefile_commit(&sf, err, errlen)) return -1;
    return 0;
}

/* mapcmd.c - the command-line map modes: --build-map (geography source -> maps/theatre.map,
 * written atomically), --where LAT LON and --hex Q R (one JSON object each), and the file
 * loaders the rest of the app uses to get the theatre map. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mapcmd.h"
#include "mapbuild.h"
#include "mapio.h"
#include "proj.h"
#include "json.h"
#include "lscript.h"
#include "safefile.h"

/* Reads a whole file into a malloc'd buffer (NUL-terminated); NULL with a reason in err. */
static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return NULL; }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) { free(buf); snprintf(err, errlen, "%s: cannot read", path); return NULL; }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* qsort order of file names: strcmp, so the order is the same on every machine. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Builds the map from every maps/NAME.geo under data_dir, in name order. */
Map *mapcmd_build_from_dir(const char *data_dir, char *err, size_t errlen)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/maps", data_dir ? data_dir : ".");
    DIR *d = opendir(dir);
    if (!d) { snprintf(err, errlen, "%s: cannot open the map source directory", dir); return NULL; }
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".geo") == 0 && e->d_name[0] != '.' && n < 256)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    MapSource src[256];
    char *bufs[256];
    int ok = 1;
    for (int i = 0; i < n; i++) {
        bufs[i] = NULL;
        if (!names[i]) { ok = 0; snprintf(err, errlen, "out of memory"); continue; }
        if (!ok) continue;
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        bufs[i] = read_file(path, &src[i].len, err, errlen);
        if (!bufs[i]) { ok = 0; continue; }
        src[i].name = names[i];
        src[i].text = bufs[i];
    }
    Map *m = NULL;
    if (ok && n == 0) snprintf(err, errlen, "%s: no .geo files", dir);
    else if (ok) m = mapbuild_from_sources(src, n, err, errlen);
    for (int i = 0; i < n; i++) { free(bufs[i]); free(names[i]); }
    return m;
}

/* Loads data_dir/maps/theatre.map. */
Map *mapcmd_load(const char *data_dir, char *err, size_t errlen)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", data_dir ? data_dir : ".", MAPCMD_MAP_FILE);
    size_t len;
    char *buf = read_file(path, &len, err, errlen);
    if (!buf) return NULL;
    Map *m = mapio_parse(buf, len, path, err, errlen);
    free(buf);
    return m;
}

/* --build-map: builds and writes the map file through a temporary file and a rename. */
int mapcmd_build_in(const char *data_dir, char *err, size_t errlen)
{
    Map *m = mapcmd_build_from_dir(data_dir, err, errlen);
    if (!m) return 1;
    size_t len;
    char *text = mapio_write(m, &len);
    if (!text) { map_free(m); snprintf(err, errlen, "out of memory"); return 1; }
    char path[1100], werr[1200];
    snprintf(path, sizeof path, "%s/%s", data_dir ? data_dir : ".", MAPCMD_MAP_FILE);
    int ok = safefile_write(path, text, len, werr, sizeof werr) == 0;
    if (!ok) {
        snprintf(err, errlen, "%s", werr);
    } else {
        printf("{\"ok\":true,\"file\":");
        json_str(stdout, path);
        printf(",\"w\":%d,\"h\":%d,\"hexes\":%d,\"places\":%d,\"rivers\":%d}\n",
               m->w, m->h, m->w * m->h, m->n_places, m->n_rivers - 1);
    }
    free(text);
    map_free(m);
    return ok ? 0 : 1;
}

/* Prints the place at h as a JSON object, or null. */
static void print_place(const Map *m, Hex h)
{
    int pi = map_place_at(m, h);
    if (pi < 0) { printf("null"); return; }
    const MapPlace *p = &m->places[pi];
    printf("{\"id\":");
    json_str(stdout, p->id);
    printf(",\"name\":");
    json_str(stdout, p->name);
    printf(",\"hanzi\":");
    json_str(stdout, p->hanzi);
    printf(",\"kind\":");
    json_str(stdout, place_kind_id(p->kind));
    printf(",\"owner1114\":");
    json_str(stdout, p->owner1114);
    printf(",\"lat\":%.6f,\"lon\":%.6f,\"note\":", p->lat_e6 / 1e6, p->lon_e6 / 1e6);
    json_str(stdout, p->note);
    printf("}");
}

static const char *const DIR_NAMES[HEX_DIRS] = { "E", "NE", "NW", "W", "SW", "SE" };

/* --where LAT LON */
int mapcmd_where_in(const char *data_dir, double lat, double lon, char *err, size_t errlen)
{
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        snprintf(err, errlen, "--where: latitude must be -90..90 and longitude -180..180");
        return 1;
    }
    Map *m = mapcmd_load(data_dir, err, errlen);
    if (!m) return 1;
    if (!m->geographic) { snprintf(err, errlen, "--where: the map has no projection"); map_free(m); return 1; }
    Hex h = proj_latlon_to_hex(m, lat, lon);
    if (!map_in_bounds(m, h)) {
        snprintf(err, errlen, "--where: %.4f %.4f is off the map", lat, lon);
        map_free(m);
        return 1;
    }
    int col, row;
    hex_to_offset(h, &col, &row);
    double clat, clon;
    proj_hex_to_latlon(m, h, &clat, &clon);
    printf("{\"q\":%d,\"r\":%d,\"col\":%d,\"row\":%d,\"lat\":%.6f,\"lon\":%.6f,\"hex_lat\":%.4f,\"hex_lon\":%.4f,\"terrain\":",
           h.q, h.r, col, row, lat, lon, clat, clon);
    json_str(stdout, terrain_id(map_terrain(m, h)));
    printf(",\"place\":");
    print_place(m, h);
    printf(",\"on_map\":true}\n");
    map_free(m);
    return 0;
}

/* --hex Q R (axial) */
int mapcmd_hex_in(const char *data_dir, int q, int r, char *err, size_t errlen)
{
    Map *m = mapcmd_load(data_dir, err, errlen);
    if (!m) return 1;
    Hex h = hex_make(q, r);
    if (!map_in_bounds(m, h)) {
        snprintf(err, errlen, "--hex: %d %d is off the map (columns 0..%d, rows 0..%d in odd-r offset)",
                 q, r, m->w - 1, m->h - 1);
        map_free(m);
        return 1;
    }
    int col, row;
    hex_to_offset(h, &col, &row);
    printf("{\"q\":%d,\"r\":%d,\"col\":%d,\"row\":%d", q, r, col, row);
    if (m->geographic) {
        double lat, lon;
        proj_hex_to_latlon(m, h, &lat, &lon);
        printf(",\"lat\":%.4f,\"lon\":%.4f", lat, lon);
    } else {
        printf(",\"lat\":null,\"lon\":null");
    }
    printf(",\"terrain\":");
    json_str(stdout, terrain_id(map_terrain(m, h)));
    printf(",\"rivers\":[");
    int first = 1;
    for (int d = 0; d < HEX_DIRS; d++) {
        MapSide s = map_side(m, h, d);
        if (!(s.flags & SIDE_RIVER)) continue;
        printf("%s{\"side\":\"%s\",\"river\":", first ? "" : ",", DIR_NAMES[d]);
        json_str(stdout, s.river < m->n_rivers ? m->rivers[s.river] : "");
        /* every river of this theatre freezes in winter (history.md, seasons) */
        printf(",\"major\":%s,\"frozen_in_winter\":true,\"ford\":%s,\"bridge\":%s}",
               (s.flags & SIDE_RIVER_MAJOR) ? "true" : "false", (s.flags & SIDE_FORD) ? "true" : "false",
               (s.flags & SIDE_BRIDGE) ? "true" : "false");
        first = 0;
    }
    printf("],\"roads\":[");
    first = 1;
    for (int d = 0; d < HEX_DIRS; d++)
        if (map_side(m, h, d).flags & SIDE_ROAD) { printf("%s\"%s\"", first ? "" : ",", DIR_NAMES[d]); first = 0; }
    printf("],\"coasts\":[");
    first = 1;
    for (int d = 0; d < HEX_DIRS; d++)
        if (map_side(m, h, d).flags & SIDE_COAST) { printf("%s\"%s\"", first ? "" : ",", DIR_NAMES[d]); first = 0; }
    printf("],\"place\":");
    print_place(m, h);
    printf("}\n");
    map_free(m);
    return 0;
}

/* Prints "gyrfalcon: reason" on stderr when rc is non-zero; returns rc. */
static int report(int rc, const char *err)
{
    if (rc) fprintf(stderr, "gyrfalcon: %s\n", err[0] ? err : "map command failed");
    return rc;
}

/* --build-map with the data directory of the scripts. */
int mapcmd_build_cmd(void)
{
    char err[512] = "";
    return report(mapcmd_build_in(lscript_data_dir(), err, sizeof err), err);
}

/* --where LAT LON with the data directory of the scripts. */
int mapcmd_where(double lat, double lon)
{
    char err[512] = "";
    return report(mapcmd_where_in(lscript_data_dir(), lat, lon, err, sizeof err), err);
}

/* --hex Q R with the data directory of the scripts. */
int mapcmd_hex(int q, int r)
{
    char err[512] = "";
    return report(mapcmd_hex_in(lscript_data_dir(), q, r, err, sizeof err), err);
}

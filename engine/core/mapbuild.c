/* mapbuild.c - the map builder: parses the geography source (maps/NAME.geo) and lays it on the
 * hex grid: terrain by layers (cover, relief, gaps, sea, lakes), places, rivers traced as
 * continuous hexside chains, fords, bridges, roads and derived coasts. Coordinates are read as
 * integer micro-degrees and projected to whole metres, so the output is the same everywhere. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "mapbuild.h"
#include "proj.h"

/* ------------------------------------------------------------------ the parsed source */

enum { ST_SEA, ST_LAKE, ST_AREA, ST_RANGE, ST_GAP, ST_RIVER, ST_BORDER };
enum { INTO_NONE, INTO_SEA, INTO_RIVER };

typedef struct Shape {
    int kind;                 /* ST_* */
    int terrain;              /* ST_AREA / ST_RANGE */
    char id[MAP_ID_LEN];      /* rivers */
    char name[MAP_NAME_LEN];
    int major, into;
    char into_id[MAP_ID_LEN];
    int64_t width_m;
    int layer;                /* painting layer for area/range: default by terrain, or layer= */
    int n, cap;
    int64_t *xy;              /* 2n projected metres */
    int32_t *ll;              /* 2n micro-degrees lat, lon (as written) */
    char note[96];            /* borders */
    const char *file;
    int line;
} Shape;

typedef struct Crossing {
    char river[MAP_ID_LEN];
    int bridge;
    int64_t x, y;
    const char *file;
    int line;
} Crossing;

#define ROAD_MAX_VIA 24
typedef struct Road {
    char name[MAP_NAME_LEN];
    int n;
    char via[ROAD_MAX_VIA][MAP_ID_LEN];
    const char *file;
    int line;
} Road;

typedef struct PlaceSrc {
    MapPlace p;
    const char *file;
    int line;
} PlaceSrc;

typedef struct Geo {
    int have_extent;
    int32_t lat0, lat1, lon0, lon1, hex_m;
    Shape *shapes;
    int n_shapes, cap_shapes;
    Crossing *cross;
    int n_cross, cap_cross;
    Road *roads;
    int n_roads, cap_roads;
    PlaceSrc *places;
    int n_places, cap_places;
    char *err;
    size_t errlen;
} Geo;

/* Writes "FILE:LINE: message" into the error buffer; returns 0 for "failed". */
static int fail(Geo *g, const char *file, int line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (g->err && g->errlen) snprintf(g->err, g->errlen, "%s:%d: %s", file, line, msg);
    return 0;
}

/* Grows a dynamic array so that it can hold one more element; 0 on no memory. */
static int grow(void **arr, int *cap, int n, size_t elem)
{
    if (n < *cap) return 1;
    int nc = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, (size_t)nc * elem);
    if (!p) return 0;
    memset((char *)p + (size_t)*cap * elem, 0, (size_t)(nc - *cap) * elem);
    *arr = p;
    *cap = nc;
    return 1;
}

/* Frees what the parser allocated (not g itself). */
static void geo_free(Geo *g)
{
    for (int i = 0; i < g->n_shapes; i++) { free(g->shapes[i].xy); free(g->shapes[i].ll); }
    free(g->shapes);
    free(g->cross);
    free(g->roads);
    free(g->places);
}

/* ------------------------------------------------------------------ tokens */

#define MAX_TOK 48
#define TOK_LEN 160
typedef struct Tok {
    char key[TOK_LEN];   /* "" unless key=value */
    char val[TOK_LEN];
    int quoted;
} Tok;

/* Splits one line into tokens: words, "quoted strings" (\" and \\ escapes), key=value and
 * key="quoted value"; '#' outside quotes starts a comment. Returns the count or -1 with a
 * message in why. */
static int tokenize(const char *s, const char *end, Tok *t, int cap, const char **why)
{
    int n = 0;
    while (s < end) {
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
        if (s >= end || *s == '#') break;
        if (n >= cap) { *why = "too many words on the line"; return -1; }
        Tok *k = &t[n];
        k->key[0] = k->val[0] = '\0';
        k->quoted = 0;
        char *dst = k->val;
        size_t len = 0;
        for (;;) {
            if (s >= end || *s == ' ' || *s == '\t' || *s == '\r' || *s == '#') break;
            if (*s == '=' && !k->quoted && dst == k->val && k->key[0] == '\0') {
                if (len == 0) { *why = "'=' without a key"; return -1; }
                memcpy(k->key, k->val, len + 1);
                len = 0;
                k->val[0] = '\0';
                s++;
                continue;
            }
            if (*s == '"') {
                if (len != 0) { *why = "a quote inside a word"; return -1; }
                s++;
                while (s < end && *s != '"') {
                    char c = *s;
                    if (c == '\\' && s + 1 < end) { s++; c = *s; }
                    if (c == '\n' || (unsigned char)c < 0x20) { *why = "control character in a string"; return -1; }
                    if (len + 1 >= TOK_LEN) { *why = "string too long"; return -1; }
                    dst[len++] = c;
                    s++;
                }
                if (s >= end) { *why = "unterminated string"; return -1; }
                s++;
                dst[len] = '\0';
                k->quoted = 1;
                if (s < end && *s != ' ' && *s != '\t' && *s != '\r' && *s != '#') {
                    *why = "text right after a closing quote"; return -1;
                }
                break;
            }
            if (len + 1 >= TOK_LEN) { *why = "word too long"; return -1; }
            dst[len++] = *s++;
            dst[len] = '\0';
        }
        if (k->key[0] && !k->quoted && k->val[0] == '\0') { *why = "key= without a value"; return -1; }
        n++;
    }
    return n;
}

/* Parses a decimal number with at most 6 fraction digits into millionths; 0 when malformed. */
static int parse_e6(const char *s, int64_t *out)
{
    int neg = 0;
    if (*s == '-' || *s == '+') { neg = (*s == '-'); s++; }
    if (!(*s >= '0' && *s <= '9')) return 0;
    int64_t ip = 0, fp = 0;
    int digits = 0;
    while (*s >= '0' && *s <= '9') {
        ip = ip * 10 + (*s - '0');
        if (++digits > 9) return 0;
        s++;
    }
    int fd = 0;
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9') {
            if (fd >= 6) return 0;
            fp = fp * 10 + (*s - '0');
            fd++;
            s++;
        }
    }
    if (*s) return 0;
    while (fd < 6) { fp *= 10; fd++; }
    int64_t v = ip * 1000000 + fp;
    *out = neg ? -v : v;
    return 1;
}

/* Parses a whole number; 0 when malformed or out of range. */
static int parse_int(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    int64_t v;
    if (!parse_e6(s, &v) || v % 1000000 != 0) return 0;
    v /= 1000000;
    if (v < lo || v > hi) return 0;
    *out = v;
    return 1;
}

/* An ascii id: lowercase letters, digits and '_', starting with a letter. */
static int valid_id(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z')) return 0;
    size_t n = 0;
    for (; *s; s++, n++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
    return n < MAP_ID_LEN;
}

/* Copies src into dst of cap bytes; 0 (and nothing copied) when it does not fit. */
static int copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) return 0;
    memcpy(dst, src, n + 1);
    return 1;
}

/* Checks and projects a lat/lon pair given as text. */
static int latlon(Geo *g, const char *file, int line, const char *slat, const char *slon,
                  int32_t *lat_e6, int32_t *lon_e6)
{
    int64_t la, lo;
    if (!parse_e6(slat, &la) || !parse_e6(slon, &lo))
        return fail(g, file, line, "bad coordinate '%s %s' (decimal degrees, at most 6 decimals)", slat, slon);
    if (la < -80000000 || la > 85000000 || lo < 0 || lo > 180000000)
        return fail(g, file, line, "coordinate %s %s out of range", slat, slon);
    *lat_e6 = (int32_t)la;
    *lon_e6 = (int32_t)lo;
    return 1;
}

/* ------------------------------------------------------------------ statements */

static int layer_of(int t);

/* Projects a checked lat/lon and appends it to the shape; 0 on no memory. */
static int add_vertex(Geo *g, Shape *sh, int32_t lat, int32_t lon, const char *file, int line)
{
    if (sh->n >= sh->cap) {
        int nc = sh->cap ? sh->cap * 2 : 32;
        int64_t *p = realloc(sh->xy, (size_t)nc * 2 * sizeof *p);
        if (!p) return fail(g, file, line, "out of memory");
        sh->xy = p;
        int32_t *q = realloc(sh->ll, (size_t)nc * 2 * sizeof *q);
        if (!q) return fail(g, file, line, "out of memory");
        sh->ll = q;
        sh->cap = nc;
    }
    sh->ll[2 * sh->n] = lat;
    sh->ll[2 * sh->n + 1] = lon;
    proj_forward_e6(lat, lon, &sh->xy[2 * sh->n], &sh->xy[2 * sh->n + 1]);
    sh->n++;
    return 1;
}

/* Reads the key=value options a statement allows: width_km, into. */
static int shape_opts(Geo *g, Shape *sh, Tok *t, int n, int first, const char *file, int line)
{
    for (int i = first; i < n; i++) {
        if (!t[i].key[0]) return fail(g, file, line, "unexpected '%s'", t[i].val);
        if (strcmp(t[i].key, "layer") == 0 && (sh->kind == ST_RANGE || sh->kind == ST_AREA)) {
            int64_t v;
            if (!parse_int(t[i].val, 0, 9, &v)) return fail(g, file, line, "layer must be 0..9");
            sh->layer = (int)v;
        } else if (strcmp(t[i].key, "width_km") == 0 && (sh->kind == ST_RANGE || sh->kind == ST_GAP)) {
            int64_t v;
            if (!parse_int(t[i].val, 1, 400, &v)) return fail(g, file, line, "width_km must be 1..400");
            sh->width_m = v * 1000;
        } else if (strcmp(t[i].key, "note") == 0 && sh->kind == ST_BORDER) {
            if (!copy_str(sh->note, sizeof sh->note, t[i].val)) return fail(g, file, line, "note too long");
        } else if (strcmp(t[i].key, "into") == 0 && sh->kind == ST_RIVER) {
            if (strcmp(t[i].val, "sea") == 0) sh->into = INTO_SEA;
            else if (strcmp(t[i].val, "edge") == 0) sh->into = INTO_NONE;
            else if (valid_id(t[i].val)) { sh->into = INTO_RIVER; copy_str(sh->into_id, MAP_ID_LEN, t[i].val); }
            else return fail(g, file, line, "into= wants sea, edge or a river id");
        } else {
            return fail(g, file, line, "unknown option '%s'", t[i].key);
        }
    }
    return 1;
}

/* Parses one statement line that opens a shape (sea, lake, area, range, gap, river). */
static int open_shape(Geo *g, Tok *t, int n, const char *file, int line, Shape **out)
{
    if (!grow((void **)&g->shapes, &g->cap_shapes, g->n_shapes, sizeof *g->shapes))
        return fail(g, file, line, "out of memory");
    Shape *sh = &g->shapes[g->n_shapes];
    memset(sh, 0, sizeof *sh);
    sh->file = file;
    sh->line = line;
    const char *w = t[0].val;
    int i = 1;
    if (strcmp(w, "sea") == 0) sh->kind = ST_SEA;
    else if (strcmp(w, "lake") == 0) sh->kind = ST_LAKE;
    else if (strcmp(w, "gap") == 0) { sh->kind = ST_GAP; sh->width_m = 20000; }
    else if (strcmp(w, "area") == 0 || strcmp(w, "range") == 0) {
        sh->kind = w[0] == 'a' ? ST_AREA : ST_RANGE;
        if (n < 2 || t[1].quoted || t[1].key[0]) return fail(g, file, line, "%s wants a terrain kind", w);
        sh->terrain = terrain_from_id(t[1].val);
        if (sh->terrain < 0 || sh->terrain == TER_SEA || sh->terrain == TER_LAKE)
            return fail(g, file, line, "'%s' is not a land terrain kind", t[1].val);
        i = 2;
        if (sh->kind == ST_RANGE) sh->width_m = 40000;
        sh->layer = layer_of(sh->terrain);
    } else if (strcmp(w, "border") == 0) {
        sh->kind = ST_BORDER;
        if (n < 3 || !valid_id(t[1].val) || t[1].quoted) return fail(g, file, line, "border wants an id (lowercase ascii)");
        copy_str(sh->id, MAP_ID_LEN, t[1].val);
        i = 2;
        for (int k = 0; k < g->n_shapes; k++)
            if (g->shapes[k].kind == ST_BORDER && strcmp(g->shapes[k].id, sh->id) == 0)
                return fail(g, file, line, "border '%s' defined twice", sh->id);
    } else if (strcmp(w, "river") == 0) {
        sh->kind = ST_RIVER;
        if (n < 3 || !valid_id(t[1].val) || t[1].quoted) return fail(g, file, line, "river wants an id (lowercase ascii)");
        copy_str(sh->id, MAP_ID_LEN, t[1].val);
        if (strcmp(t[2].val, "major") == 0) sh->major = 1;
        else if (strcmp(t[2].val, "minor") == 0) sh->major = 0;
        else return fail(g, file, line, "river wants major or minor after its id");
        i = 3;
        for (int k = 0; k < g->n_shapes; k++)
            if (g->shapes[k].kind == ST_RIVER && strcmp(g->shapes[k].id, sh->id) == 0)
                return fail(g, file, line, "river '%s' defined twice (first at %s:%d)", sh->id,
                            g->shapes[k].file, g->shapes[k].line);
    }
    if (i >= n || !t[i].quoted || t[i].key[0]) return fail(g, file, line, "%s wants a \"name\"", w);
    if (!copy_str(sh->name, MAP_NAME_LEN, t[i].val)) return fail(g, file, line, "name too long");
    if (!shape_opts(g, sh, t, n, i + 1, file, line)) return 0;
    g->n_shapes++;
    *out = sh;
    return 1;
}

/* place ID KIND "Name" "Hanzi" LAT LON owner=F [note="..."] */
static int parse_place(Geo *g, Tok *t, int n, const char *file, int line)
{
    if (n < 7) return fail(g, file, line, "place wants: ID KIND \"Name\" \"Hanzi\" LAT LON owner=FACTION");
    if (!valid_id(t[1].val) || t[1].quoted) return fail(g, file, line, "bad place id '%s' (lowercase ascii)", t[1].val);
    for (int k = 0; k < g->n_places; k++)
        if (strcmp(g->places[k].p.id, t[1].val) == 0)
            return fail(g, file, line, "place '%s' defined twice (first at %s:%d)", t[1].val,
                        g->places[k].file, g->places[k].line);
    int kind = place_kind_from_id(t[2].val);
    if (kind < 0) return fail(g, file, line, "unknown place kind '%s'", t[2].val);
    if (!t[3].quoted || !t[4].quoted) return fail(g, file, line, "place wants \"Name\" \"Hanzi\"");
    if (!grow((void **)&g->places, &g->cap_places, g->n_places, sizeof *g->places))
        return fail(g, file, line, "out of memory");
    PlaceSrc *ps = &g->places[g->n_places];
    memset(ps, 0, sizeof *ps);
    ps->file = file;
    ps->line = line;
    MapPlace *p = &ps->p;
    copy_str(p->id, MAP_ID_LEN, t[1].val);
    p->kind = (PlaceKind)kind;
    if (!copy_str(p->name, MAP_NAME_LEN, t[3].val)) return fail(g, file, line, "name too long");
    if (!copy_str(p->hanzi, MAP_NAME_LEN, t[4].val)) return fail(g, file, line, "hanzi too long");
    if (!latlon(g, file, line, t[5].val, t[6].val, &p->lat_e6, &p->lon_e6)) return 0;
    for (int i = 7; i < n; i++) {
        if (strcmp(t[i].key, "owner") == 0) {
            if (!valid_id(t[i].val)) return fail(g, file, line, "bad owner '%s'", t[i].val);
            copy_str(p->owner1114, MAP_ID_LEN, t[i].val);
        } else if (strcmp(t[i].key, "note") == 0) {
            if (!copy_str(p->note, sizeof p->note, t[i].val)) return fail(g, file, line, "note longer than %d bytes", (int)sizeof p->note - 1);
        } else {
            return fail(g, file, line, "unexpected '%s%s%s'", t[i].key, t[i].key[0] ? "=" : "", t[i].val);
        }
    }
    if (!p->owner1114[0]) return fail(g, file, line, "place '%s' wants owner=FACTION", p->id);
    g->n_places++;
    return 1;
}

/* ford|bridge RIVER LAT LON "Name" */
static int parse_crossing(Geo *g, Tok *t, int n, const char *file, int line)
{
    if (n != 5 || !valid_id(t[1].val) || !t[4].quoted)
        return fail(g, file, line, "%s wants: RIVER LAT LON \"Name\"", t[0].val);
    if (!grow((void **)&g->cross, &g->cap_cross, g->n_cross, sizeof *g->cross))
        return fail(g, file, line, "out of memory");
    Crossing *c = &g->cross[g->n_cross];
    memset(c, 0, sizeof *c);
    int32_t la, lo;
    if (!latlon(g, file, line, t[2].val, t[3].val, &la, &lo)) return 0;
    proj_forward_e6(la, lo, &c->x, &c->y);
    copy_str(c->river, MAP_ID_LEN, t[1].val);
    c->bridge = t[0].val[0] == 'b';
    c->file = file;
    c->line = line;
    g->n_cross++;
    return 1;
}

/* road "Name" PLACE PLACE ... */
static int parse_road(Geo *g, Tok *t, int n, const char *file, int line)
{
    if (n < 4 || !t[1].quoted) return fail(g, file, line, "road wants: \"Name\" PLACE PLACE ...");
    if (n - 2 > ROAD_MAX_VIA) return fail(g, file, line, "road has more than %d places", ROAD_MAX_VIA);
    if (!grow((void **)&g->roads, &g->cap_roads, g->n_roads, sizeof *g->roads))
        return fail(g, file, line, "out of memory");
    Road *r = &g->roads[g->n_roads];
    memset(r, 0, sizeof *r);
    if (!copy_str(r->name, MAP_NAME_LEN, t[1].val)) return fail(g, file, line, "name too long");
    for (int i = 2; i < n; i++) {
        if (!valid_id(t[i].val) || t[i].quoted || t[i].key[0]) return fail(g, file, line, "bad place id '%s'", t[i].val);
        copy_str(r->via[r->n++], MAP_ID_LEN, t[i].val);
    }
    r->file = file;
    r->line = line;
    g->n_roads++;
    return 1;
}

/* extent LATMIN LATMAX LONMIN LONMAX hex_m=N */
static int parse_extent(Geo *g, Tok *t, int n, const char *file, int line)
{
    if (g->have_extent) return fail(g, file, line, "extent given twice");
    if (n != 6 || strcmp(t[5].key, "hex_m") != 0) return fail(g, file, line, "extent wants: LATMIN LATMAX LONMIN LONMAX hex_m=N");
    if (!latlon(g, file, line, t[1].val, t[3].val, &g->lat0, &g->lon0)) return 0;
    if (!latlon(g, file, line, t[2].val, t[4].val, &g->lat1, &g->lon1)) return 0;
    if (g->lat1 <= g->lat0 || g->lon1 <= g->lon0) return fail(g, file, line, "extent is empty");
    int64_t hm;
    if (!parse_int(t[5].val, 2000, 200000, &hm) || hm % 2) return fail(g, file, line, "hex_m must be even, 2000..200000");
    g->hex_m = (int32_t)hm;
    g->have_extent = 1;
    return 1;
}

/* Parses one source text into g. */
static int parse_source(Geo *g, const MapSource *src)
{
    const char *p = src->text, *end = src->text + src->len;
    int line = 0;
    Shape *open = NULL;  /* shape taking vertex lines */
    int open_idx = -1;
    Tok t[MAX_TOK];
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e) e = end;
        line++;
        for (const char *c = p; c < e; c++)
            if (*c == '\0') return fail(g, src->name, line, "NUL byte in the source");
        const char *why = NULL;
        int n = tokenize(p, e, t, MAX_TOK, &why);
        p = e < end ? e + 1 : end;
        if (n < 0) return fail(g, src->name, line, "%s", why);
        if (n == 0) continue;
        const char *w = t[0].val;
        int numeric = !t[0].quoted && !t[0].key[0] && ((w[0] >= '0' && w[0] <= '9') || w[0] == '-');
        if (numeric) {
            if (open_idx < 0) return fail(g, src->name, line, "coordinates outside a shape");
            open = &g->shapes[open_idx];
            if (n % 2) return fail(g, src->name, line, "coordinates come in lat lon pairs");
            for (int i = 0; i < n; i += 2) {
                int32_t la, lo;
                if (!latlon(g, src->name, line, t[i].val, t[i + 1].val, &la, &lo)) return 0;
                if (!add_vertex(g, open, la, lo, src->name, line)) return 0;
            }
            continue;
        }
        /* A new statement closes the open shape. */
        if (open_idx >= 0) {
            Shape *s = &g->shapes[open_idx];
            int need = (s->kind == ST_SEA || s->kind == ST_LAKE || s->kind == ST_AREA) ? 3 : 2;
            if (s->n < need) return fail(g, s->file, s->line, "'%s' needs at least %d points", s->name, need);
            open_idx = -1;
        }
        if (t[0].quoted || t[0].key[0]) return fail(g, src->name, line, "a line starts with a keyword");
        if (!strcmp(w, "sea") || !strcmp(w, "lake") || !strcmp(w, "area") || !strcmp(w, "range") ||
            !strcmp(w, "gap") || !strcmp(w, "river") || !strcmp(w, "border")) {
            if (!open_shape(g, t, n, src->name, line, &open)) return 0;
            open_idx = g->n_shapes - 1;
        } else if (!strcmp(w, "place")) {
            if (!parse_place(g, t, n, src->name, line)) return 0;
        } else if (!strcmp(w, "ford") || !strcmp(w, "bridge")) {
            if (!parse_crossing(g, t, n, src->name, line)) return 0;
        } else if (!strcmp(w, "road")) {
            if (!parse_road(g, t, n, src->name, line)) return 0;
        } else if (!strcmp(w, "extent")) {
            if (!parse_extent(g, t, n, src->name, line)) return 0;
        } else {
            return fail(g, src->name, line, "unknown statement '%s'", w);
        }
    }
    if (open_idx >= 0) {
        Shape *s = &g->shapes[open_idx];
        int need = (s->kind == ST_SEA || s->kind == ST_LAKE || s->kind == ST_AREA) ? 3 : 2;
        if (s->n < need) return fail(g, s->file, s->line, "'%s' needs at least %d points", s->name, need);
    }
    return 1;
}

/* ------------------------------------------------------------------ geometry in whole metres */

typedef struct Grid {
    Map *m;
    int32_t ox, oy, size;
} Grid;

/* Centre of h in projected metres; no bounds check. */
static void centre(const Grid *gr, Hex h, int64_t *x, int64_t *y)
{
    proj_hex_centre_m(gr->ox, gr->oy, gr->size, h, x, y);
}

/* Crossing-number point-in-polygon test on integer vertices. */
static int inside(const Shape *s, int64_t px, int64_t py)
{
    int c = 0;
    for (int i = 0, j = s->n - 1; i < s->n; j = i++) {
        int64_t xi = s->xy[2 * i], yi = s->xy[2 * i + 1], xj = s->xy[2 * j], yj = s->xy[2 * j + 1];
        if ((yi > py) != (yj > py)) {
            /* px < xi + (py - yi) * (xj - xi) / (yj - yi), multiplied through by (yj - yi) */
            int64_t lhs = (px - xi) * (yj - yi), rhs = (py - yi) * (xj - xi);
            if (yj - yi > 0 ? lhs < rhs : lhs > rhs) c = !c;
        }
    }
    return c;
}

/* Whether (px,py) lies within r metres of the polyline. */
static int near_line(const Shape *s, int64_t px, int64_t py, int64_t r)
{
    double r2 = (double)r * (double)r;
    for (int i = 0; i + 1 < s->n; i++) {
        int64_t ax = s->xy[2 * i], ay = s->xy[2 * i + 1], bx = s->xy[2 * i + 2], by = s->xy[2 * i + 3];
        int64_t dx = bx - ax, dy = by - ay, ex = px - ax, ey = py - ay;
        int64_t dot = ex * dx + ey * dy, len2 = dx * dx + dy * dy;
        double d2;
        if (dot <= 0 || len2 == 0) d2 = (double)(ex * ex + ey * ey);
        else if (dot >= len2) d2 = (double)((px - bx) * (px - bx) + (py - by) * (py - by));
        else {
            double cr = (double)(ex * dy - ey * dx);
            if (cr * cr <= r2 * (double)len2) return 1;
            continue;
        }
        if (d2 <= r2) return 1;
    }
    return 0;
}

/* Sets every hex whose centre is inside polygon s (or within r of polyline s when r > 0) to
 * terrain t; with only_from >= 0, changes only hexes of that terrain. Returns the count. */
static int paint(Grid *gr, const Shape *s, int t, int64_t r, int only_from)
{
    Map *m = gr->m;
    int count = 0;
    int64_t minx = INT64_MAX, maxx = INT64_MIN, miny = INT64_MAX, maxy = INT64_MIN;
    for (int i = 0; i < s->n; i++) {
        if (s->xy[2 * i] < minx) minx = s->xy[2 * i];
        if (s->xy[2 * i] > maxx) maxx = s->xy[2 * i];
        if (s->xy[2 * i + 1] < miny) miny = s->xy[2 * i + 1];
        if (s->xy[2 * i + 1] > maxy) maxy = s->xy[2 * i + 1];
    }
    for (int idx = 0; idx < m->w * m->h; idx++) {
        Hex h = map_hex_at(m, idx);
        int64_t x, y;
        centre(gr, h, &x, &y);
        if (x < minx - r || x > maxx + r || y < miny - r || y > maxy + r) continue;
        int hit = r > 0 ? near_line(s, x, y, r) : inside(s, x, y);
        if (!hit) continue;
        if (only_from >= 0 && m->terrain[idx] != only_from) continue;
        m->terrain[idx] = (uint8_t)t;
        count++;
    }
    return count;
}

/* ------------------------------------------------------------------ hex vertices and rivers */

/* A vertex is the top (t=0) or bottom (t=1) corner of a hex; every vertex is exactly one of those. */
typedef struct Vert { int q, r, t; } Vert;

static int vert_eq(Vert a, Vert b) { return a.q == b.q && a.r == b.r && a.t == b.t; }

#define VMARGIN 4
/* Index of a vertex in the grid-with-margin array, -1 when outside it. */
static int vert_index(const Map *m, Vert v)
{
    int col, row;
    hex_to_offset(hex_make(v.q, v.r), &col, &row);
    if (col < -VMARGIN || row < -VMARGIN || col >= m->w + VMARGIN || row >= m->h + VMARGIN) return -1;
    return (((row + VMARGIN) * (m->w + 2 * VMARGIN)) + (col + VMARGIN)) * 2 + v.t;
}

static int vert_count(const Map *m) { return (m->w + 2 * VMARGIN) * (m->h + 2 * VMARGIN) * 2; }

/* Position of a vertex in projected metres (corner radius rounded to whole metres). */
static void vert_pos(const Grid *gr, Vert v, int64_t *x, int64_t *y)
{
    int64_t s = (int64_t)gr->size * 10000 / 17321;  /* circumradius: size / sqrt(3) */
    centre(gr, hex_make(v.q, v.r), x, y);
    *y += v.t == 0 ? s : -s;
}

/* The three neighbours of a vertex, and the side (hex, dir) between it and each. */
static void vert_neighbours(Vert v, Vert nb[3], Hex side_hex[3], int side_dir[3])
{
    int q = v.q, r = v.r;
    if (v.t == 0) {
        nb[0] = (Vert){ q, r - 1, 1 };     side_hex[0] = hex_make(q, r);     side_dir[0] = HEX_NW;
        nb[1] = (Vert){ q + 1, r - 1, 1 }; side_hex[1] = hex_make(q, r);     side_dir[1] = HEX_NE;
        nb[2] = (Vert){ q + 1, r - 2, 1 }; side_hex[2] = hex_make(q, r - 1); side_dir[2] = HEX_E;
    } else {
        nb[0] = (Vert){ q - 1, r + 1, 0 }; side_hex[0] = hex_make(q, r);         side_dir[0] = HEX_SW;
        nb[1] = (Vert){ q, r + 1, 0 };     side_hex[1] = hex_make(q, r);         side_dir[1] = HEX_SE;
        nb[2] = (Vert){ q - 1, r + 2, 0 }; side_hex[2] = hex_make(q - 1, r + 1); side_dir[2] = HEX_E;
    }
}

/* The three hexes meeting at a vertex. */
static void vert_hexes(Vert v, Hex out[3])
{
    out[0] = hex_make(v.q, v.r);
    if (v.t == 0) { out[1] = hex_make(v.q, v.r - 1); out[2] = hex_make(v.q + 1, v.r - 1); }
    else { out[1] = hex_make(v.q - 1, v.r + 1); out[2] = hex_make(v.q, v.r + 1); }
}

/* Squared distance between two points in metres. */
static int64_t d2(int64_t ax, int64_t ay, int64_t bx, int64_t by)
{
    return (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
}

/* The vertex nearest to a point: one of the six corners of the hex that holds it. */
static Vert nearest_vert(const Grid *gr, int64_t x, int64_t y)
{
    Hex h = proj_hex_at_m(gr->ox, gr->oy, gr->size, x, y);
    Vert c[6] = {
        { h.q, h.r, 0 }, { h.q + 1, h.r - 1, 1 }, { h.q, h.r + 1, 0 },
        { h.q, h.r, 1 }, { h.q - 1, h.r + 1, 0 }, { h.q, h.r - 1, 1 },
    };
    Vert best = c[0];
    int64_t bd = -1;
    for (int i = 0; i < 6; i++) {
        int64_t vx, vy;
        vert_pos(gr, c[i], &vx, &vy);
        int64_t d = d2(vx, vy, x, y);
        if (bd < 0 || d < bd) { bd = d; best = c[i]; }
    }
    return best;
}

/* The side between two adjacent vertices; 0 when not adjacent. */
static int side_between(Vert a, Vert b, Hex *h, int *dir)
{
    Vert nb[3];
    Hex sh[3];
    int sd[3];
    vert_neighbours(a, nb, sh, sd);
    for (int i = 0; i < 3; i++)
        if (vert_eq(nb[i], b)) { *h = sh[i]; *dir = sd[i]; return 1; }
    return 0;
}

/* A vertex path under construction, with loop erasure. */
typedef struct Path {
    Vert *v;
    int n, cap;
    int *pos;     /* vertex index -> position in v, -1 when absent (sized vert_count) */
} Path;

/* Appends v, erasing the loop when v is already on the path; vertices far off the map are
 * skipped. 0 on no memory. */
static int path_push(Path *p, const Map *m, Vert v)
{
    int vi = vert_index(m, v);
    if (vi < 0) return 1;  /* far off the map: skipped */
    if (p->n > 0 && vert_eq(p->v[p->n - 1], v)) return 1;
    if (p->pos[vi] >= 0) {          /* a loop: erase it */
        int keep = p->pos[vi] + 1;
        for (int i = keep; i < p->n; i++) p->pos[vert_index(m, p->v[i])] = -1;
        p->n = keep;
        return 1;
    }
    if (p->n >= p->cap) {
        int nc = p->cap ? p->cap * 2 : 256;
        Vert *nv = realloc(p->v, (size_t)nc * sizeof *nv);
        if (!nv) return 0;
        p->v = nv;
        p->cap = nc;
    }
    p->pos[vi] = p->n;
    p->v[p->n++] = v;
    return 1;
}

/* Empties the path and its position index. */
static void path_clear(Path *p, const Map *m)
{
    for (int i = 0; i < p->n; i++) p->pos[vert_index(m, p->v[i])] = -1;
    p->n = 0;
}

/* Walks from the path's last vertex to target, always to the neighbour nearest the target
 * (on this lattice that strictly closes in), pushing each step. */
static int path_walk_to(Path *p, const Grid *gr, Vert target)
{
    int64_t tx, ty;
    vert_pos(gr, target, &tx, &ty);
    for (int guard = 0; guard < 100000 && p->n > 0 && !vert_eq(p->v[p->n - 1], target); guard++) {
        Vert cur = p->v[p->n - 1], nb[3], best;
        Hex sh[3];
        int sd[3];
        vert_neighbours(cur, nb, sh, sd);
        int64_t bd = -1;
        best = nb[0];
        for (int i = 0; i < 3; i++) {
            int64_t x, y;
            vert_pos(gr, nb[i], &x, &y);
            int64_t d = d2(x, y, tx, ty);
            if (bd < 0 || d < bd) { bd = d; best = nb[i]; }
        }
        if (vert_index(gr->m, best) < 0) return 1;
        int before = p->n;
        if (!path_push(p, gr->m, best)) return 0;
        if (p->n <= before && !vert_eq(p->v[p->n - 1], best)) return 1;
    }
    return 1;
}

/* Whether a hex is on the map and sea. */
static int is_sea(const Map *m, Hex h) { return map_in_bounds(m, h) && map_terrain(m, h) == TER_SEA; }

/* Whether one of the three hexes at v is sea on the map. */
static int vert_touches_sea(const Map *m, Vert v)
{
    Hex hs[3];
    vert_hexes(v, hs);
    return is_sea(m, hs[0]) || is_sea(m, hs[1]) || is_sea(m, hs[2]);
}

/* Whether any side at this vertex carries river index ri. */
static int vert_on_river(const Map *m, Vert v, int ri)
{
    Vert nb[3];
    Hex sh[3];
    int sd[3];
    vert_neighbours(v, nb, sh, sd);
    for (int i = 0; i < 3; i++)
        if (map_side(m, sh[i], sd[i]).river == ri && (map_side(m, sh[i], sd[i]).flags & SIDE_RIVER)) return 1;
    return 0;
}

/* Whether both hexes of the side are on the map. */
static int side_on_map(const Map *m, Hex h, int dir)
{
    if (dir >= 3) { h = hex_neighbor(h, dir); dir -= 3; }
    return map_in_bounds(m, h) && map_in_bounds(m, hex_neighbor(h, dir));
}

/* Breadth-first search from vertex s over free sides (no river, on the map) to the nearest
 * vertex satisfying goal (river index ri > 0: a vertex on that river; ri == 0: a vertex
 * touching the sea), at most maxd steps. Writes the path (excluding s) to out. */
static int bfs_to(const Grid *gr, Vert s, int ri, int maxd, Vert *out, int *nout)
{
    const Map *m = gr->m;
    enum { QCAP = 4096 };
    Vert q[QCAP];
    int parent[QCAP], depth[QCAP];
    int head = 0, tail = 0;
    q[tail] = s; parent[tail] = -1; depth[tail] = 0; tail++;
    while (head < tail) {
        int cur = head++;
        Vert v = q[cur];
        int goal = ri > 0 ? vert_on_river(m, v, ri) : vert_touches_sea(m, v);
        if (goal && cur > 0) {
            int n = 0;
            for (int k = cur; k > 0; k = parent[k]) n++;
            *nout = n;
            for (int k = cur, i = n - 1; k > 0; k = parent[k], i--) out[i] = q[k];
            return 1;
        }
        if (depth[cur] >= maxd) continue;
        Vert nb[3];
        Hex sh[3];
        int sd[3];
        vert_neighbours(v, nb, sh, sd);
        for (int i = 0; i < 3; i++) {
            if (!side_on_map(m, sh[i], sd[i])) continue;
            if (map_side(m, sh[i], sd[i]).flags & SIDE_RIVER) {
                /* may step onto the goal river's vertex, not along another river */
                if (!(ri > 0 && vert_on_river(m, nb[i], ri))) continue;
            }
            int seen = 0;
            for (int k = 0; k < tail; k++) if (vert_eq(q[k], nb[i])) { seen = 1; break; }
            if (seen || tail >= QCAP) continue;
            q[tail] = nb[i]; parent[tail] = cur; depth[tail] = depth[cur] + 1; tail++;
        }
    }
    return 0;
}

/* Marks the side between a and b as river ri. Returns 0 when the side already carries a
 * river (the caller stops there: a confluence). Sides between two water hexes and sides off
 * the map are left alone. */
static int mark_side(Map *m, Vert a, Vert b, int ri, int major)
{
    Hex h;
    int dir;
    if (!side_between(a, b, &h, &dir)) return 1;
    if (!side_on_map(m, h, dir)) return 1;
    MapSide s = map_side(m, h, dir);
    if (s.flags & SIDE_RIVER) return 0;
    if (map_is_water(m, h) && map_is_water(m, hex_neighbor(h, dir))) return 1;
    map_set_side(m, h, dir, (uint8_t)(s.flags | (major ? SIDE_RIVER_MAJOR : SIDE_RIVER_MINOR)), (uint8_t)ri);
    return 1;
}

/* Traces river s onto the map as river index ri. */
static int trace_river(Geo *g, Grid *gr, Shape *s, int ri, Path *p)
{
    Map *m = gr->m;
    path_clear(p, m);
    /* dense samples (every 2 km) snapped to vertices, joined by greedy walks */
    for (int i = 0; i + 1 < s->n; i++) {
        int64_t ax = s->xy[2 * i], ay = s->xy[2 * i + 1], bx = s->xy[2 * i + 2], by = s->xy[2 * i + 3];
        int64_t len = (int64_t)llround(sqrt((double)d2(ax, ay, bx, by)));
        int64_t steps = len / 2000 + 1;
        for (int64_t k = (i == 0 ? 0 : 1); k <= steps; k++) {
            int64_t x = ax + (bx - ax) * k / steps, y = ay + (by - ay) * k / steps;
            Hex h = proj_hex_at_m(gr->ox, gr->oy, gr->size, x, y);
            int col, row;
            hex_to_offset(h, &col, &row);
            if (col < -1 || row < -1 || col > m->w || row > m->h) continue;
            Vert v = nearest_vert(gr, x, y);
            if (p->n == 0) { if (!path_push(p, m, v)) return fail(g, s->file, s->line, "out of memory"); }
            else if (!path_walk_to(p, gr, v)) return fail(g, s->file, s->line, "out of memory");
        }
    }
    /* paint downstream; stop at a confluence (a side that already carries a river) or at the sea */
    if (p->n == 0) return fail(g, s->file, s->line, "river '%s' does not cross the map", s->id);
    int joined = 0, last = 0;
    for (int i = 0; i + 1 < p->n; i++) {
        if (s->into == INTO_SEA && i > 0 && vert_touches_sea(m, p->v[i])) break;
        if (!mark_side(m, p->v[i], p->v[i + 1], ri, s->major)) { joined = 1; break; }
        last = i + 1;
    }
    Vert end = p->v[last];
    if (s->into == INTO_RIVER && !joined) {
        int ti = -1;
        for (int k = 0; k < g->n_shapes; k++)
            if (g->shapes[k].kind == ST_RIVER && strcmp(g->shapes[k].id, s->into_id) == 0) ti = k;
        if (ti < 0) return fail(g, s->file, s->line, "river '%s' flows into unknown river '%s'", s->id, s->into_id);
        int target = map_add_river(m, g->shapes[ti].name);
        if (!vert_on_river(m, end, target)) {
            Vert ext[64];
            int ne = 0;
            if (!bfs_to(gr, end, target, 8, ext, &ne))
                return fail(g, s->file, s->line, "river '%s' ends more than 8 hexsides from '%s'; move its mouth", s->id, s->into_id);
            Vert prev = end;
            for (int k = 0; k < ne; k++) { mark_side(m, prev, ext[k], ri, s->major); prev = ext[k]; }
        }
    } else if (s->into == INTO_SEA && !vert_touches_sea(m, end)) {
        Vert ext[64];
        int ne = 0;
        if (!bfs_to(gr, end, 0, 8, ext, &ne))
            return fail(g, s->file, s->line, "river '%s' ends more than 8 hexsides from the sea; move its mouth", s->id);
        Vert prev = end;
        for (int k = 0; k < ne; k++) { mark_side(m, prev, ext[k], ri, s->major); prev = ext[k]; }
    }
    return 1;
}

/* Position of river shape k in the painting order: rivers after the river they flow into. */
static int river_depth(const Geo *g, int k)
{
    int d = 0;
    const Shape *s = &g->shapes[k];
    while (s->into == INTO_RIVER && d < 64) {
        const Shape *nx = NULL;
        for (int i = 0; i < g->n_shapes; i++)
            if (g->shapes[i].kind == ST_RIVER && strcmp(g->shapes[i].id, s->into_id) == 0) nx = &g->shapes[i];
        if (!nx) break;
        s = nx;
        d++;
    }
    return d;
}

/* The side of river id nearest to (x, y), within 30 km; 0 when none. */
static int nearest_river_side(const Grid *gr, int ri, int64_t x, int64_t y, Hex *oh, int *od)
{
    const Map *m = gr->m;
    int64_t best = -1;
    for (int idx = 0; idx < m->w * m->h; idx++) {
        for (int k = 0; k < 3; k++) {
            MapSide sd = m->sides[idx * 3 + k];
            if (sd.river != ri || !(sd.flags & SIDE_RIVER)) continue;
            Hex h = map_hex_at(m, idx);
            int64_t cx, cy, nx, ny;
            centre(gr, h, &cx, &cy);
            centre(gr, hex_neighbor(h, k), &nx, &ny);
            int64_t mx = (cx + nx) / 2, my = (cy + ny) / 2;
            int64_t d = d2(mx, my, x, y);
            if (best < 0 || d < best) { best = d; *oh = h; *od = k; }
        }
    }
    return best >= 0 && best <= (int64_t)30000 * 30000;
}

/* ------------------------------------------------------------------ the build */

/* Terrain layers: later layers paint over earlier ones. */
static int layer_of(int t)
{
    switch (t) {
    case TER_PLAIN: return 0;
    case TER_STEPPE: return 1;
    case TER_DESERT: return 2;
    case TER_SAND: return 3;
    case TER_FOREST: return 4;
    case TER_FARMLAND: return 5;
    case TER_MARSH: return 6;
    case TER_HILLS: return 7;
    case TER_MOUNTAINS: return 8;
    default: return 9;
    }
}

/* Lays the parsed source on a new map (see the file comment for the order); NULL with a
 * message on a data error (place off the map or sharing a hex, river not reaching its mouth). */
static Map *build(Geo *g)
{
    if (!g->have_extent) { fail(g, "maps", 0, "no 'extent' statement in the source"); return NULL; }
    /* the projected bounding box of the lat/lon extent */
    int64_t minx = INT64_MAX, maxx = INT64_MIN, miny = INT64_MAX, maxy = INT64_MIN;
    const int32_t step = 100000;
    for (int side = 0; side < 4; side++) {
        int32_t n = side < 2 ? (g->lon1 - g->lon0) / step + 1 : (g->lat1 - g->lat0) / step + 1;
        for (int32_t i = 0; i <= n; i++) {
            int32_t la, lo;
            if (side < 2) {
                la = side == 0 ? g->lat0 : g->lat1;
                lo = g->lon0 + i * step; if (lo > g->lon1) lo = g->lon1;
            } else {
                lo = side == 2 ? g->lon0 : g->lon1;
                la = g->lat0 + i * step; if (la > g->lat1) la = g->lat1;
            }
            int64_t x, y;
            proj_forward_e6(la, lo, &x, &y);
            if (x < minx) minx = x;
            if (x > maxx) maxx = x;
            if (y < miny) miny = y;
            if (y > maxy) maxy = y;
        }
    }
    int32_t size = g->hex_m, rs = PROJ_ROW_M(size);
    int w = (int)((maxx - minx + size - 1) / size) + 1;
    int h = (int)((maxy - miny + rs - 1) / rs) + 1;
    Map *m = map_new(w, h, TER_PLAIN);
    if (!m) { fail(g, "maps", 0, "map of %dx%d hexes is too large", w, h); return NULL; }
    m->geographic = 1;
    m->origin_x_m = (int32_t)minx;
    m->origin_y_m = (int32_t)maxy;
    m->hex_size_m = size;
    Grid gr = { m, m->origin_x_m, m->origin_y_m, size };

    /* 1. land cover and relief, by layer, then in source order */
    for (int layer = 0; layer <= 9; layer++)
        for (int i = 0; i < g->n_shapes; i++) {
            Shape *s = &g->shapes[i];
            if ((s->kind != ST_AREA && s->kind != ST_RANGE) || s->layer != layer) continue;
            paint(&gr, s, s->terrain, s->kind == ST_RANGE ? s->width_m / 2 : 0, -1);
        }
    /* 2. gaps through the ranges */
    for (int i = 0; i < g->n_shapes; i++)
        if (g->shapes[i].kind == ST_GAP) paint(&gr, &g->shapes[i], TER_HILLS, g->shapes[i].width_m / 2, TER_MOUNTAINS);
    /* 3. sea, then lakes (a lake smaller than a hex still takes the hex at its middle) */
    for (int i = 0; i < g->n_shapes; i++)
        if (g->shapes[i].kind == ST_SEA) paint(&gr, &g->shapes[i], TER_SEA, 0, -1);
    for (int i = 0; i < g->n_shapes; i++) {
        Shape *s = &g->shapes[i];
        if (s->kind != ST_LAKE) continue;
        if (paint(&gr, s, TER_LAKE, 0, -1) == 0) {
            int64_t sx = 0, sy = 0;
            for (int k = 0; k < s->n; k++) { sx += s->xy[2 * k]; sy += s->xy[2 * k + 1]; }
            Hex hh = proj_hex_at_m(gr.ox, gr.oy, size, sx / s->n, sy / s->n);
            if (map_in_bounds(m, hh)) map_set_terrain(m, hh, TER_LAKE);
        }
    }
    /* 4. places; a pass opens its hex to hills */
    for (int i = 0; i < g->n_places; i++) {
        PlaceSrc *ps = &g->places[i];
        MapPlace p = ps->p;
        int64_t x, y;
        proj_forward_e6(p.lat_e6, p.lon_e6, &x, &y);
        p.hex = proj_hex_at_m(gr.ox, gr.oy, size, x, y);
        if (!map_in_bounds(m, p.hex)) { fail(g, ps->file, ps->line, "place '%s' is off the map", p.id); goto bad; }
        if (map_is_water(m, p.hex)) {
            /* a town on the shore: its hex is land, of the kind most common around it */
            int count[TER_COUNT] = { 0 }, best = TER_PLAIN;
            for (int d = 0; d < HEX_DIRS; d++) {
                Hex nb = hex_neighbor(p.hex, d);
                if (map_in_bounds(m, nb) && !map_is_water(m, nb)) count[map_terrain(m, nb)]++;
            }
            for (int t = 0; t < TER_COUNT; t++) if (count[t] > count[best]) best = t;
            if (best == TER_MOUNTAINS) best = TER_HILLS;
            map_set_terrain(m, p.hex, (Terrain)best);
        }
        int other = map_place_at(m, p.hex);
        if (other >= 0) { fail(g, ps->file, ps->line, "place '%s' falls in the same hex as '%s'", p.id, m->places[other].id); goto bad; }
        if (p.kind == PLACE_PASS && map_terrain(m, p.hex) == TER_MOUNTAINS) map_set_terrain(m, p.hex, TER_HILLS);
        if (map_add_place(m, &p) < 0) { fail(g, ps->file, ps->line, "too many places"); goto bad; }
    }
    /* 5. rivers: those flowing into another after it, then in source order */
    {
        Path path = { 0 };
        path.pos = malloc((size_t)vert_count(m) * sizeof *path.pos);
        if (!path.pos) { fail(g, "maps", 0, "out of memory"); goto bad; }
        for (int i = 0; i < vert_count(m); i++) path.pos[i] = -1;
        int ok = 1;
        for (int i = 0; i < g->n_shapes; i++)
            if (g->shapes[i].kind == ST_RIVER) map_add_river(m, g->shapes[i].name);
        if (m->n_rivers > 255) { fail(g, "maps", 0, "too many rivers"); ok = 0; }
        for (int depth = 0; depth < 64 && ok; depth++)
            for (int i = 0; i < g->n_shapes && ok; i++) {
                Shape *s = &g->shapes[i];
                if (s->kind != ST_RIVER || river_depth(g, i) != depth) continue;
                int ri = map_add_river(m, s->name);
                if (ri < 0) { fail(g, s->file, s->line, "too many rivers"); ok = 0; break; }
                ok = trace_river(g, &gr, s, ri, &path);
            }
        free(path.v);
        free(path.pos);
        if (!ok) goto bad;
    }
    /* 6. fords and bridges */
    for (int i = 0; i < g->n_cross; i++) {
        Crossing *c = &g->cross[i];
        const char *name = NULL;
        for (int k = 0; k < g->n_shapes; k++)
            if (g->shapes[k].kind == ST_RIVER && strcmp(g->shapes[k].id, c->river) == 0) name = g->shapes[k].name;
        if (!name) { fail(g, c->file, c->line, "unknown river '%s'", c->river); goto bad; }
        Hex hh = hex_make(0, 0);
        int dir = 0;
        if (!nearest_river_side(&gr, map_add_river(m, name), c->x, c->y, &hh, &dir)) {
            fail(g, c->file, c->line, "no side of river '%s' within 30 km", c->river); goto bad;
        }
        MapSide s = map_side(m, hh, dir);
        map_set_side(m, hh, dir, (uint8_t)(s.flags | (c->bridge ? SIDE_BRIDGE : SIDE_FORD)), s.river);
    }
    /* 7. roads: straight hex lines between the places they name; where one meets a major river
     *    without a bridge the crossing is a ford */
    for (int i = 0; i < g->n_roads; i++) {
        Road *r = &g->roads[i];
        for (int k = 0; k + 1 < r->n; k++) {
            int a = map_find_place(m, r->via[k]), b = map_find_place(m, r->via[k + 1]);
            if (a < 0 || b < 0) { fail(g, r->file, r->line, "road '%s': unknown place '%s'", r->name, r->via[a < 0 ? k : k + 1]); goto bad; }
            Hex line[1024];
            int n = hex_line(m->places[a].hex, m->places[b].hex, line, 1024);
            for (int j = 0; j + 1 < n; j++) {
                int dir = hex_dir_to(line[j], line[j + 1]);
                if (dir < 0) continue;
                MapSide s = map_side(m, line[j], dir);
                /* a road meets a major river at a ferry or ford, not a free crossing */
                uint8_t add = (s.flags & SIDE_RIVER_MAJOR) && !(s.flags & SIDE_BRIDGE) ? SIDE_FORD : SIDE_ROAD;
                map_set_side(m, line[j], dir, (uint8_t)(s.flags | add), s.river);
            }
        }
    }
    /* 8. borders, as written */
    for (int i = 0; i < g->n_shapes; i++) {
        Shape *s = &g->shapes[i];
        if (s->kind != ST_BORDER) continue;
        if (m->n_borders >= MAP_MAX_BORDERS) { fail(g, s->file, s->line, "more than %d borders", MAP_MAX_BORDERS); goto bad; }
        if (s->n > MAP_BORDER_POINTS) { fail(g, s->file, s->line, "border '%s' has more than %d points", s->id, MAP_BORDER_POINTS); goto bad; }
        MapBorder *b = &m->borders[m->n_borders++];
        copy_str(b->id, MAP_ID_LEN, s->id);
        copy_str(b->name, MAP_NAME_LEN, s->name);
        copy_str(b->note, sizeof b->note, s->note);
        b->n = s->n;
        for (int k = 0; k < s->n; k++) { b->lat_e6[k] = s->ll[2 * k]; b->lon_e6[k] = s->ll[2 * k + 1]; }
    }
    /* 9. coasts: land on one side, water on the other */
    for (int idx = 0; idx < m->w * m->h; idx++) {
        Hex hh = map_hex_at(m, idx);
        for (int k = 0; k < 3; k++) {
            Hex nb = hex_neighbor(hh, k);
            if (!map_in_bounds(m, nb)) continue;
            if (map_is_water(m, hh) != map_is_water(m, nb)) m->sides[idx * 3 + k].flags |= SIDE_COAST;
        }
    }
    return m;
bad:
    map_free(m);
    return NULL;
}

/* Parses every source, then builds; the first error stops it. */
Map *mapbuild_from_sources(const MapSource *src, int n, char *err, size_t errlen)
{
    Geo g;
    memset(&g, 0, sizeof g);
    g.err = err;
    g.errlen = errlen;
    if (err && errlen) err[0] = '\0';
    Map *m = NULL;
    int ok = 1;
    for (int i = 0; i < n && ok; i++) ok = parse_source(&g, &src[i]);
    if (ok) m = build(&g);
    geo_free(&g);
    return m;
}

/* One source text; see mapbuild_from_sources. */
Map *mapbuild_from_source(const char *src, size_t len, const char *name, char *err, size_t errlen)
{
    MapSource s = { name ? name : "source", src, len };
    return mapbuild_from_sources(&s, 1, err, errlen);
}

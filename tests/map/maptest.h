/* maptest.h - helpers for the map tests: the data directory, the theatre map loaded from the
 * committed file or rebuilt from the source, and river chains as hexside-vertex graphs.
 * Header-only (static functions). */
#ifndef GYR_MAPTEST_H
#define GYR_MAPTEST_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "map.h"
#include "mapio.h"
#include "mapbuild.h"
#include "mapcmd.h"
#include "proj.h"

/* The source tree holding maps/: GYR_DATA_DIR, else the configured source dir. */
static inline const char *mt_data_dir(void)
{
    const char *d = getenv("GYR_DATA_DIR");
#ifdef GYR_SOURCE_DIR
    if (!d || !*d) d = GYR_SOURCE_DIR;
#endif
    return d && *d ? d : ".";
}

/* Reads a whole file; caller frees. NULL when unreadable. */
static inline char *mt_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    fclose(f);
    if (b) { b[n] = '\0'; *len = (size_t)n; }
    return b;
}

/* The committed theatre map; aborts the test with the reason when it does not load. */
static inline Map *mt_theatre(void)
{
    char err[512];
    Map *m = mapcmd_load(mt_data_dir(), err, sizeof err);
    if (!m) fprintf(stderr, "theatre map: %s\n", err);
    return m;
}

/* Vertex of the hex grid: top (t=0) or bottom (t=1) corner of hex (q, r), packed in a long. */
static inline long mt_vkey(int q, int r, int t) { return (((long)(q + 5000) * 20000L) + (r + 5000)) * 2 + t; }

/* The two vertices of the stored side k (0 E, 1 NE, 2 NW) of hex h. */
static inline void mt_side_verts(Hex h, int k, long *a, long *b)
{
    int q = h.q, r = h.r;
    if (k == 0) { *a = mt_vkey(q, r + 1, 0); *b = mt_vkey(q + 1, r - 1, 1); }
    else if (k == 1) { *a = mt_vkey(q, r, 0); *b = mt_vkey(q + 1, r - 1, 1); }
    else { *a = mt_vkey(q, r, 0); *b = mt_vkey(q, r - 1, 1); }
}

typedef struct MtChain {
    int n_sides, n_verts, n_ends, max_degree, components;
    long ends[8];
} MtChain;

/* Analyses the sides carrying river index ri as a graph on hex vertices: how many sides,
 * vertices, ends (degree 1), the largest degree and the number of connected pieces. */
static inline MtChain mt_chain(const Map *m, int ri)
{
    MtChain c;
    memset(&c, 0, sizeof c);
    int cap = 8192;
    long *ea = malloc(sizeof(long) * (size_t)cap), *eb = malloc(sizeof(long) * (size_t)cap);
    long *vs = malloc(sizeof(long) * (size_t)cap * 2);
    int *deg = calloc((size_t)cap * 2, sizeof(int)), *comp = malloc(sizeof(int) * (size_t)cap * 2);
    for (int idx = 0; idx < m->w * m->h; idx++)
        for (int k = 0; k < 3; k++) {
            MapSide s = m->sides[idx * 3 + k];
            if (s.river != ri || !(s.flags & SIDE_RIVER) || c.n_sides >= cap) continue;
            mt_side_verts(map_hex_at(m, idx), k, &ea[c.n_sides], &eb[c.n_sides]);
            c.n_sides++;
        }
    int *sv = malloc(sizeof(int) * (size_t)cap * 2);   /* vertex index of each side end */
    for (int i = 0; i < c.n_sides; i++) {
        long e[2] = { ea[i], eb[i] };
        for (int j = 0; j < 2; j++) {
            int f = -1;
            for (int v = 0; v < c.n_verts; v++) if (vs[v] == e[j]) { f = v; break; }
            if (f < 0) { f = c.n_verts++; vs[f] = e[j]; }
            deg[f]++;
            sv[2 * i + j] = f;
        }
    }
    for (int v = 0; v < c.n_verts; v++) {
        comp[v] = v;
        if (deg[v] > c.max_degree) c.max_degree = deg[v];
        if (deg[v] == 1 && c.n_ends < 8) c.ends[c.n_ends] = vs[v];
        if (deg[v] == 1) c.n_ends++;
    }
    /* union-find over the sides */
    for (int i = 0; i < c.n_sides; i++) {
        int a = sv[2 * i], b = sv[2 * i + 1];
        while (comp[a] != a) a = comp[a];
        while (comp[b] != b) b = comp[b];
        if (a != b) comp[a < b ? b : a] = a < b ? a : b;
    }
    free(sv);
    for (int v = 0; v < c.n_verts; v++) if (comp[v] == v) c.components++;
    free(ea); free(eb); free(vs); free(deg); free(comp);
    return c;
}

/* Hexes around the vertex key v (the 3 hexes meeting there). */
static inline void mt_vert_hexes(long v, Hex out[3])
{
    int t = (int)(v % 2);
    long rest = v / 2;
    int r = (int)(rest % 20000L) - 5000, q = (int)(rest / 20000L) - 5000;
    out[0] = hex_make(q, r);
    if (t == 0) { out[1] = hex_make(q, r - 1); out[2] = hex_make(q + 1, r - 1); }
    else { out[1] = hex_make(q - 1, r + 1); out[2] = hex_make(q, r + 1); }
}

/* River index by name, -1 when absent. */
static inline int mt_river(const Map *m, const char *name)
{
    for (int i = 1; i < m->n_rivers; i++) if (!strcmp(m->rivers[i], name)) return i;
    return -1;
}

#endif

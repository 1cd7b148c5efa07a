/* ui_render.c - the map view: camera maths, the terrain chunk cache (256-pixel tiles per zoom
 * level, painted off the frame by worker threads with render_terrain.c and shaded per hex for
 * fog and reach), places with their names, units as counters in stacks, the selected unit's
 * reach, path and cost, hover, the minimap, and the frame benchmark. */
#include "ui_render.h"
#include "render_priv.h"
#include "lscript.h"
#include "session.h"
#include "mapio.h"
#include "proj.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const int ui_zoom_levels[UI_ZOOM_LEVELS] = { 4, 6, 8, 11, 16, 22, 30, 40, 54 };

#define CH 256              /* chunk size in pixels */
#define MIN_CHUNKS 128    /* the cache grows to hold the view and its ring on big screens */
#define MAX_CTEX 160
#define MAX_PTEX 64
#define OV_MAX_W 560

typedef struct Chunk {
    int valid;
    int level, cx, cy, frozen;  /* frozen: bit 0 rivers frozen, bit 1 grid drawn */
    uint32_t *base;         /* painted art, CH*CH */
    uint16_t *hidx;         /* per pixel: index into hexes, 0xFFFF off the map */
    int32_t *hexes;
    int n_hexes;
    SDL_Texture *tex;
    uint64_t shade_key;
    unsigned used;
} Chunk;

/* A chunk being painted by a worker thread (or by the frame itself when it cannot wait). */
enum { JOB_FREE, JOB_QUEUED, JOB_RUNNING, JOB_DONE };
typedef struct Job {
    int state;
    int level, cx, cy, frozen;
    unsigned prio;          /* higher first: the frame that asked last */
    uint32_t *base;
    uint16_t *hidx;
    int32_t *hexes;
    int n_hexes;
} Job;
#define MAX_JOBS 96
#define MAX_WORKERS 3

typedef struct CTex { SDL_Texture *tex; uint32_t rgb; uint32_t em; int cls, size; unsigned used; } CTex;
typedef struct PTex { SDL_Texture *tex; int kind; uint32_t rgb; int size; unsigned used; } PTex;

struct UiRender {
    SDL_Renderer *r;
    UiText *t;
    const Map *m;
    UiArt *art;
    Chunk *chunks;
    int n_chunks;
    unsigned tick;
    /* the whole map small: minimap and stand-in for chunks not painted yet */
    SDL_Texture *ov;
    uint32_t *ov_base;
    int32_t *ov_hex;
    int ov_w, ov_h, ov_frozen;
    double ov_z;
    uint64_t ov_key;
    /* per-hex shading: 0 lit, 1 fog, 2 out of reach, 3 both */
    uint8_t *shade;
    uint8_t *vis;
    uint64_t vis_key;
    int vis_faction;
    /* unit lists by hex for one frame */
    int *head, *next_u;
    /* direct painting (atlas, or a zoom between levels) */
    SDL_Texture *direct;
    int direct_w, direct_h;
    uint64_t direct_key;    /* what the direct texture shows: view, look and shading */
    CTex ctex[MAX_CTEX];
    PTex ptex[MAX_PTEX];
    SDL_Texture *star;
    int star_size;
    /* the last places pass: symbol and name boxes; boxes names must avoid (atlas) */
    UiLabel labels[UI_MAX_LABELS];
    int n_labels;
    UiLabel obst[UI_MAX_OBSTACLES];
    int n_obst;
    /* the 1114 borders as world-unit polylines (borders map mode), made once */
    double *border_xy[MAP_MAX_BORDERS];
    int border_n[MAP_MAX_BORDERS];
    /* painting chunks off the frame: worker threads take queued jobs */
    Job jobs[MAX_JOBS];
    SDL_mutex *mx;
    SDL_cond *cond_work, *cond_done;
    SDL_Thread *workers[MAX_WORKERS];
    int n_workers;
    int quit;
    unsigned frame;
    int complete;           /* 1: every frame waits for its chunks (offscreen pictures and tests) */
};

/* ---------------------------------------------------------------- camera */

void ui_hex_to_world(Hex h, double *wx, double *wy)
{
    *wx = UI_SQRT3 * (h.q + h.r * 0.5);
    *wy = 1.5 * h.r;
}

void ui_latlon_to_world(const Map *m, double lat, double lon, double *wx, double *wy)
{
    double x, y;
    proj_forward(lat, lon, &x, &y);
    double row_m = PROJ_ROW_M(m->hex_size_m);
    *wx = (x - m->origin_x_m) / m->hex_size_m * UI_SQRT3;
    *wy = (m->origin_y_m - y) / row_m * 1.5;
}

void ui_view_world_to_screen(const UiMapView *v, double wx, double wy, double *sx, double *sy)
{
    double ox = floor(v->cx * v->zoom - v->vp.w / 2.0), oy = floor(v->cy * v->zoom - v->vp.h / 2.0);
    *sx = wx * v->zoom - ox + v->vp.x;
    *sy = wy * v->zoom - oy + v->vp.y;
}

void ui_view_screen_to_world(const UiMapView *v, double sx, double sy, double *wx, double *wy)
{
    double ox = floor(v->cx * v->zoom - v->vp.w / 2.0), oy = floor(v->cy * v->zoom - v->vp.h / 2.0);
    *wx = (sx - v->vp.x + ox) / v->zoom;
    *wy = (sy - v->vp.y + oy) / v->zoom;
}

Hex ui_view_screen_to_hex(const UiMapView *v, int sx, int sy)
{
    double wx, wy;
    ui_view_screen_to_world(v, sx + 0.5, sy + 0.5, &wx, &wy);
    return ui_world_to_hex(wx, wy);
}

void ui_view_hex_to_screen(const UiMapView *v, Hex h, int *sx, int *sy)
{
    double wx, wy, x, y;
    ui_hex_to_world(h, &wx, &wy);
    ui_view_world_to_screen(v, wx, wy, &x, &y);
    *sx = (int)floor(x);
    *sy = (int)floor(y);
}

void ui_view_fit(UiMapView *v, const Map *m, int exact)
{
    double x0, y0, x1, y1;
    ui_map_world_bounds(m, &x0, &y0, &x1, &y1);
    v->cx = (x0 + x1) / 2;
    v->cy = (y0 + y1) / 2;
    double zx = v->vp.w / (x1 - x0), zy = v->vp.h / (y1 - y0);
    double z = zx < zy ? zx : zy;
    if (exact) { v->zoom = z; return; }
    v->zoom = ui_zoom_levels[0];
    for (int i = UI_ZOOM_LEVELS - 1; i >= 0; i--)
        if (ui_zoom_levels[i] <= z) { v->zoom = ui_zoom_levels[i]; break; }
}

void ui_view_init(UiMapView *v, const Map *m, SDL_Rect vp)
{
    v->vp = vp;
    ui_view_fit(v, m, 0);
}

void ui_view_fit_hexes(UiMapView *v, const Hex *list, int n, int margin)
{
    if (n <= 0) return;
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (int i = 0; i < n; i++) {
        double wx, wy;
        ui_hex_to_world(list[i], &wx, &wy);
        x0 = fmin(x0, wx); y0 = fmin(y0, wy); x1 = fmax(x1, wx); y1 = fmax(y1, wy);
    }
    double mg = (margin + 1) * UI_SQRT3;
    x0 -= mg; x1 += mg; y0 -= mg; y1 += mg;
    v->cx = (x0 + x1) / 2;
    v->cy = (y0 + y1) / 2;
    double z = fmin(v->vp.w / (x1 - x0), v->vp.h / (y1 - y0));
    v->zoom = ui_zoom_levels[0];
    for (int i = UI_ZOOM_LEVELS - 1; i >= 0; i--)
        if (ui_zoom_levels[i] <= z) { v->zoom = ui_zoom_levels[i]; break; }
}

void ui_view_center_on(UiMapView *v, Hex h)
{
    ui_hex_to_world(h, &v->cx, &v->cy);
}

void ui_view_pan(UiMapView *v, int dx, int dy)
{
    v->cx -= dx / v->zoom;
    v->cy -= dy / v->zoom;
}

void ui_view_zoom_step(UiMapView *v, int steps, int sx, int sy)
{
    int cur = 0;
    double best = 1e9;
    for (int i = 0; i < UI_ZOOM_LEVELS; i++)
        if (fabs(ui_zoom_levels[i] - v->zoom) < best) { best = fabs(ui_zoom_levels[i] - v->zoom); cur = i; }
    int nl = cur + steps;
    if (nl < 0) nl = 0;
    if (nl >= UI_ZOOM_LEVELS) nl = UI_ZOOM_LEVELS - 1;
    double wx, wy;
    ui_view_screen_to_world(v, sx, sy, &wx, &wy);
    double nz = ui_zoom_levels[nl];
    /* keep (wx, wy) under (sx, sy) */
    double offx = sx - (v->vp.x + v->vp.w / 2.0), offy = sy - (v->vp.y + v->vp.h / 2.0);
    v->zoom = nz;
    v->cx = wx - offx / nz;
    v->cy = wy - offy / nz;
}

void ui_view_clamp(UiMapView *v, const Map *m)
{
    double x0, y0, x1, y1;
    ui_map_world_bounds(m, &x0, &y0, &x1, &y1);
    double hw = v->vp.w / 2.0 / v->zoom, hh = v->vp.h / 2.0 / v->zoom;
    /* the map edge may come to the middle of the view, no further */
    if (x1 - x0 <= 2 * hw) v->cx = (x0 + x1) / 2;
    else v->cx = fmin(fmax(v->cx, x0 + hw * 0.5), x1 - hw * 0.5);
    if (y1 - y0 <= 2 * hh) v->cy = (y0 + y1) / 2;
    else v->cy = fmin(fmax(v->cy, y0 + hh * 0.5), y1 - hh * 0.5);
}

void ui_overlay_init(UiOverlay *o)
{
    memset(o, 0, sizeof *o);
    o->selected_unit = -1;
    o->path_cost = -1;
    o->fog_faction = -1;
    o->show_grid = 1;
    o->show_units = 1;
    o->show_names = 1;
    o->frozen = -1;
    o->anim_unit = -1;
}

/* ---------------------------------------------------------------- life cycle */
static int worker_main(void *ud);
static int grid_alpha_for(double z);
static int level_of(double z);

UiRender *ui_render_new(SDL_Renderer *r, UiText *t, const Map *m, char *err, size_t errlen)
{
    UiRender *rr = calloc(1, sizeof *rr);
    if (!rr) { snprintf(err, errlen, "RENDER: out of memory"); return NULL; }
    rr->r = r; rr->t = t; rr->m = m;
    rr->art = ui_art_new(m);
    int n = map_count(m);
    rr->chunks = calloc(MIN_CHUNKS, sizeof *rr->chunks);
    rr->n_chunks = rr->chunks ? MIN_CHUNKS : 0;
    rr->shade = calloc((size_t)n, 1);
    rr->vis = calloc((size_t)n, 1);
    rr->head = malloc((size_t)n * sizeof(int));
    rr->next_u = malloc(GAME_MAX_UNITS * sizeof(int));
    if (!rr->art || !rr->chunks || !rr->shade || !rr->vis || !rr->head || !rr->next_u) {
        snprintf(err, errlen, "RENDER: out of memory");
        ui_render_free(rr);
        return NULL;
    }
    for (int i = 0; i < n; i++) rr->head[i] = -1;
    for (int b = 0; m->geographic && b < m->n_borders && b < MAP_MAX_BORDERS; b++) {
        const MapBorder *mb = &m->borders[b];
        rr->border_xy[b] = malloc(sizeof(double) * 2 * (size_t)(mb->n > 0 ? mb->n : 1));
        if (!rr->border_xy[b]) continue;
        for (int k = 0; k < mb->n; k++)
            ui_latlon_to_world(m, mb->lat_e6[k] / 1e6, mb->lon_e6[k] / 1e6, &rr->border_xy[b][2 * k], &rr->border_xy[b][2 * k + 1]);
        rr->border_n[b] = mb->n;
    }
    rr->vis_faction = -2;
    rr->ov_frozen = -1;
    /* drawing into a surface (no window): pictures, which must never show a chunk half-made */
    rr->complete = SDL_RenderGetWindow(r) == NULL;
    rr->mx = SDL_CreateMutex();
    rr->cond_work = SDL_CreateCond();
    rr->cond_done = SDL_CreateCond();
    if (rr->mx && rr->cond_work && rr->cond_done) {
        int n = SDL_GetCPUCount() - 1;
        if (n > MAX_WORKERS) n = MAX_WORKERS;
        for (int i = 0; i < n; i++) {
            rr->workers[rr->n_workers] = SDL_CreateThread(worker_main, "gyr-paint", rr);
            if (rr->workers[rr->n_workers]) rr->n_workers++;
        }
    }
    return rr;
}

/* Free a chunk's buffers and texture and mark its slot empty. */
static void chunk_drop(Chunk *c)
{
    if (c->tex) SDL_DestroyTexture(c->tex);
    free(c->base); free(c->hidx); free(c->hexes);
    memset(c, 0, sizeof *c);
}

void ui_render_flush(UiRender *rr)
{
    for (int i = 0; i < rr->n_chunks; i++) chunk_drop(&rr->chunks[i]);
    for (int i = 0; i < MAX_CTEX; i++) if (rr->ctex[i].tex) SDL_DestroyTexture(rr->ctex[i].tex);
    for (int i = 0; i < MAX_PTEX; i++) if (rr->ptex[i].tex) SDL_DestroyTexture(rr->ptex[i].tex);
    memset(rr->ctex, 0, sizeof rr->ctex);
    memset(rr->ptex, 0, sizeof rr->ptex);
    if (rr->star) SDL_DestroyTexture(rr->star);
    rr->star = NULL;
    if (rr->ov) SDL_DestroyTexture(rr->ov);
    rr->ov = NULL;
    free(rr->ov_base); free(rr->ov_hex);
    rr->ov_base = NULL; rr->ov_hex = NULL;
    rr->ov_frozen = -1;
    if (rr->direct) SDL_DestroyTexture(rr->direct);
    rr->direct = NULL;
    rr->direct_key = 0;
}

void ui_render_free(UiRender *rr)
{
    if (!rr) return;
    if (rr->mx) {
        SDL_LockMutex(rr->mx);
        rr->quit = 1;
        SDL_CondBroadcast(rr->cond_work);
        SDL_UnlockMutex(rr->mx);
    }
    for (int i = 0; i < rr->n_workers; i++) SDL_WaitThread(rr->workers[i], NULL);
    for (int i = 0; i < MAX_JOBS; i++) { free(rr->jobs[i].base); free(rr->jobs[i].hidx); free(rr->jobs[i].hexes); }
    if (rr->cond_work) SDL_DestroyCond(rr->cond_work);
    if (rr->cond_done) SDL_DestroyCond(rr->cond_done);
    if (rr->mx) SDL_DestroyMutex(rr->mx);
    ui_render_flush(rr);
    free(rr->chunks);
    ui_art_free(rr->art);
    free(rr->shade); free(rr->vis); free(rr->head); free(rr->next_u);
    for (int b = 0; b < MAP_MAX_BORDERS; b++) free(rr->border_xy[b]);
    free(rr);
}

/* ---------------------------------------------------------------- shading */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ull; }
    return h;
}

/* Fill rr->shade from the overlay's fog and reach. */
static void compute_shade(UiRender *rr, const Game *g, const UiOverlay *o)
{
    int n = map_count(rr->m);
    memset(rr->shade, 0, (size_t)n);
    if (g && o->fog_faction >= 0 && o->fog_faction < g->n_factions) {
        const uint8_t *vis = o->vis;
        if (!vis) {
            uint64_t key = fnv(14695981039346656037ull, &g->turn, sizeof g->turn);
            key = fnv(key, &o->fog_faction, sizeof o->fog_faction);
            for (int i = 0; i < g->n_units; i++) {
                const Unit *u = &g->units[i];
                int rec[4] = { u->alive, u->faction, u->hex.q, u->hex.r };
                key = fnv(key, rec, sizeof rec);
            }
            if (key != rr->vis_key || rr->vis_faction != o->fog_faction) {
                game_visibility(g, o->fog_faction, rr->vis);
                rr->vis_key = key;
                rr->vis_faction = o->fog_faction;
            }
            vis = rr->vis;
        }
        for (int i = 0; i < n; i++) if (!vis[i]) rr->shade[i] |= 1;
    }
    if (o->reach) {
        for (int i = 0; i < n; i++) if (o->reach->cost[i] < 0) rr->shade[i] |= 2;
    }
}

/* A pixel shaded for fog (bit 0) and out-of-reach (bit 1). */
static inline uint32_t shade_px(uint32_t c, int s)
{
    unsigned r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
    if (s & 1) {    /* fog: towards a cool grey, darker */
        unsigned l = (r * 77 + g * 150 + b * 29) >> 8;
        r = ((r * 135 + l * 80 + 0x5A * 41) >> 8) * 215 >> 8;
        g = ((g * 135 + l * 80 + 0x64 * 41) >> 8) * 215 >> 8;
        b = ((b * 135 + l * 80 + 0x74 * 41) >> 8) * 215 >> 8;
    }
    if (s & 2) {    /* out of reach: dimmed */
        r = r * 170 >> 8; g = g * 170 >> 8; b = b * 175 >> 8;
    }
    return 0xFF000000u | (r << 16) | (g << 8) | b;
}

/* ---------------------------------------------------------------- chunks */

static int frozen_of(const Game *g, const UiOverlay *o)
{
    if (o && o->frozen >= 0) return o->frozen;
    return g ? game_rivers_frozen(g) != 0 : 0;
}

/* Opacity of the hex grid at zoom z: none when zoomed far out. */
static int grid_alpha_for(double z)
{
    if (z < 7) return 0;
    if (z < 10) return 50;
    if (z < 15) return 70;
    return 90;
}

/* The cached chunk for a key, or NULL. */
static Chunk *chunk_find(UiRender *rr, int level, int cx, int cy, int frozen)
{
    for (int i = 0; i < rr->n_chunks; i++) {
        Chunk *c = &rr->chunks[i];
        if (c->valid && c->level == level && c->cx == cx && c->cy == cy && c->frozen == frozen) return c;
    }
    return NULL;
}

/* Paint a job's chunk: art, and the hex under each pixel as an index into a local table.
 * Touches only the job and the immutable map art, so worker threads may run it. */
static void job_paint(const UiArt *art, Job *jb)
{
    int z = ui_zoom_levels[jb->level];
    jb->base = malloc(CH * CH * 4);
    jb->hidx = malloc(CH * CH * 2);
    int32_t *hm = malloc(CH * CH * 4);
    int cap = 256, n = 0;
    jb->hexes = malloc((size_t)cap * sizeof(int32_t));
    if (!jb->base || !jb->hidx || !hm || !jb->hexes) {
        free(hm);
        free(jb->base); free(jb->hidx); free(jb->hexes);
        jb->base = NULL; jb->hidx = NULL; jb->hexes = NULL;
        return;
    }
    UiCanvas cv = { jb->base, CH, CH, CH };
    ui_art_paint(art, &cv, (double)jb->cx * CH, (double)jb->cy * CH, z,
                 ((jb->frozen & 2) ? UI_ART_GRID : 0) | ((jb->frozen & 1) ? UI_ART_FROZEN : 0), grid_alpha_for(z), hm);
    int32_t last = -2;
    uint16_t last_i = 0xFFFF;
    for (int i = 0; i < CH * CH; i++) {
        int32_t h = hm[i];
        if (h < 0) { jb->hidx[i] = 0xFFFF; continue; }
        if (h == last) { jb->hidx[i] = last_i; continue; }
        int k;
        for (k = n - 1; k >= 0 && jb->hexes[k] != h; k--) {}
        if (k < 0) {
            if (n == cap) {
                int32_t *nh = realloc(jb->hexes, (size_t)cap * 2 * sizeof(int32_t));
                if (!nh) { jb->hidx[i] = 0xFFFF; continue; }
                jb->hexes = nh;
                cap *= 2;
            }
            jb->hexes[n] = h;
            k = n++;
        }
        jb->hidx[i] = (uint16_t)k;
        last = h; last_i = (uint16_t)k;
    }
    free(hm);
    jb->n_hexes = n;
}

/* Worker thread: paint queued jobs, highest priority first, until told to quit. */
static int worker_main(void *ud)
{
    UiRender *rr = ud;
    /* the frame comes first: painting ahead may wait */
    SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW);
    SDL_LockMutex(rr->mx);
    while (!rr->quit) {
        Job *best = NULL;
        for (int i = 0; i < MAX_JOBS; i++)
            if (rr->jobs[i].state == JOB_QUEUED && (!best || rr->jobs[i].prio > best->prio)) best = &rr->jobs[i];
        if (!best) { SDL_CondWait(rr->cond_work, rr->mx); continue; }
        best->state = JOB_RUNNING;
        SDL_UnlockMutex(rr->mx);
        job_paint(rr->art, best);
        SDL_LockMutex(rr->mx);
        best->state = JOB_DONE;
        SDL_CondBroadcast(rr->cond_done);
    }
    SDL_UnlockMutex(rr->mx);
    return 0;
}

/* The job for a chunk key, or NULL. Call with the mutex held. */
static Job *job_find(UiRender *rr, int level, int cx, int cy, int frozen)
{
    for (int i = 0; i < MAX_JOBS; i++) {
        Job *j = &rr->jobs[i];
        if (j->state != JOB_FREE && j->level == level && j->cx == cx && j->cy == cy && j->frozen == frozen) return j;
    }
    return NULL;
}

/* Queue a chunk for painting (or raise its priority). Call with the mutex held. Returns 0 when
 * no job slot is free. */
static int job_request(UiRender *rr, int level, int cx, int cy, int frozen, unsigned prio)
{
    Job *j = job_find(rr, level, cx, cy, frozen);
    if (j) { if (j->state != JOB_RUNNING && prio > j->prio) j->prio = prio; return 1; }
    Job *victim = NULL;
    for (int i = 0; i < MAX_JOBS; i++) {
        Job *k = &rr->jobs[i];
        if (k->state == JOB_FREE) { victim = k; break; }
        /* a stale request (an older frame's), queued or painted but never used, may be replaced */
        if ((k->state == JOB_QUEUED || k->state == JOB_DONE) && k->prio + 2 < prio &&
            (!victim || k->prio < victim->prio)) victim = k;
    }
    if (!victim) return 0;
    free(victim->base); free(victim->hidx); free(victim->hexes);
    victim->base = NULL; victim->hidx = NULL; victim->hexes = NULL;
    victim->state = JOB_QUEUED;
    victim->level = level; victim->cx = cx; victim->cy = cy; victim->frozen = frozen;
    victim->prio = prio;
    SDL_CondSignal(rr->cond_work);
    return 1;
}

/* Turn a finished job into a chunk in the least recently used slot; frees the job. */
static Chunk *chunk_adopt(UiRender *rr, Job *jb)
{
    if (!jb->base) { jb->state = JOB_FREE; return NULL; }
    Chunk *victim = &rr->chunks[0];
    for (int i = 0; i < rr->n_chunks; i++) {
        Chunk *c = &rr->chunks[i];
        if (!c->valid) { victim = c; break; }
        if (c->used < victim->used) victim = c;
    }
    if (victim->valid) chunk_drop(victim);
    Chunk *c = victim;
    c->tex = SDL_CreateTexture(rr->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, CH, CH);
    if (!c->tex) {
        free(jb->base); free(jb->hidx); free(jb->hexes);
        jb->base = NULL; jb->hidx = NULL; jb->hexes = NULL;
        jb->state = JOB_FREE;
        return NULL;
    }
    SDL_SetTextureBlendMode(c->tex, SDL_BLENDMODE_NONE);   /* opaque: a plain copy, no blending */
    c->base = jb->base; c->hidx = jb->hidx; c->hexes = jb->hexes; c->n_hexes = jb->n_hexes;
    jb->base = NULL; jb->hidx = NULL; jb->hexes = NULL;
    c->valid = 1; c->level = jb->level; c->cx = jb->cx; c->cy = jb->cy; c->frozen = jb->frozen;
    c->shade_key = 1;   /* never a real key: forces the first compose */
    c->used = rr->tick;
    jb->state = JOB_FREE;
    return c;
}

/* Paint queued jobs on this thread until none is queued, then wait for the running ones. Used
 * when a frame cannot do without its chunks (the first frame of a view, pictures). */
static void jobs_finish(UiRender *rr)
{
    SDL_LockMutex(rr->mx);
    for (;;) {
        Job *best = NULL;
        int running = 0;
        for (int i = 0; i < MAX_JOBS; i++) {
            if (rr->jobs[i].state == JOB_QUEUED && (!best || rr->jobs[i].prio > best->prio)) best = &rr->jobs[i];
            if (rr->jobs[i].state == JOB_RUNNING) running = 1;
        }
        if (best) {
            best->state = JOB_RUNNING;
            SDL_UnlockMutex(rr->mx);
            job_paint(rr->art, best);
            SDL_LockMutex(rr->mx);
            best->state = JOB_DONE;
            continue;
        }
        if (!running) break;
        SDL_CondWait(rr->cond_done, rr->mx);
    }
    SDL_UnlockMutex(rr->mx);
}

/* A chunk ready to draw: cached, or just finished by a worker. Else queue it and return NULL. */
static Chunk *chunk_get(UiRender *rr, int level, int cx, int cy, int frozen, unsigned prio)
{
    Chunk *c = chunk_find(rr, level, cx, cy, frozen);
    if (c) { c->used = rr->tick; return c; }
    SDL_LockMutex(rr->mx);
    Job *jb = job_find(rr, level, cx, cy, frozen);
    if (jb && jb->state == JOB_DONE) c = chunk_adopt(rr, jb);
    else job_request(rr, level, cx, cy, frozen, prio);
    SDL_UnlockMutex(rr->mx);
    return c;
}

/* Bring the chunk texture up to date with the per-hex shading. */
static void chunk_compose(UiRender *rr, Chunk *c)
{
    uint64_t key = 14695981039346656037ull;
    int any = 0;
    for (int i = 0; i < c->n_hexes; i++) {
        uint8_t s = rr->shade[c->hexes[i]];
        any |= s;
        key = (key ^ (uint64_t)(s + 1)) * 1099511628211ull;
    }
    if (key == c->shade_key) return;
    c->shade_key = key;
    void *pix;
    int pitch;
    if (SDL_LockTexture(c->tex, NULL, &pix, &pitch) != 0) return;
    uint8_t sh[4096];
    int nh = c->n_hexes < 4096 ? c->n_hexes : 4096;
    for (int i = 0; i < nh; i++) sh[i] = rr->shade[c->hexes[i]];
    for (int y = 0; y < CH; y++) {
        uint32_t *dst = (uint32_t *)((uint8_t *)pix + (size_t)y * pitch);
        const uint32_t *src = c->base + y * CH;
        const uint16_t *hi = c->hidx + y * CH;
        if (!any) { memcpy(dst, src, CH * 4); continue; }
        for (int x = 0; x < CH; x++) {
            uint16_t k = hi[x];
            int s = (k < nh) ? sh[k] : 0;
            dst[x] = s ? shade_px(src[x], s) : src[x];
        }
    }
    SDL_UnlockTexture(c->tex);
}

/* ---------------------------------------------------------------- overview (minimap) */

static void overview_make(UiRender *rr, int frozen)
{
    if (rr->ov && rr->ov_frozen == frozen) return;
    if (rr->ov) SDL_DestroyTexture(rr->ov);
    rr->ov = NULL;
    free(rr->ov_base); free(rr->ov_hex);
    double x0, y0, x1, y1;
    ui_map_world_bounds(rr->m, &x0, &y0, &x1, &y1);
    double z = OV_MAX_W / (x1 - x0);
    if (z > 8) z = 8;
    rr->ov_z = z;
    rr->ov_w = (int)ceil((x1 - x0) * z);
    rr->ov_h = (int)ceil((y1 - y0) * z);
    rr->ov_base = malloc((size_t)rr->ov_w * rr->ov_h * 4);
    rr->ov_hex = malloc((size_t)rr->ov_w * rr->ov_h * 4);
    if (!rr->ov_base || !rr->ov_hex) return;
    UiCanvas cv = { rr->ov_base, rr->ov_w, rr->ov_h, rr->ov_w };
    ui_art_paint(rr->art, &cv, x0 * z, y0 * z, z, frozen ? UI_ART_FROZEN : 0, 0, rr->ov_hex);
    rr->ov = SDL_CreateTexture(rr->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, rr->ov_w, rr->ov_h);
    if (rr->ov) SDL_SetTextureBlendMode(rr->ov, SDL_BLENDMODE_NONE);
    rr->ov_frozen = frozen;
    rr->ov_key = 1;
}

/* Bring the overview texture up to date with the fog of the current shading. */
static void overview_compose(UiRender *rr)
{
    if (!rr->ov) return;
    uint64_t key = fnv(14695981039346656037ull, rr->shade, (size_t)map_count(rr->m));
    if (key == rr->ov_key) return;
    rr->ov_key = key;
    void *pix;
    int pitch;
    if (SDL_LockTexture(rr->ov, NULL, &pix, &pitch) != 0) return;
    for (int y = 0; y < rr->ov_h; y++) {
        uint32_t *dst = (uint32_t *)((uint8_t *)pix + (size_t)y * pitch);
        for (int x = 0; x < rr->ov_w; x++) {
            int i = y * rr->ov_w + x;
            int h = rr->ov_hex[i];
            int s = h >= 0 ? (rr->shade[h] & 1) : 0;
            dst[x] = s ? shade_px(rr->ov_base[i], s) : rr->ov_base[i];
        }
    }
    SDL_UnlockTexture(rr->ov);
}

/* ---------------------------------------------------------------- small drawing helpers */

static void set_col(SDL_Renderer *r, uint32_t rgb, int a)
{
    SDL_SetRenderDrawColor(r, (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, (Uint8)a);
}

/* A thick line as two triangles. */
static void thick_line(SDL_Renderer *r, double x0, double y0, double x1, double y1, double w, uint32_t rgb, int a)
{
    double dx = x1 - x0, dy = y1 - y0, l = sqrt(dx * dx + dy * dy);
    if (l < 1e-6) return;
    double nx = -dy / l * w / 2, ny = dx / l * w / 2;
    SDL_Color c = { (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, (Uint8)a };
    SDL_Vertex v[4] = {
        { { (float)(x0 + nx), (float)(y0 + ny) }, c, { 0, 0 } },
        { { (float)(x1 + nx), (float)(y1 + ny) }, c, { 0, 0 } },
        { { (float)(x1 - nx), (float)(y1 - ny) }, c, { 0, 0 } },
        { { (float)(x0 - nx), (float)(y0 - ny) }, c, { 0, 0 } },
    };
    int idx[6] = { 0, 1, 2, 0, 2, 3 };
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
}

/* A filled circle as a triangle fan. */
static void fill_circle(SDL_Renderer *r, double cx, double cy, double rad, uint32_t rgb, int a)
{
    SDL_Color c = { (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, (Uint8)a };
    SDL_Vertex v[25];
    int idx[72];
    v[0].position.x = (float)cx; v[0].position.y = (float)cy; v[0].color = c;
    for (int i = 0; i < 24; i++) {
        double t = i * 2 * UI_PI / 24;
        v[i + 1].position.x = (float)(cx + cos(t) * rad);
        v[i + 1].position.y = (float)(cy + sin(t) * rad);
        v[i + 1].color = c;
        idx[3 * i] = 0; idx[3 * i + 1] = i + 1; idx[3 * i + 2] = (i + 1) % 24 + 1;
    }
    SDL_RenderGeometry(r, NULL, v, 25, idx, 72);
}

/* Corner i of a pointy-top hex of radius rad centred at (cx, cy), screen pixels. */
static void hex_corner(double cx, double cy, double rad, int i, double *x, double *y)
{
    double a = (30 + 60 * i) * UI_PI / 180;
    *x = cx + cos(a) * rad;
    *y = cy + sin(a) * rad;
}

/* A hex outline of thick lines. */
static void hex_outline(SDL_Renderer *r, double cx, double cy, double rad, double w, uint32_t rgb, int a)
{
    for (int i = 0; i < 6; i++) {
        double x0, y0, x1, y1;
        hex_corner(cx, cy, rad, i, &x0, &y0);
        hex_corner(cx, cy, rad, i + 1, &x1, &y1);
        thick_line(r, x0, y0, x1, y1, w, rgb, a);
    }
}

/* A blended texture made from a canvas; NULL on failure. */
static SDL_Texture *canvas_texture(SDL_Renderer *r, UiCanvas *cv)
{
    SDL_Surface *s = ui_ras_to_surface(cv);
    if (!s) return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (t) SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

/* ---------------------------------------------------------------- symbol textures */

static uint32_t str_h(const char *s)
{
    uint32_t h = 2166136261u;
    for (; s && *s; s++) { h ^= (unsigned char)*s; h *= 16777619u; }
    return h;
}

/* The cached counter face for a faction colour, emblem, class and size (LRU). */
static SDL_Texture *counter_tex(UiRender *rr, uint32_t rgb, const char *emblem, int cls, int size)
{
    uint32_t em = str_h(emblem);
    CTex *victim = &rr->ctex[0];
    rr->tick++;
    for (int i = 0; i < MAX_CTEX; i++) {
        CTex *c = &rr->ctex[i];
        if (c->tex && c->rgb == rgb && c->em == em && c->cls == cls && c->size == size) { c->used = rr->tick; return c->tex; }
        if (!c->tex) { if (victim->tex) victim = c; }
        else if (victim->tex && c->used < victim->used) victim = c;
    }
    UiCanvas cv;
    int h = size * 86 / 100;
    if (ui_ras_alloc(&cv, size + 2, h + 2) != 0) return NULL;
    ui_sym_counter(&cv, rgb, emblem, (UnitClass)cls);
    SDL_Texture *t = canvas_texture(rr->r, &cv);
    free(cv.px);
    if (victim->tex) SDL_DestroyTexture(victim->tex);
    victim->tex = t; victim->rgb = rgb; victim->em = em; victim->cls = cls; victim->size = size; victim->used = rr->tick;
    return t;
}

/* The cached place symbol texture for a kind, colour and size (LRU). */
static SDL_Texture *place_tex(UiRender *rr, int kind, uint32_t rgb, int size)
{
    PTex *victim = &rr->ptex[0];
    rr->tick++;
    for (int i = 0; i < MAX_PTEX; i++) {
        PTex *p = &rr->ptex[i];
        if (p->tex && p->kind == kind && p->rgb == rgb && p->size == size) { p->used = rr->tick; return p->tex; }
        if (!p->tex) { if (victim->tex) victim = p; }
        else if (victim->tex && p->used < victim->used) victim = p;
    }
    UiCanvas cv;
    if (ui_ras_alloc(&cv, size, size) != 0) return NULL;
    ui_sym_place(&cv, (PlaceKind)(kind & 0xFF), rgb, kind >> 8);
    SDL_Texture *t = canvas_texture(rr->r, &cv);
    free(cv.px);
    if (victim->tex) SDL_DestroyTexture(victim->tex);
    victim->tex = t; victim->kind = kind; victim->rgb = rgb; victim->size = size; victim->used = rr->tick;
    return t;
}

/* The leader star texture at a size (one cached). */
static SDL_Texture *star_tex(UiRender *rr, int size)
{
    if (rr->star && rr->star_size == size) return rr->star;
    if (rr->star) SDL_DestroyTexture(rr->star);
    UiCanvas cv;
    if (ui_ras_alloc(&cv, size, size) != 0) return NULL;
    ui_ras_star(&cv, size / 2.0, size / 2.0 + size * 0.04, size * 0.48, UI_HEX(0xF6CF45), UI_HEX(0x2A1C0E));
    rr->star = canvas_texture(rr->r, &cv);
    rr->star_size = size;
    free(cv.px);
    return rr->star;
}

void ui_render_place_symbol(UiRender *rr, PlaceKind kind, uint32_t rgb, int x, int y, int size)
{
    SDL_Texture *t = place_tex(rr, kind, rgb, size);
    if (!t) return;
    SDL_Rect d = { x - size / 2, y - size / 2, size, size };
    SDL_RenderCopy(rr->r, t, NULL, &d);
}

void ui_render_place_symbol_open(UiRender *rr, PlaceKind kind, uint32_t rgb, int x, int y, int size)
{
    SDL_Texture *t = place_tex(rr, (int)kind | 0x100, rgb, size);
    if (!t) return;
    SDL_Rect d = { x - size / 2, y - size / 2, size, size };
    SDL_RenderCopy(rr->r, t, NULL, &d);
}

void ui_render_faction_emblem(UiRender *rr, const Game *g, int faction, int x, int y, int size)
{
    if (!g || faction < 0 || faction >= g->n_factions) return;
    const Faction *f = &g->factions[faction];
    UiCanvas cv;
    if (ui_ras_alloc(&cv, size, size) != 0) return;
    double c = size / 2.0;
    ui_ras_disc(&cv, c, c, c - 0.5, UI_HEX(0x1E1610));
    ui_ras_disc(&cv, c, c, c - fmax(1.5, size * 0.07), UI_HEX(f->color));
    ui_sym_emblem(&cv, c, c, c * 0.62, f->emblem, ui_sym_contrast(f->color));
    SDL_Texture *t = canvas_texture(rr->r, &cv);
    free(cv.px);
    if (!t) return;
    SDL_Rect d = { x, y, size, size };
    SDL_RenderCopy(rr->r, t, NULL, &d);
    SDL_DestroyTexture(t);
}

/* ---------------------------------------------------------------- units */

static int counter_size(double z)
{
    int s = (int)lround(z * 1.6);
    if (s < 10) s = 10;
    if (s > 96) s = 96;
    return s;
}

/* Draw one counter with its centre at (cx, cy). */
static void draw_counter(UiRender *rr, const Game *g, int ui, double cx, double cy, int S, int dim, int selected)
{
    const Unit *u = &g->units[ui];
    const Faction *f = &g->factions[u->faction];
    int cls = (u->type >= 0 && u->type < g->rules.n_unit_types) ? (int)g->rules.unit_types[u->type].cls : UC_INFANTRY;
    SDL_Texture *t = counter_tex(rr, f->color, f->emblem, cls, S);
    int H = S * 86 / 100;
    int x = (int)lround(cx - S / 2.0), y = (int)lround(cy - H / 2.0);
    if (selected) {         /* a bright frame with a dark edge: the selected unit */
        int m = S / 12 > 3 ? S / 12 : 3;
        SDL_Rect dk = { x - m - 1, y - m - 1, S + 2 * m + 3, H + 2 * m + 3 };
        set_col(rr->r, 0x1E1610, 230);
        SDL_RenderFillRect(rr->r, &dk);
        SDL_Rect hl = { x - m, y - m, S + 2 * m + 1, H + 2 * m + 1 };
        set_col(rr->r, 0xFFE45C, 255);
        SDL_RenderFillRect(rr->r, &hl);
    }
    if (t) {
        if (dim) SDL_SetTextureColorMod(t, 150, 150, 150);
        SDL_Rect d = { x, y, S + 2, H + 2 };
        SDL_RenderCopy(rr->r, t, NULL, &d);
        if (dim) SDL_SetTextureColorMod(t, 255, 255, 255);
    }
    if (S < 14) return;
    uint32_t ink = ui_sym_contrast(f->color) & 0xFFFFFF;
    SDL_Color ic = { (ink >> 16) & 255, (ink >> 8) & 255, ink & 255, 255 };
    /* strength, under the class box */
    char num[16];
    snprintf(num, sizeof num, "%d", u->steps);
    ui_text_draw(rr->t, num, x + S * 65 / 100, y + H * 76 / 100, S * 42 / 100, ic, UI_TEXT_CENTER | UI_TEXT_MIDDLE | UI_TEXT_BOLD);
    /* cohesion: a bar in the band, under the emblem */
    int cmax = g->rules.cohesion_max > 0 ? g->rules.cohesion_max : 100;
    int bw = S / 8 > 2 ? S / 8 : 2, bh = H * 40 / 100;
    SDL_Rect bar = { x + S * 15 / 100 - bw / 2, y + H * 52 / 100, bw, bh };
    set_col(rr->r, 0x1E1610, 235);
    SDL_Rect bg = { bar.x - 1, bar.y - 1, bar.w + 2, bar.h + 2 };
    SDL_RenderFillRect(rr->r, &bg);
    int coh = u->cohesion < 0 ? 0 : u->cohesion > cmax ? cmax : u->cohesion;
    int fh = bh * coh / cmax;
    uint32_t cc = coh * 3 > cmax * 2 ? 0x3FBF5F : coh * 3 > cmax ? 0xF0C43A : 0xE0442F;
    set_col(rr->r, cc, 255);
    SDL_Rect fill = { bar.x, bar.y + bh - fh, bw, fh };
    SDL_RenderFillRect(rr->r, &fill);
    /* leader */
    if (u->leader >= 0) {
        int ss = S * 42 / 100;
        SDL_Texture *st = star_tex(rr, ss);
        if (st) {
            SDL_Rect d = { x + S - ss * 2 / 3, y - ss / 3, ss, ss };
            SDL_RenderCopy(rr->r, st, NULL, &d);
        }
    }
}

/* Whether a unit is drawn: alive, and friendly or in a hex the fog faction sees. */
static int unit_shown(const Game *g, const UiOverlay *o, const uint8_t *shade, int ui)
{
    const Unit *u = &g->units[ui];
    if (!u->alive) return 0;
    if (o->fog_faction < 0 || !map_in_bounds(g->map, u->hex)) return 1;
    if (game_is_friend(g, o->fog_faction, u->faction) || u->faction == o->fog_faction) return 1;
    return !(shade[map_index(g->map, u->hex)] & 1);
}

/* Units as counters, stacked by hex, rows from the top; enemies in fog are not drawn. */
static void draw_units(UiRender *rr, const UiMapView *v, const Game *g, const UiOverlay *o)
{
    const Map *m = rr->m;
    int S = counter_size(v->zoom);
    int H = S * 86 / 100;
    int touched[GAME_MAX_UNITS];
    int nt = 0;
    for (int i = 0; i < g->n_units && i < GAME_MAX_UNITS; i++) rr->next_u[i] = -1;
    /* build stacks, in ascending unit order */
    for (int i = g->n_units - 1; i >= 0; i--) {
        if (!unit_shown(g, o, rr->shade, i) || i == o->anim_unit) continue;
        Hex h = g->units[i].hex;
        if (!map_in_bounds(m, h)) continue;
        int k = map_index(m, h);
        if (rr->head[k] < 0) touched[nt++] = k;
        rr->next_u[i] = rr->head[k];
        rr->head[k] = i;
    }
    /* draw hexes top to bottom (touched sorted by index = row order) */
    for (int i = 1; i < nt; i++)
        for (int j = i; j > 0 && touched[j] < touched[j - 1]; j--) { int t = touched[j]; touched[j] = touched[j - 1]; touched[j - 1] = t; }
    double margin = S * 2;
    for (int ti = 0; ti < nt; ti++) {
        int k = touched[ti];
        Hex h = map_hex_at(m, k);
        double wx, wy, sx, sy;
        ui_hex_to_world(h, &wx, &wy);
        ui_view_world_to_screen(v, wx, wy, &sx, &sy);
        if (sx < v->vp.x - margin || sy < v->vp.y - margin || sx > v->vp.x + v->vp.w + margin ||
            sy > v->vp.y + v->vp.h + margin) {
            rr->head[k] = -1;
            continue;
        }
        int list[32], n = 0, top = -1;
        for (int u = rr->head[k]; u >= 0 && n < 32; u = rr->next_u[u]) list[n++] = u;
        rr->head[k] = -1;
        /* top of the stack: the selected unit, else the strongest */
        for (int i = 0; i < n; i++) if (list[i] == o->selected_unit) top = i;
        if (top < 0) {
            top = 0;
            for (int i = 1; i < n; i++) if (g->units[list[i]].steps > g->units[list[top]].steps) top = i;
        }
        int off = S / 10 > 2 ? S / 10 : 2;
        int shown = n > 4 ? 4 : n;
        /* back counters first: offsets up-left behind the top one */
        int drawn = 0;
        for (int i = n - 1; i >= 0 && drawn < shown; i--) {
            if (i == top) continue;
            if (drawn + 1 >= shown) break;
            int d = shown - 1 - drawn;
            draw_counter(rr, g, list[i], sx + d * off, sy + d * off - H * 0.05, S, 0, 0);
            drawn++;
        }
        int u = list[top];
        int dim = g->units[u].faction == g->active && (o->fog_faction < 0 || o->fog_faction == g->active) &&
                  !game_unit_can_act(g, u);
        draw_counter(rr, g, u, sx, sy - H * 0.05, S, dim, u == o->selected_unit);
        if (n > 1 && S >= 16) {
            char cnt[8];
            snprintf(cnt, sizeof cnt, "%d", n);
            /* the count sits on the counter's bottom-left corner, clear of emblem, star and strength */
            int bx = (int)lround(sx - S / 2.0), by = (int)lround(sy - H * 0.05 + H / 2.0);
            int r = S / 5 > 6 ? S / 5 : 6;
            fill_circle(rr->r, bx, by, r + 1, 0x1E1610, 255);
            fill_circle(rr->r, bx, by, r, 0xFBF6E8, 255);
            SDL_Color ink = { 30, 22, 16, 255 };
            ui_text_draw(rr->t, cnt, bx, by, r * 3 / 2 + 2, ink, UI_TEXT_CENTER | UI_TEXT_MIDDLE | UI_TEXT_BOLD);
        }
    }
    if (o->anim_unit >= 0 && o->anim_unit < g->n_units && g->units[o->anim_unit].alive) {
        double sx, sy;
        ui_view_world_to_screen(v, o->anim_wx, o->anim_wy, &sx, &sy);
        draw_counter(rr, g, o->anim_unit, sx, sy - H * 0.05, S, 0, o->anim_unit == o->selected_unit);
    }
}

void ui_render_unit_counter(UiRender *rr, const Game *g, int unit, int x, int y, int size)
{
    if (!g || unit < 0 || unit >= g->n_units) return;
    int H = size * 86 / 100;
    draw_counter(rr, g, unit, x + size / 2.0, y + H / 2.0, size, 0, 0);
}

/* ---------------------------------------------------------------- places */

typedef struct LabelBox { int x0, y0, x1, y1; } LabelBox;

/* The smallest zoom at which a kind of place is drawn in the game view. */
static int place_min_zoom(PlaceKind k)
{
    switch (k) {
    case PLACE_CAPITAL: return 0;
    case PLACE_CITY: case PLACE_FORTRESS: return 6;
    case PLACE_PASS: case PLACE_TOWN: return 8;
    default: return 11;
    }
}

/* Drawing and labelling priority of a kind of place (capitals first). */
static int place_rank(PlaceKind k)
{
    static const int r[PLACE_KIND_COUNT] = { [PLACE_CAPITAL] = 0, [PLACE_CITY] = 1, [PLACE_FORTRESS] = 2,
                                             [PLACE_PASS] = 3, [PLACE_TOWN] = 4, [PLACE_CAMP] = 5, [PLACE_SITE] = 6 };
    return (unsigned)k < PLACE_KIND_COUNT ? r[k] : 7;
}

/* Overlap area of two boxes (0 when apart). */
static long box_overlap(const UiLabel *a, const UiLabel *b)
{
    int w = (a->x1 < b->x1 ? a->x1 : b->x1) - (a->x0 > b->x0 ? a->x0 : b->x0) + 1;
    int h = (a->y1 < b->y1 ? a->y1 : b->y1) - (a->y0 > b->y0 ? a->y0 : b->y0) + 1;
    return (w > 0 && h > 0) ? (long)w * h : 0;
}

/* Distance from a point to a box (0 inside). */
static double box_dist(const UiLabel *b, double x, double y)
{
    double dx = x < b->x0 ? b->x0 - x : (x > b->x1 ? x - b->x1 : 0);
    double dy = y < b->y0 ? b->y0 - y : (y > b->y1 ? y - b->y1 : 0);
    return sqrt(dx * dx + dy * dy);
}

/* Place symbols in their owners' colours (hollow for uncertain sites) and their names, capitals
 * first. A name takes the first free position of its candidates around the symbol. In the game
 * there are four candidates and a name that finds none is left out (capitals keep theirs); on
 * the atlas every place is named: 36 positions at three distances, avoiding every symbol, the
 * names placed before, the obstacles and positions nearer another symbol; the cheapest wins, an
 * overlap costing most, then an ambiguity, then distance and river lines crossed. draw 0 only
 * lays out (rr->labels). */
static void draw_places(UiRender *rr, const UiMapView *v, const Game *g, const UiOverlay *o, int draw)
{
    const Map *m = rr->m;
    double z = v->zoom;
    int atlas = o->atlas > 0;
    /* pass 1: where the symbols go and how big */
    struct { int shown, size, occupied, uncertain; double px, py; } sym[MAP_MAX_PLACES];
    rr->n_labels = 0;
    for (int p = 0; p < m->n_places && p < MAP_MAX_PLACES; p++) {
        const MapPlace *pl = &m->places[p];
        sym[p].shown = 0;
        if (!atlas && z < place_min_zoom(pl->kind)) continue;
        double wx, wy, sx, sy;
        ui_hex_to_world(pl->hex, &wx, &wy);
        ui_view_world_to_screen(v, wx, wy, &sx, &sy);
        if (sx < v->vp.x - 200 || sy < v->vp.y - 50 || sx > v->vp.x + v->vp.w + 50 || sy > v->vp.y + v->vp.h + 50)
            continue;
        int big = pl->kind == PLACE_CAPITAL;
        int size = (int)lround(z * (big ? 0.95 : 0.7));
        if (atlas) size = (int)lround(o->atlas * (big ? 0.24 : 0.15));
        int lo = big ? 14 : 9, hi = big ? 60 : 40;
        if (size < lo) size = lo;
        if (size > hi) size = hi;
        /* with units in the hex, the symbol moves to the hex's top-left so the counter leaves it visible */
        double px = sx, py = sy;
        int occupied = 0;
        if (g && o->show_units) {
            int us[2];
            if (game_units_at(g, pl->hex, us, 2) > 0 && unit_shown(g, o, rr->shade, us[0])) occupied = 1;
        }
        if (occupied) {   /* beside the counter's left edge, where the counter leaves it visible */
            int cs = counter_size(z);
            size = size * 4 / 5;
            px = sx - cs / 2.0 - size * 0.35;
            py = sy - cs * 0.86 * 0.3;
        }
        sym[p].shown = 1; sym[p].size = size; sym[p].occupied = occupied;
        sym[p].uncertain = ui_place_uncertain(pl);
        sym[p].px = px; sym[p].py = py;
        if (atlas && rr->n_labels < UI_MAX_LABELS) {
            int hs = size * 2 / 5;
            rr->labels[rr->n_labels++] = (UiLabel){ (int)px - hs, (int)py - hs, (int)px + hs, (int)py + hs, p, 1 };
        }
    }
    /* pass 2: symbols and names by rank */
    for (int rank = 0; rank < 8; rank++)
        for (int p = 0; p < m->n_places && p < MAP_MAX_PLACES; p++) {
            const MapPlace *pl = &m->places[p];
            if (place_rank(pl->kind) != rank || !sym[p].shown) continue;
            double px = sym[p].px, py = sym[p].py;
            int size = sym[p].size, big = pl->kind == PLACE_CAPITAL;
            if (draw) {
                uint32_t rgb = ui_owner_color(pl->owner1114);
                if (g) {
                    int ow = g->places[p].owner;
                    rgb = (ow >= 0 && ow < g->n_factions) ? g->factions[ow].color : 0x8A8070;
                }
                if (sym[p].uncertain) ui_render_place_symbol_open(rr, pl->kind, rgb, (int)lround(px), (int)lround(py), size);
                else ui_render_place_symbol(rr, pl->kind, rgb, (int)lround(px), (int)lround(py), size);
            }
            if (!o->show_names) continue;
            const char *name = (o->show_hanzi && pl->hanzi[0]) ? pl->hanzi : pl->name;
            int fs = (int)lround(z * (big ? 0.62 : 0.5));
            if (atlas) fs = (int)lround(o->atlas * (big ? 0.21 : 0.15));
            if (name == pl->hanzi) fs = fs * 6 / 5;     /* hanzi need a little more size to read */
            int flo = big ? 15 : 12, fhi = big ? 60 : 44;
            if (fs < flo) fs = flo;
            if (fs > fhi) fs = fhi;
            int flags = UI_TEXT_HALO | (big ? UI_TEXT_BOLD : 0) | (atlas ? UI_TEXT_SERIF : 0);
            int tw, th;
            ui_text_size(rr->t, name, fs, flags, &tw, &th);
            /* candidates: right, left, above, below; on the atlas also the diagonals, and all
             * eight again further out */
            int n_cand = atlas ? 36 : 4;
            int cand[36][2];
            for (int ring = 0; ring < 3; ring++) {
                int gap = size / 2 + 2 + ring * (size / 2 + th / 2), dg = gap * 7 / 10;
                int (*c)[2] = &cand[ring * 12];
                c[0][0] = (int)px + gap;          c[0][1] = (int)py - th / 2;
                c[1][0] = (int)px - gap - tw;     c[1][1] = (int)py - th / 2;
                c[2][0] = (int)px - tw / 2;       c[2][1] = (int)py - gap - th;
                c[3][0] = (int)px - tw / 2;       c[3][1] = (int)py + gap;
                c[4][0] = (int)px + dg;           c[4][1] = (int)py - dg - th;
                c[5][0] = (int)px + dg;           c[5][1] = (int)py + dg;
                c[6][0] = (int)px - dg - tw;      c[6][1] = (int)py - dg - th;
                c[7][0] = (int)px - dg - tw;      c[7][1] = (int)py + dg;
                /* beside, half a line up or down */
                c[8][0] = (int)px + gap;          c[8][1] = (int)py - th;
                c[9][0] = (int)px + gap;          c[9][1] = (int)py;
                c[10][0] = (int)px - gap - tw;    c[10][1] = (int)py - th;
                c[11][0] = (int)px - gap - tw;    c[11][1] = (int)py;
            }
            if (sym[p].occupied) {   /* the counter covers the right and below: prefer above */
                int gap = size / 2 + 2;
                cand[0][0] = (int)px - tw / 2; cand[0][1] = (int)py - gap - th;
                cand[2][0] = (int)px + gap; cand[2][1] = (int)py - th / 2;
            }
            int chosen = -1, best_c = 0;
            long best = -1;
            for (int c = 0; c < n_cand && (chosen < 0 || atlas); c++) {
                UiLabel b = { cand[c][0], cand[c][1], cand[c][0] + tw, cand[c][1] + th, p, 0 };
                long over = 0;
                for (int i = 0; i < rr->n_labels; i++) {
                    if (rr->labels[i].symbol && rr->labels[i].place == p) continue;
                    over += box_overlap(&b, &rr->labels[i]);
                }
                if (atlas) {
                    /* a name nearer another place's symbol than its own reads as that place's */
                    over *= 1000;      /* any overlap is worse than a name that reads two ways */
                    double own = box_dist(&b, px, py);
                    for (int q = 0; q < m->n_places && q < MAP_MAX_PLACES; q++)
                        if (q != p && sym[q].shown && box_dist(&b, sym[q].px, sym[q].py) < own) {
                            over += 200 + c;
                            break;
                        }
                    /* a name across a river line reads a little worse than one beside it, and
                     * one further out worse than one close by */
                    double wx0, wy0, wx1, wy1;
                    ui_view_screen_to_world(v, b.x0, b.y0, &wx0, &wy0);
                    ui_view_screen_to_world(v, b.x1, b.y1, &wx1, &wy1);
                    int hits = rr->art ? ui_art_river_hits(rr->art, wx0, wy0, wx1, wy1) : 0;
                    over += 4 * (hits < 5 ? hits : 5) + 25 * (c / 12) + (c % 12);
                    for (int i = 0; i < rr->n_obst; i++) over += 1000 * box_overlap(&b, &rr->obst[i]);
                    /* off the map frame counts as a clash */
                    if (b.x0 < v->vp.x || b.y0 < v->vp.y || b.x1 >= v->vp.x + v->vp.w || b.y1 >= v->vp.y + v->vp.h)
                        over += 1000L * tw * th;
                }
                if (best < 0 || over < best) { best = over; best_c = c; }
                if (over == 0 && chosen < 0) chosen = c;
            }
            if (atlas) chosen = best_c;     /* the atlas weighs every candidate: the cheapest wins */
            if (chosen < 0) {
                if (atlas) chosen = best_c;
                else if (!big) continue;
                else chosen = 0;
            }
            UiLabel b = { cand[chosen][0], cand[chosen][1], cand[chosen][0] + tw, cand[chosen][1] + th, p, 0 };
            if (rr->n_labels < UI_MAX_LABELS) rr->labels[rr->n_labels++] = b;
            if (!draw) continue;
            SDL_Color ink = { 34, 24, 16, 255 };
            if (big) ink = (SDL_Color){ 110, 20, 16, 255 };
            ui_text_draw(rr->t, name, b.x0, b.y0, fs, ink, flags);
        }
}

void ui_render_places(UiRender *rr, const UiMapView *v, const Game *g, const UiOverlay *o)
{
    draw_places(rr, v, g, o, 1);
}

void ui_render_places_layout(UiRender *rr, const UiMapView *v, const Game *g, const UiOverlay *o)
{
    draw_places(rr, v, g, o, 0);
}

int ui_render_labels(const UiRender *rr, const UiLabel **out)
{
    *out = rr->labels;
    return rr->n_labels;
}

void ui_render_label_obstacles(UiRender *rr, const UiLabel *boxes, int n)
{
    if (n > UI_MAX_OBSTACLES) n = UI_MAX_OBSTACLES;
    if (n < 0) n = 0;
    if (n) memcpy(rr->obst, boxes, sizeof *boxes * (size_t)n);
    rr->n_obst = n;
}

/* ---------------------------------------------------------------- borders map mode */

/* One dash of a border line in the game view. */
typedef struct BorderDash { SDL_Renderer *r; double lw; } BorderDash;
static void border_dash(double x0, double y0, double x1, double y1, void *ud)
{
    const BorderDash *bd = ud;
    thick_line(bd->r, x0, y0, x1, y1, bd->lw, UI_BORDER_RGB, 230);
}

/* The borders of 1114: a translucent band under a dashed line in the border colour. */
static void draw_borders(UiRender *rr, const UiMapView *v)
{
    double z = v->zoom;
    double band = fmax(4.0, z * 0.35), lw = fmax(1.6, z * 0.09), dash = fmax(8.0, z * 0.7);
    for (int b = 0; b < MAP_MAX_BORDERS; b++) {
        const double *xy = rr->border_xy[b];
        if (!xy || rr->border_n[b] < 2) continue;
        for (int pass = 0; pass < 2; pass++) {
            double walked = 0;    /* along the line, for the dashes */
            for (int k = 0; k + 1 < rr->border_n[b]; k++) {
                double x0, y0, x1, y1;
                ui_view_world_to_screen(v, xy[2 * k], xy[2 * k + 1], &x0, &y0);
                ui_view_world_to_screen(v, xy[2 * k + 2], xy[2 * k + 3], &x1, &y1);
                double len = hypot(x1 - x0, y1 - y0);
                if (pass == 0) { thick_line(rr->r, x0, y0, x1, y1, band, UI_BORDER_RGB, 70); continue; }
                BorderDash bd = { rr->r, lw };
                ui_dash_segment(x0, y0, x1, y1, walked, dash, dash * 1.6, border_dash, &bd);
                walked += len;
            }
        }
    }
}

/* ---------------------------------------------------------------- reach, path, hover */

static void draw_reach_edge(UiRender *rr, const UiMapView *v, const UiOverlay *o)
{
    const Map *m = rr->m;
    const Reach *re = o->reach;
    double z = v->zoom;
    for (int i = 0; i < re->n_list; i++) {
        int idx = re->list[i];
        if (idx < 0 || idx >= map_count(m) || re->cost[idx] < 0) continue;
        Hex h = map_hex_at(m, idx);
        double wx, wy, sx, sy;
        ui_hex_to_world(h, &wx, &wy);
        ui_view_world_to_screen(v, wx, wy, &sx, &sy);
        if (sx < v->vp.x - 2 * z || sy < v->vp.y - 2 * z || sx > v->vp.x + v->vp.w + 2 * z || sy > v->vp.y + v->vp.h + 2 * z)
            continue;
        for (int d = 0; d < 6; d++) {
            Hex nb = hex_neighbor(h, d);
            if (map_in_bounds(m, nb) && re->cost[map_index(m, nb)] >= 0) continue;
            double a0 = (-60.0 * d - 30) * UI_PI / 180, a1 = (-60.0 * d + 30) * UI_PI / 180;
            double r = z * 0.97;
            thick_line(rr->r, sx + cos(a0) * r, sy + sin(a0) * r, sx + cos(a1) * r, sy + sin(a1) * r,
                       fmax(2.0, z * 0.09), 0xFFF3C4, 235);
        }
        if (re->stop && re->stop[idx] && z >= 11)   /* must stop here: a small bar */
            fill_circle(rr->r, sx, sy + z * 0.62, fmax(2, z * 0.08), 0xB0302A, 220);
    }
}

/* The path to the hovered destination with its movement cost in a disc at the end. */
static void draw_path(UiRender *rr, const UiMapView *v, const UiOverlay *o)
{
    double z = v->zoom;
    double w = fmax(3, z * 0.16);
    double px[512], py[512];
    int n = o->path_len < 512 ? o->path_len : 512;
    for (int i = 0; i < n; i++) {
        double wx, wy;
        ui_hex_to_world(o->path[i], &wx, &wy);
        ui_view_world_to_screen(v, wx, wy, &px[i], &py[i]);
    }
    for (int i = 0; i + 1 < n; i++) thick_line(rr->r, px[i], py[i], px[i + 1], py[i + 1], w + 3, 0x1E1610, 200);
    for (int i = 0; i + 1 < n; i++) thick_line(rr->r, px[i], py[i], px[i + 1], py[i + 1], w, 0xFFF3C4, 255);
    for (int i = 1; i + 1 < n; i++) fill_circle(rr->r, px[i], py[i], w * 0.9, 0xFFF3C4, 255);
    if (n >= 2) {
        double ex = px[n - 1], ey = py[n - 1];
        fill_circle(rr->r, ex, ey, fmax(9, z * 0.38), 0x1E1610, 230);
        fill_circle(rr->r, ex, ey, fmax(8, z * 0.34), 0xFFF3C4, 255);
        if (o->path_cost >= 0) {
            char c[16];
            snprintf(c, sizeof c, "%d", o->path_cost);
            SDL_Color ink = { 30, 22, 16, 255 };
            ui_text_draw(rr->t, c, (int)ex, (int)ey, (int)fmax(12, z * 0.45), ink, UI_TEXT_CENTER | UI_TEXT_MIDDLE | UI_TEXT_BOLD);
        }
    }
}

/* The hex under the mouse: a white outline, or red with crossed strokes for an attack. */
static void draw_hover(UiRender *rr, const UiMapView *v, const UiOverlay *o)
{
    double wx, wy, sx, sy;
    ui_hex_to_world(o->hover, &wx, &wy);
    ui_view_world_to_screen(v, wx, wy, &sx, &sy);
    double z = v->zoom;
    if (o->hover_attack) {
        hex_outline(rr->r, sx, sy, z * 0.96, fmax(3, z * 0.12), 0xE0442F, 255);
        double s = z * 0.45;
        thick_line(rr->r, sx - s, sy - s, sx + s, sy + s, fmax(2, z * 0.08), 0xE0442F, 255);
        thick_line(rr->r, sx - s, sy + s, sx + s, sy - s, fmax(2, z * 0.08), 0xE0442F, 255);
    } else {
        hex_outline(rr->r, sx, sy, z * 0.96, fmax(2.5, z * 0.08), 0xFFFFFF, 230);
    }
}

/* ---------------------------------------------------------------- the frame */

static int level_of(double z)
{
    for (int i = 0; i < UI_ZOOM_LEVELS; i++)
        if (fabs(ui_zoom_levels[i] - z) < 1e-6) return i;
    return -1;
}

/* Milliseconds from SDL's performance counter (benchmark timing only). */
static double now_ms(void)
{
    return SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* Paint the view directly at its exact zoom (atlas pictures, zooms between levels). */
static void draw_direct(UiRender *rr, const UiMapView *v, int frozen, int grid)
{
    if (!rr->direct || rr->direct_w != v->vp.w || rr->direct_h != v->vp.h) {
        if (rr->direct) SDL_DestroyTexture(rr->direct);
        rr->direct = SDL_CreateTexture(rr->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, v->vp.w, v->vp.h);
        rr->direct_w = v->vp.w; rr->direct_h = v->vp.h;
        rr->direct_key = 0;
        if (rr->direct) SDL_SetTextureBlendMode(rr->direct, SDL_BLENDMODE_NONE);
    }
    if (!rr->direct) return;
    /* a still view (a menu backdrop) is painted once */
    uint64_t key = fnv(14695981039346656037ull, &v->cx, sizeof v->cx);
    key = fnv(key, &v->cy, sizeof v->cy);
    key = fnv(key, &v->zoom, sizeof v->zoom);
    int look[2] = { frozen, grid };
    key = fnv(key, look, sizeof look);
    key = fnv(key, rr->shade, (size_t)map_count(rr->m));
    if (key == rr->direct_key) { SDL_RenderCopy(rr->r, rr->direct, NULL, &v->vp); return; }
    rr->direct_key = key;
    UiCanvas cv;
    if (ui_ras_alloc(&cv, v->vp.w, v->vp.h) != 0) return;
    int32_t *hm = malloc((size_t)v->vp.w * v->vp.h * 4);
    double ox = floor(v->cx * v->zoom - v->vp.w / 2.0), oy = floor(v->cy * v->zoom - v->vp.h / 2.0);
    ui_art_paint(rr->art, &cv, ox, oy, v->zoom, (grid ? UI_ART_GRID : 0) | (frozen ? UI_ART_FROZEN : 0),
                 grid ? grid_alpha_for(v->zoom) : 0, hm);
    if (hm)
        for (int i = 0; i < v->vp.w * v->vp.h; i++)
            if (hm[i] >= 0 && rr->shade[hm[i]]) cv.px[i] = shade_px(cv.px[i], rr->shade[hm[i]]);
    free(hm);
    SDL_UpdateTexture(rr->direct, NULL, cv.px, v->vp.w * 4);
    free(cv.px);
    SDL_RenderCopy(rr->r, rr->direct, NULL, &v->vp);
}

void ui_render_map(UiRender *rr, const UiMapView *v, const Game *g, const UiOverlay *o_in)
{
    UiOverlay def;
    if (!o_in) { ui_overlay_init(&def); o_in = &def; }
    const UiOverlay *o = o_in;
    SDL_Renderer *r = rr->r;
    rr->tick++;
    SDL_Rect old_clip;
    SDL_bool had_clip = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &old_clip);
    SDL_RenderSetClipRect(r, &v->vp);
    /* the paper beyond the map; skipped when chunks cover the whole view (a full-screen fill
     * costs as much as the map itself on the software renderer) */
    {
        double x0, y0, x1, y1, wx0, wy0, wx1, wy1;
        ui_map_world_bounds(rr->m, &x0, &y0, &x1, &y1);
        ui_view_screen_to_world(v, v->vp.x, v->vp.y, &wx0, &wy0);
        ui_view_screen_to_world(v, v->vp.x + v->vp.w, v->vp.y + v->vp.h, &wx1, &wy1);
        int covered = level_of(v->zoom) >= 0 && !o->atlas && wx0 >= x0 && wy0 >= y0 && wx1 <= x1 && wy1 <= y1;
        if (!covered) {
            SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
            set_col(r, 0xE4DCC8, 255);
            SDL_RenderFillRect(r, &v->vp);
        }
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    }

    compute_shade(rr, g, o);
    int frozen = frozen_of(g, o);
    int level = o->atlas ? -1 : level_of(v->zoom);
    if (level < 0) {
        draw_direct(rr, v, frozen, o->show_grid && !o->atlas);
    } else {
        int z = ui_zoom_levels[level];
        long ox = (long)floor(v->cx * z - v->vp.w / 2.0), oy = (long)floor(v->cy * z - v->vp.h / 2.0);
        int cx0 = (int)floor(ox / (double)CH), cy0 = (int)floor(oy / (double)CH);
        int cx1 = (int)floor((ox + v->vp.w - 1) / (double)CH), cy1 = (int)floor((oy + v->vp.h - 1) / (double)CH);
        double x0, y0, x1, y1;
        ui_map_world_bounds(rr->m, &x0, &y0, &x1, &y1);
        int mx0 = (int)floor(x0 * z / CH), my0 = (int)floor(y0 * z / CH);
        int mx1 = (int)floor(x1 * z / CH), my1 = (int)floor(y1 * z / CH);
        rr->frame++;
        int need = (cx1 - cx0 + 3) * (cy1 - cy0 + 3) + 24;
        if (need > rr->n_chunks) {     /* no chunk pointer is held across this */
            Chunk *nc = realloc(rr->chunks, (size_t)need * sizeof *nc);
            if (nc) {
                memset(nc + rr->n_chunks, 0, (size_t)(need - rr->n_chunks) * sizeof *nc);
                rr->chunks = nc;
                rr->n_chunks = need;
            }
        }
        int variant = frozen | (o->show_grid ? 2 : 0);    /* the chunk's look beyond its place */
        /* what the view needs: ask for every missing chunk; when all are missing (the first
         * frame, a jump) paint them now rather than show a blur */
        int missing = 0, total = 0;
        for (int cy = cy0; cy <= cy1; cy++)
            for (int cx = cx0; cx <= cx1; cx++) {
                if (cx < mx0 || cy < my0 || cx > mx1 || cy > my1) continue;
                total++;
                if (!chunk_get(rr, level, cx, cy, variant, rr->frame * 2 + 1)) missing++;
            }
        if (missing && (rr->complete || missing == total || rr->n_workers == 0)) jobs_finish(rr);
        for (int cy = cy0; cy <= cy1; cy++)
            for (int cx = cx0; cx <= cx1; cx++) {
                if (cx < mx0 || cy < my0 || cx > mx1 || cy > my1) continue;
                SDL_Rect d = { (int)(cx * (long)CH - ox) + v->vp.x, (int)(cy * (long)CH - oy) + v->vp.y, CH, CH };
                Chunk *c = chunk_get(rr, level, cx, cy, variant, rr->frame * 2 + 1);
                if (c) {
                    chunk_compose(rr, c);
                    SDL_RenderCopy(r, c->tex, NULL, &d);
                } else {
                    /* not painted yet: the overview stands in for a frame or two */
                    overview_make(rr, frozen);
                    overview_compose(rr);
                    if (rr->ov) {
                        double sx0 = (cx * (double)CH / z - x0) * rr->ov_z, sy0 = (cy * (double)CH / z - y0) * rr->ov_z;
                        double sw = CH / (double)z * rr->ov_z;
                        SDL_Rect sr = { (int)floor(sx0), (int)floor(sy0), (int)ceil(sw) + 1, (int)ceil(sw) + 1 };
                        SDL_RenderCopy(r, rr->ov, &sr, &d);
                    }
                }
            }
        /* prefetch the ring around the view, at a lower priority */
        for (int cy = cy0 - 1; cy <= cy1 + 1; cy++)
            for (int cx = cx0 - 1; cx <= cx1 + 1; cx++) {
                if (cx >= cx0 && cx <= cx1 && cy >= cy0 && cy <= cy1) continue;
                if (cx < mx0 || cy < my0 || cx > mx1 || cy > my1) continue;
                chunk_get(rr, level, cx, cy, variant, rr->frame * 2);
            }
    }
    if (g && o->reach) draw_reach_edge(rr, v, o);
    if (o->marked && g) {
        for (int i = 0; i < o->n_marked; i++) {
            if (o->marked[i] < 0 || o->marked[i] >= map_count(rr->m)) continue;
            Hex h = map_hex_at(rr->m, o->marked[i]);
            double wx, wy, sx, sy;
            ui_hex_to_world(h, &wx, &wy);
            ui_view_world_to_screen(v, wx, wy, &sx, &sy);
            hex_outline(r, sx, sy, v->zoom * 0.9, fmax(1.5, v->zoom * 0.05), 0xFFE45C, 200);
        }
    }
    if (o->show_borders) draw_borders(rr, v);
    draw_places(rr, v, g, o, 1);
    if (g && o->show_units) draw_units(rr, v, g, o);
    if (o->path && o->path_len >= 2) draw_path(rr, v, o);
    if (o->has_hover) draw_hover(rr, v, o);
    if (had_clip) SDL_RenderSetClipRect(r, &old_clip);
    else SDL_RenderSetClipRect(r, NULL);
}

/* ---------------------------------------------------------------- minimap */

static void minimap_fit(UiRender *rr, SDL_Rect dst, SDL_Rect *out, double *scale)
{
    double x0, y0, x1, y1;
    ui_map_world_bounds(rr->m, &x0, &y0, &x1, &y1);
    double s = fmin(dst.w / (x1 - x0), dst.h / (y1 - y0));
    int w = (int)((x1 - x0) * s), h = (int)((y1 - y0) * s);
    out->x = dst.x + (dst.w - w) / 2;
    out->y = dst.y + (dst.h - h) / 2;
    out->w = w;
    out->h = h;
    *scale = s;
}

void ui_render_minimap(UiRender *rr, SDL_Rect dst, const Game *g, const UiMapView *main_view, int fog_faction)
{
    SDL_Renderer *r = rr->r;
    UiOverlay o;
    ui_overlay_init(&o);
    o.fog_faction = fog_faction;
    compute_shade(rr, g, &o);
    int frozen = g ? game_rivers_frozen(g) != 0 : 0;
    overview_make(rr, frozen);
    overview_compose(rr);
    SDL_Rect fit;
    double s;
    minimap_fit(rr, dst, &fit, &s);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    set_col(r, 0xE4DCC8, 255);
    SDL_RenderFillRect(r, &dst);
    if (rr->ov) SDL_RenderCopy(r, rr->ov, NULL, &fit);
    double x0, y0, x1, y1;
    ui_map_world_bounds(rr->m, &x0, &y0, &x1, &y1);
    if (g) {
        int ds = s * 1.6 > 3 ? (int)(s * 1.6) : 3;
        for (int i = 0; i < g->n_units; i++) {
            if (!unit_shown(g, &o, rr->shade, i)) continue;
            double wx, wy;
            ui_hex_to_world(g->units[i].hex, &wx, &wy);
            int px = fit.x + (int)((wx - x0) * s), py = fit.y + (int)((wy - y0) * s);
            SDL_Rect d = { px - ds / 2 - 1, py - ds / 2 - 1, ds + 2, ds + 2 };
            set_col(r, 0x1E1610, 255);
            SDL_RenderFillRect(r, &d);
            d.x++; d.y++; d.w -= 2; d.h -= 2;
            set_col(r, g->factions[g->units[i].faction].color, 255);
            SDL_RenderFillRect(r, &d);
        }
    }
    if (main_view) {
        double wx0, wy0, wx1, wy1;
        ui_view_screen_to_world(main_view, main_view->vp.x, main_view->vp.y, &wx0, &wy0);
        ui_view_screen_to_world(main_view, main_view->vp.x + main_view->vp.w, main_view->vp.y + main_view->vp.h, &wx1, &wy1);
        SDL_Rect vr = { fit.x + (int)((wx0 - x0) * s), fit.y + (int)((wy0 - y0) * s),
                        (int)((wx1 - wx0) * s), (int)((wy1 - wy0) * s) };
        SDL_Rect old;
        SDL_bool had = SDL_RenderIsClipEnabled(r);
        SDL_RenderGetClipRect(r, &old);
        SDL_RenderSetClipRect(r, &dst);
        set_col(r, 0x1E1610, 255);
        SDL_Rect o2 = { vr.x - 1, vr.y - 1, vr.w + 2, vr.h + 2 };
        SDL_RenderDrawRect(r, &o2);
        set_col(r, 0xFFFFFF, 255);
        SDL_RenderDrawRect(r, &vr);
        if (had) SDL_RenderSetClipRect(r, &old);
        else SDL_RenderSetClipRect(r, NULL);
    }
}

int ui_minimap_hex(UiRender *rr, SDL_Rect dst, int sx, int sy, Hex *out)
{
    SDL_Rect fit;
    double s;
    minimap_fit(rr, dst, &fit, &s);
    if (sx < fit.x || sy < fit.y || sx >= fit.x + fit.w || sy >= fit.y + fit.h) return 0;
    double x0, y0, x1, y1;
    ui_map_world_bounds(rr->m, &x0, &y0, &x1, &y1);
    Hex h = ui_world_to_hex(x0 + (sx - fit.x + 0.5) / s, y0 + (sy - fit.y + 0.5) / s);
    if (!map_in_bounds(rr->m, h)) return 0;
    *out = h;
    return 1;
}

/* ---------------------------------------------------------------- benchmark */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int ui_bench_frames(int w, int h, int frames, double *median_ms, double *p99_ms)
{
    char err[512];
    if (frames < 10) frames = 10;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) { fprintf(stderr, "RENDER: bench: %s\n", SDL_GetError()); return -1; }
    Session *s = NULL;
    ScenarioInfo list[64];
    int n = lscript_list_scenarios(list, 64);
    /* the scenario with the most units */
    int best = -1;
    for (int i = 0; i < n; i++) {
        if (list[i].is_campaign) continue;
        Session *t = session_new(list[i].id, 1, "all", 1, err, sizeof err);
        if (!t) continue;
        int alive = 0;
        for (int u = 0; u < t->game->n_units; u++) alive += t->game->units[u].alive;
        if (best < 0 || alive > best) { best = alive; session_free(s); s = t; }
        else session_free(t);
    }
    const Map *m = s ? s->game->map : lscript_theatre(err, sizeof err);
    if (!m) { fprintf(stderr, "RENDER: bench: %s\n", err); return -1; }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    UiText *t = r ? ui_text_open(r, lscript_data_dir(), 16, err, sizeof err) : NULL;
    UiRender *rr = t ? ui_render_new(r, t, m, err, sizeof err) : NULL;
    if (!rr) {
        fprintf(stderr, "RENDER: bench: %s\n", r ? err : SDL_GetError());
        ui_text_close(t);
        if (r) SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
        session_free(s);
        return -1;
    }
    rr->complete = 0;       /* measure the window's behaviour: chunks painted off the frame */
    UiMapView v;
    SDL_Rect vp = { 0, 0, w, h };
    ui_view_init(&v, m, vp);
    v.zoom = 30;
    double x0, y0, x1, y1;
    ui_map_world_bounds(m, &x0, &y0, &x1, &y1);
    double hw = w / 2.0 / v.zoom, hh = h / 2.0 / v.zoom;
    v.cx = x0 + hw;
    v.cy = y0 + hh;
    UiOverlay o;
    ui_overlay_init(&o);
    double *ms = malloc(sizeof(double) * frames);
    /* the first frame paints the whole view at once (as on entering a game): not timed */
    ui_render_map(rr, &v, s ? s->game : NULL, &o);
    ui_render_minimap(rr, (SDL_Rect){ w - 300, h - 200, 290, 190 }, s ? s->game : NULL, &v, -1);
    /* serpentine scroll over the whole theatre, 24 pixels a frame: along a row, then down half
     * a screen, then back along the next row */
    double step = 24.0 / v.zoom, dir = 1, down_left = 0;
    for (int f = 0; f < frames; f++) {
        double a = now_ms();
        SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
        SDL_RenderClear(r);
        ui_render_map(rr, &v, s ? s->game : NULL, &o);
        ui_render_minimap(rr, (SDL_Rect){ w - 300, h - 200, 290, 190 }, s ? s->game : NULL, &v, -1);
        SDL_RenderPresent(r);
        ms[f] = now_ms() - a;
        if (down_left > 0) {
            v.cy += step;
            down_left -= step;
            if (v.cy > y1 - hh) { v.cy = y0 + hh; down_left = 0; }
            continue;
        }
        v.cx += step * dir;
        if (v.cx > x1 - hw || v.cx < x0 + hw) {
            dir = -dir;
            v.cx += step * dir;
            down_left = h * 0.5 / v.zoom;
        }
    }
    qsort(ms, (size_t)frames, sizeof *ms, cmp_double);
    if (median_ms) *median_ms = ms[frames / 2];
    if (p99_ms) *p99_ms = ms[(frames * 99) / 100 < frames ? (frames * 99) / 100 : frames - 1];
    free(ms);
    ui_render_free(rr);
    ui_text_close(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    session_free(s);
    return 0;
}

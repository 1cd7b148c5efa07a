/* ui_text.c - SDL2_ttf text with a Latin (DejaVu) and a CJK (Droid Sans Fallback) font: strings
 * are split into runs by which font has the glyph, each run rendered to a coverage mask, the
 * masks composed on one baseline with an optional halo, and the result cached as a texture in
 * a small LRU keyed by string, size, colours and style. */
#include "ui_text.h"
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FACE_SANS, FACE_SANS_BOLD, FACE_SERIF, FACE_SERIF_BOLD, FACE_SERIF_ITALIC, FACE_CJK, FACE_COUNT };

static const char *const face_file[FACE_COUNT] = {
    "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf", "DroidSansFallbackFull.ttf"
};

#define FONT_SLOTS 64
#define TEX_SLOTS 512
#define MAX_RUNS 64

typedef struct FontSlot { TTF_Font *f; int face, size, bold; unsigned used; } FontSlot;

typedef struct TexSlot {
    SDL_Texture *tex;
    char *str;
    uint32_t hash;
    int size, flags;
    uint32_t fg, halo;
    int w, h;
    unsigned used;
} TexSlot;

struct UiText {
    SDL_Renderer *r;
    int px_base;
    void *data[FACE_COUNT];
    size_t len[FACE_COUNT];
    FontSlot fonts[FONT_SLOTS];
    TexSlot tex[TEX_SLOTS];
    unsigned tick;
};

/* ---------------------------------------------------------------- files and fonts */

/* Read a whole file into malloc'd memory; NULL when it cannot be read. */
static void *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return NULL; }
    long n = ftell(f);
    if (n <= 0) { fclose(f); return NULL; }
    rewind(f);
    void *buf = malloc((size_t)n);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

UiText *ui_text_open(SDL_Renderer *r, const char *data_dir, int px_base, char *err, size_t errlen)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "TEXT: cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    UiText *t = calloc(1, sizeof *t);
    if (!t) { snprintf(err, errlen, "TEXT: out of memory"); return NULL; }
    t->r = r;
    t->px_base = px_base > 0 ? px_base : 16;
    for (int i = 0; i < FACE_COUNT; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/assets/fonts/%s", data_dir ? data_dir : ".", face_file[i]);
        t->data[i] = read_all(path, &t->len[i]);
        if (!t->data[i]) {
            snprintf(err, errlen, "%s: cannot read font file", path);
            ui_text_close(t);
            return NULL;
        }
    }
    return t;
}

void ui_text_close(UiText *t)
{
    if (!t) return;
    ui_text_flush(t);
    for (int i = 0; i < FONT_SLOTS; i++)
        if (t->fonts[i].f) TTF_CloseFont(t->fonts[i].f);
    for (int i = 0; i < FACE_COUNT; i++) free(t->data[i]);
    free(t);
}

SDL_Renderer *ui_text_renderer(const UiText *t) { return t->r; }

void ui_text_flush(UiText *t)
{
    for (int i = 0; i < TEX_SLOTS; i++) {
        if (t->tex[i].tex) SDL_DestroyTexture(t->tex[i].tex);
        free(t->tex[i].str);
        memset(&t->tex[i], 0, sizeof t->tex[i]);
    }
}

/* A draw size in pixels: the base size for <= 0, kept within 4..240. */
static int clamp_size(const UiText *t, int size)
{
    if (size <= 0) size = t->px_base;
    if (size < 4) size = 4;
    if (size > 240) size = 240;
    return size;
}

/* The font for a face at a pixel size, opened on first use (LRU of FONT_SLOTS). */
static TTF_Font *font_get(UiText *t, int face, int size, int bold)
{
    FontSlot *victim = &t->fonts[0];
    t->tick++;
    for (int i = 0; i < FONT_SLOTS; i++) {
        FontSlot *s = &t->fonts[i];
        if (s->f && s->face == face && s->size == size && s->bold == bold) { s->used = t->tick; return s->f; }
        if (!s->f) { if (victim->f) victim = s; }
        else if (victim->f && s->used < victim->used) victim = s;
    }
    if (victim->f) TTF_CloseFont(victim->f);
    SDL_RWops *rw = SDL_RWFromConstMem(t->data[face], (int)t->len[face]);
    /* DejaVu's em is ~1.16 of its line height: size the font so its ascent+descent is 'size'. */
    int pt = face == FACE_CJK ? size * 88 / 100 : size * 82 / 100;
    if (pt < 3) pt = 3;
    victim->f = rw ? TTF_OpenFontRW(rw, 1, pt) : NULL;
    victim->face = face; victim->size = size; victim->bold = bold; victim->used = t->tick;
    if (victim->f && bold && face == FACE_CJK) TTF_SetFontStyle(victim->f, TTF_STYLE_BOLD);
    return victim->f;
}

/* The Latin face for the style flags. */
static int latin_face(int flags)
{
    if (flags & UI_TEXT_ITALIC) return FACE_SERIF_ITALIC;
    if (flags & UI_TEXT_SERIF) return (flags & UI_TEXT_BOLD) ? FACE_SERIF_BOLD : FACE_SERIF;
    return (flags & UI_TEXT_BOLD) ? FACE_SANS_BOLD : FACE_SANS;
}

/* ---------------------------------------------------------------- UTF-8 and runs */

/* Decode one code point at *p (advancing it); invalid bytes give U+FFFD. */
static uint32_t utf8_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int n = 0;
    if (c < 0x80) { *p = s + 1; return c; }
    if ((c & 0xE0) == 0xC0) { n = 1; c &= 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; c &= 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; c &= 0x07; }
    else { *p = s + 1; return 0xFFFD; }
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xC0) != 0x80) { *p = s + i; return 0xFFFD; }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *p = s + n + 1;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0xFFFD;
    return c;
}

/* Encode one code point as UTF-8 into out; returns its length. */
static int utf8_put(char *out, uint32_t c)
{
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) { out[0] = (char)(0xC0 | (c >> 6)); out[1] = (char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12)); out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18)); out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F)); out[3] = (char)(0x80 | (c & 0x3F)); return 4;
}

typedef struct Run { int face; int start, len; } Run;   /* into a sanitised UTF-8 buffer */

/* Split text into runs of one font each. Writes the cleaned UTF-8 into buf (cap bytes) and
 * returns the run count. Spaces and other glyphs both fonts have join the current run. */
static int split_runs(UiText *t, const char *utf8, int size, int flags, char *buf, int cap,
                      Run *runs, int max_runs)
{
    TTF_Font *lat = font_get(t, latin_face(flags), size, 0);
    TTF_Font *cjk = font_get(t, FACE_CJK, size, (flags & UI_TEXT_BOLD) != 0);
    const unsigned char *p = (const unsigned char *)utf8;
    int n = 0, pos = 0;
    while (*p && pos < cap - 5) {
        uint32_t c = utf8_next(&p);
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        int face;
        if (c == ' ' && n > 0) face = runs[n - 1].face;
        else if (lat && TTF_GlyphIsProvided32(lat, c)) face = latin_face(flags);
        else if (cjk && TTF_GlyphIsProvided32(cjk, c)) face = FACE_CJK;
        else face = latin_face(flags);
        if (n == 0 || runs[n - 1].face != face) {
            if (n == max_runs) break;
            runs[n].face = face; runs[n].start = pos; runs[n].len = 0; n++;
        }
        int k = utf8_put(buf + pos, c);
        pos += k;
        runs[n - 1].len += k;
    }
    buf[pos] = 0;
    return n;
}

/* The font a run is drawn with. */
static TTF_Font *run_font(UiText *t, const Run *r, int size, int flags)
{
    return font_get(t, r->face, size, r->face == FACE_CJK && (flags & UI_TEXT_BOLD));
}

static int halo_radius(int size) { return size >= 40 ? 3 : size >= 18 ? 2 : 1; }

/* Measure without rendering: width, and ascent/height over all runs. */
static void measure(UiText *t, const char *utf8, int size, int flags, int *w, int *h, int *asc_out)
{
    char buf[2048];
    Run runs[MAX_RUNS];
    int n = split_runs(t, utf8, size, flags, buf, sizeof buf, runs, MAX_RUNS);
    int tw = 0, asc = 0, desc = 0;
    for (int i = 0; i < n; i++) {
        TTF_Font *f = run_font(t, &runs[i], size, flags);
        if (!f) continue;
        char save = buf[runs[i].start + runs[i].len];
        buf[runs[i].start + runs[i].len] = 0;
        int rw = 0, rh = 0;
        TTF_SizeUTF8(f, buf + runs[i].start, &rw, &rh);
        buf[runs[i].start + runs[i].len] = save;
        tw += rw;
        if (TTF_FontAscent(f) > asc) asc = TTF_FontAscent(f);
        if (-TTF_FontDescent(f) > desc) desc = -TTF_FontDescent(f);
    }
    int hr = (flags & UI_TEXT_HALO) ? halo_radius(size) : 0;
    if (w) *w = n ? tw + 2 * hr : 0;
    if (h) *h = n ? asc + desc + 2 * hr : 0;
    if (asc_out) *asc_out = asc;
}

void ui_text_size(UiText *t, const char *utf8, int size, int flags, int *w, int *h)
{
    if (!utf8 || !*utf8) { if (w) *w = 0; if (h) *h = 0; return; }
    measure(t, utf8, clamp_size(t, size), flags, w, h, NULL);
}

int ui_text_line_height(UiText *t, int size, int flags)
{
    size = clamp_size(t, size);
    TTF_Font *f = font_get(t, latin_face(flags), size, 0);
    return f ? TTF_FontLineSkip(f) : size;
}

int ui_text_coverage(UiText *t, const char *utf8)
{
    if (!utf8) return 0;
    int size = t->px_base;
    TTF_Font *lat = font_get(t, FACE_SANS, size, 0);
    TTF_Font *cjk = font_get(t, FACE_CJK, size, 0);
    const unsigned char *p = (const unsigned char *)utf8;
    int res = 0;
    while (*p) {
        uint32_t c = utf8_next(&p);
        if (lat && TTF_GlyphIsProvided32(lat, c)) continue;
        if (cjk && TTF_GlyphIsProvided32(cjk, c)) { if (res < 1) res = 1; continue; }
        res = 2;
    }
    return res;
}

/* ---------------------------------------------------------------- rendering */

/* Render text to a new ARGB8888 surface: runs drawn as coverage masks on one baseline, halo
 * dilated from the mask, colours composed exactly ("over"). NULL for empty text. */
static SDL_Surface *render_surface(UiText *t, const char *utf8, int size, SDL_Color fg,
                                   SDL_Color halo, int flags)
{
    char buf[2048];
    Run runs[MAX_RUNS];
    int n = split_runs(t, utf8, size, flags, buf, sizeof buf, runs, MAX_RUNS);
    if (n == 0) return NULL;
    SDL_Surface *parts[MAX_RUNS];
    int xs[MAX_RUNS], ys[MAX_RUNS];
    int tw = 0, asc = 0, desc = 0;
    for (int i = 0; i < n; i++) {
        TTF_Font *f = run_font(t, &runs[i], size, flags);
        parts[i] = NULL;
        if (!f) continue;
        if (TTF_FontAscent(f) > asc) asc = TTF_FontAscent(f);
        if (-TTF_FontDescent(f) > desc) desc = -TTF_FontDescent(f);
    }
    for (int i = 0; i < n; i++) {
        TTF_Font *f = run_font(t, &runs[i], size, flags);
        if (!f) continue;
        char save = buf[runs[i].start + runs[i].len];
        buf[runs[i].start + runs[i].len] = 0;
        SDL_Color white = { 255, 255, 255, 255 };
        SDL_Surface *s = TTF_RenderUTF8_Blended(f, buf + runs[i].start, white);
        buf[runs[i].start + runs[i].len] = save;
        if (s) {
            SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
            SDL_FreeSurface(s);
            s = c;
        }
        parts[i] = s;
        xs[i] = tw;
        ys[i] = asc - TTF_FontAscent(f);
        if (s) tw += s->w;
    }
    int hr = (flags & UI_TEXT_HALO) ? halo_radius(size) : 0;
    int W = tw + 2 * hr, H = asc + desc + 2 * hr;
    if (W <= 0 || H <= 0) { for (int i = 0; i < n; i++) SDL_FreeSurface(parts[i]); return NULL; }
    uint8_t *mask = calloc((size_t)W * H, 1);
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!mask || !out) {
        free(mask); SDL_FreeSurface(out);
        for (int i = 0; i < n; i++) SDL_FreeSurface(parts[i]);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        SDL_Surface *s = parts[i];
        if (!s) continue;
        SDL_LockSurface(s);
        for (int y = 0; y < s->h; y++) {
            int my = y + ys[i] + hr;
            if (my < 0 || my >= H) continue;
            const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch);
            for (int x = 0; x < s->w; x++) {
                int mx = x + xs[i] + hr;
                if (mx < 0 || mx >= W) continue;
                unsigned a = row[x] >> 24;
                if (a > mask[my * W + mx]) mask[my * W + mx] = (uint8_t)a;
            }
        }
        SDL_UnlockSurface(s);
        SDL_FreeSurface(s);
    }
    uint8_t *hal = NULL;
    if (hr > 0) {
        hal = calloc((size_t)W * H, 1);
        if (hal) {
            for (int y = 0; y < H; y++)
                for (int x = 0; x < W; x++) {
                    unsigned m = 0;
                    for (int dy = -hr; dy <= hr; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= H) continue;
                        for (int dx = -hr; dx <= hr; dx++) {
                            int xx = x + dx;
                            if (xx < 0 || xx >= W || dx * dx + dy * dy > hr * hr + hr) continue;
                            if (mask[yy * W + xx] > m) m = mask[yy * W + xx];
                        }
                    }
                    hal[y * W + x] = (uint8_t)m;
                }
        }
    }
    SDL_LockSurface(out);
    for (int y = 0; y < H; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)out->pixels + y * out->pitch);
        for (int x = 0; x < W; x++) {
            unsigned a = mask[y * W + x] * fg.a / 255;
            unsigned h = hal ? hal[y * W + x] * halo.a / 255 : 0;
            unsigned oa = a + h * (255 - a) / 255;
            if (oa == 0) { row[x] = 0; continue; }
            unsigned hw = h * (255 - a) / 255;
            unsigned r = (fg.r * a + halo.r * hw) / oa;
            unsigned g = (fg.g * a + halo.g * hw) / oa;
            unsigned b = (fg.b * a + halo.b * hw) / oa;
            row[x] = (oa << 24) | (r << 16) | (g << 8) | b;
        }
    }
    SDL_UnlockSurface(out);
    free(mask);
    free(hal);
    return out;
}

SDL_Surface *ui_text_surface(UiText *t, const char *utf8, int size, SDL_Color fg, int flags)
{
    if (!utf8 || !*utf8) return NULL;
    SDL_Color halo = { 250, 246, 236, 220 };
    return render_surface(t, utf8, clamp_size(t, size), fg, halo, flags);
}

static uint32_t col32(SDL_Color c) { return ((uint32_t)c.r << 24) | (c.g << 16) | (c.b << 8) | c.a; }

/* FNV-1a of a string, for the texture cache. */
static uint32_t str_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) { h ^= (unsigned char)*s; h *= 16777619u; }
    return h;
}

/* The cached texture for (text, size, colours, style), rendered on a miss. */
static TexSlot *tex_get(UiText *t, const char *utf8, int size, SDL_Color fg, SDL_Color halo, int flags)
{
    uint32_t h = str_hash(utf8), f32 = col32(fg), h32 = col32(halo);
    int style = flags & ~(UI_TEXT_HALIGN | UI_TEXT_VALIGN);
    if (!(style & UI_TEXT_HALO)) h32 = 0;
    TexSlot *victim = &t->tex[0];
    t->tick++;
    for (int i = 0; i < TEX_SLOTS; i++) {
        TexSlot *s = &t->tex[i];
        if (s->tex && s->hash == h && s->size == size && s->flags == style && s->fg == f32 &&
            s->halo == h32 && strcmp(s->str, utf8) == 0) {
            s->used = t->tick;
            return s;
        }
        if (!s->tex) { if (victim->tex) victim = s; }
        else if (victim->tex && s->used < victim->used) victim = s;
    }
    SDL_Surface *surf = render_surface(t, utf8, size, fg, halo, style);
    if (!surf) return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(t->r, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    if (victim->tex) SDL_DestroyTexture(victim->tex);
    free(victim->str);
    victim->tex = tex;
    victim->str = strdup(utf8);
    victim->hash = h; victim->size = size; victim->flags = style;
    victim->fg = f32; victim->halo = h32; victim->w = w; victim->h = hh;
    victim->used = t->tick;
    return victim;
}

static int draw_impl(UiText *t, const char *utf8, int x, int y, int size, SDL_Color fg,
                     SDL_Color halo, int flags)
{
    if (!utf8 || !*utf8) return 0;
    size = clamp_size(t, size);
    TexSlot *s = tex_get(t, utf8, size, fg, halo, flags);
    if (!s) return 0;
    int hr = (flags & UI_TEXT_HALO) ? halo_radius(size) : 0;
    int ha = flags & UI_TEXT_HALIGN, va = flags & UI_TEXT_VALIGN;
    SDL_Rect d = { x - hr, y - hr, s->w, s->h };
    if (ha == UI_TEXT_CENTER) d.x = x - s->w / 2;
    else if (ha == UI_TEXT_RIGHT) d.x = x - s->w + hr;
    if (va == UI_TEXT_MIDDLE) d.y = y - s->h / 2;
    else if (va == UI_TEXT_BOTTOM) d.y = y - s->h + hr;
    SDL_RenderCopy(t->r, s->tex, NULL, &d);
    return s->w - 2 * hr;
}

int ui_text_draw(UiText *t, const char *utf8, int x, int y, int size, SDL_Color fg, int flags)
{
    SDL_Color halo = { 250, 246, 236, 220 };
    return draw_impl(t, utf8, x, y, size, fg, halo, flags);
}

int ui_text_draw_halo(UiText *t, const char *utf8, int x, int y, int size, SDL_Color fg,
                      SDL_Color halo, int flags)
{
    return draw_impl(t, utf8, x, y, size, fg, halo, flags | UI_TEXT_HALO);
}

/* ---------------------------------------------------------------- wrapping */

static int is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FA1F);
}

/* Width of text without its halo, for wrapping. */
static int text_w(UiText *t, const char *s, int size, int flags)
{
    int w = 0;
    measure(t, s, size, flags & ~UI_TEXT_HALO, &w, NULL, NULL);
    return w;
}

int ui_text_wrap(UiText *t, const char *utf8, int x, int y, int wrap_w, int size, SDL_Color fg,
                 int flags, int draw)
{
    if (!utf8) return 0;
    size = clamp_size(t, size);
    int lh = ui_text_line_height(t, size, flags);
    int ha = flags & UI_TEXT_HALIGN;
    int line_flags = (flags & ~(UI_TEXT_HALIGN | UI_TEXT_VALIGN)) | ha;
    int ax = ha == UI_TEXT_CENTER ? x + wrap_w / 2 : ha == UI_TEXT_RIGHT ? x + wrap_w : x;
    char line[2048];
    int cy = y;
    const char *p = utf8;
    while (1) {
        /* one paragraph */
        const char *end = strchr(p, '\n');
        if (!end) end = p + strlen(p);
        int len = 0;
        line[0] = 0;
        const char *q = p;
        while (q < end) {
            /* next token: a run of spaces, a word, or one CJK character */
            const char *tok = q;
            const unsigned char *u = (const unsigned char *)q;
            uint32_t c = utf8_next(&u);
            if (c == ' ') {
                while (*u == ' ' && (const char *)u < end) u++;
            } else if (!is_cjk(c)) {
                while ((const char *)u < end) {
                    const unsigned char *v = u;
                    uint32_t d = utf8_next(&v);
                    if (d == ' ' || is_cjk(d)) break;
                    u = v;
                }
            }
            q = (const char *)u;
            int tl = (int)(q - tok);
            if (len + tl >= (int)sizeof line - 1) tl = (int)sizeof line - 1 - len;
            char cand[2048];
            memcpy(cand, line, (size_t)len);
            memcpy(cand + len, tok, (size_t)tl);
            cand[len + tl] = 0;
            if (len > 0 && c != ' ' && text_w(t, cand, size, flags) > wrap_w) {
                /* flush the line (trailing spaces trimmed) */
                while (len > 0 && line[len - 1] == ' ') line[--len] = 0;
                if (draw) ui_text_draw(t, line, ax, cy, size, fg, line_flags);
                cy += lh;
                memcpy(line, tok, (size_t)tl);
                len = tl;
                line[len] = 0;
            } else if (!(len == 0 && c == ' ')) {
                memcpy(line, cand, (size_t)(len + tl + 1));
                len += tl;
            }
        }
        while (len > 0 && line[len - 1] == ' ') line[--len] = 0;
        if (draw && len > 0) ui_text_draw(t, line, ax, cy, size, fg, line_flags);
        cy += lh;
        if (!*end) break;
        p = end + 1;
    }
    return cy - y;
}

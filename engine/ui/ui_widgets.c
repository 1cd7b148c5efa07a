/* ui_widgets.c - the widgets of ui_widgets.h, drawn with SDL_Renderer primitives and
 * SDL_RenderGeometry: procedural parchment and lacquer textures, gilt borders, soft shadows.
 * Text goes through ui_text (Latin + CJK fallback). The eye-candy noise uses its own hash,
 * never the game's RNG. */
#include "ui_widgets.h"
#include "ui_text.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ================================================================ basics */

int ui_px(const UiCtx *c, int units)
{
    return (units * c->scale100 + (units >= 0 ? 50 : -50)) / 100;
}

int ui_in_rect(int x, int y, SDL_Rect r)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

int ui_hover(const UiCtx *c, SDL_Rect r)
{
    return c->enabled && c->in->inside && ui_in_rect(c->in->mx, c->in->my, r);
}

int ui_clicked(UiCtx *c, SDL_Rect r)
{
    UiInput *in = c->in;
    if (!c->enabled || !in->released || in->click_used) return 0;
    if (!ui_in_rect(in->mx, in->my, r) || !ui_in_rect(in->press_x, in->press_y, r)) return 0;
    in->click_used = 1;
    return 1;
}

int ui_key(const UiCtx *c, SDL_Keycode key, int ctrl)
{
    if (!c->enabled) return 0;
    for (int i = 0; i < c->in->n_keys; i++) {
        int has_ctrl = (c->in->key_mods[i] & KMOD_CTRL) != 0;
        if (c->in->keys[i] == key && has_ctrl == (ctrl != 0)) return 1;
    }
    return 0;
}

void ui_widgets_free(UiCtx *c)
{
    if (c->parchment) SDL_DestroyTexture(c->parchment);
    if (c->lacquer) SDL_DestroyTexture(c->lacquer);
    c->parchment = c->lacquer = NULL;
}

/* ================================================================ drawing */

void ui_color(SDL_Renderer *r, uint32_t rgb, int alpha)
{
    SDL_SetRenderDrawColor(r, (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, (Uint8)alpha);
}

void ui_fill(UiCtx *c, SDL_Rect r, uint32_t rgb, int alpha)
{
    SDL_SetRenderDrawBlendMode(c->r, alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    ui_color(c->r, rgb, alpha);
    SDL_RenderFillRect(c->r, &r);
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND);
}

void ui_frame(UiCtx *c, SDL_Rect r, uint32_t rgb, int alpha, int thick)
{
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND);
    ui_color(c->r, rgb, alpha);
    for (int i = 0; i < thick; i++) {
        SDL_Rect q = { r.x + i, r.y + i, r.w - 2 * i, r.h - 2 * i };
        if (q.w <= 0 || q.h <= 0) break;
        SDL_RenderDrawRect(c->r, &q);
    }
}

/* One vertex with a packed colour. */
static SDL_Vertex vtx(float x, float y, uint32_t rgb, int alpha)
{
    SDL_Vertex v;
    v.position.x = x;
    v.position.y = y;
    v.color.r = (rgb >> 16) & 255;
    v.color.g = (rgb >> 8) & 255;
    v.color.b = rgb & 255;
    v.color.a = (Uint8)alpha;
    v.tex_coord.x = v.tex_coord.y = 0;
    return v;
}

void ui_gradient(UiCtx *c, SDL_Rect r, uint32_t top, uint32_t bottom, int alpha)
{
    SDL_Vertex v[4] = {
        vtx((float)r.x, (float)r.y, top, alpha), vtx((float)(r.x + r.w), (float)r.y, top, alpha),
        vtx((float)(r.x + r.w), (float)(r.y + r.h), bottom, alpha), vtx((float)r.x, (float)(r.y + r.h), bottom, alpha)
    };
    int idx[6] = { 0, 1, 2, 0, 2, 3 };
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(c->r, NULL, v, 4, idx, 6);
}

void ui_shadow(UiCtx *c, SDL_Rect r, int depth)
{
    int d = ui_px(c, depth);
    for (int i = d; i >= 1; i--) {
        SDL_Rect q = { r.x + i / 2 + 1, r.y + i, r.w + i / 2, r.h };
        ui_fill(c, q, 0x000000, 60 / d + 6);
    }
}

void ui_disc(UiCtx *c, int cx, int cy, int rad, uint32_t rgb, int alpha)
{
    enum { SEG = 24 };
    SDL_Vertex v[SEG + 1];
    int idx[SEG * 3];
    v[0] = vtx((float)cx, (float)cy, rgb, alpha);
    /* a fixed table of unit-circle points avoids libm in the hot path */
    static const float co[SEG] = { 1.f, .9659f, .8660f, .7071f, .5f, .2588f, 0.f, -.2588f, -.5f, -.7071f, -.8660f, -.9659f,
                                   -1.f, -.9659f, -.8660f, -.7071f, -.5f, -.2588f, 0.f, .2588f, .5f, .7071f, .8660f, .9659f };
    for (int i = 0; i < SEG; i++) {
        float s = co[(i + SEG - 6) % SEG];
        v[i + 1] = vtx(cx + rad * co[i], cy + rad * s, rgb, alpha);
        idx[i * 3] = 0;
        idx[i * 3 + 1] = 1 + i;
        idx[i * 3 + 2] = 1 + (i + 1) % SEG;
    }
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(c->r, NULL, v, SEG + 1, idx, SEG * 3);
}

/* A small hash for texture noise (eye candy only). */
static uint32_t noise_hash(uint32_t x, uint32_t y, uint32_t seed)
{
    uint32_t h = x * 374761393u + y * 668265263u + seed * 2246822519u;
    h = (h ^ (h >> 13)) * 1274126177u;
    return h ^ (h >> 16);
}

/* Smooth value noise in 0..255 at (x, y) with cells of size cell. */
static int value_noise(int x, int y, int cell, uint32_t seed)
{
    int cx = x / cell, cy = y / cell, fx = x % cell, fy = y % cell;
    int a = noise_hash(cx, cy, seed) & 255, b = noise_hash(cx + 1, cy, seed) & 255;
    int d = noise_hash(cx, cy + 1, seed) & 255, e = noise_hash(cx + 1, cy + 1, seed) & 255;
    int top = a + (b - a) * fx / cell, bot = d + (e - d) * fx / cell;
    return top + (bot - top) * fy / cell;
}

/* Makes a tileable-looking 256x256 texture: base colour with fibres and blotches. */
static SDL_Texture *make_texture(SDL_Renderer *r, uint32_t base, int amp, uint32_t seed)
{
    enum { N = 256 };
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, N, N, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    int br = (base >> 16) & 255, bg = (base >> 8) & 255, bb = base & 255;
    for (int y = 0; y < N; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < N; x++) {
            int n = value_noise(x, y, 32, seed) + value_noise(x, y, 8, seed + 1) / 2 - 192;
            int fib = (int)(noise_hash(x / 3, y, seed + 2) & 15) - 8;
            int d = (n * amp) / 128 + fib * amp / 24;
            int cr = br + d, cg = bg + d, cb = bb + d * 3 / 4;
            cr = cr < 0 ? 0 : cr > 255 ? 255 : cr;
            cg = cg < 0 ? 0 : cg > 255 ? 255 : cg;
            cb = cb < 0 ? 0 : cb > 255 ? 255 : cb;
            row[x] = 0xFF000000u | (Uint32)cr << 16 | (Uint32)cg << 8 | (Uint32)cb;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    return t;
}

/* Tiles texture t over rect. */
static void tile(UiCtx *c, SDL_Texture *t, SDL_Rect r)
{
    if (!t) return;
    SDL_RenderSetClipRect(c->r, &r);
    for (int y = r.y; y < r.y + r.h; y += 256)
        for (int x = r.x; x < r.x + r.w; x += 256) {
            SDL_Rect d = { x, y, 256, 256 };
            SDL_RenderCopy(c->r, t, NULL, &d);
        }
    SDL_RenderSetClipRect(c->r, NULL);
}

/* A small diamond, for corners and rules. */
static void diamond(UiCtx *c, int cx, int cy, int rad, uint32_t rgb)
{
    SDL_Vertex v[4] = { vtx((float)cx, (float)(cy - rad), rgb, 255), vtx((float)(cx + rad), (float)cy, rgb, 255),
                        vtx((float)cx, (float)(cy + rad), rgb, 255), vtx((float)(cx - rad), (float)cy, rgb, 255) };
    int idx[6] = { 0, 1, 2, 0, 2, 3 };
    SDL_RenderGeometry(c->r, NULL, v, 4, idx, 6);
}

void ui_panel(UiCtx *c, SDL_Rect r, UiPanelStyle style)
{
    if (!c->parchment) c->parchment = make_texture(c->r, UI_C_PARCHMENT, 10, 7);
    if (!c->lacquer) c->lacquer = make_texture(c->r, UI_C_LACQUER, 9, 11);
    ui_shadow(c, r, 6);
    int b = ui_px(c, 2) > 1 ? ui_px(c, 2) : 1;
    if (style == UI_PANEL_PARCHMENT) {
        tile(c, c->parchment, r);
        /* darkened edges, like old paper */
        int e = ui_px(c, 14);
        ui_gradient(c, (SDL_Rect){ r.x, r.y, r.w, e }, 0x8A6A3A, UI_C_PARCHMENT, 70);
        ui_gradient(c, (SDL_Rect){ r.x, r.y + r.h - e, r.w, e }, UI_C_PARCHMENT, 0x8A6A3A, 70);
        ui_frame(c, r, UI_C_LACQUER_DK, 255, 1);
        SDL_Rect in = { r.x + b * 2, r.y + b * 2, r.w - b * 4, r.h - b * 4 };
        ui_frame(c, in, UI_C_LACQUER, 230, b);
        SDL_Rect in2 = { in.x + b * 2, in.y + b * 2, in.w - b * 4, in.h - b * 4 };
        ui_frame(c, in2, UI_C_GOLD, 200, 1);
        int k = ui_px(c, 4);
        diamond(c, in.x + b, in.y + b, k, UI_C_LACQUER);
        diamond(c, in.x + in.w - b - 1, in.y + b, k, UI_C_LACQUER);
        diamond(c, in.x + b, in.y + in.h - b - 1, k, UI_C_LACQUER);
        diamond(c, in.x + in.w - b - 1, in.y + in.h - b - 1, k, UI_C_LACQUER);
    } else if (style == UI_PANEL_LACQUER) {
        tile(c, c->lacquer, r);
        ui_gradient(c, (SDL_Rect){ r.x, r.y, r.w, r.h / 2 }, 0xFFFFFF, UI_C_LACQUER, 18);
        ui_gradient(c, (SDL_Rect){ r.x, r.y + r.h / 2, r.w, r.h - r.h / 2 }, UI_C_LACQUER, 0x000000, 50);
        ui_frame(c, r, 0x140806, 255, 1);
        SDL_Rect in = { r.x + b * 2, r.y + b * 2, r.w - b * 4, r.h - b * 4 };
        ui_frame(c, in, UI_C_GOLD, 255, b);
        SDL_Rect in2 = { in.x + b * 2, in.y + b * 2, in.w - b * 4, in.h - b * 4 };
        ui_frame(c, in2, UI_C_GOLD, 110, 1);
        int k = ui_px(c, 5);
        diamond(c, in.x + b, in.y + b, k, UI_C_GOLD_HI);
        diamond(c, in.x + in.w - b - 1, in.y + b, k, UI_C_GOLD_HI);
        diamond(c, in.x + b, in.y + in.h - b - 1, k, UI_C_GOLD_HI);
        diamond(c, in.x + in.w - b - 1, in.y + in.h - b - 1, k, UI_C_GOLD_HI);
    } else {
        ui_gradient(c, r, 0x2A1E16, 0x120C08, 225);
        ui_frame(c, r, UI_C_GOLD, 150, 1);
    }
}

void ui_rule(UiCtx *c, int x, int y, int w, uint32_t rgb)
{
    int k = ui_px(c, 3);
    ui_fill(c, (SDL_Rect){ x + k * 2, y, w - k * 4, 1 > ui_px(c, 1) ? 1 : ui_px(c, 1) }, rgb, 200);
    diamond(c, x + w / 2, y, k, rgb);
    diamond(c, x + k, y, k / 2 + 1, rgb);
    diamond(c, x + w - k, y, k / 2 + 1, rgb);
}

/* ================================================================ text */

/* Pixel size of each font size at this scale. */
static int font_px(const UiCtx *c, UiFontSize f)
{
    static const int base[UI_FONT_COUNT] = { 13, 16, 22, 40 };
    return ui_px(c, base[f]);
}

/* Style flags of each font size: headings and titles in the serif. */
static int font_flags(UiFontSize f)
{
    return f >= UI_FONT_HEAD ? UI_TEXT_SERIF | UI_TEXT_BOLD : 0;
}

static SDL_Color sdl_rgb(uint32_t rgb)
{
    SDL_Color k = { (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, 255 };
    return k;
}

int ui_label(UiCtx *c, int x, int y, UiFontSize f, uint32_t rgb, UiAlign a, const char *text)
{
    if (!text || !text[0] || !c->text) return 0;
    return ui_text_draw(c->text, text, x, y, font_px(c, f), sdl_rgb(rgb), (int)a | font_flags(f));
}

int ui_labelf(UiCtx *c, int x, int y, UiFontSize f, uint32_t rgb, UiAlign a, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return ui_label(c, x, y, f, rgb, a, buf);
}

void ui_measure(UiCtx *c, UiFontSize f, const char *text, int *w, int *h)
{
    *w = *h = 0;
    if (text && text[0] && c->text) ui_text_size(c->text, text, font_px(c, f), font_flags(f), w, h);
    if (*h == 0) *h = font_px(c, f) * 5 / 4;
}

int ui_line_h(UiCtx *c, UiFontSize f)
{
    int h = c->text ? ui_text_line_height(c->text, font_px(c, f), font_flags(f)) : 0;
    return h > 0 ? h : font_px(c, f) * 13 / 10 + 1;
}

int ui_text_block(UiCtx *c, SDL_Rect r, UiFontSize f, uint32_t rgb, const char *text,
                  int skip_lines, int draw)
{
    if (!text || !text[0] || !c->text) return 0;
    int lh = ui_line_h(c, f);
    if (draw) {
        SDL_Rect old;
        SDL_bool had = SDL_RenderIsClipEnabled(c->r);
        SDL_RenderGetClipRect(c->r, &old);
        SDL_Rect clip = r;
        if (had && !SDL_IntersectRect(&r, &old, &clip)) return (ui_text_wrap(c->text, text, r.x, r.y, r.w, font_px(c, f),
                                                                           sdl_rgb(rgb), font_flags(f), 0) + lh - 1) / lh;
        SDL_RenderSetClipRect(c->r, &clip);
        ui_text_wrap(c->text, text, r.x, r.y - skip_lines * lh, r.w, font_px(c, f), sdl_rgb(rgb), font_flags(f), 1);
        SDL_RenderSetClipRect(c->r, had ? &old : NULL);
    }
    int h = ui_text_wrap(c->text, text, r.x, r.y, r.w, font_px(c, f), sdl_rgb(rgb), font_flags(f), 0);
    return (h + lh - 1) / lh;
}

/* ================================================================ widgets */

int ui_button(UiCtx *c, SDL_Rect r, const char *label, int flags)
{
    int dis = (flags & UI_BTN_DISABLED) != 0;
    int hot = !dis && ui_hover(c, r);
    int held = hot && c->in->down && ui_in_rect(c->in->press_x, c->in->press_y, r);
    int prim = (flags & UI_BTN_PRIMARY) != 0, sel = (flags & UI_BTN_SELECTED) != 0;
    SDL_Rect q = r;
    if (held) { q.x += 1; q.y += 1; }
    else ui_shadow(c, r, 3);
    uint32_t top, bot, ink;
    if (dis) { top = 0xB8AD98; bot = 0x9C927E; ink = 0x6E6557; }
    else if (prim || sel) { top = hot ? 0xA33A2A : UI_C_LACQUER_HI; bot = hot ? 0x6E1A14 : 0x52130F; ink = UI_C_GOLD_HI; }
    else { top = hot ? 0xFFF6E0 : 0xF3E8CF; bot = hot ? 0xE2CFA6 : 0xD6C39C; ink = UI_C_INK; }
    ui_gradient(c, q, top, bot, 255);
    ui_frame(c, q, dis ? 0x7A705F : (prim || sel) ? UI_C_GOLD : UI_C_LACQUER, 255, ui_px(c, 1) > 1 ? 2 : 1);
    if (hot) ui_frame(c, (SDL_Rect){ q.x + 2, q.y + 2, q.w - 4, q.h - 4 }, UI_C_GOLD_HI, 160, 1);
    UiFontSize f = (flags & UI_BTN_SMALL) ? UI_FONT_SMALL : UI_FONT_BODY;
    int tw, th;
    ui_measure(c, f, label, &tw, &th);
    ui_label(c, q.x + q.w / 2, q.y + (q.h - th) / 2, f, ink, UI_ALIGN_CENTER, label);
    if (dis) return 0;
    return ui_clicked(c, r);
}

int ui_list(UiCtx *c, SDL_Rect r, const char *const *items, int n, int sel, int *scroll)
{
    int rh = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 10);
    int vis = r.h / rh;
    if (vis < 1) vis = 1;
    if (ui_hover(c, r) && c->in->wheel) *scroll -= c->in->wheel;
    if (*scroll > n - vis) *scroll = n - vis;
    if (*scroll < 0) *scroll = 0;
    ui_fill(c, r, 0xFFFFFF, 50);
    ui_frame(c, r, UI_C_INK_SOFT, 150, 1);
    int hit = -1;
    SDL_RenderSetClipRect(c->r, &r);
    for (int i = *scroll; i < n && i < *scroll + vis; i++) {
        SDL_Rect row = { r.x + 1, r.y + 1 + (i - *scroll) * rh, r.w - 2, rh };
        int hot = ui_hover(c, row);
        if (i == sel) ui_gradient(c, row, UI_C_LACQUER_HI, UI_C_LACQUER, 255);
        else if (hot) ui_fill(c, row, UI_C_GOLD, 70);
        else if (i & 1) ui_fill(c, row, UI_C_PARCH_DARK, 60);
        int th = ui_line_h(c, UI_FONT_BODY);
        ui_label(c, row.x + ui_px(c, 10), row.y + (rh - th) / 2 + ui_px(c, 1), UI_FONT_BODY,
                 i == sel ? UI_C_GOLD_HI : UI_C_INK, UI_ALIGN_LEFT, items[i]);
        if (ui_clicked(c, row)) hit = i;
    }
    SDL_RenderSetClipRect(c->r, NULL);
    if (n > vis) { /* scroll bar */
        int bh = r.h * vis / n, by = r.y + (r.h - bh) * *scroll / (n - vis);
        ui_fill(c, (SDL_Rect){ r.x + r.w - ui_px(c, 5), by, ui_px(c, 4), bh }, UI_C_LACQUER, 180);
    }
    return hit;
}

int ui_toggle(UiCtx *c, SDL_Rect r, const char *label, int *v)
{
    int hot = ui_hover(c, r);
    if (hot) ui_fill(c, r, UI_C_GOLD, 40);
    int th = ui_line_h(c, UI_FONT_BODY);
    ui_label(c, r.x + ui_px(c, 6), r.y + (r.h - th) / 2, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, label);
    int sw = ui_px(c, 46), sh = ui_px(c, 22);
    SDL_Rect s = { r.x + r.w - sw - ui_px(c, 6), r.y + (r.h - sh) / 2, sw, sh };
    ui_gradient(c, s, *v ? UI_C_JADE : 0xA89C86, *v ? 0x1F4E40 : 0x857A66, 255);
    ui_frame(c, s, UI_C_INK, 200, 1);
    int k = sh - ui_px(c, 6);
    SDL_Rect knob = { *v ? s.x + s.w - k - ui_px(c, 3) : s.x + ui_px(c, 3), s.y + ui_px(c, 3), k, k };
    ui_gradient(c, knob, UI_C_CREAM, UI_C_PARCH_DARK, 255);
    ui_frame(c, knob, UI_C_INK_SOFT, 255, 1);
    ui_label(c, s.x - ui_px(c, 8), r.y + (r.h - th) / 2, UI_FONT_SMALL, UI_C_INK_SOFT, UI_ALIGN_RIGHT, *v ? "on" : "off");
    if (ui_clicked(c, r)) {
        *v = !*v;
        return 1;
    }
    return 0;
}

int ui_stepper(UiCtx *c, SDL_Rect r, const char *label, const char *const *names, int n, int *v)
{
    int hot = ui_hover(c, r);
    if (hot) ui_fill(c, r, UI_C_GOLD, 40);
    int th = ui_line_h(c, UI_FONT_BODY);
    ui_label(c, r.x + ui_px(c, 6), r.y + (r.h - th) / 2, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, label);
    int bw = ui_px(c, 28), vw = ui_px(c, 120), bh = r.h - ui_px(c, 6);
    SDL_Rect right = { r.x + r.w - bw - ui_px(c, 4), r.y + ui_px(c, 3), bw, bh };
    SDL_Rect val = { right.x - vw, right.y, vw, bh };
    SDL_Rect left = { val.x - bw, right.y, bw, bh };
    int changed = 0;
    if (ui_button(c, left, "<", *v > 0 ? UI_BTN_SMALL : UI_BTN_SMALL | UI_BTN_DISABLED)) { (*v)--; changed = 1; }
    ui_fill(c, val, 0xFFFFFF, 70);
    ui_label(c, val.x + val.w / 2, r.y + (r.h - th) / 2, UI_FONT_BODY, UI_C_INK, UI_ALIGN_CENTER, names[*v]);
    if (ui_button(c, right, ">", *v < n - 1 ? UI_BTN_SMALL : UI_BTN_SMALL | UI_BTN_DISABLED)) { (*v)++; changed = 1; }
    return changed;
}

int ui_text_field(UiCtx *c, SDL_Rect r, char *buf, int cap)
{
    int len = (int)strlen(buf);
    if (c->enabled) {
        for (const char *t = c->in->text; *t && len < cap - 1; t++) {
            if ((unsigned char)*t < 32 || *t == '/' || *t == '\\') continue;
            buf[len++] = *t;
            buf[len] = '\0';
        }
        if (ui_key(c, SDLK_BACKSPACE, 0) && len > 0) {
            len--;
            while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80) len--;
            buf[len] = '\0';
        }
    }
    ui_fill(c, r, 0xFFFDF6, 255);
    ui_frame(c, r, UI_C_LACQUER, 255, ui_px(c, 1) > 1 ? 2 : 1);
    int th = ui_line_h(c, UI_FONT_BODY);
    int w = ui_label(c, r.x + ui_px(c, 8), r.y + (r.h - th) / 2, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, buf);
    if ((c->ticks / 500) & 1)
        ui_fill(c, (SDL_Rect){ r.x + ui_px(c, 9) + w, r.y + ui_px(c, 5), ui_px(c, 2) > 1 ? ui_px(c, 2) : 1, r.h - ui_px(c, 10) }, UI_C_INK, 255);
    return ui_key(c, SDLK_RETURN, 0) || ui_key(c, SDLK_KP_ENTER, 0);
}

SDL_Rect ui_dialog(UiCtx *c, int w_units, int h_units, const char *title)
{
    ui_fill(c, (SDL_Rect){ 0, 0, c->w, c->h }, 0x0A0604, 150);
    int w = ui_px(c, w_units), h = ui_px(c, h_units);
    if (w > c->w - 20) w = c->w - 20;
    if (h > c->h - 20) h = c->h - 20;
    SDL_Rect r = { (c->w - w) / 2, (c->h - h) / 2, w, h };
    ui_panel(c, r, UI_PANEL_PARCHMENT);
    int m = ui_px(c, 24);
    int y = r.y + m;
    if (title && title[0]) {
        ui_label(c, r.x + w / 2, y, UI_FONT_HEAD, UI_C_LACQUER, UI_ALIGN_CENTER, title);
        y += ui_line_h(c, UI_FONT_HEAD) + ui_px(c, 4);
        ui_rule(c, r.x + m, y, w - 2 * m, UI_C_LACQUER);
        y += ui_px(c, 10);
    }
    return (SDL_Rect){ r.x + m, y, w - 2 * m, r.y + h - m - y };
}

void ui_tooltip(UiCtx *c, const char *text)
{
    snprintf(c->tooltip, sizeof c->tooltip, "%s", text);
    c->tooltip_pending = 1;
}

void ui_tooltip_flush(UiCtx *c)
{
    if (!c->tooltip_pending) return;
    c->tooltip_pending = 0;
    /* measure line by line */
    int lh = ui_line_h(c, UI_FONT_SMALL), wmax = 0, n = 0;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", c->tooltip);
    char *lines[48];
    for (char *p = strtok(buf, "\n"); p && n < 48; p = strtok(NULL, "\n")) {
        lines[n++] = p;
        int w, h;
        ui_measure(c, UI_FONT_SMALL, p[0] == '#' ? p + 1 : p, &w, &h);
        if (w > wmax) wmax = w;
    }
    int pad = ui_px(c, 8);
    SDL_Rect r = { c->in->mx + ui_px(c, 18), c->in->my + ui_px(c, 18), wmax + 2 * pad, n * lh + 2 * pad };
    if (r.x + r.w > c->w) r.x = c->in->mx - r.w - ui_px(c, 8);
    if (r.y + r.h > c->h) r.y = c->h - r.h - 2;
    if (r.x < 0) r.x = 0;
    if (r.y < 0) r.y = 0;
    ui_shadow(c, r, 5);
    ui_gradient(c, r, 0x2E2018, 0x160E0A, 240);
    ui_frame(c, r, UI_C_GOLD, 255, 1);
    for (int i = 0; i < n; i++) {
        int head = lines[i][0] == '#';
        ui_label(c, r.x + pad, r.y + pad + i * lh, UI_FONT_SMALL, head ? UI_C_GOLD_HI : UI_C_CREAM, UI_ALIGN_LEFT,
                 head ? lines[i] + 1 : lines[i]);
    }
}

/* render_symbols.c - symbols drawn in code at any size: unit counters (faction colour, faction
 * emblem so colour is never the only cue, NATO-style class box: heavy cavalry, horse archers,
 * infantry, levies, siege), faction emblems, and place symbols by kind (capitals as double-walled
 * cities with a crown star). */
#include "render_priv.h"
#include <math.h>
#include <string.h>

#define INK UI_HEX(0x22190F)

uint32_t ui_sym_contrast(uint32_t rgb)
{
    int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
    int lum = (r * 299 + g * 587 + b * 114) / 1000;
    return lum > 150 ? UI_HEX(0x1A1410) : UI_HEX(0xFFFFFF);
}

uint32_t ui_owner_color(const char *o)
{
    if (!o || !*o) return 0x8A8070;
    if (!strcmp(o, "liao")) return 0x0072B2;
    if (!strcmp(o, "jurchen") || !strcmp(o, "jin")) return 0xD55E00;
    if (!strcmp(o, "song")) return 0x009E73;
    if (!strcmp(o, "xia")) return 0xE69F00;
    if (!strcmp(o, "goryeo")) return 0xCC79A7;
    return 0x8A8070;
}

/* ---------------------------------------------------------------- emblems */

enum { EM_SUN, EM_MOON, EM_LOTUS, EM_STAR, EM_DIAMOND, EM_MOUNTAIN, EM_BIRD, EM_WAVE, EM_RING, EM_CROSS, EM_COUNT };

/* The shape drawn for a faction emblem name; unknown names get a shape by hash. */
static int emblem_kind(const char *e)
{
    static const struct { const char *name; int kind; } tab[] = {
        { "sun", EM_SUN }, { "moon", EM_MOON }, { "crescent", EM_MOON }, { "lotus", EM_LOTUS },
        { "flower", EM_LOTUS }, { "star", EM_STAR }, { "diamond", EM_DIAMOND }, { "mountain", EM_MOUNTAIN },
        { "tiger", EM_MOUNTAIN }, { "falcon", EM_BIRD }, { "gyrfalcon", EM_BIRD }, { "eagle", EM_BIRD },
        { "bird", EM_BIRD }, { "crane", EM_BIRD }, { "phoenix", EM_BIRD }, { "wave", EM_WAVE },
        { "dragon", EM_WAVE }, { "water", EM_WAVE }, { "ring", EM_RING }, { "wheel", EM_RING },
        { "cross", EM_CROSS }, { "wolf", EM_DIAMOND }, { "horse", EM_STAR },
    };
    if (!e || !*e) return EM_RING;
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (!strcmp(e, tab[i].name)) return tab[i].kind;
    unsigned h = 5381;
    for (; *e; e++) h = h * 33 + (unsigned char)*e;
    return (int)(h % EM_COUNT);
}

void ui_sym_emblem(UiCanvas *cv, double cx, double cy, double r, const char *emblem, uint32_t ink)
{
    double lw = fmax(1.0, r * 0.16);
    switch (emblem_kind(emblem)) {
    case EM_SUN:
        ui_ras_disc(cv, cx, cy, r * 0.45, ink);
        for (int i = 0; i < 8; i++) {
            double a = i * UI_PI / 4;
            ui_ras_line(cv, cx + cos(a) * r * 0.62, cy + sin(a) * r * 0.62, cx + cos(a) * r * 0.95,
                        cy + sin(a) * r * 0.95, lw, ink);
        }
        break;
    case EM_MOON: {
        double xy[2 * 24];
        int n = 0;
        for (int i = 0; i <= 11; i++) {       /* outer arc */
            double a = UI_PI * 0.25 + i * UI_PI * 1.5 / 11;
            xy[2 * n] = cx + cos(a) * r * 0.9; xy[2 * n + 1] = cy + sin(a) * r * 0.9; n++;
        }
        for (int i = 11; i >= 0; i--) {       /* inner arc, shifted right */
            double a = UI_PI * 0.25 + i * UI_PI * 1.5 / 11;
            double rr = r * 0.62;
            xy[2 * n] = cx + r * 0.3 + cos(a) * rr; xy[2 * n + 1] = cy + sin(a) * rr; n++;
        }
        ui_ras_poly(cv, xy, n, ink);
        break;
    }
    case EM_LOTUS:
        for (int i = 0; i < 5; i++) {
            double a = -UI_PI / 2 + i * 2 * UI_PI / 5;
            ui_ras_disc(cv, cx + cos(a) * r * 0.5, cy + sin(a) * r * 0.5, r * 0.34, ink);
        }
        ui_ras_disc(cv, cx, cy, r * 0.22, ink);
        break;
    case EM_STAR: ui_ras_star(cv, cx, cy, r * 0.95, ink, 0); break;
    case EM_DIAMOND: {
        double xy[8] = { cx, cy - r * 0.95, cx + r * 0.7, cy, cx, cy + r * 0.95, cx - r * 0.7, cy };
        ui_ras_poly(cv, xy, 4, ink);
        break;
    }
    case EM_MOUNTAIN: {
        double xy[10] = { cx - r * 0.95, cy + r * 0.6, cx - r * 0.3, cy - r * 0.5, cx, cy, cx + r * 0.4,
                          cy - r * 0.8, cx + r * 0.95, cy + r * 0.6 };
        ui_ras_poly(cv, xy, 5, ink);
        break;
    }
    case EM_BIRD:
        ui_ras_bezier(cv, cx - r * 0.95, cy - r * 0.2, cx - r * 0.45, cy - r * 0.6, cx, cy + r * 0.35, lw * 1.5, lw * 1.9, ink);
        ui_ras_bezier(cv, cx + r * 0.95, cy - r * 0.2, cx + r * 0.45, cy - r * 0.6, cx, cy + r * 0.35, lw * 1.5, lw * 1.9, ink);
        ui_ras_disc(cv, cx, cy + r * 0.2, r * 0.22, ink);
        break;
    case EM_WAVE:
        for (int k = -1; k <= 1; k += 2) {
            double y = cy + k * r * 0.35;
            ui_ras_bezier(cv, cx - r * 0.9, y, cx - r * 0.45, y - r * 0.45, cx, y, lw * 1.3, lw * 1.3, ink);
            ui_ras_bezier(cv, cx, y, cx + r * 0.45, y + r * 0.45, cx + r * 0.9, y, lw * 1.3, lw * 1.3, ink);
        }
        break;
    case EM_RING:
        ui_ras_ring(cv, cx, cy, r * 0.7, lw * 1.6, ink);
        ui_ras_disc(cv, cx, cy, r * 0.2, ink);
        break;
    default:
        ui_ras_line(cv, cx - r * 0.8, cy, cx + r * 0.8, cy, lw * 1.8, ink);
        ui_ras_line(cv, cx, cy - r * 0.8, cx, cy + r * 0.8, lw * 1.8, ink);
        break;
    }
}

/* ---------------------------------------------------------------- class symbols */

/* The class symbol inside the box (x0,y0)-(x1,y1). */
static void class_symbol(UiCanvas *cv, UnitClass cls, double x0, double y0, double x1, double y1, double lw)
{
    double w = x1 - x0, h = y1 - y0, cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    switch (cls) {
    case UC_HEAVY_CAV:      /* cavalry slash + armour oval */
        ui_ras_line(cv, x0, y1, x1, y0, lw, INK);
        ui_ras_ring(cv, cx, cy, h * 0.28, lw * 0.9, INK);
        ui_ras_disc(cv, cx, cy, h * 0.14, INK);
        break;
    case UC_HORSE_ARCHERS:  /* cavalry slash + bow */
        ui_ras_line(cv, x0, y1, x1, y0, lw, INK);
        ui_ras_bezier(cv, cx - w * 0.05, cy - h * 0.36, cx + w * 0.3, cy, cx - w * 0.05, cy + h * 0.36, lw * 0.9, lw * 0.9, INK);
        ui_ras_line(cv, cx - w * 0.05, cy - h * 0.36, cx - w * 0.05, cy + h * 0.36, lw * 0.5, INK);
        break;
    case UC_INFANTRY:       /* crossed diagonals */
        ui_ras_line(cv, x0, y0, x1, y1, lw, INK);
        ui_ras_line(cv, x0, y1, x1, y0, lw, INK);
        break;
    case UC_LEVY:           /* crossed diagonals, hollow centre band: militia */
        ui_ras_line(cv, x0, y0, x1, y1, lw * 0.8, INK);
        ui_ras_line(cv, x0, y1, x1, y0, lw * 0.8, INK);
        ui_ras_rect(cv, x0, y1 - h * 0.22, x1, y1, INK);
        break;
    case UC_SIEGE: {        /* engine: wheel and throwing arm */
        ui_ras_disc(cv, cx, cy + h * 0.12, h * 0.2, INK);
        ui_ras_line(cv, cx - w * 0.28, cy + h * 0.34, cx + w * 0.28, cy + h * 0.34, lw, INK);
        ui_ras_line(cv, cx - w * 0.05, cy + h * 0.1, cx + w * 0.3, cy - h * 0.38, lw, INK);
        ui_ras_disc(cv, cx + w * 0.3, cy - h * 0.38, lw * 1.1, INK);
        break;
    }
    default:
        break;
    }
}

/* The faction's pattern on the counter's left band, so that colour is never the only cue:
 * solid, diagonal stripes, dots or chequer, chosen by the emblem. */
static void band_pattern(UiCanvas *cv, double x0, double y0, double x1, double y1, int kind, uint32_t ink)
{
    uint32_t c = (ink & 0xFFFFFF) | 0x70000000u;
    double step = fmax(3.0, (x1 - x0) / 2.2);
    switch (kind % 4) {
    case 1:     /* diagonal stripes */
        for (double k = -(y1 - y0); k < (x1 - x0); k += step) {
            double ax = x0 + k, ay = y1, bx = x0 + k + (y1 - y0), by = y0;
            /* clip the stripe to the band */
            if (ax < x0) { ay -= x0 - ax; ax = x0; }
            if (bx > x1) { by += bx - x1; bx = x1; }
            if (ay > y0 && by < y1) ui_ras_line(cv, ax, ay, bx, by, fmax(1.0, step * 0.3), c);
        }
        break;
    case 2:     /* dots */
        for (double y = y0 + step / 2; y < y1; y += step)
            for (double x = x0 + step / 2; x < x1; x += step) ui_ras_disc(cv, x, y, fmax(0.7, step * 0.2), c);
        break;
    case 3:     /* chequer */
        for (double y = y0; y < y1; y += step)
            for (double x = x0; x < x1; x += step)
                if (((int)((y - y0) / step) + (int)((x - x0) / step)) & 1)
                    ui_ras_rect(cv, x, y, fmin(x + step, x1), fmin(y + step, y1), c);
        break;
    default:    /* solid: a plain darker band */
        break;
    }
}

/* rgb scaled to pct percent, as an opaque canvas colour. */
static uint32_t darker(uint32_t rgb, int pct)
{
    int r = ((rgb >> 16) & 255) * pct / 100, g = ((rgb >> 8) & 255) * pct / 100, b = (rgb & 255) * pct / 100;
    return UI_RGB(r, g, b);
}

void ui_sym_counter(UiCanvas *cv, uint32_t rgb, const char *emblem, UnitClass cls)
{
    double W = cv->w - 2, H = cv->h - 2;     /* the canvas has 2 pixels for the shadow */
    double rad = fmax(1.5, W * 0.1);
    uint32_t body = UI_HEX(rgb);
    uint32_t ink = ui_sym_contrast(rgb);
    /* drop shadow, dark edge, body, left band with the faction pattern, light top bevel */
    ui_ras_rrect(cv, 2, 2, W + 2, H + 2, rad, 0x66000000);
    ui_ras_rrect(cv, 0, 0, W, H, rad, UI_HEX(0x1E1610));
    double b = fmax(1.0, W * 0.035);
    ui_ras_rrect(cv, b, b, W - b, H - b, rad * 0.8, body);
    double bw = W * 0.3;
    ui_ras_rrect(cv, b, b, bw, H - b, rad * 0.8, darker(rgb, 72));
    ui_ras_rect(cv, bw - rad, b, bw, H - b, darker(rgb, 72));
    band_pattern(cv, b, H * 0.52, bw, H - b * 1.5, emblem_kind(emblem), ink);
    ui_ras_rect(cv, b + rad * 0.5, b + 0.5, W - b - rad * 0.5, b + fmax(1, W * 0.03), 0x50FFFFFF);
    if (W < 14) {
        ui_sym_emblem(cv, W * 0.6, H * 0.5, W * 0.28, emblem, ink);
        return;
    }
    /* emblem top-left, in the band */
    ui_sym_emblem(cv, bw / 2 + b * 0.5, H * 0.27, fmin(bw * 0.46, H * 0.22), emblem, ui_sym_contrast(darker(rgb, 72)));
    /* class box */
    double x0 = W * 0.38, x1 = W * 0.92, y0 = H * 0.11, y1 = H * 0.52;
    ui_ras_rect(cv, x0, y0, x1, y1, UI_HEX(0xFBF7EC));
    double lw = fmax(1.0, W * 0.045);
    class_symbol(cv, cls, x0 + lw * 0.5, y0 + lw * 0.5, x1 - lw * 0.5, y1 - lw * 0.5, lw);
    ui_ras_line(cv, x0, y0, x1, y0, lw * 0.8, INK);
    ui_ras_line(cv, x1, y0, x1, y1, lw * 0.8, INK);
    ui_ras_line(cv, x1, y1, x0, y1, lw * 0.8, INK);
    ui_ras_line(cv, x0, y1, x0, y0, lw * 0.8, INK);
}

/* ---------------------------------------------------------------- places */

int ui_place_uncertain(const MapPlace *p)
{
    static const char *const words[] = { "disputed", "uncertain", "weak", "approximate", "+-",
                                          "conventional", "not located" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(p->note, words[i])) return 1;
    return 0;
}

void ui_sym_place(UiCanvas *cv, PlaceKind kind, uint32_t rgb, int open)
{
    double S = cv->w, c = S / 2;
    uint32_t fill = UI_HEX(rgb), edge = UI_HEX(0x1E1610), paper = UI_HEX(0xFBF6E8);
    double lw = fmax(1.0, S * 0.07);
    if (open) {     /* an uncertain site: the same shape, hollow, its outline in the owner's colour */
        edge = UI_HEX(darker(rgb, 70));
        fill = paper;
        lw = fmax(1.4, S * 0.1);
    }
    switch (kind) {
    case PLACE_CAPITAL: {
        double o = S * 0.44, i = S * 0.27;
        ui_ras_rect(cv, c - o - lw, c - o - lw, c + o + lw, c + o + lw, edge);
        ui_ras_rect(cv, c - o, c - o, c + o, c + o, paper);
        ui_ras_rect(cv, c - i - lw, c - i - lw, c + i + lw, c + i + lw, edge);
        ui_ras_rect(cv, c - i, c - i, c + i, c + i, fill);
        /* corner towers */
        for (int k = 0; k < 4; k++) {
            double tx = c + ((k & 1) ? o : -o), ty = c + ((k & 2) ? o : -o);
            ui_ras_rect(cv, tx - lw * 1.4, ty - lw * 1.4, tx + lw * 1.4, ty + lw * 1.4, edge);
        }
        ui_ras_star(cv, c, c, i * 0.95, UI_HEX(0xF2C94C), edge);
        break;
    }
    case PLACE_CITY: {
        double o = S * 0.34;
        ui_ras_rect(cv, c - o - lw, c - o - lw, c + o + lw, c + o + lw, edge);
        ui_ras_rect(cv, c - o, c - o, c + o, c + o, fill);
        /* crenels on the top wall */
        for (int k = -1; k <= 1; k++)
            ui_ras_rect(cv, c + k * o * 0.66 - lw, c - o - lw * 2.6, c + k * o * 0.66 + lw, c - o, edge);
        ui_ras_rect(cv, c - o * 0.35, c - o * 0.35, c + o * 0.35, c + o * 0.35, paper);
        break;
    }
    case PLACE_FORTRESS: {
        double o = S * 0.3, p = S * 0.47;
        double xy[16];
        for (int k = 0; k < 8; k++) {
            double a = (k * 45 - 90) * UI_PI / 180;
            double r = (k & 1) ? o : p;
            xy[2 * k] = c + cos(a) * r; xy[2 * k + 1] = c + sin(a) * r;
        }
        ui_ras_poly(cv, xy, 8, edge);
        for (int k = 0; k < 8; k++) {
            double a = (k * 45 - 90) * UI_PI / 180;
            double r = ((k & 1) ? o : p) - lw * 1.4;
            xy[2 * k] = c + cos(a) * r; xy[2 * k + 1] = c + sin(a) * r;
        }
        ui_ras_poly(cv, xy, 8, fill);
        ui_ras_disc(cv, c, c, S * 0.09, paper);
        break;
    }
    case PLACE_TOWN:
        ui_ras_disc(cv, c, c, S * 0.3 + lw, edge);
        ui_ras_disc(cv, c, c, S * 0.3, fill);
        ui_ras_disc(cv, c, c, S * 0.1, open ? edge : paper);
        break;
    case PLACE_PASS:
        ui_ras_bezier(cv, c - S * 0.38, c - S * 0.4, c - S * 0.1, c, c - S * 0.38, c + S * 0.4, lw * 1.6, lw * 1.6, edge);
        ui_ras_bezier(cv, c + S * 0.38, c - S * 0.4, c + S * 0.1, c, c + S * 0.38, c + S * 0.4, lw * 1.6, lw * 1.6, edge);
        ui_ras_disc(cv, c, c, S * 0.12, fill);
        break;
    case PLACE_CAMP: {
        double xy[6] = { c, c - S * 0.38, c + S * 0.42, c + S * 0.32, c - S * 0.42, c + S * 0.32 };
        ui_ras_poly(cv, xy, 3, edge);
        double in[6] = { c, c - S * 0.22, c + S * 0.28, c + S * 0.24, c - S * 0.28, c + S * 0.24 };
        if (open) {
            double in2[6] = { c, c - S * 0.38 + lw * 2.2, c + S * 0.42 - lw * 1.9, c + S * 0.32 - lw,
                              c - S * 0.42 + lw * 1.9, c + S * 0.32 - lw };
            ui_ras_poly(cv, in2, 3, paper);
        } else {
            ui_ras_poly(cv, in, 3, fill);
        }
        ui_ras_line(cv, c, c - S * 0.1, c, c + S * 0.3, lw, edge);
        break;
    }
    default: {  /* site */
        double xy[8] = { c, c - S * 0.32, c + S * 0.32, c, c, c + S * 0.32, c - S * 0.32, c };
        ui_ras_poly(cv, xy, 4, edge);
        if (open) {
            double in[8] = { c, c - S * 0.32 + lw * 1.5, c + S * 0.32 - lw * 1.5, c, c, c + S * 0.32 - lw * 1.5,
                             c - S * 0.32 + lw * 1.5, c };
            ui_ras_poly(cv, in, 4, paper);
        } else {
            ui_ras_disc(cv, c, c, S * 0.12, fill);
        }
        break;
    }
    }
}

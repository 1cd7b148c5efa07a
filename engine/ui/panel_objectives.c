/* panel_objectives.c - the objectives panel of the game screen (each side's aims, the running
 * score against them, turns left and what changes it) and the turning points of the end
 * screen. Every figure comes from game_standing (core/standing.h), the same source as the
 * headless summary, so the panel, the end screen and --headless --json agree. */
#include "ui_screens.h"
#include <stdio.h>
#include <string.h>

/* Lines of a side's aim text the panel shows (Tianzuo's flight names five refuges). */
#define AIM_LINES 4

/* ================================================================ the model */

static void add_line(UiObjectives *o, int side, int good, const char *text, const char *status)
{
    if (o->n_lines >= UI_OBJ_MAX_LINES) return;
    o->lines[o->n_lines].side = side;
    o->lines[o->n_lines].good = good;
    snprintf(o->lines[o->n_lines].text, sizeof o->lines[o->n_lines].text, "%s", text);
    snprintf(o->lines[o->n_lines].status, sizeof o->lines[o->n_lines].status, "%s", status);
    o->n_lines++;
}

static const char *leader_name(const UiApp *app, const Game *g, int l)
{
    if (l < 0 || l >= g->n_leaders) return "?";
    return app->settings.hanzi && g->leaders[l].hanzi[0] ? g->leaders[l].hanzi : g->leaders[l].name;
}

void ui_objectives_build(const UiApp *app, const Game *g, UiObjectives *o)
{
    memset(o, 0, sizeof *o);
    o->turns_left = g->max_turns > 0 ? g->max_turns - g->turn + 1 : -1;
    if (o->turns_left < 0 && g->max_turns > 0) o->turns_left = 0;
    /* the sides with aims, in faction order */
    for (int f = 0; f < g->n_factions; f++) {
        const char *aim = NULL;
        int target = -1;
        for (int i = 0; i < g->n_victory; i++)
            if (g->victory[i].faction == f) {
                if (!aim) aim = g->victory[i].text;
                if (g->victory[i].type == VC_SCORE && target < 0) target = g->victory[i].value;
            }
        if (!aim) continue;
        UiObjSide *sd = &o->sides[o->n_sides++];
        sd->faction = f;
        sd->aim = aim;
        sd->target = target;
        game_standing(g, f, &sd->st);
        if (target >= 0) o->any_score = 1;
    }
    /* what changes it, side by side */
    const Map *m = g->map;
    char buf[200];
    for (int si = 0; si < o->n_sides; si++) {
        int f = o->sides[si].faction;
        if (o->sides[si].target >= 0) {
            /* the places worth points, the most first (map order on ties), under one caption */
            add_line(o, si, -1, "If held at the end:", "");
            for (int vp = 1000; vp > 0; vp--)
                for (int p = 0; p < m->n_places; p++) {
                    if (g->places[p].vp != vp) continue;
                    int own = g->places[p].owner;
                    snprintf(buf, sizeof buf, "%s +%d", ui_place_name(app, m, p), vp);
                    add_line(o, si, own == f, buf, own == f ? "held" : own >= 0 ? ui_faction_name(app, g, own) : "nobody");
                }
            snprintf(buf, sizeof buf, "Battles and events: %+d", o->sides[si].st.score);
            add_line(o, si, o->sides[si].st.score > 0, buf, "so far");
        }
        for (int i = 0; i < g->n_victory; i++) {
            const VictoryCond *v = &g->victory[i];
            if (v->faction != f) continue;
            int t = v->target, ok = 0;
            const char *st = "";
            buf[0] = '\0';
            if (v->type == VC_HOLD_PLACE && t >= 0 && t < m->n_places) {
                ok = g->places[t].owner == f;
                snprintf(buf, sizeof buf, "%s: hold it to the end", ui_place_name(app, m, t));
                st = ok ? "held" : "lost";
            } else if (v->type == VC_TAKE_PLACE && t >= 0 && t < m->n_places) {
                ok = g->places[t].owner == f;
                snprintf(buf, sizeof buf, "%s: take it to win at once", ui_place_name(app, m, t));
                st = ok ? "taken" : "not yet";
            } else if (v->type == VC_KILL_LEADER && t >= 0 && t < g->n_leaders) {
                ok = g->leaders[t].state != LEADER_ACTIVE;
                snprintf(buf, sizeof buf, "%s killed or taken: win at once", leader_name(app, g, t));
                st = ok ? "done" : "free";
            } else if (v->type == VC_SAVE_LEADER && t >= 0 && t < g->n_leaders) {
                ok = g->leaders[t].state == LEADER_ACTIVE;
                snprintf(buf, sizeof buf, "%s must stay free to the end", leader_name(app, g, t));
                st = ok ? "free" : "lost";
            }
            if (buf[0]) add_line(o, si, ok, buf, st);
        }
    }
}


/* ================================================================ drawing */

/* A label cut with an ellipsis to fit w; returns the width drawn. */
static int fit_label(UiCtx *c, int x, int y, UiFontSize f, uint32_t rgb, const char *text, int w)
{
    char line[320];
    snprintf(line, sizeof line, "%s", text);
    int lw, lh;
    ui_measure(c, f, line, &lw, &lh);
    if (lw > w) {
        size_t n = strlen(line);
        while (n > 1) {
            n--;
            while (n > 1 && (line[n] & 0xC0) == 0x80) n--; /* whole UTF-8 characters */
            snprintf(line + n, sizeof line - n, "\xe2\x80\xa6");
            ui_measure(c, f, line, &lw, &lh);
            if (lw <= w) break;
        }
    }
    return ui_label(c, x, y, f, rgb, UI_ALIGN_LEFT, line);
}

void ui_objectives_panel(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    UiObjectives o;
    ui_objectives_build(app, g, &o);
    gs->obj_rect = (SDL_Rect){ 0, 0, 0, 0 };
    if (o.n_sides == 0 && o.turns_left < 0) return;
    SDL_Rect mr = gs->map_rect;
    int pad = ui_px(c, 8), lh = ui_line_h(c, UI_FONT_SMALL), bh = ui_line_h(c, UI_FONT_BODY);
    int w = ui_px(c, 300);
    if (w > mr.w * 55 / 100) w = mr.w * 55 / 100;
    int x = mr.x + mr.w - w - ui_px(c, 10), y0 = mr.y + ui_px(c, 10), iw = w - 2 * pad;
    int open = app->settings.objectives_open;
    /* height: header, then per side a score line and its changes */
    int h = pad + bh + pad / 2;
    if (open) {
        for (int i = 0; i < o.n_sides; i++) {
            h += bh + ui_px(c, 2);
            if (o.sides[i].target < 0 && o.sides[i].aim[0]) {
                int al = ui_text_block(c, (SDL_Rect){ 0, 0, iw - ui_px(c, 12), 1000 }, UI_FONT_SMALL, UI_C_INK, o.sides[i].aim, 0, 0);
                h += (al > AIM_LINES ? AIM_LINES : al) * lh;
            }
        }
        h += o.n_lines * lh + lh / 2 + pad / 2;
        int maxh = mr.h - ui_px(c, 110); /* above the zoom buttons' row */
        if (h > maxh) h = maxh;
    }
    SDL_Rect r = { x, y0, w, h };
    gs->obj_rect = r;
    ui_shadow(c, r, 3);
    ui_fill(c, r, UI_C_PARCHMENT, 238);
    ui_frame(c, r, UI_C_GOLD, 255, 1);
    /* header: fold mark, title, turns left */
    char head[160], tl[48] = "";
    if (o.turns_left == 1) snprintf(tl, sizeof tl, "last turn");
    else if (o.turns_left > 1) snprintf(tl, sizeof tl, "%d turns left", o.turns_left);
    if (open) snprintf(head, sizeof head, "\xe2\x96\xbe Objectives");
    else {
        char sc[96] = "";
        for (int i = 0; i < o.n_sides; i++)
            if (o.sides[i].target >= 0) {
                snprintf(sc, sizeof sc, "  %s %d/%d", ui_faction_name(app, g, o.sides[i].faction), o.sides[i].st.points,
                         o.sides[i].target);
                break;
            }
        snprintf(head, sizeof head, "\xe2\x96\xb8 Objectives%s", sc);
    }
    int tlw = 0, tlh;
    if (tl[0]) ui_measure(c, UI_FONT_SMALL, tl, &tlw, &tlh);
    fit_label(c, x + pad, y0 + pad, UI_FONT_BODY, UI_C_LACQUER, head, iw - tlw - ui_px(c, 8));
    if (tl[0]) ui_label(c, x + w - pad, y0 + pad + (bh - lh) / 2, UI_FONT_SMALL, UI_C_INK_SOFT, UI_ALIGN_RIGHT, tl);
    SDL_Rect hr = { x, y0, w, pad + bh };
    if (ui_clicked(c, hr)) {
        app->settings.objectives_open = !open;
        ui_apply_settings(app); /* kept for the next game */
    }
    if (ui_hover(c, hr)) ui_tooltip(c, open ? "Fold the objectives (O)" : "Show the objectives (O)");
    if (!open) return;
    int y = y0 + pad + bh + pad / 2, bottom = r.y + r.h - lh / 2;
    SDL_RenderSetClipRect(c->r, &r);
    for (int si = 0; si < o.n_sides && y + bh <= bottom; si++) {
        const UiObjSide *sd = &o.sides[si];
        int es = bh - ui_px(c, 2);
        if (app->render) ui_render_faction_emblem(app->render, g, sd->faction, x + pad, y + 1, es);
        /* the name, and the points against the aim on the right */
        char sc[64] = "";
        if (sd->target >= 0) snprintf(sc, sizeof sc, "%d / %d", sd->st.points, sd->target);
        int scw = 0, sch;
        if (sc[0]) ui_measure(c, UI_FONT_BODY, sc, &scw, &sch);
        int sw = fit_label(c, x + pad + es + ui_px(c, 6), y, UI_FONT_BODY, UI_C_INK, ui_faction_name(app, g, sd->faction),
                           iw - es - ui_px(c, 12) - scw);
        if (sc[0])
            ui_label(c, x + w - pad, y, UI_FONT_BODY, sd->st.points >= sd->target ? UI_C_GOOD : UI_C_LACQUER, UI_ALIGN_RIGHT, sc);
        SDL_Rect line_r = { x, y, w, bh };
        if (ui_hover(c, line_r)) ui_tooltip(c, sd->aim);
        (void)sw;
        y += bh + ui_px(c, 2);
        if (sd->target < 0 && sd->aim[0] && y + lh <= bottom) { /* the aim itself, AIM_LINES at most */
            SDL_Rect ar = { x + pad + ui_px(c, 12), y, iw - ui_px(c, 12), AIM_LINES * lh };
            int al = ui_text_block(c, ar, UI_FONT_SMALL, UI_C_INK_SOFT, sd->aim, 0, 1);
            y += (al > AIM_LINES ? AIM_LINES : al) * lh;
        }
        for (int i = 0; i < o.n_lines && y + lh <= bottom; i++) {
            if (o.lines[i].side != si) continue;
            int stw = 0, sth;
            if (o.lines[i].status[0]) ui_measure(c, UI_FONT_SMALL, o.lines[i].status, &stw, &sth);
            if (stw > iw / 3) stw = iw / 3;
            int ind = o.lines[i].good < 0 ? 0 : ui_px(c, 12); /* a caption, or a line under it */
            fit_label(c, x + pad + ind, y, UI_FONT_SMALL, o.lines[i].good < 0 ? UI_C_INK_SOFT : UI_C_INK, o.lines[i].text,
                      iw - ind - ui_px(c, 6) - stw);
            if (o.lines[i].status[0])
                fit_label(c, x + w - pad - stw, y, UI_FONT_SMALL, o.lines[i].good > 0 ? UI_C_GOOD : UI_C_GREY, o.lines[i].status, stw);
            y += lh;
        }
    }
    SDL_RenderSetClipRect(c->r, NULL);
}

/* ================================================================ turning points */

/* How telling an entry is by its kind alone (the tie-break, and all there is for the entries
 * of a loaded game). */
static int kind_weight(GameEventType t)
{
    switch (t) {
    case GEV_LEADER_KILLED: case GEV_LEADER_CAPTURED: return 8;
    case GEV_PLACE_CAPTURED: return 6;
    case GEV_DEFECTION: case GEV_REBELLION: return 5;
    case GEV_FACTION_CREATED: return 4;
    case GEV_RELATION_CHANGED: case GEV_DESERTION: case GEV_CHOICE: return 3;
    case GEV_BATTLE: case GEV_UNIT_DESTROYED: return 2;
    case GEV_MESSAGE: return 1;
    default: return 0;
    }
}

void ui_turning_sample(UiApp *app)
{
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    int moved = 0, pts[GAME_MAX_FACTIONS], str[GAME_MAX_FACTIONS];
    for (int f = 0; f < g->n_factions && f < GAME_MAX_FACTIONS; f++) {
        GameStanding st;
        game_standing(g, f, &st);
        pts[f] = st.points;
        str[f] = st.strength;
        int dp = pts[f] - gs->tp_points[f], ds = str[f] - gs->tp_strength[f];
        moved += (dp < 0 ? -dp : dp) * 10 + (ds < 0 ? -ds : ds);
    }
    if (gs->tp_n > g->n_log) gs->tp_n = g->n_log;
    if (g->n_log > gs->tp_n) {
        /* the change belongs to the telling entries it brought (a place taken, a commander
         * lost, a defection, a rising: each of them), else to the most telling one */
        int best = gs->tp_n, big = 0;
        for (int i = gs->tp_n; i < g->n_log && i < GAME_MAX_EVENTS; i++) {
            if (kind_weight(g->log[i].type) > kind_weight(g->log[best].type)) best = i;
            if (kind_weight(g->log[i].type) >= 5) {
                gs->tp_weight[i] += moved;
                big = 1;
            }
        }
        if (!big && best < GAME_MAX_EVENTS && g->log[best].type != GEV_VICTORY) gs->tp_weight[best] += moved;
        gs->tp_n = g->n_log;
    }
    for (int f = 0; f < g->n_factions && f < GAME_MAX_FACTIONS; f++) {
        gs->tp_points[f] = pts[f];
        gs->tp_strength[f] = str[f];
    }
}

int ui_turning_points(const UiApp *app, int *out, int cap)
{
    const GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    int n = 0;
    /* pick the cap heaviest (earlier first on ties), then sort them by time */
    static uint8_t taken[GAME_MAX_EVENTS];
    memset(taken, 0, sizeof taken);
    while (n < cap) {
        int best = -1, bw = 0;
        for (int i = 0; i < g->n_log && i < GAME_MAX_EVENTS; i++) {
            if (taken[i] || g->log[i].type == GEV_VICTORY) continue;
            int w = gs->tp_weight[i] * 16 + kind_weight(g->log[i].type);
            if (w > bw) { bw = w; best = i; }
        }
        if (best < 0) break;
        taken[best] = 1;
        out[n++] = best;
    }
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && out[k - 1] > out[k]; k--) {
            int t = out[k];
            out[k] = out[k - 1];
            out[k - 1] = t;
        }
    return n;
}

/* screen_menu.c - the screens before play: the main menu (campaigns, single scenarios, load,
 * settings, quit) over the theatre map, the scenario list, and the briefing (the history, a
 * map of the area with the starting positions, the side and the difficulty). */
#include "ui_screens.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================================================================ text */

/* Copies text with single line breaks turned into spaces (a Lua long string's hard wraps),
 * keeping blank lines as paragraph breaks. */
void ui_reflow(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = in; *p && n + 2 < cap; p++) {
        if (*p == '\n') {
            int blank = p[1] == '\n';
            while (p[1] == '\n' || p[1] == ' ' || p[1] == '\t') p++;
            out[n++] = blank ? '\n' : ' ';
            if (blank && n + 2 < cap) out[n++] = '\n';
            continue;
        }
        out[n++] = *p;
    }
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' ')) n--;
    out[n] = '\0';
}

/* ================================================================ the backdrop */

static UiMapView backdrop_view;
static int backdrop_ready;

/* The theatre map, dimmed, behind the menus (from the second frame on, so that the first
 * menu frame comes at once). */
static void backdrop(UiApp *app)
{
    UiCtx *c = &app->ctx;
    SDL_Rect all = { 0, 0, c->w, c->h };
    ui_gradient(c, all, 0x3A1A10, 0x120806, 255);
    if (app->frames > 0) {
        char err[256];
        const Map *m = lscript_theatre(err, sizeof err);
        UiRender *rr = m ? ui_render_for(app, m) : NULL;
        if (rr) {
            if (!backdrop_ready || backdrop_view.vp.w != c->w || backdrop_view.vp.h != c->h) {
                ui_view_init(&backdrop_view, m, all);
                ui_view_fit(&backdrop_view, m, 1);
                backdrop_view.zoom *= 1.35;
                backdrop_ready = 1;
            }
            UiOverlay o;
            ui_overlay_init(&o);
            o.show_grid = 0;
            o.show_hanzi = app->settings.hanzi;
            o.frozen = 0;
            ui_render_map(rr, &backdrop_view, NULL, &o);
            ui_fill(c, all, 0x1A0C08, 120);
        }
    }
    /* vignette on the left, behind the menu */
    int e = c->w / 4;
    for (int i = 0; i < 12; i++) ui_fill(c, (SDL_Rect){ 0, 0, e * (12 - i) / 12, c->h }, 0x0A0503, 14);
}

/* ================================================================ main menu */

/* The campaign for side (a scenario flagged is_campaign whose sides list it), or NULL. */
static const ScenarioInfo *campaign_for(UiApp *app, const char *side)
{
    for (int i = 0; i < app->n_scenarios; i++) {
        const ScenarioInfo *s = &app->scenarios[i];
        if (!s->is_campaign) continue;
        char buf[80];
        snprintf(buf, sizeof buf, ",%s,", s->sides);
        char want[40];
        snprintf(want, sizeof want, ",%s,", side);
        if (strstr(buf, want)) return s;
    }
    return NULL;
}

void screen_menu_frame(UiApp *app)
{
    UiCtx *c = &app->ctx;
    backdrop(app);
    if (app->frames > 0) ui_load_scenarios(app);
    int pw = ui_px(c, 400), ph = ui_px(c, 560);
    if (ph > c->h - ui_px(c, 40)) ph = c->h - ui_px(c, 40);
    SDL_Rect p = { ui_px(c, 70), (c->h - ph) / 2, pw, ph };
    ui_panel(c, p, UI_PANEL_LACQUER);
    int cx = p.x + pw / 2, y = p.y + ui_px(c, 30);
    ui_label(c, cx, y, UI_FONT_TITLE, UI_C_GOLD_HI, UI_ALIGN_CENTER, "Gyrfalcon");
    y += ui_line_h(c, UI_FONT_TITLE);
    ui_label(c, cx, y, UI_FONT_HEAD, UI_C_GOLD, UI_ALIGN_CENTER, "\xe6\xb5\xb7\xe6\x9d\xb1\xe9\x9d\x92");
    y += ui_line_h(c, UI_FONT_HEAD);
    ui_label(c, cx, y, UI_FONT_BODY, UI_C_CREAM, UI_ALIGN_CENTER, "The Jin\xe2\x80\x93Liao wars, 1114\xe2\x80\x93" "1125");
    y += ui_line_h(c, UI_FONT_BODY) + ui_px(c, 12);
    ui_rule(c, p.x + ui_px(c, 30), y, pw - ui_px(c, 60), UI_C_GOLD);
    y += ui_px(c, 22);
    int bw = pw - ui_px(c, 80), bh = ui_px(c, 44), gap = ui_px(c, 10);
    int bx = p.x + ui_px(c, 40);
    const ScenarioInfo *jin = app->scenarios_loaded ? campaign_for(app, "jin") : NULL;
    const ScenarioInfo *liao = app->scenarios_loaded ? campaign_for(app, "liao") : NULL;
    struct { const char *label; int flags; } items[] = {
        { "Jin campaign", jin ? UI_BTN_PRIMARY : UI_BTN_DISABLED },
        { "Liao campaign", liao ? UI_BTN_PRIMARY : UI_BTN_DISABLED },
        { "Single scenarios", UI_BTN_PRIMARY },
        { "Load game", 0 },
        { "Settings", 0 },
        { "Quit", 0 },
    };
    for (int i = 0; i < 6; i++) {
        SDL_Rect b = { bx, y, bw, bh };
        if (ui_button(c, b, items[i].label, items[i].flags)) {
            switch (i) {
            case 0: ui_open_campaign_step(app, jin->path, 0, NULL); break;
            case 1: ui_open_campaign_step(app, liao->path, 0, NULL); break;
            case 2: ui_load_scenarios(app); app->camp_step = -1; app->screen = SCR_SCENARIOS; break;
            case 3: ui_scan_saves(app); app->saves_sel = app->n_saves > 0 ? 0 : -1; app->dialog = DLG_LOAD; break;
            case 4: app->dialog = DLG_SETTINGS; break;
            default: app->quit = 1; break;
            }
        }
        if ((items[i].flags & UI_BTN_DISABLED) && ui_in_rect(c->in->mx, c->in->my, b) && c->enabled)
            ui_tooltip(c, "No campaign is installed yet: play the single scenarios");
        y += bh + gap;
        if (i == 1 || i == 3) y += gap;
    }
    ui_label(c, cx, p.y + ph - ui_px(c, 34), UI_FONT_SMALL, UI_C_GOLD, UI_ALIGN_CENTER, "v" GYR_VERSION "  \xc2\xb7  ? for help");
    if (ui_key(c, SDLK_ESCAPE, 0)) app->dialog = DLG_CONFIRM_QUIT;
    if (ui_key(c, SDLK_l, 1)) {
        ui_scan_saves(app);
        app->dialog = DLG_LOAD;
    }
}

/* ================================================================ scenario list */

void screen_scenarios_frame(UiApp *app)
{
    UiCtx *c = &app->ctx;
    backdrop(app);
    ui_load_scenarios(app);
    int m = ui_px(c, 40);
    int lw = ui_px(c, 380);
    SDL_Rect lp = { m, m, lw, c->h - 2 * m };
    SDL_Rect rp = { m * 3 / 2 + lw, m, c->w - lw - m * 5 / 2, c->h - 2 * m };
    ui_panel(c, lp, UI_PANEL_PARCHMENT);
    ui_panel(c, rp, UI_PANEL_PARCHMENT);
    int pad = ui_px(c, 22);
    ui_label(c, lp.x + pad, lp.y + pad, UI_FONT_HEAD, UI_C_LACQUER, UI_ALIGN_LEFT, "Scenarios");
    int ly = lp.y + pad + ui_line_h(c, UI_FONT_HEAD) + ui_px(c, 6);
    ui_rule(c, lp.x + pad, ly, lw - 2 * pad, UI_C_LACQUER);
    ly += ui_px(c, 10);
    static char labels[UI_MAX_SCENARIOS][140];
    const char *items[UI_MAX_SCENARIOS];
    int map_i[UI_MAX_SCENARIOS], n = 0;
    for (int i = 0; i < app->n_scenarios; i++) {
        if (app->scenarios[i].is_campaign || lscript_is_test_scenario(&app->scenarios[i])) continue;
        const char *t = app->scenarios[i].title[0] ? app->scenarios[i].title : app->scenarios[i].id;
        if (strstr(t, app->scenarios[i].years))
            snprintf(labels[n], sizeof labels[n], "%s%s", t, app->scenarios[i].is_mod ? "  \xc2\xb7 mod" : "");
        else
            snprintf(labels[n], sizeof labels[n], "%s (%s)%s", t, app->scenarios[i].years, app->scenarios[i].is_mod ? "  \xc2\xb7 mod" : "");
        items[n] = labels[n];
        map_i[n++] = i;
    }
    if (app->list_sel >= n) app->list_sel = n - 1;
    if (app->list_sel < 0 && n > 0) app->list_sel = 0;
    SDL_Rect list = { lp.x + pad, ly, lw - 2 * pad, lp.y + lp.h - ly - pad - ui_px(c, 56) };
    int hit = ui_list(c, list, items, n, app->list_sel, &app->list_scroll);
    if (hit >= 0) {
        if (hit == app->list_sel && app->in.released) { /* a second click opens it */ }
        app->list_sel = hit;
        app->brief_scroll = 0;
    }
    if (ui_key(c, SDLK_DOWN, 0) && app->list_sel < n - 1) app->list_sel++;
    if (ui_key(c, SDLK_UP, 0) && app->list_sel > 0) app->list_sel--;
    SDL_Rect back = { lp.x + pad, lp.y + lp.h - pad - ui_px(c, 44), ui_px(c, 140), ui_px(c, 44) };
    if (ui_button(c, back, "Back", 0) || ui_key(c, SDLK_ESCAPE, 0)) {
        app->screen = SCR_MENU;
        return;
    }
    if (n == 0) {
        ui_text_block(c, (SDL_Rect){ rp.x + pad, rp.y + pad, rp.w - 2 * pad, rp.h - 2 * pad }, UI_FONT_BODY, UI_C_INK,
                      "No scenarios were found. They live in scripts/scenarios/ under the data folder "
                      "(GYR_DATA_DIR), and your own in the mods folder.", 0, 1);
        return;
    }
    const ScenarioInfo *si = &app->scenarios[map_i[app->list_sel]];
    int y = rp.y + pad;
    ui_label(c, rp.x + pad, y, UI_FONT_TITLE, UI_C_LACQUER, UI_ALIGN_LEFT, si->title[0] ? si->title : si->id);
    y += ui_line_h(c, UI_FONT_TITLE);
    char sides[96];
    snprintf(sides, sizeof sides, "%s", si->sides);
    for (char *q = sides; *q; q++)
        if (*q == ',') *q = '/';
    ui_labelf(c, rp.x + pad, y, UI_FONT_BODY, UI_C_INK_SOFT, UI_ALIGN_LEFT, "%s  \xc2\xb7  sides: %s", si->years, sides);
    y += ui_line_h(c, UI_FONT_BODY) + ui_px(c, 8);
    ui_rule(c, rp.x + pad, y, rp.w - 2 * pad, UI_C_LACQUER);
    y += ui_px(c, 12);
    SDL_Rect tb = { rp.x + pad, y, rp.w - 2 * pad, rp.y + rp.h - y - pad - ui_px(c, 60) };
    if (ui_hover(c, tb) && c->in->wheel) app->brief_scroll -= c->in->wheel * 3;
    static char text[sizeof si->briefing];
    ui_reflow(si->briefing, text, sizeof text);
    int lines = ui_text_block(c, tb, UI_FONT_BODY, UI_C_INK, text, 0, 0);
    int vis = tb.h / ui_line_h(c, UI_FONT_BODY);
    if (app->brief_scroll > lines - vis) app->brief_scroll = lines - vis;
    if (app->brief_scroll < 0) app->brief_scroll = 0;
    ui_text_block(c, tb, UI_FONT_BODY, UI_C_INK, text[0] ? text : "(This scenario has no briefing.)",
                  app->brief_scroll, 1);
    SDL_Rect go = { rp.x + rp.w - pad - ui_px(c, 240), rp.y + rp.h - pad - ui_px(c, 44), ui_px(c, 240), ui_px(c, 44) };
    if (ui_button(c, go, "Choose sides  \xe2\x96\xb6", UI_BTN_PRIMARY) || ui_key(c, SDLK_RETURN, 0))
    {
        app->camp_step = -1;
        ui_open_briefing(app, si, NULL);
    }
}

/* ================================================================ briefing */

void ui_open_briefing(UiApp *app, const ScenarioInfo *info, const char *fixed_side)
{
    if (!info) return;
    if (app->preview) session_free(app->preview);
    app->brief = *info;
    app->preview_err[0] = '\0';
    app->preview = session_new(info->path[0] ? info->path : info->id, 1, "", app->difficulty, app->preview_err,
                               sizeof app->preview_err);
    app->brief_side = 0;
    app->brief_fixed_side = 0;
    app->brief_scroll = 0;
    if (fixed_side && app->preview) {
        int k = 0;
        const Game *g = app->preview->game;
        for (int f = 0; f < g->n_factions; f++) {
            if (!g->factions[f].playable) continue;
            if (!strcmp(g->factions[f].id, fixed_side)) {
                app->brief_side = k;
                app->brief_fixed_side = 1;
            }
            k++;
        }
    }
    app->screen = SCR_BRIEFING;
}

void ui_open_campaign_step(UiApp *app, const char *campaign_path, int step, const Carry *carry)
{
    char err[512];
    if (campaign_load(campaign_path, &app->camp, err, sizeof err)) {
        ui_toast(app, 1, "%s", err);
        return;
    }
    if (step < 0 || step >= app->camp.n_steps) {
        ui_toast(app, 0, "The campaign is over.");
        return;
    }
    ScenarioInfo info;
    if (lscript_find_scenario(app->camp.steps[step].scenario, &info) != 0) {
        ui_toast(app, 1, "%s: unknown scenario \"%s\"", campaign_path, app->camp.steps[step].scenario);
        return;
    }
    if (carry) app->camp_carry = *carry;
    else memset(&app->camp_carry, 0, sizeof app->camp_carry);
    /* the briefing: the campaign's own text first, then what happened before this step */
    ScenarioInfo b = info;
    snprintf(b.years, sizeof b.years, "part %d of %d", (step + 1) % 100, app->camp.n_steps % 100);
    b.is_campaign = 1;
    ui_open_briefing(app, &b, app->camp.side);
    /* the campaign's side gets its own briefing of the scenario (briefing_<side>, else the general) */
    const char *own = app->preview ? lscript_briefing(app->preview->script, app->camp.side) : info.briefing;
    static char text[4096 + 2048 + 4096 + 8];
    snprintf(text, sizeof text, "%s%s%s\n\n%s", step == 0 ? app->camp.briefing : "", step == 0 ? "\n\n" : "",
             app->camp.steps[step].interlude, own);
    size_t n = strlen(text);
    if (n >= sizeof app->brief.briefing) n = sizeof app->brief.briefing - 1;
    memcpy(app->brief.briefing, text, n);
    app->brief.briefing[n] = '\0';
    snprintf(app->brief.path, sizeof app->brief.path, "%s", info.path);
    app->camp_step = step;
}

/* The text the briefing screen shows: a side's own briefing (scenario{ briefing_<faction> },
 * falling back to the general one) once that side is chosen; the general one for hotseat;
 * a campaign's text as composed by ui_open_campaign_step. */
const char *ui_briefing_shown(UiApp *app)
{
    const Session *pv = app->preview;
    if (app->camp_step >= 0 || !pv) return app->brief.briefing;
    const Game *g = pv->game;
    int k = 0;
    for (int f = 0; f < g->n_factions; f++) {
        if (!g->factions[f].playable) continue;
        if (k++ == app->brief_side) return lscript_briefing(pv->script, g->factions[f].id);
    }
    return app->brief.briefing;                 /* Both (hotseat) */
}

void screen_briefing_frame(UiApp *app)
{
    UiCtx *c = &app->ctx;
    backdrop(app);
    const ScenarioInfo *si = &app->brief;
    int m = ui_px(c, 30), pad = ui_px(c, 22);
    int lw = (c->w - 3 * m) * 45 / 100;
    SDL_Rect lp = { m, m, lw, c->h - 2 * m };
    SDL_Rect rp = { 2 * m + lw, m, c->w - lw - 3 * m, c->h - 2 * m };
    ui_panel(c, lp, UI_PANEL_PARCHMENT);
    ui_panel(c, rp, UI_PANEL_PARCHMENT);
    /* the history */
    int y = lp.y + pad;
    ui_label(c, lp.x + pad, y, UI_FONT_TITLE, UI_C_LACQUER, UI_ALIGN_LEFT, si->title[0] ? si->title : si->id);
    y += ui_line_h(c, UI_FONT_TITLE);
    if (app->camp_step >= 0)
        ui_labelf(c, lp.x + pad, y, UI_FONT_BODY, UI_C_INK_SOFT, UI_ALIGN_LEFT, "%s  \xc2\xb7  %s", app->camp.title, si->years);
    else
        ui_label(c, lp.x + pad, y, UI_FONT_BODY, UI_C_INK_SOFT, UI_ALIGN_LEFT, si->years);
    y += ui_line_h(c, UI_FONT_BODY) + ui_px(c, 6);
    ui_rule(c, lp.x + pad, y, lw - 2 * pad, UI_C_LACQUER);
    y += ui_px(c, 12);
    SDL_Rect tb = { lp.x + pad, y, lw - 2 * pad, lp.y + lp.h - y - pad };
    if (ui_hover(c, tb) && c->in->wheel) app->brief_scroll -= c->in->wheel * 3;
    static char text[sizeof si->briefing];
    ui_reflow(ui_briefing_shown(app), text, sizeof text);
    int lines = ui_text_block(c, tb, UI_FONT_BODY, UI_C_INK, text, 0, 0);
    int vis = tb.h / ui_line_h(c, UI_FONT_BODY);
    if (app->brief_scroll > lines - vis) app->brief_scroll = lines - vis;
    if (app->brief_scroll < 0) app->brief_scroll = 0;
    ui_text_block(c, tb, UI_FONT_BODY, UI_C_INK, text[0] ? text : "(This scenario has no briefing.)",
                  app->brief_scroll, 1);
    if (lines > vis)
        ui_label(c, lp.x + lw - pad, lp.y + lp.h - pad, UI_FONT_SMALL, UI_C_GREY, UI_ALIGN_RIGHT, "scroll for more");

    /* the area map with the starting positions */
    int ctl_h = ui_px(c, 230);
    SDL_Rect mapr = { rp.x + pad, rp.y + pad, rp.w - 2 * pad, rp.h - 2 * pad - ctl_h };
    ui_fill(c, (SDL_Rect){ mapr.x - 3, mapr.y - 3, mapr.w + 6, mapr.h + 6 }, UI_C_LACQUER_DK, 255);
    Session *pv = app->preview;
    if (pv) {
        const Game *g = pv->game;
        UiRender *rr = ui_render_for(app, g->map);
        static Hex hexes[GAME_MAX_UNITS + GAME_MAX_VICTORY];
        int n = 0;
        for (int u = 0; u < g->n_units; u++)
            if (g->units[u].alive) hexes[n++] = g->units[u].hex;
        for (int v = 0; v < g->n_victory; v++)
            if ((g->victory[v].type == VC_HOLD_PLACE || g->victory[v].type == VC_TAKE_PLACE) && g->victory[v].target >= 0 &&
                g->victory[v].target < g->map->n_places)
                hexes[n++] = g->map->places[g->victory[v].target].hex;
        if (rr) {
            UiMapView v;
            ui_view_init(&v, g->map, mapr);
            if (n > 0) ui_view_fit_hexes(&v, hexes, n, 3);
            UiOverlay o;
            ui_overlay_init(&o);
            o.show_hanzi = app->settings.hanzi;
            SDL_RenderSetClipRect(c->r, &mapr);
            ui_render_map(rr, &v, g, &o);
            SDL_RenderSetClipRect(c->r, NULL);
        }
        ui_frame(c, mapr, UI_C_GOLD, 255, 1);
        /* objectives */
        int oy = mapr.y + mapr.h + ui_px(c, 10);
        ui_label(c, rp.x + pad, oy, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "OBJECTIVES");
        oy += ui_line_h(c, UI_FONT_SMALL);
        int limit = rp.y + rp.h - pad - ui_px(c, 44) * 2 - ui_px(c, 14) - ui_line_h(c, UI_FONT_SMALL) * 2;
        for (int v = 0; v < g->n_victory && oy < limit; v++) {
            char t[GAME_TEXT_LEN + 64];
            snprintf(t, sizeof t, "%s: %s", ui_faction_name(app, g, g->victory[v].faction), g->victory[v].text);
            oy += ui_text_block(c, (SDL_Rect){ rp.x + pad, oy, rp.w - 2 * pad, limit - oy }, UI_FONT_SMALL, UI_C_INK, t, 0, 1) *
                  ui_line_h(c, UI_FONT_SMALL);
        }
        /* side choice */
        int sides[GAME_MAX_FACTIONS], ns = 0;
        for (int f = 0; f < g->n_factions; f++)
            if (g->factions[f].playable) sides[ns++] = f;
        int by = rp.y + rp.h - pad - ui_px(c, 44) * 2 - ui_px(c, 14);
        int bx = rp.x + pad;
        int bw = (rp.w - 2 * pad - ui_px(c, 8) * ns) / (ns + 1);
        if (bw > ui_px(c, 220)) bw = ui_px(c, 220);
        ui_label(c, bx, by - ui_line_h(c, UI_FONT_SMALL) - ui_px(c, 2), UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "PLAY AS");
        for (int i = 0; i <= ns; i++) {
            SDL_Rect b = { bx + i * (bw + ui_px(c, 8)), by, bw, ui_px(c, 44) };
            char lab[96];
            if (i < ns) snprintf(lab, sizeof lab, "%s", ui_faction_name(app, g, sides[i]));
            else snprintf(lab, sizeof lab, "Both (hotseat)");
            int fl = app->brief_side == i ? UI_BTN_SELECTED : 0;
            if (app->brief_fixed_side && app->brief_side != i) fl |= UI_BTN_DISABLED;
            if (ui_button(c, b, lab, fl) && app->brief_side != i) {
                app->brief_side = i;
                app->brief_scroll = 0;      /* a new side, a new text */
            }
            if (i < ns && rr) {
                int es = ui_px(c, 22);
                ui_render_faction_emblem(rr, g, sides[i], b.x + ui_px(c, 6), b.y + (b.h - es) / 2, es);
            }
        }
        /* difficulty and start */
        int y2 = by + ui_px(c, 44) + ui_px(c, 12);
        static const char *diff[4] = { "Easy", "Normal", "Hard", "Very hard" };
        SDL_Rect st = { bx, y2, ui_px(c, 360), ui_px(c, 40) };
        if (st.w > rp.w - 2 * pad - ui_px(c, 330)) st.w = rp.w - 2 * pad - ui_px(c, 330);
        if (ui_stepper(c, st, "Computer", diff, 4, &app->difficulty)) {
            app->settings.difficulty = app->difficulty;
            ui_apply_settings(app);
        }
        SDL_Rect back = { rp.x + rp.w - pad - ui_px(c, 320), y2, ui_px(c, 110), ui_px(c, 42) };
        SDL_Rect go = { rp.x + rp.w - pad - ui_px(c, 200), y2, ui_px(c, 200), ui_px(c, 42) };
        if (ui_button(c, back, "Back", 0) || ui_key(c, SDLK_ESCAPE, 0)) {
            ui_goto(app, app->brief.is_campaign ? SCR_MENU : SCR_SCENARIOS);
            app->camp_step = -1;
            return;
        }
        if (ui_button(c, go, "Begin", UI_BTN_PRIMARY) || ui_key(c, SDLK_RETURN, 0)) {
            char side[GAME_ID_LEN];
            if (app->brief_side < ns) snprintf(side, sizeof side, "%s", g->factions[sides[app->brief_side]].id);
            else snprintf(side, sizeof side, "both");
            char scen[LSCRIPT_PATH_LEN];
            snprintf(scen, sizeof scen, "%s", si->is_mod && si->path[0] ? si->path : si->id);
            ui_start_game(app, scen, side, app->launch.seed, NULL, app->difficulty);
        }
    } else {
        ui_text_block(c, mapr, UI_FONT_BODY, UI_C_BAD, app->preview_err, 0, 1);
        SDL_Rect back = { rp.x + pad, rp.y + rp.h - pad - ui_px(c, 44), ui_px(c, 140), ui_px(c, 44) };
        if (ui_button(c, back, "Back", 0) || ui_key(c, SDLK_ESCAPE, 0)) ui_goto(app, SCR_SCENARIOS);
    }
}

/* screen_game.c - the game screen: the map with the selected unit's reach and path, the
 * combat preview, the top bar (date, season, turn, side to move), the side panel (minimap,
 * hex and unit details, message log, end-turn button), animations, computer turns, the
 * hotseat curtain, narration and choice dialogs, and the end-of-game summary. Every change to
 * the game goes through session_apply / session_ai_step / session_undo. */
#include "ui_screens.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================================================================ state */

void game_ui_free(GameUi *gs)
{
    if (gs->reach) reach_free(gs->reach);
    free(gs->vis);
    if (gs->replay_mode) record_free(&gs->replay_rec);
    memset(gs, 0, sizeof *gs);
    gs->selected = -1;
    gs->narr = -1;
    gs->last_human = -1;
}

void game_ui_reset(UiApp *app)
{
    GameUi *gs = &app->gs;
    if (gs->reach) reach_free(gs->reach);
    free(gs->vis);
    memset(gs, 0, sizeof *gs);
    gs->selected = -1;
    gs->narr = -1;
    gs->last_human = -1;
    gs->reach_stamp = gs->vis_stamp = gs->preview_stamp = -1;
    gs->autosaved_turn = -1;
    const Game *g = app->session->game;
    gs->reach = reach_new(g->map);
    gs->vis = calloc((size_t)map_count(g->map), 1);
    /* narration already past (a loaded game) is not replayed as dialogs */
    gs->log_seen = app->session->rec.n > 2 ? g->n_log : 0;
    gs->chron_read = gs->log_seen;
    gs->tp_n = g->n_log;
    ui_turning_sample(app);
}

/* The faction that must act now (the active one, or the one asked a choice), -1 when over. */
static int acting(const Game *g)
{
    if (g->over) return -1;
    return g->choice.active ? g->choice.faction : g->active;
}

static int is_human(const Session *s, int f)
{
    return f >= 0 && f < GAME_MAX_FACTIONS && s->ai_kind[f] < 0;
}

static int n_humans(const Session *s)
{
    int n = 0;
    for (int f = 0; f < s->game->n_factions; f++)
        if (is_human(s, f) && s->game->factions[f].alive) n++;
    return n;
}

/* The human who may give orders now, -1 when none (computer's turn, curtain, replay). */
static int human_to_act(const UiApp *app)
{
    const Session *s = app->session;
    int f = acting(s->game);
    if (app->gs.replay_mode || app->gs.curtain || !is_human(s, f)) return -1;
    return f;
}

/* Whose fog the map shows. */
static int view_faction(const UiApp *app)
{
    const Session *s = app->session;
    if (app->gs.replay_mode) return -1;
    int nh = n_humans(s);
    if (nh == 0) return -1;
    if (nh == 1) {
        for (int f = 0; f < s->game->n_factions; f++)
            if (is_human(s, f) && s->game->factions[f].alive) return f;
    }
    if (app->gs.last_human >= 0) return app->gs.last_human;
    int f = acting(s->game);
    return is_human(s, f) ? f : -1;
}

/* A stamp that changes whenever the game does. */
static long game_stamp(const Session *s)
{
    return (long)s->rec.n * 64 + s->game->turn;
}

static void refresh_vis(UiApp *app)
{
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    int vf = view_faction(app);
    long st = game_stamp(app->session) * 32 + (vf + 1);
    if (st == gs->vis_stamp) return;
    gs->vis_stamp = st;
    gs->view_faction = vf;
    if (vf >= 0) game_visibility(g, vf, gs->vis);
    else memset(gs->vis, 1, (size_t)map_count(g->map));
}

/* Whether the view faction sees hex h. */
static int seen(const UiApp *app, Hex h)
{
    const Map *m = app->session->game->map;
    if (!map_in_bounds(m, h)) return 0;
    return app->gs.view_faction < 0 || app->gs.vis[map_index(m, h)];
}

/* Whether the view faction may read a log entry: a message addressed to one side
 * (gyr.message{faction=...}) and a side's answer to its choice are that side's alone. */
int ui_news_visible(const UiApp *app, const LogEntry *e)
{
    int vf = app->gs.view_faction;
    if (vf < 0 || e->faction < 0) return 1;
    if (e->type != GEV_MESSAGE && e->type != GEV_CHOICE) return 1;
    return e->faction == vf;
}

/* The chronicle's badge: entries the view faction may read, past chron_read, that are not
 * the routine of battles and losses. */
int ui_chronicle_unread(const UiApp *app)
{
    const Game *g = app->session->game;
    int n = 0;
    for (int i = app->gs.chron_read < 0 ? 0 : app->gs.chron_read; i < g->n_log; i++)
        if (g->log[i].type != GEV_BATTLE && g->log[i].type != GEV_UNIT_DESTROYED && ui_news_visible(app, &g->log[i])) n++;
    return n;
}

static void select_unit(UiApp *app, int u)
{
    GameUi *gs = &app->gs;
    gs->selected = u;
    gs->n_extra = 0;
    gs->reach_stamp = -1;
    gs->preview_stamp = -1;
    gs->path_len = 0;
}

/* Recomputes the selected unit's reach when the game or selection changed. */
static void refresh_reach(UiApp *app)
{
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    if (gs->selected >= 0 && (gs->selected >= g->n_units || !g->units[gs->selected].alive)) select_unit(app, -1);
    long st = game_stamp(app->session) * GAME_MAX_UNITS + gs->selected + 1;
    if (st == gs->reach_stamp) return;
    gs->reach_stamp = st;
    if (gs->selected >= 0) move_reach(g, gs->selected, gs->reach, gs->view_faction >= 0 ? gs->vis : NULL);
}

/* Whether the selected unit's reach should be drawn and used for orders. */
static int reach_live(const UiApp *app)
{
    const GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    int h = human_to_act(app);
    return gs->selected >= 0 && h >= 0 && g->units[gs->selected].faction == h && !g->choice.active &&
           g->units[gs->selected].mp > 0;
}

/* Units of faction f in hex h that are alive, into out; returns the count. */
static int own_units_at(const Game *g, Hex h, int f, int *out, int cap)
{
    int all[32], n = game_units_at(g, h, all, 32), k = 0;
    for (int i = 0; i < n && k < cap; i++)
        if (g->units[all[i]].faction == f) out[k++] = all[i];
    return k;
}

/* Builds the attack on hex to with the selected unit and the shift-added ones that are adjacent. */
static void build_attack(const UiApp *app, Hex to, Command *c)
{
    const GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    memset(c, 0, sizeof *c);
    c->type = CMD_ATTACK;
    c->faction = g->units[gs->selected].faction;
    c->to = to;
    c->attackers[c->n_attackers++] = gs->selected;
    for (int i = 0; i < gs->n_extra && c->n_attackers < GAME_MAX_ATTACKERS; i++) {
        const Unit *u = &g->units[gs->extra[i]];
        if (u->alive && gs->extra[i] != gs->selected && hex_distance(u->hex, to) == 1)
            c->attackers[c->n_attackers++] = gs->extra[i];
    }
}

/* Hover: the path to the hex under the mouse, or the combat preview against it. */
static void refresh_hover(UiApp *app)
{
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    gs->path_len = 0;
    gs->path_cost = -1;
    gs->hover_attack = 0;
    if (!gs->has_hover || gs->selected < 0 || human_to_act(app) < 0) return;
    if (g->units[gs->selected].faction != human_to_act(app)) return;
    Hex h = gs->hover;
    if (!map_in_bounds(g->map, h)) return;
    /* an enemy we can see: attack preview */
    int at[32], n = game_units_at(g, h, at, 32), enemy = 0;
    for (int i = 0; i < n; i++)
        if (game_is_enemy(g, g->units[gs->selected].faction, g->units[at[i]].faction)) enemy = 1;
    if (enemy && seen(app, h)) {
        long st = game_stamp(app->session) * 131 + map_index(g->map, h) * 7 + gs->selected + gs->n_extra * 977;
        if (st != gs->preview_stamp) {
            gs->preview_stamp = st;
            build_attack(app, h, &gs->preview_cmd);
            gs->preview_ok = combat_preview(g, &gs->preview_cmd, &gs->preview) == CMD_OK;
        }
        gs->hover_attack = gs->preview_ok;
        return;
    }
    if (!reach_live(app)) return;
    int idx = map_index(g->map, h);
    if (gs->reach->cost[idx] < 0 || hex_eq(h, g->units[gs->selected].hex)) return;
    gs->path_len = move_path(g, gs->reach, h, gs->path, UI_MAX_PATH_HEXES);
    gs->path_cost = gs->reach->cost[idx];
}

/* Milliseconds an animation step takes at the chosen speed (0 = no animation). */
static uint32_t anim_ms(const UiApp *app, int per_hex)
{
    static const int pct[UI_ANIM_COUNT] = { 0, 50, 100, 180 };
    return (uint32_t)(per_hex * pct[app->settings.anim_speed] / 100);
}

static void start_move_anim(UiApp *app, int unit, const Hex *path, int n)
{
    GameUi *gs = &app->gs;
    uint32_t per = anim_ms(app, 110);
    if (per == 0 || n < 2) return;
    if (n > UI_MAX_PATH_HEXES) n = UI_MAX_PATH_HEXES;
    memcpy(gs->anim_path, path, sizeof(Hex) * (size_t)n);
    gs->anim_len = n;
    gs->anim_unit = unit;
    gs->anim = ANIM_MOVE;
    gs->anim_t0 = app->now;
    gs->anim_dur = per * (uint32_t)(n - 1);
}

static void start_flash(UiApp *app, Hex h, const char *text, int good)
{
    GameUi *gs = &app->gs;
    uint32_t d = anim_ms(app, 900);
    if (d == 0) return;
    gs->anim = ANIM_COMBAT;
    gs->flash_hex = h;
    snprintf(gs->flash_text, sizeof gs->flash_text, "%.*s", (int)sizeof gs->flash_text - 1, text);
    gs->flash_good = good;
    gs->anim_t0 = app->now;
    gs->anim_dur = d;
}

/* The text of the first battle entry logged at or after index from, or a fallback. */
static void battle_text(const Game *g, int from, char *buf, size_t cap, const char *fallback)
{
    for (int i = from; i < g->n_log; i++)
        if (g->log[i].type == GEV_BATTLE) {
            snprintf(buf, cap, "%s", g->log[i].text);
            return;
        }
    snprintf(buf, cap, "%s", fallback);
}

/* Enemy units (to faction f) alive in h. */
static int enemies_in(const Game *g, int f, Hex h)
{
    int at[32], n = game_units_at(g, h, at, 32), k = 0;
    for (int i = 0; i < n; i++)
        if (game_is_enemy(g, f, g->units[at[i]].faction)) k++;
    return k;
}

/* Applies an order from the player, with its animation; returns the result. */
static CmdResult order(UiApp *app, const Command *c)
{
    Session *s = app->session;
    int log_before = s->game->n_log;
    Hex path[UI_MAX_PATH_HEXES];
    int n = 0;
    if (c->type == CMD_MOVE && app->gs.reach->unit == c->unit)
        n = move_path(s->game, app->gs.reach, c->to, path, UI_MAX_PATH_HEXES);
    CmdResult r = session_apply(s, c);
    if (r != CMD_OK) {
        ui_toast(app, 1, "Refused: %s", cmd_result_str(r));
        return r;
    }
    ui_turning_sample(app);
    const Game *g = s->game;
    if (c->type == CMD_MOVE && n >= 2) start_move_anim(app, c->unit, path, n);
    if (c->type == CMD_ATTACK) {
        char t[GAME_TEXT_LEN];
        int won = enemies_in(g, c->faction, c->to) == 0;
        battle_text(g, log_before, t, sizeof t, won ? "The defenders give way" : "The attack is held");
        start_flash(app, c->to, t, won);
        app->gs.n_extra = 0;
    }
    if (c->type == CMD_END_TURN) {
        select_unit(app, -1);
        memset(app->gs.skipped, 0, sizeof app->gs.skipped);
    }
    return r;
}

/* Lets the computer act: one watched command at a time, or all at once. */
static void run_ai(UiApp *app)
{
    GameUi *gs = &app->gs;
    Session *s = app->session;
    if (gs->replay_mode || !session_ai_to_act(s) || gs->anim != ANIM_NONE) return;
    int watch = app->settings.watch_ai && app->settings.anim_speed != UI_ANIM_OFF && !app->offscreen &&
                n_humans(s) > 0;
    if (!watch) {
        /* stop whenever narration is waiting, so that it is read in order */
        int guard = 0;
        while (session_ai_to_act(s) && !s->game->over && guard++ < 20000) {
            Command done;
            int before = s->game->n_log;
            if (session_ai_step(s, &done) != CMD_OK) break;
            ui_turning_sample(app);
            if (s->game->n_log != before) {
                int narr = 0;
                for (int i = before; i < s->game->n_log; i++)
                    if (s->game->log[i].type != GEV_BATTLE && s->game->log[i].type != GEV_UNIT_DESTROYED &&
                        s->game->log[i].type != GEV_PLACE_CAPTURED) narr = 1;
                if (narr) break;
            }
            if (!app->offscreen && guard % 64 == 0 && SDL_GetTicks() - app->now > 40) break;
        }
        select_unit(app, -1);
        return;
    }
    if (gs->ai_pause > 0) {
        gs->ai_pause--;
        return;
    }
    uint32_t t0 = SDL_GetTicks();
    for (int k = 0; k < 400 && session_ai_to_act(s) && gs->anim == ANIM_NONE; k++) {
        const Game *g = s->game;
        Command done;
        Hex from[GAME_MAX_UNITS];
        int nu = g->n_units;
        for (int u = 0; u < nu; u++) from[u] = g->units[u].hex;
        int log_before = g->n_log;
        refresh_vis(app);
        if (session_ai_step(s, &done) != CMD_OK) break;
        ui_turning_sample(app);
        g = s->game;
        if (done.type == CMD_MOVE && done.unit >= 0 && done.unit < nu) {
            Hex a = from[done.unit], b = g->units[done.unit].hex;
            if (seen(app, a) || seen(app, b)) {
                Hex line[UI_MAX_PATH_HEXES];
                int n = hex_line(a, b, line, UI_MAX_PATH_HEXES);
                start_move_anim(app, done.unit, line, n);
                ui_view_center_on(&gs->view, b);
            }
        } else if (done.type == CMD_ATTACK && seen(app, done.to)) {
            char t[GAME_TEXT_LEN];
            battle_text(g, log_before, t, sizeof t, "Battle");
            start_flash(app, done.to, t, enemies_in(g, done.faction, done.to) == 0);
            ui_view_center_on(&gs->view, done.to);
        }
        if (gs->anim != ANIM_NONE) gs->ai_pause = 4;
        if (g->n_log != log_before || SDL_GetTicks() - t0 > 20) break;
    }
}

/* Centres the view on the first unit of faction f. */
static void center_on_faction(UiApp *app, int f)
{
    const Game *g = app->session->game;
    for (int u = 0; u < g->n_units; u++)
        if (g->units[u].alive && g->units[u].faction == f) {
            ui_view_center_on(&app->gs.view, g->units[u].hex);
            return;
        }
}

/* N: the next unit of the human to act that can still act and was not skipped. */
static void next_unit(UiApp *app)
{
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    int f = human_to_act(app);
    if (f < 0) return;
    if (gs->skipped_turn != g->turn * 32 + f) {
        memset(gs->skipped, 0, sizeof gs->skipped);
        gs->skipped_turn = g->turn * 32 + f;
    }
    for (int k = 1; k <= g->n_units; k++) {
        int u = (gs->selected + k + g->n_units) % g->n_units;
        if (g->units[u].alive && g->units[u].faction == f && !gs->skipped[u] && game_unit_can_act(g, u)) {
            select_unit(app, u);
            ui_view_center_on(&gs->view, g->units[u].hex);
            return;
        }
    }
    ui_toast(app, 0, "Every unit has acted: end the turn (E)");
}

/* Units of f that can still act. */
static int units_can_act(const Game *g, int f)
{
    int n = 0;
    for (int u = 0; u < g->n_units; u++)
        if (g->units[u].alive && g->units[u].faction == f && game_unit_can_act(g, u)) n++;
    return n;
}

static void end_turn(UiApp *app, int confirmed)
{
    int f = human_to_act(app);
    if (f < 0 || app->session->game->choice.active) return;
    if (!confirmed && units_can_act(app->session->game, f) > 0) {
        app->dialog = DLG_CONFIRM_END;
        return;
    }
    Command c;
    memset(&c, 0, sizeof c);
    c.type = CMD_END_TURN;
    c.faction = f;
    order(app, &c);
}

/* Whether the last thing recorded is a move that the session can take back. */
static int can_undo(const Session *s)
{
    if (!session_can_undo(s) || s->rec.n == 0) return 0;
    const RecordItem *it = &s->rec.items[s->rec.n - 1];
    return !it->is_hash && it->cmd.type == CMD_MOVE;
}

static void undo(UiApp *app)
{
    if (human_to_act(app) < 0 || app->gs.anim != ANIM_NONE) return;
    if (!can_undo(app->session)) {
        ui_toast(app, 0, "Nothing to undo (only a move that revealed nothing can be taken back)");
        return;
    }
    int sel = app->gs.selected;
    if (session_undo(app->session) == 0) {
        app->gs.reach_stamp = app->gs.vis_stamp = app->gs.preview_stamp = -1;
        select_unit(app, sel);
        ui_toast(app, 0, "Move undone");
    } else {
        ui_toast(app, 1, "undo failed");
    }
}

/* F5: reload the scenario's script and re-play the record on it (for modders). */
static void reload_script(UiApp *app)
{
    Session *s = app->session;
    char err[1024];
    Session *t = session_reload(s, err, sizeof err);
    if (!t) {
        ui_toast(app, 1, "reload: %s", err);
        return;
    }
    UiMapView keep = app->gs.view;
    GameUi old = app->gs;
    app->session = t;
    session_free(s);
    game_ui_reset(app);
    app->gs.view = keep;
    app->gs.view_ready = 1;
    app->gs.log_seen = t->game->n_log;
    app->gs.last_human = old.last_human;
    ui_toast(app, 0, "Scenario script reloaded");
}

/* Replay viewer: show the game at the start of turn. */
static void replay_goto(UiApp *app, int turn)
{
    GameUi *gs = &app->gs;
    char err[512];
    if (turn < 1) turn = 1;
    Session *t = session_replay_to(&gs->replay_rec, turn >= gs->replay_last_turn ? 0 : turn, err, sizeof err);
    if (!t) {
        ui_toast(app, 1, "%s", err);
        return;
    }
    session_free(app->session);
    app->session = t;
    gs->replay_turn = t->game->turn;
    gs->reach_stamp = gs->vis_stamp = gs->preview_stamp = -1;
    gs->log_seen = t->game->n_log;
    select_unit(app, -1);
}

/* Replay viewer: stop watching and play on from this turn as the side to move ("what if");
 * every other side is the computer. The record keeps the game up to here, so a save of the
 * new game re-simulates exactly. */
static void replay_take_command(UiApp *app)
{
    GameUi *gs = &app->gs;
    Session *s = app->session;
    Game *g = s->game;
    if (g->over) return;
    int f = g->active;
    for (int i = 0; i < GAME_MAX_FACTIONS; i++)
        s->ai_kind[i] = i == f ? -1 : (s->ai_kind[i] < 0 ? AI_DEFAULT : s->ai_kind[i]);
    for (int i = 0; i < s->rec.n_sides; i++) {
        RecordSide *rs = &s->rec.sides[i];
        rs->human = !strcmp(rs->faction, g->factions[f].id);
        if (!rs->human && !rs->ai[0]) snprintf(rs->ai, sizeof rs->ai, "default");
    }
    record_free(&gs->replay_rec);
    gs->replay_mode = 0;
    gs->last_human = f;
    select_unit(app, -1);
    ui_toast(app, 0, "You command the %s from turn %d", g->factions[f].name, g->turn);
}

/* ================================================================ layout and drawing */

static void layout(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    int top = ui_px(c, 46), side = ui_px(c, 330);
    if (side > c->w / 3) side = c->w / 3;
    gs->top_rect = (SDL_Rect){ 0, 0, c->w, top };
    gs->map_rect = (SDL_Rect){ 0, top, c->w - side, c->h - top };
    gs->side_rect = (SDL_Rect){ c->w - side, top, side, c->h - top };
    const Map *m = app->session->game->map;
    int pad = ui_px(c, 10);
    int mw = side - 2 * pad;
    /* world size: sqrt(3)*w by 1.5*h hex radii */
    int mh = (int)((double)mw * (1.5 * m->h + 0.5) / (1.7320508 * (m->w + 0.5)));
    if (mh > ui_px(c, 230)) mh = ui_px(c, 230);
    if (mh < ui_px(c, 80)) mh = ui_px(c, 80);
    gs->minimap_rect = (SDL_Rect){ gs->side_rect.x + pad, top + pad, mw, mh };
    gs->end_btn = (SDL_Rect){ gs->side_rect.x + pad, c->h - ui_px(c, 58), mw, ui_px(c, 46) };
}

static const char *season_name(Season s)
{
    static const char *n[4] = { "Spring", "Summer", "Autumn", "Winter" };
    return n[s & 3];
}

static const char *class_name(UnitClass k)
{
    static const char *n[UC_COUNT] = { "heavy cavalry", "horse archers", "infantry", "levies", "siege train" };
    return k < UC_COUNT ? n[k] : "troops";
}

static const char *dir_name(int d)
{
    static const char *n[6] = { "E", "NE", "NW", "W", "SW", "SE" };
    return n[d];
}

static const char *terrain_title(Terrain t)
{
    static const char *n[TER_COUNT] = { "Sea", "Lake", "Plain", "Farmland", "Steppe", "Forest", "Hills",
                                        "Mountains", "Marsh", "Desert", "Sand" };
    return t < TER_COUNT ? n[t] : "?";
}

static const char *place_kind_title(PlaceKind k)
{
    static const char *n[PLACE_KIND_COUNT] = { "town", "city", "capital", "fortress", "pass", "camp", "site" };
    return k < PLACE_KIND_COUNT ? n[k] : "place";
}

/* A victory-conditions summary, one per line, for tooltips and dialogs. */
static void objectives_text(const UiApp *app, char *buf, size_t cap)
{
    const Game *g = app->session->game;
    size_t n = 0;
    n += (size_t)snprintf(buf + n, cap - n, "#Objectives\n");
    for (int i = 0; i < g->n_victory && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s: %s\n", ui_faction_name(app, g, g->victory[i].faction),
                              g->victory[i].text);
    if (g->max_turns > 0 && n < cap) snprintf(buf + n, cap - n, "The game ends after turn %d.", g->max_turns);
}

static void draw_top_bar(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    Session *s = app->session;
    const Game *g = s->game;
    SDL_Rect r = gs->top_rect;
    ui_gradient(c, r, 0x5A1812, 0x2A0C08, 255);
    ui_fill(c, (SDL_Rect){ 0, r.h - ui_px(c, 2), r.w, ui_px(c, 2) }, UI_C_GOLD, 255);
    int lh = ui_line_h(c, UI_FONT_HEAD);
    int y = (r.h - lh) / 2;
    const char *title = s->info.title[0] ? s->info.title : g->scenario_id;
    int tw = ui_label(c, ui_px(c, 14), y, UI_FONT_HEAD, UI_C_GOLD_HI, UI_ALIGN_LEFT, title);
    SDL_Rect title_r = { ui_px(c, 14), 0, tw, r.h };
    if (ui_hover(c, title_r)) {
        char buf[1024];
        objectives_text(app, buf, sizeof buf);
        ui_tooltip(c, buf);
    }
    char date[48];
    game_date_str(g, g->turn, date, sizeof date);
    int x = ui_px(c, 28) + tw;
    int by = (r.h - ui_line_h(c, UI_FONT_BODY)) / 2;
    int shown_turn = g->max_turns > 0 && g->turn > g->max_turns ? g->max_turns : g->turn;
    if (g->max_turns > 0)
        x += ui_labelf(c, x, by, UI_FONT_BODY, UI_C_CREAM, UI_ALIGN_LEFT, "%s  \xc2\xb7  %s%s  \xc2\xb7  Turn %d of %d", date,
                       season_name(game_season(g)), game_rivers_frozen(g) ? " (rivers frozen)" : "", shown_turn, g->max_turns);
    else
        x += ui_labelf(c, x, by, UI_FONT_BODY, UI_C_CREAM, UI_ALIGN_LEFT, "%s  \xc2\xb7  %s  \xc2\xb7  Turn %d", date,
                       season_name(game_season(g)), g->turn);
    /* side to move */
    int f = acting(g);
    x += ui_px(c, 24);
    if (gs->replay_mode) {
        x += ui_label(c, x, by, UI_FONT_BODY, UI_C_GOLD_HI, UI_ALIGN_LEFT, "Replay");
    } else if (f >= 0) {
        int es = ui_px(c, 26);
        if (app->render) ui_render_faction_emblem(app->render, g, f, x, (r.h - es) / 2, es);
        x += es + ui_px(c, 6);
        char who[160];
        snprintf(who, sizeof who, "%s%s", ui_faction_name(app, g, f),
                 is_human(s, f) ? (g->choice.active ? " must choose" : " to move") : " moving (computer)");
        x += ui_label(c, x, by, UI_FONT_BODY, is_human(s, f) ? UI_C_GOLD_HI : UI_C_CREAM, UI_ALIGN_LEFT, who);
    } else {
        x += ui_label(c, x, by, UI_FONT_BODY, UI_C_GOLD_HI, UI_ALIGN_LEFT, "The war is decided");
    }
    /* buttons on the right */
    int bh = r.h - ui_px(c, 12), bx = r.w - ui_px(c, 8), byy = ui_px(c, 5);
    struct { const char *label; int w; } b[] = { { "?", 34 }, { "Menu", 70 }, { "Undo", 66 }, { "Next unit", 96 } };
    for (int i = 0; i < 4; i++) {
        int w = ui_px(c, b[i].w);
        bx -= w;
        if (bx < x + ui_px(c, 10)) break;
        SDL_Rect br = { bx, byy, w, bh };
        int fl = UI_BTN_SMALL;
        if (gs->replay_mode && i >= 2) fl |= UI_BTN_DISABLED;
        if (i == 2 && !(human_to_act(app) >= 0 && can_undo(s))) fl |= UI_BTN_DISABLED;
        if (i == 3 && human_to_act(app) < 0) fl |= UI_BTN_DISABLED;
        if (ui_button(c, br, b[i].label, fl)) {
            if (i == 0) app->help_open = 1;
            else if (i == 1) app->dialog = DLG_GAME_MENU;
            else if (i == 2) undo(app);
            else next_unit(app);
        }
        if (i == 2 && ui_hover(c, br)) ui_tooltip(c, "Undo the last move (U, Ctrl+Z)\nOnly a move that revealed nothing new");
        if (i == 3 && ui_hover(c, br)) ui_tooltip(c, "Select the next unit that can act (N)\nSpace skips a unit this turn");
        bx -= ui_px(c, 6);
    }
}

/* One unit's lines in the side panel at y; returns the new y. */
static int draw_unit_info(UiApp *app, int u, int x, int y, int w)
{
    UiCtx *c = &app->ctx;
    const Game *g = app->session->game;
    const Unit *un = &g->units[u];
    const UnitType *ut = &g->rules.unit_types[un->type];
    int cs = ui_px(c, 44);
    if (app->render) ui_render_unit_counter(app->render, g, u, x, y, cs);
    if (u == app->gs.selected) ui_frame(c, (SDL_Rect){ x - 2, y - 2, cs + 4, cs + 4 }, UI_C_LACQUER, 255, 2);
    int tx = x + cs + ui_px(c, 8), lh = ui_line_h(c, UI_FONT_SMALL);
    const char *name = un->name[0] ? un->name : ut->name;
    ui_label(c, tx, y, UI_FONT_SMALL, UI_C_INK, UI_ALIGN_LEFT, name);
    ui_labelf(c, tx, y + lh, UI_FONT_SMALL, UI_C_INK_SOFT, UI_ALIGN_LEFT, "%s, %s", ui_faction_name(app, g, un->faction),
              class_name(ut->cls));
    int enemy_hidden = app->gs.view_faction >= 0 && game_is_enemy(g, app->gs.view_faction, un->faction);
    if (!enemy_hidden) {
        ui_labelf(c, tx, y + 2 * lh, UI_FONT_SMALL, UI_C_INK, UI_ALIGN_LEFT, "Strength %d/%d  Att %d Def %d  Move %d/%d",
                  un->steps, ut->max_steps, ut->attack, ut->defence, un->mp, ut->move);
        ui_labelf(c, tx, y + 3 * lh, UI_FONT_SMALL, un->supplied ? UI_C_INK : UI_C_BAD, UI_ALIGN_LEFT,
                  "Cohesion %d%%  Level %d  %s", un->cohesion * 100 / (g->rules.cohesion_max ? g->rules.cohesion_max : 100),
                  un->exp / 100, un->supplied ? "supplied" : "OUT OF SUPPLY");
    } else {
        ui_labelf(c, tx, y + 2 * lh, UI_FONT_SMALL, UI_C_INK, UI_ALIGN_LEFT, "Strength %d  (%s)", un->steps,
                  class_name(ut->cls));
    }
    int yy = y + (enemy_hidden ? 3 : 4) * lh;
    if (un->leader >= 0 && un->leader < g->n_leaders) {
        const Leader *L = &g->leaders[un->leader];
        ui_labelf(c, tx, yy, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "Led by %s (rating %d)",
                  app->settings.hanzi && L->hanzi[0] ? L->hanzi : L->name, L->rating);
        yy += lh;
    }
    (void)w;
    return (yy > y + cs ? yy : y + cs) + ui_px(c, 6);
}

static void draw_hex_info(UiApp *app, SDL_Rect r)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    const Map *m = g->map;
    Hex h;
    if (gs->has_hover) h = gs->hover;
    else if (gs->selected >= 0) h = g->units[gs->selected].hex;
    else {
        ui_text_block(c, r, UI_FONT_SMALL, UI_C_INK_SOFT,
                      "Point at a hex to see its ground, rivers, place and troops.\n\nClick one of your units to select it: "
                      "where it can go is lit, and the path follows the mouse. Click a lit hex to march; click an enemy "
                      "next to it to attack (the odds show first).", 0, 1);
        return;
    }
    if (!map_in_bounds(m, h)) return;
    int x = r.x, y = r.y, lh = ui_line_h(c, UI_FONT_SMALL);
    Terrain t = map_terrain(m, h);
    const TerrainRule *tr = &g->rules.terrain[t];
    char line[256];
    int n = snprintf(line, sizeof line, "%s", terrain_title(t));
    if (!map_is_water(m, h)) n += snprintf(line + n, sizeof line - n, "  \xc2\xb7  defence %+d%%", tr->defence_pct);
    if (gs->selected >= 0 && !map_is_water(m, h)) {
        int cost = tr->move_cost[g->rules.unit_types[g->units[gs->selected].type].cls];
        if (cost >= MOVE_IMPASSABLE) snprintf(line + n, sizeof line - n, "  \xc2\xb7  impassable");
        else snprintf(line + n, sizeof line - n, "  \xc2\xb7  costs %d", cost);
    }
    ui_label(c, x, y, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, line);
    y += ui_line_h(c, UI_FONT_BODY);
    ui_labelf(c, x + r.w, y - ui_line_h(c, UI_FONT_BODY) + ui_px(c, 2), UI_FONT_SMALL, UI_C_GREY, UI_ALIGN_RIGHT, "%d,%d", h.q, h.r);
    /* rivers */
    for (int d = 0; d < 6; d++) {
        MapSide sd = map_side(m, h, d);
        if (!(sd.flags & SIDE_RIVER)) continue;
        const char *rn = sd.river > 0 && sd.river < m->n_rivers ? m->rivers[sd.river] : "";
        ui_labelf(c, x, y, UI_FONT_SMALL, 0x2A5A8A, UI_ALIGN_LEFT, "%s side: %s%s%s%s%s", dir_name(d), rn[0] ? rn : "river",
                  sd.flags & SIDE_RIVER_MAJOR ? " (major)" : " (minor)", sd.flags & SIDE_FORD ? ", ford" : "",
                  sd.flags & SIDE_BRIDGE ? ", bridge" : "", game_rivers_frozen(g) ? ", frozen" : "");
        y += lh;
        if (y > r.y + r.h - lh) return;
    }
    /* place */
    int p = map_place_at(m, h);
    if (p >= 0) {
        const MapPlace *mp = &m->places[p];
        const PlaceState *ps = &g->places[p];
        char nm[128];
        if (app->settings.hanzi) snprintf(nm, sizeof nm, "%s %s", mp->hanzi, mp->name);
        else snprintf(nm, sizeof nm, "%s %s", mp->name, mp->hanzi);
        ui_label(c, x, y, UI_FONT_BODY, UI_C_LACQUER, UI_ALIGN_LEFT, nm);
        y += ui_line_h(c, UI_FONT_BODY);
        char vp[24] = "";
        if (ps->vp > 0) snprintf(vp, sizeof vp, ", %d VP", ps->vp);
        ui_labelf(c, x, y, UI_FONT_SMALL, UI_C_INK, UI_ALIGN_LEFT, "%s%s, held by %s%s", place_kind_title(mp->kind), vp,
                  ui_faction_name(app, g, ps->owner), ps->supply_source ? "  \xc2\xb7  supply source" : "");
        y += lh + ui_px(c, 4);
    }
    /* units */
    if (!seen(app, h)) {
        ui_label(c, x, y, UI_FONT_SMALL, UI_C_GREY, UI_ALIGN_LEFT, "Not seen by your scouts");
        return;
    }
    int at[32], nu = game_units_at(g, h, at, 32), sel_shown = 0;
    for (int i = 0; i < nu && y < r.y + r.h - ui_px(c, 44); i++) {
        y = draw_unit_info(app, at[i], x, y, r.w);
        if (at[i] == gs->selected) sel_shown = 1;
    }
    if (gs->selected >= 0 && !sel_shown && y < r.y + r.h - ui_px(c, 70)) {
        y += ui_px(c, 4);
        ui_label(c, x, y, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "SELECTED");
        y += ui_line_h(c, UI_FONT_SMALL);
        draw_unit_info(app, gs->selected, x, y, r.w);
    }
}

/* Colour for a log entry. */
static uint32_t log_color(GameEventType t)
{
    switch (t) {
    case GEV_BATTLE: return UI_C_INK;
    case GEV_UNIT_DESTROYED: case GEV_LEADER_KILLED: case GEV_LEADER_CAPTURED: return UI_C_BAD;
    case GEV_DEFECTION: case GEV_REBELLION: case GEV_FACTION_CREATED: case GEV_RELATION_CHANGED: return UI_C_JADE;
    case GEV_PLACE_CAPTURED: case GEV_VICTORY: return UI_C_LACQUER;
    default: return UI_C_INK_SOFT;
    }
}

static void draw_log(UiApp *app, SDL_Rect r)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    int cw = ui_label(c, r.x, r.y, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "CHRONICLE");
    int lh = ui_line_h(c, UI_FONT_SMALL);
    SDL_Rect body = { r.x, r.y + lh + ui_px(c, 2), r.w, r.h - lh - ui_px(c, 2) };
    if (body.h <= lh) return;
    /* the badge: news not yet read (not put up as a pop-up, not looked at here) */
    if (gs->chron_read > g->n_log) gs->chron_read = g->n_log;
    int unread = ui_chronicle_unread(app);
    if (unread > 0) {
        char b[24];
        snprintf(b, sizeof b, "%d new", unread);
        int bw, bh;
        ui_measure(c, UI_FONT_SMALL, b, &bw, &bh);
        SDL_Rect br = { r.x + cw + ui_px(c, 8), r.y - ui_px(c, 1), bw + ui_px(c, 12), lh + ui_px(c, 2) };
        ui_fill(c, br, UI_C_LACQUER, 255);
        ui_frame(c, br, UI_C_GOLD, 255, 1);
        ui_label(c, br.x + ui_px(c, 6), r.y, UI_FONT_SMALL, UI_C_GOLD_HI, UI_ALIGN_LEFT, b);
    }
    int first_unread = gs->chron_read;
    if (ui_hover(c, (SDL_Rect){ r.x, r.y, r.w, r.h })) gs->chron_read = g->n_log; /* looked at: read */
    if (ui_hover(c, body) && c->in->wheel) gs->log_scroll += c->in->wheel;
    if (gs->log_scroll < 0) gs->log_scroll = 0;
    if (gs->log_scroll > g->n_log - 1) gs->log_scroll = g->n_log > 0 ? g->n_log - 1 : 0;
    /* newest at the bottom: lay out backwards from the newest visible entry */
    int bottom = body.y + body.h;
    SDL_Rect clip = { body.x - ui_px(c, 8), body.y, body.w + ui_px(c, 8), body.h };
    SDL_RenderSetClipRect(c->r, &clip);
    for (int i = g->n_log - 1 - gs->log_scroll; i >= 0 && bottom > body.y; i--) {
        const LogEntry *e = &g->log[i];
        if (!ui_news_visible(app, e)) continue;
        char t[GAME_TEXT_LEN + 16];
        snprintf(t, sizeof t, "%d. %s", e->turn, e->text);
        int lines = ui_text_block(c, (SDL_Rect){ body.x, 0, body.w, 10000 }, UI_FONT_SMALL, log_color(e->type), t, 0, 0);
        if (lines < 1) lines = 1;
        bottom -= lines * lh + ui_px(c, 3);
        ui_text_block(c, (SDL_Rect){ body.x, bottom, body.w, lines * lh }, UI_FONT_SMALL, log_color(e->type), t, 0, 1);
        if (i >= first_unread && e->type != GEV_BATTLE && e->type != GEV_UNIT_DESTROYED) /* new: a mark in the margin */
            ui_fill(c, (SDL_Rect){ body.x - ui_px(c, 7), bottom + ui_px(c, 3), ui_px(c, 3), lines * lh - ui_px(c, 4) }, UI_C_LACQUER, 255);
    }
    SDL_RenderSetClipRect(c->r, NULL);
    if (gs->log_scroll > 0)
        ui_labelf(c, r.x + r.w, r.y, UI_FONT_SMALL, UI_C_GREY, UI_ALIGN_RIGHT, "(%d newer below)", gs->log_scroll);
}

static void draw_side(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    Session *s = app->session;
    const Game *g = s->game;
    SDL_Rect r = gs->side_rect;
    ui_panel(c, r, UI_PANEL_PARCHMENT);
    /* minimap */
    SDL_Rect mm = gs->minimap_rect;
    ui_fill(c, (SDL_Rect){ mm.x - 2, mm.y - 2, mm.w + 4, mm.h + 4 }, UI_C_LACQUER_DK, 255);
    if (app->render) ui_render_minimap(app->render, mm, g, &gs->view, gs->view_faction);
    ui_frame(c, mm, UI_C_GOLD, 255, 1);
    if (c->enabled && c->in->down && ui_in_rect(c->in->press_x, c->in->press_y, mm) && ui_in_rect(c->in->mx, c->in->my, mm)) {
        Hex h;
        if (app->render && ui_minimap_hex(app->render, mm, c->in->mx, c->in->my, &h)) ui_view_center_on(&gs->view, h);
    }
    if (c->enabled && c->in->released && ui_in_rect(c->in->press_x, c->in->press_y, mm)) c->in->click_used = 1;
    int pad = ui_px(c, 12);
    int y = mm.y + mm.h + ui_px(c, 10);
    ui_rule(c, r.x + pad, y, r.w - 2 * pad, UI_C_LACQUER);
    y += ui_px(c, 8);
    int info_h = (gs->end_btn.y - y) * 55 / 100;
    if (info_h < ui_px(c, 150)) info_h = ui_px(c, 150);
    draw_hex_info(app, (SDL_Rect){ r.x + pad, y, r.w - 2 * pad, info_h });
    y += info_h + ui_px(c, 4);
    ui_rule(c, r.x + pad, y, r.w - 2 * pad, UI_C_LACQUER);
    y += ui_px(c, 8);
    int take_h = gs->replay_mode && !g->over ? gs->end_btn.h + ui_px(c, 6) : 0;
    draw_log(app, (SDL_Rect){ r.x + pad, y, r.w - 2 * pad, gs->end_btn.y - y - ui_px(c, 8) - take_h });
    if (take_h) {
        SDL_Rect t = { gs->end_btn.x, gs->end_btn.y - take_h, gs->end_btn.w, gs->end_btn.h };
        char lab[96];
        snprintf(lab, sizeof lab, "Take command of the %s here", g->factions[g->active].name);
        if (ui_button(c, t, lab, 0)) { replay_take_command(app); return; }
        if (ui_hover(c, t)) ui_tooltip(c, "Stop watching and play on from this turn: what if?");
    }
    /* end turn */
    int hf = human_to_act(app);
    if (gs->replay_mode) {
        int bw = (gs->end_btn.w - ui_px(c, 8)) / 2;
        SDL_Rect a = { gs->end_btn.x, gs->end_btn.y, bw, gs->end_btn.h };
        SDL_Rect b = { gs->end_btn.x + bw + ui_px(c, 8), gs->end_btn.y, bw, gs->end_btn.h };
        if (ui_button(c, a, "\xe2\x97\x80 Turn back", gs->replay_turn > 1 ? 0 : UI_BTN_DISABLED)) replay_goto(app, gs->replay_turn - 1);
        if (ui_button(c, b, "Turn on \xe2\x96\xb6", gs->replay_turn < gs->replay_last_turn ? UI_BTN_PRIMARY : UI_BTN_DISABLED))
            replay_goto(app, gs->replay_turn + 1);
    } else if (g->over) {
        if (ui_button(c, gs->end_btn, "The war is decided: summary", UI_BTN_PRIMARY)) gs->victory_shown = 0;
    } else if (hf >= 0 && !g->choice.active) {
        int left = units_can_act(g, hf);
        char lab[64];
        if (left > 0) snprintf(lab, sizeof lab, "End turn  (%d can act)", left);
        else snprintf(lab, sizeof lab, "End turn");
        if (ui_button(c, gs->end_btn, lab, UI_BTN_PRIMARY)) end_turn(app, 0);
        if (ui_hover(c, gs->end_btn)) ui_tooltip(c, "End your turn (E or Enter)");
    } else {
        ui_button(c, gs->end_btn, gs->curtain ? "Waiting for the next player" : "The computer is moving\xe2\x80\xa6", UI_BTN_DISABLED);
    }
}

/* The tooltip with the combat preview. */
static void preview_tooltip(UiApp *app)
{
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    const CombatPreview *p = &gs->preview;
    const CombatSetup *st = &p->setup;
    char buf[1024];
    int n = 0, d = p->denom > 0 ? p->denom : 1;
    n += snprintf(buf + n, sizeof buf - n, "#Attack%s: %d against %d  (odds %d.%d : 1)\n",
                  gs->preview_cmd.n_attackers > 1 ? " together" : "", st->attack, st->defence, st->ratio10 / 10, st->ratio10 % 10);
    char mods[200] = "";
    int m = 0;
    if (st->att_pct) m += snprintf(mods + m, sizeof mods - m, "attacker %+d%%  ", st->att_pct);
    if (st->def_pct) m += snprintf(mods + m, sizeof mods - m, "defender %+d%%  ", st->def_pct);
    if (st->river) m += snprintf(mods + m, sizeof mods - m, "across a river  ");
    if (st->fortified) m += snprintf(mods + m, sizeof mods - m, "walls  ");
    if (st->open_cavalry) m += snprintf(mods + m, sizeof mods - m, "cavalry in the open  ");
    if (st->drm) m += snprintf(mods + m, sizeof mods - m, "roll %+d", st->drm);
    if (mods[0]) n += snprintf(buf + n, sizeof buf - n, "%s\n", mods);
    n += snprintf(buf + n, sizeof buf - n, "Defender loses steps: %d%%   retreats: %d%%   routs: %d%%\n",
                  p->p_def_loses * 100 / d, p->p_retreat * 100 / d, p->p_rout * 100 / d);
    n += snprintf(buf + n, sizeof buf - n, "Attacker loses steps: %d%%\n", p->p_att_loses * 100 / d);
    n += snprintf(buf + n, sizeof buf - n, "Expected losses: you %d.%02d, they %d.%02d steps\n",
                  p->exp_att_loss_x100 / 100, p->exp_att_loss_x100 % 100, p->exp_def_loss_x100 / 100, p->exp_def_loss_x100 % 100);
    if (st->def_leader >= 0 && st->def_leader < g->n_leaders)
        n += snprintf(buf + n, sizeof buf - n, "%s may be captured: %d%%\n", g->leaders[st->def_leader].name,
                      p->p_capture * 100 / d);
    n += snprintf(buf + n, sizeof buf - n, "#Most likely outcomes\n");
    for (int i = 0; i < p->n && i < 5 && n < (int)sizeof buf - 80; i++) {
        const CombatOutcome *o = &p->out[i];
        char you[24], they[24];
        if (o->att_loss) snprintf(you, sizeof you, "you lose %d", o->att_loss);
        else snprintf(you, sizeof you, "no loss to you");
        if (o->def_loss) snprintf(they, sizeof they, "they lose %d", o->def_loss);
        else snprintf(they, sizeof they, "none to them");
        n += snprintf(buf + n, sizeof buf - n, "%3d%%  %s, %s%s%s%s\n", o->prob * 100 / d, you, they,
                      o->retreat ? ", they retreat" : "", o->rout ? ", they rout" : "", o->leader_captured ? ", leader taken" : "");
    }
    snprintf(buf + n, sizeof buf - n, "Click to attack%s", gs->preview_cmd.n_attackers < 2 ? "; shift-click units to join" : "");
    ui_tooltip(&app->ctx, buf);
}

/* World position of the moving counter. */
static void anim_pos(const UiApp *app, double *wx, double *wy)
{
    const GameUi *gs = &app->gs;
    uint32_t t = app->now - gs->anim_t0;
    if (t > gs->anim_dur) t = gs->anim_dur;
    int segs = gs->anim_len - 1;
    double f = gs->anim_dur ? (double)t * segs / gs->anim_dur : segs;
    int i = (int)f;
    if (i >= segs) i = segs - 1;
    double k = f - i;
    double ax, ay, bx, by;
    ui_hex_to_world(gs->anim_path[i], &ax, &ay);
    ui_hex_to_world(gs->anim_path[i + 1], &bx, &by);
    *wx = ax + (bx - ax) * k;
    *wy = ay + (by - ay) * k;
}

static void draw_flash(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    int sx, sy;
    ui_view_hex_to_screen(&gs->view, gs->flash_hex, &sx, &sy);
    uint32_t t = app->now - gs->anim_t0;
    int rad = (int)(gs->view.zoom * (0.6 + 1.2 * t / (gs->anim_dur + 1)));
    int alpha = 200 - (int)(160 * t / (gs->anim_dur + 1));
    ui_disc(c, sx, sy, rad, gs->flash_good ? 0xF0D68A : 0xD04030, alpha / 2);
    ui_disc(c, sx, sy, rad * 2 / 3, 0xFFFFFF, alpha / 3);
    SDL_Color fg = { 255, 244, 214, 255 }, halo = { 40, 10, 6, 255 };
    int size = ui_px(c, 15), tw = 0, th = 0;
    ui_text_size(app->text, gs->flash_text, size, UI_TEXT_BOLD, &tw, &th);
    int pad = ui_px(c, 8);
    SDL_Rect box = { sx - tw / 2 - pad, sy - (int)gs->view.zoom * 2 - th - pad, tw + 2 * pad, th + pad };
    if (box.x < gs->map_rect.x + 4) box.x = gs->map_rect.x + 4;
    if (box.x + box.w > gs->map_rect.x + gs->map_rect.w - 4) box.x = gs->map_rect.x + gs->map_rect.w - 4 - box.w;
    if (box.y < gs->map_rect.y + 4) box.y = sy + (int)gs->view.zoom * 2;
    ui_shadow(c, box, 4);
    ui_gradient(c, box, gs->flash_good ? 0x3A4A1E : 0x5A1812, gs->flash_good ? 0x1C260C : 0x2A0C08, 235);
    ui_frame(c, box, UI_C_GOLD, 255, 1);
    ui_text_draw_halo(app->text, gs->flash_text, box.x + pad, box.y + pad / 2, size, fg, halo, UI_TEXT_LEFT | UI_TEXT_BOLD);
}

static void draw_curtain(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    SDL_Rect all = { 0, 0, c->w, c->h };
    ui_panel(c, all, UI_PANEL_LACQUER);
    int cy = c->h / 2 - ui_px(c, 120);
    int es = ui_px(c, 96);
    if (app->render) ui_render_faction_emblem(app->render, g, gs->curtain_faction, c->w / 2 - es / 2, cy, es);
    cy += es + ui_px(c, 20);
    ui_labelf(c, c->w / 2, cy, UI_FONT_TITLE, UI_C_GOLD_HI, UI_ALIGN_CENTER, "Pass the mouse to the %s player",
              ui_faction_name(app, g, gs->curtain_faction));
    cy += ui_line_h(c, UI_FONT_TITLE) + ui_px(c, 6);
    char date[48];
    game_date_str(g, g->turn, date, sizeof date);
    ui_labelf(c, c->w / 2, cy, UI_FONT_BODY, UI_C_CREAM, UI_ALIGN_CENTER, "Turn %d, %s. The other side looks away.", g->turn, date);
    cy += ui_px(c, 50);
    SDL_Rect b = { c->w / 2 - ui_px(c, 160), cy, ui_px(c, 320), ui_px(c, 50) };
    char lab[128];
    snprintf(lab, sizeof lab, "I command %s: begin", ui_faction_name(app, g, gs->curtain_faction));
    if (gs->curtain_brief[0]) {
        int tw = ui_px(c, 760) < c->w - ui_px(c, 40) ? ui_px(c, 760) : c->w - ui_px(c, 40);
        int ty = cy + b.h + ui_px(c, 24);
        SDL_Rect tb = { c->w / 2 - tw / 2, ty, tw, c->h - ty - ui_px(c, 20) };
        if (tb.h > 0) ui_text_block(c, tb, UI_FONT_BODY, UI_C_CREAM, gs->curtain_brief, 0, 1);
    }
    if (ui_button(c, b, lab, UI_BTN_PRIMARY) || ui_key(c, SDLK_RETURN, 0) || ui_key(c, SDLK_SPACE, 0)) {
        gs->curtain = 0;
        gs->last_human = gs->curtain_faction;
        gs->vis_stamp = -1;
        select_unit(app, -1);
        center_on_faction(app, gs->curtain_faction);
    }
}

/* ================================================================ dialogs of the game */

static int narratable(GameEventType t)
{
    return t == GEV_MESSAGE || t == GEV_DEFECTION || t == GEV_REBELLION || t == GEV_FACTION_CREATED ||
           t == GEV_RELATION_CHANGED || t == GEV_LEADER_KILLED || t == GEV_LEADER_CAPTURED || t == GEV_DESERTION;
}

static const char *narr_title(GameEventType t)
{
    switch (t) {
    case GEV_DEFECTION: return "Defection";
    case GEV_REBELLION: return "Rebellion";
    case GEV_FACTION_CREATED: return "A new power";
    case GEV_RELATION_CHANGED: return "Diplomacy";
    case GEV_LEADER_KILLED: return "A commander falls";
    case GEV_LEADER_CAPTURED: return "A commander taken";
    case GEV_DESERTION: return "Desertion";
    default: return "News from the front";
    }
}

/* Whether an entry is put up as a pop-up under the player's setting: every narratable one,
 * the major ones (marked so by the scenario, or a commander fallen, a new power, a rising),
 * or none. The rest only go to the chronicle, with its badge. */
static int poppable(const UiApp *app, const LogEntry *e)
{
    if (!narratable(e->type) || !ui_news_visible(app, e)) return 0;
    switch (app->settings.popups) {
    case UI_POPUP_ALL: return 1;
    case UI_POPUP_MAJOR:
        return (e->type == GEV_MESSAGE && e->major) || e->type == GEV_LEADER_KILLED || e->type == GEV_LEADER_CAPTURED ||
               e->type == GEV_FACTION_CREATED || e->type == GEV_REBELLION;
    default: return 0;
    }
}

/* Whether news may be put up now: the player is at the screen (their turn or choice), the war
 * is over, or nobody plays (watching the computer). Not in the middle of the computer's turn:
 * what it brings waits for one digest. */
static int news_time(const UiApp *app)
{
    const Session *s = app->session;
    return human_to_act(app) >= 0 || s->game->over || n_humans(s) == 0 || app->gs.replay_mode;
}

/* The news pop-up: one entry as its own dialog, several as one "News from the front" digest
 * with every item, scrolled by the wheel or the arrow keys when it is longer than the window. */
static void narration_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    int items[GAME_MAX_EVENTS], n = 0;
    if (gs->narr_end > g->n_log) gs->narr_end = g->n_log;
    for (int i = gs->narr; i < gs->narr_end; i++)
        if (narratable(g->log[i].type) && ui_news_visible(app, &g->log[i])) items[n++] = i;
    if (n == 0) {
        gs->log_seen = gs->narr_end;
        gs->narr = -1;
        return;
    }
    int s100 = c->scale100 > 0 ? c->scale100 : 100;
    int tw = ui_px(c, 620 - 48), lb = ui_line_h(c, UI_FONT_BODY), ls = ui_line_h(c, UI_FONT_SMALL);
    int gap = ui_px(c, 12);
    /* measure every item: a date line when the turn changes, the text, the note */
    int need = 0;
    for (int k = 0; k < n; k++) {
        const LogEntry *e = &g->log[items[k]];
        if (n > 1 && (k == 0 || g->log[items[k - 1]].turn != e->turn)) need += ls + ui_px(c, 2);
        if (n > 1 && e->type != GEV_MESSAGE) need += ls; /* the kind of news */
        need += ui_text_block(c, (SDL_Rect){ 0, 0, tw, 100000 }, UI_FONT_BODY, UI_C_INK, e->text, 0, 0) * lb;
        if (e->note[0])
            need += ui_text_block(c, (SDL_Rect){ 0, 0, tw - ui_px(c, 12), 100000 }, UI_FONT_SMALL, UI_C_INK, e->note, 0, 0) * ls +
                    ui_px(c, 6);
        need += gap;
    }
    const LogEntry *e0 = &g->log[items[0]];
    char title[64];
    if (n == 1) snprintf(title, sizeof title, "%s", narr_title(e0->type));
    else snprintf(title, sizeof title, "News from the front (%d)", n);
    SDL_Rect in = ui_dialog(c, 620, 150 + (need + ls) * 100 / s100, title);
    int body_h = in.h - ui_px(c, 50) - (n == 1 ? ls + ui_px(c, 8) : 0);
    int y = in.y;
    if (n == 1) {
        char date[48];
        game_date_str(g, e0->turn, date, sizeof date);
        ui_labelf(c, in.x + in.w / 2, y, UI_FONT_SMALL, UI_C_INK_SOFT, UI_ALIGN_CENTER, "Turn %d \xc2\xb7 %s", e0->turn, date);
        y += ls + ui_px(c, 8);
    }
    SDL_Rect body = { in.x, y, in.w, body_h };
    int max_scroll = need - body_h > 0 ? need - body_h : 0;
    if (c->in->wheel) gs->narr_scroll -= c->in->wheel * lb * 2;
    if (ui_key(c, SDLK_DOWN, 0) || ui_key(c, SDLK_PAGEDOWN, 0)) gs->narr_scroll += body_h / 2;
    if (ui_key(c, SDLK_UP, 0) || ui_key(c, SDLK_PAGEUP, 0)) gs->narr_scroll -= body_h / 2;
    if (gs->narr_scroll > max_scroll) gs->narr_scroll = max_scroll;
    if (gs->narr_scroll < 0) gs->narr_scroll = 0;
    SDL_RenderSetClipRect(c->r, &body);
    y = body.y - gs->narr_scroll;
    for (int k = 0; k < n; k++) {
        const LogEntry *e = &g->log[items[k]];
        if (n > 1 && (k == 0 || g->log[items[k - 1]].turn != e->turn)) {
            char date[48];
            game_date_str(g, e->turn, date, sizeof date);
            ui_labelf(c, in.x, y, UI_FONT_SMALL, UI_C_INK_SOFT, UI_ALIGN_LEFT, "Turn %d \xc2\xb7 %s", e->turn, date);
            y += ls + ui_px(c, 2);
        }
        if (n > 1 && e->type != GEV_MESSAGE) {
            ui_label(c, in.x, y, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, narr_title(e->type));
            y += ls;
        }
        int tl = ui_text_block(c, (SDL_Rect){ in.x, y, tw, 100000 }, UI_FONT_BODY, UI_C_INK, e->text, 0, 0);
        if (y + tl * lb > body.y && y < body.y + body.h)
            ui_text_block(c, (SDL_Rect){ in.x, y, tw, tl * lb }, UI_FONT_BODY, UI_C_INK, e->text, 0, 1);
        y += tl * lb;
        if (e->note[0]) {
            y += ui_px(c, 6);
            int nl = ui_text_block(c, (SDL_Rect){ 0, 0, tw - ui_px(c, 12), 100000 }, UI_FONT_SMALL, UI_C_INK, e->note, 0, 0);
            if (y + nl * ls > body.y && y < body.y + body.h) {
                ui_fill(c, (SDL_Rect){ in.x, y, ui_px(c, 3), nl * ls }, UI_C_GOLD, 255);
                ui_text_block(c, (SDL_Rect){ in.x + ui_px(c, 12), y, tw - ui_px(c, 12), nl * ls }, UI_FONT_SMALL, UI_C_INK_SOFT,
                              e->note, 0, 1);
            }
            y += nl * ls;
        }
        y += gap;
    }
    SDL_RenderSetClipRect(c->r, NULL);
    if (max_scroll > 0)
        ui_labelf(c, in.x + in.w, in.y + in.h - ui_px(c, 30), UI_FONT_SMALL, UI_C_GREY, UI_ALIGN_RIGHT,
                  gs->narr_scroll < max_scroll ? "more below \xe2\x86\x93" : "");
    SDL_Rect b = { in.x + in.w / 2 - ui_px(c, 90), in.y + in.h - ui_px(c, 40), ui_px(c, 180), ui_px(c, 40) };
    if (ui_button(c, b, "Continue", UI_BTN_PRIMARY) || ui_key(c, SDLK_RETURN, 0) || ui_key(c, SDLK_SPACE, 0) ||
        ui_key(c, SDLK_ESCAPE, 0)) {
        gs->log_seen = gs->narr_end;
        if (gs->chron_read < gs->narr_end) gs->chron_read = gs->narr_end;
        gs->narr = -1;
        gs->narr_scroll = 0;
    }
}

static void choice_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    const Game *g = app->session->game;
    const PendingChoice *ch = &g->choice;
    int h = 220 + ch->n_options * 54;
    char title[96];
    snprintf(title, sizeof title, "%s must decide", ui_faction_name(app, g, ch->faction));
    SDL_Rect in = ui_dialog(c, 600, h, title);
    int lines = ui_text_block(c, in, UI_FONT_BODY, UI_C_INK, ch->question, 0, 1);
    int y = in.y + lines * ui_line_h(c, UI_FONT_BODY) + ui_px(c, 16);
    for (int i = 0; i < ch->n_options; i++) {
        SDL_Rect b = { in.x + ui_px(c, 30), y, in.w - ui_px(c, 60), ui_px(c, 44) };
        char lab[96];
        snprintf(lab, sizeof lab, "%d.  %s", i + 1, ch->options[i]);
        if (ui_button(c, b, lab, i == 0 ? UI_BTN_PRIMARY : 0) || ui_key(c, SDLK_1 + i, 0)) {
            Command cmd;
            memset(&cmd, 0, sizeof cmd);
            cmd.type = CMD_CHOOSE;
            cmd.faction = ch->faction;
            cmd.choice = i;
            order(app, &cmd);
            return;
        }
        y += ui_px(c, 52);
    }
}

/* The end-of-game summary. */
static void victory_dialog(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    Session *s = app->session;
    const Game *g = s->game;
    const char *title = "The war is decided";
    int nh = n_humans(s), me = view_faction(app);
    if (g->winner < 0) title = "A draw";
    else if (nh == 1 && me >= 0) title = g->winner == me || game_is_friend(g, g->winner, me) ? "Victory" : "Defeat";
    else {
        static char t[96];
        snprintf(t, sizeof t, "%s wins", ui_faction_name(app, g, g->winner));
        title = t;
    }
    SDL_Rect in = ui_dialog(c, 680, 470, title);
    int y = in.y;
    y += ui_text_block(c, (SDL_Rect){ in.x, y, in.w, ui_px(c, 60) }, UI_FONT_BODY, UI_C_LACQUER, g->outcome, 0, 1) *
         ui_line_h(c, UI_FONT_BODY);
    char date[48];
    game_date_str(g, g->turn, date, sizeof date);
    ui_labelf(c, in.x, y + ui_px(c, 4), UI_FONT_SMALL, UI_C_INK_SOFT, UI_ALIGN_LEFT, "Ended on turn %d, %s.", g->max_turns > 0 && g->turn > g->max_turns ? g->max_turns : g->turn, date);
    y += ui_line_h(c, UI_FONT_SMALL) + ui_px(c, 12);
    /* table: every figure from the one standing (the panel's and --headless --json's) */
    UiObjectives ob;
    ui_objectives_build(app, g, &ob);
    int cols[5] = { 0, 230, 330, 430, 520 };
    const char *head[5] = { "Side", "Units left", "Strength", "Places", ob.any_score ? "Points" : "" };
    for (int i = 0; i < 5; i++) ui_label(c, in.x + ui_px(c, cols[i]), y, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, head[i]);
    y += ui_line_h(c, UI_FONT_SMALL) + ui_px(c, 2);
    ui_rule(c, in.x, y, in.w, UI_C_LACQUER);
    y += ui_px(c, 6);
    for (int f = 0; f < g->n_factions && y < in.y + in.h - ui_px(c, 140); f++) {
        GameStanding st;
        game_standing(g, f, &st);
        int target = -1, has_aims = 0;
        for (int i = 0; i < ob.n_sides; i++)
            if (ob.sides[i].faction == f) { target = ob.sides[i].target; has_aims = 1; }
        if (st.units_total == 0 && !has_aims) continue; /* a power that never took the field */
        int es = ui_line_h(c, UI_FONT_BODY);
        if (app->render) ui_render_faction_emblem(app->render, g, f, in.x, y, es);
        ui_label(c, in.x + es + ui_px(c, 6), y, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, ui_faction_name(app, g, f));
        ui_labelf(c, in.x + ui_px(c, cols[1]), y, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, "%d of %d", st.units, st.units_total);
        ui_labelf(c, in.x + ui_px(c, cols[2]), y, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, "%d", st.strength);
        ui_labelf(c, in.x + ui_px(c, cols[3]), y, UI_FONT_BODY, UI_C_INK, UI_ALIGN_LEFT, "%d", st.places);
        if (target >= 0)
            ui_labelf(c, in.x + ui_px(c, cols[4]), y, UI_FONT_BODY, st.points >= target ? UI_C_GOOD : UI_C_INK, UI_ALIGN_LEFT,
                      "%d of %d", st.points, target);
        SDL_Rect row = { in.x, y, in.w, ui_line_h(c, UI_FONT_BODY) };
        if (ui_hover(c, row) && target >= 0) {
            char tip[200];
            snprintf(tip, sizeof tip, "%d from the places held at the end, %+d from battles and events", st.place_points, st.score);
            ui_tooltip(c, tip);
        }
        y += ui_line_h(c, UI_FONT_BODY) + ui_px(c, 4);
    }
    /* the turning points: what moved the score or the balance of strength most, in order */
    y += ui_px(c, 6);
    ui_label(c, in.x, y, UI_FONT_SMALL, UI_C_LACQUER, UI_ALIGN_LEFT, "Turning points");
    y += ui_line_h(c, UI_FONT_SMALL);
    int lh = ui_line_h(c, UI_FONT_SMALL);
    int tp[8], ntp = ui_turning_points(app, tp, 8);
    for (int k = 0; k < ntp && y + lh < in.y + in.h - ui_px(c, 56); k++) {
        const LogEntry *e = &g->log[tp[k]];
        char line[GAME_TEXT_LEN + 32];
        snprintf(line, sizeof line, "Turn %d: %s", e->turn, e->text);
        int lw, lh2;
        ui_measure(c, UI_FONT_SMALL, line, &lw, &lh2);
        if (lw > in.w) { /* cut at a word and mark it */
            size_t n = strlen(line);
            while (n > 10) {
                while (n > 10 && line[n - 1] != ' ') n--;
                snprintf(line + n - 1, sizeof line - (n - 1), "\xe2\x80\xa6");
                ui_measure(c, UI_FONT_SMALL, line, &lw, &lh2);
                if (lw <= in.w) break;
                n--;
            }
        }
        ui_label(c, in.x, y, UI_FONT_SMALL, log_color(e->type), UI_ALIGN_LEFT, line);
        y += lh;
    }
    /* a campaign goes on to its next scenario */
    int next_step = -1;
    ScenarioInfo ci;
    if (s->rec.campaign[0] && lscript_find_scenario(s->rec.campaign, &ci) == 0) {
        char err[256];
        if (strcmp(app->camp.id, s->rec.campaign) != 0 && campaign_load(ci.path, &app->camp, err, sizeof err) != 0)
            app->camp.id[0] = '\0';
        if (!strcmp(app->camp.id, s->rec.campaign) && s->rec.campaign_step + 1 < app->camp.n_steps)
            next_step = s->rec.campaign_step + 1;
    }
    int bw = (in.w - ui_px(c, 20)) / 3, by = in.y + in.h - ui_px(c, 44);
    if (next_step >= 0) {
        SDL_Rect nb = { in.x + in.w - bw, by - ui_px(c, 52), bw, ui_px(c, 42) };
        if (ui_button(c, nb, "Continue the campaign", UI_BTN_PRIMARY)) {
            Carry carry = s->rec.carry;
            campaign_collect(&app->camp, g, &carry);
            char path[LSCRIPT_PATH_LEN];
            snprintf(path, sizeof path, "%s", ci.path);
            ui_goto(app, SCR_MENU);
            ui_open_campaign_step(app, path, next_step, &carry);
            return;
        }
    }
    if (ui_button(c, (SDL_Rect){ in.x, by, bw, ui_px(c, 42) }, "Look at the map", 0) || ui_key(c, SDLK_ESCAPE, 0))
        gs->victory_shown = 1;
    if (ui_button(c, (SDL_Rect){ in.x + bw + ui_px(c, 10), by, bw, ui_px(c, 42) }, "Save the replay", 0)) {
        char name[96];
        snprintf(name, sizeof name, "%s-replay-%d", g->scenario_id, (int)(s->seed % 100000));
        if (ui_save_game(app, name) == 0) ui_toast(app, 0, "Replay saved as %s", name);
    }
    if (ui_button(c, (SDL_Rect){ in.x + 2 * (bw + ui_px(c, 10)), by, bw, ui_px(c, 42) }, "Main menu", UI_BTN_PRIMARY))
        ui_goto(app, SCR_MENU);
}

/* ================================================================ input on the map */

static void click_hex(UiApp *app, Hex h, int right)
{
    GameUi *gs = &app->gs;
    const Game *g = app->session->game;
    if (!map_in_bounds(g->map, h)) return;
    int f = human_to_act(app);
    int own[32], n_own = f >= 0 ? own_units_at(g, h, f, own, 32) : 0;
    int sel = gs->selected;
    if (f >= 0 && sel >= 0 && g->units[sel].faction == f) {
        /* shift-click: add or remove a unit from a combined attack */
        if (!right && app->in.shift && n_own > 0) {
            for (int i = 0; i < n_own; i++) {
                int u = own[i];
                if (u == sel || g->units[u].attacked) continue;
                for (int k = 0; k < gs->n_extra; k++)
                    if (gs->extra[k] == u) {
                        gs->extra[k] = gs->extra[--gs->n_extra];
                        gs->preview_stamp = -1;
                        ui_toast(app, 0, "Left out of the attack");
                        return;
                    }
                if (gs->n_extra < GAME_MAX_ATTACKERS - 1) {
                    gs->extra[gs->n_extra++] = u;
                    gs->preview_stamp = -1;
                    ui_toast(app, 0, "%s joins the attack", g->units[u].name[0] ? g->units[u].name : g->rules.unit_types[g->units[u].type].name);
                    return;
                }
            }
        }
        if (gs->has_hover && hex_eq(gs->hover, h) && gs->hover_attack) {
            order(app, &gs->preview_cmd);
            return;
        }
        int idx = map_index(g->map, h);
        int can_move = reach_live(app) && gs->reach->cost[idx] >= 0 && !hex_eq(h, g->units[sel].hex) &&
                       move_can_end(g, gs->reach, sel, idx);
        if (can_move && (n_own == 0 || right)) {
            Command c;
            memset(&c, 0, sizeof c);
            c.type = CMD_MOVE;
            c.faction = f;
            c.unit = sel;
            c.to = h;
            order(app, &c);
            return;
        }
    }
    if (right) {
        select_unit(app, -1);
        return;
    }
    /* select: own units first (cycling through a stack), else any seen unit to inspect */
    int at[32], n = game_units_at(g, h, at, 32);
    if (n == 0 || !seen(app, h)) {
        select_unit(app, -1);
        return;
    }
    int pick = -1;
    if (n_own > 0) {
        int cur = -1;
        for (int i = 0; i < n_own; i++)
            if (own[i] == sel) cur = i;
        if (cur >= 0) pick = own[(cur + 1) % n_own];
        else {
            pick = own[0];
            for (int i = 0; i < n_own; i++)
                if (game_unit_can_act(g, own[i])) { pick = own[i]; break; }
        }
    } else {
        int cur = -1;
        for (int i = 0; i < n; i++)
            if (at[i] == sel) cur = i;
        pick = at[(cur + 1) % n];
    }
    select_unit(app, pick);
}

static void map_input(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    UiInput *in = c->in;
    const Map *m = app->session->game->map;
    int over = c->enabled && in->inside && ui_in_rect(in->mx, in->my, gs->map_rect) &&
               !ui_in_rect(in->mx, in->my, gs->obj_rect); /* the objectives panel takes its own clicks */
    /* drag to pan */
    if (c->enabled && in->down && ui_in_rect(in->press_x, in->press_y, gs->map_rect)) {
        if (!gs->dragging) {
            int dx = in->mx - in->press_x, dy = in->my - in->press_y;
            if (dx * dx + dy * dy > ui_px(c, 6) * ui_px(c, 6)) {
                gs->dragging = 1;
                gs->drag_x = in->press_x;
                gs->drag_y = in->press_y;
            }
        }
        if (gs->dragging) {
            ui_view_pan(&gs->view, in->mx - gs->drag_x, in->my - gs->drag_y);
            ui_view_clamp(&gs->view, m);
            gs->drag_x = in->mx;
            gs->drag_y = in->my;
        }
    }
    if (over && in->wheel) {
        ui_view_zoom_step(&gs->view, in->wheel > 0 ? 1 : -1, in->mx, in->my);
        ui_view_clamp(&gs->view, m);
    }
    gs->has_hover = 0;
    if (over && !gs->curtain) {
        Hex h = ui_view_screen_to_hex(&gs->view, in->mx, in->my);
        if (map_in_bounds(m, h)) {
            gs->has_hover = 1;
            gs->hover = h;
        }
    }
    int clicked = c->enabled && in->released && !in->click_used && ui_in_rect(in->press_x, in->press_y, gs->map_rect) &&
                  ui_in_rect(in->mx, in->my, gs->map_rect) && !ui_in_rect(in->press_x, in->press_y, gs->obj_rect);
    if (in->released) {
        if (gs->dragging) clicked = 0;
        gs->dragging = 0;
    }
    int rclick = c->enabled && in->rreleased && ui_in_rect(in->mx, in->my, gs->map_rect);
    if (gs->anim != ANIM_NONE) {
        if (clicked || rclick) gs->anim_dur = 0; /* skip */
        return;
    }
    if (clicked || rclick) {
        in->click_used = 1;
        click_hex(app, ui_view_screen_to_hex(&gs->view, in->mx, in->my), rclick && !clicked);
    }
}

static void keys(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    const Map *m = app->session->game->map;
    int step = ui_px(c, 90);
    if (ui_key(c, SDLK_LEFT, 0) || ui_key(c, SDLK_a, 0)) ui_view_pan(&gs->view, step, 0);
    if (ui_key(c, SDLK_RIGHT, 0) || ui_key(c, SDLK_d, 0)) ui_view_pan(&gs->view, -step, 0);
    if (ui_key(c, SDLK_UP, 0) || ui_key(c, SDLK_w, 0)) ui_view_pan(&gs->view, 0, step);
    if (ui_key(c, SDLK_DOWN, 0) || ui_key(c, SDLK_s, 0)) ui_view_pan(&gs->view, 0, -step);
    int cx = gs->map_rect.x + gs->map_rect.w / 2, cy = gs->map_rect.y + gs->map_rect.h / 2;
    if (ui_key(c, SDLK_PLUS, 0) || ui_key(c, SDLK_EQUALS, 0) || ui_key(c, SDLK_KP_PLUS, 0)) ui_view_zoom_step(&gs->view, 1, cx, cy);
    if (ui_key(c, SDLK_MINUS, 0) || ui_key(c, SDLK_KP_MINUS, 0)) ui_view_zoom_step(&gs->view, -1, cx, cy);
    ui_view_clamp(&gs->view, m);
    if (ui_key(c, SDLK_e, 0) || ui_key(c, SDLK_RETURN, 0) || ui_key(c, SDLK_KP_ENTER, 0)) end_turn(app, 0);
    if (ui_key(c, SDLK_u, 0) || ui_key(c, SDLK_z, 1)) undo(app);
    if (ui_key(c, SDLK_n, 0)) next_unit(app);
    if (ui_key(c, SDLK_b, 0)) gs->show_borders = !gs->show_borders;
    if (ui_key(c, SDLK_o, 0)) {
        app->settings.objectives_open = !app->settings.objectives_open;
        ui_apply_settings(app); /* kept for the next game */
    }
    if (ui_key(c, SDLK_SPACE, 0) && gs->selected >= 0) {
        gs->skipped[gs->selected] = 1;
        next_unit(app);
    }
    if (ui_key(c, SDLK_s, 1) && !gs->replay_mode) {
        app->dialog = DLG_SAVE;
        app->save_name[0] = '\0';
    }
    if (ui_key(c, SDLK_l, 1)) {
        ui_scan_saves(app);
        app->dialog = DLG_LOAD;
    }
    if (ui_key(c, SDLK_F5, 0) && !gs->replay_mode) reload_script(app);
    if (ui_key(c, SDLK_ESCAPE, 0)) {
        if (gs->selected >= 0) select_unit(app, -1);
        else app->dialog = DLG_GAME_MENU;
    }
}

/* ================================================================ the frame */

/* Public hooks for the dialogs in screen_dialogs.c. */
void game_confirm_end_turn(UiApp *app)
{
    end_turn(app, 1);
}

void game_objectives(UiApp *app, char *buf, size_t cap)
{
    objectives_text(app, buf, cap);
}

void screen_game_frame(UiApp *app)
{
    UiCtx *c = &app->ctx;
    GameUi *gs = &app->gs;
    Session *s = app->session;
    if (!s) {
        ui_goto(app, SCR_MENU);
        return;
    }
    ui_render_for(app, s->game->map);
    layout(app);
    if (!gs->view_ready) {
        ui_view_init(&gs->view, s->game->map, gs->map_rect);
        int want = ui_px(c, 24), best = ui_zoom_levels[0];
        for (int i = 0; i < UI_ZOOM_LEVELS; i++)
            if (ui_zoom_levels[i] <= want) best = ui_zoom_levels[i];
        gs->view.zoom = best;
        int vf = view_faction(app);
        center_on_faction(app, vf >= 0 ? vf : acting(s->game) >= 0 ? acting(s->game) : 0);
        gs->view_ready = 1;
    }
    gs->view.vp = gs->map_rect;

    /* who is at the screen: hotseat curtain */
    const Game *g = s->game;
    int f = acting(g);
    if (!gs->replay_mode && !g->over && n_humans(s) >= 2 && is_human(s, f) && f != gs->last_human && !gs->curtain &&
        gs->anim == ANIM_NONE) {
        gs->curtain = 1;
        gs->curtain_faction = f;
        app->dialog = DLG_NONE;
        /* the side's first turn: its own briefing (briefing_<faction>, else the general one) */
        gs->curtain_brief[0] = '\0';
        if (g->turn == 1) ui_reflow(lscript_briefing(s->script, g->factions[f].id), gs->curtain_brief, sizeof gs->curtain_brief);
    }
    /* autosave at the start of each human turn */
    int hf = human_to_act(app);
    if (hf >= 0 && !g->over && (gs->autosaved_turn != g->turn || gs->autosaved_faction != hf)) {
        gs->autosaved_turn = g->turn;
        gs->autosaved_faction = hf;
        char name[64];
        snprintf(name, sizeof name, "autosave-%s", g->scenario_id);
        ui_save_game(app, name);
    }
    /* animations finish */
    if (gs->anim != ANIM_NONE && app->now - gs->anim_t0 >= gs->anim_dur) gs->anim = ANIM_NONE;
    /* news waiting? everything new since the last look becomes one pop-up, when some of it
     * is to pop up at all; else it only goes to the chronicle */
    if (gs->narr < 0 && gs->anim == ANIM_NONE && !gs->curtain && news_time(app)) {
        if (gs->log_seen > g->n_log) gs->log_seen = g->n_log;
        int pop = 0;
        for (int i = gs->log_seen; i < g->n_log && !pop; i++) pop = poppable(app, &g->log[i]);
        if (pop) {
            gs->narr = gs->log_seen;
            gs->narr_end = g->n_log;
            gs->narr_scroll = 0;
            gs->popups_shown++;
        } else {
            gs->log_seen = g->n_log;
        }
    }
    int modal = gs->curtain || gs->narr >= 0 || (g->choice.active && is_human(s, g->choice.faction) && !gs->replay_mode) ||
                (g->over && !gs->victory_shown);
    /* F5 reloads the script under a pop-up too (the pop-up is not lost: it is in the log) */
    if (modal && !gs->curtain && !gs->replay_mode && app->dialog == DLG_NONE && ui_key(c, SDLK_F5, 0)) {
        reload_script(app);
        c->in->n_keys = 0; /* not twice */
        s = app->session;
        g = s->game;
        modal = (g->choice.active && is_human(s, g->choice.faction)) || (g->over && !gs->victory_shown);
    }
    if (!modal && app->dialog == DLG_NONE && !app->help_open) run_ai(app);
    g = s->game;

    refresh_vis(app);
    refresh_reach(app);
    int saved_enabled = c->enabled;
    if (modal) c->enabled = 0;
    if (!gs->curtain) {
        map_input(app);
        keys(app);
    }
    /* undo, reload and the replay buttons replace the game: look again */
    s = app->session;
    if (!s || app->screen != SCR_GAME) return;
    g = s->game;
    ui_render_for(app, g->map); /* a scenario's own map is remade with its script */
    refresh_vis(app);
    refresh_reach(app);
    refresh_hover(app);

    /* the map */
    UiOverlay o;
    ui_overlay_init(&o);
    o.selected_unit = gs->selected;
    o.reach = reach_live(app) && gs->anim == ANIM_NONE ? gs->reach : NULL;
    o.path = gs->path_len > 1 ? gs->path : NULL;
    o.path_len = gs->path_len > 1 ? gs->path_len : 0;
    o.path_cost = gs->path_len > 1 ? gs->path_cost : -1;
    o.has_hover = gs->has_hover;
    o.hover = gs->hover;
    o.hover_attack = gs->hover_attack;
    o.fog_faction = gs->view_faction;
    o.vis = gs->view_faction >= 0 ? gs->vis : NULL;
    o.show_hanzi = app->settings.hanzi;
    o.show_grid = app->settings.show_grid;
    o.show_units = !gs->curtain;
    o.show_borders = gs->show_borders;
    gs->n_marked = 0;
    if (hf >= 0)
        for (int u = 0; u < g->n_units; u++)
            if (g->units[u].alive && g->units[u].faction == hf && game_unit_can_act(g, u) && u != gs->selected &&
                !gs->skipped[u])
                gs->marked[gs->n_marked++] = map_index(g->map, g->units[u].hex);
    o.marked = gs->marked;
    o.n_marked = gs->n_marked;
    if (gs->anim == ANIM_MOVE) {
        o.anim_unit = gs->anim_unit;
        anim_pos(app, &o.anim_wx, &o.anim_wy);
    }
    if (app->render && !gs->curtain) ui_render_map(app->render, &gs->view, g, &o);
    if (gs->anim == ANIM_COMBAT) draw_flash(app);
    /* zoom buttons on the map */
    if (!gs->curtain) {
        int bs = ui_px(c, 34), bx = gs->map_rect.x + ui_px(c, 12), by = gs->map_rect.y + gs->map_rect.h - 2 * bs - ui_px(c, 18);
        if (ui_button(c, (SDL_Rect){ bx, by, bs, bs }, "+", 0)) ui_view_zoom_step(&gs->view, 1, gs->map_rect.x + gs->map_rect.w / 2, gs->map_rect.y + gs->map_rect.h / 2);
        if (ui_button(c, (SDL_Rect){ bx, by + bs + ui_px(c, 6), bs, bs }, "\xe2\x88\x92", 0)) ui_view_zoom_step(&gs->view, -1, gs->map_rect.x + gs->map_rect.w / 2, gs->map_rect.y + gs->map_rect.h / 2);
        if (gs->n_extra > 0)
            ui_labelf(c, gs->map_rect.x + ui_px(c, 14), gs->map_rect.y + ui_px(c, 10), UI_FONT_BODY, UI_C_GOLD_HI, UI_ALIGN_LEFT,
                      "Combined attack: %d units (shift-click to change)", gs->n_extra + 1);
    }
    if (!gs->curtain && !gs->replay_mode) ui_objectives_panel(app);
    else gs->obj_rect = (SDL_Rect){ 0, 0, 0, 0 };
    if (gs->hover_attack && gs->anim == ANIM_NONE && c->enabled) preview_tooltip(app);
    draw_top_bar(app);
    s = app->session;
    if (!s || app->screen != SCR_GAME) return;
    ui_render_for(app, s->game->map);
    draw_side(app);
    c->enabled = saved_enabled;
    s = app->session;
    if (!s || app->screen != SCR_GAME) return;
    g = s->game;
    ui_render_for(app, g->map);

    /* modal layers of the game */
    if (gs->curtain) draw_curtain(app);
    else if (gs->narr >= 0) narration_dialog(app);
    else if (g->choice.active && is_human(s, g->choice.faction) && !gs->replay_mode) choice_dialog(app);
    else if (g->over && !gs->victory_shown && gs->anim == ANIM_NONE) victory_dialog(app);
}

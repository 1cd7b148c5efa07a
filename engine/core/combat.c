/* combat.c - attacks: who may attack, the modified strengths, the results table, and one
 * function that turns a draw (2d6 and a leader d6) into a full plan of what happens. The
 * preview runs that function on all 216 draws; the resolution runs it on one draw from the
 * game RNG and carries the plan out. The winner does not advance after combat. */
#include <stdio.h>
#include <string.h>
#include "core_internal.h"
#include "combat.h"

#define MAX_DEF 32

typedef struct Ctx {
    int n_att, att[GAME_MAX_ATTACKERS];
    int n_def, def[MAX_DEF];
    int def_per_step[MAX_DEF];      /* type defence: "strongest" = steps * this */
    int n_cand[MAX_DEF];
    int cand[MAX_DEF][HEX_DIRS];    /* retreat directions, best first */
    int room[HEX_DIRS];             /* free stack places in each neighbour of the target */
    CombatSetup setup;
} Ctx;

typedef struct Plan {
    int att_lost, att_coh, att_dies;
    int def_steps[MAX_DEF], def_coh[MAX_DEF];
    int def_lost[MAX_DEF];
    int def_dies[MAX_DEF];          /* 1 destroyed, 2 routed */
    int def_dir[MAX_DEF];           /* retreat direction, -1 stays */
    int leader_die;
    CombatOutcome out;
} Plan;

/* ================================================================ checks */

/* Validates an attack fully (game state, turn, attackers, target); changes nothing. */
CmdResult combat_check(const Game *g, const Command *c)
{
    if (!g || !c || c->type != CMD_ATTACK) return CMD_ERR_BAD_COMMAND;
    if (g->over) return CMD_ERR_GAME_OVER;
    if (!g->started) return CMD_ERR_BAD_COMMAND;
    if (g->choice.active) return CMD_ERR_CHOICE_PENDING;
    if (c->faction != g->active) return CMD_ERR_NOT_YOUR_TURN;
    if (c->n_attackers > GAME_MAX_ATTACKERS) return CMD_ERR_TOO_MANY_ATTACKERS;
    if (c->n_attackers < 1) return CMD_ERR_BAD_COMMAND;
    if (!map_in_bounds(g->map, c->to)) return CMD_ERR_OFF_MAP;
    for (int k = 0; k < c->n_attackers; k++) {
        int a = c->attackers[k];
        if (a < 0 || a >= g->n_units) return CMD_ERR_BAD_UNIT;
        const Unit *u = &g->units[a];
        if (!u->alive || u->faction != c->faction) return CMD_ERR_BAD_UNIT;
        for (int j = 0; j < k; j++)
            if (c->attackers[j] == a) return CMD_ERR_BAD_COMMAND;
    }
    for (int k = 0; k < c->n_attackers; k++) {
        const Unit *u = &g->units[c->attackers[k]];
        if (u->attacked) return CMD_ERR_ALREADY_ATTACKED;
        if (hex_distance(u->hex, c->to) != 1) return CMD_ERR_NOT_ADJACENT;
    }
    int defs[MAX_DEF];
    int n = game_units_at(g, c->to, defs, MAX_DEF);
    if (n == 0) return CMD_ERR_NO_TARGET;
    if (n > MAX_DEF) n = MAX_DEF;
    for (int k = 0; k < n; k++) {
        int f = g->units[defs[k]].faction;
        if (game_is_friend(g, c->faction, f)) return CMD_ERR_NO_TARGET;
        if (!game_is_enemy(g, c->faction, f)) return CMD_ERR_NOT_AT_WAR;
    }
    return CMD_OK;
}

/* ================================================================ setup */

static int is_cavalry(UnitClass c) { return c == UC_HEAVY_CAV || c == UC_HORSE_ARCHERS; }

static int leader_rating(const Game *g, int unit)
{
    int l = g->units[unit].leader;
    if (l < 0 || l >= g->n_leaders || g->leaders[l].state != LEADER_ACTIVE) return 0;
    return g->leaders[l].rating;
}

static int clamp(int x, int lo, int hi) { return x < lo ? lo : x > hi ? hi : x; }

/* Retreat choices for defender k: neighbours of the target on land that its class can
 * enter, holding no unit hostile to it, outside enemy ZOC and not next to any attacker;
 * farthest from the attackers first, then by hex index. */
static void retreat_candidates(const Game *g, Ctx *x, int k, Hex target)
{
    const Map *m = g->map;
    const Unit *u = &g->units[x->def[k]];
    UnitClass cls = g->rules.unit_types[u->type].cls;
    int score[HEX_DIRS], idx[HEX_DIRS];
    x->n_cand[k] = 0;
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex n = hex_neighbor(target, d);
        if (!map_in_bounds(m, n) || map_is_water(m, n)) continue;
        if (g->rules.terrain[map_terrain(m, n)].move_cost[cls] >= MOVE_IMPASSABLE) continue;
        int near = 0, sum = 0;
        for (int a = 0; a < x->n_att; a++) {
            int dist = hex_distance(g->units[x->att[a]].hex, n);
            if (dist < 2) near = 1;
            sum += dist;
        }
        if (near) continue;
        int hostile = 0;
        for (int i = 0; i < g->n_units && !hostile; i++) {
            const Unit *o = &g->units[i];
            if (o->alive && hex_eq(o->hex, n) && !game_is_friend(g, u->faction, o->faction)) hostile = 1;
        }
        if (hostile || game_enemy_zoc(g, u->faction, n)) continue;
        int j = x->n_cand[k]++;
        x->cand[k][j] = d;
        score[j] = sum;
        idx[j] = map_index(m, n);
    }
    for (int i = 1; i < x->n_cand[k]; i++)       /* insertion sort: sum desc, index asc */
        for (int j = i; j > 0; j--) {
            int better = score[j] > score[j - 1] || (score[j] == score[j - 1] && idx[j] < idx[j - 1]);
            if (!better) break;
            int t = score[j]; score[j] = score[j - 1]; score[j - 1] = t;
            t = idx[j]; idx[j] = idx[j - 1]; idx[j - 1] = t;
            t = x->cand[k][j]; x->cand[k][j] = x->cand[k][j - 1]; x->cand[k][j - 1] = t;
        }
}

/* Gathers the units and computes the modified strengths, column and DRM of a checked attack. */
static void build_ctx(const Game *g, const Command *c, Ctx *x)
{
    const Map *m = g->map;
    const Rules *r = &g->rules;
    memset(x, 0, sizeof *x);
    CombatSetup *s = &x->setup;
    s->def_leader = -1;
    x->n_att = c->n_attackers;
    for (int k = 0; k < x->n_att; k++) x->att[k] = c->attackers[k];
    x->n_def = game_units_at(g, c->to, x->def, MAX_DEF);
    if (x->n_def > MAX_DEF) x->n_def = MAX_DEF;

    Season season = game_season(g);
    int frozen = game_rivers_frozen(g);
    Terrain ter = map_terrain(m, c->to);
    const TerrainRule *tr = &r->terrain[ter];

    int att_lead = 0, def_lead = 0, coh_att = 0, coh_def = 0;
    for (int k = 0; k < x->n_att; k++) {
        int l = leader_rating(g, x->att[k]);
        if (l > att_lead) att_lead = l;
        coh_att += g->units[x->att[k]].cohesion;
    }
    for (int k = 0; k < x->n_def; k++) {
        int l = leader_rating(g, x->def[k]);
        if (l > def_lead) def_lead = l;
        coh_def += g->units[x->def[k]].cohesion;
        int li = g->units[x->def[k]].leader;
        if (s->def_leader < 0 && li >= 0 && li < g->n_leaders && g->leaders[li].state == LEADER_ACTIVE)
            s->def_leader = li;
    }

    s->river = !frozen;
    for (int k = 0; k < x->n_att && s->river; k++) {
        Hex ah = g->units[x->att[k]].hex;
        MapSide side = map_side(m, ah, hex_dir_to(ah, c->to));
        if (!(side.flags & SIDE_RIVER)) s->river = 0;
    }
    int p = map_place_at(m, c->to);
    if (p >= 0) {
        PlaceKind k = m->places[p].kind;
        s->fortified = k == PLACE_CITY || k == PLACE_CAPITAL || k == PLACE_FORTRESS || k == PLACE_PASS;
    }

    long att_sum = 0, att_base = 0, def_sum = 0, def_base = 0;
    for (int k = 0; k < x->n_att; k++) {
        const Unit *u = &g->units[x->att[k]];
        const UnitType *t = &r->unit_types[u->type];
        int pct = r->season_pct[season][t->cls] + att_lead * r->leader_pct_per_rating +
                  (u->exp / 100) * r->exp_pct_per_level;
        if (is_cavalry(t->cls) && tr->cavalry_open) {
            pct += r->cavalry_open_pct;
            s->open_cavalry = 1;
        }
        pct = clamp(pct, -90, 1000);
        att_base += (long)u->steps * t->attack;
        att_sum += (long)u->steps * t->attack * (100 + pct);
    }
    for (int k = 0; k < x->n_def; k++) {
        const Unit *u = &g->units[x->def[k]];
        const UnitType *t = &r->unit_types[u->type];
        int pct = tr->defence_pct + def_lead * r->leader_pct_per_rating +
                  (u->exp / 100) * r->exp_pct_per_level;
        if (s->river) pct += r->river_defence_pct;
        if (s->fortified) pct += r->fort_defence_pct;
        pct = clamp(pct, -90, 1000);
        def_base += (long)u->steps * t->defence;
        def_sum += (long)u->steps * t->defence * (100 + pct);
        x->def_per_step[k] = t->defence;
    }
    s->attack = (int)(att_sum / 100);
    s->defence = (int)(def_sum / 100);
    if (s->attack < 1) s->attack = 1;
    if (s->defence < 1) s->defence = 1;
    s->att_pct = att_base > 0 ? (int)(att_sum / att_base) - 100 : 0;
    s->def_pct = def_base > 0 ? (int)(def_sum / def_base) - 100 : 0;
    s->ratio10 = (int)((long)s->attack * 10 / s->defence);
    int cols = clamp(r->crt_cols, 0, CRT_MAX_COLS);
    s->column = 0;
    for (int col = 0; col < cols; col++)
        if (r->crt_ratio10[col] <= s->ratio10) s->column = col;
    int cmax = r->cohesion_max > 0 ? r->cohesion_max : 100;
    int diff = (x->n_att ? coh_att / x->n_att : 0) - (x->n_def ? coh_def / x->n_def : 0);
    s->drm = clamp(diff * 4 / cmax, -2, 2);

    for (int d = 0; d < HEX_DIRS; d++) {
        Hex n = hex_neighbor(c->to, d);
        x->room[d] = map_in_bounds(m, n) ? r->stack_limit - game_units_at(g, n, NULL, 0) : 0;
    }
    for (int k = 0; k < x->n_def; k++) retreat_candidates(g, x, k, c->to);
    s->can_retreat = x->n_def > 0 && x->n_cand[0] > 0;
}

/* ================================================================ one draw -> one plan */

/* Everything that follows from a draw: the 2d6 total (before the DRM) and the leader die. */
static void simulate(const Game *g, const Ctx *x, int dice2, int die, Plan *p)
{
    const Rules *r = &g->rules;
    memset(p, 0, sizeof *p);
    p->leader_die = die;
    CrtResult res = { 0, 0, 0, 0 };
    if (r->crt_cols > 0) {
        int row = clamp(dice2 + x->setup.drm, 2, 12) - 2;
        res = r->crt[clamp(x->setup.column, 0, CRT_MAX_COLS - 1)][row];
    }
    /* the lead attacker takes the attacker's losses */
    const Unit *lead = &g->units[x->att[0]];
    p->att_lost = res.att_loss < lead->steps ? res.att_loss : lead->steps;
    p->att_coh = lead->cohesion - p->att_lost * r->cohesion_loss_per_step;
    if (p->att_coh < 0) p->att_coh = 0;
    if (p->att_lost >= lead->steps) p->att_dies = 1;
    else if (p->att_lost > 0 && p->att_coh <= r->rout_cohesion) p->att_dies = 2;

    /* defender losses, one step at a time to the strongest unit still standing */
    for (int k = 0; k < x->n_def; k++) {
        p->def_steps[k] = g->units[x->def[k]].steps;
        p->def_coh[k] = g->units[x->def[k]].cohesion;
        p->def_dir[k] = -1;
    }
    int total_lost = 0;
    for (int s = 0; s < res.def_loss; s++) {
        int best = -1, bests = -1;
        for (int k = 0; k < x->n_def; k++) {
            if (p->def_steps[k] <= 0) continue;
            int st = p->def_steps[k] * x->def_per_step[k];
            if (st > bests) { bests = st; best = k; }
        }
        if (best < 0) break;
        p->def_steps[best]--;
        p->def_lost[best]++;
        p->def_coh[best] -= r->cohesion_loss_per_step;
        total_lost++;
    }
    int any_rout = 0, any_retreat = 0;
    for (int k = 0; k < x->n_def; k++) {
        if (p->def_coh[k] < 0) p->def_coh[k] = 0;
        if (p->def_steps[k] <= 0) p->def_dies[k] = 1;
        else if (res.rout || (p->def_lost[k] > 0 && p->def_coh[k] <= r->rout_cohesion)) {
            p->def_dies[k] = 2;
            any_rout = 1;
        }
    }
    /* retreat: survivors in index order take the best hex with room; the others lose a step */
    if (res.retreat && !res.rout) {
        int room[HEX_DIRS];
        memcpy(room, x->room, sizeof room);
        for (int k = 0; k < x->n_def; k++) {
            if (p->def_dies[k]) continue;
            for (int j = 0; j < x->n_cand[k]; j++)
                if (room[x->cand[k][j]] > 0) {
                    p->def_dir[k] = x->cand[k][j];
                    room[x->cand[k][j]]--;
                    break;
                }
            if (p->def_dir[k] >= 0) { any_retreat = 1; continue; }
            p->def_steps[k]--;
            p->def_lost[k]++;
            total_lost++;
            p->def_coh[k] -= r->cohesion_loss_per_step;
            if (p->def_coh[k] < 0) p->def_coh[k] = 0;
            if (p->def_steps[k] <= 0) p->def_dies[k] = 1;
        }
    }
    int captured = 0;
    for (int k = 0; k < x->n_def; k++) {
        int l = g->units[x->def[k]].leader;
        if (p->def_dies[k] && l >= 0 && l < g->n_leaders && g->leaders[l].state == LEADER_ACTIVE &&
            die <= r->capture_leader_in6)
            captured = 1;
    }
    p->out.att_loss = p->att_lost;
    p->out.def_loss = total_lost;
    p->out.retreat = any_retreat;
    p->out.rout = any_rout;
    p->out.leader_captured = captured;
    p->out.prob = 1;
}

static int same_outcome(const CombatOutcome *a, const CombatOutcome *b)
{
    return a->att_loss == b->att_loss && a->def_loss == b->def_loss && a->retreat == b->retreat &&
           a->rout == b->rout && a->leader_captured == b->leader_captured;
}

/* The exact distribution over all 6*6*6 draws, identical outcomes merged. */
CmdResult combat_preview(const Game *g, const Command *c, CombatPreview *p)
{
    memset(p, 0, sizeof *p);
    CmdResult res = combat_check(g, c);
    if (res != CMD_OK) return res;
    Ctx x;
    Plan plan;
    build_ctx(g, c, &x);
    p->setup = x.setup;
    p->denom = 216;
    for (int d1 = 1; d1 <= 6; d1++)
        for (int d2 = 1; d2 <= 6; d2++)
            for (int d3 = 1; d3 <= 6; d3++) {
                simulate(g, &x, d1 + d2, d3, &plan);
                int i;
                for (i = 0; i < p->n; i++)
                    if (same_outcome(&p->out[i], &plan.out)) break;
                if (i == p->n) {
                    if (p->n == COMBAT_MAX_OUTCOMES) i = p->n - 1; /* cannot happen with the CRT sizes */
                    else { p->out[p->n++] = plan.out; p->out[i].prob = 0; }
                }
                p->out[i].prob++;
            }
    for (int i = 1; i < p->n; i++)             /* stable: most likely first */
        for (int j = i; j > 0 && p->out[j].prob > p->out[j - 1].prob; j--) {
            CombatOutcome t = p->out[j]; p->out[j] = p->out[j - 1]; p->out[j - 1] = t;
        }
    int ea = 0, ed = 0;
    for (int i = 0; i < p->n; i++) {
        const CombatOutcome *o = &p->out[i];
        if (o->def_loss > 0) p->p_def_loses += o->prob;
        if (o->att_loss > 0) p->p_att_loses += o->prob;
        if (o->retreat) p->p_retreat += o->prob;
        if (o->rout) p->p_rout += o->prob;
        if (o->leader_captured) p->p_capture += o->prob;
        ea += o->att_loss * o->prob;
        ed += o->def_loss * o->prob;
    }
    p->exp_att_loss_x100 = ea * 100 / p->denom;
    p->exp_def_loss_x100 = ed * 100 / p->denom;
    return CMD_OK;
}

/* The three dice of one attack, always drawn in this order. */
static void roll(Game *g, int *d1, int *d2, int *d3)
{
    *d1 = (int)rng_range(&g->rng, 6) + 1;
    *d2 = (int)rng_range(&g->rng, 6) + 1;
    *d3 = (int)rng_range(&g->rng, 6) + 1;
}

/* One outcome drawn from the game RNG; the state changes only by the RNG. A refused attack
 * draws nothing and returns a zero outcome. */
CombatOutcome combat_draw(Game *g, const Command *c, CombatSetup *setup_out)
{
    CombatOutcome none;
    memset(&none, 0, sizeof none);
    if (setup_out) memset(setup_out, 0, sizeof *setup_out);
    if (combat_check(g, c) != CMD_OK) return none;
    Ctx x;
    Plan plan;
    build_ctx(g, c, &x);
    int d1, d2, d3;
    roll(g, &d1, &d2, &d3);
    simulate(g, &x, d1 + d2, d3, &plan);
    if (setup_out) *setup_out = x.setup;
    return plan.out;
}

/* ================================================================ resolution */

static const char *place_or_hex(const Game *g, Hex h, char *buf, int cap)
{
    int p = map_place_at(g->map, h);
    if (p >= 0) snprintf(buf, (size_t)cap, "%s", g->map->places[p].name);
    else snprintf(buf, (size_t)cap, "(%d,%d)", h.q, h.r);
    return buf;
}

/* Carries out a checked attack: draws, applies losses and retreats, then kills, experience,
 * log, and finally the hooks (HOOK_BATTLE, then HOOK_UNIT_DESTROYED for each loss). */
void combati_apply(Game *g, const Command *c)
{
    if (combat_check(g, c) != CMD_OK) return;
    const Rules *r = &g->rules;
    Ctx x;
    Plan p;
    build_ctx(g, c, &x);
    int d1, d2, d3;
    roll(g, &d1, &d2, &d3);
    simulate(g, &x, d1 + d2, d3, &p);

    int att_f = c->faction;
    int lead = x.att[0];
    int def_f = x.n_def ? g->units[x.def[0]].faction : -1;
    char where[64], text[GAME_TEXT_LEN];
    place_or_hex(g, c->to, where, sizeof where);

    /* 1. losses and cohesion */
    Unit *lu = &g->units[lead];
    lu->steps -= p.att_lost;
    lu->cohesion = p.att_coh;
    for (int k = 0; k < x.n_def; k++) {
        Unit *u = &g->units[x.def[k]];
        u->steps = p.def_steps[k];
        u->cohesion = p.def_coh[k];
    }
    /* 2. retreats */
    for (int k = 0; k < x.n_def; k++)
        if (p.def_dir[k] >= 0 && !p.def_dies[k]) g->units[x.def[k]].hex = hex_neighbor(c->to, p.def_dir[k]);
    /* 3. attackers spent, experience for those still standing */
    for (int k = 0; k < x.n_att; k++) {
        Unit *u = &g->units[x.att[k]];
        u->attacked = 1;
        u->mp = 0;
        if (!(k == 0 && p.att_dies)) u->exp += r->exp_per_battle;
    }
    for (int k = 0; k < x.n_def; k++)
        if (!p.def_dies[k]) g->units[x.def[k]].exp += r->exp_per_battle;
    /* 4. the log, then the dead */
    /* the attacker won (HOOK_BATTLE c, combat.h): the hex is cleared (every defender
     * destroyed, routed or fallen back), or the defenders lost more steps, retreated or routed */
    int cleared = 1;
    for (int k = 0; k < x.n_def; k++)
        if (!p.def_dies[k] && p.def_dir[k] < 0) cleared = 0;
    int won = cleared || p.out.def_loss > p.out.att_loss || p.out.retreat || p.out.rout;
    snprintf(text, sizeof text, "Battle at %s: the %s lose %d step%s, the %s %d%s%s%s",
             where, g->factions[att_f].name, p.out.att_loss, p.out.att_loss == 1 ? "" : "s",
             def_f >= 0 ? g->factions[def_f].name : "defenders", p.out.def_loss,
             p.out.retreat ? " and fall back" : "", p.out.rout ? "; the defenders rout" : "",
             p.out.leader_captured ? "; a commander is taken" : "");
    game_log(g, GEV_BATTLE, att_f, text, NULL);
    int dead[MAX_DEF + 1], by[MAX_DEF + 1], n_dead = 0;
    for (int k = 0; k < x.n_def; k++)
        if (p.def_dies[k]) {
            gamei_kill_unit(g, x.def[k], att_f, p.leader_die, GAMEI_KILL_LOG);
            dead[n_dead] = x.def[k];
            by[n_dead++] = att_f;
        }
    if (p.att_dies) {
        gamei_kill_unit(g, lead, def_f, p.leader_die, GAMEI_KILL_LOG);
        dead[n_dead] = lead;
        by[n_dead++] = def_f;
    }
    /* 5. hooks, once the battle is settled */
    gamei_fire(g, HOOK_BATTLE, lead, def_f, won, c->to);
    for (int k = 0; k < n_dead && !g->over; k++)
        gamei_fire(g, HOOK_UNIT_DESTROYED, dead[k], by[k], 0, g->units[dead[k]].hex);
}

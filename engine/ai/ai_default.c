/* ai_default.c - the operational computer player. A turn goes: see (fog respected, enemies
 * remembered), read the objectives, build the threat and supply maps; garrison the places it
 * must hold; plan attacks (several units from several hexes on one target, taken only at
 * odds it accepts by the exact preview), moving units into place first; move the rest
 * toward the objectives, pulling weak units back, keeping leaders and reserves out of harm
 * and units in supply; then attack again with whoever stands next to the enemy. Every
 * planned command is checked against the state of the moment before it is given. */
#include <string.h>
#include "ai_internal.h"

enum { ROLE_ADVANCE, ROLE_RETREAT, ROLE_RESERVE, ROLE_LEADER, ROLE_FLEE, ROLE_GARRISON_TO };

#define MAX_TARGETS AI_MAX_TARGETS
#define MAX_OPTS AI_MAX_OPTS
#define NO_HEX (-30000)

/* ================================================================ helpers */

static int cls_of(const Game *g, int u) { return g->rules.unit_types[g->units[u].type].cls; }
static int own(const Ai *ai, const Game *g, int u)
{
    return u >= 0 && u < g->n_units && g->units[u].alive && g->units[u].faction == ai->faction;
}

/* Whether the unit carries a leader the AI must keep safe (any leader counts; protected
 * ones count more, see leader_weight). */
static int leader_weight(const Ai *ai, const Game *g, int u)
{
    int l = g->units[u].leader;
    if (l < 0 || l >= g->n_leaders || g->leaders[l].state != LEADER_ACTIVE) return 0;
    for (int i = 0; i < ai->n_obj; i++)
        if ((ai->obj[i].kind == OBJ_PROTECT || ai->obj[i].kind == OBJ_FLEE) &&
            (ai->obj[i].leader == l || (ai->obj[i].leader < 0 && l == ai->commander))) return 3;
    return 2;
}

static int flee_target(const Ai *ai, const Game *g, int u, Hex *to)
{
    int l = g->units[u].leader;
    if (l < 0) return 0;
    for (int i = 0; i < ai->n_obj; i++)
        if (ai->obj[i].kind == OBJ_FLEE && (ai->obj[i].leader == l || (ai->obj[i].leader < 0 && l == ai->commander))) {
            *to = ai->obj[i].hex;
            return 1;
        }
    return 0;
}

static int ccell(const Game *g, Hex h) { return map_index(g->map, h); }

/* The enemy strength unit u must reckon with at cell ci (*open: the part not across an
 * unfrozen river). The commander the scenario counts also reckons with the enemies the army
 * saw some turns ago and has not seen leave (stale memories), at half their strength (such
 * an army may have gone, or may be just out of sight): an army out of sight for two turns has
 * not surely gone away, and he is the one unit whose loss the game counts. */
static int unit_threat(const Ai *ai, const Game *g, int u, int ci, int *open)
{
    int th = ai->threat[ci], op = ai->threat_open[ci];
    if (leader_weight(ai, g, u) >= 3) { th += ai->threat_old[ci] / 2; op += ai->threat_old_open[ci] / 2; }
    if (open) *open = op;
    return th;
}

/* Danger to unit u if it stood at cell ci: the enemy strength that can strike there (less
 * where every blow must cross a river) against our defence there, as a ratio in tenths. */
static int danger_ratio10(const Ai *ai, const Game *g, int u, int ci)
{
    int open;
    int th = unit_threat(ai, g, u, ci, &open);
    if (th <= 0) return 0;
    int eff = open + (th - open) * 100 / (100 + g->rules.river_defence_pct);
    int def = ai_defence_at(g, ai->faction, map_hex_at(g->map, ci), u);
    if (def < 1) def = 1;
    return eff * 10 / def;
}

static int has_supply_sources(const Ai *ai, const Game *g)
{
    for (int p = 0; p < g->map->n_places; p++)
        if (g->places[p].supply_source && g->places[p].owner >= 0 &&
            (g->places[p].owner == ai->faction || game_is_friend(g, ai->faction, g->places[p].owner)))
            return 1;
    return 0;
}

/* The weight of the objective at a place (0 when none). */
static int place_weight(const Ai *ai, int place)
{
    int w = 0;
    for (int i = 0; i < ai->n_obj; i++)
        if (ai->obj[i].place == place && ai->obj[i].weight > w) w = ai->obj[i].weight;
    return w;
}

static void refresh_knowledge(Ai *ai, const Game *g)
{
    ai_see(ai, g);
    ai_threat_map(ai, g);
}

/* The steps (x100) a unit of steps steps expects to lose when attacked at ratio10, and the
 * chance (percent) that it is destroyed, from the rules' results table with no modifier. */
static void danger_loss(const Game *g, int ratio10, int steps, int *e_loss_x100, int *p_die)
{
    static const int ways[11] = { 1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1 };   /* 2d6 totals 2..12 */
    const Rules *r = &g->rules;
    int col = 0;
    for (int c = 0; c < r->crt_cols; c++) if (r->crt_ratio10[c] <= ratio10) col = c;
    int e = 0, die = 0;
    for (int row = 0; row < 11 && row < CRT_ROWS; row++) {
        const CrtResult *res = &r->crt[col][row];
        int loss = res->rout ? steps : res->def_loss < steps ? res->def_loss : steps;
        e += ways[row] * loss;
        if (loss >= steps) die += ways[row];
    }
    *e_loss_x100 = e * 100 / 36;
    *p_die = die * 100 / 36;
}

/* How likely (percent) an enemy is to strike at odds ratio10: rarely below 0.8:1, often
 * below 1.2:1, surely above. */
static int strike_likely(int ratio10)
{
    return ratio10 < 8 ? 25 : ratio10 < 12 ? 60 : 100;
}

/* The attack strength of the known enemies standing at h (what the threat map counted for them). */
static int ai_target_strength(const Ai *ai, const Game *g, Hex h)
{
    int d[AI_STACK_CAP], n = game_units_at(g, h, d, AI_STACK_CAP), s = 0;
    for (int i = 0; i < n && i < AI_STACK_CAP; i++)
        if (game_is_enemy(g, ai->faction, g->units[d[i]].faction) && ai->mem[d[i]].known)
            s += ai_unit_attack(g, d[i]);
    return s;
}

/* ================================================================ the queue of planned commands */

static void queue_add(Ai *ai, const Command *c)
{
    if (ai->q_n < AI_MAX_QUEUE) ai->queue[ai->q_n++].cmd = *c;
}

/* Puts the sturdiest attacker first: the lead attacker takes the attacker's losses, so a
 * unit with many steps and no leader leads. */
static void order_attackers(const Game *g, Command *c)
{
    int best = 0, bk = -AI_INF;
    for (int i = 0; i < c->n_attackers; i++) {
        const Unit *u = &g->units[c->attackers[i]];
        int k = u->steps * 100 + u->cohesion / 4 - (u->leader >= 0 ? 10000 : 0);
        if (k > bk) { bk = k; best = i; }
    }
    int t = c->attackers[0]; c->attackers[0] = c->attackers[best]; c->attackers[best] = t;
}

static int min_ratio(const Ai *ai, const Game *g, Hex target)
{
    static const int base[4] = { 10, 11, 12, 13 };
    int r = base[ai->difficulty];
    int p = map_place_at(g->map, target);
    if (p >= 0 && place_weight(ai, p) >= 700) r -= 2;   /* worth paying for */
    r -= 2 * ai->urgent;                                /* the game is slipping away */
    return r < 5 ? 5 : r;
}

/* The next planned command still valid now: moves of units still free to move, attacks
 * re-built from the attackers still able and re-judged by a fresh preview. */
static int next_queued(Ai *ai, const Game *g, Command *out)
{
    while (ai->q_pos < ai->q_n) {
        Command c = ai->queue[ai->q_pos++].cmd;
        if (c.type == CMD_MOVE) {
            if (!own(ai, g, c.unit) || ai->done[c.unit] || g->units[c.unit].mp <= 0) continue;
            if (hex_eq(g->units[c.unit].hex, c.to)) { ai->done[c.unit] = 1; continue; }
            ai->done[c.unit] = 1;
            *out = c;
            return 1;
        }
        if (c.type == CMD_ATTACK) {
            if (!ai_enemy_at(ai, g, c.to)) {
                /* the fog may have been lifted by the moves: look again */
                game_visibility(g, ai->faction, ai->vis);
                if (!ai_enemy_at(ai, g, c.to)) continue;
            }
            Command a = c;
            a.n_attackers = 0;
            for (int i = 0; i < c.n_attackers; i++) {
                int u = c.attackers[i];
                if (!own(ai, g, u) || g->units[u].attacked) continue;
                if (hex_distance(g->units[u].hex, c.to) != 1) continue;
                a.attackers[a.n_attackers++] = u;
            }
            if (a.n_attackers == 0) continue;
            order_attackers(g, &a);
            CombatPreview p;
            if (ai_preview(ai, g, &a, &p) != CMD_OK) continue;
            int accept;
            ai_attack_score(ai, g, &a, &p, min_ratio(ai, g, a.to), &accept);
            if (!accept) {
                int d[AI_STACK_CAP];
                int n = game_units_at(g, a.to, d, AI_STACK_CAP);
                for (int i = 0; i < n; i++) ai->rejected[d[i]] = 1;
                continue;
            }
            *out = a;
            return 1;
        }
    }
    ai->q_n = ai->q_pos = 0;
    return 0;
}

/* ================================================================ garrisons */

/* Whether a place at h needs a garrison now: an enemy can strike it next turn, or a known
 * enemy is within a few hexes, or (critical) any enemy is known at all. */
static int place_threatened(const Ai *ai, const Game *g, Hex h, int critical, int range)
{
    int ci = ccell(g, h);
    if (ai->threat[ci] > 0 || ai->ereach[ci]) return 1;
    if (critical) {     /* a place whose loss ends the game is held while the army can spare it */
        int n = 0;
        for (int u = 0; u < g->n_units; u++)
            if (g->units[u].alive && g->units[u].faction == ai->faction) n++;
        if (n >= 3) return 1;
    }
    for (int u = 0; u < g->n_units && u < GAME_MAX_UNITS; u++) {
        if (!ai->mem[u].known) continue;
        if (critical) return 1;
        if (hex_distance(ai->mem[u].hex, h) <= range) return 1;
    }
    return 0;
}

/* Garrison score of a unit (higher: better garrison): defence, no leader, not cavalry. */
static int garrison_key(const Game *g, int u)
{
    int k = ai_unit_defence(g, u) * 10;
    int c = cls_of(g, u);
    if (c == UC_INFANTRY || c == UC_LEVY) k += 50;
    if (g->units[u].leader >= 0) k -= 1000;
    return k;
}

/* Whether unit u would hold cell ci only to be destroyed (or lose its leader): outside a
 * vital place, when the enemy can strike there and would likely destroy it (half the time,
 * a fifth for a leader); in a vital place only a leader at bad odds is spared. */
static int garrison_doomed(const Ai *ai, const Game *g, int u, int ci, int vital)
{
    int ratio = danger_ratio10(ai, g, u, ci);
    if (vital) return g->units[u].leader >= 0 && ratio > (leader_weight(ai, g, u) >= 3 ? 12 : 20);
    if (ai->threat[ci] <= 0) return 0;
    int e_loss, p_die;
    danger_loss(g, ratio, g->units[u].steps, &e_loss, &p_die);
    int likely = strike_likely(ratio), risk = p_die * likely / 100;
    return risk >= 50 || (g->units[u].leader >= 0 && risk >= 20);
}

/* Locks garrisons in the places the AI must hold and sends units to empty ones. */
static void plan_garrisons(Ai *ai, const Game *g, Hex *assign)
{
    int idx[AI_MAX_OBJ], n = 0;
    for (int i = 0; i < ai->n_obj; i++) if (ai->obj[i].kind == OBJ_HOLD && ai->obj[i].place >= 0) idx[n++] = i;
    for (int i = 1; i < n; i++)      /* critical first, then weight */
        for (int j = i; j > 0; j--) {
            const AiObjective *a = &ai->obj[idx[j]], *b = &ai->obj[idx[j - 1]];
            int ka = a->critical * 10000 + a->weight, kb = b->critical * 10000 + b->weight;
            if (ka <= kb) break;
            int t = idx[j]; idx[j] = idx[j - 1]; idx[j - 1] = t;
        }
    /* whether the AI wins by gaining (points, a place to take) rather than by holding */
    int gainer = 0;
    for (int i = 0; i < g->n_victory; i++)
        if (g->victory[i].faction == ai->faction &&
            (g->victory[i].type == VC_SCORE || g->victory[i].type == VC_TAKE_PLACE)) gainer = 1;
    for (int k = 0; k < n; k++) {
        const AiObjective *o = &ai->obj[idx[k]];
        Hex h = o->hex;
        if (!map_in_bounds(g->map, h)) continue;
        /* vital: its loss ends the game, or the scenario's victory turns on it */
        int vital = o->critical || o->weight >= 700;
        /* a small army that must gain ground does not tie men down where a detour is all
         * there is to lose */
        if (gainer && !vital && o->weight < 300 && ai->army_units < 8) continue;
        if (ai->urgent >= 2 && !vital) continue;     /* the last turns: every man to the front */
        /* a vital place keeps a garrison of two even in quiet times (a war can be declared
         * or an army appear out of the fog in one turn), when the army can spare them */
        int quiet = !place_threatened(ai, g, h, vital, 5);
        if (quiet && !(vital && o->weight >= 800 && ai->army_units >= 6)) continue;
        int here[AI_STACK_CAP];
        int nh = game_units_at(g, h, here, AI_STACK_CAP), best = -1, held = 0;
        for (int i = 0; i < nh; i++) {
            if (!own(ai, g, here[i])) continue;
            if (best < 0 || garrison_key(g, here[i]) > garrison_key(g, best)) best = here[i];
        }
        int target_n = vital && ai->army_units >= 10 ? 2 : 1;
        if (best >= 0) {
            int dr = danger_ratio10(ai, g, best, ccell(g, h));
            /* a garrison that would only be destroyed, or a leader in harm's way, may go */
            if (garrison_doomed(ai, g, best, ccell(g, h), vital)) continue;
            /* nor does a garrison starve beyond supply in a place the game does not turn on */
            if (!vital && ai_unit_weak(g, best) && has_supply_sources(ai, g) &&
                ai->supply[ccell(g, h)] > g->rules.supply_range) continue;
            ai->locked[best] = 1;
            held = 1;
            if (dr > 15) {
                /* a strong threat: keep the whole stack, and fill a vital place's */
                for (int i = 0; i < nh; i++) {
                    int v = here[i];
                    if (!own(ai, g, v) || v == best || ai_unit_weak(g, v)) continue;
                    /* in a vital place only the commander may slip away */
                    if (g->units[v].leader >= 0 && (!vital || leader_weight(ai, g, v) >= 3) &&
                        danger_ratio10(ai, g, v, ccell(g, h)) > 20) continue;
                    ai->locked[v] = 1;
                    held++;
                }
                target_n = vital ? g->rules.stack_limit : held;
            } else if (vital) {
                for (int i = 0; i < nh && held < target_n; i++) {
                    int v = here[i];
                    if (!own(ai, g, v) || ai->locked[v] || ai_unit_weak(g, v) || leader_weight(ai, g, v) >= 3) continue;
                    ai->locked[v] = 1;
                    held++;
                }
            }
        }
        int want = target_n - held;
        if (want > g->rules.stack_limit - nh) want = g->rules.stack_limit - nh;
        if (want > 2) want = 2;
        for (int w = 0; w < want; w++) {
            /* the best unit that can get there this turn */
            int pick = -1, pk = -AI_INF, ci = ccell(g, h);
            for (int u = 0; u < g->n_units; u++) {
                if (!own(ai, g, u) || ai->locked[u] || ai->done[u] || g->units[u].mp <= 0) continue;
                const UnitType *t = &g->rules.unit_types[g->units[u].type];
                if (hex_distance(g->units[u].hex, h) > t->move) continue;
                if (!ai_spend(ai, 4)) break;
                ai_reach(ai, g, u, ai->reach);
                if (ai->reach->cost[ci] < 0 || !move_can_end(g, ai->reach, u, ci)) continue;
                if (garrison_doomed(ai, g, u, ci, vital)) continue;
                int key = garrison_key(g, u) * 4 - ai->reach->cost[ci];
                if (key > pk) { pk = key; pick = u; }
            }
            if (pick >= 0) {
                Command c;
                memset(&c, 0, sizeof c);
                c.type = CMD_MOVE; c.faction = ai->faction; c.unit = pick; c.to = h;
                queue_add(ai, &c);
                ai->locked[pick] = 1;
                continue;
            }
            if (best >= 0 && !vital) break;
            /* none in reach: the nearest free unit marches there */
            int near = -1, nd = 13;
            for (int u = 0; u < g->n_units; u++) {
                if (!own(ai, g, u) || ai->locked[u] || assign[u].q != NO_HEX) continue;
                if (leader_weight(ai, g, u) >= 3) continue;   /* the commander is no garrison */
                int d = hex_distance(g->units[u].hex, h);
                if (d < nd || (d == nd && near >= 0 && garrison_key(g, u) > garrison_key(g, near))) { nd = d; near = u; }
            }
            if (near >= 0) assign[near] = h;
            break;
        }
    }
}

/* ================================================================ attack planning */


/* Whether unit u may join attacks this turn. */
static int may_attack(const Ai *ai, const Game *g, int u, int in_place)
{
    if (!own(ai, g, u) || g->units[u].attacked) return 0;
    if (!in_place && ai_unit_weak(g, u)) return 0;
    int lw = leader_weight(ai, g, u);
    if (!in_place && lw >= 3) return 0;
    /* an attack spends the unit's moves: a leader must not be left where a blow can fall */
    if (lw > 0) {
        int dr = danger_ratio10(ai, g, u, ccell(g, g->units[u].hex));
        if (lw >= 3 && dr > 10) return 0;
        if (g->units[u].steps <= 2 && dr > 20) return 0;
    }
    return 1;
}

/* Finds the attacks worth making now and queues their moves and attacks. Returns the
 * number of attacks queued. allow_moves: units may first move next to the target. */
static int plan_attacks(Ai *ai, const Game *g, int allow_moves)
{
    const Map *m = g->map;
    AiOpt *opts = ai->opts;
    AiPlan *plans = ai->plans;
    ai_see(ai, g);
    /* targets: hexes of visible enemy units not judged bad this turn */
    Hex tgt[MAX_TARGETS];
    int nt = 0;
    for (int u = 0; u < g->n_units && nt < MAX_TARGETS; u++) {
        const Unit *un = &g->units[u];
        if (!un->alive || !game_is_enemy(g, ai->faction, un->faction) || ai->rejected[u]) continue;
        if (!ai_sees_unit(ai, g, u)) continue;
        int dup = 0;
        for (int i = 0; i < nt; i++) if (hex_eq(tgt[i], un->hex)) dup = 1;
        if (dup) continue;
        /* any unit of ours near enough to matter? */
        int near = 0;
        for (int v = 0; v < g->n_units && !near; v++) {
            if (!own(ai, g, v) || g->units[v].attacked) continue;
            int d = hex_distance(g->units[v].hex, un->hex);
            if (d == 1 || (allow_moves && !ai->done[v] && d <= g->units[v].mp + 1)) near = 1;
        }
        if (near) tgt[nt++] = un->hex;
    }
    if (nt == 0) return 0;
    /* movers: one reach each, noting which free hexes next to which target they can reach */
    int no = 0;
    if (allow_moves) {
        for (int u = 0; u < g->n_units; u++) {
            if (!may_attack(ai, g, u, 0) || ai->done[u] || ai->locked[u] || g->units[u].mp <= 0) continue;
            int any = 0;
            for (int t = 0; t < nt; t++) {
                int d = hex_distance(g->units[u].hex, tgt[t]);
                if (d >= 2 && d <= g->units[u].mp + 1) any = 1;
            }
            if (!any) continue;
            if (!ai_spend(ai, 4)) break;
            ai_reach(ai, g, u, ai->reach);
            for (int t = 0; t < nt && no < MAX_OPTS; t++) {
                int d = hex_distance(g->units[u].hex, tgt[t]);
                if (d < 2 || d > g->units[u].mp + 1) continue;
                uint8_t mask = 0;
                for (int dir = 0; dir < HEX_DIRS; dir++) {
                    Hex n = hex_neighbor(tgt[t], dir);
                    if (!map_in_bounds(m, n)) continue;
                    int ci = ccell(g, n);
                    if (ai->reach->cost[ci] >= 0 && move_can_end(g, ai->reach, u, ci)) mask |= (uint8_t)(1 << dir);
                }
                if (mask) { opts[no].unit = u; opts[no].target = t; opts[no].dirmask = mask; no++; }
            }
        }
    }
    if (!ai->scratch) ai->scratch = game_clone(g);
    else game_copy(ai->scratch, g);
    if (!ai->scratch) return 0;
    Game *sc = ai->scratch;
    int np = 0;
    for (int t = 0; t < nt; t++) {
        Hex T = tgt[t];
        AiPlan pl;
        memset(&pl, 0, sizeof pl);
        pl.cmd.type = CMD_ATTACK; pl.cmd.faction = ai->faction; pl.cmd.to = T;
        /* in place */
        for (int u = 0; u < g->n_units && pl.cmd.n_attackers < GAME_MAX_ATTACKERS; u++)
            if (may_attack(ai, g, u, 1) && hex_distance(g->units[u].hex, T) == 1)
                pl.cmd.attackers[pl.cmd.n_attackers++] = u;
        /* movers, strongest first, each to the free hex with room and least open threat */
        int room[HEX_DIRS];
        for (int dir = 0; dir < HEX_DIRS; dir++) {
            Hex n = hex_neighbor(T, dir);
            room[dir] = map_in_bounds(m, n) ? g->rules.stack_limit - game_units_at(g, n, NULL, 0) : 0;
        }
        for (;;) {
            if (pl.cmd.n_attackers >= GAME_MAX_ATTACKERS) break;
            int bi = -1, bs = -1;
            for (int i = 0; i < no; i++) {
                if (opts[i].target != t) continue;
                int u = opts[i].unit, used = 0;
                for (int k = 0; k < pl.cmd.n_attackers; k++) if (pl.cmd.attackers[k] == u) used = 1;
                if (used) continue;
                int fits = 0;
                for (int dir = 0; dir < HEX_DIRS; dir++) if ((opts[i].dirmask >> dir & 1) && room[dir] > 0) fits = 1;
                if (!fits) continue;
                int s = ai_unit_attack(g, u);
                if (s > bs) { bs = s; bi = i; }
            }
            if (bi < 0) break;
            int u = opts[bi].unit, bd = -1, bth = AI_INF;
            for (int dir = 0; dir < HEX_DIRS; dir++) {
                if (!(opts[bi].dirmask >> dir & 1) || room[dir] <= 0) continue;
                int th = ai->threat_open[ccell(g, hex_neighbor(T, dir))];
                if (th < bth) { bth = th; bd = dir; }
            }
            room[bd]--;
            pl.movers[pl.n_movers] = u;
            pl.to[pl.n_movers++] = hex_neighbor(T, bd);
            pl.cmd.attackers[pl.cmd.n_attackers++] = u;
        }
        if (pl.cmd.n_attackers == 0) continue;
        /* judge on the scratch copy, the movers set down next to the target */
        int best_score = -AI_INF, best_n = 0, best_nm = 0, accepted = 0;
        for (int k = 0; k < pl.n_movers; k++) sc->units[pl.movers[k]].hex = pl.to[k];
        for (int tries = 0; tries < 3 && pl.cmd.n_attackers > 0; tries++) {
            if (!ai_spend(ai, 1)) break;
            Command c = pl.cmd;
            order_attackers(sc, &c);
            CombatPreview p;
            if (ai_preview(ai, sc, &c, &p) != CMD_OK) break;
            int acc, s = ai_attack_score(ai, sc, &c, &p, min_ratio(ai, g, T), &acc);
            if (!acc) break;
            /* keep the smaller force when it does nearly as well */
            if (accepted && (long)s * 10 < (long)best_score * 9) break;
            best_score = s; best_n = pl.cmd.n_attackers; best_nm = pl.n_movers; accepted = 1;
            if (pl.n_movers == 0) break;
            /* try without the last mover (movers are the last attackers) */
            int gone = pl.movers[--pl.n_movers];
            sc->units[gone].hex = g->units[gone].hex;
            pl.cmd.n_attackers--;
        }
        for (int k = 0; k < GAME_MAX_ATTACKERS; k++) {
            int u = pl.movers[k];     /* unused slots hold unit 0: restoring it is harmless */
            sc->units[u].hex = g->units[u].hex;
        }
        if (!accepted) {
            int d[AI_STACK_CAP];
            int n = game_units_at(g, T, d, AI_STACK_CAP);
            for (int i = 0; i < n; i++) ai->rejected[d[i]] = 1;
            continue;
        }
        pl.cmd.n_attackers = best_n;
        pl.n_movers = best_nm;
        pl.score = best_score;
        /* a blow struck away from the objectives costs the march back: a tenth of a step
         * of the mover's worth for every hex it ends farther from them */
        for (int k = 0; k < pl.n_movers; k++) {
            int u = pl.movers[k], cls = cls_of(g, u);
            const int *f = ai_field(ai, g, cls);
            int a = f[ccell(g, g->units[u].hex)], b = f[ccell(g, pl.to[k])];
            int plain = g->rules.terrain[TER_PLAIN].move_cost[cls];
            if (plain < 1 || plain >= MOVE_IMPASSABLE) plain = 1;
            if (a < AI_INF / 2 && b < AI_INF / 2 && b > a)
                pl.score -= (b - a) / plain * 10 * ai_step_value(g, u);
            /* and it stands where it ends, spent, for the enemy's reply: the steps it can
             * expect to lose there (the target's own strength left out: it is beaten or gone) */
            int ci = ccell(g, pl.to[k]);
            int th = ai->threat[ci] - ai_target_strength(ai, g, T);
            if (th > 0) {
                int def = ai_defence_at(g, ai->faction, pl.to[k], u);
                int ratio = th * 10 / (def > 0 ? def : 1), e_loss, p_die;
                danger_loss(g, ratio, g->units[u].steps, &e_loss, &p_die);
                int likely = strike_likely(ratio);
                pl.score -= e_loss * ai_step_value(g, u) * likely / 200;   /* half: the reply costs them too */
            }
        }
        if (pl.score <= 0) continue;
        if (np < MAX_TARGETS) plans[np++] = pl;
    }
    /* best plans first; each unit in one plan only */
    for (int i = 1; i < np; i++)
        for (int j = i; j > 0 && plans[j].score > plans[j - 1].score; j--) {
            AiPlan t = plans[j]; plans[j] = plans[j - 1]; plans[j - 1] = t;
        }
    uint8_t used[GAME_MAX_UNITS];
    memset(used, 0, sizeof used);
    int queued = 0;
    for (int i = 0; i < np; i++) {
        int clash = 0;
        for (int k = 0; k < plans[i].cmd.n_attackers; k++) if (used[plans[i].cmd.attackers[k]]) clash = 1;
        if (clash) continue;
        if (ai->q_n + plans[i].n_movers + 1 > AI_MAX_QUEUE) break;
        for (int k = 0; k < plans[i].cmd.n_attackers; k++) used[plans[i].cmd.attackers[k]] = 1;
        for (int k = 0; k < plans[i].n_movers; k++) {
            Command mv;
            memset(&mv, 0, sizeof mv);
            mv.type = CMD_MOVE; mv.faction = ai->faction; mv.unit = plans[i].movers[k]; mv.to = plans[i].to[k];
            queue_add(ai, &mv);
        }
        queue_add(ai, &plans[i].cmd);
        queued++;
    }
    return queued;
}

/* ================================================================ movement */

static int unit_role(const Ai *ai, const Game *g, int u, const uint8_t *reserve)
{
    Hex f;
    if (flee_target(ai, g, u, &f)) return ROLE_FLEE;
    if (ai->assign[u].q != NO_HEX) return ROLE_GARRISON_TO;
    if (ai_unit_weak(g, u)) return ROLE_RETREAT;
    if (leader_weight(ai, g, u) >= 3) return ROLE_LEADER;
    if (reserve[u]) return ROLE_RESERVE;
    return ROLE_ADVANCE;
}

/* Score of unit u standing at cell ci at the end of its move (higher is better). */
static long cell_score(Ai *ai, const Game *g, int u, int ci, int role, const int *field, int supply_known)
{
    const Map *m = g->map;
    Hex h = map_hex_at(m, ci);
    const Unit *un = &g->units[u];
    const UnitType *t = &g->rules.unit_types[un->type];
    long s = 0;
    int plain = g->rules.terrain[TER_PLAIN].move_cost[t->cls];
    if (plain < 1 || plain >= MOVE_IMPASSABLE) plain = 1;
    int fd = field[ci] >= AI_INF / 2 ? 10000 : field[ci];
    int ratio = danger_ratio10(ai, g, u, ci);
    int dmul = 1;
    switch (role) {
    case ROLE_ADVANCE: s -= (long)fd * 100 / plain; break;
    case ROLE_RESERVE: s -= (long)fd * 100 / plain; dmul = 2; if (ai->threat[ci] > 0) s -= 300; break;
    case ROLE_RETREAT:
        dmul = 3;
        if (supply_known) s -= (long)(ai->supply[ci] >= AI_INF / 2 ? 100 : ai->supply[ci]) * 40;
        break;
    case ROLE_LEADER: s -= (long)fd * 60 / plain; dmul = 2; break;
    case ROLE_FLEE: {
        Hex to;
        flee_target(ai, g, u, &to);
        s -= (long)hex_distance(h, to) * 400;
        dmul = 2;
        break;
    }
    case ROLE_GARRISON_TO: s -= (long)hex_distance(h, ai->assign[u]) * 400; break;
    }
    /* the danger: the steps the unit can expect to lose if the enemy strikes here at the
     * odds it could muster (by the results table), times what a step is worth to this army
     * (its share of all our steps: a small army guards each unit more), and how likely the
     * enemy is to strike at those odds; a leader counts when the unit could be destroyed */
    int e_loss = 0, p_die = 0, risk = 0;
    int th_here = unit_threat(ai, g, u, ci, NULL);
    if (th_here > 0) {
        danger_loss(g, ratio, un->steps, &e_loss, &p_die);
        int likely = strike_likely(ratio);
        long per_step = 2000L / (ai->army_steps + 5);
        if (per_step < 40) per_step = 40;
        long pen = (long)e_loss * per_step / 100 + (un->leader >= 0 ? (long)p_die * per_step * 3 / 100 : 0);
        /* the ring around a main prize must be entered to strike it next turn: there the
         * danger counts half */
        if (role == ROLE_ADVANCE && fd <= 2 * plain) pen /= 2;
        s -= pen * likely / 100 * 20 * dmul;
        risk = p_die * likely / 100;
        /* a leader does not stand where the enemy can strike at twice our defence, not even
         * for a prize: losing him costs more than most places are worth */
        if (un->leader >= 0 && ratio > 20)
            s -= (long)(ratio - 20) * (leader_weight(ai, g, u) >= 3 ? 2000 : 800);
    }
    /* a place to take, worth less where it would likely be lost again at once */
    int p = map_place_at(m, h);
    if (p >= 0 && ai_place_capturable(g, ai->faction, p) && role != ROLE_FLEE) {
        int w = place_weight(ai, p);
        int keep = ai->urgent >= 2 ? 100 : 100 - risk * 3 / 4;   /* at the end, held now is enough */
        s += (long)(w > 0 ? w : g->places[p].owner < 0 ? 10 : 40) * 20 * keep / 100;
        /* a unit beyond its supply that can take a supply source feeds itself there */
        if (g->places[p].supply_source && supply_known &&
            ai->supply[ccell(g, un->hex)] > g->rules.supply_range)
            s += 4000L * (100 - risk) / 100;
    }
    /* defensive ground matters where the enemy can strike */
    if (th_here > 0) {
        int open_here;
        unit_threat(ai, g, u, ci, &open_here);
        s += g->rules.terrain[map_terrain(m, h)].defence_pct * 2;
        if (p >= 0) {
            PlaceKind k = m->places[p].kind;
            if (k == PLACE_CITY || k == PLACE_CAPITAL || k == PLACE_FORTRESS || k == PLACE_PASS) s += 200;
        }
        if (open_here == 0) s += 150;  /* behind a river line */
    }
    /* supply */
    /* supply: a healthy army may march beyond it for a prize; a worn one may not */
    if (supply_known && ai->supply[ci] > g->rules.supply_range) {
        int cmax = g->rules.cohesion_max > 0 ? g->rules.cohesion_max : 100;
        int coh = un->cohesion * 100 / cmax;
        if (role == ROLE_RETREAT) s -= 3000;
        else s -= 150 + (coh < 70 ? (70 - coh) * 20 : 0);
    }
    /* keep together: friendly units next door */
    int friends = 0, blind = 0;
    for (int d = 0; d < HEX_DIRS; d++) {
        Hex n = hex_neighbor(h, d);
        if (!map_in_bounds(m, n)) continue;
        if (ai->mine[ccell(g, n)] & 1) friends++;
        if (!ai->vis[ccell(g, n)]) blind++;
    }
    s += friends * 25;
    /* the commander the scenario counts stays inside what the army sees (the fog at the
     * edge may hide an army that would catch him there) and keeps a march or two from the
     * enemies it knows of; other leaders lead from the front, kept only from bad odds */
    if (un->leader >= 0 && leader_weight(ai, g, u) >= 3) {
        s -= (long)blind * 250;
        int dmin = 99;
        for (int e = 0; e < g->n_units && e < GAME_MAX_UNITS; e++) {
            if (!ai->mem[e].known || !game_is_enemy(g, ai->faction, ai->mem[e].faction)) continue;
            int d = hex_distance(ai->mem[e].hex, h);
            if (d < dmin) dmin = d;
        }
        if (dmin < 6) s -= (long)(6 - dmin) * 200;
    }
    return s;
}

/* The move for unit u (1 and c filled), or 0 when it stays. */
static int choose_move(Ai *ai, const Game *g, int u, Command *c)
{
    const Unit *un = &g->units[u];
    if (un->mp <= 0 || ai->locked[u]) return 0;
    int role = unit_role(ai, g, u, ai->reserve);
    const int *field = ai_field(ai, g, cls_of(g, u));
    int supply_known = has_supply_sources(ai, g);
    Reach *r = ai->reach;         /* one per unit and turn: not limited by the budget */
    ai_reach(ai, g, u, r);
    int here = ccell(g, un->hex);
    long best = cell_score(ai, g, u, here, role, field, supply_known);
    int bi = -1;
    for (int i = 0; i < r->n_list; i++) {
        int ci = r->list[i];
        if (ci == here) continue;
        long s = cell_score(ai, g, u, ci, role, field, supply_known) - r->cost[ci];
        if (s > best && move_can_end(g, r, u, ci)) { best = s; bi = ci; }
    }
    if (bi < 0) return 0;
    memset(c, 0, sizeof *c);
    c->type = CMD_MOVE; c->faction = ai->faction; c->unit = u; c->to = map_hex_at(g->map, bi);
    return 1;
}

/* Movement order: retreating units first (they clear the front), then by distance to the
 * objectives, nearest first. */
static void order_moves(Ai *ai, const Game *g)
{
    int key[GAME_MAX_UNITS];
    ai->n_order = ai->order_pos = 0;
    for (int u = 0; u < g->n_units; u++) {
        if (!own(ai, g, u) || ai->done[u] || ai->locked[u] || g->units[u].mp <= 0) continue;
        const int *f = ai_field(ai, g, cls_of(g, u));
        int fd = f[ccell(g, g->units[u].hex)];
        int k = fd >= AI_INF / 2 ? 1000000 : fd;
        if (ai_unit_weak(g, u)) k -= 2000000;
        else if (g->units[u].leader >= 0) k += 4000000;   /* leaders last: the others scout */
        int n = ai->n_order++;
        ai->order[n] = u; key[n] = k;
        for (int j = n; j > 0 && key[j] < key[j - 1]; j--) {
            int t = key[j]; key[j] = key[j - 1]; key[j - 1] = t;
            t = ai->order[j]; ai->order[j] = ai->order[j - 1]; ai->order[j - 1] = t;
        }
    }
}

/* Reserves: at normal difficulty and above, the weakest sixth of the healthy army, when
 * it has six units or more. */
static void pick_reserves(Ai *ai, const Game *g)
{
    memset(ai->reserve, 0, sizeof ai->reserve);
    if (ai->difficulty < 1) return;
    int cand[GAME_MAX_UNITS], n = 0;
    for (int u = 0; u < g->n_units; u++)
        if (own(ai, g, u) && !ai->locked[u] && !ai_unit_weak(g, u) && g->units[u].leader < 0) cand[n++] = u;
    if (n < 6) return;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && ai_unit_attack(g, cand[j]) < ai_unit_attack(g, cand[j - 1]); j--) {
            int t = cand[j]; cand[j] = cand[j - 1]; cand[j - 1] = t;
        }
    for (int i = 0; i < n / 6; i++) ai->reserve[cand[i]] = 1;
}

/* ================================================================ the turn */

/* Victory points a faction would have if the game ended now: its score plus the points of
 * the places it holds. */
static int projected_score(const Game *g, int f)
{
    int s = g->factions[f].score;
    for (int p = 0; p < g->map->n_places; p++)
        if (g->places[p].owner == f) s += g->places[p].vp;
    return s;
}

/* How pressed for time the AI is (0 calm, 1 pressed, 2 last chance): the game would be lost
 * if it ended now and few turns are left. */
static int urgency(const Ai *ai, const Game *g)
{
    if (g->max_turns <= 0) return 0;
    int left = g->max_turns - g->turn + 1, losing = 0;
    for (int i = 0; i < g->n_victory; i++) {
        const VictoryCond *vc = &g->victory[i];
        if (vc->faction < 0 || vc->faction >= g->n_factions) continue;
        int ours = vc->faction == ai->faction || game_is_friend(g, ai->faction, vc->faction);
        int theirs = !ours && game_is_enemy(g, ai->faction, vc->faction);
        if (vc->type == VC_SCORE) {
            int met = projected_score(g, vc->faction) >= vc->value;
            if ((ours && !met) || (theirs && met)) losing = 1;
        } else if (vc->type == VC_HOLD_PLACE && vc->target >= 0 && vc->target < g->map->n_places) {
            int o = g->places[vc->target].owner;
            int held = o == vc->faction || (o >= 0 && game_is_friend(g, vc->faction, o));
            if ((ours && !held) || (theirs && held)) losing = 1;
        }
    }
    if (!losing) return 0;
    return left <= 2 ? 2 : left <= 4 ? 1 : 0;
}

static void start_turn(Ai *ai, const Game *g)
{
    ai->urgent = urgency(ai, g);
    ai->army_steps = ai->army_units = 0;
    for (int u = 0; u < g->n_units; u++)
        if (own(ai, g, u)) { ai->army_steps += g->units[u].steps; ai->army_units++; }
    for (int u = 0; u < GAME_MAX_UNITS; u++) ai->assign[u].q = NO_HEX;
    ai_see(ai, g);
    ai_objectives(ai, g);           /* first: the threat map reads which places are prizes */
    ai_threat_map(ai, g);
    ai_supply_map(ai, g);
    plan_garrisons(ai, g, ai->assign);
    pick_reserves(ai, g);
}

/* The default AI's next command. */
Command ai_default_next(Ai *ai, const Game *g)
{
    Command c;
    if (ai->phase == PH_START) {
        start_turn(ai, g);
        ai->phase = PH_GARRISON;
    }
    for (;;) {
        switch (ai->phase) {
        case PH_GARRISON:
            if (next_queued(ai, g, &c)) return c;
            ai->phase = PH_ATTACK;
            break;
        case PH_ATTACK:
            if (next_queued(ai, g, &c)) return c;
            if (ai->passes < 8 && plan_attacks(ai, g, 1) > 0) { ai->passes++; break; }
            refresh_knowledge(ai, g);
            order_moves(ai, g);
            ai->phase = PH_MOVE;
            break;
        case PH_MOVE:
            while (ai->order_pos < ai->n_order) {
                int u = ai->order[ai->order_pos++];
                if (!own(ai, g, u) || ai->done[u]) continue;
                ai->done[u] = 1;
                if (g->units[u].leader >= 0) refresh_knowledge(ai, g);  /* what the scouts found */
                if (choose_move(ai, g, u, &c)) return c;
            }
            ai->passes = 0;
            memset(ai->rejected, 0, sizeof ai->rejected);
            ai->phase = PH_LATE_ATTACK;
            break;
        case PH_LATE_ATTACK:
            if (next_queued(ai, g, &c)) return c;
            if (ai->passes < 6 && plan_attacks(ai, g, 0) > 0) { ai->passes++; break; }
            ai->phase = PH_END;
            break;
        default:
            return ai_end_turn(ai);
        }
    }
}

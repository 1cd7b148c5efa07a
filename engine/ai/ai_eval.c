/* ai_eval.c - what the computer players know and how they judge it: fog and the memory of
 * enemies last seen, the threat map (who can strike which hex next turn, and whether across
 * a river), objectives from the victory conditions and the scenario's goals, movement-cost
 * fields towards them, the supply map, and the score of an attack from the exact preview.
 * Integers only; every loop runs in index order, so the same state gives the same answers. */
#include <stdlib.h>
#include <string.h>
#include "ai_internal.h"

/* ================================================================ buffers */

/* Allocates the per-map buffers of an Ai; 0 on success. */
int ai_eval_init(Ai *ai)
{
    int n = ai->ncell;
    ai->vis = calloc((size_t)n, 1);
    ai->threat = calloc((size_t)n, sizeof(int));
    ai->threat_open = calloc((size_t)n, sizeof(int));
    ai->threat_old = calloc((size_t)n, sizeof(int));
    ai->threat_old_open = calloc((size_t)n, sizeof(int));
    ai->ereach = calloc((size_t)n, sizeof(int));
    ai->supply = calloc((size_t)n, sizeof(int));
    ai->tmp = calloc((size_t)n, sizeof(int));
    ai->stamp = calloc((size_t)n, sizeof(int));
    ai->zst = calloc((size_t)n, sizeof(int));
    ai->mine = calloc((size_t)n, 1);
    ai->need = calloc((size_t)n, 1);
    ai->heap = calloc((size_t)n * 6 + 16, sizeof(int));
    ai->heap_key = calloc((size_t)n * 6 + 16, sizeof(int));
    ai->reach = reach_new(ai->map);
    if (!ai->vis || !ai->threat || !ai->threat_open || !ai->threat_old || !ai->threat_old_open || !ai->ereach || !ai->supply || !ai->tmp ||
        !ai->stamp || !ai->zst || !ai->mine || !ai->need || !ai->heap || !ai->heap_key || !ai->reach)
        return -1;
    for (int c = 0; c < UC_COUNT; c++) {
        ai->field[c] = calloc((size_t)n, sizeof(int));
        if (!ai->field[c]) return -1;
    }
    return 0;
}

/* Frees what ai_eval_init allocated (safe on a partly built Ai). */
void ai_eval_free(Ai *ai)
{
    free(ai->vis); free(ai->threat); free(ai->threat_open); free(ai->ereach);
    free(ai->threat_old); free(ai->threat_old_open);
    free(ai->supply); free(ai->tmp); free(ai->stamp); free(ai->zst); free(ai->mine); free(ai->need);
    free(ai->heap); free(ai->heap_key);
    for (int c = 0; c < UC_COUNT; c++) free(ai->field[c]);
    if (ai->reach) reach_free(ai->reach);
    if (ai->scratch) game_free(ai->scratch);
}

/* Counts work against the turn's thinking budget; 0 when it is spent. */
int ai_spend(Ai *ai, int cost)
{
    if (ai->work + cost > ai->budget) return 0;
    ai->work += cost;
    return 1;
}

/* move_reach limited to what the AI sees, counted as work (always computed). */
void ai_reach(Ai *ai, const Game *g, int u, Reach *r)
{
    ai->work += 4;
    move_reach(g, u, r, ai->vis);
}

/* combat_preview, counted as work. */
CmdResult ai_preview(Ai *ai, const Game *g, const Command *c, CombatPreview *p)
{
    ai->work += 1;
    return combat_preview(g, c, p);
}

/* Resets the per-turn state at the first call of a new turn; returns 1 when it did. */
int ai_new_turn(Ai *ai, const Game *g)
{
    if (ai->turn_key == g->turn) return 0;
    ai->turn_key = g->turn;
    ai->frozen = game_rivers_frozen(g);
    ai->cmds = 0;
    ai->phase = PH_START;
    memset(ai->done, 0, sizeof ai->done);
    memset(ai->locked, 0, sizeof ai->locked);
    memset(ai->stage, 0, sizeof ai->stage);
    memset(ai->rejected, 0, sizeof ai->rejected);
    ai->n_order = ai->order_pos = 0;
    ai->q_n = ai->q_pos = 0;
    ai->passes = 0;
    ai->work = 0;
    ai->budget = 6000L * (ai->difficulty + 1);
    for (int c = 0; c < UC_COUNT; c++) ai->field_ok[c] = 0;
    return 1;
}

/* ================================================================ small judgements */


static int season_pct(const Game *g, int cls)
{
    int s = (int)game_season(g);
    if (s < 0 || s > 3 || cls < 0 || cls >= UC_COUNT) return 0;
    return g->rules.season_pct[s][cls];
}

/* Attack strength of a unit: steps x attack, with season and leader modifiers. */
int ai_unit_attack(const Game *g, int u)
{
    const Unit *un = &g->units[u];
    const UnitType *t = &g->rules.unit_types[un->type];
    int pct = 100 + season_pct(g, t->cls);
    if (un->leader >= 0 && un->leader < g->n_leaders)
        pct += g->leaders[un->leader].rating * g->rules.leader_pct_per_rating;
    if (pct < 10) pct = 10;
    return un->steps * t->attack * pct / 100;
}

/* Defence strength of a unit before terrain: steps x defence. */
int ai_unit_defence(const Game *g, int u)
{
    const Unit *un = &g->units[u];
    return un->steps * g->rules.unit_types[un->type].defence;
}

/* Worth of one step: attack + defence. (A leader's worth is counted apart, from the chance
 * that he is taken or killed, not by weighing his unit's steps.) */
int ai_step_value(const Game *g, int u)
{
    const UnitType *t = &g->rules.unit_types[g->units[u].type];
    int v = t->attack + t->defence;
    return v < 1 ? 1 : v;
}

/* Weakened: a third of its steps or fewer and worn (a small but fresh body is not weak),
 * or cohesion near the rout line. */
int ai_unit_weak(const Game *g, int u)
{
    const Unit *un = &g->units[u];
    const UnitType *t = &g->rules.unit_types[un->type];
    int cmax = g->rules.cohesion_max > 0 ? g->rules.cohesion_max : 100;
    if (un->steps * 3 <= t->max_steps && t->max_steps > 1 && un->cohesion * 4 < cmax * 3) return 1;
    if (un->cohesion <= g->rules.rout_cohesion + cmax / 4) return 1;
    return 0;
}

static int place_fortifies(PlaceKind k)
{
    return k == PLACE_CITY || k == PLACE_CAPITAL || k == PLACE_FORTRESS || k == PLACE_PASS;
}

/* Defence of the faction's units at h (plus extra_unit if >= 0 and not already there), with
 * terrain and fortification. Does not count rivers (the threat map does). */
int ai_defence_at(const Game *g, int faction, Hex h, int extra_unit)
{
    int u[AI_STACK_CAP];
    int n = game_units_at(g, h, u, AI_STACK_CAP), sum = 0, have_extra = 0;
    for (int i = 0; i < n; i++) {
        if (g->units[u[i]].faction != faction) continue;
        sum += ai_unit_defence(g, u[i]);
        if (u[i] == extra_unit) have_extra = 1;
    }
    if (extra_unit >= 0 && !have_extra) sum += ai_unit_defence(g, extra_unit);
    int pct = 100 + g->rules.terrain[map_terrain(g->map, h)].defence_pct;
    int p = map_place_at(g->map, h);
    if (p >= 0 && place_fortifies(g->map->places[p].kind)) pct += g->rules.fort_defence_pct;
    if (pct < 10) pct = 10;
    return sum * pct / 100;
}

/* Whether faction may take the place by moving in: nobody holds it, or an enemy does. */
int ai_place_capturable(const Game *g, int faction, int place)
{
    int o = g->places[place].owner;
    if (o == faction) return 0;
    if (o < 0) return 1;
    return game_is_enemy(g, faction, o);
}

/* ================================================================ fog and memory */

/* Whether the AI sees enemy unit u now. */
int ai_sees_unit(const Ai *ai, const Game *g, int u)
{
    const Unit *un = &g->units[u];
    if (!un->alive || !map_in_bounds(g->map, un->hex)) return 0;
    return ai->vis[map_index(g->map, un->hex)] != 0;
}

/* A visible enemy unit at h; returns 1 when there is one. */
int ai_enemy_at(const Ai *ai, const Game *g, Hex h)
{
    if (!map_in_bounds(g->map, h) || !ai->vis[map_index(g->map, h)]) return 0;
    int u[AI_STACK_CAP];
    int n = game_units_at(g, h, u, AI_STACK_CAP);
    for (int i = 0; i < n; i++)
        if (game_is_enemy(g, ai->faction, g->units[u[i]].faction)) return 1;
    return 0;
}

/* Updates what the AI sees and remembers. Reads only visible hexes of enemy units. */
void ai_see(Ai *ai, const Game *g)
{
    game_visibility(g, ai->faction, ai->vis);
    for (int u = 0; u < g->n_units && u < GAME_MAX_UNITS; u++) {
        const Unit *un = &g->units[u];
        AiMemory *m = &ai->mem[u];
        if (un->alive && game_is_enemy(g, ai->faction, un->faction) && ai_sees_unit(ai, g, u)) {
            m->known = 1; m->stale = 0; m->hex = un->hex; m->turn = g->turn;
            m->steps = un->steps; m->type = un->type; m->faction = un->faction;
            continue;
        }
        if (!m->known && !m->stale) continue;
        /* remembered: forget it when its old hex is in view and it is not there, or when old;
         * forgotten for age only, it stays stale (the commander's caution) a while longer */
        if ((map_in_bounds(g->map, m->hex) && ai->vis[map_index(g->map, m->hex)]) ||
            !game_is_enemy(g, ai->faction, m->faction) || g->turn - m->turn > AI_STALE_TURNS) {
            m->known = 0; m->stale = 0;
        } else if (g->turn - m->turn > 2) {
            m->known = 0; m->stale = 1;
        }
    }
}

/* ================================================================ movement costs */

/* Cost to step a -> b for class cls by the rules; *stop set when the step ends a move (an
 * unfrozen major river without ford or bridge). MOVE_IMPASSABLE when it cannot be made. */
static int step_cost(const Game *g, int cls, Hex a, Hex b, int *stop, int frozen)
{
    *stop = 0;
    if (!map_in_bounds(g->map, b) || map_is_water(g->map, b)) return MOVE_IMPASSABLE;
    int base = g->rules.terrain[map_terrain(g->map, b)].move_cost[cls];
    if (base >= MOVE_IMPASSABLE) return MOVE_IMPASSABLE;
    if (base < 1) base = 1;
    int d = hex_dir_to(a, b);
    if (d < 0) return MOVE_IMPASSABLE;
    MapSide s = map_side(g->map, a, d);
    if (s.flags & SIDE_ROAD) return g->rules.road_cost > 0 ? g->rules.road_cost : base;
    if ((s.flags & SIDE_RIVER) && !frozen) {
        if ((s.flags & SIDE_RIVER_MAJOR) && !(s.flags & (SIDE_FORD | SIDE_BRIDGE))) {
            if (g->rules.river_major_stops) *stop = 1;
            base += g->rules.river_minor_cost;
        } else {
            base += g->rules.river_minor_cost;
        }
    }
    return base;
}

static int field_cost(const Game *g, int cls, Hex a, Hex b, int frozen)
{
    int stop;
    int c = step_cost(g, cls, a, b, &stop, frozen);
    if (c >= MOVE_IMPASSABLE) return MOVE_IMPASSABLE;
    if (stop) c += 3 * (g->rules.terrain[TER_PLAIN].move_cost[cls] > 0 ?
                        g->rules.terrain[TER_PLAIN].move_cost[cls] : 1);
    return c;
}

/* Cost for the long-range fields: a river that stops a move costs a few extra hexes. */
int ai_step_cost(const Game *g, int cls, Hex a, Hex b)
{
    return field_cost(g, cls, a, b, game_rivers_frozen(g));
}

/* ---- a binary heap of (key, cell), lazy deletion */
static void heap_push(Ai *ai, int key, int cell)
{
    int i = ai->heap_n++;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (ai->heap_key[p] < key || (ai->heap_key[p] == key && ai->heap[p] <= cell)) break;
        ai->heap_key[i] = ai->heap_key[p]; ai->heap[i] = ai->heap[p];
        i = p;
    }
    ai->heap_key[i] = key; ai->heap[i] = cell;
}

static int heap_pop(Ai *ai, int *key)
{
    int top = ai->heap[0];
    *key = ai->heap_key[0];
    int n = --ai->heap_n;
    if (n > 0) {
        int k = ai->heap_key[n], c = ai->heap[n], i = 0;
        for (;;) {
            int l = 2 * i + 1, r = l + 1, m = i;
            int mk = k, mc = c;
            if (l < n && (ai->heap_key[l] < mk || (ai->heap_key[l] == mk && ai->heap[l] < mc))) { m = l; mk = ai->heap_key[l]; mc = ai->heap[l]; }
            if (r < n && (ai->heap_key[r] < mk || (ai->heap_key[r] == mk && ai->heap[r] < mc))) { m = r; }
            if (m == i) break;
            ai->heap_key[i] = ai->heap_key[m]; ai->heap[i] = ai->heap[m];
            i = m;
        }
        ai->heap_key[i] = k; ai->heap[i] = c;
    }
    return top;
}

/* Dijkstra over the map from cells already seeded in dist (others AI_INF, seeds pushed).
 * toward: 1 = distance to the seeds (cost of a->b where b is nearer the seed), 0 = from them.
 * need (optional) marks need_n cells: once all are settled the search goes only slack
 * further, which is all the movement phase will ask about. */
static void dijkstra(Ai *ai, const Game *g, int cls, int *dist, int toward, int limit,
                     const uint8_t *need, int need_n, int slack)
{
    const Map *m = g->map;
    while (ai->heap_n > 0) {
        int d, cell = heap_pop(ai, &d);
        if (d != dist[cell]) continue;
        if (d > limit) break;
        if (need && need[cell] && --need_n == 0 && d + slack < limit) limit = d + slack;
        Hex h = map_hex_at(m, cell);
        for (int dir = 0; dir < HEX_DIRS; dir++) {
            Hex n = hex_neighbor(h, dir);
            if (!map_in_bounds(m, n)) continue;
            int c = toward ? field_cost(g, cls, n, h, ai->frozen) : field_cost(g, cls, h, n, ai->frozen);
            if (c >= MOVE_IMPASSABLE) continue;
            int nd = d + c, ni = map_index(m, n);
            if (nd > limit || nd >= dist[ni]) continue;
            dist[ni] = nd;
            heap_push(ai, nd, ni);
        }
    }
    ai->heap_n = 0;
}

/* ================================================================ threat */

/* Threat, threat_open and ereach from every enemy the AI knows of. Each known enemy is
 * flooded with its full movement points (our units block it, our zones of control stop it);
 * every hex next to a hex it can reach is under its threat. */
/* Adds one remembered enemy's reach to thr/thr_open (and marks ereach when mark_reach):
 * every hex next to a hex it can end its move on next turn counts its strength once. */
static void flood_enemy(Ai *ai, const Game *g, const AiMemory *mem, int *thr, int *thr_open,
                        int mark_reach, int *zid_io)
{
    const Map *m = g->map;
    int frozen = game_rivers_frozen(g);
    const UnitType *t = &g->rules.unit_types[mem->type];
    int cls = t->cls;
    int s = mem->steps * t->attack * (100 + season_pct(g, cls)) / 100;
    if (s < 1) s = 1;
    ai->stamp_id++;
    int sid = ai->stamp_id, start = map_index(m, mem->hex);
    ai->stamp[start] = sid; ai->tmp[start] = 0;
    ai->heap_n = 0;
    heap_push(ai, 0, start);
    int zid = (*zid_io += 2);
    while (ai->heap_n > 0) {
        int d, cell = heap_pop(ai, &d);
        if (d != ai->tmp[cell] || ai->stamp[cell] != sid) continue;
        if (d < 0) continue;
        Hex h = map_hex_at(m, cell);
        if (mark_reach) ai->ereach[cell] = 1;
        for (int dir = 0; dir < HEX_DIRS; dir++) {
            Hex z = hex_neighbor(h, dir);
            if (!map_in_bounds(m, z)) continue;
            int zi = map_index(m, z);
            MapSide sd = map_side(m, h, dir);
            int open = !(sd.flags & SIDE_RIVER) || frozen;
            if (ai->zst[zi] < zid) {
                thr[zi] += s;
                if (open) thr_open[zi] += s;
                ai->zst[zi] = open ? zid + 1 : zid;
            } else if (ai->zst[zi] == zid && open) {
                thr_open[zi] += s;
                ai->zst[zi] = zid + 1;
            }
        }
        /* it cannot go on from a hex in our zone of control (except where it began) */
        if (cell != start && (ai->mine[cell] & 2)) continue;
        for (int dir = 0; dir < HEX_DIRS; dir++) {
            Hex z = hex_neighbor(h, dir);
            if (!map_in_bounds(m, z)) continue;
            int zi = map_index(m, z);
            if (ai->mine[zi] & 1) continue;
            int stop;
            int c = step_cost(g, cls, h, z, &stop, frozen);
            if (c >= MOVE_IMPASSABLE) continue;
            int nd = d + c;
            if (nd > t->move) continue;
            if (stop) nd = t->move; /* it may cross, but goes no further */
            if (ai->stamp[zi] == sid && ai->tmp[zi] <= nd) continue;
            ai->stamp[zi] = sid; ai->tmp[zi] = nd;
            heap_push(ai, nd, zi);
        }
    }
}

void ai_threat_map(Ai *ai, const Game *g)
{
    const Map *m = g->map;
    int n = ai->ncell;
    memset(ai->threat, 0, (size_t)n * sizeof(int));
    memset(ai->threat_open, 0, (size_t)n * sizeof(int));
    memset(ai->threat_old, 0, (size_t)n * sizeof(int));
    memset(ai->threat_old_open, 0, (size_t)n * sizeof(int));
    memset(ai->ereach, 0, (size_t)n * sizeof(int));
    memset(ai->mine, 0, (size_t)n);
    for (int u = 0; u < g->n_units; u++) {
        const Unit *un = &g->units[u];
        if (!un->alive || !game_is_friend(g, ai->faction, un->faction)) continue;
        if (!map_in_bounds(m, un->hex)) continue;
        ai->mine[map_index(m, un->hex)] |= 1;
        if (!g->rules.unit_types[un->type].zoc) continue;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex z = hex_neighbor(un->hex, d);
            if (map_in_bounds(m, z)) ai->mine[map_index(m, z)] |= 2;
        }
    }
    int zid = 0;
    memset(ai->zst, 0, (size_t)n * sizeof(int));
    for (int u = 0; u < g->n_units && u < GAME_MAX_UNITS; u++) {
        const AiMemory *mem = &ai->mem[u];
        if (!(mem->known || mem->stale) || !map_in_bounds(m, mem->hex)) continue;
        if (mem->type < 0 || mem->type >= g->rules.n_unit_types) continue;
        if (mem->known) flood_enemy(ai, g, mem, ai->threat, ai->threat_open, 1, &zid);
        else flood_enemy(ai, g, mem, ai->threat_old, ai->threat_old_open, 0, &zid);
    }
    /* an enemy capital the AI cannot see is assumed to hold a garrison that can sally a few
     * hexes (who owns a place is known to all; what is inside is not), unless it is a main
     * prize of the AI's own: those it must close in on whatever they hold */
    for (int p = 0; p < m->n_places; p++) {
        int o = g->places[p].owner;
        if (o < 0 || !game_is_enemy(g, ai->faction, o) || m->places[p].kind != PLACE_CAPITAL) continue;
        Hex c = m->places[p].hex;
        if (!map_in_bounds(m, c) || ai->vis[map_index(m, c)]) continue;
        int prize = 0;
        for (int i = 0; i < ai->n_obj; i++)
            if (ai->obj[i].place == p && ai->obj[i].kind == OBJ_TAKE && ai->obj[i].weight >= 700) prize = 1;
        if (prize) continue;
        for (int r = 1; r <= AI_PHANTOM_RANGE; r++) {
            Hex ring[6 * AI_PHANTOM_RANGE];
            int nr = hex_ring(c, r, ring, 6 * AI_PHANTOM_RANGE);
            for (int i = 0; i < nr; i++) {
                if (!map_in_bounds(m, ring[i])) continue;
                int ci = map_index(m, ring[i]);
                ai->threat[ci] += AI_PHANTOM_STRENGTH;
                ai->threat_open[ci] += AI_PHANTOM_STRENGTH;
            }
        }
    }
}

/* ================================================================ objectives */

static int add_obj(Ai *ai, ObjKind k, Hex h, int place, int leader, int weight, int critical)
{
    if (weight < 1) weight = 1;
    if (weight > 1000) weight = 1000;
    for (int i = 0; i < ai->n_obj; i++) {
        AiObjective *o = &ai->obj[i];
        if (o->kind == k && o->place == place && o->leader == leader) {
            if (weight > o->weight) o->weight = weight;
            if (critical) o->critical = 1;
            return i;
        }
    }
    if (ai->n_obj >= AI_MAX_OBJ) return -1;
    AiObjective *o = &ai->obj[ai->n_obj];
    o->kind = k; o->hex = h; o->place = place; o->leader = leader;
    o->weight = weight; o->critical = critical;
    return ai->n_obj++;
}

/* Where a leader is, as far as the AI knows: its own leaders always, enemy ones when seen or
 * remembered. Returns 0 when unknown. */
static int leader_hex(const Ai *ai, const Game *g, int leader, Hex *out)
{
    if (leader < 0 || leader >= g->n_leaders) return 0;
    const Leader *l = &g->leaders[leader];
    if (l->state != LEADER_ACTIVE || l->unit < 0 || l->unit >= g->n_units) return 0;
    const Unit *un = &g->units[l->unit];
    if (!un->alive) return 0;
    if (game_is_friend(g, ai->faction, un->faction)) { *out = un->hex; return 1; }
    if (ai_sees_unit(ai, g, l->unit)) { *out = un->hex; return 1; }
    if (ai->mem[l->unit].known) { *out = ai->mem[l->unit].hex; return 1; }
    return 0;
}

static int mine_or_friend(const Game *g, int me, int f)
{
    return f == me || (f >= 0 && game_is_friend(g, me, f));
}

/* Objectives from victory conditions, the scenario's goals and the places on the map. */
void ai_objectives(Ai *ai, const Game *g)
{
    int me = ai->faction;
    const Map *m = g->map;
    ai->n_obj = 0;
    /* the commander: a leader the victory conditions name, else the best rated */
    ai->commander = -1;
    for (int i = 0; i < g->n_victory && ai->commander < 0; i++) {
        const VictoryCond *vc = &g->victory[i];
        if ((vc->type == VC_SAVE_LEADER || vc->type == VC_KILL_LEADER) && vc->target >= 0 &&
            vc->target < g->n_leaders && g->leaders[vc->target].faction == me &&
            g->leaders[vc->target].state == LEADER_ACTIVE)
            ai->commander = vc->target;
    }
    for (int l = 0; l < g->n_leaders && ai->commander < 0; l++) {
        const Leader *ld = &g->leaders[l];
        if (ld->faction != me || ld->state != LEADER_ACTIVE || ld->unit < 0) continue;
        int best = 1;
        for (int k = 0; k < g->n_leaders; k++)
            if (g->leaders[k].faction == me && g->leaders[k].state == LEADER_ACTIVE &&
                g->leaders[k].unit >= 0 && g->leaders[k].rating > ld->rating) best = 0;
        if (best) ai->commander = l;
    }
    for (int i = 0; i < g->n_victory; i++) {
        const VictoryCond *vc = &g->victory[i];
        int ours = mine_or_friend(g, me, vc->faction);
        int theirs = !ours && vc->faction >= 0 && game_is_enemy(g, me, vc->faction);
        if (vc->type == VC_TAKE_PLACE || vc->type == VC_HOLD_PLACE) {
            int p = vc->target;
            if (p < 0 || p >= m->n_places) continue;
            Hex h = m->places[p].hex;
            int owned = mine_or_friend(g, me, g->places[p].owner);
            if (ours) {
                if (owned) add_obj(ai, OBJ_HOLD, h, p, -1, vc->type == VC_HOLD_PLACE ? 800 : 300, 0);
                else add_obj(ai, OBJ_TAKE, h, p, -1, vc->type == VC_TAKE_PLACE ? 1000 : 900, 0);
            } else if (theirs) {
                if (owned) add_obj(ai, OBJ_HOLD, h, p, -1, vc->type == VC_TAKE_PLACE ? 1000 : 700,
                                   vc->type == VC_TAKE_PLACE);
                else add_obj(ai, OBJ_TAKE, h, p, -1, 700, 0);
            }
        } else if (vc->type == VC_KILL_LEADER || vc->type == VC_SAVE_LEADER) {
            Hex h;
            if (!leader_hex(ai, g, vc->target, &h)) continue;
            int hunt = (vc->type == VC_KILL_LEADER) ? ours : theirs;
            int prot = (vc->type == VC_KILL_LEADER) ? theirs : ours;
            if (hunt) add_obj(ai, OBJ_HUNT, h, -1, vc->target, 800, 0);
            else if (prot) add_obj(ai, OBJ_PROTECT, h, -1, vc->target, 900, 0);
        } else if (vc->type == VC_SCORE) {
            for (int p = 0; p < m->n_places; p++) {
                if (g->places[p].vp <= 0) continue;
                int w = 300 + g->places[p].vp * 120;
                if (mine_or_friend(g, me, g->places[p].owner))   /* points count at the end */
                    add_obj(ai, OBJ_HOLD, m->places[p].hex, p, -1, w, 0);
                else if (ours && ai_place_capturable(g, me, p))
                    add_obj(ai, OBJ_TAKE, m->places[p].hex, p, -1, w, 0);
            }
        }
    }
    if (ai->script) {
        AiGoal goals[32];
        int n = lscript_ai_goals(ai->script, me, goals, 32);
        for (int i = 0; i < n && i < 32; i++) {
            const AiGoal *go = &goals[i];
            if (go->weight <= 0) continue;          /* weight 0: switched off */
            int w = go->weight * 100;                /* scripts weigh 1..100, 10 = the main aim */
            if (w > 1000) w = 1000;
            int pl = go->place >= 0 && go->place < m->n_places ? go->place : -1;
            Hex h;
            switch (go->type) {
            case AIG_TAKE:
            case AIG_HOLD:
                if (pl < 0) break;
                h = m->places[pl].hex;
                if (mine_or_friend(g, me, g->places[pl].owner)) add_obj(ai, OBJ_HOLD, h, pl, -1, w, 0);
                else add_obj(ai, OBJ_TAKE, h, pl, -1, w, 0);
                break;
            case AIG_FLEE_TO:      /* leader -1: every leader of the faction */
                if (pl < 0) break;
                add_obj(ai, OBJ_FLEE, m->places[pl].hex, pl, go->leader, w, 0);
                break;
            case AIG_PROTECT_LEADER:  /* leader -1: every leader; the place is their refuge */
                if (go->leader >= 0 && leader_hex(ai, g, go->leader, &h))
                    add_obj(ai, OBJ_PROTECT, h, -1, go->leader, w, 0);
                else if (go->leader < 0) {
                    add_obj(ai, OBJ_PROTECT, pl >= 0 ? m->places[pl].hex : hex_make(0, 0), -1, -1, w, 0);
                    if (pl >= 0 && mine_or_friend(g, me, g->places[pl].owner))
                        add_obj(ai, OBJ_HOLD, m->places[pl].hex, pl, -1, w / 2, 0);
                }
                break;
            case AIG_MUSTER:          /* the army gathers round a place, to strike from there later */
                if (pl >= 0) add_obj(ai, OBJ_MUSTER, m->places[pl].hex, pl, -1, w, 0);
                break;
            case AIG_HUNT_LEADER:     /* leader -1: whoever leads the enemy near the place */
                if (go->leader >= 0 && leader_hex(ai, g, go->leader, &h))
                    add_obj(ai, OBJ_HUNT, h, -1, go->leader, w, 0);
                else if (pl >= 0)
                    add_obj(ai, OBJ_HUNT, m->places[pl].hex, pl, -1, w / 2, 0);
                break;
            }
        }
    }
    /* the places of the map: worth taking from the enemy, capitals worth keeping; when the
     * scenario names its prizes, the rest are worth only a detour */
    int named = 0, scored = 0;
    for (int i = 0; i < ai->n_obj; i++)
        if (ai->obj[i].kind == OBJ_TAKE && ai->obj[i].weight >= 300) named = 1;
    for (int i = 0; i < g->n_victory; i++)
        if (g->victory[i].type == VC_SCORE && mine_or_friend(g, me, g->victory[i].faction)) scored = 1;
    for (int p = 0; p < m->n_places; p++) {
        const MapPlace *mp = &m->places[p];
        int w;
        switch (mp->kind) {
        case PLACE_CAPITAL: w = 250; break;
        case PLACE_CITY: case PLACE_FORTRESS: w = 120; break;
        case PLACE_PASS: w = 80; break;
        case PLACE_TOWN: w = 60; break;
        default: w = 20; break;
        }
        w += g->places[p].vp * 30;
        if (named && g->places[p].vp <= 0) w /= scored ? 6 : 3;   /* points are what count */
        /* an enemy's supply source feeds our army once taken, and starves theirs */
        if (g->places[p].supply_source) w += 200;
        int o = g->places[p].owner;
        if (o >= 0 && game_is_enemy(g, me, o)) add_obj(ai, OBJ_TAKE, mp->hex, p, -1, w, 0);
        else if (o < 0 && g->places[p].vp > 0) add_obj(ai, OBJ_TAKE, mp->hex, p, -1, w / 2, 0);
        else if (mine_or_friend(g, me, o) && (mp->kind == PLACE_CAPITAL || g->places[p].supply_source))
            add_obj(ai, OBJ_HOLD, mp->hex, p, -1, mp->kind == PLACE_CAPITAL ? 400 : 150, 0);
    }
}

/* The movement-cost field towards the objectives to take or hunt, for class cls: each source
 * starts at a cost that grows as its weight falls, so that the big prizes draw from afar and
 * small ones only those near them. Falls back on the known enemies when there is nothing. */
const int *ai_field(Ai *ai, const Game *g, int cls)
{
    if (cls < 0 || cls >= UC_COUNT) cls = UC_INFANTRY;
    /* classes that pay the same for every terrain share one field */
    for (int c = 0; c < cls; c++) {
        int same = 1;
        for (int t = 0; t < TER_COUNT && same; t++)
            if (g->rules.terrain[t].move_cost[c] != g->rules.terrain[t].move_cost[cls]) same = 0;
        if (same) { cls = c; break; }
    }
    if (ai->field_ok[cls]) return ai->field[cls];
    int *f = ai->field[cls], n = ai->ncell;
    for (int i = 0; i < n; i++) f[i] = AI_INF;
    int plain = g->rules.terrain[TER_PLAIN].move_cost[cls];
    if (plain < 1 || plain >= MOVE_IMPASSABLE) plain = 1;
    ai->heap_n = 0;
    int seeds = 0;
    for (int i = 0; i < ai->n_obj; i++) {
        const AiObjective *o = &ai->obj[i];
        if (o->kind != OBJ_TAKE && o->kind != OBJ_HUNT && o->kind != OBJ_MUSTER) continue;
        if (!map_in_bounds(g->map, o->hex)) continue;
        int ci = map_index(g->map, o->hex);
        int start = (1000 - o->weight) * plain * 24 / 1000;
        if (start < f[ci]) { f[ci] = start; heap_push(ai, start, ci); seeds++; }
    }
    /* the enemy's army: battle is sought where no great prize is nearer (and is all there
     * is to seek when nothing else is) */
    int army = seeds ? (1000 - 300) * plain * 24 / 1000 : 0;
    for (int u = 0; u < g->n_units && u < GAME_MAX_UNITS; u++) {
        if (!ai->mem[u].known || !map_in_bounds(g->map, ai->mem[u].hex)) continue;
        if (!game_is_enemy(g, ai->faction, ai->mem[u].faction)) continue;
        int ci = map_index(g->map, ai->mem[u].hex);
        if (f[ci] > army) { f[ci] = army; heap_push(ai, army, ci); }
    }
    /* the cells of our units of this class: the field is needed around them only */
    int need_n = 0, slack = 0;
    for (int u = 0; u < g->n_units; u++) {
        const Unit *un = &g->units[u];
        if (!un->alive || un->faction != ai->faction || !map_in_bounds(g->map, un->hex)) continue;
        const UnitType *t = &g->rules.unit_types[un->type];
        int same = 1;
        for (int k = 0; k < TER_COUNT && same; k++)
            if (g->rules.terrain[k].move_cost[t->cls] != g->rules.terrain[k].move_cost[cls]) same = 0;
        if (!same) continue;
        int ci = map_index(g->map, un->hex);
        if (!ai->need[ci]) { ai->need[ci] = 1; need_n++; }
        if (t->move > slack) slack = t->move;
    }
    dijkstra(ai, g, cls, f, 1, AI_INF - 1000, need_n ? ai->need : NULL, need_n, slack * 2 + 4);
    for (int u = 0; u < g->n_units; u++)
        if (map_in_bounds(g->map, g->units[u].hex)) ai->need[map_index(g->map, g->units[u].hex)] = 0;
    ai->field_ok[cls] = 1;
    return f;
}

/* Infantry movement cost from the nearest friendly supply source, for every hex. */
void ai_supply_map(Ai *ai, const Game *g)
{
    int n = ai->ncell;
    for (int i = 0; i < n; i++) ai->supply[i] = AI_INF;
    ai->heap_n = 0;
    for (int p = 0; p < g->map->n_places; p++) {
        if (!g->places[p].supply_source) continue;
        if (!mine_or_friend(g, ai->faction, g->places[p].owner)) continue;
        Hex h = g->map->places[p].hex;
        if (!map_in_bounds(g->map, h)) continue;
        int ci = map_index(g->map, h);
        if (ai->supply[ci] > 0) { ai->supply[ci] = 0; heap_push(ai, 0, ci); }
    }
    int lim = g->rules.supply_range * 2 + 8;
    dijkstra(ai, g, UC_INFANTRY, ai->supply, 0, lim, NULL, 0, 0);
}

/* ================================================================ attacks */

/* The score of an attack from its preview, in hundredths of step-value: the expected
 * exchange of losses, plus the chance of rout, of capturing a leader, and of clearing a
 * place the AI wants. *accept is set when the defender's expected loss is at least
 * min_ratio10/10 times the attacker's (in value) and the score is positive. */
int ai_attack_score(const Ai *ai, const Game *g, const Command *c, const CombatPreview *p,
                    int min_ratio10, int *accept)
{
    *accept = 0;
    if (p->denom <= 0) return -AI_INF;
    int va = 0, na = 0;
    for (int i = 0; i < c->n_attackers; i++) { va += ai_step_value(g, c->attackers[i]); na++; }
    va = na ? va / na : 1;
    int d[AI_STACK_CAP];
    int nd = game_units_at(g, c->to, d, AI_STACK_CAP), vd = 0, cnt = 0, dsteps = 0, dval = 0;
    int hunted = 0;
    for (int i = 0; i < nd; i++) {
        const Unit *un = &g->units[d[i]];
        if (!game_is_enemy(g, ai->faction, un->faction)) continue;
        int v = ai_step_value(g, d[i]);
        vd += v; cnt++; dsteps += un->steps; dval += v * un->steps;
        if (un->leader >= 0)
            for (int k = 0; k < ai->n_obj; k++)
                if (ai->obj[k].kind == OBJ_HUNT && ai->obj[k].leader == un->leader) hunted = 1;
    }
    vd = cnt ? vd / cnt : 1;
    long give = (long)p->exp_att_loss_x100 * va;
    long take = (long)p->exp_def_loss_x100 * vd;
    long score = take - give;
    /* a rout dissolves what the step losses left */
    score += (long)p->p_rout * dval * 100 / p->denom / 2;
    score += (long)p->p_capture * vd * (hunted ? 4000 : 1000) / p->denom;
    int pl = map_place_at(g->map, c->to), prize = 0;
    if (pl >= 0 && ai_place_capturable(g, ai->faction, pl)) {
        /* a place the AI wants is worth a few steps of its own once the defenders are gone
         * from it (fallen back, routed or destroyed): a weight of 1000 is about three */
        int w = 0;
        for (int k = 0; k < ai->n_obj; k++)
            if (ai->obj[k].place == pl && ai->obj[k].weight > w) w = ai->obj[k].weight;
        int clear = 0;
        for (int k = 0; k < p->n; k++)
            if (p->out[k].retreat || p->out[k].rout || p->out[k].def_loss >= dsteps) clear += p->out[k].prob;
        score += (long)clear * w * va / 3 / p->denom;
        prize = w >= 300;
    }
    /* our lead attacker takes the losses: if it carries a leader, the chance that the unit
     * is destroyed or routs (the leader with it) weighs heavily, and a commander the
     * scenario counts is never staked on the dice unless the blow takes a hunted leader */
    int lead = c->n_attackers > 0 ? c->attackers[0] : -1;
    int lrisk = 0, lhurt = 0, lw = 0;
    if (lead >= 0 && lead < g->n_units && g->units[lead].leader >= 0) {
        const Unit *lu = &g->units[lead];
        int l = lu->leader;
        lw = 2;
        for (int k = 0; k < ai->n_obj; k++)
            if ((ai->obj[k].kind == OBJ_PROTECT || ai->obj[k].kind == OBJ_FLEE) &&
                (ai->obj[k].leader == l || (ai->obj[k].leader < 0 && l == ai->commander))) lw = 3;
        for (int k = 0; k < p->n; k++) {
            const CombatOutcome *o = &p->out[k];
            if (o->att_loss <= 0) continue;
            lhurt += o->prob;
            int coh = lu->cohesion - o->att_loss * g->rules.cohesion_loss_per_step;
            if (o->att_loss >= lu->steps || coh <= g->rules.rout_cohesion) lrisk += o->prob;
        }
        /* at the last chance (the game lost unless this turn's blows win it) a leader the
         * scenario does not count is staked like any other: his unit's steps are counted */
        if (lw == 2 && ai->urgent >= 2) lrisk = lhurt = 0;
        score -= (long)lrisk * va * (lw >= 3 ? 6000 : 2500) / p->denom;
        score -= (long)lhurt * va * (lw >= 3 ? 300 : 30) / p->denom;
    }
    int leader_ok = 1;
    if (lw >= 3 && !(hunted && p->p_capture * 2 >= p->denom)) {
        if (lrisk > 0 || lhurt * 4 > p->denom) leader_ok = 0;
    } else if (lw == 2 && lrisk * 12 > p->denom) leader_ok = 0;
    /* for a prize the scenario names, a dearer exchange is worth paying */
    if (prize) min_ratio10 /= 2;
    if (leader_ok && score > 0 && take * 10 >= give * min_ratio10 && p->exp_def_loss_x100 > 0) *accept = 1;
    if (score > AI_INF) score = AI_INF;
    if (score < -AI_INF) score = -AI_INF;
    return (int)score;
}

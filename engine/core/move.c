/* move.c - movement: step costs (terrain per unit class, rivers, roads, frost), the reachable
 * set and best path by Dijkstra with a (cost, hex index) tie-break, and the move command.
 * A step that must end the move (entering enemy ZOC, crossing an unfrozen major river) is
 * counted as spending all the unit's remaining points, which keeps one label per hex exact. */
#include <stdlib.h>
#include <string.h>
#include "core_internal.h"
#include "move.h"

/* ================================================================ reach buffers */

/* Buffers for map m; NULL when out of memory. Free with reach_free. */
Reach *reach_new(const Map *m)
{
    Reach *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    int n = map_count(m);
    r->n_cells = n;
    r->heap_cap = 6 * n + 8;
    r->cost = malloc((size_t)n * sizeof *r->cost);
    r->from = malloc((size_t)n * sizeof *r->from);
    r->stop = calloc((size_t)n, 1);
    r->list = malloc((size_t)n * sizeof *r->list);
    r->heap = malloc((size_t)r->heap_cap * 2 * sizeof *r->heap);
    r->blk = calloc((size_t)n, 1);
    r->blk_list = malloc((size_t)n * sizeof *r->blk_list);
    if (!r->cost || !r->from || !r->stop || !r->list || !r->heap || !r->blk || !r->blk_list) {
        reach_free(r);
        return NULL;
    }
    for (int i = 0; i < n; i++) { r->cost[i] = -1; r->from[i] = -1; }
    r->unit = -1;
    r->start = -1;
    return r;
}

/* Frees the buffers; NULL is fine. */
void reach_free(Reach *r)
{
    if (!r) return;
    free(r->cost); free(r->from); free(r->stop); free(r->list);
    free(r->heap); free(r->blk); free(r->blk_list);
    free(r);
}

/* ================================================================ step costs */

/* Cost of entering land terrain t across side for a class, given whether rivers are frozen;
 * *stops set when the crossing ends the move. The one place where the movement rules live. */
static inline int cross_cost(const Rules *r, Terrain t, MapSide side, UnitClass cls, int frozen,
                             int *stops)
{
    *stops = 0;
    if (side.flags & SIDE_ROAD) return r->road_cost;
    int cost = r->terrain[t].move_cost[cls];
    if (cost >= MOVE_IMPASSABLE) return MOVE_IMPASSABLE;
    if ((side.flags & SIDE_RIVER) && !frozen) {
        int crossing = (side.flags & (SIDE_FORD | SIDE_BRIDGE)) != 0;
        if ((side.flags & SIDE_RIVER_MAJOR) && !crossing && r->river_major_stops) *stops = 1;
        else cost += r->river_minor_cost;
    }
    return cost >= MOVE_IMPASSABLE ? MOVE_IMPASSABLE - 1 : cost;
}

/* Step cost for a class from a to b in direction dir (b in bounds), given whether rivers are
 * frozen; *stops set when the step ends the move. */
static int step_cost(const Game *g, UnitClass cls, Hex a, Hex b, int dir, int frozen, int *stops)
{
    const Map *m = g->map;
    *stops = 0;
    Terrain t = (Terrain)m->terrain[map_index(m, b)];
    if (t == TER_SEA || t == TER_LAKE) return MOVE_IMPASSABLE;
    return cross_cost(&g->rules, t, map_side(m, a, dir), cls, frozen, stops);
}

/* Cost for a unit class to step from a to adjacent b; *stops set when the step ends the move
 * (unfrozen major river without ford, bridge or road, when the rules say so). Ignores units. */
int movei_class_step_cost(const Game *g, UnitClass cls, Hex a, Hex b, int *stops)
{
    return movei_step_cost_frozen(g, cls, a, b, game_rivers_frozen(g), stops);
}

/* The same, with whether rivers are frozen already known (callers that walk many steps). */
int movei_step_cost_frozen(const Game *g, UnitClass cls, Hex a, Hex b, int frozen, int *stops)
{
    int st = 0;
    int dir = hex_dir_to(a, b);
    if (stops) *stops = 0;
    if (dir < 0 || !map_in_bounds(g->map, b) || (int)cls < 0 || cls >= UC_COUNT) return MOVE_IMPASSABLE;
    int c = step_cost(g, cls, a, b, dir, frozen, &st);
    if (stops) *stops = st;
    return c;
}

/* Cost for unit to step from a to adjacent b, or MOVE_IMPASSABLE; ignores ZOC and units. */
int move_step_cost(const Game *g, int unit, Hex a, Hex b)
{
    if (unit < 0 || unit >= g->n_units) return MOVE_IMPASSABLE;
    UnitClass cls = g->rules.unit_types[g->units[unit].type].cls;
    return movei_class_step_cost(g, cls, a, b, NULL);
}

/* ================================================================ Dijkstra */

/* Heap of (cost, index) pairs ordered by cost, then index. */
static int heap_less(const int *h, int i, int j)
{
    return h[2 * i] < h[2 * j] || (h[2 * i] == h[2 * j] && h[2 * i + 1] < h[2 * j + 1]);
}

static void heap_swap(int *h, int i, int j)
{
    int c = h[2 * i], x = h[2 * i + 1];
    h[2 * i] = h[2 * j]; h[2 * i + 1] = h[2 * j + 1];
    h[2 * j] = c; h[2 * j + 1] = x;
}

static void heap_push(Reach *r, int cost, int index)
{
    if (r->heap_n >= r->heap_cap) return; /* cannot happen: at most 6 pushes per hex */
    int i = r->heap_n++;
    r->heap[2 * i] = cost;
    r->heap[2 * i + 1] = index;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!heap_less(r->heap, i, p)) break;
        heap_swap(r->heap, i, p);
        i = p;
    }
}

static void heap_pop(Reach *r, int *cost, int *index)
{
    *cost = r->heap[0];
    *index = r->heap[1];
    r->heap_n--;
    if (r->heap_n == 0) return;
    r->heap[0] = r->heap[2 * r->heap_n];
    r->heap[1] = r->heap[2 * r->heap_n + 1];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, rt = l + 1, m = i;
        if (l < r->heap_n && heap_less(r->heap, l, m)) m = l;
        if (rt < r->heap_n && heap_less(r->heap, rt, m)) m = rt;
        if (m == i) break;
        heap_swap(r->heap, i, m);
        i = m;
    }
}

static void mark(Reach *r, int index, uint8_t bit)
{
    if (!r->blk[index]) r->blk_list[r->blk_n++] = index;
    r->blk[index] |= bit;
}

/* Clears the previous query's marks and labels (only the hexes it touched). */
static void reach_reset(Reach *r)
{
    for (int k = 0; k < r->n_list; k++) {
        int i = r->list[k];
        r->cost[i] = -1;
        r->from[i] = -1;
        r->stop[i] = 0;
    }
    r->n_list = 0;
    for (int k = 0; k < r->blk_n; k++) r->blk[r->blk_list[k]] = 0;
    r->blk_n = 0;
    r->heap_n = 0;
}

/* Marks hexes the mover cannot enter (non-friendly units) and enemy ZOC hexes (land only). */
static void mark_blockers(const Game *g, int faction, Reach *r, const uint8_t *seen)
{
    const Map *m = g->map;
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || game_is_friend(g, faction, u->faction)) continue;
        if (!map_in_bounds(m, u->hex)) continue;
        int idx = map_index(m, u->hex);
        if (seen && !seen[idx]) continue;
        mark(r, idx, 1);
        if (!game_is_enemy(g, faction, u->faction) || !g->rules.unit_types[u->type].zoc) continue;
        if (map_is_water(m, u->hex)) continue;
        for (int d = 0; d < HEX_DIRS; d++) {
            Hex n = hex_neighbor(u->hex, d);
            if (map_in_bounds(m, n) && !map_is_water(m, n)) mark(r, map_index(m, n), 2);
        }
    }
}

/* Fills r with every hex the unit can reach with its remaining points. */
void move_reach(const Game *g, int unit, Reach *r, const uint8_t *seen)
{
    reach_reset(r);
    r->unit = unit;
    r->start = -1;
    r->mp = 0;
    if (unit < 0 || unit >= g->n_units || !g->units[unit].alive) return;
    const Map *m = g->map;
    const Unit *u = &g->units[unit];
    if (!map_in_bounds(m, u->hex) || r->n_cells != map_count(m)) return;
    UnitClass cls = g->rules.unit_types[u->type].cls;
    if ((int)cls < 0 || cls >= UC_COUNT) return;
    int frozen = game_rivers_frozen(g);
    int mp = u->mp < 0 ? 0 : u->mp;
    r->mp = mp;
    mark_blockers(g, u->faction, r, seen);
    int start = map_index(m, u->hex);
    r->start = start;
    r->cost[start] = 0;
    heap_push(r, 0, start);
    const Rules *rules = &g->rules;
    const int w = m->w, hgt = m->h;
    /* odd-r neighbours by direction (E, NE, NW, W, SW, SE) as column/row offsets */
    static const int DC[2][HEX_DIRS] = { { 1, 0, -1, -1, -1, 0 }, { 1, 1, 0, -1, 0, 1 } };
    static const int DR[HEX_DIRS] = { 0, -1, -1, 0, 1, 1 };
    while (r->heap_n > 0) {
        int c, i;
        heap_pop(r, &c, &i);
        if (c != r->cost[i]) continue;          /* stale entry */
        r->list[r->n_list++] = i;
        if (r->stop[i] || c >= mp) continue;
        int col = i % w, row = i / w, odd = row & 1;
        for (int d = 0; d < HEX_DIRS; d++) {
            int nc_ = col + DC[odd][d], nr = row + DR[d];
            if (nc_ < 0 || nr < 0 || nc_ >= w || nr >= hgt) continue;
            int ni = nr * w + nc_;
            if (r->blk[ni] & 1) continue;
            Terrain t = (Terrain)m->terrain[ni];
            if (t == TER_SEA || t == TER_LAKE) continue;
            /* the hexside: stored by this hex for E/NE/NW, by the neighbour for W/SW/SE */
            MapSide side = d < 3 ? m->sides[i * 3 + d] : m->sides[ni * 3 + d - 3];
            int stops;
            int step = cross_cost(rules, t, side, cls, frozen, &stops);
            if (step >= MOVE_IMPASSABLE) continue;
            int nc = c + step;
            if (nc > mp) continue;
            if (stops || (r->blk[ni] & 2)) { stops = 1; nc = mp; }
            if (r->cost[ni] < 0 || nc < r->cost[ni]) {
                /* a settled hex never improves: costs only grow along the heap */
                r->cost[ni] = nc;
                r->from[ni] = i;
                r->stop[ni] = (uint8_t)stops;
                heap_push(r, nc, ni);
            }
        }
    }
}

/* Alive units at hex index, and whether any is not a friend of faction. */
static int stack_at(const Game *g, int index, int faction, int except, int *hostile)
{
    int n = 0;
    *hostile = 0;
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || i == except) continue;
        if (!map_in_bounds(g->map, u->hex) || map_index(g->map, u->hex) != index) continue;
        n++;
        if (!game_is_friend(g, faction, u->faction)) *hostile = 1;
    }
    return n;
}

/* Whether the unit may end its move at index: reached, not its start, no hostile units there
 * and room in the stack. */
int move_can_end(const Game *g, const Reach *r, int unit, int index)
{
    if (index < 0 || index >= r->n_cells || r->cost[index] < 0 || index == r->start) return 0;
    if (unit < 0 || unit >= g->n_units) return 0;
    int hostile;
    int n = stack_at(g, index, g->units[unit].faction, unit, &hostile);
    return !hostile && n < g->rules.stack_limit;
}

/* The best path to dest from a filled Reach, start to dest inclusive; 0 when unreachable. */
int move_path(const Game *g, const Reach *r, Hex dest, Hex *out, int cap)
{
    const Map *m = g->map;
    if (!map_in_bounds(m, dest) || r->n_cells != map_count(m)) return 0;
    int i = map_index(m, dest);
    if (r->cost[i] < 0) return 0;
    int n = 0;
    for (int k = i; k >= 0; k = r->from[k]) n++;
    if (n > cap) return 0;
    int pos = n;
    for (int k = i; k >= 0; k = r->from[k]) out[--pos] = map_hex_at(m, k);
    return n;
}

/* ================================================================ the move command
 * A move is planned with what the mover's faction sees (as the screen and the AI plan it),
 * then walked: an unseen enemy on the path halts the unit in the hex before it, and entering
 * the zone of control of an unseen enemy ends the move there; either way the unit loses its
 * remaining points. When the halt falls in a full friendly stack the unit stops earlier. */

/* Fills vis (map_count() bytes) with what faction sees, but only where the plan looks: the
 * hexes of units that are not its friends (mark_blockers and the destination test read
 * nothing else); every other byte is 0. Same answers as game_visibility there, at the cost
 * of one line-of-sight test per such hex instead of the whole map. */
static void plan_visibility(const Game *g, int faction, uint8_t *vis)
{
    const Map *m = g->map;
    memset(vis, 0, (size_t)map_count(m));
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (!u->alive || game_is_friend(g, faction, u->faction)) continue;
        if (!map_in_bounds(m, u->hex)) continue;
        int idx = map_index(m, u->hex);
        if (vis[idx] & 2) continue;     /* this hex is already answered */
        vis[idx] = (uint8_t)(2 | (gamei_hex_seen(g, faction, u->hex) ? 1 : 0));
    }
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        if (u->alive && map_in_bounds(m, u->hex)) vis[map_index(m, u->hex)] &= 1;
    }
}

/* Visible-knowledge plan of a move: fills vis and r. CMD_OK when the move may be ordered. */
static CmdResult plan_move(const Game *g, const Command *c, Reach *r, uint8_t *vis)
{
    if (c->unit < 0 || c->unit >= g->n_units) return CMD_ERR_BAD_UNIT;
    const Unit *u = &g->units[c->unit];
    if (!u->alive || u->faction != c->faction) return CMD_ERR_BAD_UNIT;
    if (!map_in_bounds(g->map, c->to)) return CMD_ERR_OFF_MAP;
    if (u->mp <= 0) return CMD_ERR_NO_MOVES_LEFT;
    if (hex_eq(u->hex, c->to)) return CMD_ERR_UNREACHABLE;
    if (!r || !vis) return CMD_ERR_BAD_COMMAND;
    plan_visibility(g, u->faction, vis);
    int di = map_index(g->map, c->to), hostile;
    int n = stack_at(g, di, u->faction, c->unit, &hostile);
    if (hostile && vis[di]) return CMD_ERR_OCCUPIED;
    move_reach(g, c->unit, r, vis);
    if (r->cost[di] < 0) return CMD_ERR_UNREACHABLE;
    if (!hostile && n >= g->rules.stack_limit) return CMD_ERR_STACK_FULL;
    return CMD_OK;
}

/* Validates a move command (faction and turn are checked by game_check). */
CmdResult movei_check(const Game *g, const Command *c)
{
    Reach *r = reach_new(g->map);
    uint8_t *vis = malloc((size_t)map_count(g->map));
    CmdResult res = plan_move(g, c, r, vis);
    free(vis);
    reach_free(r);
    return res;
}

/* Applies a checked move: plans it, walks it (see above), pays the cost, and takes the place
 * where the unit stops when its owner is an enemy or nobody. Hooks after each change. */
void movei_apply(Game *g, const Command *c)
{
    Reach *r = reach_new(g->map);
    uint8_t *vis = malloc((size_t)map_count(g->map));
    Hex *path = r ? malloc(((size_t)r->n_cells + 1) * sizeof *path) : NULL;
    if (!path || plan_move(g, c, r, vis) != CMD_OK) {
        free(path); free(vis); reach_free(r);
        return;
    }
    Unit *u = &g->units[c->unit];
    int faction = u->faction;
    int n = move_path(g, r, c->to, path, r->n_cells + 1);
    int end = n - 1, halted = 0, hostile;
    for (int i = 1; i < n; i++) {
        stack_at(g, map_index(g->map, path[i]), faction, c->unit, &hostile);
        if (hostile) { end = i - 1; halted = 1; break; }
        /* an unseen zone of control: the plan did not stop here, the ground does */
        if (!r->stop[map_index(g->map, path[i])] && game_enemy_zoc(g, faction, path[i])) {
            end = i;
            halted = 1;
            break;
        }
    }
    while (end > 0 && stack_at(g, map_index(g->map, path[end]), faction, c->unit, &hostile) >=
                          g->rules.stack_limit)
        end--;
    int ei = map_index(g->map, path[end]);
    if (halted) u->mp = 0;
    else u->mp = r->stop[ei] ? 0 : u->mp - r->cost[ei];
    if (u->mp < 0) u->mp = 0;
    Hex dest = path[end];
    u->hex = dest;
    u->moved = 1;
    free(path); free(vis); reach_free(r);
    if (halted) {
        char label[96];
        gamei_unit_label(g, c->unit, label, sizeof label);
        gamei_logf(g, GEV_MESSAGE, faction, "%s runs into an unseen enemy and halts", label);
    }
    if (end == 0) return;
    gamei_fire(g, HOOK_UNIT_MOVED, c->unit, 0, 0, dest);
    if (g->over) return;
    u = &g->units[c->unit];
    if (!u->alive || !hex_eq(u->hex, dest) || u->faction != faction) return;
    int p = map_place_at(g->map, dest);
    if (p < 0) return;
    int owner = g->places[p].owner;
    if (owner == faction) return;
    if (owner < 0 || game_is_enemy(g, faction, owner)) gamei_capture_place(g, p, faction);
}

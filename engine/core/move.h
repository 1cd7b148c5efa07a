/* move.h - movement: the cost of stepping from hex to hex for a unit, the reachable set and
 * the best path (Dijkstra with a deterministic tie-break), shared by game_apply, the screen
 * and the AI. Zones of control: entering a hex in an enemy ZOC ends the move; crossing an
 * unfrozen major river without ford or bridge ends the move (rules.river_major_stops).
 * A step costs the class's terrain cost, plus river_minor_cost across a minor river (or a
 * major one with ford or bridge), or road_cost along a road side whatever else is there;
 * frozen rivers cost nothing extra. A step that ends the move counts as spending all the
 * unit's remaining points (cost[] shows that), which keeps the search exact with one label
 * per hex. A unit needs the full cost of a step in hand to take it.
 * game_apply plans a CMD_MOVE with what the mover's faction sees (game_visibility), as the
 * screen and the AI do, then walks it: an unseen enemy on the path halts the unit in the hex
 * before it, and entering an unseen enemy's ZOC ends the move there (remaining points lost,
 * a GEV_MESSAGE logged). So a move planned with move_reach(..., seen) is always accepted. */
#ifndef GYR_MOVE_H
#define GYR_MOVE_H
#include "game.h"

/* A reachable set. Buffers sized map_count(); reuse one Reach for many queries (no allocation
 * after reach_new). Caller frees with reach_free. */
typedef struct Reach {
    int n_cells;
    int *cost;          /* movement points spent to get there; -1 when unreachable */
    int *from;          /* previous hex index on the best path, -1 at the start */
    uint8_t *stop;      /* 1 when the unit must stop there (ZOC, river) */
    int *list;          /* the reached hex indices in order of discovery */
    int n_list;
    int unit;
    /* internal: heap */
    int *heap; int heap_n;
    /* internal (move.c): heap entries are (cost, index) pairs, heap_cap of them; blk marks
     * hexes held by non-friendly units (1) and in enemy ZOC (2), blk_list says which to clear */
    int heap_cap;
    uint8_t *blk;
    int *blk_list; int blk_n;
    int mp;             /* the movement points the set was computed for */
    int start;          /* hex index of the unit at the time of the query */
} Reach;

Reach *reach_new(const Map *m);
void reach_free(Reach *r);

/* Cost for unit u to step from a to adjacent b, or MOVE_IMPASSABLE. Ignores ZOC and other units. */
int move_step_cost(const Game *g, int unit, Hex a, Hex b);
/* Fill r with every hex unit can reach this turn with its remaining mp. Hexes held by enemy
 * units are not entered; friendly stacks may be passed through but not ended in when full.
 * 'seen' (optional, map_count() bytes) limits knowledge to what the faction sees: unseen
 * enemies are ignored (the move will find them). */
void move_reach(const Game *g, int unit, Reach *r, const uint8_t *seen);
/* Whether the unit may end its move at index i of r (reached, stack not full). */
int move_can_end(const Game *g, const Reach *r, int unit, int index);
/* Path from the unit's hex to dest out of a filled Reach: hexes from start to dest inclusive.
 * Returns the count, or 0 when dest is unreachable. */
int move_path(const Game *g, const Reach *r, Hex dest, Hex *out, int cap);

#endif

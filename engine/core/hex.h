/* hex.h - axial hex coordinates for a pointy-top grid: neighbours, distance, lines, rings.
 * r grows southwards (screen down), q eastwards. Integers only; no state. */
#ifndef GYR_HEX_H
#define GYR_HEX_H

typedef struct Hex { int q, r; } Hex;

/* Directions, pointy-top: 0 E, 1 NE, 2 NW, 3 W, 4 SW, 5 SE. (d+3)%6 is the opposite side. */
enum { HEX_E, HEX_NE, HEX_NW, HEX_W, HEX_SW, HEX_SE, HEX_DIRS };

Hex hex_make(int q, int r);
int hex_eq(Hex a, Hex b);
Hex hex_neighbor(Hex h, int dir);
/* Direction from a to an adjacent b, or -1 when b is not adjacent. */
int hex_dir_to(Hex a, Hex b);
int hex_distance(Hex a, Hex b);
/* Hexes on the straight line from a to b inclusive, written to out (room for hex_distance+1). Returns count. */
int hex_line(Hex a, Hex b, Hex *out, int cap);
/* The ring of hexes at exactly radius from c (6*radius of them, 1 when radius 0). Returns count. */
int hex_ring(Hex c, int radius, Hex *out, int cap);

/* Offset storage ("odd-r": odd rows shifted half a hex east). col,row <-> axial. */
Hex hex_from_offset(int col, int row);
void hex_to_offset(Hex h, int *col, int *row);

#endif

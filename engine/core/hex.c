/* hex.c - axial hex arithmetic for the pointy-top grid: neighbours, distance, lines, rings,
 * and the "odd-r" offset layout used for storage. Pure integer code, no state. */
#include "hex.h"

static const Hex DIRS[HEX_DIRS] = { {1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1} };

/* Builds a hex from axial q, r. */
Hex hex_make(int q, int r) { Hex h = { q, r }; return h; }

/* Whether two hexes are the same. */
int hex_eq(Hex a, Hex b) { return a.q == b.q && a.r == b.r; }

/* The neighbour of h in direction dir (taken modulo 6). */
Hex hex_neighbor(Hex h, int dir)
{
    dir = ((dir % HEX_DIRS) + HEX_DIRS) % HEX_DIRS;
    return hex_make(h.q + DIRS[dir].q, h.r + DIRS[dir].r);
}

/* Direction from a to b when adjacent, else -1. */
int hex_dir_to(Hex a, Hex b)
{
    for (int d = 0; d < HEX_DIRS; d++)
        if (b.q - a.q == DIRS[d].q && b.r - a.r == DIRS[d].r) return d;
    return -1;
}

static int iabs(int x) { return x < 0 ? -x : x; }

/* Number of steps between a and b. */
int hex_distance(Hex a, Hex b)
{
    int dq = a.q - b.q, dr = a.r - b.r, ds = -dq - dr;
    int m = iabs(dq);
    if (iabs(dr) > m) m = iabs(dr);
    if (iabs(ds) > m) m = iabs(ds);
    return m;
}

/* floor(a / b) for b > 0. */
static long long floordiv(long long a, long long b)
{
    long long q = a / b;
    if ((a % b != 0) && (a < 0)) q--;
    return q;
}

/* Hexes on the line from a to b. Cube interpolation in integers: coordinates are scaled by
 * n*16 and nudged by +1, +2, -3 sixteenths so that no coordinate ever lies on a rounding tie. */
int hex_line(Hex a, Hex b, Hex *out, int cap)
{
    int n = hex_distance(a, b), count = 0;
    if (n == 0) {
        if (cap > 0) out[count++] = a;
        return count;
    }
    long long ax = a.q, az = a.r, ay = -ax - az;
    long long bx = b.q, bz = b.r, by = -bx - bz;
    const long long K = 16, S = (long long)n * K;
    for (int i = 0; i <= n && count < cap; i++) {
        long long X = (ax * n + (bx - ax) * i) * K + 1;
        long long Y = (ay * n + (by - ay) * i) * K + 2;
        long long Z = (az * n + (bz - az) * i) * K - 3;
        long long rx = floordiv(2 * X + S, 2 * S);
        long long ry = floordiv(2 * Y + S, 2 * S);
        long long rz = floordiv(2 * Z + S, 2 * S);
        long long ex = rx * S - X, ey = ry * S - Y, ez = rz * S - Z;
        if (ex < 0) ex = -ex;
        if (ey < 0) ey = -ey;
        if (ez < 0) ez = -ez;
        if (ex > ey && ex > ez) rx = -ry - rz;
        else if (ey > ez) ry = -rx - rz;
        else rz = -rx - ry;
        out[count++] = hex_make((int)rx, (int)rz);
    }
    return count;
}

/* The ring at radius around c, starting south-west and walking counter-clockwise from E. */
int hex_ring(Hex c, int radius, Hex *out, int cap)
{
    int count = 0;
    if (radius < 0) return 0;
    if (radius == 0) {
        if (cap > 0) out[count++] = c;
        return count;
    }
    Hex h = hex_make(c.q + DIRS[HEX_SW].q * radius, c.r + DIRS[HEX_SW].r * radius);
    for (int d = 0; d < HEX_DIRS; d++)
        for (int j = 0; j < radius; j++) {
            if (count < cap) out[count++] = h;
            h = hex_neighbor(h, d);
        }
    return count;
}

/* Offset (odd-r) column/row to axial. */
Hex hex_from_offset(int col, int row)
{
    return hex_make(col - (row - (row & 1)) / 2, row);
}

/* Axial to offset (odd-r) column/row. */
void hex_to_offset(Hex h, int *col, int *row)
{
    *col = h.q + (h.r - (h.r & 1)) / 2;
    *row = h.r;
}

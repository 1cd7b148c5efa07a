/* render_fixture.h - a small made-up map and game for the render tests: every terrain, a coast
 * and a lake, two major rivers and a minor one on hexsides, a road with a bridge, places of every
 * kind, and units of every class for three factions. Known positions let tests sample pixels. */
#ifndef GYR_RENDER_FIXTURE_H
#define GYR_RENDER_FIXTURE_H
#include <math.h>
#include <string.h>
#include "game.h"
#include "map.h"

#define FIX_W 60
#define FIX_H 40

/* The river between rows FIX_RIVER_ROW-1 and FIX_RIVER_ROW, columns 4..40. */
#define FIX_RIVER_ROW 20

static Hex fix_hex(int col, int row) { return hex_from_offset(col, row); }

/* Terrain by region: sea in the east, a lake, mountains and hills in a band, forest north,
 * steppe and desert west, farmland south, marsh near the coast. */
static Terrain fix_terrain(int col, int row)
{
    double x = col, y = row;
    double coast = 48 + 4 * sin(y * 0.35) + 2 * cos(y * 0.9);
    if (x > coast) return TER_SEA;
    if ((x - 30) * (x - 30) + (y - 8) * (y - 8) * 2.0 < 10) return TER_LAKE;
    if (x > coast - 3 && y > 22) return TER_MARSH;
    if (y > 12 && y < 16 && x > 8 && x < 30) return (col + row) % 5 == 0 ? TER_HILLS : TER_MOUNTAINS;
    if (y > 10 && y < 19 && x >= 30 && x < 36) return TER_HILLS;
    if (y < 10 && x > 34) return TER_FOREST;
    if (x < 8) return y < 20 ? TER_DESERT : TER_SAND;
    if (x < 22 && y < 12) return TER_STEPPE;
    if (y > 26) return TER_FARMLAND;
    if (y > 20 && x > 36) return TER_FOREST;
    return TER_PLAIN;
}

static Map *fixture_map(void)
{
    Map *m = map_new(FIX_W, FIX_H, TER_PLAIN);
    if (!m) return NULL;
    for (int row = 0; row < FIX_H; row++)
        for (int col = 0; col < FIX_W; col++) map_set_terrain(m, fix_hex(col, row), fix_terrain(col, row));
    int songhua = map_add_river(m, "Songhua");
    int liao = map_add_river(m, "Liao");
    int minor = map_add_river(m, "Lalin");
    /* an east-west major river: the NE and NW sides of row FIX_RIVER_ROW */
    for (int col = 4; col <= 40; col++) {
        Hex h = fix_hex(col, FIX_RIVER_ROW);
        if (map_is_water(m, h)) break;
        map_set_side(m, h, HEX_NE, SIDE_RIVER_MAJOR, (uint8_t)songhua);
        map_set_side(m, h, HEX_NW, SIDE_RIVER_MAJOR, (uint8_t)songhua);
    }
    /* a north-south major river: the boundary of the hexes west of a wavy line, rows 21..39 */
    for (int row = 21; row < FIX_H; row++) {
        for (int col = 0; col < FIX_W; col++) {
            Hex h = fix_hex(col, row);
            double line = 26 + 3 * sin(row * 0.4);
            int west = col < line;
            for (int d = 0; d < 6; d++) {
                Hex o = hex_neighbor(h, d);
                if (!map_in_bounds(m, o)) continue;
                int col2, row2;
                hex_to_offset(o, &col2, &row2);
                if (row2 < 21) continue;
                int west2 = col2 < 26 + 3 * sin(row2 * 0.4);
                if (west && !west2) map_set_side(m, h, d, SIDE_RIVER_MAJOR, (uint8_t)liao);
            }
        }
    }
    /* a minor river: the SE and SW sides of row 30, columns 30..44 */
    for (int col = 30; col <= 44; col++) {
        Hex h = fix_hex(col, 30);
        map_set_side(m, h, HEX_SE, SIDE_RIVER_MINOR, (uint8_t)minor);
        map_set_side(m, h, HEX_SW, SIDE_RIVER_MINOR, (uint8_t)minor);
    }
    /* a road from (10,30) to (40,24) across the rivers, bridged */
    Hex a = fix_hex(10, 30), b = fix_hex(40, 24);
    Hex line[128];
    int n = hex_line(a, b, line, 128);
    for (int i = 0; i + 1 < n; i++) {
        int d = hex_dir_to(line[i], line[i + 1]);
        if (d < 0) continue;
        MapSide s = map_side(m, line[i], d);
        uint8_t f = s.flags | SIDE_ROAD;
        if (s.flags & SIDE_RIVER) f |= SIDE_BRIDGE;
        map_set_side(m, line[i], d, f, s.river);
    }
    static const struct { const char *id, *name, *hanzi, *owner; PlaceKind k; int col, row; } pl[] = {
        { "shangjing", "Shangjing", "\xE4\xB8\x8A\xE4\xBA\xAC", "liao", PLACE_CAPITAL, 16, 24 },
        { "ningjiang", "Ningjiang", "\xE5\xAE\x81\xE6\xB1\x9F", "liao", PLACE_FORTRESS, 40, 16 },
        { "huanglong", "Huanglong", "\xE9\xBB\x84\xE9\xBE\x99", "liao", PLACE_CITY, 34, 28 },
        { "huining", "Huining", "\xE4\xBC\x9A\xE5\xAE\x81", "jurchen", PLACE_TOWN, 42, 6 },
        { "juyong", "Juyong Pass", "\xE5\xB1\x85\xE5\xBA\xB8\xE5\x85\xB3", "liao", PLACE_PASS, 20, 14 },
        { "chuhedian", "Chuhedian", "\xE5\x87\xBA\xE6\xB2\xB3\xE5\xBA\x97", "liao", PLACE_CAMP, 24, 6 },
        { "site", "Old Site", "\xE6\x97\xA7\xE5\x9D\x80", "song", PLACE_SITE, 12, 34 },
        { "xijing", "Xijing", "\xE8\xA5\xBF\xE4\xBA\xAC", "liao", PLACE_CAPITAL, 6, 8 },
    };
    for (size_t i = 0; i < sizeof pl / sizeof pl[0]; i++) {
        MapPlace p;
        memset(&p, 0, sizeof p);
        snprintf(p.id, sizeof p.id, "%s", pl[i].id);
        snprintf(p.name, sizeof p.name, "%s", pl[i].name);
        snprintf(p.hanzi, sizeof p.hanzi, "%s", pl[i].hanzi);
        snprintf(p.owner1114, sizeof p.owner1114, "%s", pl[i].owner);
        p.kind = pl[i].k;
        p.hex = fix_hex(pl[i].col, pl[i].row);
        map_add_place(m, &p);
    }
    return m;
}

/* A game on the fixture map: Jin (vermillion, sun), Liao (blue, wolf), rebels (purple, lotus);
 * Jin units of every class around (38..42, 10..14), Liao units around Shangjing, one stack of 3. */
static Game *fixture_game(const Map *m)
{
    Game *g = game_new(m, 7);
    if (!g) return NULL;
    int jin = game_add_faction(g, "jin", "Jurchen Jin", 0xD55E00);
    int liao = game_add_faction(g, "liao", "Khitan Liao", 0x0072B2);
    int reb = game_add_faction(g, "rebels", "Balhae rebels", 0xCC79A7);
    snprintf(g->factions[jin].emblem, sizeof g->factions[jin].emblem, "sun");
    snprintf(g->factions[liao].emblem, sizeof g->factions[liao].emblem, "wolf");
    snprintf(g->factions[reb].emblem, sizeof g->factions[reb].emblem, "lotus");
    game_set_relation(g, jin, liao, REL_WAR);
    game_set_relation(g, jin, reb, REL_NEUTRAL);
    game_set_relation(g, liao, reb, REL_WAR);
    for (int t = 0; t < 5 && t < g->rules.n_unit_types; t++)
        game_add_unit(g, t, jin, fix_hex(38 + t, 12 + (t & 1)), 3 + t % 2);
    int u0 = game_add_unit(g, 0, liao, fix_hex(16, 24), 4);
    game_add_unit(g, 2, liao, fix_hex(16, 24), 3);
    game_add_unit(g, 3, liao, fix_hex(16, 24), 2);
    game_add_unit(g, 1, liao, fix_hex(20, 22), 4);
    game_add_unit(g, 2, reb, fix_hex(44, 30), 2);
    int ag = game_add_leader(g, "aguda", "Wanyan Aguda", 3, jin);
    game_attach_leader(g, ag, 0);
    int tz = game_add_leader(g, "tianzuo", "Tianzuo", 1, liao);
    game_attach_leader(g, tz, u0);
    /* places held by their 1114 owners */
    for (int p = 0; p < m->n_places; p++) {
        const char *o = m->places[p].owner1114;
        game_set_place_owner(g, p, !strcmp(o, "jurchen") ? jin : !strcmp(o, "liao") ? liao : -1);
    }
    g->units[1].cohesion = 40;
    g->units[2].cohesion = 15;
    game_start(g);
    return g;
}

#endif

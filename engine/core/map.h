/* map.h - the static hex map: terrain per hex, rivers and roads on hexsides, named places.
 * Immutable once built; games point to one shared Map. Who owns a place during play is game
 * state (game.h), not map state. The text file format and the geography builder live in
 * mapio.h and mapbuild.h. */
#ifndef GYR_MAP_H
#define GYR_MAP_H
#include <stdint.h>
#include "hex.h"

/* Terrain kinds are a fixed set (the map file names them); their costs and effects are
 * rules data from scripts/rules/terrain.lua (see rules.h). */
typedef enum {
    TER_SEA, TER_LAKE, TER_PLAIN, TER_FARMLAND, TER_STEPPE, TER_FOREST, TER_HILLS,
    TER_MOUNTAINS, TER_MARSH, TER_DESERT, TER_SAND, TER_COUNT
} Terrain;

/* Flags on a hexside. A river is minor or major; a ford or bridge lets a major river be
 * crossed at minor cost; a road on a side makes the crossing cost the road cost. */
enum {
    SIDE_RIVER_MINOR = 1 << 0,
    SIDE_RIVER_MAJOR = 1 << 1,
    SIDE_ROAD        = 1 << 2,
    SIDE_FORD        = 1 << 3,
    SIDE_BRIDGE      = 1 << 4,
    SIDE_COAST       = 1 << 5  /* land on one side, sea or lake on the other (derived) */
};
#define SIDE_RIVER (SIDE_RIVER_MINOR | SIDE_RIVER_MAJOR)

typedef enum { PLACE_TOWN, PLACE_CITY, PLACE_CAPITAL, PLACE_FORTRESS, PLACE_PASS,
               PLACE_CAMP, PLACE_SITE, PLACE_KIND_COUNT } PlaceKind;

#define MAP_ID_LEN 32
#define MAP_NAME_LEN 48
#define MAP_MAX_PLACES 256
#define MAP_MAX_RIVERS 64

typedef struct MapPlace {
    char id[MAP_ID_LEN];        /* stable ascii id: "shangjing", "ningjiang" */
    char name[MAP_NAME_LEN];    /* pinyin, UTF-8: "Shangjing" */
    char hanzi[MAP_NAME_LEN];   /* UTF-8: "上京" */
    PlaceKind kind;
    Hex hex;
    int32_t lat_e6, lon_e6;     /* source coordinates, micro-degrees */
    char owner1114[MAP_ID_LEN]; /* faction id holding it in 1114: "liao", "jurchen", "song", "xia", "goryeo" */
    char note[96];              /* e.g. "site disputed: Bodu chosen over Sidaomen" */
} MapPlace;

typedef struct MapSide { uint8_t flags; uint8_t river; /* index into rivers[], 0 = none */ } MapSide;

/* A political border of 1114 as a line in latitude/longitude, for drawing (who holds a hex
 * during play is game state). Added by the map builder; maps without borders have none. */
#define MAP_MAX_BORDERS 16
#define MAP_BORDER_POINTS 64
typedef struct MapBorder {
    char id[MAP_ID_LEN];        /* "song_liao" */
    char name[MAP_NAME_LEN];    /* "Song-Liao border (1005)" */
    char note[96];
    int n;
    int32_t lat_e6[MAP_BORDER_POINTS], lon_e6[MAP_BORDER_POINTS];
} MapBorder;

typedef struct Map {
    int w, h;                   /* offset grid: columns, rows ("odd-r") */
    uint8_t *terrain;           /* w*h Terrain values, by offset index */
    MapSide *sides;             /* w*h*3: sides E, NE, NW owned by each hex */
    int n_places;
    MapPlace places[MAP_MAX_PLACES];
    int16_t *place_at;          /* w*h: place index or -1 */
    int n_rivers;
    char rivers[MAP_MAX_RIVERS][MAP_NAME_LEN]; /* [0] = "" */
    /* projection parameters (see proj.h); zero when the map is not geographic (test maps) */
    int geographic;
    int32_t origin_x_m, origin_y_m;  /* projected metres of hex (0,0) centre */
    int32_t hex_size_m;              /* centre-to-centre distance in metres (20000) */
    int n_borders;                   /* borders of 1114 (map builder; zero on test maps) */
    MapBorder borders[MAP_MAX_BORDERS];
} Map;

/* Allocate a w*h map of one terrain, no sides, no places. Caller frees with map_free. */
Map *map_new(int w, int h, Terrain fill);
void map_free(Map *m);

int map_in_bounds(const Map *m, Hex h);
/* Offset index of an in-bounds hex; undefined for hexes off the map (check first). */
int map_index(const Map *m, Hex h);
Hex map_hex_at(const Map *m, int index);
int map_count(const Map *m);            /* w*h */
Terrain map_terrain(const Map *m, Hex h); /* TER_SEA off the map */
void map_set_terrain(Map *m, Hex h, Terrain t);
int map_is_water(const Map *m, Hex h);  /* sea or lake, or off the map */

/* The side of h in direction dir (any of the 6), resolved to the hex that stores it.
 * Sides off the map read as empty. */
MapSide map_side(const Map *m, Hex h, int dir);
void map_set_side(Map *m, Hex h, int dir, uint8_t flags, uint8_t river);

/* Places. map_add_place fills place_at too; returns the index or -1 when full/off map. */
int map_add_place(Map *m, const MapPlace *p);
int map_place_at(const Map *m, Hex h);  /* -1 when none */
int map_find_place(const Map *m, const char *id); /* -1 when unknown */
int map_add_river(Map *m, const char *name); /* returns index (>=1) */

const char *terrain_id(Terrain t);      /* "plain", "steppe", ... */
int terrain_from_id(const char *id);    /* -1 when unknown */
const char *place_kind_id(PlaceKind k);
int place_kind_from_id(const char *id);

#endif

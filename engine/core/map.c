/* map.c - the static hex map: allocation, terrain per hex, hexside flags (each hex stores its
 * E, NE and NW sides), named places and rivers, and the ids of terrain and place kinds. */
#include <stdlib.h>
#include <string.h>
#include "map.h"

/* A new w*h map filled with one terrain; NULL on bad size or no memory. Free with map_free. */
Map *map_new(int w, int h, Terrain fill)
{
    if (w <= 0 || h <= 0 || w > 4096 || h > 4096) return NULL;
    Map *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->w = w;
    m->h = h;
    size_t n = (size_t)w * (size_t)h;
    m->terrain = malloc(n);
    m->sides = calloc(n * 3, sizeof *m->sides);
    m->place_at = malloc(n * sizeof *m->place_at);
    if (!m->terrain || !m->sides || !m->place_at) {
        map_free(m);
        return NULL;
    }
    memset(m->terrain, (int)fill, n);
    for (size_t i = 0; i < n; i++) m->place_at[i] = -1;
    m->n_rivers = 1;
    m->rivers[0][0] = '\0';
    return m;
}

/* Frees the map and its arrays; NULL is fine. */
void map_free(Map *m)
{
    if (!m) return;
    free(m->terrain);
    free(m->sides);
    free(m->place_at);
    free(m);
}

/* Whether h lies on the offset grid. */
int map_in_bounds(const Map *m, Hex h)
{
    int col, row;
    hex_to_offset(h, &col, &row);
    return col >= 0 && row >= 0 && col < m->w && row < m->h;
}

/* Offset index of h; does not check bounds. */
int map_index(const Map *m, Hex h)
{
    int col, row;
    hex_to_offset(h, &col, &row);
    return row * m->w + col;
}

/* The hex at an offset index; does not check the index. */
Hex map_hex_at(const Map *m, int index) { return hex_from_offset(index % m->w, index / m->w); }

/* Number of hexes. */
int map_count(const Map *m) { return m->w * m->h; }

/* Terrain of h, sea when off the map. */
Terrain map_terrain(const Map *m, Hex h)
{
    if (!map_in_bounds(m, h)) return TER_SEA;
    return (Terrain)m->terrain[map_index(m, h)];
}

/* Sets the terrain of h; ignores hexes off the map and bad terrain values. */
void map_set_terrain(Map *m, Hex h, Terrain t)
{
    if (!map_in_bounds(m, h) || (int)t < 0 || t >= TER_COUNT) return;
    m->terrain[map_index(m, h)] = (uint8_t)t;
}

/* Whether h is sea, lake or off the map. */
int map_is_water(const Map *m, Hex h)
{
    Terrain t = map_terrain(m, h);
    return t == TER_SEA || t == TER_LAKE;
}

/* Which stored slot holds side dir of h: the hex itself for E/NE/NW, the neighbour for W/SW/SE.
 * Returns -1 when that hex is off the map. */
static int side_slot(const Map *m, Hex h, int dir)
{
    dir = ((dir % HEX_DIRS) + HEX_DIRS) % HEX_DIRS;
    if (dir >= 3) {
        h = hex_neighbor(h, dir);
        dir -= 3;
    }
    if (!map_in_bounds(m, h)) return -1;
    return map_index(m, h) * 3 + dir;
}

/* The side of h in direction dir; empty when stored off the map. */
MapSide map_side(const Map *m, Hex h, int dir)
{
    MapSide none = { 0, 0 };
    int s = side_slot(m, h, dir);
    return s < 0 ? none : m->sides[s];
}

/* Sets the side of h in direction dir; ignored when the storing hex is off the map. */
void map_set_side(Map *m, Hex h, int dir, uint8_t flags, uint8_t river)
{
    int s = side_slot(m, h, dir);
    if (s < 0) return;
    m->sides[s].flags = flags;
    m->sides[s].river = river;
}

/* Adds a place (copied); -1 when the map is full, the hex is off the map or already has one. */
int map_add_place(Map *m, const MapPlace *p)
{
    if (m->n_places >= MAP_MAX_PLACES || !map_in_bounds(m, p->hex)) return -1;
    int i = map_index(m, p->hex);
    if (m->place_at[i] >= 0) return -1;
    m->places[m->n_places] = *p;
    m->places[m->n_places].id[MAP_ID_LEN - 1] = '\0';
    m->places[m->n_places].name[MAP_NAME_LEN - 1] = '\0';
    m->place_at[i] = (int16_t)m->n_places;
    return m->n_places++;
}

/* Place index at h, -1 when none or off the map. */
int map_place_at(const Map *m, Hex h)
{
    if (!map_in_bounds(m, h)) return -1;
    return m->place_at[map_index(m, h)];
}

/* Place index by id, -1 when unknown. */
int map_find_place(const Map *m, const char *id)
{
    if (!id) return -1;
    for (int i = 0; i < m->n_places; i++)
        if (strcmp(m->places[i].id, id) == 0) return i;
    return -1;
}

/* Adds a river name (or finds it); returns its index >= 1, or -1 when the table is full. */
int map_add_river(Map *m, const char *name)
{
    if (!name) return -1;
    if (m->n_rivers < 1) m->n_rivers = 1;
    for (int i = 1; i < m->n_rivers; i++)
        if (strcmp(m->rivers[i], name) == 0) return i;
    if (m->n_rivers >= MAP_MAX_RIVERS) return -1;
    strncpy(m->rivers[m->n_rivers], name, MAP_NAME_LEN - 1);
    m->rivers[m->n_rivers][MAP_NAME_LEN - 1] = '\0';
    return m->n_rivers++;
}

static const char *const TERRAIN_IDS[TER_COUNT] = {
    "sea", "lake", "plain", "farmland", "steppe", "forest", "hills", "mountains", "marsh",
    "desert", "sand"
};
static const char *const PLACE_IDS[PLACE_KIND_COUNT] = {
    "town", "city", "capital", "fortress", "pass", "camp", "site"
};

/* Id of a terrain kind, "?" when out of range. */
const char *terrain_id(Terrain t)
{
    return ((int)t >= 0 && t < TER_COUNT) ? TERRAIN_IDS[t] : "?";
}

/* Terrain kind of an id, -1 when unknown. */
int terrain_from_id(const char *id)
{
    if (!id) return -1;
    for (int i = 0; i < TER_COUNT; i++)
        if (strcmp(TERRAIN_IDS[i], id) == 0) return i;
    return -1;
}

/* Id of a place kind, "?" when out of range. */
const char *place_kind_id(PlaceKind k)
{
    return ((int)k >= 0 && k < PLACE_KIND_COUNT) ? PLACE_IDS[k] : "?";
}

/* Place kind of an id, -1 when unknown. */
int place_kind_from_id(const char *id)
{
    if (!id) return -1;
    for (int i = 0; i < PLACE_KIND_COUNT; i++)
        if (strcmp(PLACE_IDS[i], id) == 0) return i;
    return -1;
}

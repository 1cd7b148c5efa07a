/* hash.c - game_hash: FNV-1a 64 over an explicit canonical serialisation of the game state.
 * Every field is written in a fixed order with a fixed width (little-endian integers,
 * length-prefixed strings); raw structs (padding) and the hook are never hashed. */
#include <string.h>
#include "core_internal.h"

typedef struct { uint64_t h; } Fnv;

static void put_byte(Fnv *f, uint8_t b)
{
    f->h ^= b;
    f->h *= 0x100000001b3ULL;
}

static void put_u32(Fnv *f, uint32_t v)
{
    for (int i = 0; i < 4; i++) put_byte(f, (uint8_t)(v >> (8 * i)));
}

static void put_i32(Fnv *f, int v) { put_u32(f, (uint32_t)v); }

static void put_u64(Fnv *f, uint64_t v)
{
    for (int i = 0; i < 8; i++) put_byte(f, (uint8_t)(v >> (8 * i)));
}

/* A string up to its NUL within cap, length first. */
static void put_str(Fnv *f, const char *s, size_t cap)
{
    size_t n = 0;
    while (n < cap && s[n]) n++;
    put_u32(f, (uint32_t)n);
    for (size_t i = 0; i < n; i++) put_byte(f, (uint8_t)s[i]);
}

#define PUT_STR(f, a) put_str((f), (a), sizeof(a))

static void put_hex(Fnv *f, Hex h) { put_i32(f, h.q); put_i32(f, h.r); }

static void put_rules(Fnv *f, const Rules *r)
{
    put_i32(f, r->n_unit_types);
    for (int i = 0; i < r->n_unit_types && i < RULES_MAX_UNIT_TYPES; i++) {
        const UnitType *t = &r->unit_types[i];
        PUT_STR(f, t->id);
        PUT_STR(f, t->name);
        put_i32(f, t->cls); put_i32(f, t->max_steps); put_i32(f, t->attack);
        put_i32(f, t->defence); put_i32(f, t->move); put_i32(f, t->sight); put_i32(f, t->zoc);
    }
    for (int t = 0; t < TER_COUNT; t++) {
        for (int c = 0; c < UC_COUNT; c++) put_byte(f, r->terrain[t].move_cost[c]);
        put_i32(f, r->terrain[t].defence_pct);
        put_i32(f, r->terrain[t].cavalry_open);
        put_i32(f, r->terrain[t].blocks_sight);
    }
    const int scalars[] = {
        r->road_cost, r->river_minor_cost, r->river_major_stops, r->river_defence_pct,
        r->fort_defence_pct, r->cavalry_open_pct, r->leader_pct_per_rating, r->stack_limit,
        r->supply_range, r->cohesion_max, r->cohesion_loss_unsupplied, r->cohesion_recover,
        r->cohesion_loss_per_step, r->rout_cohesion, r->exp_per_battle, r->exp_pct_per_level,
        r->freeze_from_month, r->freeze_from_day, r->freeze_to_month, r->freeze_to_day,
        r->capture_leader_in6, r->crt_cols
    };
    for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++) put_i32(f, scalars[i]);
    for (int s = 0; s < 4; s++)
        for (int c = 0; c < UC_COUNT; c++) put_i32(f, r->season_pct[s][c]);
    for (int c = 0; c < r->crt_cols && c < CRT_MAX_COLS; c++) {
        put_i32(f, r->crt_ratio10[c]);
        for (int row = 0; row < CRT_ROWS; row++) {
            const CrtResult *e = &r->crt[c][row];
            put_byte(f, e->att_loss); put_byte(f, e->def_loss);
            put_byte(f, e->retreat); put_byte(f, e->rout);
        }
    }
}

/* FNV-1a 64 of the canonical serialisation of everything but the map contents and the hook. */
uint64_t game_hash(const Game *g)
{
    Fnv f = { 0xcbf29ce484222325ULL };
    put_u32(&f, 0x47595231u); /* "GYR1": version of this serialisation */
    put_i32(&f, g->map->w);
    put_i32(&f, g->map->h);
    put_i32(&f, g->map->n_places);
    put_rules(&f, &g->rules);
    put_u64(&f, g->rng.state);
    put_u64(&f, g->rng.inc);
    put_u64(&f, g->seed);
    PUT_STR(&f, g->scenario_id);
    put_i32(&f, g->start_year); put_i32(&f, g->start_month); put_i32(&f, g->start_day);
    put_i32(&f, g->turn_days); put_i32(&f, g->turn); put_i32(&f, g->max_turns);
    put_i32(&f, g->active); put_i32(&f, g->over); put_i32(&f, g->winner);
    PUT_STR(&f, g->outcome);
    put_i32(&f, g->started); put_i32(&f, g->script_logs);

    put_i32(&f, g->n_factions);
    for (int i = 0; i < g->n_factions; i++) {
        const Faction *fa = &g->factions[i];
        PUT_STR(&f, fa->id); PUT_STR(&f, fa->name); PUT_STR(&f, fa->hanzi);
        put_u32(&f, fa->color); PUT_STR(&f, fa->emblem);
        put_i32(&f, fa->alive); put_i32(&f, fa->playable); put_i32(&f, fa->controller);
        PUT_STR(&f, fa->ai_kind); put_i32(&f, fa->score);
        put_i32(&f, g->overlord[i]);
        for (int j = 0; j < g->n_factions; j++) put_byte(&f, g->relation[i][j]);
    }
    put_i32(&f, g->n_units);
    for (int i = 0; i < g->n_units; i++) {
        const Unit *u = &g->units[i];
        put_i32(&f, u->alive); put_i32(&f, u->type); put_i32(&f, u->faction); put_hex(&f, u->hex);
        put_i32(&f, u->steps); put_i32(&f, u->mp); put_i32(&f, u->cohesion); put_i32(&f, u->exp);
        put_i32(&f, u->leader); put_i32(&f, u->attacked); put_i32(&f, u->moved);
        put_i32(&f, u->supplied); PUT_STR(&f, u->name); PUT_STR(&f, u->tag);
    }
    put_i32(&f, g->n_leaders);
    for (int i = 0; i < g->n_leaders; i++) {
        const Leader *l = &g->leaders[i];
        PUT_STR(&f, l->id); PUT_STR(&f, l->name); PUT_STR(&f, l->hanzi);
        put_i32(&f, l->rating); put_i32(&f, l->faction); put_i32(&f, l->state); put_i32(&f, l->unit);
    }
    for (int i = 0; i < g->map->n_places && i < MAP_MAX_PLACES; i++) {
        put_i32(&f, g->places[i].owner);
        put_i32(&f, g->places[i].supply_source);
        put_i32(&f, g->places[i].vp);
    }
    put_i32(&f, g->n_victory);
    for (int i = 0; i < g->n_victory; i++) {
        const VictoryCond *v = &g->victory[i];
        put_i32(&f, v->type); put_i32(&f, v->faction); put_i32(&f, v->target);
        put_i32(&f, v->value); PUT_STR(&f, v->text);
    }
    const PendingChoice *c = &g->choice;
    put_i32(&f, c->active);
    if (c->active) {
        put_i32(&f, c->id); put_i32(&f, c->faction); PUT_STR(&f, c->question);
        put_i32(&f, c->n_options);
        for (int i = 0; i < c->n_options && i < GAME_MAX_CHOICE_OPTIONS; i++) PUT_STR(&f, c->options[i]);
        put_i32(&f, c->ai_default);
    }
    put_i32(&f, g->n_log);
    put_i32(&f, g->log_dropped);
    for (int i = 0; i < g->n_log && i < GAME_MAX_EVENTS; i++) {
        const LogEntry *e = &g->log[i];
        put_i32(&f, e->turn); put_i32(&f, e->type); put_i32(&f, e->faction);
        PUT_STR(&f, e->text); PUT_STR(&f, e->note);
    }
    return f.h;
}

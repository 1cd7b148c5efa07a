/* rng.h - the game's one random number generator (PCG32), part of the game state.
 * Seeded from the save/replay header; nothing else in the core draws randomness. */
#ifndef GYR_RNG_H
#define GYR_RNG_H
#include <stdint.h>

typedef struct Rng { uint64_t state, inc; } Rng;

void rng_seed(Rng *r, uint64_t seed);
uint32_t rng_next(Rng *r);
/* Uniform integer in [0, n) without modulo bias; n >= 1. */
uint32_t rng_range(Rng *r, uint32_t n);

#endif

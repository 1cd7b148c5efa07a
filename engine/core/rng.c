/* rng.c - PCG32 (O'Neill's permuted congruential generator, XSH RR variant), the one source
 * of randomness in the core. Its state is part of the game and is hashed and cloned with it. */
#include "rng.h"

#define PCG_MULT 6364136223846793005ULL

/* Seeds the generator; the stream is fixed so that one 64-bit seed names a whole game. */
void rng_seed(Rng *r, uint64_t seed)
{
    r->state = 0;
    r->inc = (0xda3e39cb94b95bdbULL << 1) | 1u;
    rng_next(r);
    r->state += seed;
    rng_next(r);
}

/* Next 32 random bits. */
uint32_t rng_next(Rng *r)
{
    uint64_t old = r->state;
    r->state = old * PCG_MULT + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

/* Uniform in [0, n) by rejection of the biased low range; n == 0 is treated as 1. */
uint32_t rng_range(Rng *r, uint32_t n)
{
    if (n <= 1) return 0;
    uint32_t threshold = (uint32_t)(-n) % n;
    for (;;) {
        uint32_t x = rng_next(r);
        if (x >= threshold) return x % n;
    }
}

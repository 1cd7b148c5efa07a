/* tournament.h - `gyrfalcon --tournament`: many seeded computer-against-computer games of
 * one scenario, headless, with each side's win rate and its 95% Wilson interval, the mean
 * length, and how often each kind of scripted event fired. */
#ifndef GYR_TOURNAMENT_H
#define GYR_TOURNAMENT_H
#include <stdint.h>

/* Plays games seeded first_seed, first_seed+1, ... with ai_spec (NULL = "all": the default
 * AI on every side) and prints the table (one JSON object with json). Returns the exit
 * status: 0, or 1 with a one-line reason on stderr. */
int tournament_run(const char *scenario, int games, const char *ai_spec, int json, uint64_t first_seed);

/* The 95% Wilson score interval of wins out of n, in parts per million (for display). */
void tournament_wilson(int wins, int n, int *low_ppm, int *high_ppm);

#endif

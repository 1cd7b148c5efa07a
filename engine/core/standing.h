/* standing.h - each side's standing as read from a game: units, strength, places, points.
 * One source for every figure a summary shows (the window's objectives panel and end screen,
 * the headless summary), so that they never disagree. Read-only: changes nothing. */
#ifndef GYR_STANDING_H
#define GYR_STANDING_H
#include "game.h"

typedef struct GameStanding {
    int units;          /* alive */
    int units_total;    /* ever had (alive or not) */
    int strength;       /* sum of game_unit_strength over alive units */
    int places;         /* places owned, of any worth */
    int place_points;   /* victory points (place vp) of the places owned */
    int score;          /* points given by the script (gyr.score) */
    int points;         /* score + place_points: the running score against a "score" aim */
} GameStanding;

/* Fills out for faction f (zeros for a bad index). */
void game_standing(const Game *g, int f, GameStanding *out);

#endif

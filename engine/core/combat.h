/* combat.h - attacks: strengths with their modifiers, the exact preview (the whole
 * distribution of outcomes, by enumerating every draw) and the resolution (the same draws,
 * from the game RNG). One attack: up to GAME_MAX_ATTACKERS adjacent units against every unit
 * in the target hex. Draws: 2d6 on the results table, then a d6 for each leader at risk. */
#ifndef GYR_COMBAT_H
#define GYR_COMBAT_H
#include "game.h"

typedef struct CombatSetup {
    int attack, defence;        /* modified strengths */
    int ratio10;                /* attack*10/defence */
    int column;                 /* results table column */
    int drm;                    /* modifier to the 2d6 roll (cohesion, experience) */
    int att_pct, def_pct;       /* total percentage modifiers, for display */
    int river, fortified, open_cavalry; /* flags, for display */
    int can_retreat;            /* the defender has somewhere to go */
    int def_leader;             /* leader in the defending hex at risk, -1 none */
} CombatSetup;

/* One possible outcome, with its probability as a fraction of denom. */
typedef struct CombatOutcome {
    int att_loss, def_loss;     /* steps */
    int retreat, rout, leader_captured;
    int prob;                   /* numerator; denominator is CombatPreview.denom */
} CombatOutcome;

#define COMBAT_MAX_OUTCOMES 64

typedef struct CombatPreview {
    CombatSetup setup;
    int denom;                  /* 216 (36 x 6) */
    int n;                      /* distinct outcomes, most likely first (ties in table order) */
    CombatOutcome out[COMBAT_MAX_OUTCOMES];
    /* summaries, as fractions of denom */
    int p_def_loses, p_att_loses, p_retreat, p_rout, p_capture;
    int exp_att_loss_x100, exp_def_loss_x100; /* expected step losses x100 (integer) */
} CombatPreview;

/* Validate an attack as game_apply would; CMD_OK when legal. */
CmdResult combat_check(const Game *g, const Command *c);
/* Fill the exact distribution of outcomes of a legal attack. Returns its check result. */
CmdResult combat_preview(const Game *g, const Command *c, CombatPreview *p);
/* Draw one outcome from the game RNG (no state change other than the RNG). Used by game_apply. */
CombatOutcome combat_draw(Game *g, const Command *c, CombatSetup *setup_out);

#endif

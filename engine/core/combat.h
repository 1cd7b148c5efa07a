/* combat.h - attacks: strengths with their modifiers, the exact preview (the whole
 * distribution of outcomes, by enumerating every draw) and the resolution (the same draws,
 * from the game RNG). One attack: up to GAME_MAX_ATTACKERS adjacent units against every unit
 * in the target hex. Draws: 2d6 on the results table, then one d6 for the leaders at risk.
 *
 * The rules as implemented (combat.c):
 * - attack = sum over attackers of steps*attack*(100+pct)/100, pct = season_pct[season][class]
 *   + cavalry_open_pct (cavalry against open terrain) + best attacking leader rating *
 *   leader_pct_per_rating + (exp/100)*exp_pct_per_level. defence likewise with steps*defence and
 *   terrain defence_pct + river_defence_pct (every attacker across an unfrozen river side) +
 *   fort_defence_pct (city, capital, fortress, pass) + best defending leader + experience.
 * - column: the last whose crt_ratio10 <= attack*10/defence. DRM from cohesion: the attackers'
 *   mean minus the defenders' mean, *4/cohesion_max, clamped to -2..+2; row = 2d6 + DRM
 *   clamped to 2..12.
 * - losses: the lead attacker (attackers[0]) takes the attacker's; each defender step goes to
 *   the strongest defender still standing (steps*defence, ties to the lower index). Each step
 *   lost costs cohesion_loss_per_step; a unit that lost steps and is at or below rout_cohesion
 *   routs. Rout on the table dissolves every defender.
 * - retreat: each surviving defender, in index order, moves to the neighbour of the target
 *   that is land, enterable, holds no unit hostile to it, is outside enemy ZOC, is not next to
 *   any attacker and has stack room (farthest from the attackers first, then hex index); one
 *   that cannot loses one more step instead. The winner never advances.
 * - a leader whose unit is destroyed or routs is captured when the d6 <= capture_leader_in6,
 *   else escapes to the nearest leaderless friendly unit within 3 hexes, else is killed (the
 *   same die serves the lead attacker's leader should that unit die).
 * - attackers lose their remaining movement points and may not attack again this turn;
 *   survivors on both sides gain exp_per_battle.
 * - the attacker won (HOOK_BATTLE's c = 1, the script's attacker_won) when the target hex is
 *   cleared (every defender destroyed, routed or fallen back, whatever the attacker lost:
 *   a 1-for-1 exchange that destroys a one-step defender is a win), or the defenders lost
 *   more steps than the attacker, or retreated, or routed. Otherwise it lost. */
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

/* campaign.h - campaigns: a chain of scenarios for one side (scripts/campaigns/ID.lua), the
 * interludes between them, and what carries from one to the next (the steps tagged units
 * lost and their experience, leaders who are gone). */
#ifndef GYR_CAMPAIGN_H
#define GYR_CAMPAIGN_H
#include <stddef.h>
#include "game.h"
#include "record.h"

#define CAMPAIGN_MAX_STEPS 16
#define CAMPAIGN_MAX_CARRY 48

typedef struct CampaignStep {
    char scenario[GAME_ID_LEN];
    char interlude[2048];       /* shown before this step; may be empty */
} CampaignStep;

typedef struct Campaign {
    char id[GAME_ID_LEN], title[96], years[24], side[GAME_ID_LEN];
    char briefing[4096];
    char path[512];
    int n_steps;
    CampaignStep steps[CAMPAIGN_MAX_STEPS];
    int n_carry_units;
    char carry_units[CAMPAIGN_MAX_CARRY][GAME_ID_LEN];
    int n_carry_leaders;
    char carry_leaders[CAMPAIGN_MAX_CARRY][GAME_ID_LEN];
} Campaign;

/* Read a campaign file in a sandbox (text chunks only, no libraries but base/string/table,
 * an instruction budget). 0 on success, else -1 with "FILE:LINE: message" in err. */
int campaign_load(const char *path, Campaign *out, char *err, size_t errlen);
/* Update carry (the one the scenario was started with) from the finished scenario g: for the
 * campaign side's tagged units, the steps they ended with (0 when destroyed or gone over),
 * the larger experience, and the steps lost added up over the campaign (Unit.start_steps
 * minus the steps at the end, on top of the losses before; never below 0). A unit destroyed
 * in an earlier scenario stays destroyed; a tag the scenario lacks keeps its entry. Leaders
 * killed or captured are added. */
void campaign_collect(const Campaign *c, const Game *g, Carry *carry);
/* Apply carry to a game that is set up but not started (called by the session): each tagged
 * unit with an entry starts with its scenario steps minus the steps lost so far (at least 1,
 * at most the type's), or is gone when it was destroyed; experience is the larger of both;
 * gone leaders are gone. An entry read from an older record (lost < 0) sets the steps. */
void campaign_apply_carry(const Carry *carry, Game *g);
/* The same rule for one unit, e.g. one that arrives during play (gyr.reinforce): the entry
 * for its tag and ordinal (its place among the units with that tag, dead ones too), if any.
 * NULL carry, a bad index, a dead or untagged unit: nothing happens. */
void campaign_apply_carry_unit(const Carry *carry, Game *g, int unit);

#endif

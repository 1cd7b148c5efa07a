/* campaign.h - campaigns: a chain of scenarios for one side (scripts/campaigns/ID.lua), the
 * interludes between them, and what carries from one to the next (surviving strength and
 * experience of tagged units, leaders who are gone). */
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
/* Update carry from a finished scenario: the campaign side's tagged units and leaders. */
void campaign_collect(const Campaign *c, const Game *g, Carry *carry);
/* Apply carry to a game that is set up but not started (called by the session). */
void campaign_apply_carry(const Carry *carry, Game *g);

#endif

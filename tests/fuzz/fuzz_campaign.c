/* fuzz_campaign.c - libFuzzer target for campaign files (campaign_load): the input is written
 * to a temporary .lua file and loaded in the campaign sandbox, whose instruction budget must
 * stop endless loops. Built and run by test_fuzz_loaders.sh. */
#include <stdint.h>
#include "fuzz_common.h"
#include "campaign.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_setup();
    return 0;
}

/* One input: load it as a campaign; a refusal must name the file and line. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Campaign c;
    char err[1024];
    const char *path = fz_write("fuzz_campaign.lua", data, size);
    if (campaign_load(path, &c, err, sizeof err) != 0) {
        if (!err[0]) { fprintf(stderr, "fuzz: campaign_load failed without a message\n"); abort(); }
        return 0;
    }
    if (!c.id[0] || c.n_steps < 1 || c.n_steps > CAMPAIGN_MAX_STEPS) abort();
    return 0;
}

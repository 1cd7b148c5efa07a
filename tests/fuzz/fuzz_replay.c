/* fuzz_replay.c - libFuzzer target for replays: the input is parsed as a record and, when it
 * parses, re-simulated with session_replay_to, so every tampered command reaches game_apply
 * (which must refuse what is wrong, never crash). Seeds are real recordings of test_skirmish.
 * Built and run by test_fuzz_loaders.sh. */
#include <stdint.h>
#include "fuzz_common.h"
#include "session.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fz_setup();
    return 0;
}

/* One input: parse, then replay to the end; a refusal must come with a message. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Record r;
    char err[1024];
    if (record_parse(&r, (const char *)data, size, "fuzz.rec", err, sizeof err)) return 0;
    err[0] = 0;
    Session *s = session_replay_to(&r, 0, err, sizeof err);
    if (getenv("FUZZ_VERBOSE")) fprintf(stderr, "replay: %s\n", s ? "ok" : err);
    if (s) session_free(s);
    else if (!err[0]) { fprintf(stderr, "fuzz: replay refused without a message\n"); abort(); }
    record_free(&r);
    return 0;
}

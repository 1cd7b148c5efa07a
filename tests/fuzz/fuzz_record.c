/* fuzz_record.c - libFuzzer target for the save/replay parser (record_parse) on arbitrary
 * bytes. A record that parses must print to text that parses back to the same text; a refused
 * one must say "NAME:LINE: message". Built and run by test_fuzz_loaders.sh. */
#include <stdint.h>
#include "fuzz_common.h"
#include "record.h"

/* One input: parse, and on success check the text round trip. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Record r, r2;        /* large (carry tables): keep them off the stack */
    char err[512];
    if (record_parse(&r, (const char *)data, size, "fuzz.rec", err, sizeof err)) {
        fz_expect_located("record_parse", err, "fuzz.rec");
        record_free(&r);
        return 0;
    }
    size_t n1 = 0, n2 = 0;
    char *t1 = record_to_text(&r, &n1);
    if (!t1) abort();
    if (record_parse(&r2, t1, n1, "written.rec", err, sizeof err)) {
        fprintf(stderr, "fuzz: a parsed record does not parse once written: %s\n", err);
        abort();
    }
    char *t2 = record_to_text(&r2, &n2);
    if (!t2 || n1 != n2 || memcmp(t1, t2, n1)) { fprintf(stderr, "fuzz: record text/parse/text differs\n"); abort(); }
    free(t1);
    free(t2);
    record_free(&r2);
    record_free(&r);
    return 0;
}

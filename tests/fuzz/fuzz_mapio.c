/* fuzz_mapio.c - libFuzzer target for the hex map parser (mapio_parse) on arbitrary bytes.
 * A map that parses must write back to text that parses again to the same text; a refused one
 * must say "NAME:LINE: message". Built and run by test_fuzz_loaders.sh. */
#include <stdint.h>
#include "fuzz_common.h"
#include "mapio.h"

/* One input: parse, and on success check the write/parse round trip. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    Map *m = mapio_parse((const char *)data, size, "fuzz.map", err, sizeof err);
    if (!m) {
        fz_expect_located("mapio_parse", err, "fuzz.map");
        return 0;
    }
    size_t n1 = 0, n2 = 0;
    char *t1 = mapio_write(m, &n1);
    if (!t1) abort();
    Map *m2 = mapio_parse(t1, n1, "written.map", err, sizeof err);
    if (!m2) { fprintf(stderr, "fuzz: a parsed map does not parse once written: %s\n", err); abort(); }
    char *t2 = mapio_write(m2, &n2);
    if (!t2 || n1 != n2 || memcmp(t1, t2, n1)) { fprintf(stderr, "fuzz: map write/parse/write differs\n"); abort(); }
    free(t1);
    free(t2);
    map_free(m2);
    map_free(m);
    return 0;
}

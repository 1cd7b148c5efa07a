/* driver.c - plays one scenario computer-against-computer and prints the final state hash.
 * Built by test_compilers.sh with gcc and clang at -O0 and -O2: all four must agree. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include "session.h"

int main(int argc, char **argv)
{
    if (argc != 3) { fprintf(stderr, "usage: driver SCENARIO SEED\n"); return 2; }
    char err[1024];
    Session *s = session_new(argv[1], strtoull(argv[2], NULL, 10), "all", 1, err, sizeof err);
    if (!s) { fprintf(stderr, "driver: %s\n", err); return 1; }
    session_run_ai(s, 0);
    printf("%016" PRIx64 " turn %d\n", game_hash(s->game), s->game->turn);
    session_free(s);
    return 0;
}

/* bench.h - gyrfalcon --bench: the performance figures stated in the README. */
#ifndef GYR_BENCH_H
#define GYR_BENCH_H

/* Runs every measurement and prints them (one flat JSON object with --json). Returns the
 * exit code. */
int bench_run(int json);

#endif

/* Small random legal combinational circuits as BLIF, from a seed: the
 * corners a user's file may hold (constants, buffers, inverters,
 * tautological covers such as "--- 1", OFF-set covers, don't-cares, outputs
 * that are inputs, outputs driven by constants, unused inputs), for tests
 * (tests/flow/test_random.c) and the benchmark bench/random.sh. No output
 * is listed twice. */
#ifndef LW_GEN_H
#define LW_GEN_H

#include <stdint.h>
#include <stdio.h>

/* Write circuit number `seed` as BLIF to f (the same seed, the same file). */
void lw_gen_blif(uint64_t seed, FILE *f);
/* The same into the file at path; 0 on success. */
int lw_gen_blif_file(uint64_t seed, const char *path);

#endif

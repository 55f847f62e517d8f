/* Which circuits a bench run covers: a named suite found in a benchmarks
 * folder, or files and folders given on the command line. */
#ifndef LW_BENCH_SUITE_H
#define LW_BENCH_SUITE_H

#include "lowwear/bench.h"
#include "report/result.h"

/* Fill name, suite, path and index (selection order) of each circuit of the
 * run, before sharding. Suites: "paper" (docs/method.md section 5, default),
 * "epfl" and "lgsynth91" (its halves), "epfl-all" (the 20 EPFL circuits). */
lw_status lw_bench_suite_resolve(const lw_bench_params *params,
                                 lw_bench_circuits *out, lw_error *err);

#endif

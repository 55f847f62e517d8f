/* The protocol on one circuit, run inside a worker process: each flow at
 * its minimum row, every flow at the largest minimum of the paper's three,
 * every program verified. */
#ifndef LW_BENCH_RUNNER_H
#define LW_BENCH_RUNNER_H

#include <stddef.h>

#include "lowwear/bench.h"
#include "report/result.h"

/* Told when a stage starts: flow NULL for "read". */
typedef void (*lw_bench_progress)(void *ctx, const char *flow,
                                  const char *stage);

/* c holds name, suite, path and index; the rest is filled. Never fails as a
 * call: a failure is recorded in c (status, error). */
void lw_bench_run_circuit(const lw_bench_params *params, lw_bench_circuit *c,
                          lw_bench_progress progress, void *ctx);

/* The options a circuit's results depend on, as text kept in its JSON: a
 * result is reused by a later run only when they are equal. */
void lw_bench_options_text(const lw_bench_params *params, char *buf, size_t n);

#endif

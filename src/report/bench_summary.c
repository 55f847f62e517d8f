/* bench's closing line: how many circuits ran, failed, where the reports
 * are. */
#include <stdio.h>

#include "lowwear/bench.h"

char *lw_bench_summary(const lw_bench_params *params,
                       const lw_bench_stats *stats, int merged, char *buf,
                       size_t n) {
  if (merged)
    snprintf(buf, n, "lowwear bench: merged %u circuits into %s",
             stats->circuits, params->out_dir);
  else
    snprintf(buf, n,
             "lowwear bench: %u circuits (%u run, %u already done) in %.1f s; "
             "%u failed verification, %u failed; reports in %s",
             stats->circuits, stats->ran, stats->skipped, stats->seconds,
             stats->unverified, stats->failed, params->out_dir);
  return buf;
}

/* The report files of a bench output folder, each written atomically from
 * the circuits' results (sorted as lw_bench_result_sort leaves them). */
#ifndef LW_REPORT_WRITERS_H
#define LW_REPORT_WRITERS_H

#include <stdio.h>

#include "lowwear/bench.h"
#include "report/result.h"

/* results.csv: one row per circuit and flow (csv.c). */
lw_status lw_report_csv(const lw_bench_circuits *cs, const char *path,
                        lw_error *err);
/* table4.md: the paper's Table 4, ours beside the published rows, and
 * summary.md: suite averages against the published ones (tables.c). */
lw_status lw_report_table4(const lw_bench_circuits *cs, const char *path,
                           lw_error *err);
lw_status lw_report_summary(const lw_bench_circuits *cs, const char *path,
                            lw_error *err);
/* fig8.svg .. fig11.svg in dir (svg.c): latency EPFL, latency LGSynth91,
 * toggle EPFL, toggle LGSynth91. */
lw_status lw_report_figures(const lw_bench_circuits *cs, const char *dir,
                            lw_error *err);

typedef struct lw_report_meta {
  const lw_bench_params *params;
  uint32_t circuits;
  double seconds;            /* wall time of the run; < 0 for a merge */
  const char *const *merged; /* shard folders of a merge, or NULL */
  uint32_t nmerged;
} lw_report_meta;
/* meta.json: versions (ABC's from `abc -c version`), options, date. */
lw_status lw_report_meta_json(const lw_report_meta *meta, const char *path,
                              lw_error *err);

/* Every report above into dir (all.c). */
lw_status lw_report_all(const lw_bench_circuits *cs, const lw_report_meta *m,
                        const char *dir, lw_error *err);

/* Open path atomically (file.c), let emit write it, commit (or abort when
 * emit returns non-zero or the stream has an error). */
lw_status lw_report_write_file(const char *path,
                               int (*emit)(FILE *out, const void *ctx),
                               const void *ctx, lw_error *err);

#endif

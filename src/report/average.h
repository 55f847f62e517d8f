/* Reductions against a base flow and their suite averages: the numbers that
 * table4.md, summary.md and the figures share, computed in one place. */
#ifndef LW_REPORT_AVERAGE_H
#define LW_REPORT_AVERAGE_H

#include "report/published.h"
#include "report/result.h"

/* Percent decrease of value against base (positive = smaller); NAN when
 * base is not positive. */
double lw_report_reduction(double value, double base);

/* The metric of one flow on one circuit; NAN when the flow has no verified
 * program there. */
double lw_report_metric(const lw_bench_circuit *c, lw_flow_id flow,
                        lw_pub_metric metric);

/* Reduction of flow against base on one circuit; NAN when either is NAN. */
double lw_report_circuit_reduction(const lw_bench_circuit *c,
                                   lw_pub_metric metric, lw_flow_id flow,
                                   lw_flow_id base);

typedef struct lw_report_average {
  double mean, lo, hi; /* NAN when n == 0 */
  uint32_t n;          /* circuits that count */
} lw_report_average;

/* Arithmetic mean (as the paper averages) of the per-circuit reductions over
 * the circuits of suite (NULL: all). */
lw_report_average lw_report_suite_average(const lw_bench_circuits *cs,
                                          const char *suite,
                                          lw_pub_metric metric, lw_flow_id flow,
                                          lw_flow_id base);

/* Name for column headers and labels: "latency", "toggle", "flips". */
const char *lw_report_metric_name(lw_pub_metric metric);
/* Display name of a flow: "lowwear", "LOSSS", "SIMPLER", "lowwear-wide". */
const char *lw_report_flow_label(lw_flow_id flow);
/* Display name of a suite: "EPFL", "LGSynth91", or the suite itself. */
const char *lw_report_suite_label(const char *suite);

#endif

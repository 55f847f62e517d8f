/* The flows of lowwear sweep, shared by the run (bench/sweep.c) and the
 * writers (report/sweep.c). */
#ifndef LW_REPORT_SWEEP_FLOWS_H
#define LW_REPORT_SWEEP_FLOWS_H

#include <stddef.h>

#include "lowwear/lowwear.h"

/* The flows of a sweep: the three of the paper, lowwear-wide, then the
 * low-wear flows with wear control (left out with --no-wear-control), each
 * with the colour of its points in the Pareto SVG. One row per flow: a flow
 * without a colour does not compile. */
#define SWEEP_FLOWS(F)                                                         \
  F("simpler", LW_FLOW_SIMPLER, 0, "#d62728")                                  \
  F("losss", LW_FLOW_LOSSS, 0, "#ff7f0e")                                      \
  F("lowwear", LW_FLOW_LOWWEAR, 0, "#1f77b4")                                  \
  F("lowwear-wide", LW_FLOW_LOWWEAR_WIDE, 0, "#2ca02c")                        \
  F("lowwear+wear", LW_FLOW_LOWWEAR, 1, "#9467bd")                             \
  F("lowwear-wide+wear", LW_FLOW_LOWWEAR_WIDE, 1, "#8c564b")

typedef struct sweep_flow {
  const char *name;
  lw_flow_id id;
  int wear;
  const char *colour;
} sweep_flow;

/* static: each includer has its own copy of the six rows */
#define SWEEP_FLOW_ROW(name, id, wear, colour) {name, id, wear, colour},
static const sweep_flow sweep_flows[] = {SWEEP_FLOWS(SWEEP_FLOW_ROW)};
#undef SWEEP_FLOW_ROW
#define NFLOWS (sizeof sweep_flows / sizeof *sweep_flows)

#endif

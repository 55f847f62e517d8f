/* Sweep: every flow at several row sizes, latency against measured wear,
 * as CSV and a Pareto SVG. */
#ifndef LOWWEAR_SWEEP_H
#define LOWWEAR_SWEEP_H

#include <stdint.h>

#include "lowwear/flow.h"
#include "lowwear/status.h"
#include "lowwear/wear.h"

#define LW_SWEEP_MAX_FACTORS 16

typedef struct lw_sweep_params {
  uint32_t nfactors;
  double factors[LW_SWEEP_MAX_FACTORS]; /* rows = factor x base row */
  int wear_control;      /* add the lowwear flow with wear_aware and
                            prob_reinit ("lowwear+wear") */
  double latency_slack;  /* for that flow (0: the mapper's default) */
  uint32_t rotate;       /* > 1: also the hottest cell over this many
                            rotated variants (lw_program_rotate) */
  int recompute;         /* the low-wear flows recompute at rows below
                            their plain minimum (factors below 1) */
  double latency_budget; /* for them (0: LW_FLOW_DEFAULT_LATENCY_BUDGET) */
  lw_flow_params flow;   /* template: synth, read, verify settings */
  lw_wear_params wear;
} lw_sweep_params;

typedef struct lw_sweep_point {
  char flow[32];
  uint32_t row, min_row;
  double factor;
  uint32_t latency;
  double toggle, flips, steady_flips, hottest_flips, lifetime_runs;
  double hottest_rotated; /* with params->rotate */
  int pareto; /* no other point of the circuit has latency and hottest
                 flips both at most its own, one strictly less */
} lw_sweep_point;

typedef struct lw_sweep {
  char *circuit;
  uint32_t base_row; /* the largest of the flows' minimum rows */
  uint32_t rotate;
  uint32_t npoints;
  lw_sweep_point *points;
} lw_sweep;

lw_sweep_params lw_sweep_params_default(void);
/* Each flow prepared once (lw_flow_prepare), mapped at every row
 * (lw_flow_map) and measured (lw_wear_measure, one variant). */
lw_status lw_sweep_run(const char *circuit_path, const lw_sweep_params *params,
                       lw_sweep *sweep, lw_error *err);
void lw_sweep_free(lw_sweep *sweep);
/* sweep.csv (path "-" = stdout) and the Pareto SVG, written atomically. */
lw_status lw_sweep_write_csv(const lw_sweep *sweep, const char *path,
                             lw_error *err);
lw_status lw_sweep_write_svg(const lw_sweep *sweep, const char *path,
                             lw_error *err);
/* dir NULL: the CSV on stdout; else DIR/sweep.csv and DIR/pareto.svg (the
 * folder made when missing). */
lw_status lw_sweep_write(const lw_sweep *sweep, const char *dir, lw_error *err);

#endif

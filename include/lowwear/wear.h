/* Wear you can see and control (docs/method.md section 7, wear per cell in
 * steady state): flips per run measured by simulation, per cell and in total,
 * with the next run's setup written over the final row; lifetimes; a heat map;
 * program variants that rotate the work cells across runs; and a sweep of
 * row sizes. docs/wear.md documents the commands built on these. */
#ifndef LOWWEAR_WEAR_H
#define LOWWEAR_WEAR_H

#include <stdint.h>

#include "lowwear/lowwear.h"

#define LW_WEAR_MAX_ENDURANCE 8

typedef struct lw_wear_params {
  /* input vectors: all 2^n when the program has at most exhaustive_max
   * inputs (the exact expectation), else random_vectors random ones, or the
   * vectors of trace_path (docs/wear.md, "Trace format") */
  uint32_t random_vectors; /* 4096 */
  uint32_t exhaustive_max; /* 16 */
  uint64_t seed;           /* 1 */
  const char *trace_path;  /* NULL: no trace */
  double cycle_time_s;     /* 1e-6: the 1 us pulse of docs/device.md */
  uint32_t nendurance;     /* 3 */
  double endurance[LW_WEAR_MAX_ENDURANCE]; /* 1e6, 1e9, 1e12 flips */
  int events; /* keep flips per cell and step of the first variant */
} lw_wear_params;

typedef struct lw_wear_report {
  uint32_t ncells;    /* row size: length of cell_flips */
  uint32_t nvariants; /* programs the row cycles through */
  uint64_t vectors;   /* input vectors, each run through every variant */
  int exhaustive, from_trace;
  uint32_t latency, setup_cycles; /* per run (latency as docs/program.md) */
  double flips_per_run;           /* during the cycles */
  double setup_flips_per_run;     /* the setup over the previous final row */
  double steady_flips_per_run;    /* the sum */
  double *cell_flips;             /* per cell, per run, steady state */
  uint32_t work_cells;            /* cells that are not input cells */
  uint32_t cells_written;         /* cells with any flip */
  uint32_t hottest_cell;
  double hottest_flips;
  double mean_flips;                /* over the work cells */
  double stddev_flips;              /* over the work cells */
  double hot_ratio;                 /* hottest / mean */
  double cycle_time_s, run_seconds; /* one run: (setup + latency) cycles */
  uint32_t nendurance;
  double endurance[LW_WEAR_MAX_ENDURANCE];
  double lifetime_runs[LW_WEAR_MAX_ENDURANCE]; /* until the hottest cell */
  double lifetime_s[LW_WEAR_MAX_ENDURANCE];    /* reaches the endurance */
  /* with params->events, for the first variant: each write of a cell, as
   * step (0 = the setup, t = cycle Tt), cell and flips per run */
  uint32_t nevents, nsteps;
  uint32_t *event_step, *event_cell;
  double *event_flips;
} lw_wear_report;

lw_wear_params lw_wear_params_default(void);
/* Steady-state wear of a row that runs variants[0], variants[1], ...,
 * variants[n-1], variants[0], ... (n = 1: one program run again and again).
 * The variants must share row size and inputs. Programs are simulated, not
 * checked: verify them first. */
lw_status lw_wear_measure(const lw_program *const *variants, uint32_t n,
                          const lw_wear_params *params, lw_wear_report *report,
                          lw_error *err);
void lw_wear_report_free(lw_wear_report *report);
/* The report as a JSON object text (caller frees with free()). */
char *lw_wear_report_json(const lw_wear_report *report, const lw_program *prog);

/* Names a program carries (accessors for cli/). */
const char *lw_program_circuit(const lw_program *prog);
const char *lw_program_flow(const lw_program *prog);

/* Variant k of r: the program with its work cells (every cell that is not
 * an input cell) rotated by k*m/r places among the m work cells. Input
 * cells stay where they are (docs/program.md: they are fixed data). A row that
 * cycles through the r variants spreads the wear of each logical cell over
 * r physical ones. */
lw_status lw_program_rotate(const lw_program *prog, uint32_t k, uint32_t r,
                            lw_program **out, lw_error *err);

/* r variants (variants[0..r) receives them) that level wear better than a
 * plain rotation. From the program's measured flips per cell, variant by
 * variant, the hottest work cells go to the physical cells with the fewest
 * flips so far (greedy balancing), either among cells of the same setup
 * value or among all work cells. These two cycles and lw_program_rotate's
 * are measured in steady state (params: the vectors; NULL = defaults) and
 * the best is returned. Input cells never move. */
lw_status lw_program_level(const lw_program *prog, uint32_t r,
                           const lw_wear_params *params, lw_program **variants,
                           lw_error *err);

/* SVG: flips per cell and cycle (cells down, cycles across, binned to fit)
 * beside a bar per cell of steady flips per run. Needs report->events. */
lw_status lw_wear_heatmap_svg(const lw_wear_report *report,
                              const lw_program *prog, const char *path,
                              lw_error *err);

/* ---- sweep: row size against latency and wear -----------------------------
 */

#define LW_SWEEP_MAX_FACTORS 16

typedef struct lw_sweep_params {
  uint32_t nfactors;
  double factors[LW_SWEEP_MAX_FACTORS]; /* rows = factor x base row */
  int wear_control;     /* add the lowwear flow with wear_aware and
                           prob_reinit ("lowwear+wear") */
  double latency_slack; /* for that flow (0: the mapper's default) */
  uint32_t rotate;      /* > 1: also the hottest cell over this many
                           rotated variants (lw_program_rotate) */
  lw_flow_params flow;  /* template: synth, read, verify settings */
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

#endif

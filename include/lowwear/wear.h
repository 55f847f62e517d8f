/* Wear you can see (docs/method.md section 7, wear per cell in steady
 * state): flips per run measured by simulation, per cell and in total, with
 * the next run's setup written over the final row; lifetimes. docs/wear.md
 * documents the commands built on these. */
#ifndef LOWWEAR_WEAR_H
#define LOWWEAR_WEAR_H

#include <stdint.h>

#include "lowwear/program.h"
#include "lowwear/status.h"

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

#endif

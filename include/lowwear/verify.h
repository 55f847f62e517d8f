/* Verification: a program simulated against its circuit and proved
 * equivalent with ABC cec; the report, with the measured flips per cell. */
#ifndef LOWWEAR_VERIFY_H
#define LOWWEAR_VERIFY_H

#include <stdint.h>

#include "lowwear/abc.h"
#include "lowwear/io.h"
#include "lowwear/program.h"
#include "lowwear/status.h"

typedef struct lw_verify_params {
  uint32_t random_vectors; /* when not exhaustive; at least 4096 */
  uint32_t exhaustive_max; /* exhaustive up to this many inputs (16) */
  uint64_t seed;
  int cec;           /* also prove with ABC cec */
  lw_abc_params abc; /* timeout_s: each cec race */
  int allow_input_overwrite;
} lw_verify_params;

typedef struct lw_verify_report {
  int ok;              /* every check passed */
  int exhaustive;      /* all 2^n input vectors were simulated */
  uint64_t vectors;    /* vectors simulated */
  int cec_ran, cec_ok; /* ABC cec result */
  uint32_t nerrors;
  char first_error[512];
  uint32_t ncells;             /* length of the per-cell arrays */
  double flips_per_run;        /* measured flips per run (cycles only), mean */
  double steady_flips_per_run; /* plus the next run's setup */
  double *cell_flips;          /* per cell, per run, steady state */
  double hottest_cell_flips;
  uint32_t hottest_cell;
  double mean_cell_flips; /* over the work cells (all but input cells) */
  double seconds;
} lw_verify_report;

lw_verify_params lw_verify_params_default(void);
/* Simulate prog against circuit and (params->cec) prove it with ABC cec,
 * which reads the circuit netlist written out as BLIF. */
lw_status lw_sim_verify(const lw_net *circuit, const lw_program *prog,
                        const lw_verify_params *params,
                        lw_verify_report *report, lw_error *err);
/* Simulation only (no cec, the default vectors), for commands that need a
 * correct program before they measure or show it: LW_OK, or LW_ERR_VERIFY
 * with the message "what: first error" naming file (may be NULL). */
lw_status lw_sim_check(const lw_net *circuit, const lw_program *prog,
                       const char *file, const char *what, lw_error *err);
void lw_verify_report_free(lw_verify_report *report);
/* The report as a JSON object text (caller frees with free()). */
char *lw_verify_report_json(const lw_verify_report *report,
                            const lw_program *prog);

#endif

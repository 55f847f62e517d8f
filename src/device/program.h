/* Internals of the program run shared by program.c and variation.c: the
 * input vectors with their expected outputs, and one pass of every vector
 * over a row. */
#ifndef LW_DEVICE_PROGRAM_H
#define LW_DEVICE_PROGRAM_H

#include "device/row.h"

typedef struct lw_dvectors {
  uint32_t n;
  uint8_t *in;  /* n x program inputs */
  uint8_t *out; /* n x program outputs, expected */
} lw_dvectors;

/* Every vector on the row r, back to back from a fresh row; per-vector
 * results into res (may be NULL). Returns the number of passing vectors;
 * first_fail_kind (LW_DEVICE_KIND_NAME bytes) gets the kind of the first
 * failing vector's first failure ("" when all pass). */
uint32_t lw_device_run_vectors(lw_drow *r, const lw_dvectors *vs,
                               lw_device_vector *res, char *first_fail_kind);

/* T Monte Carlo rows with per-cell parameters drawn at relative sigma
 * p->variation (variation.c); fills the report's trials, trials_pass,
 * mc_energy_j and mc_first_fail_kind. Leaves r nominal again. */
void lw_device_monte_carlo(lw_drow *r, const lw_dvectors *vs,
                           const lw_device_program_params *p,
                           lw_device_program_report *rep);

/* Programs longer than this (cycles and setup INITs) are refused with
 * --spice: the deck's cost grows with the square of its length. */
#define LW_DEVICE_SPICE_MAX_CYCLES 500

/* --spice DIR of a program run (spice.c): vector v of vs, from a fresh
 * row, as one ngspice deck dir/program.cir; when ngspice is found (the
 * path or the PATH) it is run and the final gap of every cell the program
 * touches is compared with the C model's. Leaves r reset. */
lw_status lw_device_spice_program(lw_drow *r, const lw_dvectors *vs, uint32_t v,
                                  const char *dir, const char *ngspice_path,
                                  lw_device_spice_stats *stats, lw_error *err);

/* --trace DIR of a program run (program_trace.c): vector v of vs, after
 * the vectors before it from a fresh row, recorded cycle by cycle into
 * dir/program_trace.csv and .svg. Leaves r reset. */
lw_status lw_device_program_trace(lw_drow *r, const lw_dvectors *vs, uint32_t v,
                                  const char *dir, lw_error *err);

#endif

/* The row as devices (docs/device.md section 10): one gap per cell, and one
 * evaluation of a program on it, cycle by cycle, each cycle its gate's PMR
 * circuit over the cells as they are (INIT: the set/reset pulse on each
 * listed cell). Beside the gaps the row keeps every cell's ideal logic
 * value, so that the first cycle after which a cell reads wrong is found,
 * and per cell the margins and the read disturb between writes. */
#ifndef LW_DEVICE_ROW_H
#define LW_DEVICE_ROW_H

#include <stdint.h>

#include "device/check.h"
#include "device/memo.h"
#include "lowwear/device.h"
#include "net/program.h"

enum { LW_DKIND_INIT0, LW_DKIND_INIT1, LW_DKIND_GATES };

/* One cycle resolved once: the device gate, its bias row, its kind. */
typedef struct lw_drow_op {
  const lw_dgate *gate; /* NULL for INIT */
  const lw_bias_row *row;
  int kind;
} lw_drow_op;

typedef struct lw_drow {
  const lw_dsetup *s;
  const lw_program *prog;
  lw_drow_op *ops; /* per cycle */
  uint32_t n;      /* cells */
  double *gap;     /* m, per cell */
  uint8_t *logic;  /* ideal value per cell */
  uint8_t *input;  /* 1 while the cell holds an input written from outside */
  /* per-cell device parameters and written gaps (variation), or NULL:
   * the nominal model and the bias table's hrs/lrs */
  const lw_rram *models;
  const double *hrs, *lrs;
  double *since;   /* drift summed over the reads since the last write */
  uint32_t *reads; /* reads since the last write */
  lw_device_cell *cells;
  uint32_t nkinds;
  lw_device_kind kinds[LW_DEVICE_MAX_KINDS]; /* sums over the evaluations */
  /* least margin over the values the program wrote (gates, INIT), and
   * apart over the input cells' values, written from outside */
  double least_margin; /* m */
  uint32_t least_cell, least_cycle;
  double least_input_margin; /* m */
  uint32_t least_input_cell;
  /* the gap grid's pitch (m; 0 = none: every circuit integrated from the
   * gaps as they are) and its cache (NULL = none), memo.h */
  double grid;
  lw_dmemo *memo;
  uint64_t runs;       /* circuits run */
  uint64_t integrated; /* of them integrated, not found in the cache */
  uint64_t steps;      /* integrator steps of the runs */
  /* called with every circuit before it runs, and the cell of each of its
   * devices (the whole-program ngspice deck, spice.c); NULL: none */
  void (*on_circuit)(void *ctx, const lw_pmr *c, const uint32_t *cells);
  /* called after every circuit, once the row took its result: its cycle
   * (0 = the setup), kind, devices (with the gaps they had before), cells
   * and result (the program trace, program_trace.c); NULL: none */
  void (*on_result)(void *ctx, const struct lw_drow *r, uint32_t cycle,
                    int kind, const lw_pmr *c, const uint32_t *cells,
                    const lw_pmr_result *res);
  void *ctx;
} lw_drow;

/* Resolve every cycle of prog against the bias table (an op without a
 * bias row is LW_ERR_USAGE naming the cycle); every cell starts at hrs.
 * grid > 0: run on the gap grid of that pitch, with a cache. */
lw_status lw_drow_init(lw_drow *r, const lw_dsetup *s, const lw_program *prog,
                       double grid, lw_error *err);
void lw_drow_free(lw_drow *r);
/* The cells' parameters changed (r->models, hrs, lrs): forget the cached
 * runs. */
void lw_drow_new_cells(lw_drow *r);
/* Every cell back to its written 0 (a fresh row). */
void lw_drow_reset(lw_drow *r);
/* One evaluation: write the inputs (in[j] = program input j), run the
 * setup and every cycle, read the outputs into out[k]. */
void lw_drow_eval(lw_drow *r, const uint8_t *in, uint8_t *out,
                  lw_device_vector *v);

#endif

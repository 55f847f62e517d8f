/* Cell allocation in one row: fixed cells (inputs, constants), then every
 * gate of the execution order gets a cell holding its init value, dead cells
 * are re-initialised by policy. */
#ifndef LW_MAP_ALLOC_H
#define LW_MAP_ALLOC_H

#include "map/map.h"
#include "map/view.h"

/* Cells needed: fixed cells + the peak of live values (outputs stay live;
 * a constant output needs a free cell at the end). Independent of the row. */
void lw_map_min_row(const lw_map_view *view, const lw_u32s *order,
                    lw_map_stats *stats);
/* The live values under order: live_at[i] (may be NULL) after step i has
 * taken its cell, before its operands are released; the peak is returned
 * and the values live at the end go to *end_live (may be NULL). */
uint32_t lw_map_live_profile(const lw_map_view *view, const lw_u32s *order,
                             uint32_t *live_at, uint32_t *end_live);

/* How the wear-aware and probability-aware mapping chooses cells (map.c
 * tries several settings within the latency budget). */
typedef struct lw_map_knobs {
  const double *p1;    /* per node: probability of 1 (params->values) */
  const double *flip;  /* per executed node: probability its write flips the
                          cell (fresh cell: != init; composite: != y) */
  int wear_aware;      /* least-worn free cell; coolest dead cells reused */
  int virgin_first;    /* never-used cells before reused ones */
  double hot_margin;   /* > 0: an extra INIT when a dead cell is this many
                          expected flips cooler than every free cell */
  int prob_reinit;     /* re-initialise to v the cells likely holding v */
  double prob_keep;    /* ... and every dead cell holding v with at least this
                          probability (> 1: none) */
  uint32_t park_steps; /* > 0: a value read again this many steps later, or
                          an output, takes a hot cell (it keeps it from
                          more wear); UINT32_MAX - 1: outputs only */
} lw_map_knobs;

/* Expected flips per run in steady state, from the knobs' model. */
typedef struct lw_map_prediction {
  double hottest, total;
} lw_map_prediction;

/* Emit the program at `row` cells into prog. LW_ERR_ROW if it does not fit.
 * knobs NULL: the plain mapping (every flow's default); otherwise the wear
 * model runs and predicted (may be NULL) receives its figures. */
lw_status lw_map_alloc(const lw_map_view *view, const lw_u32s *order,
                       const lw_map_params *params, const lw_map_knobs *knobs,
                       uint32_t row, lw_program *prog,
                       lw_map_prediction *predicted, lw_error *err);

/* The cell pools' invariant (LW_ASSERT; nothing without LW_CHECKS): every
 * cell of a row of `size` is in exactly one place: a fixed cell (below
 * `fixed`: inputs, constants), one of the pools (free or dead cells), or
 * holding a live value (live[0..nlive), one entry per value). So a cell is
 * never both free and live, holds at most one live value, and the counts
 * add up to the row. lw_map_alloc checks its row with it as it goes. */
void lw_map_check_cells(uint32_t size, uint32_t fixed,
                        const lw_u32s *const *pools, int npools,
                        const uint32_t *live, uint32_t nlive);

#endif

/* The gap grid and its cache (docs/device.md section 10.9). With a grid of
 * pitch h, a circuit run from gaps g is integrated from the grid point q
 * nearest to g (q_i = h * round(g_i / h)), and every device's result is
 * moved back by g_i - q_i: a device the circuit leaves still keeps its gap
 * exactly, one that moves lands within h / 2 of where it would have gone.
 * The run from q is then a pure function of the circuit's kind and q,
 * which the cache keeps, so a row that comes back to the same state (every
 * vector repeats most of them) is integrated once. Under device variation
 * each cell has its own parameters, so the key also holds the cells. */
#ifndef LW_DEVICE_MEMO_H
#define LW_DEVICE_MEMO_H

#include <stdint.h>

#include "device/pmr.h"

typedef struct lw_dmemo_key {
  uint32_t kind, n;
  int64_t q[LW_PMR_MAX_DEVICES];     /* grid indices of the gaps */
  uint32_t cell[LW_PMR_MAX_DEVICES]; /* zero unless keyed by cell */
} lw_dmemo_key;

typedef struct lw_dmemo lw_dmemo;

/* A cache of at most max_entries runs (it grows to that as needed); past
 * that it starts again empty. */
lw_dmemo *lw_dmemo_new(uint32_t max_entries);
void lw_dmemo_free(lw_dmemo *m);
/* Forget every run (the cells' parameters changed). */
void lw_dmemo_clear(lw_dmemo *m);
/* The key of a run of circuit `kind` over n devices from gaps at pitch
 * grid; with cells non-NULL the cells are part of it. */
void lw_dmemo_key_of(lw_dmemo_key *k, uint32_t kind, uint32_t n,
                     const double *gaps, double grid, const uint32_t *cells);
/* The grid point of gap g (the gap the key stands for). */
double lw_dmemo_grid_point(double g, double grid);
/* 1 and *res when the run is cached, else 0. */
int lw_dmemo_get(lw_dmemo *m, const lw_dmemo_key *k, lw_pmr_result *res);
void lw_dmemo_put(lw_dmemo *m, const lw_dmemo_key *k, const lw_pmr_result *res);
/* Runs found, runs stored, and how often the cache was emptied when full. */
void lw_dmemo_counts(const lw_dmemo *m, uint64_t *hits, uint64_t *stored,
                     uint32_t *flushes);

#endif

/* Levelling by measured wear: of the candidate variant sets (balanced within
 * setup values, balanced over all work cells, the plain rotation), the one
 * whose steady-state hottest cell is coolest. It measures, so it lives in
 * sim/ and takes the renaming from map/rotate.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "lowwear/rotate.h"
#include "lowwear/wear.h"
#include "map/rotate.h"
#include "net/program.h"

typedef struct ranked {
  double key;
  uint32_t cell;
} ranked;

static int by_key_desc(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->key != y->key)
    return x->key > y->key ? -1 : 1;
  return (x->cell > y->cell) - (x->cell < y->cell);
}

/* Greedy balancing (longest-processing-time style): variant by variant,
 * the hottest logical cells go to the physical cells with the fewest flips
 * summed over the variants so far. Cells only move among cells of the same
 * setup value (unused cells count as 0): the next variant's setup then
 * writes each cell the value its previous tenant's own setup wrote, so the
 * flips per physical cell are exactly the sums the balance sees (by_setup;
 * without it, every work cell is a candidate). perms[k*n + c] for variant
 * k. */
static void balance(const lw_program *prog, const double *flips, uint32_t r,
                    int by_setup, uint32_t *perms) {
  uint32_t n = prog->row_size;
  uint8_t *class = lw_alloc(n + 1); /* 0, 1: setup value; 2: input */
  lw_vec_foreach (&prog->setup, i) {
    const lw_op *op = &prog->setup.data[i];
    for (uint32_t k = 0; k < op->ncells; k++)
      if (lw_op_cells(prog, op)[k] < n)
        class[lw_op_cells(prog, op)[k]] = op->value && by_setup ? 1 : 0;
  }
  lw_vec_foreach (&prog->inputs, j)
    class[prog->inputs.data[j].cell] = 2;
  ranked *logical = lw_alloc(sizeof(ranked) * (n + 1));
  ranked *physical = lw_alloc(sizeof(ranked) * (n + 1));
  double *load = lw_alloc(sizeof(double) * (n + 1));
  for (uint32_t k = 0; k < r; k++) {
    uint32_t *perm = perms + (size_t)k * n;
    for (uint32_t c = 0; c < n; c++)
      perm[c] = c;
    for (uint8_t cls = 0; cls < 2; cls++) {
      uint32_t m = 0;
      for (uint32_t c = 0; c < n; c++)
        if (class[c] == cls) {
          logical[m] = (ranked){flips[c], c};
          physical[m++] = (ranked){-load[c], c}; /* least load first */
        }
      qsort(logical, m, sizeof *logical, by_key_desc);
      qsort(physical, m, sizeof *physical, by_key_desc);
      for (uint32_t i = 0; i < m; i++) {
        perm[logical[i].cell] = physical[i].cell;
        load[physical[i].cell] += logical[i].key;
      }
    }
  }
  lw_free(class);
  lw_free(logical);
  lw_free(physical);
  lw_free(load);
}

static void free_variants(lw_program **v, uint32_t r) {
  for (uint32_t k = 0; k < r; k++) {
    lw_program_free(v[k]);
    v[k] = NULL;
  }
}

/* Steady-state hottest cell of the cycle; LW_NONE-like huge on error. */
static lw_status cycle_hottest(lw_program **v, uint32_t r,
                               const lw_wear_params *wp, double *hot,
                               lw_error *err) {
  lw_wear_report rep;
  lw_status st =
      lw_wear_measure((const lw_program *const *)v, r, wp, &rep, err);
  *hot = st == LW_OK ? rep.hottest_flips : HUGE_VAL;
  lw_wear_report_free(&rep);
  return st;
}

lw_status lw_program_level(const lw_program *prog, uint32_t r,
                           const lw_wear_params *wp, lw_program **variants,
                           lw_error *err) {
  memset(variants, 0, sizeof *variants * r);
  lw_status st = lw_map_check_variant(prog, 0, r, err);
  if (st != LW_OK)
    return st;
  lw_wear_params quiet = wp ? *wp : lw_wear_params_default();
  quiet.events = 0;
  uint32_t n = prog->row_size;
  const lw_program *one[1] = {prog};
  lw_wear_report single;
  if ((st = lw_wear_measure(one, 1, &quiet, &single, err)) != LW_OK)
    return st;
  /* candidates: balanced within setup values, balanced over all work
   * cells, the plain rotation; each measured in steady state (a variant's
   * setup is written over the previous one's final row) */
  lw_program **cand = lw_alloc(sizeof *cand * r);
  uint32_t *perms = lw_alloc(sizeof(uint32_t) * ((size_t)r * n + 1));
  double best = HUGE_VAL;
  for (int kind = 0; kind < 3 && st == LW_OK; kind++) {
    if (kind < 2)
      balance(prog, single.cell_flips, r, kind == 0, perms);
    for (uint32_t k = 0; k < r && st == LW_OK; k++) {
      if (kind < 2)
        cand[k] = lw_map_relabel(prog, perms + (size_t)k * n);
      else
        st = lw_program_rotate(prog, k, r, &cand[k], err);
    }
    double hot = HUGE_VAL;
    if (st == LW_OK)
      st = cycle_hottest(cand, r, &quiet, &hot, err);
    if (st == LW_OK && hot < best) {
      best = hot;
      for (uint32_t k = 0; k < r; k++) {
        lw_program *t = variants[k];
        variants[k] = cand[k];
        cand[k] = t;
      }
    }
    free_variants(cand, r);
  }
  if (st != LW_OK)
    free_variants(variants, r);
  for (uint32_t k = 0; k < r && st == LW_OK; k++) {
    variants[k]->prov.variant = k;
    variants[k]->prov.variants = r;
  }
  lw_free(cand);
  lw_free(perms);
  lw_wear_report_free(&single);
  return st;
}

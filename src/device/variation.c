/* Device variation (docs/device.md section 10.4): Monte Carlo rows whose
 * every cell has its own oxide thickness, F_min and written gaps, each the
 * nominal value times (1 + sigma * N(0, 1)), drawn from a fixed seed. Each
 * trial runs every vector on its row; it passes when every output of every
 * vector is right. */
#include <math.h>
#include <string.h>

#include "base/alloc.h"
#include "device/program.h"
#include "sim/vectors.h"

/* A uniform number in (0, 1). */
static double uniform(uint64_t *rng) {
  return ((double)(lw_sim_random_word(rng) >> 11) + 0.5) * 0x1p-53;
}

/* 1 + sigma * N(0, 1) by Box-Muller, kept above 5 % so that no parameter
 * changes sign. */
static double factor(uint64_t *rng, double sigma) {
  double u = uniform(rng), v = uniform(rng);
  double z = sqrt(-2 * log(u)) * cos(2 * 3.14159265358979323846 * v);
  return fmax(0.05, 1 + sigma * z);
}

typedef struct cells {
  lw_rram *models;
  double *hrs, *lrs;
} cells;

static void draw(const lw_drow *r, double sigma, uint64_t *rng, cells *c) {
  const lw_dsetup *s = r->s;
  for (uint32_t i = 0; i < r->n; i++) {
    c->models[i] = s->model;
    c->models[i].tox *= factor(rng, sigma);
    c->models[i].f_min *= factor(rng, sigma);
    c->hrs[i] = fmin(s->bias.hrs * factor(rng, sigma), s->model.gap_max);
    c->lrs[i] = fmax(s->bias.lrs * factor(rng, sigma), s->model.gap_min);
  }
}

/* The index of name in names[0..n), added when new. */
static uint32_t tally(char (*names)[LW_DEVICE_KIND_NAME], uint32_t *count,
                      uint32_t *n, const char *name) {
  for (uint32_t k = 0; k < *n; k++)
    if (!strcmp(names[k], name))
      return count[k]++, k;
  memcpy(names[*n], name, LW_DEVICE_KIND_NAME);
  count[*n] = 1;
  return (*n)++;
}

void lw_device_monte_carlo(lw_drow *r, const lw_dvectors *vs,
                           const lw_device_program_params *p,
                           lw_device_program_report *rep) {
  uint32_t trials = p->trials ? p->trials : 100;
  cells c = {lw_alloc(sizeof *c.models * (r->n + 1)),
             lw_alloc(sizeof *c.hrs * (r->n + 1)),
             lw_alloc(sizeof *c.lrs * (r->n + 1))};
  lw_device_vector *res = lw_alloc(sizeof *res * vs->n);
  char names[LW_DEVICE_MAX_KINDS + 1][LW_DEVICE_KIND_NAME];
  uint32_t count[LW_DEVICE_MAX_KINDS + 1] = {0}, nnames = 0;
  uint64_t rng = p->seed ^ 0x5eedf00dull;
  double energy = 0;
  rep->trials = trials;
  rep->variation = p->variation;
  for (uint32_t t = 0; t < trials; t++) {
    draw(r, p->variation, &rng, &c);
    r->models = c.models;
    r->hrs = c.hrs;
    r->lrs = c.lrs;
    lw_drow_new_cells(r);
    char kind[LW_DEVICE_KIND_NAME];
    uint32_t passing = lw_device_run_vectors(r, vs, res, kind);
    rep->trials_pass += passing == vs->n;
    if (kind[0] && nnames <= LW_DEVICE_MAX_KINDS)
      tally(names, count, &nnames, kind);
    for (uint32_t v = 0; v < vs->n; v++)
      energy += res[v].energy_j;
  }
  r->models = NULL;
  r->hrs = r->lrs = NULL;
  lw_drow_new_cells(r);
  rep->mc_energy_j = energy / ((double)trials * vs->n);
  uint32_t best = 0;
  for (uint32_t k = 0; k < nnames; k++)
    if (count[k] > best) {
      best = count[k];
      memcpy(rep->mc_first_fail_kind, names[k], LW_DEVICE_KIND_NAME);
    }
  lw_free(res);
  lw_free(c.models);
  lw_free(c.hrs);
  lw_free(c.lrs);
}

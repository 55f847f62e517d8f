/* lowwear device --program: a whole program on the row of devices
 * (docs/device.md section 10). The input vectors (all of them up to
 * LW_DEVICE_EXHAUSTIVE_MAX inputs, else all-0, all-1 and random ones), the
 * expected outputs from the circuit simulated at logic level, then the
 * vectors run back to back on one row (row.c), nominal and, with
 * variation, on Monte Carlo rows (variation.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/proc.h"
#include "device/program.h"
#include "net/net.h"
#include "sim/sim.h"
#include "sim/vectors.h"

lw_device_program_params lw_device_program_params_default(void) {
  lw_device_program_params p = {
      .bias = "recommended",
      .fmin = 1,
      .heat = 1,
      .vectors = 64,
      .seed = 1,
      .gap_grid_m = LW_DEVICE_GAP_GRID_M,
  };
  return p;
}

void lw_device_program_report_free(lw_device_program_report *rep) {
  lw_free(rep->vectors);
  lw_free(rep->cells);
  rep->vectors = NULL;
  rep->cells = NULL;
}

int lw_device_program_passed(const lw_device_program_report *rep) {
  if (!rep->all_pass)
    return 0;
  return rep->min_pass <= 0 || !rep->trials ||
         (double)rep->trials_pass / rep->trials >= rep->min_pass;
}

/* ---- inputs and expected outputs ----------------------------------------- */

/* pi[j]: the circuit input of program input j; po[k]: the circuit output
 * of program output k. Names must match one to one. */
static lw_status match_pins(const lw_net *net, const lw_program *prog,
                            uint32_t *pi, uint32_t *po, lw_error *err) {
  if (prog->inputs.size != net->pis.size)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "the program has %u inputs, the circuit %u",
                        prog->inputs.size, net->pis.size);
  lw_vec_foreach (&prog->inputs, j) {
    pi[j] = LW_NONE;
    lw_net_foreach_pi (net, i, id) {
      const char *name = lw_net_node_name(net, id);
      if (name && !strcmp(name, prog->inputs.data[j].name))
        pi[j] = i;
    }
    if (pi[j] == LW_NONE)
      return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                          "program input %s is not an input of the circuit",
                          prog->inputs.data[j].name);
  }
  lw_vec_foreach (&prog->outputs, k) {
    po[k] = LW_NONE;
    lw_net_foreach_po (net, i, id) {
      (void)id;
      if (!strcmp(lw_net_po_name(net, i), prog->outputs.data[k].name))
        po[k] = i;
    }
    if (po[k] == LW_NONE)
      return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                          "program output %s is not an output of the circuit",
                          prog->outputs.data[k].name);
  }
  return LW_OK;
}

/* Bit i of vector v (circuit input order). */
static int input_bit(uint32_t npi, int exhaustive, uint32_t v, uint32_t i,
                     const uint64_t *random) {
  if (exhaustive)
    return (int)((v >> i) & 1);
  if (v < 2)
    return (int)v; /* all-0, then all-1 */
  uint32_t words = (npi + 63) / 64;
  return (int)((random[(size_t)v * words + i / 64] >> (i % 64)) & 1);
}

static lw_status make_vectors(const lw_net *net, const lw_program *prog,
                              const lw_device_program_params *p,
                              lw_dvectors *vs, int *exhaustive, lw_error *err) {
  uint32_t npi = net->pis.size, nin = prog->inputs.size,
           nout = prog->outputs.size;
  uint32_t *pi = lw_alloc(sizeof *pi * (nin + 1));
  uint32_t *po = lw_alloc(sizeof *po * (nout + 1));
  lw_u32s order = {0};
  lw_status st = match_pins(net, prog, pi, po, err);
  if (st == LW_OK)
    st = lw_net_topo(net, &order, err);
  if (st != LW_OK) {
    lw_free(pi);
    lw_free(po);
    lw_vec_free(&order);
    return st;
  }
  *exhaustive = npi <= LW_DEVICE_EXHAUSTIVE_MAX;
  vs->n = *exhaustive ? 1u << npi : (p->vectors < 2 ? 2 : p->vectors);
  uint32_t words = (npi + 63) / 64, W = (vs->n + 63) / 64;
  uint64_t *random = lw_alloc(sizeof *random * ((size_t)vs->n * words + 1));
  uint64_t rng = p->seed;
  for (size_t k = 0; k < (size_t)vs->n * words; k++)
    random[k] = lw_sim_random_word(&rng);
  uint64_t *sims = lw_alloc(sizeof *sims * (size_t)W * lw_net_size(net));
  for (uint32_t v = 0; v < vs->n; v++)
    for (uint32_t i = 0; i < npi; i++)
      if (input_bit(npi, *exhaustive, v, i, random))
        sims[(size_t)W * net->pis.data[i] + v / 64] |= 1ull << (v % 64);
  lw_sim_net(net, &order, W, sims);
  vs->in = lw_alloc((size_t)vs->n * nin + 1);
  vs->out = lw_alloc((size_t)vs->n * nout + 1);
  for (uint32_t v = 0; v < vs->n; v++) {
    for (uint32_t j = 0; j < nin; j++)
      vs->in[(size_t)v * nin + j] =
          (uint8_t)input_bit(npi, *exhaustive, v, pi[j], random);
    for (uint32_t k = 0; k < nout; k++)
      vs->out[(size_t)v * nout + k] =
          (uint8_t)((sims[(size_t)W * net->pos.data[po[k]] + v / 64] >>
                     (v % 64)) &
                    1);
  }
  lw_free(random);
  lw_free(sims);
  lw_free(pi);
  lw_free(po);
  lw_vec_free(&order);
  return LW_OK;
}

/* ---- runs ---------------------------------------------------------------- */

uint32_t lw_device_run_vectors(lw_drow *r, const lw_dvectors *vs,
                               lw_device_vector *res, char *first_fail_kind) {
  const lw_program *prog = r->prog;
  uint32_t nin = prog->inputs.size, nout = prog->outputs.size, passing = 0;
  uint8_t *got = lw_alloc(nout + 1);
  lw_drow_reset(r);
  first_fail_kind[0] = 0;
  for (uint32_t v = 0; v < vs->n; v++) {
    lw_device_vector one;
    lw_drow_eval(r, vs->in + (size_t)v * nin, got, &one);
    one.pass = 1;
    for (uint32_t k = 0; k < nout; k++)
      if (got[k] != vs->out[(size_t)v * nout + k]) {
        one.pass = 0;
        one.wrong_outputs++;
      }
    passing += (uint32_t)one.pass;
    if (!one.pass && !first_fail_kind[0])
      snprintf(first_fail_kind, LW_DEVICE_KIND_NAME, "%s",
               one.first_fail ? one.first_fail_kind : "output");
    if (res)
      res[v] = one;
  }
  lw_free(got);
  return passing;
}

static void summarise(const lw_drow *r, const lw_dvectors *vs,
                      lw_device_program_report *rep) {
  rep->all_pass = rep->passing == vs->n;
  rep->ncells = r->n;
  rep->cells = lw_alloc(sizeof *rep->cells * (r->n + 1));
  memcpy(rep->cells, r->cells, sizeof *rep->cells * r->n);
  rep->nkinds = r->nkinds;
  for (uint32_t k = 0; k < r->nkinds; k++) {
    rep->kinds[k] = r->kinds[k];
    rep->kinds[k].cycles /= vs->n;
    rep->kinds[k].energy_j /= vs->n;
    rep->energy_j += rep->kinds[k].energy_j;
    if (k == LW_DKIND_INIT0 || k == LW_DKIND_INIT1)
      rep->init_energy_j += rep->kinds[k].energy_j;
  }
  rep->least_margin_nm = r->least_margin * 1e9;
  rep->least_cell = r->least_cell;
  rep->least_cycle = r->least_cycle;
  rep->least_input_margin_nm = r->least_input_margin * 1e9;
  rep->least_input_cell = r->least_input_cell;
  for (uint32_t v = 0; v < vs->n; v++) {
    const lw_device_vector *one = &rep->vectors[v];
    if (one->first_fail &&
        (!rep->first_fail || one->first_fail < rep->first_fail)) {
      rep->first_fail = one->first_fail;
      memcpy(rep->first_fail_kind, one->first_fail_kind,
             sizeof rep->first_fail_kind);
    }
  }
}

/* The vector --trace records: the first failing one, else vector 0. */
static uint32_t vector_to_trace(const lw_device_program_report *rep) {
  for (uint32_t v = 0; v < rep->nvectors; v++)
    if (!rep->vectors[v].pass)
      return v;
  return 0;
}

lw_status lw_device_program(const lw_net *net, const lw_program *prog,
                            const lw_device_program_params *p,
                            lw_device_program_report *rep, lw_error *err) {
  memset(rep, 0, sizeof *rep);
  double start = lw_clock();
  lw_device_params dp = lw_device_params_default();
  dp.bias = p->bias;
  dp.pulse_s = p->pulse_s;
  dp.fmin = p->fmin;
  dp.heat = p->heat;
  lw_dsetup s;
  lw_status st = lw_device_setup(&dp, &s, err);
  if (st != LW_OK)
    return st;
  lw_sim_issues issues = {0};
  if (!lw_sim_row_check(prog, 0, &issues))
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "cannot run the program: %s", issues.first);
  uint32_t circuits = prog->cycles.size + prog->setup.size;
  if (p->spice_dir && circuits > LW_DEVICE_SPICE_MAX_CYCLES)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "--spice: the program has %u cycles (setup "
                        "included), one deck takes at most %u",
                        circuits, LW_DEVICE_SPICE_MAX_CYCLES);
  lw_drow r;
  if ((st = lw_drow_init(&r, &s, prog, p->gap_grid_m, err)) != LW_OK)
    return st;
  lw_dvectors vs = {0};
  if ((st = make_vectors(net, prog, p, &vs, &rep->exhaustive, err)) != LW_OK) {
    lw_drow_free(&r);
    return st;
  }
  snprintf(rep->bias, sizeof rep->bias, "%s", s.bias.name);
  rep->pulse_s = s.pulse;
  rep->gap_grid_m = r.grid;
  rep->ninputs = prog->inputs.size;
  rep->noutputs = prog->outputs.size;
  rep->ncycles = prog->cycles.size;
  rep->nvectors = vs.n;
  rep->vectors = lw_alloc(sizeof *rep->vectors * vs.n);
  char kind[LW_DEVICE_KIND_NAME];
  rep->passing = lw_device_run_vectors(&r, &vs, rep->vectors, kind);
  summarise(&r, &vs, rep);
  if (p->variation > 0 || p->trials > 0)
    lw_device_monte_carlo(&r, &vs, p, rep);
  /* the circuits of every row run, Monte Carlo rows included */
  rep->pmr_runs = r.runs;
  rep->pmr_integrated = r.integrated;
  rep->pmr_steps = r.steps;
  rep->min_pass = p->min_pass;
  rep->trace = p->trace_dir != NULL;
  if (rep->trace) {
    rep->trace_vector = vector_to_trace(rep);
    st = lw_device_program_trace(&r, &vs, rep->trace_vector, p->trace_dir, err);
  }
  rep->spice = p->spice_dir != NULL;
  if (rep->spice && st == LW_OK)
    st = lw_device_spice_program(&r, &vs, 0, p->spice_dir, p->ngspice,
                                 &rep->spice_stats, err);
  lw_drow_free(&r);
  lw_free(vs.in);
  lw_free(vs.out);
  rep->seconds = lw_clock() - start;
  if (st != LW_OK)
    lw_device_program_report_free(rep);
  return st;
}

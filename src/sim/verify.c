/* lw_sim_verify: a program against its circuit. Static preconditions first
 * (rowsim.c), then the program and the circuit side by side on the same
 * input vectors, matched by input and output names, then (optionally) a
 * proof with ABC cec (cec.c). */
#include <stdio.h>
#include <string.h>

#include "base/proc.h"
#include "lowwear/lowwear.h"
#include "sim/cec.h"
#include "sim/sim.h"
#include "sim/vectors.h"

lw_verify_params lw_verify_params_default(void) {
  lw_verify_params p = {0};
  p.random_vectors = 4096;
  p.exhaustive_max = 16;
  p.seed = 1;
  p.cec = 1;
  p.abc.timeout_s = 3600; /* as synthesis: EPFL hyp's proofs take minutes */
  return p;
}

void lw_verify_report_free(lw_verify_report *report) {
  if (!report)
    return;
  lw_free(report->cell_flips);
  report->cell_flips = NULL;
}

/* ---- names --------------------------------------------------------------- */

static const char *pi_name(const lw_net *net, uint32_t i, char *buf, size_t n) {
  const char *name = lw_net_node_name(net, net->pis.data[i]);
  if (name)
    return name;
  snprintf(buf, n, "pi%u", i);
  return buf;
}

/* map[j] = index in `names` of pin j's name, or LW_NONE. */
typedef struct matching {
  uint32_t *in_pi;  /* program input -> circuit PI */
  uint32_t *out_po; /* program output -> circuit PO */
} matching;

static void match_names(const lw_net *net, const lw_program *prog, matching *m,
                        lw_sim_issues *issues) {
  char buf[32];
  m->in_pi = lw_alloc(sizeof(uint32_t) * (prog->inputs.size + 1));
  m->out_po = lw_alloc(sizeof(uint32_t) * (prog->outputs.size + 1));
  uint8_t *pi_seen = lw_alloc(net->pis.size + 1);
  uint8_t *po_seen = lw_alloc(net->pos.size + 1);
  lw_vec_foreach (&prog->inputs, j) {
    m->in_pi[j] = LW_NONE;
    lw_vec_foreach (&net->pis, i)
      if (!strcmp(prog->inputs.data[j].name, pi_name(net, i, buf, sizeof buf)))
        m->in_pi[j] = i;
    if (m->in_pi[j] == LW_NONE)
      lw_sim_issue(issues, "input %s is not an input of the circuit",
                   prog->inputs.data[j].name);
    else if (pi_seen[m->in_pi[j]]++)
      lw_sim_issue(issues, "input %s is placed twice",
                   prog->inputs.data[j].name);
  }
  lw_vec_foreach (&net->pis, i)
    if (!pi_seen[i])
      lw_sim_issue(issues, "circuit input %s is not placed",
                   pi_name(net, i, buf, sizeof buf));
  lw_vec_foreach (&prog->outputs, j) {
    m->out_po[j] = LW_NONE;
    lw_vec_foreach (&net->pos, i)
      if (!strcmp(prog->outputs.data[j].name, lw_net_po_name(net, i)))
        m->out_po[j] = i;
    if (m->out_po[j] == LW_NONE)
      lw_sim_issue(issues, "output %s is not an output of the circuit",
                   prog->outputs.data[j].name);
    else
      po_seen[m->out_po[j]] = 1;
  }
  lw_vec_foreach (&net->pos, i)
    if (!po_seen[i])
      lw_sim_issue(issues, "circuit output %s is not placed",
                   lw_net_po_name(net, i));
  lw_free(pi_seen);
  lw_free(po_seen);
}

/* ---- input vectors ------------------------------------------------------- */

/* Fill in[W*i + w] (circuit PI i) for the lanes starting at `base` (a
 * multiple of 64). Random mode: lane 0 all-0, lane 1 all-1, lane 2+i the
 * one-hot vector of input i, then random vectors. */
static void fill_inputs(uint64_t *in, uint32_t npi, uint32_t W, uint64_t base,
                        int exhaustive, uint64_t *rng) {
  for (uint32_t i = 0; i < npi; i++)
    for (uint32_t w = 0; w < W; w++) {
      uint64_t word = base / 64 + w;
      uint64_t *x = &in[(size_t)W * i + w];
      if (exhaustive)
        *x = lw_sim_exhaustive_word(i, word);
      else
        *x = lw_sim_random_word(rng);
    }
  if (exhaustive)
    return;
  uint64_t special = 2 + (uint64_t)npi;
  for (uint64_t g = base; g < special && g < base + 64ull * W; g++) {
    uint32_t w = (uint32_t)((g - base) / 64);
    uint64_t bit = 1ull << (g % 64);
    for (uint32_t i = 0; i < npi; i++) {
      int one = g == 1 || (g >= 2 && g - 2 == i);
      uint64_t *x = &in[(size_t)W * i + w];
      *x = one ? (*x | bit) : (*x & ~bit);
    }
  }
}

/* ---- the run ------------------------------------------------------------- */

typedef struct run {
  const lw_net *net;
  const lw_program *prog;
  matching m;
  lw_u32s order;
  uint32_t W;
  uint64_t *sims, *in, *cells, *lane_mask, *flips, *setup_flips;
  uint8_t *wrong; /* per program output: already reported */
} run;

static void compare_outputs(run *r, lw_sim_issues *issues, uint64_t base) {
  uint32_t W = r->W;
  lw_vec_foreach (&r->prog->outputs, j) {
    if (r->m.out_po[j] == LW_NONE || r->wrong[j])
      continue;
    const uint64_t *want =
        r->sims + (size_t)W * r->net->pos.data[r->m.out_po[j]];
    const uint64_t *have = r->cells + (size_t)W * r->prog->outputs.data[j].cell;
    for (uint32_t w = 0; w < W; w++) {
      uint64_t diff = (want[w] ^ have[w]) & r->lane_mask[w];
      if (!diff)
        continue;
      r->wrong[j] = 1;
      lw_sim_issue(issues, "output %s is wrong (first on vector %llu)",
                   r->prog->outputs.data[j].name,
                   (unsigned long long)(base + 64ull * w +
                                        (uint64_t)__builtin_ctzll(diff)));
      break;
    }
  }
}

static void simulate(run *r, const lw_verify_params *params,
                     lw_verify_report *report, lw_sim_issues *issues) {
  const lw_net *net = r->net;
  const lw_program *prog = r->prog;
  uint32_t npi = net->pis.size;
  report->exhaustive = npi <= params->exhaustive_max && npi < 40;
  uint64_t total = report->exhaustive
                       ? 1ull << npi
                       : 2 + (uint64_t)npi + params->random_vectors;
  /* words per batch: up to 64 (4096 lanes), fewer for big netlists so that
   * the node array stays near 32 MB */
  uint64_t words = (total + 63) / 64;
  uint32_t W = (uint32_t)(words < 64 ? words : 64);
  uint32_t cap = (uint32_t)((4u << 20) / (lw_net_size(net) + 1));
  W = W > cap ? (cap ? cap : 1) : W;
  r->W = W;
  uint32_t n = prog->row_size;
  r->sims = lw_alloc(sizeof(uint64_t) * W * (lw_net_size(net) + 1));
  r->in = lw_alloc(sizeof(uint64_t) * W * (npi + 1));
  r->cells = lw_alloc(sizeof(uint64_t) * W * (n + 1));
  r->lane_mask = lw_alloc(sizeof(uint64_t) * W);
  r->flips = lw_alloc(sizeof(uint64_t) * (n + 1));
  r->setup_flips = lw_alloc(sizeof(uint64_t) * (n + 1));
  r->wrong = lw_alloc(prog->outputs.size + 1);
  uint64_t *prog_in = lw_alloc(sizeof(uint64_t) * W * (prog->inputs.size + 1));
  uint64_t rng = params->seed;
  for (uint64_t base = 0; base < total; base += 64ull * W) {
    fill_inputs(r->in, npi, W, base, report->exhaustive, &rng);
    for (uint32_t w = 0; w < W; w++) {
      uint64_t first = base + 64ull * w;
      uint64_t left = first < total ? total - first : 0;
      r->lane_mask[w] = left >= 64 ? ~(uint64_t)0 : (1ull << left) - 1;
    }
    lw_vec_foreach (&net->pis, i)
      memcpy(r->sims + (size_t)W * net->pis.data[i], r->in + (size_t)W * i,
             sizeof(uint64_t) * W);
    lw_sim_net(net, &r->order, W, r->sims);
    lw_vec_foreach (&prog->inputs, j) {
      uint64_t *dst = prog_in + (size_t)W * j;
      if (r->m.in_pi[j] == LW_NONE)
        memset(dst, 0, sizeof(uint64_t) * W);
      else
        memcpy(dst, r->in + (size_t)W * r->m.in_pi[j], sizeof(uint64_t) * W);
    }
    lw_sim_row_run(prog, W, prog_in, r->lane_mask, r->cells, r->flips,
                   r->setup_flips);
    compare_outputs(r, issues, base);
  }
  report->vectors = total;
  uint64_t cycle_flips = 0, steady = 0;
  for (uint32_t c = 0; c < n; c++) {
    cycle_flips += r->flips[c];
    steady += r->flips[c] + r->setup_flips[c];
    report->cell_flips[c] =
        (double)(r->flips[c] + r->setup_flips[c]) / (double)total;
    if (report->cell_flips[c] > report->hottest_cell_flips) {
      report->hottest_cell_flips = report->cell_flips[c];
      report->hottest_cell = c;
    }
  }
  uint32_t work = n > prog->inputs.size ? n - prog->inputs.size : 0;
  report->mean_cell_flips = work ? (double)steady / (double)total / work : 0;
  report->flips_per_run = (double)cycle_flips / (double)total;
  report->steady_flips_per_run = (double)steady / (double)total;
  lw_free(prog_in);
}

static void free_run(run *r) {
  lw_free(r->m.in_pi);
  lw_free(r->m.out_po);
  lw_vec_free(&r->order);
  lw_free(r->sims);
  lw_free(r->in);
  lw_free(r->cells);
  lw_free(r->lane_mask);
  lw_free(r->flips);
  lw_free(r->setup_flips);
  lw_free(r->wrong);
}

lw_status lw_sim_verify(const lw_net *circuit, const lw_program *prog,
                        const lw_verify_params *params,
                        lw_verify_report *report, lw_error *err) {
  double start = lw_clock();
  lw_verify_params defaults = lw_verify_params_default();
  if (!params)
    params = &defaults;
  memset(report, 0, sizeof *report);
  report->ncells = prog->row_size;
  report->cell_flips = lw_alloc(sizeof(double) * (prog->row_size + 1));
  run r = {.net = circuit, .prog = prog};
  lw_status st = lw_net_topo(circuit, &r.order, err);
  if (st != LW_OK) {
    free_run(&r);
    return st;
  }
  lw_sim_issues issues = {0};
  int simulable =
      lw_sim_row_check(prog, params->allow_input_overwrite, &issues);
  match_names(circuit, prog, &r.m, &issues);
  if (simulable)
    simulate(&r, params, report, &issues);
  /* ABC only sees a well-formed program whose pins all match */
  if (params->cec && !issues.count) {
    int equivalent = 0;
    st = lw_sim_cec(circuit, prog, params, &equivalent, err);
    if (st != LW_OK) {
      free_run(&r);
      return st;
    }
    report->cec_ran = 1;
    report->cec_ok = equivalent;
    if (!equivalent)
      lw_sim_issue(&issues, "ABC cec: the program is NOT equivalent to the "
                            "circuit");
  }
  report->nerrors = issues.count;
  snprintf(report->first_error, sizeof report->first_error, "%s", issues.first);
  report->ok = issues.count == 0;
  report->seconds = lw_clock() - start;
  free_run(&r);
  return LW_OK;
}

lw_status lw_sim_check(const lw_net *circuit, const lw_program *prog,
                       const char *file, const char *what, lw_error *err) {
  lw_verify_params vp = lw_verify_params_default();
  vp.cec = 0;
  lw_verify_report rep;
  lw_status st = lw_sim_verify(circuit, prog, &vp, &rep, err);
  if (st == LW_OK && !rep.ok)
    st = lw_error_set(err, LW_ERR_VERIFY, file, 0, "%s: %s", what,
                      rep.first_error);
  lw_verify_report_free(&rep);
  return st;
}

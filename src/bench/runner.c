#include "bench/runner.h"

#include <stdio.h>
#include <string.h>

#include "base/proc.h"
#include "bench/device_run.h"
#include "net/program.h"

/* " wide=1" only when the wide flow runs: a --no-wide run then reuses a
 * folder written before the wide flow existed, and a default run reruns
 * it (its results lack the wide flow). */
void lw_bench_options_text(const lw_bench_params *p, char *buf, size_t n) {
  snprintf(buf, n, "abc_timeout=%g cec=%d paper_rules=%d seed=%llu%s",
           p->abc.timeout_s, p->cec, p->paper_rules,
           (unsigned long long)p->seed, p->wide ? " wide=1" : "");
  /* the same rule for --exact and --device: results without them are rerun
   * by them */
  if (p->exact) {
    size_t len = strlen(buf);
    snprintf(buf + len, n - len, " exact=%g", p->exact_seconds);
  }
  if (p->device) {
    size_t len = strlen(buf);
    snprintf(buf + len, n - len, " device=%s",
             p->device_bias ? p->device_bias : "recommended");
  }
}

static void error_text(const lw_error *err, char *buf, size_t n) {
  if (err->file[0] && err->line > 0)
    snprintf(buf, n, "%s:%d: %s", err->file, err->line, err->msg);
  else if (err->file[0])
    snprintf(buf, n, "%s: %s", err->file, err->msg);
  else
    snprintf(buf, n, "%s",
             err->msg[0] ? err->msg : lw_status_text(err->status));
}

static void flow_failed(lw_bench_flow *f, lw_flow_id id, const char *when,
                        const lw_error *err) {
  char text[480];
  error_text(err, text, sizeof text);
  snprintf(f->error, sizeof f->error, "%s %s: %s", lw_flow_name(id), when,
           text);
}

/* Read, synthesize and rewrite once per flow; the job then maps at any row
 * without running ABC again. Adds its time to f->seconds. */
static lw_flow_job *prepare_flow(const lw_bench_params *p, const char *path,
                                 lw_flow_id id, lw_flow_job *const *jobs,
                                 lw_bench_flow *f) {
  lw_flow_params fp = lw_flow_params_default(id);
  fp.paper_from = jobs[LW_FLOW_LOWWEAR];
  fp.simpler_from = jobs[LW_FLOW_SIMPLER];
  fp.paper_rules = p->paper_rules;
  lw_flow_params_set_abc(&fp, p->abc);
  /* verified once, by verify() below */
  fp.verify = 0;
  fp.exact = p->exact;
  fp.exact_seconds = p->exact_seconds;
  fp.exact_max_gates = LW_BENCH_EXACT_GATES;
  lw_flow_stats stats;
  memset(&stats, 0, sizeof stats);
  lw_error err;
  memset(&err, 0, sizeof err);
  lw_flow_job *job = NULL;
  double t0 = lw_clock();
  lw_status st = lw_flow_prepare(path, &fp, &stats, &job, &err);
  f->seconds += lw_clock() - t0;
  if (st != LW_OK) {
    flow_failed(f, id, "at its minimum row", &err);
    return NULL;
  }
  f->min_row = stats.min_row;
  return job;
}

/* The flow's program at row (0: its minimum), stats filled; NULL and the
 * error in f when it fails (`when` says where). */
static lw_program *map_at(lw_flow_job *job, lw_flow_id id, uint32_t row,
                          const char *when, lw_flow_stats *stats,
                          lw_bench_flow *f) {
  lw_program *prog = NULL;
  lw_error err;
  memset(&err, 0, sizeof err);
  memset(stats, 0, sizeof *stats);
  double t0 = lw_clock();
  lw_status st = lw_flow_map(job, row, stats, NULL, &prog, &err);
  f->seconds += lw_clock() - t0;
  if (st != LW_OK)
    flow_failed(f, id, when, &err);
  return st == LW_OK ? prog : NULL;
}

/* bench --exact: lowwear's exact minimum row (the flow at its minimum row,
 * --exact); its program is only measured here, not kept. */
static void exact_flow(const lw_bench_params *p, lw_flow_job *job,
                       lw_flow_id id, lw_bench_flow *f) {
  if (!p->exact || id != LW_FLOW_LOWWEAR)
    return;
  lw_flow_stats stats;
  lw_program *prog = map_at(job, id, 0, "in the exact search", &stats, f);
  if (!prog)
    return;
  lw_program_free(prog);
  f->exact_status = stats.exact_status;
  f->exact_row = stats.exact_row;
  f->exact_bound = stats.exact_bound;
}

static lw_program *map_flow(lw_flow_job *job, lw_flow_id id, uint32_t row,
                            lw_bench_flow *f) {
  lw_flow_stats stats;
  lw_program *prog = map_at(job, id, row, "at the chosen row", &stats, f);
  if (!prog)
    return NULL;
  /* the bench results tell the paper-gate netlist apart (lowwear-wide) */
  f->netlist = stats.netlist != LW_FLOW_NETLIST_PAPER ? LW_NETLIST_OWN
               : stats.netlist_reason == LW_FLOW_WHY_ROW
                   ? LW_NETLIST_PAPER_ROW
                   : LW_NETLIST_PAPER_TOGGLE;
  return prog;
}

static void record(lw_bench_flow *f, const lw_program *prog) {
  f->ran = 1;
  f->row_size = lw_program_row_size(prog);
  f->latency = lw_program_latency(prog);
  f->gate_cycles = lw_program_gate_cycles(prog);
  f->init_cycles = lw_program_init_cycles(prog);
  f->toggle_estimate = lw_program_toggle_estimate(prog);
  memcpy(f->gates, prog->metrics.gates, sizeof f->gates);
}

static void verify(const lw_bench_params *p, const lw_net *net,
                   const lw_program *prog, lw_flow_id id, lw_bench_flow *f) {
  lw_verify_params vp = lw_verify_params_default();
  vp.seed = p->seed ? p->seed : vp.seed;
  vp.cec = p->cec;
  vp.abc = p->abc;
  lw_verify_report rep;
  memset(&rep, 0, sizeof rep);
  lw_error err;
  memset(&err, 0, sizeof err);
  double t0 = lw_clock();
  lw_status st = lw_sim_verify(net, prog, &vp, &rep, &err);
  f->verify_seconds = lw_clock() - t0;
  f->verified = st == LW_OK && rep.ok;
  f->vectors = rep.vectors;
  f->exhaustive = rep.exhaustive;
  f->measured_flips = rep.flips_per_run;
  f->steady_flips = rep.steady_flips_per_run;
  f->hottest_cell_flips = rep.hottest_cell_flips;
  f->mean_cell_flips = rep.mean_cell_flips;
  if (st != LW_OK) {
    char text[480];
    error_text(&err, text, sizeof text);
    snprintf(f->error, sizeof f->error, "%s verification: %s", lw_flow_name(id),
             text);
  } else if (!rep.ok) {
    snprintf(f->error, sizeof f->error,
             "%s verification FAILED (%u errors): %.420s", lw_flow_name(id),
             rep.nerrors, rep.first_error);
  }
  lw_verify_report_free(&rep);
}

/* The order flows are prepared in: the low-wear flows take SIMPLER's
 * netlist from the simpler job, lowwear-wide its paper-gate netlists from
 * the lowwear job. */
static const lw_flow_id PREPARE_ORDER[LW_BENCH_NFLOWS] = {
    LW_FLOW_SIMPLER, LW_FLOW_LOWWEAR, LW_FLOW_LOSSS, LW_FLOW_LOWWEAR_WIDE};

/* One of the paper's three flows, whose minimum rows choose the row */
static int paper_flow(lw_flow_id id) {
  for (int k = 0; k < LW_BENCH_NPAPER; k++)
    if (LW_BENCH_ORDER[k] == id)
      return 1;
  return 0;
}

void lw_bench_run_circuit(const lw_bench_params *p, lw_bench_circuit *c,
                          lw_bench_progress progress, void *ctx) {
  lw_bench_options_text(p, c->options, sizeof c->options);
  memset(c->flows, 0, sizeof c->flows);
  for (int k = 0; k < LW_BENCH_NFLOWS; k++)
    c->flows[k].included = lw_bench_flow_selected(p->wide, (lw_flow_id)k);
  c->status = LW_BENCH_OK;
  c->error[0] = 0;
  c->chosen_row = 0;
  double start = lw_clock();

  progress(ctx, NULL, "read");
  lw_read_params rp = lw_read_params_default();
  rp.abc = p->abc;
  lw_net *net = NULL;
  lw_error err;
  memset(&err, 0, sizeof err);
  if (lw_io_read_circuit(c->path, &rp, &net, &err) != LW_OK) {
    error_text(&err, c->error, sizeof c->error);
    c->status = LW_BENCH_FAILED;
    c->seconds = lw_clock() - start;
    return;
  }

  /* Each flow's minimum row; the chosen row is the largest of the paper's
   * three (the protocol as published). A flow beyond the paper is then
   * mapped at that row as well; it never moves the row. */
  lw_flow_job *job[LW_BENCH_NFLOWS] = {NULL};
  for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
    lw_flow_id id = PREPARE_ORDER[k];
    if (!c->flows[id].included)
      continue;
    progress(ctx, lw_flow_name(id), "min-row");
    job[id] = prepare_flow(p, c->path, id, job, &c->flows[id]);
    if (job[id])
      exact_flow(p, job[id], id, &c->flows[id]);
    if (paper_flow(id) && job[id] && c->flows[id].min_row > c->chosen_row)
      c->chosen_row = c->flows[id].min_row;
  }

  /* All flows at the chosen row, from the same synthesis. */
  for (int k = 0; k < LW_BENCH_NFLOWS; k++) {
    lw_flow_id id = LW_BENCH_ORDER[k];
    lw_bench_flow *f = &c->flows[id];
    if (!f->included)
      continue;
    lw_program *prog = NULL;
    if (job[id]) {
      progress(ctx, lw_flow_name(id), "map");
      prog = map_flow(job[id], id, c->chosen_row, f);
    }
    if (!prog) {
      c->status = LW_BENCH_FAILED;
      continue;
    }
    record(f, prog);
    progress(ctx, lw_flow_name(id), "verify");
    verify(p, net, prog, id, f);
    if (!f->verified && c->status == LW_BENCH_OK)
      c->status = LW_BENCH_UNVERIFIED;
    if (p->device && f->verified) {
      progress(ctx, lw_flow_name(id), "device");
      lw_bench_device_run(p, net, prog, id, f);
    }
    lw_program_free(prog);
  }
  for (int id = 0; id < LW_BENCH_NFLOWS; id++)
    lw_flow_job_free(job[id]);
  for (int k = 0; k < LW_BENCH_NFLOWS && !c->error[0]; k++)
    if (c->flows[LW_BENCH_ORDER[k]].error[0])
      snprintf(c->error, sizeof c->error, "%s",
               c->flows[LW_BENCH_ORDER[k]].error);
  lw_net_free(net);
  c->seconds = lw_clock() - start;
}

/* lowwear sweep: row size against latency and wear. Each flow is prepared
 * once (read, ABC, rewrite) and mapped at factor x the base row, the
 * largest of the flows' minimum rows (the benchmark protocol's row at
 * factor 1); every program is verified by simulation and its steady-state
 * wear measured. Below a flow's minimum row (factors below 1) only the
 * low-wear flows with recompute map, when recomputation reaches the row
 * within the latency budget; the other flows have no point there. The CSV and
 * the SVG are report/sweep.c's. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lowwear/wear.h"
#include "net/program.h"
#include "report/sweep_flows.h"

lw_sweep_params lw_sweep_params_default(void) {
  lw_sweep_params p;
  memset(&p, 0, sizeof p);
  static const double factors[] = {1, 1.25, 1.5, 2, 3};
  p.nfactors = 5;
  memcpy(p.factors, factors, sizeof factors);
  p.wear_control = 1;
  p.rotate = 1; /* no rotated variants, as --rotate 1 */
  p.flow = lw_flow_params_default(LW_FLOW_LOWWEAR);
  p.flow.verify_params.cec = 0; /* simulation: cec at every row is slow */
  p.wear = lw_wear_params_default();
  return p;
}

void lw_sweep_free(lw_sweep *s) {
  if (!s)
    return;
  lw_free(s->circuit);
  lw_free(s->points);
  memset(s, 0, sizeof *s);
}

static lw_flow_params flow_params(const lw_sweep_params *sp,
                                  const sweep_flow *f) {
  lw_flow_params p = lw_flow_params_default(f->id);
  /* the template's shared settings, the flow's own synthesis choices */
  p.synth.abc = sp->flow.synth.abc;
  p.read = sp->flow.read;
  p.verify = sp->flow.verify;
  p.verify_params = sp->flow.verify_params;
  p.paper_rules = sp->flow.paper_rules;
  if (sp->recompute && f->id != LW_FLOW_SIMPLER && f->id != LW_FLOW_LOSSS) {
    p.recompute = 1;
    p.latency_budget = sp->latency_budget;
  }
  if (f->wear) {
    p.wear_aware = 1;
    p.prob_reinit = 1;
    p.latency_slack = sp->latency_slack;
  }
  return p;
}

static void mark_pareto(lw_sweep *s) {
  for (uint32_t i = 0; i < s->npoints; i++) {
    lw_sweep_point *a = &s->points[i];
    a->pareto = 1;
    for (uint32_t j = 0; j < s->npoints && a->pareto; j++) {
      const lw_sweep_point *b = &s->points[j];
      if (b->latency <= a->latency && b->hottest_flips <= a->hottest_flips &&
          (b->latency < a->latency || b->hottest_flips < a->hottest_flips))
        a->pareto = 0;
    }
  }
}

/* The hottest cell of a row cycling through sp->rotate variants
 * (lw_program_level: balanced by measured wear, or rotated). */
static lw_status measure_rotated(const lw_program *prog,
                                 const lw_sweep_params *sp, lw_sweep_point *pt,
                                 lw_error *err) {
  lw_program **v = lw_alloc(sizeof *v * sp->rotate);
  lw_status st = lw_program_level(prog, sp->rotate, &sp->wear, v, err);
  lw_wear_report rep;
  if (st == LW_OK)
    st = lw_wear_measure((const lw_program *const *)v, sp->rotate, &sp->wear,
                         &rep, err);
  if (st == LW_OK)
    pt->hottest_rotated = rep.hottest_flips;
  lw_wear_report_free(&rep);
  for (uint32_t k = 0; k < sp->rotate; k++)
    lw_program_free(v[k]);
  lw_free(v);
  return st;
}

static lw_status measure(lw_flow_job *job, const lw_sweep_params *sp,
                         uint32_t row, lw_sweep_point *pt, lw_error *err) {
  lw_program *prog = NULL;
  lw_status st = lw_flow_map(job, row, NULL, NULL, &prog, err);
  if (st != LW_OK)
    return st;
  lw_wear_report rep;
  const lw_program *one[1] = {prog};
  st = lw_wear_measure(one, 1, &sp->wear, &rep, err);
  if (st == LW_OK) {
    pt->row = row;
    pt->latency = prog->cycles.size;
    pt->toggle = prog->metrics.toggle_estimate;
    pt->flips = rep.flips_per_run;
    pt->steady_flips = rep.steady_flips_per_run;
    pt->hottest_flips = rep.hottest_flips;
    /* runs until the hottest cell reaches the middle endurance (1e9) */
    double e =
        sp->wear.nendurance > 1 ? sp->wear.endurance[1] : sp->wear.endurance[0];
    pt->lifetime_runs = rep.hottest_flips > 0 ? e / rep.hottest_flips : 0;
  }
  lw_wear_report_free(&rep);
  if (st == LW_OK && sp->rotate > 1)
    st = measure_rotated(prog, sp, pt, err);
  lw_program_free(prog);
  return st;
}

lw_status lw_sweep_run(const char *path, const lw_sweep_params *sp, lw_sweep *s,
                       lw_error *err) {
  memset(s, 0, sizeof *s);
  s->rotate = sp->rotate;
  lw_flow_job *jobs[NFLOWS] = {0};
  lw_flow_stats stats[NFLOWS];
  const sweep_flow *active[NFLOWS];
  size_t nflows = 0;
  for (size_t f = 0; f < NFLOWS; f++)
    if (sp->wear_control || !sweep_flows[f].wear)
      active[nflows++] = &sweep_flows[f];
  lw_status st = LW_OK;
  const lw_flow_job *lowwear = NULL; /* lends its paper-gate netlists */
  for (size_t f = 0; f < nflows && st == LW_OK; f++) {
    lw_flow_params p = flow_params(sp, active[f]);
    p.paper_from = lowwear;
    st = lw_flow_prepare(path, &p, &stats[f], &jobs[f], err);
    if (st == LW_OK && p.flow == LW_FLOW_LOWWEAR && !lowwear)
      lowwear = jobs[f];
    if (st == LW_OK && stats[f].min_row > s->base_row)
      s->base_row = stats[f].min_row;
  }
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  s->circuit = lw_strndup(base, dot && dot != base ? (size_t)(dot - base)
                                                   : strlen(base));
  s->points = lw_alloc(sizeof *s->points * (nflows * sp->nfactors + 1));
  for (uint32_t k = 0; k < sp->nfactors && st == LW_OK; k++) {
    uint32_t row = (uint32_t)ceil(s->base_row * sp->factors[k] - 1e-9);
    for (size_t f = 0; f < nflows && st == LW_OK; f++) {
      lw_sweep_point *pt = &s->points[s->npoints];
      snprintf(pt->flow, sizeof pt->flow, "%s", active[f]->name);
      pt->factor = sp->factors[k];
      pt->min_row = stats[f].min_row;
      if (row < stats[f].min_row && !flow_params(sp, active[f]).recompute)
        continue; /* below the minimum: only recomputation maps there */
      st = measure(jobs[f], sp, row, pt, err);
      if (st == LW_OK)
        s->npoints++;
      else if (st == LW_ERR_ROW && row < stats[f].min_row)
        st = LW_OK; /* recomputation did not reach it within budget */
    }
  }
  for (size_t f = 0; f < nflows; f++)
    lw_flow_job_free(jobs[f]);
  mark_pareto(s);
  return st;
}

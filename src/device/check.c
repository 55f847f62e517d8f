/* The device check: every case of every selected gate, judged by docs/method.md
 * section 6 (the output ends as the truth table says and every input
 * keeps its logic value), with the static margins of docs/device.md 4.2. */
#include "device/check.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/proc.h"
#include "device/trace.h"

lw_device_params lw_device_params_default(void) {
  lw_device_params p = {
      .bias = "recommended",
      .gate = NULL,
      .pulse_s = 0,
      .fmin = 1,
      .heat = 1,
      .trace_dir = NULL,
  };
  return p;
}

lw_status lw_device_setup(const lw_device_params *params, lw_dsetup *s,
                          lw_error *err) {
  memset(s, 0, sizeof *s);
  lw_status st =
      lw_bias_load(params->bias ? params->bias : "recommended", &s->bias, err);
  if (st != LW_OK)
    return st;
  for (uint32_t i = 0; i < s->bias.nrows; i++)
    if (!lw_dgate_find(s->bias.rows[i].gate))
      return lw_error_set(err, LW_ERR_PARSE, params->bias ? params->bias : "",
                          s->bias.rows[i].line, "unknown gate '%s'",
                          s->bias.rows[i].gate);
  s->model = lw_rram_default();
  s->model.gap_min = s->bias.gap_min;
  s->model.gap_max = s->bias.gap_max;
  if (!params->fmin)
    s->model.f_min = 0;
  if (!params->heat)
    s->model.rth = 0;
  s->pulse = params->pulse_s > 0 ? params->pulse_s : s->bias.pulse;
  return LW_OK;
}

int lw_device_select(const lw_device_params *params, const lw_dsetup *s,
                     const lw_dgate **gates, int max, lw_error *err) {
  const char *sel = params->gate ? params->gate : "paper";
  int group = !strcasecmp(sel, "paper")  ? LW_DGROUP_PAPER
              : !strcasecmp(sel, "wide") ? LW_DGROUP_WIDE
              : !strcasecmp(sel, "all")  ? -1
                                         : -2;
  int n = 0;
  if (group == -2) {
    const lw_dgate *g = lw_dgate_find(sel);
    if (!g) {
      lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                   "unknown gate '%s' (a gate name, paper, wide or all)", sel);
      return -1;
    }
    if (!lw_bias_find(&s->bias, g->name)) {
      lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                   "bias table '%s' has no row for %s", s->bias.name, g->name);
      return -1;
    }
    gates[n++] = g;
    return n;
  }
  for (int i = 0; i < lw_dgate_count() && n < max; i++) {
    const lw_dgate *g = lw_dgate_at(i);
    if ((group < 0 || (int)g->group == group) &&
        lw_bias_find(&s->bias, g->name))
      gates[n++] = g;
  }
  if (n == 0)
    lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                 "bias table '%s' has no row for the gates selected (%s)",
                 s->bias.name, sel);
  return n ? n : -1;
}

/* Margin against an unwanted change of a device whose logic is `logic`:
 * the harmful polarity is SET for a 0 and RESET for a 1; the margin is the
 * threshold in that polarity minus the voltage in that polarity, so a
 * device biased the harmless way has a margin above its threshold. */
static double hold_margin(const lw_rram *m, double v, double g, int logic) {
  int harm = logic ? -1 : 1;
  return lw_rram_threshold(m, g, harm) - harm * v;
}

static void margins(const lw_dsetup *s, const lw_pmr *c, const double *final,
                    const int *logic, int expected, lw_device_case *out) {
  const lw_rram *m = &c->model;
  double t_top = s->bias.edge + 0.5 * s->pulse, v[LW_PMR_MAX_DEVICES],
         g0[LW_PMR_MAX_DEVICES];
  uint32_t o = c->n - 1;
  for (uint32_t i = 0; i < c->n; i++)
    g0[i] = c->dev[i].gap;
  lw_pmr_solve(c, t_top, g0, v);
  if (expected != logic[o]) {
    int dir = expected ? 1 : -1; /* SET makes a 1 */
    out->output_margin_v = dir * v[o] - lw_rram_threshold(m, g0[o], dir);
  } else {
    out->output_margin_v = hold_margin(m, v[o], g0[o], logic[o]);
  }
  out->has_output_margin = m->f_min > 0;
  out->has_input_margin = o > 0 && m->f_min > 0;
  out->input_margin_v = INFINITY;
  for (int pass = 0; pass < 2; pass++) {
    const double *g = pass ? final : g0;
    if (pass)
      lw_pmr_solve(c, t_top, g, v);
    for (uint32_t i = 0; i < o; i++)
      out->input_margin_v =
          fmin(out->input_margin_v, hold_margin(m, v[i], g[i], logic[i]));
  }
  if (!out->has_input_margin)
    out->input_margin_v = 0;
  if (!out->has_output_margin)
    out->output_margin_v = 0;
}

lw_status lw_device_run_case(const lw_dsetup *s, const lw_dgate *g,
                             const lw_bias_row *row, uint32_t bits,
                             lw_device_case *out, lw_pmr_trace *trace,
                             lw_error *err) {
  lw_pmr c;
  lw_dgate_circuit(g, &s->bias, row, &s->model, s->pulse, bits, &c);
  lw_pmr_result r;
  lw_status st = lw_pmr_run(&c, s->bias.read, &r, trace, err);
  if (st != LW_OK)
    return st;
  int logic[LW_PMR_MAX_DEVICES], expected;
  lw_dgate_case(g, bits, logic, &expected);
  memset(out, 0, sizeof *out);
  out->gate = g->name;
  int k = lw_dgate_operands(g);
  for (int i = 0; i < k; i++)
    out->inputs[i] = (char)('0' + ((bits >> (k - 1 - i)) & 1));
  out->ndevices = c.n;
  uint32_t o = c.n - 1;
  out->inputs_kept = 1;
  for (uint32_t i = 0; i < c.n; i++) {
    out->initial_gap_nm[i] = c.dev[i].gap * 1e9;
    out->final_gap_nm[i] = r.gap[i] * 1e9;
    int now = r.gap[i] < s->bias.read;
    if (i < o) {
      out->inputs_kept &= now == logic[i];
      out->max_input_drift_nm =
          fmax(out->max_input_drift_nm, r.max_drift[i] * 1e9);
    }
  }
  out->output = r.gap[o] < s->bias.read;
  out->expected = expected;
  out->switching = expected != logic[o];
  out->pass = out->output == expected && out->inputs_kept;
  out->t_switch_s = r.t_cross[o];
  out->energy_j = r.energy;
  out->peak_temp_k = r.peak_temp;
  margins(s, &c, r.gap, logic, expected, out);
  return LW_OK;
}

lw_status lw_device_check(const lw_device_params *params, lw_device_report *rep,
                          lw_error *err) {
  memset(rep, 0, sizeof *rep);
  lw_dsetup s;
  lw_status st = lw_device_setup(params, &s, err);
  if (st != LW_OK)
    return st;
  const lw_dgate *gates[64];
  int ng = lw_device_select(params, &s, gates, 64, err);
  if (ng < 0)
    return err ? err->status : LW_ERR_USAGE;
  uint32_t total = 0;
  for (int i = 0; i < ng; i++)
    total += 1u << lw_dgate_operands(gates[i]);
  snprintf(rep->bias, sizeof rep->bias, "%s", s.bias.name);
  rep->pulse_s = s.pulse;
  rep->fmin = params->fmin;
  rep->heat = params->heat;
  rep->cases = lw_alloc(total * sizeof *rep->cases);
  rep->all_pass = 1;
  lw_pmr_trace trace = {0};
  double start = lw_clock();
  for (int i = 0; i < ng && st == LW_OK; i++) {
    const lw_bias_row *row = lw_bias_find(&s.bias, gates[i]->name);
    for (uint32_t b = 0; b < 1u << lw_dgate_operands(gates[i]); b++) {
      lw_device_case *cs = &rep->cases[rep->ncases];
      st = lw_device_run_case(&s, gates[i], row, b, cs,
                              params->trace_dir ? &trace : NULL, err);
      if (st != LW_OK)
        break;
      rep->ncases++;
      rep->all_pass &= cs->pass;
      if (params->trace_dir &&
          (st = lw_device_trace_write(params->trace_dir, cs, &trace, err)) !=
              LW_OK)
        break;
    }
  }
  rep->seconds = lw_clock() - start;
  lw_vec_free(&trace.data);
  if (st != LW_OK)
    lw_device_report_free(rep);
  return st;
}

void lw_device_report_free(lw_device_report *rep) {
  lw_free(rep->cases);
  rep->cases = NULL;
  rep->ncases = 0;
}

/* The program run's report as JSON (docs/device.md section 10.1). */
#include <jansson.h>
#include <math.h>

#include "base/json.h"
#include "lowwear/device.h"

/* Numbers that may be NaN (a cell never used has no margin) go through
 * lw_json_real: null then. */
static json_t *vectors_json(const lw_device_program_report *rep) {
  json_t *a = json_array();
  for (uint32_t v = 0; v < rep->nvectors; v++) {
    const lw_device_vector *x = &rep->vectors[v];
    json_t *o = json_object();
    json_object_set_new(o, "pass", json_boolean(x->pass));
    json_object_set_new(o, "wrong_outputs", json_integer(x->wrong_outputs));
    json_object_set_new(o, "first_fail_cycle",
                        x->first_fail ? json_integer(x->first_fail)
                                      : json_null());
    json_object_set_new(o, "first_fail_kind",
                        x->first_fail ? json_string(x->first_fail_kind)
                                      : json_null());
    json_object_set_new(o, "energy_j", json_real(x->energy_j));
    json_array_append_new(a, o);
  }
  return a;
}

static json_t *cells_json(const lw_device_program_report *rep) {
  json_t *a = json_array();
  for (uint32_t c = 0; c < rep->ncells; c++) {
    const lw_device_cell *x = &rep->cells[c];
    json_t *o = json_object();
    json_object_set_new(o, "cell", json_integer(c));
    json_object_set_new(o, "writes", json_integer(x->writes));
    json_object_set_new(o, "reads", json_integer(x->reads));
    int used = isfinite(x->margin_nm);
    json_object_set_new(o, "worst_gap_nm",
                        used ? json_real(x->worst_gap_nm) : json_null());
    json_object_set_new(o, "worst_value",
                        used ? json_integer(x->worst_value) : json_null());
    json_object_set_new(o, "margin_nm", lw_json_real(x->margin_nm));
    json_object_set_new(o, "worst_cycle",
                        used ? json_integer(x->worst_cycle) : json_null());
    json_object_set_new(o, "max_drift_nm", json_real(x->max_drift_nm));
    json_object_set_new(o, "max_reads_between_writes",
                        json_integer(x->max_reads));
    json_array_append_new(a, o);
  }
  return a;
}

static json_t *kinds_json(const lw_device_program_report *rep) {
  json_t *o = json_object();
  for (uint32_t k = 0; k < rep->nkinds; k++) {
    json_t *x = json_object();
    json_object_set_new(x, "cycles", json_real(rep->kinds[k].cycles));
    json_object_set_new(x, "energy_j", json_real(rep->kinds[k].energy_j));
    json_object_set_new(o, rep->kinds[k].name, x);
  }
  return o;
}

char *lw_device_program_report_json(const lw_device_program_report *rep) {
  json_t *root = json_object();
  json_object_set_new(root, "bias", json_string(rep->bias));
  json_object_set_new(root, "pulse_s", json_real(rep->pulse_s));
  json_object_set_new(root, "all_pass", json_boolean(rep->all_pass));
  json_object_set_new(root, "vectors", json_integer(rep->nvectors));
  json_object_set_new(root, "exhaustive", json_boolean(rep->exhaustive));
  json_object_set_new(root, "passing", json_integer(rep->passing));
  json_object_set_new(root, "cycles", json_integer(rep->ncycles));
  json_object_set_new(root, "energy_j", json_real(rep->energy_j));
  json_object_set_new(root, "init_energy_j", json_real(rep->init_energy_j));
  json_object_set_new(root, "least_margin_nm",
                      lw_json_real(rep->least_margin_nm));
  json_object_set_new(root, "least_margin_cell", json_integer(rep->least_cell));
  json_object_set_new(root, "least_margin_cycle",
                      json_integer(rep->least_cycle));
  json_object_set_new(root, "least_input_margin_nm",
                      lw_json_real(rep->least_input_margin_nm));
  json_object_set_new(root, "least_input_margin_cell",
                      json_integer(rep->least_input_cell));
  json_object_set_new(root, "first_fail_cycle",
                      rep->first_fail ? json_integer(rep->first_fail)
                                      : json_null());
  json_object_set_new(root, "first_fail_kind",
                      rep->first_fail ? json_string(rep->first_fail_kind)
                                      : json_null());
  json_object_set_new(root, "energy_by_kind", kinds_json(rep));
  if (rep->trials) {
    json_t *mc = json_object();
    json_object_set_new(mc, "sigma", json_real(rep->variation));
    json_object_set_new(mc, "trials", json_integer(rep->trials));
    json_object_set_new(mc, "trials_pass", json_integer(rep->trials_pass));
    json_object_set_new(mc, "pass_fraction",
                        json_real((double)rep->trials_pass / rep->trials));
    json_object_set_new(mc, "energy_j", json_real(rep->mc_energy_j));
    json_object_set_new(mc, "first_fail_kind",
                        rep->mc_first_fail_kind[0]
                            ? json_string(rep->mc_first_fail_kind)
                            : json_null());
    json_object_set_new(mc, "min_pass",
                        rep->min_pass > 0 ? json_real(rep->min_pass)
                                          : json_null());
    json_object_set_new(root, "monte_carlo", mc);
  }
  if (rep->spice) {
    /* null when ngspice was not found or did not finish */
    const lw_device_spice_stats *ss = &rep->spice_stats;
    int ok = ss->runs_ok > 0;
    json_object_set_new(root, "spice_ran", json_boolean(ss->ran));
    json_object_set_new(root, "spice_max_gap_diff_nm",
                        ok ? json_real(ss->max_gap_diff_nm) : json_null());
    json_object_set_new(root, "spice_logic_mismatches",
                        ok ? json_integer(ss->logic_mismatches) : json_null());
    json_object_set_new(root, "spice_seconds", json_real(ss->seconds));
  }
  /* what the CLI exits with: 0 passed, 4 not (lw_device_program_passed) */
  json_object_set_new(root, "passed",
                      json_boolean(lw_device_program_passed(rep)));
  if (rep->trace)
    json_object_set_new(root, "trace_vector",
                        json_integer((json_int_t)rep->trace_vector));
  json_object_set_new(root, "pmr_runs",
                      json_integer((json_int_t)rep->pmr_runs));
  json_object_set_new(root, "pmr_integrated",
                      json_integer((json_int_t)rep->pmr_integrated));
  json_object_set_new(root, "gap_grid_nm", json_real(rep->gap_grid_m * 1e9));
  json_object_set_new(root, "pmr_steps",
                      json_integer((json_int_t)rep->pmr_steps));
  json_object_set_new(root, "seconds", json_real(rep->seconds));
  json_object_set_new(root, "per_vector", vectors_json(rep));
  json_object_set_new(root, "cells", cells_json(rep));
  char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                    JSON_REAL_PRECISION(10));
  json_decref(root);
  return text;
}

/* The device report as JSON (the shape the issue fixes: bias, pulse_s,
 * all_pass and one object per case, devices listed inputs first). */
#include <jansson.h>
#include <math.h>

#include "lowwear/device.h"

/* Round to a fixed number of decimals so the JSON does not carry
 * integration noise in the last digits. */
static json_t *rounded(double x, double unit) {
  return json_real(round(x / unit) * unit);
}

static json_t *gaps(const double *g, uint32_t n) {
  json_t *a = json_array();
  for (uint32_t i = 0; i < n; i++)
    json_array_append_new(a, rounded(g[i], 1e-6));
  return a;
}

static json_t *one_case(const lw_device_case *c) {
  json_t *o = json_object();
  json_object_set_new(o, "gate", json_string(c->gate));
  json_object_set_new(o, "inputs", json_string(c->inputs));
  json_object_set_new(o, "initial_gaps_nm",
                      gaps(c->initial_gap_nm, c->ndevices));
  json_object_set_new(o, "final_gaps_nm", gaps(c->final_gap_nm, c->ndevices));
  json_object_set_new(o, "output", json_integer(c->output));
  json_object_set_new(o, "expected", json_integer(c->expected));
  json_object_set_new(o, "inputs_kept", json_boolean(c->inputs_kept));
  json_object_set_new(o, "switching", json_boolean(c->switching));
  json_object_set_new(o, "pass", json_boolean(c->pass));
  json_object_set_new(o, "t_switch_s",
                      c->t_switch_s < 0 ? json_null()
                                        : rounded(c->t_switch_s, 1e-12));
  json_object_set_new(o, "max_input_drift_nm",
                      rounded(c->max_input_drift_nm, 1e-6));
  json_object_set_new(o, "energy_j", json_real(c->energy_j));
  json_object_set_new(o, "peak_temp_k", rounded(c->peak_temp_k, 1e-3));
  json_object_set_new(o, "output_margin_v",
                      c->has_output_margin ? rounded(c->output_margin_v, 1e-6)
                                           : json_null());
  json_object_set_new(o, "input_margin_v",
                      c->has_input_margin ? rounded(c->input_margin_v, 1e-6)
                                          : json_null());
  return o;
}

char *lw_device_report_json(const lw_device_report *rep) {
  json_t *root = json_object();
  json_object_set_new(root, "bias", json_string(rep->bias));
  json_object_set_new(root, "pulse_s", json_real(rep->pulse_s));
  json_object_set_new(root, "fmin", json_boolean(rep->fmin));
  json_object_set_new(root, "heat", json_boolean(rep->heat));
  json_object_set_new(root, "all_pass", json_boolean(rep->all_pass));
  json_object_set_new(root, "seconds", rounded(rep->seconds, 1e-6));
  json_t *cases = json_array();
  for (uint32_t i = 0; i < rep->ncases; i++)
    json_array_append_new(cases, one_case(&rep->cases[i]));
  json_object_set_new(root, "cases", cases);
  char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                    JSON_REAL_PRECISION(10));
  json_decref(root);
  return text;
}

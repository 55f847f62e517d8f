/* The device check against docs/device.md: the 26 cases of 5.3 at the
 * recommended bias, the paper's nominal values failing as 3.1 says, the
 * static margins of 2.1, the wide gates of 3.7, and the speed. */
#include "lw_test.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/proc.h"
#include "lowwear/device.h"

/* docs/device.md 5.3 (and the COPYr note under it): final gaps in nm, devices
 * inputs first, output last; t_switch in ns, 0 for "-". */
static const struct {
  const char *gate, *inputs;
  double final_nm[4];
  int out;
  double t_ns;
} table[] = {
    {"NOT", "0", {1.700, 0.298}, 1, 121},
    {"NOT", "1", {0.300, 1.700}, 0, 0},
    {"COPY", "0", {1.700, 1.700}, 0, 0},
    {"COPY", "1", {0.300, 0.200}, 1, 296},
    {"IMP", "00", {1.700, 0.298}, 1, 121},
    {"IMP", "01", {1.700, 0.298}, 1, 0},
    {"IMP", "10", {0.300, 1.700}, 0, 0},
    {"IMP", "11", {0.300, 0.300}, 1, 0},
    {"NOR", "00", {1.700, 1.700, 0.299}, 1, 125},
    {"NOR", "01", {1.700, 0.300, 1.700}, 0, 0},
    {"NOR", "10", {0.300, 1.700, 1.700}, 0, 0},
    {"NOR", "11", {0.300, 0.300, 1.700}, 0, 0},
    {"OR", "00", {1.800, 1.800, 1.800}, 0, 67},
    {"OR", "01", {1.700, 0.300, 0.300}, 1, 0},
    {"OR", "10", {0.300, 1.700, 0.300}, 1, 0},
    {"OR", "11", {0.300, 0.300, 0.300}, 1, 0},
    {"ONOR", "000", {1.700, 1.700, 0.299}, 1, 125},
    {"ONOR", "001", {1.700, 1.700, 0.299}, 1, 0},
    {"ONOR", "010", {1.700, 0.300, 1.700}, 0, 0},
    {"ONOR", "011", {1.700, 0.300, 0.300}, 1, 0},
    {"ONOR", "100", {0.300, 1.700, 1.700}, 0, 0},
    {"ONOR", "101", {0.300, 1.700, 0.300}, 1, 0},
    {"ONOR", "110", {0.300, 0.300, 1.700}, 0, 0},
    {"ONOR", "111", {0.300, 0.300, 0.300}, 1, 0},
    {"COPYr", "0", {1.800, 1.800}, 0, 0},
    {"COPYr", "1", {0.300, 0.300}, 1, 0},
};
#define NTABLE (sizeof table / sizeof *table)

static const lw_device_case *find(const lw_device_report *rep, const char *gate,
                                  const char *inputs) {
  for (uint32_t i = 0; i < rep->ncases; i++)
    if (!strcmp(rep->cases[i].gate, gate) &&
        !strcmp(rep->cases[i].inputs, inputs))
      return &rep->cases[i];
  return NULL;
}

static void test_recommended_table(void **state) {
  (void)state;
  lw_device_params p = lw_device_params_default();
  lw_device_report rep;
  lw_error err;
  double t0 = lw_clock();
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  double seconds = lw_clock() - t0;
  print_message("26-case table: %.4f s\n", seconds);
  assert_true(seconds < 1.0);
  assert_int_equal(rep.ncases, NTABLE);
  assert_true(rep.all_pass);
  for (size_t k = 0; k < NTABLE; k++) {
    const lw_device_case *c = find(&rep, table[k].gate, table[k].inputs);
    assert_non_null(c);
    assert_true(c->pass);
    assert_true(c->inputs_kept);
    assert_int_equal(c->output, table[k].out);
    assert_int_equal(c->expected, table[k].out);
    for (uint32_t i = 0; i < c->ndevices; i++)
      assert_float_equal(c->final_gap_nm[i], table[k].final_nm[i], 0.005);
    /* a 0 in the table means the output never crossed 1 nm; the table
     * gives no time for COPYr's switching case, so that one is skipped */
    if (table[k].t_ns > 0)
      assert_float_equal(c->t_switch_s * 1e9, table[k].t_ns, 3);
    else if (strcmp(c->gate, "COPYr"))
      assert_true(c->t_switch_s < 0);
    /* input drift: none, except OR-type HRS inputs going 1.7 -> 1.8 */
    double drift = !strcmp(c->inputs, "00") && !strcmp(c->gate, "OR") ? 0.1
                   : !strcmp(c->gate, "COPYr") && c->inputs[0] == '0' ? 0.1
                                                                      : 0.0;
    assert_float_equal(c->max_input_drift_nm, drift, 0.002);
    /* docs/device.md 5.3: 0.2-34 nJ per 1 us pulse */
    assert_true(c->energy_j > 0.15e-9 && c->energy_j < 35e-9);
  }
  lw_device_report_free(&rep);
}

static void test_static_margins(void **state) {
  (void)state;
  lw_device_params p = lw_device_params_default();
  lw_device_report rep;
  lw_error err;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  /* docs/device.md 4.2, in mV: switch, hold and input disturb margins */
  const struct {
    const char *gate, *sw, *hold;
    double m_sw, m_hold, m_in;
  } rows[] = {{"NOT", "0", "1", 151, 150, 159},
              {"NOR", "00", "01", 147, 150, 163},
              {"OR", "00", "01", 83, 47, 47},
              {"COPY", "1", "0", 58, 28, 31}};
  for (int k = 0; k < 4; k++) {
    const lw_device_case *sw = find(&rep, rows[k].gate, rows[k].sw);
    const lw_device_case *hold = find(&rep, rows[k].gate, rows[k].hold);
    assert_true(sw->has_output_margin && hold->has_output_margin);
    assert_float_equal(sw->output_margin_v * 1e3, rows[k].m_sw, 2);
    assert_float_equal(hold->output_margin_v * 1e3, rows[k].m_hold, 2);
    /* COPY's +31 mV is a transient peak; our static value after the set
     * is a few mV above it */
    double tol = strcmp(rows[k].gate, "COPY") ? 2 : 5;
    double m_in = fmin(sw->input_margin_v, hold->input_margin_v);
    assert_float_equal(m_in * 1e3, rows[k].m_in, tol);
  }
  lw_device_report_free(&rep);
}

static void test_paper_values_fail(void **state) {
  (void)state;
  lw_device_params p = lw_device_params_default();
  p.bias = "paper";
  lw_device_report rep;
  lw_error err;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  assert_false(rep.all_pass);
  /* docs/device.md 5.1: the all-zero case of every inhibiting gate, OR's and
   * COPYr's all-zero case, and both COPY cases fail; the rest pass */
  const char *fail[] = {"NOT 0", "IMP 00",  "NOR 00", "ONOR 000",
                        "OR 00", "COPYr 0", "COPY 0", "COPY 1"};
  for (uint32_t i = 0; i < rep.ncases; i++) {
    const lw_device_case *c = &rep.cases[i];
    char key[32];
    snprintf(key, sizeof key, "%s %s", c->gate, c->inputs);
    int expect_fail = 0;
    for (size_t k = 0; k < sizeof fail / sizeof *fail; k++)
      expect_fail |= !strcmp(key, fail[k]);
    assert_int_equal(c->pass, !expect_fail);
  }
  /* the SET gates' output sees 1.390 V against 1.392 V: just short */
  const lw_device_case *c = find(&rep, "NOR", "00");
  assert_true(c->output_margin_v < 0 && c->output_margin_v > -0.004);
  assert_float_equal(c->final_gap_nm[2], 1.7, 1e-9);
  /* OR: the LRS output gets only ~0.81 V against 1.051 V */
  c = find(&rep, "OR", "00");
  assert_float_equal(c->output_margin_v, 0.81 - 1.0514, 0.01);
  /* COPY 0 switches spuriously in about 544 ns; COPY 1 loses its input
   * to a reset to about 1.78 nm */
  c = find(&rep, "COPY", "0");
  assert_float_equal(c->t_switch_s * 1e9, 544, 4);
  c = find(&rep, "COPY", "1");
  assert_false(c->inputs_kept);
  assert_float_equal(c->final_gap_nm[0], 1.78, 0.01);
  lw_device_report_free(&rep);
}

static void test_variants(void **state) {
  (void)state;
  lw_device_params p = lw_device_params_default();
  lw_device_report rep;
  lw_error err;
  /* heating off changes no outcome at the recommended bias (1.4) */
  p.heat = 0;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  assert_true(rep.all_pass);
  lw_device_report_free(&rep);
  /* gate off, paper values: the SET gates pass (output in ~561 ns), OR
   * and COPYr fail (3.4) */
  p = lw_device_params_default();
  p.bias = "paper";
  p.fmin = 0;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  assert_true(find(&rep, "NOR", "00")->pass);
  assert_float_equal(find(&rep, "NOT", "0")->t_switch_s * 1e9, 561, 5);
  assert_false(find(&rep, "OR", "00")->pass);
  assert_false(find(&rep, "COPYr", "0")->pass);
  assert_false(find(&rep, "NOT", "0")->has_output_margin);
  lw_device_report_free(&rep);
  /* 10 us pulses: identical logic at the recommended bias (3.5) */
  p = lw_device_params_default();
  p.pulse_s = 10e-6;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  assert_true(rep.all_pass);
  assert_float_equal(rep.pulse_s, 10e-6, 1e-15);
  lw_device_report_free(&rep);
}

static void test_wide_gates(void **state) {
  (void)state;
  lw_device_params p = lw_device_params_default();
  p.gate = "wide";
  lw_device_report rep;
  lw_error err;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  /* 3.7: NOR3 8, OR3 8, ONOR3 16, NOR4 16, OR4 16 */
  assert_int_equal(rep.ncases, 64);
  assert_true(rep.all_pass);
  const lw_device_case *c = find(&rep, "NOR3", "000");
  assert_float_equal(c->t_switch_s * 1e9, 129, 3);
  lw_device_report_free(&rep);
  p.gate = "nor4"; /* names are case-insensitive */
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  assert_int_equal(rep.ncases, 16);
  lw_device_report_free(&rep);
  p.gate = "XOR";
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_ERR_USAGE);
  assert_non_null(strstr(err.msg, "XOR"));
}

static void test_json_shape(void **state) {
  (void)state;
  lw_device_params p = lw_device_params_default();
  p.gate = "NOR";
  lw_device_report rep;
  lw_error err;
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  char *text = lw_device_report_json(&rep);
  json_error_t jerr;
  json_t *root = json_loads(text, 0, &jerr);
  assert_non_null(root);
  assert_string_equal(json_string_value(json_object_get(root, "bias")),
                      "recommended");
  assert_true(json_is_true(json_object_get(root, "all_pass")));
  assert_float_equal(json_real_value(json_object_get(root, "pulse_s")), 1e-6,
                     1e-15);
  json_t *cases = json_object_get(root, "cases");
  assert_int_equal(json_array_size(cases), 4);
  json_t *c0 = json_array_get(cases, 0), *c1 = json_array_get(cases, 1);
  assert_string_equal(json_string_value(json_object_get(c0, "inputs")), "00");
  assert_int_equal(json_array_size(json_object_get(c0, "final_gaps_nm")), 3);
  assert_true(json_is_real(json_object_get(c0, "t_switch_s")));
  assert_true(json_is_null(json_object_get(c1, "t_switch_s")));
  assert_int_equal(json_integer_value(json_object_get(c1, "output")), 0);
  const char *keys[] = {"gate", "initial_gaps_nm",    "expected", "inputs_kept",
                        "pass", "max_input_drift_nm", "energy_j"};
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
    assert_non_null(json_object_get(c1, keys[k]));
  json_decref(root);
  free(text);
  lw_device_report_free(&rep);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_recommended_table),
      cmocka_unit_test(test_static_margins),
      cmocka_unit_test(test_paper_values_fail),
      cmocka_unit_test(test_variants),
      cmocka_unit_test(test_wide_gates),
      cmocka_unit_test(test_json_shape),
  };
  return lw_test_run(tests, NULL, NULL);
}

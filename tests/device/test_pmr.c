/* The circuit integrator: the isolated-device numbers of docs/device.md 3.3 and
 * Kirchhoff's law at the common node. */
#include "lw_test.h"

#include <math.h>

#include "device/pmr.h"

/* One device driven directly (RS = 0: X is ground). */
static lw_pmr isolated(double v, double gap_nm, double t_end) {
  lw_pmr c = lw_pmr_default();
  c.rs = 0;
  c.n = 1;
  c.dev[0].line = (lw_pulse){0, v, 0, 1e-9, t_end - 2e-9, 1e-9};
  c.dev[0].orient = 1;
  c.dev[0].gap = gap_nm * 1e-9;
  c.t_end = t_end;
  return c;
}

static void test_isolated_set(void **state) {
  (void)state;
  lw_pmr c = isolated(1.4, 1.7, 1e-6);
  lw_pmr_result r;
  lw_error err;
  assert_int_equal(lw_pmr_run(&c, 1e-9, &r, NULL, &err), LW_OK);
  /* +1.4 V sets 1.7 -> 0.2 nm, crossing 1 nm at about 454 ns, ~477 K */
  assert_float_equal(r.t_cross[0] * 1e9, 454, 4);
  assert_float_equal(r.gap[0] * 1e9, 0.2, 1e-9);
  assert_float_equal(r.peak_temp, 477, 5);
}

static void test_isolated_reset(void **state) {
  (void)state;
  lw_pmr_result r;
  lw_error err;
  /* -1.0 V does nothing with the F_min gate on */
  lw_pmr c = isolated(-1.0, 0.3, 20e-6);
  assert_int_equal(lw_pmr_run(&c, 1e-9, &r, NULL, &err), LW_OK);
  assert_true(r.gap[0] == 0.3e-9);
  assert_true(r.t_cross[0] < 0);
  /* -1.4 V resets 0.3 -> 1.71 nm, crossing at about 24 ns */
  c = isolated(-1.4, 0.3, 1e-6);
  assert_int_equal(lw_pmr_run(&c, 1e-9, &r, NULL, &err), LW_OK);
  assert_float_equal(r.gap[0] * 1e9, 1.71, 0.01);
  assert_float_equal(r.t_cross[0] * 1e9, 24, 2);
  /* gate off: -1.0 V crosses 1 nm after about 4.9 us, 1.53 nm at 20 us */
  c = isolated(-1.0, 0.3, 20e-6);
  c.model.f_min = 0;
  assert_int_equal(lw_pmr_run(&c, 1e-9, &r, NULL, &err), LW_OK);
  assert_float_equal(r.t_cross[0] * 1e6, 4.9, 0.15);
  assert_float_equal(r.gap[0] * 1e9, 1.53, 0.02);
}

static void test_node_current_balance(void **state) {
  (void)state;
  lw_pmr c = lw_pmr_default();
  c.n = 3;
  const double v[3] = {1.25, -0.7, 1.56}, g[3] = {0.3e-9, 1.1e-9, 1.7e-9};
  for (int i = 0; i < 3; i++) {
    c.dev[i].line = (lw_pulse){0, v[i], 0, 1e-9, 1e-6, 1e-9};
    c.dev[i].orient = i == 1 ? -1 : 1;
    c.dev[i].gap = g[i];
  }
  double vdev[3];
  double vx = lw_pmr_solve(&c, 0.5e-6, g, vdev);
  double in = 0;
  for (int i = 0; i < 3; i++) {
    double s = c.dev[i].orient;
    assert_float_equal(vdev[i], s * (v[i] - vx), 1e-12);
    in += s * lw_rram_current(&c.model, vdev[i], g[i]);
  }
  assert_float_equal(in, vx / c.rs, 1e-9);
  /* before the pulse everything sits at 0 V */
  vx = lw_pmr_solve(&c, 0, g, vdev);
  assert_float_equal(vx, 0, 1e-12);
}

static void test_trace_and_corners(void **state) {
  (void)state;
  lw_pmr c = isolated(1.4, 1.7, 1e-6);
  lw_pmr_trace tr = {0};
  lw_pmr_result r;
  lw_error err;
  assert_int_equal(lw_pmr_run(&c, 1e-9, &r, &tr, &err), LW_OK);
  assert_int_equal(tr.stride, 5);
  uint32_t rows = tr.data.size / tr.stride;
  assert_int_equal(rows, r.steps + 1);
  int saw_top = 0;
  for (uint32_t k = 1; k < rows; k++) {
    const double *p = tr.data.data + (size_t)k * tr.stride;
    assert_true(p[0] > p[-(int)tr.stride]); /* time increases */
    saw_top |= p[0] == 1e-9;                /* lands on the corner */
    assert_true(p[4] <= p[4 - (int)tr.stride] + 1e-18); /* set: monotone */
  }
  assert_true(saw_top);
  lw_vec_free(&tr.data);
  assert_int_equal(lw_pmr_run(&c, 1e-9, &r, NULL, &err), LW_OK);
  c.n = 0;
  assert_int_equal(lw_pmr_run(&c, 1e-9, &r, NULL, &err), LW_ERR_USAGE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_isolated_set),
      cmocka_unit_test(test_isolated_reset),
      cmocka_unit_test(test_node_current_balance),
      cmocka_unit_test(test_trace_and_corners),
  };
  return lw_test_run(tests, NULL, NULL);
}

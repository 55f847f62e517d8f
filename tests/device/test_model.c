/* The device model: static thresholds, the I-V table and reset depths of
 * docs/device.md 3.3, and the F_min gate's all-or-nothing motion. */
#include "lw_test.h"

#include <math.h>

#include "device/model.h"

static void test_thresholds(void **state) {
  (void)state;
  lw_rram m = lw_rram_default();
  /* docs/device.md 3.3: SET from HRS 1.3919 V, RESET from LRS 1.0514 V */
  assert_float_equal(lw_rram_threshold(&m, 1.7e-9, 1), 1.3919, 5e-5);
  assert_float_equal(lw_rram_threshold(&m, 0.3e-9, -1), 1.0514, 5e-5);
  assert_float_equal(lw_rram_threshold(&m, 1.8e-9, 1), 1.482, 5e-4);
  assert_float_equal(lw_rram_threshold(&m, 1.0e-9, -1), 1.105, 5e-4);
  /* the reset-polarity enhancement is the hard-coded 16, whatever gamma0 */
  m.gamma0 = 18;
  assert_float_equal(lw_rram_threshold(&m, 0.3e-9, -1), 1.0514, 5e-5);
  assert_true(lw_rram_threshold(&m, 0.3e-9, 1) < 1.0);
}

static void test_resistance_table(void **state) {
  (void)state;
  lw_rram m = lw_rram_default();
  /* docs/device.md 3.3: R = V / I at the listed points (ohm) */
  const struct {
    double gap_nm, v, r;
  } rows[] = {{0.2, 0.1, 542},   {0.3, 0.1, 808},    {1.0, 0.1, 13.3e3},
              {1.7, 0.1, 219e3}, {1.8, 1.0, 49.1e3}, {0.3, 1.4, 34},
              {1.7, 1.4, 9.3e3}, {1.0, 1.0, 2.0e3}};
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    double r =
        rows[i].v / lw_rram_current(&m, rows[i].v, rows[i].gap_nm * 1e-9);
    /* the table rounds to 2-3 digits (34 ohm is 34.4) */
    assert_float_equal(r / rows[i].r, 1.0, 0.015);
  }
  /* odd in V, and the conductance is the derivative */
  assert_float_equal(lw_rram_current(&m, -0.7, 1e-9),
                     -lw_rram_current(&m, 0.7, 1e-9), 1e-15);
  double h = 1e-6, g = 0.5e-9;
  double num =
      (lw_rram_current(&m, 0.8 + h, g) - lw_rram_current(&m, 0.8 - h, g)) /
      (2 * h);
  assert_float_equal(lw_rram_conductance(&m, 0.8, g) / num, 1.0, 1e-6);
}

static void test_reset_depth(void **state) {
  (void)state;
  lw_rram m = lw_rram_default();
  const double v[] = {1.1, 1.2, 1.3, 1.4, 1.5};
  const double depth_nm[] = {0.97, 1.36, 1.57, 1.71, 1.80};
  for (int i = 0; i < 5; i++)
    assert_float_equal(lw_rram_reset_depth(&m, -v[i]) * 1e9, depth_nm[i],
                       0.006);
}

static void test_gate_blocks_motion(void **state) {
  (void)state;
  lw_rram m = lw_rram_default();
  double vth = lw_rram_threshold(&m, 1.7e-9, 1);
  assert_true(lw_rram_rate(&m, vth - 1e-4, 1.7e-9) == 0.0);
  assert_true(lw_rram_rate(&m, vth + 1e-4, 1.7e-9) < 0.0); /* SET shrinks */
  assert_true(lw_rram_rate(&m, -1.0, 0.3e-9) == 0.0);      /* paper -1.0 V */
  assert_true(lw_rram_rate(&m, -1.06, 0.3e-9) > 0.0);
  /* without the gate every voltage moves the gap */
  m.f_min = 0;
  assert_true(lw_rram_rate(&m, -1.0, 0.3e-9) > 0.0);
  assert_true(lw_rram_rate(&m, 0.5, 1.7e-9) < 0.0);
  /* heating speeds motion up: rate with Rth is larger in magnitude */
  lw_rram cold = lw_rram_default();
  cold.rth = 0;
  lw_rram hot = lw_rram_default();
  assert_true(fabs(lw_rram_rate(&hot, 1.45, 1.0e-9)) >
              fabs(lw_rram_rate(&cold, 1.45, 1.0e-9)));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_thresholds),
      cmocka_unit_test(test_resistance_table),
      cmocka_unit_test(test_reset_depth),
      cmocka_unit_test(test_gate_blocks_motion),
  };
  return lw_test_run(tests, NULL, NULL);
}

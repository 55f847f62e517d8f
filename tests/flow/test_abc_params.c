/* lw_flow_params_set_abc: one ABC executable and time limit reaches every
 * stage of a flow (reading, synthesis, verification), and nothing else of
 * the parameters changes. */
#include "lw_test.h"

#include <string.h>

#include "lowwear/flow.h"

static void test_every_stage_gets_it(void **state) {
  (void)state;
  lw_flow_params p = lw_flow_params_default(LW_FLOW_LOWWEAR);
  lw_flow_params before = p;
  lw_abc_params abc = {"/opt/abc/bin/abc", 12.5};
  lw_flow_params_set_abc(&p, abc);
  assert_string_equal(p.read.abc.path, abc.path);
  assert_string_equal(p.synth.abc.path, abc.path);
  assert_string_equal(p.verify_params.abc.path, abc.path);
  assert_true(p.read.abc.timeout_s == 12.5);
  assert_true(p.synth.abc.timeout_s == 12.5);
  assert_true(p.verify_params.abc.timeout_s == 12.5);
  /* the rest as it was */
  p.read.abc = before.read.abc;
  p.synth.abc = before.synth.abc;
  p.verify_params.abc = before.verify_params.abc;
  assert_memory_equal(&p, &before, sizeof p);
}

/* The defaults each stage had before: 300 s to read (yosys), 3600 s to
 * synthesize and to prove. */
static void test_defaults_kept_per_stage(void **state) {
  (void)state;
  lw_flow_params p = lw_flow_params_default(LW_FLOW_LOWWEAR);
  assert_null(p.synth.abc.path);
  assert_true(lw_read_params_default().abc.timeout_s == 300);
  assert_true(lw_synth_params_default().abc.timeout_s == 3600);
  assert_true(lw_verify_params_default().abc.timeout_s == 3600);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_stage_gets_it),
      cmocka_unit_test(test_defaults_kept_per_stage),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

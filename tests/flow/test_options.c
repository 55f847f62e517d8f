/* lw_flow_params_set: each key sets its field of lw_flow_params; an unknown
 * key or a bad value is a usage error naming the key. */
#include "lw_test.h"

#include <string.h>

#include "lowwear/options.h"

static lw_flow_params *set(lw_flow_params *p, const char *key,
                           const char *value) {
  lw_error err = {0};
  assert_int_equal(lw_flow_params_set(p, key, value, &err), LW_OK);
  return p;
}

static void test_each_key_sets_its_field(void **state) {
  (void)state;
  lw_flow_params *p = lw_flow_params_new(LW_FLOW_LOSSS);
  assert_int_equal(set(p, "row", "42")->row, 42);
  assert_int_equal(set(p, "row", "min")->row, 0);
  assert_int_equal(set(p, "gates", "wide")->synth.gates, LW_GATES_WIDE);
  assert_int_equal(set(p, "cost", "wear")->synth.cost, LW_COST_WEAR);
  assert_int_equal(set(p, "max_inputs", "3")->synth.max_inputs, 3);
  assert_int_equal(set(p, "reinit", "demand")->reinit, LW_REINIT_ON_DEMAND);
  assert_int_equal(set(p, "paper_rules", "true")->paper_rules, 1);
  assert_int_equal(set(p, "wear_aware", "1")->wear_aware, 1);
  assert_int_equal(set(p, "prob_reinit", "1")->prob_reinit, 1);
  assert_true(set(p, "latency_slack", "0.25")->latency_slack == 0.25);
  assert_int_equal(set(p, "recompute", "1")->recompute, 1);
  assert_true(set(p, "latency_budget", "2")->latency_budget == 2);
  assert_int_equal(set(p, "verify", "false")->verify, 0);
  assert_int_equal(set(p, "cec", "0")->verify_params.cec, 0);
  assert_int_equal(set(p, "vectors", "128")->verify_params.random_vectors, 128);
  assert_int_equal(set(p, "seed", "7")->verify_params.seed, 7);
  assert_int_equal(set(p, "synth", "none")->synth_none, 1);
  assert_string_equal(set(p, "input_format", "pla")->read.input_format, "pla");
  assert_string_equal(set(p, "abc_script", "strash; map")->synth.script,
                      "strash; map");
  /* the ABC executable and time limit reach every stage */
  set(set(p, "abc", "/opt/abc"), "abc_timeout", "12.5");
  assert_string_equal(p->read.abc.path, "/opt/abc");
  assert_string_equal(p->verify_params.abc.path, "/opt/abc");
  assert_true(p->read.abc.timeout_s == 12.5);
  assert_true(p->synth.abc.timeout_s == 12.5);
  lw_flow_params_free(p);
}

/* The object starts as `lowwear map` sets its parameters. */
static void test_new_is_the_map_default(void **state) {
  (void)state;
  assert_null(lw_flow_params_new(99));
  lw_flow_params *p = lw_flow_params_new(LW_FLOW_LOWWEAR);
  lw_flow_params d = lw_flow_params_default(LW_FLOW_LOWWEAR);
  lw_flow_params_set_abc(&d, d.synth.abc);
  assert_memory_equal(p, &d, sizeof d);
  lw_flow_params_free(p);
}

static void expect_error(int flow, const char *key, const char *value,
                         const char *named) {
  lw_flow_params *p = lw_flow_params_new(flow);
  lw_error err = {0};
  assert_int_equal(lw_flow_params_set(p, key, value, &err), LW_ERR_USAGE);
  assert_non_null(strstr(err.msg, named));
  lw_flow_params_free(p);
}

static void test_bad_key_or_value_names_the_key(void **state) {
  (void)state;
  expect_error(LW_FLOW_LOWWEAR, "colour", "red", "'colour'");
  expect_error(LW_FLOW_LOWWEAR, "vectors", "many", "vectors");
  expect_error(LW_FLOW_LOWWEAR, "vectors", "0", "vectors");
  expect_error(LW_FLOW_LOWWEAR, "max_inputs", "5", "max_inputs");
  expect_error(LW_FLOW_LOWWEAR, "seed", "1.5", "seed");
  expect_error(LW_FLOW_LOWWEAR, "row", "", "row");
  expect_error(LW_FLOW_LOWWEAR, "cec", "maybe", "cec");
  expect_error(LW_FLOW_LOWWEAR, "gates", "huge", "gates");
  expect_error(LW_FLOW_LOWWEAR, "input_format", "doc", "input_format");
  /* simpler reproduces SIMPLER MAGIC's library: no gates, cost, max_inputs */
  expect_error(LW_FLOW_SIMPLER, "cost", "toggle", "cost");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_each_key_sets_its_field),
      cmocka_unit_test(test_new_is_the_map_default),
      cmocka_unit_test(test_bad_key_or_value_names_the_key),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

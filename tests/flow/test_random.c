/* Random legal circuits (tests/lw_gen.c) mapped with every flow at the
 * minimum row; every program must pass simulation and ABC's cec. A failure
 * names the seed: `bench/random.sh --seed S --count 1` writes that circuit
 * again. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/lowwear.h"
#include "lw_gen.h"
#include "net/program.h"

/* 300 in the main test build; LW_QUICK=1 (CI's sanitizer run, several
 * times slower) takes the first 60 */
static uint64_t count(void) {
  const char *quick = getenv("LW_QUICK");
  return quick && *quick && strcmp(quick, "0") ? 60 : 300;
}

/* Every flow, simpler first (the low-wear flows take its netlist), lowwear
 * before lowwear-wide (which borrows its netlists). */
static const lw_flow_id order[] = {LW_FLOW_SIMPLER, LW_FLOW_LOSSS,
                                   LW_FLOW_LOWWEAR, LW_FLOW_LOWWEAR_WIDE};

static void map_every_flow(const char *path, uint64_t seed) {
  lw_flow_job *jobs[sizeof order / sizeof *order] = {NULL};
  for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
    lw_flow_params p = lw_flow_params_default(order[k]);
    p.simpler_from = jobs[0];
    p.paper_from = order[k] == LW_FLOW_LOWWEAR_WIDE ? jobs[2] : NULL;
    lw_verify_report rep;
    lw_program *prog = NULL;
    lw_error err = {0};
    lw_status st = lw_flow_prepare(path, &p, NULL, &jobs[k], &err);
    if (st == LW_OK)
      st = lw_flow_map(jobs[k], 0, NULL, &rep, &prog, &err);
    if (st != LW_OK)
      fail_msg("seed %llu, flow %s: %s", (unsigned long long)seed,
               lw_flow_name(order[k]), err.msg);
    assert_true(rep.ok && rep.cec_ran && rep.cec_ok);
    lw_verify_report_free(&rep);
    lw_program_free(prog);
  }
  for (size_t k = sizeof order / sizeof *order; k-- > 0;)
    lw_flow_job_free(jobs[k]);
}

static void test_random_circuits(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1200];
  snprintf(path, sizeof path, "%s/random.blif", lw_test_dir);
  for (uint64_t seed = 1, n = count(); seed <= n; seed++) {
    assert_int_equal(lw_gen_blif_file(seed, path), 0);
    map_every_flow(path, seed);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_random_circuits),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

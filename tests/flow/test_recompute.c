/* Recomputation in the low-wear flows (src/flow/recompute.c): on bundled
 * circuits and random legal circuits (tests/lw_gen.c, whose netlists hold
 * composite gates after rewrite/), the program at the smallest row reached
 * and at rows below the plain minimum is verified (simulation and cec),
 * fits the row and stays within the latency budget; a row below the row
 * reached is refused with it in the message. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/lowwear.h"
#include "lw_gen.h"
#include "net/program.h"

typedef struct mapped {
  lw_status st;
  lw_program *prog;
  lw_flow_stats stats;
  lw_error err;
} mapped;

/* job mapped at row, verified (a program that is returned passed). */
static mapped map_at(lw_flow_job *job, uint32_t row) {
  mapped m = {0};
  lw_verify_report rep;
  m.st = lw_flow_map(job, row, &m.stats, &rep, &m.prog, &m.err);
  if (m.st == LW_OK) {
    assert_true(rep.ok && rep.cec_ran && rep.cec_ok);
    lw_verify_report_free(&rep);
  }
  return m;
}

static lw_flow_job *prepare(const char *path, lw_flow_id flow, double budget) {
  lw_flow_params p = lw_flow_params_default(flow);
  p.recompute = 1;
  p.latency_budget = budget;
  lw_flow_job *job = NULL;
  lw_error err = {0};
  if (lw_flow_prepare(path, &p, NULL, &job, &err) != LW_OK)
    fail_msg("%s: %s", path, err.msg);
  return job;
}

/* --row min: the row reached, its latency within budget x the plain one;
 * each row from there to the plain minimum maps; the row below is refused.
 * Returns 1 when recomputation found a smaller row. */
static int check_circuit(const char *path, lw_flow_id flow, double budget) {
  lw_flow_job *job = prepare(path, flow, budget);
  mapped m = map_at(job, 0);
  if (m.st != LW_OK)
    fail_msg("%s (%s): %s", path, lw_flow_name(flow), m.err.msg);
  uint32_t plain_min = m.stats.min_row, reached = m.stats.recompute_row;
  uint32_t limit = (uint32_t)(budget * m.stats.plain_latency + 1e-9);
  assert_true(reached <= plain_min);
  assert_int_equal(m.prog->row_size, reached);
  assert_true(m.prog->cycles.size <= limit);
  assert_int_equal(m.stats.recomputed, reached < plain_min);
  lw_program_free(m.prog);
  for (uint32_t row = reached; row < plain_min; row++) {
    mapped r = map_at(job, row);
    if (r.st != LW_OK)
      fail_msg("%s (%s) at %u: %s", path, lw_flow_name(flow), row, r.err.msg);
    assert_true(r.prog->row_size <= row);
    assert_true(r.prog->cycles.size <= limit);
    lw_program_free(r.prog);
  }
  if (reached > 1) {
    mapped below = map_at(job, reached - 1);
    assert_int_equal(below.st, LW_ERR_ROW);
    char want[160];
    snprintf(want, sizeof want,
             "the smallest row reached with recomputation within latency "
             "budget %g is %u",
             budget, reached);
    if (!strstr(below.err.msg, want))
      fail_msg("%s: message '%s' lacks '%s'", path, below.err.msg, want);
  }
  lw_flow_job_free(job);
  return reached < plain_min;
}

static void test_bundled_circuits(void **state) {
  (void)state;
  lw_test_need_abc();
  static const char *const circuits[] = {
      "lgsynth91/f51m.blif", "lgsynth91/z4ml.blif", "lgsynth91/cmb.blif"};
  int smaller = 0;
  for (size_t i = 0; i < sizeof circuits / sizeof *circuits; i++) {
    char rel[128], path[1024];
    snprintf(rel, sizeof rel, "benchmarks/%s", circuits[i]);
    lw_test_source(rel, path, sizeof path);
    smaller += check_circuit(path, LW_FLOW_LOWWEAR, 1.5);
    smaller += check_circuit(path, LW_FLOW_LOWWEAR_WIDE, 2);
  }
  assert_true(smaller >= 3);
}

static void test_random_circuits(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1200];
  snprintf(path, sizeof path, "%s/random.blif", lw_test_dir);
  for (uint64_t seed = 1; seed <= 20; seed++) {
    assert_int_equal(lw_gen_blif_file(seed, path), 0);
    check_circuit(path, seed % 2 ? LW_FLOW_LOWWEAR : LW_FLOW_LOWWEAR_WIDE, 1.5);
  }
}

/* Without recompute a row below the minimum is refused as before; the
 * baselines never recompute. */
static void test_off_and_baselines(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1024];
  lw_test_source("benchmarks/lgsynth91/f51m.blif", path, sizeof path);
  static const lw_flow_id flows[] = {LW_FLOW_LOWWEAR, LW_FLOW_SIMPLER};
  for (size_t i = 0; i < 2; i++) {
    lw_flow_params p = lw_flow_params_default(flows[i]);
    p.recompute = flows[i] == LW_FLOW_SIMPLER;
    lw_flow_job *job = NULL;
    lw_flow_stats stats;
    lw_error err = {0};
    assert_int_equal(lw_flow_prepare(path, &p, &stats, &job, &err), LW_OK);
    mapped m = map_at(job, stats.min_row - 1);
    assert_int_equal(m.st, LW_ERR_ROW);
    assert_null(strstr(m.err.msg, "recomputation"));
    lw_flow_job_free(job);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bundled_circuits),
      cmocka_unit_test(test_random_circuits),
      cmocka_unit_test(test_off_and_baselines),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

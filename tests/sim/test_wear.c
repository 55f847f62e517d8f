/* Measured wear: hand-counted flips on a one-gate program, equality with
 * the verifier's steady-state figures, traces, rotated and levelled
 * variants (correct, inputs fixed, wear spread). */
#include "lw_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/lowwear.h"
#include "lowwear/wear.h"
#include "net/net.h"
#include "net/program.h"

/* out = NOR(a, b) in a row of `row` cells: inputs in cells 0 and 1, the
 * output in cell `cell`. */
static lw_program *nor_program(uint32_t row, uint32_t cell) {
  lw_program *p = lw_program_new("nor", "test", row);
  lw_program_add_input(p, "a", 0);
  lw_program_add_input(p, "b", 1);
  lw_program_add_init(p, 1, 0, &cell, 1);
  uint32_t in[2] = {0, 1};
  lw_program_add_gate(p, LW_GATE_NOR2, in, 2, cell);
  lw_program_add_output(p, "y", cell);
  lw_program_compute_metrics(p);
  return p;
}

static lw_net *nor_net(void) {
  lw_net *net = lw_net_new("nor");
  uint32_t a = lw_net_add_pi(net, "a"), b = lw_net_add_pi(net, "b");
  uint32_t f[2] = {a, b};
  lw_net_add_po(net, lw_net_add_node(net, LW_GATE_NOR2, 2, f, NULL), "y");
  return net;
}

/* NOR flips its 0-initialised cell on input 00 (1 in 4); the next setup
 * flips it back: 0.5 flips per run in steady state, all in one cell. */
static void test_hand_count(void **state) {
  (void)state;
  lw_program *p = nor_program(4, 2);
  const lw_program *one[1] = {p};
  lw_wear_params wp = lw_wear_params_default();
  lw_wear_report rep;
  lw_error err = {0};
  assert_int_equal(lw_wear_measure(one, 1, &wp, &rep, &err), LW_OK);
  assert_true(rep.exhaustive);
  assert_int_equal(rep.vectors, 4);
  assert_true(fabs(rep.flips_per_run - 0.25) < 1e-12);
  assert_true(fabs(rep.setup_flips_per_run - 0.25) < 1e-12);
  assert_true(fabs(rep.steady_flips_per_run - 0.5) < 1e-12);
  assert_int_equal(rep.hottest_cell, 2);
  assert_true(fabs(rep.hottest_flips - 0.5) < 1e-12);
  assert_int_equal(rep.work_cells, 2);
  assert_int_equal(rep.cells_written, 1);
  assert_true(fabs(rep.mean_flips - 0.25) < 1e-12); /* over cells 2 and 3 */
  assert_true(fabs(rep.stddev_flips - 0.25) < 1e-12);
  assert_true(fabs(rep.hot_ratio - 2) < 1e-12);
  /* 1e6 flips at 0.5 per run: 2e6 runs of 2 cycles (setup + NOR) of 1 us */
  assert_int_equal(rep.nendurance, 3);
  assert_true(fabs(rep.lifetime_runs[0] - 2e6) < 1e-3);
  assert_true(fabs(rep.lifetime_s[0] - 4.0) < 1e-9);
  assert_true(fabs(rep.lifetime_runs[2] - 2e12) < 1);
  char *json = lw_wear_report_json(&rep, p);
  assert_non_null(json);
  assert_non_null(strstr(json, "\"steady_flips_per_run\": 0.5"));
  free(json);
  lw_wear_report_free(&rep);
  lw_program_free(p);
}

/* A trace of real vectors: 00 twice (the NOR flips every run), then 11. */
static void test_trace(void **state) {
  (void)state;
  char path[1100];
  snprintf(path, sizeof path, "%s/trace.txt", lw_test_dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("# a b\n0 0\n\n0_0  # again\n11\n", f);
  fclose(f);
  lw_program *p = nor_program(4, 2);
  const lw_program *one[1] = {p};
  lw_wear_params wp = lw_wear_params_default();
  wp.trace_path = path;
  lw_wear_report rep;
  lw_error err = {0};
  assert_int_equal(lw_wear_measure(one, 1, &wp, &rep, &err), LW_OK);
  assert_true(rep.from_trace);
  assert_int_equal(rep.vectors, 3);
  assert_true(fabs(rep.steady_flips_per_run - 4.0 / 3) < 1e-12);
  lw_wear_report_free(&rep);
  /* a vector of the wrong width names its line */
  f = fopen(path, "w");
  fputs("00\n010\n", f);
  fclose(f);
  assert_int_equal(lw_wear_measure(one, 1, &wp, &rep, &err), LW_ERR_PARSE);
  assert_int_equal(err.line, 2);
  lw_program_free(p);
}

/* Equal to the verifier's steady-state figures on a mapped circuit. */
static void test_matches_verify(void **state) {
  (void)state;
  char path[1024];
  lw_test_need_abc();
  lw_test_need_benchmark("lgsynth91/z4ml.blif", path, sizeof path);
  lw_flow_params fp = lw_flow_params_default(LW_FLOW_LOWWEAR);
  fp.verify_params.cec = 0;
  lw_verify_report vr;
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_flow_run(path, &fp, NULL, &vr, &prog, &err), LW_OK);
  const lw_program *one[1] = {prog};
  lw_wear_report rep;
  assert_int_equal(lw_wear_measure(one, 1, NULL, &rep, &err), LW_OK);
  assert_true(fabs(rep.steady_flips_per_run - vr.steady_flips_per_run) < 1e-9);
  assert_true(fabs(rep.flips_per_run - vr.flips_per_run) < 1e-9);
  assert_int_equal(rep.hottest_cell, vr.hottest_cell);
  for (uint32_t c = 0; c < rep.ncells; c++)
    assert_true(fabs(rep.cell_flips[c] - vr.cell_flips[c]) < 1e-9);
  lw_wear_report_free(&rep);
  lw_verify_report_free(&vr);
  lw_program_free(prog);
}

/* Two variants of a row with two work cells: each cell works every other
 * run, so the hottest cell halves; the inputs stay where they were. */
static void test_rotate(void **state) {
  (void)state;
  lw_program *p = nor_program(4, 2);
  lw_net *net = nor_net();
  lw_program *v[2];
  lw_error err = {0};
  for (uint32_t k = 0; k < 2; k++) {
    assert_int_equal(lw_program_rotate(p, k, 2, &v[k], &err), LW_OK);
    assert_int_equal(v[k]->inputs.data[0].cell, 0);
    assert_int_equal(v[k]->inputs.data[1].cell, 1);
    assert_int_equal(v[k]->outputs.data[0].cell, 2 + k);
    lw_verify_params vp = lw_verify_params_default();
    vp.cec = 0;
    lw_verify_report vr;
    assert_int_equal(lw_sim_verify(net, v[k], &vp, &vr, &err), LW_OK);
    assert_true(vr.ok);
    lw_verify_report_free(&vr);
  }
  lw_program *none = p;
  assert_int_equal(lw_program_rotate(p, 2, 2, &none, &err), LW_ERR_USAGE);
  assert_null(none);
  lw_wear_report rep;
  assert_int_equal(
      lw_wear_measure((const lw_program *const *)v, 2, NULL, &rep, &err),
      LW_OK);
  assert_true(fabs(rep.hottest_flips - 0.25) < 1e-12);
  assert_true(fabs(rep.steady_flips_per_run - 0.5) < 1e-12);
  lw_wear_report_free(&rep);
  /* levelling finds a cycle at least as good */
  lw_program *lv[2];
  assert_int_equal(lw_program_level(p, 2, NULL, lv, &err), LW_OK);
  assert_int_equal(
      lw_wear_measure((const lw_program *const *)lv, 2, NULL, &rep, &err),
      LW_OK);
  assert_true(rep.hottest_flips <= 0.25 + 1e-12);
  lw_wear_report_free(&rep);
  for (int k = 0; k < 2; k++) {
    lw_program_free(v[k]);
    lw_program_free(lv[k]);
  }
  lw_net_free(net);
  lw_program_free(p);
}

/* Levelled variants of a real program are correct and spread wear. */
static void test_level_circuit(void **state) {
  (void)state;
  char path[1024];
  lw_test_need_abc();
  lw_test_need_benchmark("epfl/ctrl.blif", path, sizeof path);
  lw_flow_params fp = lw_flow_params_default(LW_FLOW_LOWWEAR);
  fp.verify_params.cec = 0;
  lw_flow_job *job = NULL;
  lw_flow_stats stats;
  lw_error err = {0};
  assert_int_equal(lw_flow_prepare(path, &fp, &stats, &job, &err), LW_OK);
  lw_program *prog = NULL;
  lw_verify_report vr;
  assert_int_equal(lw_flow_map(job, stats.min_row + 10, NULL, &vr, &prog, &err),
                   LW_OK);
  lw_program *v[8];
  assert_int_equal(lw_program_level(prog, 8, NULL, v, &err), LW_OK);
  lw_net *net = NULL;
  assert_int_equal(lw_io_read_circuit(path, NULL, &net, &err), LW_OK);
  for (int k = 0; k < 8; k++) {
    lw_verify_params vp = lw_verify_params_default();
    vp.cec = 0;
    lw_verify_report kr;
    assert_int_equal(lw_sim_verify(net, v[k], &vp, &kr, &err), LW_OK);
    assert_true(kr.ok);
    lw_verify_report_free(&kr);
  }
  lw_wear_report rep;
  assert_int_equal(
      lw_wear_measure((const lw_program *const *)v, 8, NULL, &rep, &err),
      LW_OK);
  printf("ctrl row %u: hottest %.3f alone, %.3f over 8 levelled variants\n",
         prog->row_size, vr.hottest_cell_flips, rep.hottest_flips);
  assert_true(rep.hottest_flips < 0.8 * vr.hottest_cell_flips);
  lw_wear_report_free(&rep);
  for (int k = 0; k < 8; k++)
    lw_program_free(v[k]);
  lw_verify_report_free(&vr);
  lw_program_free(prog);
  lw_net_free(net);
  lw_flow_job_free(job);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_hand_count),     cmocka_unit_test(test_trace),
      cmocka_unit_test(test_matches_verify), cmocka_unit_test(test_rotate),
      cmocka_unit_test(test_level_circuit),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

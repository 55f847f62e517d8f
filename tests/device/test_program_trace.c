/* device --program --trace DIR (src/device/program_trace.c): the trace is
 * of vector 0 when every vector passes, else of the first failing one; the
 * CSV has one line per device of every circuit of that evaluation, its
 * margins are never below the report's for the same cell, a failing
 * vector shows a wrong cell at its first failing cycle; the SVG says pass
 * or FAIL; a folder that cannot be made is an error naming it. */
#include "lw_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/device.h"
#include "lowwear/lowwear.h"
#include "net/program.h"

static void full_adder(lw_net **net, lw_program **prog) {
  char blif[1024], path[1200];
  lw_test_source("examples/full_adder.blif", blif, sizeof blif);
  snprintf(path, sizeof path, "%s/fa.json", lw_test_dir);
  lw_test_map(blif, "lowwear", path, net, prog);
}

static lw_device_program_report traced(const lw_net *net,
                                       const lw_program *prog, const char *bias,
                                       const char *dir) {
  lw_device_program_params p = lw_device_program_params_default();
  p.bias = bias;
  p.trace_dir = dir;
  lw_device_program_report rep;
  lw_error err = {0};
  if (lw_device_program(net, prog, &p, &rep, &err) != LW_OK)
    fail_msg("%s", err.msg);
  assert_true(rep.trace);
  return rep;
}

/* Devices in one evaluation: every INIT cell of the setup and the cycles,
 * and the operands and output of every gate. */
static uint32_t devices_per_evaluation(const lw_program *prog) {
  uint32_t n = 0;
  lw_vec_foreach (&prog->setup, i)
    n += prog->setup.data[i].ncells;
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    n += op->type == LW_OP_INIT ? op->ncells : op->nin + 1u;
  }
  return n;
}

/* The CSV's lines checked against the report; the cycle of the first
 * negative margin into *wrong_cycle (0 when none). */
static uint32_t check_csv(const char *dir, const lw_device_program_report *rep,
                          uint32_t *wrong_cycle) {
  char path[1300], line[512], kind[32], role[16];
  snprintf(path, sizeof path, "%s/program_trace.csv", dir);
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  assert_non_null(fgets(line, sizeof line, f));
  assert_non_null(strstr(line, "cycle,kind,cell,role,value"));
  uint32_t lines = 0, cycle, cell;
  int value;
  double before, after, lo, hi, margin;
  *wrong_cycle = 0;
  while (fgets(line, sizeof line, f)) {
    int got =
        sscanf(line, "%u,%31[^,],%u,%15[^,],%d,%lf,%lf,%lf,%lf,%lf", &cycle,
               kind, &cell, role, &value, &before, &after, &lo, &hi, &margin);
    assert_int_equal(got, 10);
    assert_true(cell < rep->ncells);
    assert_true(lo <= hi + 1e-9 && lo <= after + 1e-5 && after <= hi + 1e-5);
    /* the report's margin of a cell is its least over every vector */
    assert_true(margin >= rep->cells[cell].margin_nm - 1e-4);
    if (margin < 0 && !*wrong_cycle)
      *wrong_cycle = cycle;
    lines++;
  }
  fclose(f);
  return lines;
}

static int file_has(const char *dir, const char *name, const char *text) {
  char cmd[1400];
  snprintf(cmd, sizeof cmd, "grep -c -F '%s' '%s/%s'", text, dir, name);
  char *out = lw_test_capture(cmd, NULL);
  int n = atoi(out);
  free(out);
  return n;
}

/* The full adder's lowwear program traced at a bias into lw_test_dir/sub:
 * the report, the CSV checked against it, and its first wrong cycle. */
static lw_device_program_report
trace_full_adder(const char *bias, const char *sub, uint32_t *wrong) {
  lw_net *net;
  lw_program *prog;
  full_adder(&net, &prog);
  char dir[1200];
  snprintf(dir, sizeof dir, "%s/%s", lw_test_dir, sub);
  lw_device_program_report rep = traced(net, prog, bias, dir);
  assert_int_equal(check_csv(dir, &rep, wrong), devices_per_evaluation(prog));
  lw_program_free(prog);
  lw_net_free(net);
  return rep;
}

static int svg_has(const char *sub, const char *text) {
  char dir[1200];
  snprintf(dir, sizeof dir, "%s/%s", lw_test_dir, sub);
  return file_has(dir, "program_trace.svg", text);
}

static void test_passing_run_traces_vector_0(void **state) {
  (void)state;
  lw_test_need_abc();
  uint32_t wrong;
  lw_device_program_report rep =
      trace_full_adder("recommended", "pass", &wrong);
  assert_true(rep.all_pass);
  assert_int_equal(rep.trace_vector, 0);
  assert_int_equal(wrong, 0);
  assert_int_equal(svg_has("pass", "vector 0: pass"), 1);
  lw_device_program_report_free(&rep);
}

static void test_failing_run_traces_first_failure(void **state) {
  (void)state;
  lw_test_need_abc();
  uint32_t wrong;
  lw_device_program_report rep = trace_full_adder("paper", "fail", &wrong);
  assert_false(rep.all_pass);
  uint32_t v = rep.trace_vector;
  assert_false(rep.vectors[v].pass);
  for (uint32_t k = 0; k < v; k++)
    assert_true(rep.vectors[k].pass);
  /* the trace's first wrong cell is at the vector's first failing cycle */
  assert_int_equal(wrong, rep.vectors[v].first_fail);
  char text[64];
  snprintf(text, sizeof text, "vector %u: FAIL", v);
  assert_int_equal(svg_has("fail", text), 1);
  snprintf(text, sizeof text, "first wrong: T%u", rep.vectors[v].first_fail);
  assert_int_equal(svg_has("fail", text), 1);
  lw_device_program_report_free(&rep);
}

/* On the command line: the files and the line saying where they are; a
 * folder under a plain file cannot be made: exit 1, the path named. */
static void test_cli(void **state) {
  (void)state;
  lw_test_need_abc();
  char blif[1024], prog[1200], cmd[4000], *said = NULL;
  lw_test_source("examples/full_adder.blif", blif, sizeof blif);
  snprintf(prog, sizeof prog, "%s/fa.json", lw_test_dir);
  snprintf(cmd, sizeof cmd, "map %s --no-cec -o %s 2>/dev/null", blif, prog);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 0);
  snprintf(cmd, sizeof cmd, "device --program %s %s --trace %s/cli >/dev/null",
           blif, prog, lw_test_dir);
  assert_int_equal(lw_test_run_cli(cmd, &said), 0);
  assert_non_null(said);
  assert_non_null(strstr(said, "trace of vector 0 in"));
  free(said);
  char dir[1300];
  snprintf(dir, sizeof dir, "%s/cli", lw_test_dir);
  assert_true(file_has(dir, "program_trace.csv", "written") > 0);
  snprintf(cmd, sizeof cmd,
           "device --program %s %s --trace %s/fa.json/sub >/dev/null", blif,
           prog, lw_test_dir);
  said = NULL;
  assert_int_equal(lw_test_run_cli(cmd, &said), 1);
  assert_non_null(said);
  assert_non_null(strstr(said, "fa.json"));
  free(said);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_passing_run_traces_vector_0),
      cmocka_unit_test(test_failing_run_traces_first_failure),
      cmocka_unit_test(test_cli),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

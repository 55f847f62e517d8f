/* lowwear device --program --spice: one ngspice deck of a whole program.
 * ngspice against the C model on the full adder's lowwear program and on a
 * hand-made program whose input creeps at every read (F_min gate off); the
 * deck written without ngspice; programs over the limit refused. */
#include "lw_test.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/proc.h"
#include "lowwear/device.h"
#include "lowwear/lowwear.h"
#include "net/net.h"
#include "net/program.h"

static int have_ngspice(void) {
  char *exe = lw_proc_which("ngspice");
  free(exe);
  return exe != NULL;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  size_t got = fread(s, 1, (size_t)n, f);
  s[got] = 0;
  fclose(f);
  return s;
}

static int count(const char *s, const char *what) {
  int n = 0;
  for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
    n++;
  return n;
}

/* out = NOT(a), reading cell 0 `reads` times without rewriting it: NOT(a)
 * into cell 1, INIT cell 1, again, ..., 2 * reads circuits. */
static lw_program *many_reads(uint32_t reads) {
  lw_program *prog = lw_program_new("rd", "hand", 2);
  lw_program_add_input(prog, "a", 0);
  lw_program_add_output(prog, "out", 1);
  uint32_t a = 0, out = 1;
  lw_program_add_init(prog, 1, 0, &out, 1);
  for (uint32_t k = 0; k < reads; k++) {
    if (k)
      lw_program_add_init(prog, 0, 0, &out, 1);
    lw_program_add_gate(prog, LW_GATE_NOT, &a, 1, out);
  }
  lw_program_compute_metrics(prog);
  return prog;
}

static lw_net *not_circuit(void) {
  lw_net *net = lw_net_new("rd");
  uint32_t a = lw_net_add_pi(net, "a");
  uint32_t n = lw_net_add_node(net, LW_GATE_NOT, 1, &a, "out_n");
  lw_net_add_po(net, n, "out");
  return net;
}

static lw_status run_spice(const lw_net *net, const lw_program *prog, int fmin,
                           const char *dir, const char *ngspice,
                           lw_device_program_report *rep, lw_error *err) {
  lw_device_program_params p = lw_device_program_params_default();
  p.fmin = fmin;
  p.spice_dir = dir;
  p.ngspice = ngspice;
  return lw_device_program(net, prog, &p, rep, err);
}

/* The full adder mapped by the lowwear flow, run through the command line:
 * the JSON carries ngspice's largest final-gap difference. */
static void test_full_adder_agrees_with_ngspice(void **state) {
  (void)state;
  lw_test_need_abc();
  if (!have_ngspice())
    lw_test_skip("ngspice not on the PATH (Debian package ngspice)");
  char blif[1024], prog[1200], dir[1200], out[1200], cmd[4000];
  lw_test_source("examples/full_adder.blif", blif, sizeof blif);
  snprintf(prog, sizeof prog, "%s/fa.json", lw_test_dir);
  snprintf(dir, sizeof dir, "%s/fa_spice", lw_test_dir);
  snprintf(out, sizeof out, "%s/fa_spice.out", lw_test_dir);
  snprintf(cmd, sizeof cmd, "map %s --flow lowwear -o %s 2>/dev/null", blif,
           prog);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 0);
  snprintf(cmd, sizeof cmd, "device --program %s %s --spice %s --json >%s",
           blif, prog, dir, out);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 0);
  json_error_t jerr;
  json_t *root = json_load_file(out, 0, &jerr);
  assert_non_null(root);
  assert_true(json_is_true(json_object_get(root, "spice_ran")));
  json_t *diff = json_object_get(root, "spice_max_gap_diff_nm");
  assert_true(json_is_real(diff));
  print_message("full adder, lowwear program, vector 0: ngspice vs C model "
                "%.5f nm, %.1f s\n",
                json_real_value(diff),
                json_number_value(json_object_get(root, "spice_seconds")));
  assert_true(json_real_value(diff) < 0.02);
  assert_int_equal(
      json_integer_value(json_object_get(root, "spice_logic_mismatches")), 0);
  json_decref(root);
  char path[1300];
  snprintf(path, sizeof path, "%s/program.cir", dir);
  char *deck = slurp(path);
  assert_non_null(deck);
  assert_non_null(strstr(deck, "(time >= "));
  free(deck);
}

/* Without the F_min gate every read moves the input: 20 reads of one cell
 * drift it, and ngspice follows the drift that the C model sums. */
static void test_drift_agrees_with_ngspice(void **state) {
  (void)state;
  if (!have_ngspice())
    lw_test_skip("ngspice not on the PATH (Debian package ngspice)");
  lw_net *net = not_circuit();
  lw_program *prog = many_reads(20);
  char dir[1200];
  snprintf(dir, sizeof dir, "%s/drift", lw_test_dir);
  lw_device_program_report rep;
  lw_error err = {0};
  assert_int_equal(run_spice(net, prog, 0, dir, NULL, &rep, &err), LW_OK);
  assert_true(rep.spice);
  assert_int_equal(rep.spice_stats.runs_ok, 1);
  /* the input did move in the C model: there is something to follow */
  assert_true(rep.cells[0].max_drift_nm > 0.001);
  print_message("20 reads without F_min: input drift %.4f nm, ngspice vs C "
                "%.5f nm, %.1f s\n",
                rep.cells[0].max_drift_nm, rep.spice_stats.max_gap_diff_nm,
                rep.spice_stats.seconds);
  assert_true(rep.spice_stats.max_gap_diff_nm < 0.02);
  lw_device_program_report_free(&rep);
  lw_program_free(prog);
  lw_net_free(net);
}

/* ngspice missing: the deck is written all the same, one window per
 * circuit, a final-gap measure per cell the program touches. */
static void test_deck_without_ngspice(void **state) {
  (void)state;
  lw_net *net = not_circuit();
  lw_program *prog = many_reads(3);
  char dir[1200], path[1300];
  snprintf(dir, sizeof dir, "%s/deck", lw_test_dir);
  lw_device_program_report rep;
  lw_error err = {0};
  assert_int_equal(
      run_spice(net, prog, 1, dir, "/nonexistent/ngspice", &rep, &err), LW_OK);
  assert_false(rep.spice_stats.ran);
  assert_int_equal(rep.spice_stats.decks, 1);
  char *json = lw_device_program_report_json(&rep);
  assert_non_null(strstr(json, "\"spice_max_gap_diff_nm\": null"));
  free(json);
  snprintf(path, sizeof path, "%s/program.cir", dir);
  char *deck = slurp(path);
  assert_non_null(deck);
  assert_int_equal(count(deck, "\nVR_"), 6); /* 3 NOTs, 3 INITs */
  assert_int_equal(count(deck, "\nCG"), 2);
  assert_int_equal(count(deck, ".meas tran gfin"), 2);
  free(deck);
  lw_device_program_report_free(&rep);
  lw_program_free(prog);
  lw_net_free(net);
}

/* Over 500 circuits: refused before anything runs, no deck left. */
static void test_long_program_refused(void **state) {
  (void)state;
  lw_net *net = not_circuit();
  lw_program *prog = many_reads(251);
  char dir[1200], path[1300];
  snprintf(dir, sizeof dir, "%s/long", lw_test_dir);
  lw_device_program_report rep;
  lw_error err = {0};
  assert_int_equal(
      run_spice(net, prog, 1, dir, "/nonexistent/ngspice", &rep, &err),
      LW_ERR_USAGE);
  assert_non_null(strstr(err.msg, "--spice"));
  assert_non_null(strstr(err.msg, "502"));
  snprintf(path, sizeof path, "%s/program.cir", dir);
  FILE *f = fopen(path, "r");
  assert_null(f);
  lw_program_free(prog);
  lw_net_free(net);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_full_adder_agrees_with_ngspice),
      cmocka_unit_test(test_drift_agrees_with_ngspice),
      cmocka_unit_test(test_deck_without_ngspice),
      cmocka_unit_test(test_long_program_refused),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

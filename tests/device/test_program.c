/* lowwear device --program: whole programs on the row of devices. The full
 * adder's programs of every flow at the recommended and at the paper's
 * bias (against the per-gate check), read disturb on a hand-made program,
 * the exit status and the JSON of the command line; --spice: ngspice
 * against the C model on the full adder's lowwear program and on a program
 * whose input creeps at every read, the deck without ngspice, programs over
 * the limit refused. */
#include "lw_test.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/proc.h"
#include "lowwear/device.h"
#include "lowwear/lowwear.h"
#include "net/net.h"
#include "net/program.h"

static const char *const flows[] = {"simpler", "losss", "lowwear",
                                    "lowwear-wide"};
#define NFLOWS (sizeof flows / sizeof *flows)

/* Map examples/full_adder.blif with a flow into the scratch folder; the
 * circuit and the program, read back. */
static void full_adder(const char *flow, lw_net **net, lw_program **prog) {
  char blif[1024], path[1200];
  lw_test_source("examples/full_adder.blif", blif, sizeof blif);
  snprintf(path, sizeof path, "%s/fa_%s.json", lw_test_dir, flow);
  lw_test_map(blif, flow, path, net, prog);
}

/* The full adder and its lowwear program at lw_test_dir/NAME.json, mapped
 * on the command line: their paths into blif (1024) and path (1200). */
static void full_adder_files(const char *name, char *blif, char *path) {
  char cmd[2600];
  lw_test_source("examples/full_adder.blif", blif, 1024);
  snprintf(path, 1200, "%s/%s.json", lw_test_dir, name);
  snprintf(cmd, sizeof cmd, "map %s --flow lowwear -o %s 2>/dev/null", blif,
           path);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 0);
}

static lw_device_program_report run_mc(const lw_net *net,
                                       const lw_program *prog, const char *bias,
                                       int fmin, double sigma,
                                       uint32_t trials) {
  lw_device_program_params p = lw_device_program_params_default();
  p.bias = bias;
  p.fmin = fmin;
  p.variation = sigma;
  p.trials = trials;
  lw_device_program_report rep;
  lw_error err = {0};
  lw_status st = lw_device_program(net, prog, &p, &rep, &err);
  if (st != LW_OK)
    fail_msg("%s", err.msg);
  return rep;
}

static lw_device_program_report run(const lw_net *net, const lw_program *prog,
                                    const char *bias, int fmin) {
  return run_mc(net, prog, bias, fmin, 0, 0);
}

static void test_full_adder_recommended_passes(void **state) {
  (void)state;
  lw_test_need_abc();
  for (size_t f = 0; f < NFLOWS; f++) {
    lw_net *net;
    lw_program *prog;
    full_adder(flows[f], &net, &prog);
    lw_device_program_report rep = run(net, prog, "recommended", 1);
    assert_int_equal(rep.nvectors, 8);
    assert_true(rep.exhaustive);
    assert_int_equal(rep.passing, 8);
    assert_true(rep.all_pass);
    assert_int_equal(rep.first_fail, 0);
    /* every written cell holds its value on the right side of the read
     * threshold; the energy is the sum of the kinds */
    assert_true(rep.least_margin_nm > 0);
    double sum = 0;
    for (uint32_t k = 0; k < rep.nkinds; k++)
      sum += rep.kinds[k].energy_j;
    assert_true(rep.energy_j > 0);
    assert_float_equal(sum, rep.energy_j, 1e-6 * rep.energy_j);
    assert_true(rep.init_energy_j > 0 && rep.init_energy_j < rep.energy_j);
    lw_device_program_report_free(&rep);
    lw_program_free(prog);
    lw_net_free(net);
  }
}

/* The per-gate check at the paper's bias: does `gate` fail a case? */
static int gate_fails_alone(const char *gate) {
  lw_device_params p = lw_device_params_default();
  p.bias = "paper";
  p.gate = gate;
  lw_device_report rep;
  lw_error err = {0};
  assert_int_equal(lw_device_check(&p, &rep, &err), LW_OK);
  int fails = !rep.all_pass;
  lw_device_report_free(&rep);
  return fails;
}

static void test_full_adder_paper_fails_as_gates_predict(void **state) {
  (void)state;
  lw_test_need_abc();
  for (size_t f = 0; f < NFLOWS; f++) {
    lw_net *net;
    lw_program *prog;
    full_adder(flows[f], &net, &prog);
    lw_device_program_report rep = run(net, prog, "paper", 1);
    assert_false(rep.all_pass);
    assert_true(rep.passing < rep.nvectors);
    /* every failing vector went wrong at a cycle whose gate the per-gate
     * check already marks failing at this bias */
    for (uint32_t v = 0; v < rep.nvectors; v++) {
      if (rep.vectors[v].pass)
        continue;
      assert_true(rep.vectors[v].first_fail > 0);
      const char *kind = rep.vectors[v].first_fail_kind;
      assert_true(strncmp(kind, "INIT", 4) != 0);
      if (!gate_fails_alone(kind))
        fail_msg("%s, vector %u: first failure at %s, which passes alone",
                 flows[f], v, kind);
    }
    lw_device_program_report_free(&rep);
    lw_program_free(prog);
    lw_net_free(net);
  }
}

/* out = NOT(a), as a program that reads cell 0 (a) `reads` times without
 * rewriting it: NOT(a) into cell 1, INIT cell 1, again, ..., the last NOT
 * kept. */
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

/* With the F_min gate on (the model as the paper used it) a read below the
 * threshold moves nothing: the drift is exactly zero whatever the number of
 * reads, so read disturb never makes the program fail. With the gate off
 * (pure kinetics) every read creeps the input toward SET: the drift grows
 * with the reads and past some count the input reads 1. */
static void test_read_disturb(void **state) {
  (void)state;
  lw_net *net = not_circuit();
  for (uint32_t reads = 1; reads <= 256; reads *= 4) {
    lw_program *prog = many_reads(reads);
    lw_device_program_report rep = run(net, prog, "recommended", 1);
    assert_true(rep.all_pass);
    assert_int_equal(rep.cells[0].max_reads, reads);
    assert_true(rep.cells[0].max_drift_nm == 0.0);
    lw_device_program_report_free(&rep);
    lw_program_free(prog);
  }
  double last = 0, margin = 1e9;
  uint32_t failing = 0;
  for (uint32_t reads = 1; reads <= 4096 && !failing; reads *= 2) {
    lw_program *prog = many_reads(reads);
    lw_device_program_report rep = run(net, prog, "recommended", 0);
    if (rep.all_pass) {
      /* the 0 held by the input creeps toward the threshold read by read
       * (the drift summed between writes also counts the 1, which creeps
       * the harmless way, to the gap_min bound) */
      assert_int_equal(rep.cells[0].worst_value, 0);
      assert_true(rep.cells[0].margin_nm < margin);
      assert_true(rep.cells[0].max_drift_nm >= last);
      margin = rep.cells[0].margin_nm;
      last = rep.cells[0].max_drift_nm;
    } else {
      failing = reads;
      /* the input, read as 0 (vector 0), crept past the threshold */
      assert_false(rep.vectors[0].pass);
    }
    lw_device_program_report_free(&rep);
    lw_program_free(prog);
  }
  print_message("without the F_min gate the input fails after <= %u reads "
                "(margin %.4f nm at half as many)\n",
                failing, margin);
  assert_true(failing > 1);
  lw_net_free(net);
}

/* Sigma 0 draws every cell at its nominal value: the Monte Carlo rows are
 * the nominal row, trial after trial. */
static void test_variation_zero_is_nominal(void **state) {
  (void)state;
  lw_test_need_abc();
  lw_net *net;
  lw_program *prog;
  full_adder("lowwear", &net, &prog);
  const char *bias[2] = {"recommended", "paper"};
  for (int b = 0; b < 2; b++) {
    lw_device_program_report rep = run_mc(net, prog, bias[b], 1, 0, 4);
    assert_int_equal(rep.trials, 4);
    assert_int_equal(rep.trials_pass, rep.all_pass ? 4 : 0);
    assert_float_equal(rep.mc_energy_j, rep.energy_j, 1e-9 * rep.energy_j);
    if (!rep.all_pass) {
      uint32_t v = 0;
      while (rep.vectors[v].pass)
        v++;
      assert_string_equal(rep.mc_first_fail_kind,
                          rep.vectors[v].first_fail_kind);
    } else {
      assert_string_equal(rep.mc_first_fail_kind, "");
    }
    lw_device_program_report_free(&rep);
  }
  lw_program_free(prog);
  lw_net_free(net);
}

/* Over one seed the draws are the same normals scaled by sigma: the
 * fraction of right rows does not rise as sigma grows, and it falls from
 * all to fewer over the range. */
static void test_pass_fraction_falls_with_sigma(void **state) {
  (void)state;
  lw_test_need_abc();
  lw_net *net;
  lw_program *prog;
  full_adder("lowwear", &net, &prog);
  const double sigma[] = {0, 0.01, 0.03, 0.05, 0.1, 0.2};
  uint32_t last = UINT32_MAX, first = 0;
  for (size_t k = 0; k < sizeof sigma / sizeof *sigma; k++) {
    lw_device_program_report rep =
        run_mc(net, prog, "recommended", 1, sigma[k], 30);
    print_message("sigma %.2f: %u of 30 rows right\n", sigma[k],
                  rep.trials_pass);
    assert_true(rep.trials_pass <= last);
    if (k == 0)
      first = rep.trials_pass;
    last = rep.trials_pass;
    lw_device_program_report_free(&rep);
  }
  assert_int_equal(first, 30);
  assert_true(last < first);
  lw_program_free(prog);
  lw_net_free(net);
}

/* The least margin is over the values the program wrote: its cell is no
 * input cell, it is that cell's own margin, and the input cells (at their
 * ideal gaps, 0.70 nm from the read gap) are reported apart. Before, the
 * input cells' constant hid every written value. */
static void test_least_margin_is_of_written_values(void **state) {
  (void)state;
  lw_test_need_abc();
  for (size_t f = 0; f < NFLOWS; f++) {
    lw_net *net;
    lw_program *prog;
    full_adder(flows[f], &net, &prog);
    lw_device_program_report rep = run(net, prog, "recommended", 1);
    lw_vec_foreach (&prog->inputs, j)
      assert_int_not_equal(rep.least_cell, prog->inputs.data[j].cell);
    assert_float_equal(rep.least_margin_nm, rep.cells[rep.least_cell].margin_nm,
                       1e-12);
    assert_true(rep.least_cycle > 0);
    assert_float_equal(rep.least_input_margin_nm, 0.70, 1e-9);
    assert_true(fabs(rep.least_margin_nm - rep.least_input_margin_nm) > 1e-6);
    lw_device_program_report_free(&rep);
    lw_program_free(prog);
    lw_net_free(net);
  }
}

/* --variation alone keeps the nominal run's exit status; --min-pass F
 * fails the run (exit 4) when fewer than F of the rows are right. The
 * JSON's "passed" is the exit status, and the text says the same. */
static void test_variation_exit_status(void **state) {
  (void)state;
  lw_test_need_abc();
  char blif[1024], path[1200], cmd[3000], out[1200];
  full_adder_files("fa_mc", blif, path);
  snprintf(out, sizeof out, "%s/fa_mc.out", lw_test_dir);
  /* sigma 0.2: most rows wrong (test_pass_fraction_falls_with_sigma) */
  const char *const extra[] = {"", "--min-pass 0.5", "--min-pass 0.01"};
  const int want[] = {0, 4, 0};
  for (int k = 0; k < 3; k++) {
    snprintf(cmd, sizeof cmd,
             "device --program %s %s --variation 0.2 --trials 10 %s --json "
             ">%s",
             blif, path, extra[k], out);
    assert_int_equal(lw_test_run_cli(cmd, NULL), want[k]);
    json_error_t jerr;
    json_t *root = json_load_file(out, 0, &jerr);
    assert_non_null(root);
    assert_int_equal(json_is_true(json_object_get(root, "passed")), !want[k]);
    json_t *mc = json_object_get(root, "monte_carlo");
    assert_true(json_real_value(json_object_get(mc, "pass_fraction")) < 0.5);
    assert_true(json_real_value(json_object_get(mc, "pass_fraction")) > 0.01);
    assert_int_equal(json_is_null(json_object_get(mc, "min_pass")), k == 0);
    json_decref(root);
    snprintf(cmd, sizeof cmd,
             "device --program %s %s --variation 0.2 --trials 10 %s >%s", blif,
             path, extra[k], out);
    assert_int_equal(lw_test_run_cli(cmd, NULL), want[k]);
    char cat[1300];
    snprintf(cat, sizeof cat, "cat %s", out);
    char *text = lw_test_capture(cat, NULL);
    assert_non_null(strstr(text, want[k] ? "\nFAIL\n" : "\nPASS\n"));
    free(text);
  }
  snprintf(cmd, sizeof cmd, "device --program %s %s --min-pass 0.5", blif,
           path);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 2);
}

/* ---- --spice: one ngspice deck of the whole program ---------------------- */

static int have_ngspice(void) {
  char *exe = lw_proc_which("ngspice");
  free(exe);
  return exe != NULL;
}

/* Lines of the file at path that contain `what`; -1 when unreadable. */
static int lines_with(const char *path, const char *what) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  char line[4096];
  int n = 0;
  while (fgets(line, sizeof line, f))
    n += strstr(line, what) != NULL;
  fclose(f);
  return n;
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
  full_adder_files("fa", blif, prog);
  snprintf(dir, sizeof dir, "%s/fa_spice", lw_test_dir);
  snprintf(out, sizeof out, "%s/fa_spice.out", lw_test_dir);
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
  assert_true(lines_with(path, "(time >= ") > 0);
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
 * circuit, a final-gap measure per cell the program touches. Over 500
 * circuits: refused before anything runs, no deck left. */
static void test_spice_deck_and_limit(void **state) {
  (void)state;
  lw_net *net = not_circuit();
  const uint32_t reads[] = {3, 251};
  for (int k = 0; k < 2; k++) {
    lw_program *prog = many_reads(reads[k]);
    char dir[1200], path[1300];
    snprintf(dir, sizeof dir, "%s/deck%u", lw_test_dir, reads[k]);
    snprintf(path, sizeof path, "%s/program.cir", dir);
    lw_device_program_report rep;
    lw_error err = {0};
    lw_status st =
        run_spice(net, prog, 1, dir, "/nonexistent/ngspice", &rep, &err);
    lw_program_free(prog);
    if (k == 1) {
      assert_int_equal(st, LW_ERR_USAGE);
      assert_non_null(strstr(err.msg, "--spice"));
      assert_non_null(strstr(err.msg, "502"));
      assert_int_equal(lines_with(path, ""), -1);
      break;
    }
    assert_int_equal(st, LW_OK);
    assert_false(rep.spice_stats.ran);
    assert_int_equal(rep.spice_stats.decks, 1);
    char *json = lw_device_program_report_json(&rep);
    assert_non_null(strstr(json, "\"spice_max_gap_diff_nm\": null"));
    free(json);
    assert_int_equal(lines_with(path, "VR_"), 6); /* 3 NOTs, 3 INITs */
    assert_int_equal(lines_with(path, "CG"), 2);
    assert_int_equal(lines_with(path, ".meas tran gfin"), 2);
    lw_device_program_report_free(&rep);
  }
  lw_net_free(net);
}

static void test_cli_exit_and_json(void **state) {
  (void)state;
  lw_test_need_abc();
  char blif[1024], path[1200], cmd[3000], out[1200];
  full_adder_files("fa_cli", blif, path);
  snprintf(out, sizeof out, "%s/fa_cli.out", lw_test_dir);
  snprintf(cmd, sizeof cmd, "device --program %s %s --json >%s", blif, path,
           out);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 0);
  json_error_t jerr;
  json_t *root = json_load_file(out, 0, &jerr);
  assert_non_null(root);
  assert_true(json_is_true(json_object_get(root, "all_pass")));
  assert_int_equal(json_integer_value(json_object_get(root, "vectors")), 8);
  assert_true(json_is_real(json_object_get(root, "energy_j")));
  assert_true(json_is_real(json_object_get(root, "least_margin_nm")));
  assert_true(json_is_number(json_object_get(root, "seconds")));
  json_decref(root);
  snprintf(cmd, sizeof cmd, "device --program %s %s --bias paper >%s", blif,
           path, out);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 4);
  /* the arguments swapped: an input error (1), not a verdict */
  snprintf(cmd, sizeof cmd, "device --program %s %s >%s", path, blif, out);
  char *msg = NULL;
  assert_int_equal(lw_test_run_cli(cmd, &msg), 1);
  assert_non_null(strstr(msg, "fa_cli.json"));
  free(msg);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_full_adder_recommended_passes),
      cmocka_unit_test(test_full_adder_paper_fails_as_gates_predict),
      cmocka_unit_test(test_read_disturb),
      cmocka_unit_test(test_variation_zero_is_nominal),
      cmocka_unit_test(test_pass_fraction_falls_with_sigma),
      cmocka_unit_test(test_cli_exit_and_json),
      cmocka_unit_test(test_least_margin_is_of_written_values),
      cmocka_unit_test(test_variation_exit_status),
      cmocka_unit_test(test_full_adder_agrees_with_ngspice),
      cmocka_unit_test(test_drift_agrees_with_ngspice),
      cmocka_unit_test(test_spice_deck_and_limit),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

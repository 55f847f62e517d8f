/* lw_sim_verify beyond the preconditions: random vectors, the JSON report,
 * and the proof with ABC cec (equivalent and not). */
#include "lw_test.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/proc.h"
#include "base/scratch.h"
#include "lowwear/lowwear.h"
#include "net/net.h"
#include "net/program.h"
#include "sim/cec.h"

/* 20 inputs x0..x19 (beyond exhaustive); f = NOR(x0..x3). The program
 * computes NOR of `width` of them. */
static void wide(uint32_t width, lw_net **net_out, lw_program **prog_out) {
  lw_net *net = lw_net_new("wide");
  lw_program *p = lw_program_new("wide", "test", 24);
  uint32_t pis[20];
  for (uint32_t i = 0; i < 20; i++) {
    char name[8];
    snprintf(name, sizeof name, "x%u", i);
    pis[i] = lw_net_add_pi(net, name);
    lw_program_add_input(p, name, i);
  }
  lw_net_add_po(net, lw_net_add_node(net, LW_GATE_NOR4, 4, pis, NULL), "f");
  lw_program_add_init(p, 1, 0, (uint32_t[]){20}, 1);
  lw_program_add_gate(p, width == 4 ? LW_GATE_NOR4 : LW_GATE_NOR3,
                      (uint32_t[]){0, 1, 2, 3}, width, 20);
  lw_program_add_output(p, "f", 20);
  *net_out = net;
  *prog_out = p;
}

static void test_random_vectors(void **state) {
  (void)state;
  lw_net *net;
  lw_program *p;
  wide(4, &net, &p);
  lw_verify_params params = lw_verify_params_default();
  params.cec = 0;
  lw_verify_report r1, r2, r3;
  lw_error err = {0};
  assert_int_equal(lw_sim_verify(net, p, &params, &r1, &err), LW_OK);
  assert_true(r1.ok);
  assert_false(r1.exhaustive);
  assert_int_equal(r1.vectors, 4096 + 2 + 20);
  /* seeded: the same figures again, others with another seed */
  assert_int_equal(lw_sim_verify(net, p, &params, &r2, &err), LW_OK);
  assert_float_equal(r1.flips_per_run, r2.flips_per_run, 0);
  params.seed = 99;
  assert_int_equal(lw_sim_verify(net, p, &params, &r3, &err), LW_OK);
  assert_true(r1.flips_per_run != r3.flips_per_run);
  /* NOR4 flips c20 only on all-zero inputs: about 1/16 per run */
  assert_true(r1.flips_per_run > 0.04 && r1.flips_per_run < 0.09);
  lw_verify_report_free(&r1);
  lw_verify_report_free(&r2);
  lw_verify_report_free(&r3);
  lw_program_free(p);
  lw_net_free(net);
  /* NOR3 instead of NOR4 differs only when x3 alone is 1: the one-hot
   * vectors catch it whatever the random ones do */
  wide(3, &net, &p);
  params.random_vectors = 1;
  assert_int_equal(lw_sim_verify(net, p, &params, &r1, &err), LW_OK);
  assert_false(r1.ok);
  assert_non_null(strstr(r1.first_error, "output f is wrong"));
  lw_verify_report_free(&r1);
  lw_program_free(p);
  lw_net_free(net);
}

static void test_report_json(void **state) {
  (void)state;
  lw_net *net;
  lw_program *p;
  wide(4, &net, &p);
  lw_verify_params params = lw_verify_params_default();
  params.cec = 0;
  lw_verify_report r;
  lw_error err = {0};
  assert_int_equal(lw_sim_verify(net, p, &params, &r, &err), LW_OK);
  char *text = lw_verify_report_json(&r, p);
  json_error_t jerr;
  json_t *root = json_loads(text, 0, &jerr);
  if (!root)
    fail_msg("report is not JSON: %s\n%s", jerr.text, text);
  assert_true(json_is_true(json_object_get(root, "ok")));
  assert_int_equal(json_integer_value(json_object_get(root, "vectors")), 4118);
  json_t *cells = json_object_get(root, "cell_flips");
  assert_int_equal(json_array_size(cells), 24);
  assert_true(json_real_value(json_array_get(cells, 20)) == r.cell_flips[20]);
  const char *keys[] = {"exhaustive",    "cec_ran",
                        "cec_ok",        "nerrors",
                        "first_error",   "ncells",
                        "flips_per_run", "steady_flips_per_run",
                        "hottest_cell",  "hottest_cell_flips",
                        "seconds"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
    assert_non_null(json_object_get(root, keys[i]));
  /* wear figures: the hottest cell is at least the mean, and the lifetime
   * at 1e9 flips is 1e9 over the hottest cell's flips per run */
  double mean = json_number_value(json_object_get(root, "mean_cell_flips"));
  double ratio = json_number_value(json_object_get(root, "hottest_to_mean"));
  double life = json_number_value(json_object_get(root, "lifetime_runs_1e9"));
  assert_true(mean > 0);
  assert_float_equal(ratio, r.hottest_cell_flips / mean, 1e-9);
  assert_true(ratio >= 1);
  assert_float_equal(life, 1e9 / r.hottest_cell_flips, 1e-3);
  json_decref(root);
  free(text);
  lw_verify_report_free(&r);
  lw_program_free(p);
  lw_net_free(net);
}

/* The circuit file says f = `cover` over a, b (extra: more text after the
 * model, such as an .exdc section); the program is always NOR. ABC's cec
 * reads the circuit as lowwear read it, never the file. */
static void cec_case(const char *cover, const char *extra,
                     int want_equivalent) {
  char *dir = lw_tmpdir_new();
  char *path = lw_path_join(dir, "c.blif");
  FILE *f = fopen(path, "w");
  fprintf(f, ".model c\n.inputs a b\n.outputs f\n.names a b f\n%s%s.end\n",
          cover, extra);
  fclose(f);
  lw_net *net = lw_test_read_circuit(path);
  lw_program *p = lw_program_new("c", "test", 4);
  lw_program_add_input(p, "a", 0);
  lw_program_add_input(p, "b", 1);
  lw_program_add_init(p, 1, 1, (uint32_t[]){2}, 1);
  lw_program_add_init(p, 1, 0, (uint32_t[]){3}, 1);
  lw_program_add_gate(p, LW_GATE_OR2, (uint32_t[]){0, 1}, 2, 2);
  lw_program_add_gate(p, LW_GATE_NOT, (uint32_t[]){2}, 1, 3);
  lw_program_add_output(p, "f", 3);
  lw_verify_params params = lw_verify_params_default();
  lw_verify_report r;
  lw_error err = {0};
  int equivalent = -1;
  assert_int_equal(lw_sim_cec(net, p, &params, &equivalent, &err), LW_OK);
  assert_int_equal(equivalent, want_equivalent);
  assert_int_equal(lw_sim_verify(net, p, &params, &r, &err), LW_OK);
  assert_int_equal(r.cec_ran, want_equivalent); /* after simulation passed */
  assert_int_equal(r.cec_ok, want_equivalent);
  assert_int_equal(r.ok, want_equivalent);
  lw_verify_report_free(&r);
  /* the two checkers race: with either one hanging, the other decides */
  char *abc = lw_proc_find(NULL, "berkeley-abc", "abc");
  assert_non_null(abc);
  const char *hang[] = {"*\"&cec\"*", "\"cec \"*"};
  for (int k = 0; k < 2; k++) {
    char *wrap = lw_path_join(dir, k ? "abc-no-cec" : "abc-no-gia");
    FILE *w = fopen(wrap, "w");
    assert_non_null(w);
    fprintf(w,
            "#!/bin/sh\ncase \"$2\" in %s) exec sleep 60;; esac\n"
            "exec '%s' \"$@\"\n",
            hang[k], abc);
    fclose(w);
    assert_int_equal(chmod(wrap, 0755), 0);
    lw_verify_params one = params;
    one.abc.path = wrap;
    one.abc.timeout_s = 30;
    equivalent = -1;
    assert_int_equal(lw_sim_cec(net, p, &one, &equivalent, &err), LW_OK);
    assert_int_equal(equivalent, want_equivalent);
    lw_free(wrap);
  }
  lw_free(abc);
  /* no ABC: an error of the check, not a verdict */
  params.abc.path = "/nonexistent/abc";
  assert_int_equal(lw_sim_cec(net, p, &params, &equivalent, &err), LW_ERR_ABC);
  assert_non_null(strstr(err.msg, "ABC not found"));
  lw_program_free(p);
  lw_net_free(net);
  lw_free(path);
  lw_tmpdir_remove(dir);
}

static void test_cec(void **state) {
  (void)state;
  lw_test_need_abc();
  cec_case("00 1\n", "", 1);
  cec_case("1- 1\n-1 1\n", "", 0);
  /* ABC's cec aborts on a file with a don't-care network (.exdc), which
   * lowwear ignores: it never sees the file */
  cec_case("00 1\n", ".exdc\n.names a b f\n11 1\n", 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_random_vectors),
      cmocka_unit_test(test_report_json),
      cmocka_unit_test(test_cec),
  };
  return lw_test_run(tests, NULL, NULL);
}

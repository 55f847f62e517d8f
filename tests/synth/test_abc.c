/* The ABC driver's choice of script: the default scripts by flow and size,
 * and that the one chosen is the one ABC is given (a stand-in ABC records
 * its command line). */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lowwear/lowwear.h"
#include "net/net.h"
#include "synth/genlib.h"

static lw_synth_params params(lw_cost_model cost, lw_gate_set gates,
                              uint32_t size) {
  lw_synth_params p = lw_synth_params_default();
  p.cost = cost;
  p.gates = gates;
  p.size_hint = size;
  return p;
}

static void test_choices_below_the_threshold(void **state) {
  (void)state;
  for (uint32_t size = 0; size <= LW_SYNTH_LARGE; size += LW_SYNTH_LARGE) {
    lw_synth_params a = params(LW_COST_TOGGLE, LW_GATES_PAPER, size);
    lw_synth_params w = params(LW_COST_TOGGLE, LW_GATES_WIDE, size);
    assert_non_null(strstr(lw_synth_default_script(&a), "&dch; &nf -a"));
    assert_non_null(strstr(lw_synth_default_script(&w), "dch; map -a"));
  }
}

static void test_no_choices_above_it(void **state) {
  (void)state;
  lw_synth_params a = params(LW_COST_EQUAL, LW_GATES_PAPER, LW_SYNTH_LARGE + 1);
  lw_synth_params w = params(LW_COST_TOGGLE, LW_GATES_WIDE, LW_SYNTH_LARGE + 1);
  const char *sa = lw_synth_default_script(&a);
  const char *sw = lw_synth_default_script(&w);
  assert_null(strstr(sa, "dch"));
  assert_null(strstr(sw, "dch"));
  assert_non_null(strstr(sa, "&nf -a"));
  assert_non_null(strstr(sw, "map -a"));
  /* the optimisation before mapping is the same at any size */
  lw_synth_params small = params(LW_COST_EQUAL, LW_GATES_PAPER, 10);
  const char *ss = lw_synth_default_script(&small);
  size_t pre = (size_t)(strstr(sa, "strash") - sa);
  assert_int_equal(strncmp(sa, ss, pre), 0);
}

static void test_simpler_is_size_blind(void **state) {
  (void)state;
  lw_synth_params s = params(LW_COST_SIMPLER, LW_GATES_NOR, 10);
  lw_synth_params l = params(LW_COST_SIMPLER, LW_GATES_NOR, 1u << 30);
  assert_string_equal(lw_synth_default_script(&s), lw_synth_default_script(&l));
  assert_null(strstr(lw_synth_default_script(&s), "dch"));
}

/* A stand-in ABC that writes its command to `log` and fails. */
static const char *fake_abc(char *path, size_t n, const char *log) {
  snprintf(path, n, "%s/abc", lw_test_dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f, "#!/bin/sh\nprintf '%%s' \"$2\" > '%s'\nexit 1\n", log);
  fclose(f);
  assert_int_equal(chmod(path, 0755), 0);
  return path;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  static char buf[1 << 14];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  return buf;
}

static void test_abc_gets_the_chosen_script(void **state) {
  (void)state;
  char abc[1200], log[1200], circuit[1200];
  snprintf(log, sizeof log, "%s/command.txt", lw_test_dir);
  lw_test_source("examples/full_adder.blif", circuit, sizeof circuit);
  for (int large = 0; large < 2; large++) {
    lw_synth_params p =
        params(LW_COST_TOGGLE, LW_GATES_PAPER, large ? LW_SYNTH_LARGE + 1 : 5);
    p.abc.path = fake_abc(abc, sizeof abc, log);
    lw_net *net = NULL, *in = lw_test_read_circuit(circuit);
    lw_error err = {0};
    assert_int_equal(lw_synth_run(in, &p, NULL, &net, &err), LW_ERR_ABC);
    lw_net_free(in);
    assert_null(net);
    const char *cmd = slurp(log);
    assert_true((strstr(cmd, "&dch") != NULL) == !large);
    /* small: three alternatives from one backup of the optimised network */
    assert_true((strstr(cmd, "backup") != NULL) == !large);
    int writes = 0, restores = 0;
    for (const char *q = cmd; (q = strstr(q, "write_verilog")); q++)
      writes++;
    for (const char *q = cmd; (q = strstr(q, "restore")); q++)
      restores++;
    assert_int_equal(writes, large ? 1 : 3);
    assert_int_equal(restores, large ? 0 : 2);
  }
}

static void test_script_syntax(void **state) {
  (void)state;
  assert_int_equal(lw_synth_alternatives("strash; map"), 1);
  assert_int_equal(lw_synth_alternatives("strash; {map | map -a}"), 2);
  assert_int_equal(lw_synth_alternatives("strash; {map|map -a|amap};"), 3);
  static const char *bad[] = {
      "strash; {map}",          /* one alternative */
      "strash; {map | }",       /* an empty one */
      "strash; {map | amap",    /* unclosed */
      "strash; map | amap",     /* bar without braces */
      "{map | amap}; strash",   /* not at the end */
      "{a | {b | c}}",          /* nested */
      "a | b; {c | d}",         /* bar in the prefix */
      "s; {a|b|c|d|e|f|g|h|i}", /* more than LW_SYNTH_MAX_ALTS */
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_int_equal(lw_synth_alternatives(bad[i]), -1);
  assert_int_equal(
      lw_synth_alternatives(lw_synth_default_script(
          &(lw_synth_params){.cost = LW_COST_TOGGLE, .gates = LW_GATES_PAPER})),
      3);
}

/* With real ABC: every alternative is a netlist of the circuit, and the one
 * kept has the least area. */
static void test_least_area_is_kept(void **state) {
  (void)state;
  char circuit[1200];
  lw_test_need_abc();
  lw_test_source("benchmarks/lgsynth91/alu2.blif", circuit, sizeof circuit);
  lw_synth_params p = params(LW_COST_TOGGLE, LW_GATES_PAPER, 0);
  lw_net *nets[LW_SYNTH_MAX_ALTS] = {0};
  int n = 0;
  lw_synth_stats ss;
  lw_error err = {0};
  lw_net *in = lw_test_read_circuit(circuit);
  assert_int_equal(lw_synth_run_all(in, &p, &ss, nets, &n, &err), LW_OK);
  assert_int_equal(n, 3);
  assert_int_equal(ss.alternatives, 3);
  for (int i = 0; i < n; i++) {
    assert_int_equal(nets[i]->pis.size, 10);
    assert_int_equal(nets[i]->pos.size, 6);
    assert_true(lw_genlib_net_area(nets[ss.alternative], p.cost) <=
                lw_genlib_net_area(nets[i], p.cost));
  }
  lw_net *best = NULL;
  lw_synth_stats one;
  assert_int_equal(lw_synth_run(in, &p, &one, &best, &err), LW_OK);
  lw_net_free(in);
  assert_int_equal(one.alternative, ss.alternative);
  assert_true(lw_genlib_net_area(best, p.cost) ==
              lw_genlib_net_area(nets[ss.alternative], p.cost));
  lw_net_free(best);
  for (int i = 0; i < n; i++)
    lw_net_free(nets[i]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_choices_below_the_threshold),
      cmocka_unit_test(test_no_choices_above_it),
      cmocka_unit_test(test_simpler_is_size_blind),
      cmocka_unit_test(test_abc_gets_the_chosen_script),
      cmocka_unit_test(test_script_syntax),
      cmocka_unit_test(test_least_area_is_kept),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

/* Every flow, end to end: the program at the minimum row is verified
 * (simulation and ABC cec), one cell fewer fails with the minimum in the
 * message, and the flows differ the way their tables say. */
#include "lw_test.h"

#include <stdio.h>
#include <string.h>

#include "lowwear/lowwear.h"
#include "net/program.h"

static const char *const circuits[] = {
    "lgsynth91/cm138a.blif", "lgsynth91/z4ml.blif", "epfl/ctrl.blif",
    "lgsynth91/cmb.blif", "epfl/int2float.blif",
    /* has an .exdc section, on which ABC's cec aborts: ABC gets the
     * netlist as read, never the file */
    "lgsynth91/wim.blif",
    /* outputs that are inputs of the same name, which ABC's Verilog drops */
    "lgsynth91/C2670.blif"};

static void map_at_min_and_below(const char *path, lw_flow_id flow) {
  lw_flow_params p = lw_flow_params_default(flow);
  lw_flow_stats stats;
  lw_verify_report report;
  lw_program *prog = NULL;
  lw_error err = {0};
  lw_status st = lw_flow_run(path, &p, &stats, &report, &prog, &err);
  if (st != LW_OK)
    fail_msg("%s %s: %s", path, lw_flow_name(flow), err.msg);
  assert_true(report.ok);
  assert_true(report.cec_ran && report.cec_ok);
  assert_int_equal(prog->row_size, stats.min_row);
  uint32_t composite = 0;
  lw_vec_foreach (&prog->cycles, i) {
    const lw_op *op = &prog->cycles.data[i];
    if (op->type != LW_OP_INIT)
      composite += lw_gate(op->type)->over >= 0;
  }
  if (flow == LW_FLOW_SIMPLER)
    assert_int_equal(composite, 0);
  printf("%-28s %-8s row %4u latency %5u toggle %8.3f composite %u\n", path,
         lw_flow_name(flow), prog->row_size, prog->metrics.latency,
         prog->metrics.toggle_estimate, composite);
  lw_verify_report_free(&report);
  lw_program_free(prog);

  p.row = stats.min_row - 1;
  p.verify = 0;
  prog = NULL;
  assert_int_equal(lw_flow_run(path, &p, NULL, NULL, &prog, &err), LW_ERR_ROW);
  assert_null(prog);
  char want[32];
  snprintf(want, sizeof want, "minimum is %u", stats.min_row);
  assert_non_null(strstr(err.msg, want));
}

static void every_flow_min_row(const char *path, const char *rel, void *ctx) {
  (void)rel, (void)ctx;
  for (int f = LW_FLOW_SIMPLER; f <= LW_FLOW_LOWWEAR_WIDE; f++)
    map_at_min_and_below(path, (lw_flow_id)f);
}

static void test_every_flow_min_row(void **state) {
  (void)state;
  lw_test_need_abc();
  lw_test_each_benchmark(circuits, sizeof circuits / sizeof *circuits,
                         every_flow_min_row, NULL);
}

/* The bundled example works without the full benchmark suites. */
static void test_example_all_flows(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1024];
  lw_test_source("examples/full_adder.blif", path, sizeof path);
  for (int f = LW_FLOW_SIMPLER; f <= LW_FLOW_LOWWEAR_WIDE; f++)
    map_at_min_and_below(path, (lw_flow_id)f);
}

/* The script's alternatives one at a time: PREFIX; ALT i. */
static int single_scripts(const char *script, char out[][2048]) {
  const char *open = strchr(script, '{');
  assert_non_null(open);
  int n = 0;
  for (const char *a = open + 1; *a && *a != '}';) {
    size_t len = strcspn(a, "|}");
    snprintf(out[n++], 2048, "%.*s %.*s", (int)(open - script), script,
             (int)len, a);
    a += len + (a[len] == '|');
  }
  return n;
}

/* A flow keeps, at a row, the best program over its script's alternatives:
 * its minimum row is the least of theirs, and at a row where all fit its
 * program is no worse than any (toggle for lowwear, latency for losss). */
static void test_best_of_alternatives(void **state) {
  (void)state;
  lw_test_need_abc();
  static const char *const rels[] = {"lgsynth91/alu2.blif",
                                     "epfl/int2float.blif"};
  static const lw_flow_id ids[] = {LW_FLOW_LOWWEAR, LW_FLOW_LOSSS};
  for (size_t c = 0; c < 2; c++) {
    char path[1024];
    lw_test_need_benchmark(rels[c], path, sizeof path);
    for (size_t f = 0; f < 2; f++) {
      lw_flow_params p = lw_flow_params_default(ids[f]);
      p.verify = 0;
      char singles[LW_SYNTH_MAX_ALTS][2048];
      int n = single_scripts(lw_synth_default_script(&p.synth), singles);
      assert_true(n >= 2);
      lw_program *one[LW_SYNTH_MAX_ALTS] = {0};
      uint32_t least = UINT32_MAX, row = 0;
      lw_error err = {0};
      lw_flow_stats st;
      for (int i = 0; i < n; i++) {
        lw_flow_params q = p;
        q.synth.script = singles[i];
        assert_int_equal(lw_flow_run(path, &q, &st, NULL, &one[i], &err),
                         LW_OK);
        least = st.min_row < least ? st.min_row : least;
        row = st.min_row > row ? st.min_row : row;
        lw_program_free(one[i]);
      }
      lw_program *all = NULL;
      assert_int_equal(lw_flow_run(path, &p, &st, NULL, &all, &err), LW_OK);
      assert_int_equal(st.min_row, least);
      lw_program_free(all);
      p.row = row;
      assert_int_equal(lw_flow_run(path, &p, &st, NULL, &all, &err), LW_OK);
      for (int i = 0; i < n; i++) {
        lw_flow_params q = p;
        q.synth.script = singles[i];
        assert_int_equal(lw_flow_run(path, &q, NULL, NULL, &one[i], &err),
                         LW_OK);
        if (ids[f] == LW_FLOW_LOWWEAR)
          assert_true(all->metrics.toggle_estimate <=
                      one[i]->metrics.toggle_estimate);
        else
          assert_true(all->metrics.latency <= one[i]->metrics.latency);
        lw_program_free(one[i]);
      }
      printf("%-22s %-8s %d alternatives, min row %u, at row %u: latency %u "
             "toggle %.3f (alternative %d)\n",
             rels[c], lw_flow_name(ids[f]), n, least, row, all->metrics.latency,
             all->metrics.toggle_estimate, st.abc_alternative + 1);
      lw_program_free(all);
    }
  }
}

/* lowwear-wide borrowing lowwear's paper-gate candidates (as the bench
 * does) gives the same minimum row and program as synthesizing them again. */
static void test_wide_borrows_paper_candidates(void **state) {
  (void)state;
  char path[1024];
  lw_test_need_abc();
  lw_test_need_benchmark("epfl/int2float.blif", path, sizeof path);
  lw_error err = {0};
  lw_flow_params lp = lw_flow_params_default(LW_FLOW_LOWWEAR);
  lp.verify = 0;
  lw_flow_job *low = NULL, *own = NULL, *borrow = NULL;
  assert_int_equal(lw_flow_prepare(path, &lp, NULL, &low, &err), LW_OK);
  lw_flow_params wp = lw_flow_params_default(LW_FLOW_LOWWEAR_WIDE);
  wp.verify = 0;
  lw_flow_stats s_own, s_borrow;
  assert_int_equal(lw_flow_prepare(path, &wp, &s_own, &own, &err), LW_OK);
  wp.paper_from = low;
  assert_int_equal(lw_flow_prepare(path, &wp, &s_borrow, &borrow, &err), LW_OK);
  assert_int_equal(s_own.min_row, s_borrow.min_row);
  /* the paper netlist fits a smaller row here: it is the one kept there */
  lw_flow_stats m_own, m_borrow;
  lw_program *a = NULL, *b = NULL;
  for (uint32_t extra = 0; extra <= 8; extra += 8) {
    uint32_t row = s_own.min_row + extra;
    assert_int_equal(lw_flow_map(own, row, &m_own, NULL, &a, &err), LW_OK);
    assert_int_equal(lw_flow_map(borrow, row, &m_borrow, NULL, &b, &err),
                     LW_OK);
    assert_int_equal(a->metrics.latency, b->metrics.latency);
    assert_true(a->metrics.toggle_estimate == b->metrics.toggle_estimate);
    assert_int_equal(m_own.netlist, m_borrow.netlist);
    assert_int_equal(m_own.netlist_reason, m_borrow.netlist_reason);
    assert_string_equal(a->flow, "lowwear-wide");
    assert_string_equal(b->flow, "lowwear-wide");
    lw_program_free(a);
    lw_program_free(b);
  }
  lw_flow_job_free(borrow); /* before the job it borrows from */
  lw_flow_job_free(own);
  lw_flow_job_free(low);
}

/* Legal files that ABC mishandles when it reads them itself: each one is
 * mapped with every flow and verified (it reads only what lowwear wrote). */
static const struct {
  const char *name, *text, *why;
} legal[] = {
    {"xnor.aag", "aag 5 2 0 1 3\n2\n4\n11\n6 2 4\n8 3 5\n10 7 9\n",
     "ASCII AIGER: ABC 1.01 reads it as an empty network"},
    {"taut.blif",
     ".model t\n.inputs a b c\n.outputs y z\n.names a b c y\n1-0 1\n--- 1\n"
     ".names a y z\n01 1\n.end\n",
     "a tautological cover of several inputs: ABC aborts in Dec_Factor"},
    {"last_out_in.blif",
     ".model p\n.inputs a b c\n.outputs y a\n.names a b c y\n1-1 1\n01- 1\n"
     ".end\n",
     "the last output is an input: ABC writes 'output y,;'"},
    {"only_inputs.blif", ".model w\n.inputs a b\n.outputs b a\n.end\n",
     "every output is an input: ABC aborts reading the file"},
};

static void test_legal_files_abc_mishandles(void **state) {
  (void)state;
  lw_test_need_abc();
  for (size_t i = 0; i < sizeof legal / sizeof *legal; i++) {
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", lw_test_dir, legal[i].name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(legal[i].text, f);
    assert_int_equal(fclose(f), 0);
    printf("%s: %s\n", legal[i].name, legal[i].why);
    for (int k = LW_FLOW_SIMPLER; k <= LW_FLOW_LOWWEAR_WIDE; k++) {
      lw_flow_params p = lw_flow_params_default((lw_flow_id)k);
      lw_verify_report report;
      lw_program *prog = NULL;
      lw_error err = {0};
      if (lw_flow_run(path, &p, NULL, &report, &prog, &err) != LW_OK)
        fail_msg("%s %s: %s", legal[i].name, lw_flow_name((lw_flow_id)k),
                 err.msg);
      assert_true(report.ok && report.cec_ran && report.cec_ok);
      lw_verify_report_free(&report);
      lw_program_free(prog);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_example_all_flows),
      cmocka_unit_test(test_every_flow_min_row),
      cmocka_unit_test(test_best_of_alternatives),
      cmocka_unit_test(test_wide_borrows_paper_candidates),
      cmocka_unit_test(test_legal_files_abc_mishandles),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

/* The rewrite stage on ABC-mapped benchmarks: for each circuit and each
 * mode, the rewritten net must compute the same outputs (lw_net_check.h:
 * every vector up to 16 inputs, else 64 x 256 random ones), obey the mapper's
 * contract and lower the total toggle rate. The genlib is written here from the
 * gate table (areas = toggle rates), so the test does not depend on synth/. */
#include "lw_net_check.h"
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lowwear/lowwear.h"
#include "net/net.h"
#include "rewrite/rewrite.h"

static void write_genlib(const char *path, int wide) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f, "GATE zero 0 O=CONST0;\nGATE one 0 O=CONST1;\n");
  fprintf(f, "GATE buf %g O=a; PIN * NONINV 1 999 1 0 1 0\n",
          lw_gate(LW_GATE_COPY)->rate);
  fprintf(f, "GATE inv1 %g O=!a; PIN * INV 1 999 1 0 1 0\n",
          lw_gate(LW_GATE_NOT)->rate);
  static const lw_gate_type gates[] = {LW_GATE_NOR2, LW_GATE_OR2, LW_GATE_NOR3,
                                       LW_GATE_NOR4, LW_GATE_OR3, LW_GATE_OR4};
  for (int i = 0; i < 6; i++) {
    const lw_gate_info *g = lw_gate(gates[i]);
    if (g->lib == LW_LIB_WIDE && !wide)
      continue;
    char sum[16] = "";
    for (int k = 0; k < g->arity; k++)
      snprintf(sum + strlen(sum), sizeof sum - strlen(sum), "%s%c",
               k ? "+" : "", 'a' + k);
    int inv = g->fn == LW_FN_NOR;
    fprintf(f, "GATE %s %g O=%s%s%s; PIN * %s 1 999 1 0 1 0\n", g->genlib,
            g->rate, inv ? "!(" : "", sum, inv ? ")" : "",
            inv ? "INV" : "NONINV");
  }
  fclose(f);
}

#define DEFAULT_SCRIPT "strash; dch; map -a"

/* ABC-mapped net of a benchmark; skips the calling test without ABC or the
 * circuit. */
static lw_net *mapped_by(const char *rel, int wide, const char *script) {
  char bench[1024];
  lw_test_need_abc();
  lw_test_need_benchmark(rel, bench, sizeof bench);
  char dir[] = "/tmp/lw_rewrite_abc.XXXXXX";
  assert_non_null(mkdtemp(dir));
  char lib[1100], out[1100], cmd[4096];
  snprintf(lib, sizeof lib, "%s/lib.genlib", dir);
  snprintf(out, sizeof out, "%s/out.blif", dir);
  write_genlib(lib, wide);
  snprintf(cmd, sizeof cmd,
           "berkeley-abc -c \"read_blif %s; read_library %s; %s; "
           "write_blif %s\" >/dev/null 2>&1",
           bench, lib, script, out);
  assert_int_equal(system(cmd), 0);
  lw_net *net = NULL;
  lw_error err = {0};
  lw_status st = lw_io_read_mapped(out, &net, &err);
  if (st != LW_OK)
    fail_msg("%s: %s", rel, err.msg);
  unlink(lib);
  unlink(out);
  rmdir(dir);
  return net;
}

static lw_net *mapped(const char *rel, int wide) {
  return mapped_by(rel, wide, DEFAULT_SCRIPT);
}

typedef struct mode {
  const char *name;
  int paper, wide;
  lw_merge_criterion crit;
} mode;

static const mode modes[] = {
    {"lowwear", 0, 0, LW_MERGE_TOGGLE},
    {"paper-rules", 1, 0, LW_MERGE_TOGGLE},
    {"losss", 1, 0, LW_MERGE_GATES},
    {"wide", 0, 1, LW_MERGE_TOGGLE},
};

static void run_circuit(const char *rel, int can_merge) {
  lw_net *in[2] = {NULL, NULL};
  for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
    const mode *md = &modes[m];
    if (!in[md->wide])
      in[md->wide] = mapped(rel, md->wide);
    lw_rewrite_params p = lw_rewrite_params_default();
    p.paper_rules = md->paper;
    p.criterion = md->crit;
    p.max_onor_operands = md->wide ? 3 : 2;
    lw_rewrite_stats s;
    lw_net *out = NULL;
    lw_error err = {0};
    assert_int_equal(lw_rewrite_run(in[md->wide], &p, &s, &out, &err), LW_OK);
    assert_equivalent(in[md->wide], out);
    assert_contract(out);
    /* with wide gates ABC absorbs most ORs: merges may find nothing */
    if (md->wide || !can_merge)
      assert_true(s.toggle_after <= s.toggle_before);
    else if (md->crit == LW_MERGE_GATES)
      assert_true(s.gates_after < s.gates_before);
    else
      assert_true(s.toggle_after < s.toggle_before);
    print_message("%-12s %-11s r1 %4u r2 %3u r3 %3u (kept NOT %3u) r4 %u "
                  "copies %3u | blocked io %4u l1 %4u l2 %3u cycle %3u | "
                  "toggle %.3f -> %.3f  gates %u -> %u\n",
                  rel, md->name, s.r1, s.r2, s.r3, s.r3_kept_not, s.r4,
                  s.copies, s.blocked_io, s.blocked_l1, s.blocked_l2,
                  s.blocked_cycle, s.toggle_before, s.toggle_after,
                  s.gates_before, s.gates_after);
    lw_net_free(out);
  }
  lw_net_free(in[0]);
  lw_net_free(in[1]);
}

/* can_merge 0: dec's ORs read only primary inputs, shared NOTs and other
 * ORs, so no merge lowers its total (the rewrite must leave it as it is). */
#define CIRCUITS(CIRCUIT)                                                      \
  CIRCUIT(alu2, "lgsynth91/alu2.blif", 1)                                      \
  CIRCUIT(cm138a, "lgsynth91/cm138a.blif", 1)                                  \
  CIRCUIT(voter, "epfl/voter.blif", 1)                                         \
  CIRCUIT(dec, "epfl/dec.blif", 0)

#define CIRCUIT(name, rel, can_merge)                                          \
  static void test_##name(void **state) {                                      \
    (void)state;                                                               \
    run_circuit(rel, can_merge);                                               \
  }
CIRCUITS(CIRCUIT)
#undef CIRCUIT

/* Regression: on ABC's netlist of EPFL mem_ctrl after mfs2 (an alternative
 * of the default script) a merge's new edges, fixed one by one, once closed
 * a cycle the order update did not see (the mapper then found no execution
 * order). The contract check proves the output acyclic. */
static void test_mem_ctrl_mfs2(void **state) {
  (void)state;
  lw_net *in = mapped_by("epfl/mem_ctrl.blif", 0,
                         "strash; if -K 4; mfs2 -W 4; strash; dc2; &get -n; "
                         "&dch; &nf -a; &put");
  lw_rewrite_params p = lw_rewrite_params_default();
  lw_rewrite_stats s;
  lw_net *out = NULL;
  lw_error err = {0};
  assert_int_equal(lw_rewrite_run(in, &p, &s, &out, &err), LW_OK);
  assert_contract(out);
  assert_equivalent(in, out);
  assert_true(s.toggle_after < s.toggle_before);
  lw_net_free(out);
  lw_net_free(in);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_mem_ctrl_mfs2),
#define CIRCUIT(name, rel, can_merge) cmocka_unit_test(test_##name),
                                     CIRCUITS(CIRCUIT)
#undef CIRCUIT
  };
  return lw_test_run(tests, NULL, NULL);
}

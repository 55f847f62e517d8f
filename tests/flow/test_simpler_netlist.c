/* The low-wear flows weigh SIMPLER MAGIC's netlist (the simpler flow's) as
 * candidates: their minimum row is never above SIMPLER's, and at a row they
 * keep a program no slower than SIMPLER's there when one exists (else the
 * summary line says none does); wear control's budget keeps to it too. On
 * bundled circuits and on random legal ones (tests/lw_gen.c). */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lowwear/lowwear.h"
#include "lw_gen.h"
#include "net/program.h"

/* cavlc: the lowwear flow's own netlists need more cells than SIMPLER's */
static const char *const circuits[] = {
    "lgsynth91/cm138a.blif", "lgsynth91/z4ml.blif", "epfl/ctrl.blif",
    "lgsynth91/f51m.blif", "epfl/cavlc.blif"};

/* 16 random circuits in the main test build, 6 with LW_QUICK=1 */
static uint64_t count(void) {
  const char *quick = getenv("LW_QUICK");
  return quick && *quick && strcmp(quick, "0") ? 6 : 16;
}

static lw_flow_job *prepare(const char *path, lw_flow_id flow,
                            const lw_flow_job *simpler,
                            const lw_flow_job *lowwear, lw_flow_stats *stats) {
  lw_flow_params p = lw_flow_params_default(flow);
  p.simpler_from = simpler;
  p.paper_from = lowwear;
  lw_flow_job *job = NULL;
  lw_error err = {0};
  if (lw_flow_prepare(path, &p, stats, &job, &err) != LW_OK)
    fail_msg("%s %s: %s", path, lw_flow_name(flow), err.msg);
  return job;
}

/* The job's program at `row`, verified (simulation and cec) */
static lw_program *map_at(lw_flow_job *job, uint32_t row, const char *what,
                          lw_flow_stats *stats) {
  lw_verify_report rep;
  lw_program *prog = NULL;
  lw_error err = {0};
  if (lw_flow_map(job, row, stats, &rep, &prog, &err) != LW_OK)
    fail_msg("%s: %s", what, err.msg);
  assert_true(rep.ok && rep.cec_ran && rep.cec_ok);
  lw_verify_report_free(&rep);
  return prog;
}

/* At SIMPLER's latency or below, or the summary line says none is */
static void check_latency(const char *path, const char *what,
                          const lw_flow_params *p, const lw_program *prog,
                          const lw_flow_stats *stats, uint32_t simpler) {
  assert_int_equal(stats->simpler_latency, simpler);
  char line[1024];
  lw_flow_summary(path, prog, p, stats, 1, line, sizeof line);
  int says = strstr(line, "no candidate matches it") != NULL;
  if (prog->metrics.latency > simpler && !says)
    fail_msg("%s: latency %u > SIMPLER's %u, and the summary does not say "
             "so: %s",
             what, prog->metrics.latency, simpler, line);
  assert_int_equal(says, prog->metrics.latency > simpler);
  assert_int_equal(stats->latency_unmatched, says);
}

/* The wear-controlled program of the same flow at the same row is no
 * slower than SIMPLER's when the plain one is not. */
static void check_wear_budget(const char *path, lw_flow_id flow,
                              const lw_flow_job *simpler, uint32_t row,
                              uint32_t plain, uint32_t bound,
                              const char *what) {
  lw_flow_params p = lw_flow_params_default(flow);
  p.simpler_from = simpler;
  p.wear_aware = 1;
  p.prob_reinit = 1;
  p.latency_slack = 0.5;
  p.verify = 0;
  p.row = row;
  lw_program *prog = NULL;
  lw_error err = {0};
  if (lw_flow_run(path, &p, NULL, NULL, &prog, &err) != LW_OK)
    fail_msg("%s, wear control: %s", what, err.msg);
  if (plain <= bound && prog->metrics.latency > bound)
    fail_msg("%s: wear control's latency %u exceeds SIMPLER's %u (plain %u)",
             what, prog->metrics.latency, bound, plain);
  lw_program_free(prog);
}

/* lowwear and lowwear-wide against simpler on one circuit: minimum rows,
 * and latency at SIMPLER's minimum row. wear: check wear control too. */
static void check_circuit(const char *path, const char *what, int wear) {
  lw_flow_stats ss, ls, ws;
  lw_flow_job *simpler = prepare(path, LW_FLOW_SIMPLER, NULL, NULL, &ss);
  lw_flow_job *low = prepare(path, LW_FLOW_LOWWEAR, simpler, NULL, &ls);
  lw_flow_job *wide = prepare(path, LW_FLOW_LOWWEAR_WIDE, simpler, low, &ws);
  if (ls.min_row > ss.min_row || ws.min_row > ss.min_row)
    fail_msg("%s: minimum rows lowwear %u, lowwear-wide %u > simpler %u", what,
             ls.min_row, ws.min_row, ss.min_row);
  uint32_t row = ss.min_row;
  lw_flow_stats ms;
  lw_program *ref = map_at(simpler, row, what, &ms);
  lw_flow_job *jobs[] = {low, wide};
  for (int k = 0; k < 2; k++) {
    lw_flow_id flow = k ? LW_FLOW_LOWWEAR_WIDE : LW_FLOW_LOWWEAR;
    char name[600];
    snprintf(name, sizeof name, "%s, %s", what, lw_flow_name(flow));
    lw_program *prog = map_at(jobs[k], row, name, &ms);
    lw_flow_params p = lw_flow_params_default(flow);
    check_latency(path, name, &p, prog, &ms, ref->metrics.latency);
    if (wear)
      check_wear_budget(path, flow, simpler, row, prog->metrics.latency,
                        ref->metrics.latency, name);
    lw_program_free(prog);
  }
  lw_program_free(ref);
  lw_flow_job_free(wide);
  lw_flow_job_free(low);
  lw_flow_job_free(simpler);
}

static void check_bundled(const char *path, const char *rel, void *ctx) {
  (void)ctx;
  check_circuit(path, rel, 1);
}

static void test_bundled_circuits(void **state) {
  (void)state;
  lw_test_need_abc();
  lw_test_each_benchmark(circuits, sizeof circuits / sizeof *circuits,
                         check_bundled, NULL);
}

static void test_random_circuits(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1200];
  snprintf(path, sizeof path, "%s/random.blif", lw_test_dir);
  for (uint64_t seed = 1, n = count(); seed <= n; seed++) {
    assert_int_equal(lw_gen_blif_file(seed, path), 0);
    char what[64];
    snprintf(what, sizeof what, "random circuit, seed %llu",
             (unsigned long long)seed);
    check_circuit(path, what, seed % 4 == 0);
  }
}

/* C6288 (16-bit multiplier, the full suites only): at 1.3 times SIMPLER's
 * minimum row lowwear's own netlist fits but is slower than SIMPLER's
 * program; the flow keeps a program that is not. */
static void test_multiplier_no_slower(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1024];
  lw_test_need_benchmark("lgsynth91/C6288.blif", path, sizeof path);
  lw_flow_stats ss, ls, ms;
  lw_flow_job *simpler = prepare(path, LW_FLOW_SIMPLER, NULL, NULL, &ss);
  lw_flow_job *low = prepare(path, LW_FLOW_LOWWEAR, simpler, NULL, &ls);
  uint32_t row = (uint32_t)(ss.min_row * 13 / 10);
  lw_program *ref = map_at(simpler, row, "C6288, simpler", &ms);
  lw_program *prog = map_at(low, row, "C6288, lowwear", &ms);
  if (prog->metrics.latency > ref->metrics.latency)
    fail_msg("C6288 at %u cells: lowwear's latency %u > SIMPLER's %u", row,
             prog->metrics.latency, ref->metrics.latency);
  assert_int_equal(ms.simpler_latency, ref->metrics.latency);
  assert_false(ms.latency_unmatched);
  lw_program_free(prog);
  lw_program_free(ref);
  lw_flow_job_free(low);
  lw_flow_job_free(simpler);
}

/* The program as lowwear-program/1 JSON (malloc'ed) */
static char *program_text(const lw_program *prog, const char *name) {
  char path[1200], cmd[1300];
  snprintf(path, sizeof path, "%s/%s.json", lw_test_dir, name);
  lw_error err = {0};
  if (lw_io_write_program(prog, path, LW_FORMAT_JSON, &err) != LW_OK)
    fail_msg("%s: %s", path, err.msg);
  snprintf(cmd, sizeof cmd, "cat '%s'", path);
  return lw_test_capture(cmd, NULL);
}

/* Standalone (no simpler job lent), the flow synthesises SIMPLER's netlist
 * itself: the same minimum row and program as with the simpler job's. */
static void test_standalone_equals_borrowed(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1024];
  lw_test_need_benchmark("lgsynth91/z4ml.blif", path, sizeof path);
  lw_flow_stats ss, own, lent, m_own, m_lent;
  lw_flow_job *simpler = prepare(path, LW_FLOW_SIMPLER, NULL, NULL, &ss);
  lw_flow_job *a = prepare(path, LW_FLOW_LOWWEAR, NULL, NULL, &own);
  lw_flow_job *b = prepare(path, LW_FLOW_LOWWEAR, simpler, NULL, &lent);
  assert_int_equal(own.min_row, lent.min_row);
  lw_program *pa = map_at(a, ss.min_row, "standalone", &m_own);
  lw_program *pb = map_at(b, ss.min_row, "borrowed", &m_lent);
  assert_int_equal(m_own.simpler_latency, m_lent.simpler_latency);
  assert_true(m_own.simpler_latency > 0);
  assert_int_equal(m_own.netlist, m_lent.netlist);
  char *ja = program_text(pa, "standalone"), *jb = program_text(pb, "lent");
  assert_string_equal(ja, jb);
  free(ja);
  free(jb);
  lw_program_free(pa);
  lw_program_free(pb);
  lw_flow_job_free(a);
  lw_flow_job_free(b);
  lw_flow_job_free(simpler);
}

/* The summary line names a netlist that is not the flow's own and says
 * when no candidate matches SIMPLER's latency. */
static void test_summary_says_why(void **state) {
  (void)state;
  lw_test_need_abc();
  char path[1024];
  lw_test_source("examples/full_adder.blif", path, sizeof path);
  lw_flow_params p = lw_flow_params_default(LW_FLOW_LOWWEAR);
  lw_flow_stats stats;
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_flow_run(path, &p, &stats, NULL, &prog, &err), LW_OK);
  char line[1024];
  stats.netlist = LW_FLOW_NETLIST_SIMPLER_ASIS;
  stats.netlist_reason = LW_FLOW_WHY_LATENCY;
  stats.latency_unmatched = 1;
  stats.simpler_latency = prog->metrics.latency - 1;
  lw_flow_summary(path, prog, &p, &stats, 1, line, sizeof line);
  char want[128];
  snprintf(want, sizeof want,
           "latency %u > SIMPLER's %u at this row: no candidate matches it",
           prog->metrics.latency, prog->metrics.latency - 1);
  assert_non_null(strstr(line, want));
  assert_non_null(strstr(line, "SIMPLER's netlist as it is"));
  stats.netlist = LW_FLOW_NETLIST_OWN;
  stats.latency_unmatched = 0;
  lw_flow_summary(path, prog, &p, &stats, 1, line, sizeof line);
  assert_null(strstr(line, "SIMPLER"));
  lw_program_free(prog);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bundled_circuits),
      cmocka_unit_test(test_random_circuits),
      cmocka_unit_test(test_multiplier_no_slower),
      cmocka_unit_test(test_standalone_equals_borrowed),
      cmocka_unit_test(test_summary_says_why),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

/* summary.md's bench --device section on synthetic results whose numbers
 * are known by hand: energies and INIT shares per circuit, a failing
 * program marked and left out of the averages, the suite averages and the
 * mean lowwear / SIMPLER ratio; no section without device results. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/device_table.h"

static void on_device(lw_bench_circuit *c, lw_flow_id id, double nj,
                      double share, int pass) {
  lw_bench_flow *f = &c->flows[id];
  f->included = f->ran = f->verified = 1;
  f->device_ran = 1;
  f->device_pass = pass;
  f->device_energy_j = nj * 1e-9;
  f->device_init_share = share;
  f->device_least_margin_nm = 0.7;
}

static lw_bench_circuit *add(lw_bench_circuits *cs, const char *name,
                             const char *suite) {
  lw_vec_resize(cs, cs->size + 1);
  lw_bench_circuit *c = &lw_vec_last(cs);
  memset(c, 0, sizeof *c);
  snprintf(c->name, sizeof c->name, "%s", name);
  snprintf(c->suite, sizeof c->suite, "%s", suite);
  return c;
}

static char *section(const lw_bench_circuits *cs) {
  FILE *f = tmpfile();
  assert_non_null(f);
  lw_report_device_section(f, cs);
  long n = ftell(f);
  char *text = calloc(1, (size_t)n + 1);
  rewind(f);
  assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  return text;
}

static void test_device_section(void **state) {
  (void)state;
  lw_bench_circuits cs = {0};
  lw_bench_circuit *c = add(&cs, "a", "epfl");
  on_device(c, LW_FLOW_LOWWEAR, 100, 0.10, 1);
  on_device(c, LW_FLOW_LOSSS, 150, 0.20, 1);
  on_device(c, LW_FLOW_SIMPLER, 200, 0.05, 1);
  c = add(&cs, "b", "lgsynth91");
  on_device(c, LW_FLOW_LOWWEAR, 300, 0.30, 1);
  on_device(c, LW_FLOW_LOSSS, 300, 0.30, 1);
  on_device(c, LW_FLOW_SIMPLER, 200, 0, 1);
  c = add(&cs, "c", "epfl");
  on_device(c, LW_FLOW_LOWWEAR, 50, 0.5, 0);
  on_device(c, LW_FLOW_LOSSS, 60, 0.5, 1);
  on_device(c, LW_FLOW_SIMPLER, 70, 0.5, 1);
  char *text = section(&cs);
  assert_non_null(strstr(text, "8 of 9 programs pass"));
  assert_non_null(strstr(text, "| a | EPFL | 100.0 (10.0 %) | 150.0 (20.0 %) "
                               "| 200.0 (5.0 %) | 0.500 |"));
  assert_non_null(strstr(text, "| c | EPFL | 50.0 (50.0 %) **FAIL** |"));
  /* no lowwear-wide results: no column for it */
  assert_null(strstr(text, "lowwear-wide"));
  /* averages: c is left out (its lowwear program failed) */
  assert_non_null(strstr(text, "| EPFL | 1 | 100.0 (10.0 %) | 150.0 (20.0 %) "
                               "| 200.0 (5.0 %) | 0.500 |"));
  assert_non_null(strstr(text, "| LGSynth91 | 1 | 300.0 (30.0 %) |"));
  assert_non_null(strstr(text, "| all | 2 | 200.0 (20.0 %) | 225.0 (25.0 %) "
                               "| 200.0 (2.5 %) | 1.000 |"));
  free(text);
  /* without device results the section is not there at all */
  for (uint32_t i = 0; i < cs.size; i++)
    for (int k = 0; k < LW_BENCH_NFLOWS; k++)
      cs.data[i].flows[k].device_ran = 0;
  text = section(&cs);
  assert_string_equal(text, "");
  free(text);
  lw_vec_free(&cs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_device_section),
  };
  return lw_test_run(tests, NULL, NULL);
}

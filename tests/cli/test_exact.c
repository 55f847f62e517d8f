/* lowwear map --exact through the binary: the bundled full adder and a
 * bundled circuit whose exact row is below the heuristic's get verified
 * programs at the row the summary line states, with both rows in it; the
 * baselines, a given row and wear control refuse --exact. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* map --exact of circuit (under the source tree) into the scratch folder;
 * the program is checked with `lowwear verify`. *row and *heuristic: the
 * summary line's two rows. */
static void map_exact(const char *rel, unsigned *row, unsigned *heuristic) {
  char circuit[512], prog[700], args[2048];
  lw_test_source(rel, circuit, sizeof circuit);
  snprintf(prog, sizeof prog, "%s/exact.json", lw_test_dir);
  remove(prog);
  snprintf(args, sizeof args, "map '%s' --exact --exact-time 120 -o '%s'",
           circuit, prog);
  char *err = NULL;
  assert_int_equal(lw_test_run_cli(args, &err), 0);
  const char *note = strstr(err, ", row ");
  if (!note ||
      sscanf(note, ", row %u (exact; heuristic %u)", row, heuristic) != 2)
    fail_msg("%s: no exact row in the summary: %s", rel, err);
  free(err);
  snprintf(args, sizeof args, "verify '%s' '%s' >'%s.report'", circuit, prog,
           prog);
  assert_int_equal(lw_test_run_cli(args, NULL), 0);
  snprintf(args, sizeof args, "grep -c '\"row_size\": *%u,' '%s'", *row, prog);
  char *hits = lw_test_capture(args, NULL);
  if (atoi(hits) < 1)
    fail_msg("%s: the program's row is not %u", rel, *row);
  free(hits);
}

static void need_abc(void) {
  if (!lw_test_have_abc())
    lw_test_skip("ABC not installed");
}

static void test_full_adder(void **state) {
  (void)state;
  need_abc();
  unsigned row = 0, heuristic = 0;
  map_exact("examples/full_adder.blif", &row, &heuristic);
  assert_true(row >= 1 && row <= heuristic);
  /* with -o -, standard output is the program alone: the SAT solver
   * prints nothing there (CaDiCaL wrote "c found falsified original
   * clause" before it was made quiet) */
  char circuit[512], args[1024];
  lw_test_source("examples/full_adder.blif", circuit, sizeof circuit);
  snprintf(args, sizeof args, "'%s' map '%s' --exact -o - 2>/dev/null",
           LW_BINARY, circuit);
  int status = -1;
  char *out = lw_test_capture(args, &status);
  assert_int_equal(status, 0);
  assert_int_equal(out[0], '{');
  assert_null(strstr(out, "\nc "));
  free(out);
}

/* cmb (bundled LGSynth91): the exact order needs fewer cells than the
 * heuristic's, and the program at that row verifies. */
static void test_smaller_than_heuristic(void **state) {
  (void)state;
  need_abc();
  unsigned row = 0, heuristic = 0;
  map_exact("benchmarks/lgsynth91/cmb.blif", &row, &heuristic);
  assert_true(row < heuristic);
}

static void test_refused(void **state) {
  (void)state;
  char fa[512], args[1024];
  lw_test_source("examples/full_adder.blif", fa, sizeof fa);
  static const char *const others[] = {"--flow simpler", "--flow losss",
                                       "--row 20", "--wear-aware"};
  for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
    snprintf(args, sizeof args, "map '%s' --exact %s -o /dev/null", fa,
             others[i]);
    char *err = NULL;
    assert_int_equal(lw_test_run_cli(args, &err), 2);
    if (!strstr(err, "--exact"))
      fail_msg("%s: %s", others[i], err);
    free(err);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_full_adder),
      cmocka_unit_test(test_smaller_than_heuristic),
      cmocka_unit_test(test_refused),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

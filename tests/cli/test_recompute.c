/* map --recompute and --latency-budget from the command line: the summary
 * line's figures, exit 3 below the plain minimum without --recompute and
 * below the row reached with it, usage errors for the baselines. */
#include "lw_test.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run(char **err, const char *fmt, ...) {
  char args[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(args, sizeof args, fmt, ap);
  va_end(ap);
  return lw_test_run_cli(args, err);
}

static void test_rows_below_the_minimum(void **state) {
  (void)state;
  lw_test_need_abc();
  char c[1024], out[1200];
  lw_test_source("benchmarks/lgsynth91/f51m.blif", c, sizeof c);
  snprintf(out, sizeof out, "%s/p.json", lw_test_dir);
  char *err = NULL;
  assert_int_equal(run(&err, "map '%s' --recompute --no-cec -o '%s'", c, out),
                   0);
  unsigned plain = 0, reached = 0, lat0 = 0, lat = 0;
  const char *s = strstr(err, "plain min row");
  if (!s || sscanf(s, "plain min row %u, row reached %u, latency %u -> %u",
                   &plain, &reached, &lat0, &lat) != 4)
    fail_msg("summary without recomputation figures: %s", err);
  free(err);
  assert_true(reached < plain);
  assert_true(lat <= 1.5 * lat0);
  assert_int_equal(access(out, F_OK), 0);
  unlink(out);
  /* without --recompute: exit 3 as before, nothing written */
  assert_int_equal(run(&err, "map '%s' --row %u -o '%s'", c, plain - 1, out),
                   3);
  assert_non_null(strstr(err, "the minimum is"));
  free(err);
  assert_int_not_equal(access(out, F_OK), 0);
  assert_int_equal(run(&err, "map '%s' --row %u --recompute --no-cec -o '%s'",
                       c, reached, out),
                   0);
  free(err);
  assert_int_equal(access(out, F_OK), 0);
  unlink(out);
  assert_int_equal(
      run(&err, "map '%s' --row %u --recompute -o '%s'", c, reached - 1, out),
      3);
  char want[128];
  snprintf(want, sizeof want,
           "smallest row reached with recomputation within latency budget "
           "1.5 is %u",
           reached);
  if (!strstr(err, want))
    fail_msg("'%s' lacks '%s'", err, want);
  free(err);
  assert_int_not_equal(access(out, F_OK), 0);
}

static void test_usage_errors(void **state) {
  (void)state;
  char c[1024];
  lw_test_source("examples/full_adder.blif", c, sizeof c);
  char *err = NULL;
  assert_int_equal(run(&err, "map '%s' --flow simpler --recompute", c), 2);
  assert_non_null(strstr(err, "low-wear flows"));
  free(err);
  assert_int_equal(run(&err, "map '%s' --flow losss --recompute", c), 2);
  free(err);
  assert_int_equal(run(&err, "map '%s' --latency-budget 2", c), 2);
  assert_non_null(strstr(err, "--recompute"));
  free(err);
  assert_int_equal(run(&err, "map '%s' --recompute --latency-budget 0.5", c),
                   2);
  free(err);
}

/* sweep --recompute: below the plain minimum only the low-wear flows have
 * points, each at a row below its own minimum; without it factors below 1
 * are refused. */
static void test_sweep_below_the_minimum(void **state) {
  (void)state;
  lw_test_need_abc();
  char c[1024], cmd[1400];
  lw_test_source("benchmarks/lgsynth91/f51m.blif", c, sizeof c);
  snprintf(cmd, sizeof cmd,
           "'%s' sweep '%s' --recompute --factors 0.8,1 --no-wear-control",
           LW_BINARY, c);
  int status = 0;
  char *csv = lw_test_capture(cmd, &status);
  assert_int_equal(status, 0);
  int below = 0;
  for (char *line = strtok(csv, "\n"); line; line = strtok(NULL, "\n")) {
    char flow[32];
    double factor;
    unsigned row, min_row;
    if (sscanf(line, "f51m,%31[^,],%lf,%u,%u", flow, &factor, &row, &min_row) !=
            4 ||
        row >= min_row)
      continue;
    below++;
    if (strcmp(flow, "lowwear") && strcmp(flow, "lowwear-wide"))
      fail_msg("flow %s has a point below its minimum: %s", flow, line);
  }
  free(csv);
  assert_true(below >= 1);
  char *err = NULL;
  assert_int_equal(run(&err, "sweep '%s' --factors 0.8,1", c), 2);
  assert_non_null(strstr(err, "--recompute"));
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rows_below_the_minimum),
      cmocka_unit_test(test_usage_errors),
      cmocka_unit_test(test_sweep_below_the_minimum),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

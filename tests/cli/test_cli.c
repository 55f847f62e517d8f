/* The option parser shared by the subcommands: separate, joined (-j2) and
 * --name=value forms, range checks, unknown options, positionals. */
#include "lw_test.h"

#include "cli/cli.c"

#define TEST_OPTS(OPT)                                                         \
  OPT(out, "-o", LW_OPT_STR, "out", 0, 0, "DIR", "output")                     \
  OPT(jobs, "-j", LW_OPT_INT, "0", 0, 64, "N", "workers")                      \
  OPT(slack, "--slack", LW_OPT_REAL, "0", -1, 1, "F", "slack")                 \
  OPT(quiet, "-q", LW_OPT_FLAG, NULL, 0, 0, NULL, "quiet")

typedef struct {
  TEST_OPTS(LW_OPT_FIELD)
} test_values;
static const lw_opt opts[] = {TEST_OPTS(LW_OPT_ROW)};
enum { NOPT = sizeof opts / sizeof opts[0] };

static int parse(char **argv, int argc, test_values *v, const char **pos,
                 int *npos) {
  return lw_cli_parse(argc, argv, 0, opts, NOPT, (lw_opt_value *)v, pos, 2,
                      npos, "usage: test");
}

static void test_forms(void **state) {
  (void)state;
  char *argv[] = {"-j2", "a.blif", "-ofolder", "--slack=0.25", "-q"};
  test_values v;
  const char *pos[2];
  int npos;
  assert_int_equal(parse(argv, 5, &v, pos, &npos), 0);
  assert_int_equal(v.jobs.num, 2);
  assert_true(v.jobs.set);
  assert_string_equal(v.out.str, "folder");
  assert_true(v.slack.real == 0.25);
  assert_int_equal(v.quiet.num, 1);
  assert_int_equal(npos, 1);
  assert_string_equal(pos[0], "a.blif");

  char *sep[] = {"-j", "3", "-o", "x", "--slack", "-0.5"};
  assert_int_equal(parse(sep, 6, &v, pos, &npos), 0);
  assert_int_equal(v.jobs.num, 3);
  assert_string_equal(v.out.str, "x");
  assert_true(v.slack.real == -0.5);
  assert_false(v.quiet.set);
  assert_int_equal(npos, 0);
}

static void test_defaults(void **state) {
  (void)state;
  test_values v;
  const char *pos[2];
  int npos;
  assert_int_equal(parse(NULL, 0, &v, pos, &npos), 0);
  assert_string_equal(v.out.str, "out");
  assert_int_equal(v.jobs.num, 0);
  assert_false(v.jobs.set);
}

static void test_errors(void **state) {
  (void)state;
  test_values v;
  const char *pos[2];
  int npos;
  char *bad[][3] = {
      {"-j65", NULL, NULL},      /* out of range, joined */
      {"-jx", NULL, NULL},       /* not a number */
      {"-j", NULL, NULL},        /* value missing */
      {"-qx", NULL, NULL},       /* a flag takes no joined value */
      {"--jobs", NULL, NULL},    /* unknown */
      {"--slack=2", NULL, NULL}, /* out of range */
      {"a", "b", "c"},           /* too many positionals */
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    int argc = bad[i][2] ? 3 : bad[i][1] ? 2 : 1;
    assert_int_equal(parse(bad[i], argc, &v, pos, &npos), 2);
  }
}

/* Numbers: whole numbers exact past 2^53, scientific notation read as the
 * number it is (then range-checked), no nan, no fraction for a whole
 * number. */
static void test_numbers(void **state) {
  (void)state;
  static const lw_opt seed = {"--seed", LW_OPT_INT, NULL, 0, 4e18, "S", ""};
  static const lw_opt jobs = {"-j", LW_OPT_INT, NULL, 0, 1024, "N", ""};
  static const lw_opt slack = {"--slack", LW_OPT_REAL, NULL, -1, 1, "F", ""};
  lw_opt_value v;
  assert_int_equal(lw_cli_value(&seed, "3999999999999999999", &v), 0);
  assert_true(v.num == 3999999999999999999L);
  assert_int_equal(lw_cli_value(&jobs, "1e2", &v), 0);
  assert_int_equal(v.num, 100);
  const char *bad_jobs[] = {"1e9", "-1", "2.5", "99999999999999999999",
                            "x",   "",   "nan", "inf"};
  for (size_t i = 0; i < sizeof bad_jobs / sizeof *bad_jobs; i++)
    assert_int_equal(lw_cli_value(&jobs, bad_jobs[i], &v), 2);
  assert_int_equal(lw_cli_value(&slack, "-0.5", &v), 0);
  assert_true(v.real == -0.5);
  const char *bad_slack[] = {"nan", "-nan", "inf", "1e999", "-1.5", "0.5x"};
  for (size_t i = 0; i < sizeof bad_slack / sizeof *bad_slack; i++)
    assert_int_equal(lw_cli_value(&slack, bad_slack[i], &v), 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_forms),
      cmocka_unit_test(test_defaults),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_numbers),
  };
  return lw_test_run(tests, NULL, NULL);
}

/* The command line as a new user meets it, through the lowwear binary:
 * every command's --help lists the exit statuses of LW_STATUSES and the top
 * level lists --version; a missing value and a number out of range say so;
 * --abc-timeout has one row and one meaning (0 = no limit) in every command
 * that runs ABC, and each of them applies it; the simpler flow refuses the
 * library options of the other flows. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lowwear/status.h"

static const char *const commands[] = {"map",   "verify", "wear",
                                       "sweep", "bench",  "device"};
#define NCOMMANDS (sizeof commands / sizeof *commands)

/* Run lowwear with printf(fmt, ...) as arguments; stdout into *out and
 * stderr into *err (both malloc'ed, may be NULL). Returns the exit status. */
static int run(char **out, char **err, const char *fmt, ...) {
  char args[4096], with_out[4700], path[600];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(args, sizeof args, fmt, ap);
  va_end(ap);
  snprintf(path, sizeof path, "%s/stdout", lw_test_dir);
  snprintf(with_out, sizeof with_out, "%s >'%s'", args, path);
  char *e = NULL;
  int st = lw_test_run_cli(with_out, &e);
  if (err)
    *err = e;
  else
    free(e);
  if (out) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    *out = calloc(1, 1 << 16);
    assert_non_null(*out);
    size_t n = fread(*out, 1, (1 << 16) - 1, f);
    (*out)[n] = 0;
    fclose(f);
  }
  return st;
}

/* Each status's code and text appear in text as the help prints them. */
static void assert_exit_statuses(const char *text, const char *who) {
  const char *list = strstr(text, "Exit status:");
  if (!list)
    fail_msg("%s: no 'Exit status:' in the help", who);
#define S(id, status_text, code)                                               \
  {                                                                            \
    char line[64];                                                             \
    snprintf(line, sizeof line, "\n  %d  ", code);                             \
    const char *at = strstr(list, line);                                       \
    const char *eol = at ? strchr(at + 1, '\n') : NULL;                        \
    const char *hit = at ? strstr(at, status_text) : NULL;                     \
    if (!at || !hit || (eol && hit > eol))                                     \
      fail_msg("%s: exit %d (%s) not listed", who, code, status_text);         \
  }
  LW_STATUSES(S)
#undef S
}

static void test_help_lists_exit_statuses(void **state) {
  (void)state;
  char *out = NULL;
  assert_int_equal(run(&out, NULL, "--help"), 0);
  assert_exit_statuses(out, "lowwear --help");
  assert_non_null(strstr(out, "--version"));
  free(out);
  for (size_t i = 0; i < NCOMMANDS; i++) {
    assert_int_equal(run(&out, NULL, "%s --help", commands[i]), 0);
    assert_exit_statuses(out, commands[i]);
    free(out);
  }
}

/* The message holds want and the status is 2. */
static void usage_error(const char *want, const char *args) {
  char *err = NULL;
  int st = run(NULL, &err, "%s", args);
  if (st != 2 || !strstr(err, want))
    fail_msg("lowwear %s: exit %d, stderr '%s' (want 2 and '%s')", args, st,
             err, want);
  free(err);
}

static void test_missing_and_out_of_range(void **state) {
  (void)state;
  char fa[512], args[1024];
  lw_test_source("examples/full_adder.blif", fa, sizeof fa);
  snprintf(args, sizeof args, "map '%s' --row", fa);
  usage_error("option --row needs a value", args);
  snprintf(args, sizeof args, "map '%s' --row 99999999999999999999", fa);
  usage_error("--row 99999999999999999999 is too large", args);
  snprintf(args, sizeof args, "map '%s' --row 0", fa);
  usage_error("--row 0 is too small", args);
  snprintf(args, sizeof args, "map '%s' --row lots", fa);
  usage_error("--row takes a number of cells or 'min'", args);
  usage_error("-j 1e9 is too large", "bench -j 1e9");
  usage_error("-j -1 is too small", "bench -j -1");
  usage_error("--seed 99999999999999999999 is too large",
              "verify a b --seed 99999999999999999999");
  usage_error("--vectors 1e99999 is too large", "wear a b --vectors 1e99999");
  usage_error("--abc-timeout -1 is too small", "sweep a --abc-timeout -1");
  usage_error("--pulse 1 is too large", "device --pulse 1");
  /* not numbers: a fraction for a whole number, nan */
  usage_error("--vectors takes a whole number from 64 to 1000000000, not '2.5'",
              "map a --vectors 2.5");
  usage_error("--latency-slack takes a number from -1 to 10, not 'nan'",
              "map a --latency-slack nan");
  usage_error("-o needs a value", "sweep a -o");
}

/* --abc-timeout is the same row in every command that runs ABC. */
static void test_abc_timeout_one_meaning(void **state) {
  (void)state;
  char *row = NULL;
  for (size_t i = 0; i + 1 < NCOMMANDS; i++) { /* device runs no ABC */
    char *out = NULL;
    assert_int_equal(run(&out, NULL, "%s --help", commands[i]), 0);
    char *line = strstr(out, "--abc-timeout");
    if (!line)
      fail_msg("%s --help has no --abc-timeout", commands[i]);
    line[strcspn(line, "\n")] = 0;
    if (!strstr(line, "0 = no limit") || !strstr(line, "[default = 3600]"))
      fail_msg("%s: %s", commands[i], line);
    if (!row)
      row = strdup(line);
    else
      assert_string_equal(line, row);
    free(out);
  }
  free(row);
}

/* An ABC that takes a second before it starts. */
static void slow_abc(char *path, size_t n) {
  snprintf(path, n, "%s/slow-abc", lw_test_dir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs("#!/bin/sh\nsleep 1\nabc=$(command -v berkeley-abc || command -v "
        "abc)\nexec \"$abc\" \"$@\"\n",
        f);
  fclose(f);
  char cmd[700];
  snprintf(cmd, sizeof cmd, "chmod +x '%s'", path);
  assert_int_equal(system(cmd), 0);
}

/* Each command that runs ABC applies --abc-timeout: 0.3 s stops the slow
 * ABC (exit 1, "timed out"), 0 lets it finish. */
static void test_abc_timeout_applied(void **state) {
  (void)state;
  if (!lw_test_have_abc()) {
    fprintf(stderr, "skipped: ABC not installed\n");
    skip();
  }
  char abc[600], fa[512], pla[512], prog[600], bench_out[600];
  slow_abc(abc, sizeof abc);
  lw_test_source("examples/full_adder.blif", fa, sizeof fa);
  lw_test_source("tests/data/good/two_level.pla", pla, sizeof pla);
  snprintf(prog, sizeof prog, "%s/two_level.json", lw_test_dir);
  snprintf(bench_out, sizeof bench_out, "%s/bench", lw_test_dir);
  assert_int_equal(run(NULL, NULL, "map '%s' -o '%s'", pla, prog), 0);
  char cases[5][2048];
  /* verify and wear read the .pla with ABC; the others synthesize */
  snprintf(cases[0], sizeof cases[0], "map '%s' --no-cec -o '%s/fa.json'", fa,
           lw_test_dir);
  snprintf(cases[1], sizeof cases[1], "verify '%s' '%s'", pla, prog);
  snprintf(cases[2], sizeof cases[2], "wear '%s' '%s'", pla, prog);
  snprintf(cases[3], sizeof cases[3],
           "sweep '%s' --factors 1 --no-wear-control", fa);
  snprintf(cases[4], sizeof cases[4],
           "bench '%s' -j 1 --no-cec --no-wide --quiet -o '%s'", fa, bench_out);
  for (int i = 0; i < 5; i++) {
    char *err = NULL;
    int st = run(NULL, &err, "%s --abc '%s' --abc-timeout 0.3", cases[i], abc);
    if (st == 0 || !strstr(err, "timed out"))
      fail_msg("%s --abc-timeout 0.3: exit %d, %s", cases[i], st, err);
    free(err);
    char rm[700];
    snprintf(rm, sizeof rm, "rm -rf '%s'", bench_out); /* bench resumes */
    assert_int_equal(system(rm), 0);
    st = run(NULL, &err, "%s --abc '%s' --abc-timeout 0", cases[i], abc);
    if (st != 0)
      fail_msg("%s --abc-timeout 0: exit %d, %s", cases[i], st, err);
    free(err);
  }
}

static void test_simpler_refuses_library_options(void **state) {
  (void)state;
  char fa[512], out[600];
  lw_test_source("examples/full_adder.blif", fa, sizeof fa);
  snprintf(out, sizeof out, "%s/simpler.json", lw_test_dir);
  const char *const opts[] = {"--cost equal", "--cost toggle", "--gates paper",
                              "--gates wide", "--max-inputs 3"};
  for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
    char *err = NULL;
    int st =
        run(NULL, &err, "map '%s' --flow simpler %s -o '%s'", fa, opts[i], out);
    if (st != 2 || !strstr(err, "simpler reproduces SIMPLER MAGIC exactly"))
      fail_msg("--flow simpler %s: exit %d, %s", opts[i], st, err);
    free(err);
    assert_int_not_equal(access(out, F_OK), 0);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_help_lists_exit_statuses),
      cmocka_unit_test(test_missing_and_out_of_range),
      cmocka_unit_test(test_abc_timeout_one_meaning),
      cmocka_unit_test(test_abc_timeout_applied),
      cmocka_unit_test(test_simpler_refuses_library_options),
  };
  return cmocka_run_group_tests(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

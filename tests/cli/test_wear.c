/* lowwear wear and lowwear sweep, called as the command line calls them
 * (the subcommands' sources are compiled in, so the test does not depend on
 * main.c's command table): JSON on stdout, --trace, --rotate,
 * --svg/--heatmap, the exit codes for a bad trace and an incorrect
 * program; the sweep's CSV and Pareto SVG. */
#include "lw_test.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.c"
#include "cli/wear.c"
#undef NOPTS
#include "cli/sweep.c"
#include "net/program.h"

/* Run lw_cli_wear with argv (NULL-terminated, after "lowwear wear") and
 * stdout into out_path. */
static int run_wear(const char *out_path, const char *const *args) {
  char *argv[32] = {"lowwear", "wear"};
  int argc = 2;
  for (; args[argc - 2]; argc++)
    argv[argc] = (char *)args[argc - 2];
  fflush(stdout);
  int saved = dup(1);
  FILE *f = fopen(out_path, "w");
  assert_non_null(f);
  dup2(fileno(f), 1);
  int rc = lw_cli_wear(argc, argv);
  fflush(stdout);
  dup2(saved, 1);
  close(saved);
  fclose(f);
  return rc;
}

static char program[1100], circuit[1024];

static void prepare(void) {
  lw_test_need_abc();
  lw_test_need_benchmark("lgsynth91/cm42a.blif", circuit, sizeof circuit);
  lw_flow_params fp = lw_flow_params_default(LW_FLOW_LOWWEAR);
  fp.verify_params.cec = 0;
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_flow_run(circuit, &fp, NULL, NULL, &prog, &err), LW_OK);
  snprintf(program, sizeof program, "%s/cm42a.json", lw_test_dir);
  assert_int_equal(lw_io_write_program(prog, program, LW_FORMAT_JSON, &err),
                   LW_OK);
  lw_program_free(prog);
}

static json_t *load(const char *path) {
  json_error_t e;
  json_t *j = json_load_file(path, 0, &e);
  if (!j)
    fail_msg("%s:%d: %s", path, e.line, e.text);
  return j;
}

static double real(json_t *j, const char *key) {
  json_t *v = json_object_get(j, key);
  assert_non_null(v);
  return json_number_value(v);
}

static void test_wear_cli(void **state) {
  (void)state;
  prepare();
  char out[1100], svg[1100], dir[1100], trace[1100];
  snprintf(out, sizeof out, "%s/out.json", lw_test_dir);
  snprintf(svg, sizeof svg, "%s/heat.svg", lw_test_dir);
  snprintf(dir, sizeof dir, "%s/maps", lw_test_dir);
  snprintf(trace, sizeof trace, "%s/trace.txt", lw_test_dir);

  const char *plain[] = {circuit, program, "--svg", svg, NULL};
  assert_int_equal(run_wear(out, plain), 0);
  json_t *j = load(out);
  double steady = real(j, "steady_flips_per_run");
  double hot = real(j, "hottest_cell_flips");
  assert_true(steady > 0 && hot > 0 && hot <= steady);
  assert_string_equal(json_string_value(json_object_get(j, "inputs")),
                      "exhaustive");
  json_t *life = json_object_get(j, "lifetime");
  assert_int_equal(json_array_size(life), 3);
  double runs = real(json_array_get(life, 0), "runs");
  assert_true(runs > 0.999e6 / hot && runs < 1.001e6 / hot);
  json_decref(j);
  struct stat st;
  assert_int_equal(stat(svg, &st), 0);
  assert_true(st.st_size > 1000);

  /* a trace of one vector repeated: the same vector every run */
  FILE *f = fopen(trace, "w");
  assert_non_null(f);
  fputs("# cm42a: 4 inputs\n1010\n1010\n", f);
  fclose(f);
  const char *traced[] = {circuit,       program, "--trace", trace,
                          "--endurance", "1e9",   NULL};
  assert_int_equal(run_wear(out, traced), 0);
  j = load(out);
  assert_string_equal(json_string_value(json_object_get(j, "inputs")), "trace");
  assert_int_equal((int)real(j, "vectors"), 2);
  assert_int_equal(json_array_size(json_object_get(j, "lifetime")), 1);
  json_decref(j);

  /* rotation spreads the hottest cell */
  const char *rotated[] = {circuit,     program, "--rotate", "4",
                           "--heatmap", dir,     NULL};
  assert_int_equal(run_wear(out, rotated), 0);
  j = load(out);
  assert_int_equal((int)real(j, "variants"), 4);
  assert_true(real(j, "hottest_cell_flips") < hot);
  json_decref(j);
  char map[1200];
  snprintf(map, sizeof map, "%s/cm42a-lowwear-rot4.svg", dir);
  assert_int_equal(stat(map, &st), 0);

  /* errors: usage, a bad trace, an incorrect program */
  const char *bad_end[] = {circuit, program, "--endurance", "1e6,x", NULL};
  assert_int_equal(run_wear(out, bad_end), 2);
  f = fopen(trace, "w");
  fputs("10101\n", f);
  fclose(f);
  const char *bad_trace[] = {circuit, program, "--trace", trace, NULL};
  assert_int_equal(run_wear(out, bad_trace), 1);
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_io_read_program(program, &prog, &err), LW_OK);
  prog->outputs.data[0].cell = prog->inputs.data[0].cell; /* now wrong */
  char wrong[1100];
  snprintf(wrong, sizeof wrong, "%s/wrong.json", lw_test_dir);
  assert_int_equal(lw_io_write_program(prog, wrong, LW_FORMAT_JSON, &err),
                   LW_OK);
  lw_program_free(prog);
  const char *incorrect[] = {circuit, wrong, NULL};
  assert_int_equal(run_wear(out, incorrect), 4);
}

static void test_sweep_cli(void **state) {
  (void)state;
  char path[1024];
  lw_test_need_abc();
  lw_test_need_benchmark("lgsynth91/z4ml.blif", path, sizeof path);
  char dir[1100], csv[1200], svg[1200];
  snprintf(dir, sizeof dir, "%s/sweep", lw_test_dir);
  snprintf(csv, sizeof csv, "%s/sweep.csv", dir);
  snprintf(svg, sizeof svg, "%s/pareto.svg", dir);
  char *argv[] = {"lowwear",  "sweep", path, "--factors", "1,1.5",
                  "--rotate", "2",     "-o", dir};
  assert_int_equal(lw_cli_sweep(9, argv), 0);
  FILE *f = fopen(csv, "r");
  assert_non_null(f);
  char line[512];
  assert_non_null(fgets(line, sizeof line, f));
  assert_non_null(strstr(line, "hottest_cell_flips"));
  unsigned rows = 0, pareto = 0, base = 0;
  while (fgets(line, sizeof line, f)) {
    char flow[32];
    double factor, toggle, flips, steady, hot, life, rot;
    unsigned row, min_row, latency, par, r;
    assert_int_equal(sscanf(line,
                            "z4ml,%31[^,],%lf,%u,%u,%u,%lf,%lf,%lf,%lf,%lf,"
                            "%u,%u,%lf",
                            flow, &factor, &row, &min_row, &latency, &toggle,
                            &flips, &steady, &hot, &life, &par, &r, &rot),
                     13);
    if (factor == 1 && row > base)
      base = row;
    assert_true(row >= min_row && latency > 0 && steady >= flips);
    assert_true(hot > 0 && rot > 0 && rot <= hot * 1.0001);
    assert_int_equal(r, 2);
    pareto += par;
    rows++;
  }
  fclose(f);
  assert_int_equal(rows, 12); /* 6 flows x 2 rows */
  assert_true(pareto >= 1);
  struct stat st;
  assert_int_equal(stat(svg, &st), 0);
  assert_true(st.st_size > 500);
  char *bad[] = {"lowwear", "sweep", path, "--factors", "0.5"};
  assert_int_equal(lw_cli_sweep(5, bad), 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wear_cli),
      cmocka_unit_test(test_sweep_cli),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

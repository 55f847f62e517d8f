/* lowwear view in a real browser: the page the command writes is loaded by
 * headless Chromium with #vector=...&run=1, and the outputs its script
 * computes (data-outputs) must equal the C row simulator's for every vector
 * of the full adder and random ones of z4ml; no script or console error; a
 * 100,000-cycle program loads. Bad input: exit status, message, no page. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lowwear/lowwear.h"
#include "net/program.h"
#include "sim/sim.h"

static const char *chromium_path(void) {
  const char *p = getenv("LW_CHROMIUM");
  return p && *p ? p : "/usr/bin/chromium";
}

static void need_chromium(void) {
  if (access(chromium_path(), X_OK) != 0)
    lw_test_skip("no chromium (/usr/bin/chromium, or LW_CHROMIUM)");
}

/* The build folder's tests/ (ctest runs the test there): the browser's
 * fresh profile and the screenshot live under it. */
static const char *build_tests_dir(void) {
  static char dir[1024];
  if (!getcwd(dir, sizeof dir))
    fail_msg("getcwd failed");
  return dir;
}

/* Run Chromium with extra arguments on file://page#fragment; its stdout
 * (the DOM with --dump-dom) is returned, malloc'ed; the run fails the test
 * when the log shows an uncaught exception or a console error. */
static char *chromium(const char *extra, const char *page,
                      const char *fragment) {
  char cmd[4096], log[1200];
  snprintf(log, sizeof log, "%s/chromium.log", lw_test_dir);
  snprintf(cmd, sizeof cmd,
           "rm -rf '%1$s/view-chromium-profile' && '%2$s' --headless "
           "--no-sandbox --disable-gpu --no-first-run "
           "--disable-background-networking "
           "--user-data-dir='%1$s/view-chromium-profile' "
           "--enable-logging=stderr --v=0 %3$s 'file://%4$s#%5$s' 2>'%6$s'",
           build_tests_dir(), chromium_path(), extra, page, fragment, log);
  char *out = lw_test_capture(cmd, NULL);
  FILE *f = fopen(log, "r");
  char line[4096];
  while (f && fgets(line, sizeof line, f))
    if (strstr(line, "Uncaught") || strstr(line, "ERROR:CONSOLE") ||
        strstr(line, "lowwear view error"))
      fail_msg("browser console: %s", line);
  if (f)
    fclose(f);
  return out;
}

/* Value of attribute name on the page's root element, "" when absent. */
static const char *root_attr(const char *dom, const char *name) {
  static char value[4096];
  const char *tag = strstr(dom, "<main id=\"lowwear-view\"");
  if (!tag)
    fail_msg("no <main id=\"lowwear-view\"> in the DOM");
  const char *end = strchr(tag, '>');
  char key[64];
  snprintf(key, sizeof key, " %s=\"", name);
  const char *at = strstr(tag, key);
  value[0] = 0;
  if (at && at < end) {
    at += strlen(key);
    size_t n = strcspn(at, "\"");
    snprintf(value, sizeof value, "%.*s", (int)n, at);
  }
  return value;
}

/* The outputs the C row simulator computes for vector (0/1 per input). */
static void row_outputs(const lw_program *prog, const char *vector, char *out) {
  uint32_t nin = prog->inputs.size, n = prog->row_size;
  uint64_t *in = calloc(nin + 1, sizeof *in);
  uint64_t *cells = calloc(n, sizeof *cells);
  uint64_t *flips = calloc(n, sizeof *flips), *sf = calloc(n, sizeof *sf);
  for (uint32_t j = 0; j < nin; j++)
    in[j] = vector[j] == '1' ? 1 : 0;
  lw_sim_row_run(prog, 1, in, NULL, cells, flips, sf);
  lw_vec_foreach (&prog->outputs, i)
    out[i] = (char)('0' + (cells[prog->outputs.data[i].cell] & 1));
  out[prog->outputs.size] = 0;
  free(in);
  free(cells);
  free(flips);
  free(sf);
}

/* Map circuit with the lowwear flow, write the program and its page (by
 * the lowwear binary); the program is returned. */
static lw_program *map_and_view(const char *circuit, const char *name,
                                char *page, size_t n) {
  lw_flow_params fp = lw_flow_params_default(LW_FLOW_LOWWEAR);
  fp.verify_params.cec = 0;
  lw_program *prog = NULL;
  lw_error err = {0};
  assert_int_equal(lw_flow_run(circuit, &fp, NULL, NULL, &prog, &err), LW_OK);
  char json[1100], args[4096];
  snprintf(json, sizeof json, "%s/%s.json", lw_test_dir, name);
  assert_int_equal(lw_io_write_program(prog, json, LW_FORMAT_JSON, &err),
                   LW_OK);
  snprintf(page, n, "%s/%s.html", lw_test_dir, name);
  snprintf(args, sizeof args, "view '%s' '%s' -o '%s'", circuit, json, page);
  assert_int_equal(lw_test_run_cli(args, NULL), 0);
  return prog;
}

/* Load page with vector and run=1; check the root's attributes. */
static void check_vector(const lw_program *prog, const char *page,
                         const char *vector) {
  char fragment[1200], want[1024], num[32];
  snprintf(fragment, sizeof fragment, "vector=%s&run=1", vector);
  char *dom = chromium("--dump-dom", page, fragment);
  assert_string_equal(root_attr(dom, "data-ready"), "1");
  assert_string_equal(root_attr(dom, "data-errors"), "0");
  snprintf(num, sizeof num, "%u", prog->cycles.size);
  assert_string_equal(root_attr(dom, "data-cycles"), num);
  snprintf(num, sizeof num, "%u", prog->row_size);
  assert_string_equal(root_attr(dom, "data-cells"), num);
  row_outputs(prog, vector, want);
  printf("vector %s: page outputs %s, row simulator %s\n", vector,
         root_attr(dom, "data-outputs"), want);
  assert_string_equal(root_attr(dom, "data-outputs"), want);
  free(dom);
}

static void test_full_adder_every_vector(void **state) {
  (void)state;
  need_chromium();
  lw_test_need_abc();
  char circuit[1024], page[1100], vector[4] = {0};
  lw_test_source("examples/full_adder.blif", circuit, sizeof circuit);
  lw_program *prog = map_and_view(circuit, "full_adder", page, sizeof page);
  for (int v = 0; v < 8; v++) {
    for (int j = 0; j < 3; j++)
      vector[j] = (char)('0' + ((v >> j) & 1));
    check_vector(prog, page, vector);
  }
  char shot[2048];
  snprintf(shot, sizeof shot,
           "--hide-scrollbars --window-size=1400,900 "
           "--screenshot='%s/view-full_adder.png'",
           build_tests_dir());
  free(chromium(shot, page, "vector=101&run=1"));
  snprintf(shot, sizeof shot, "%s/view-full_adder.png", build_tests_dir());
  assert_int_equal(access(shot, R_OK), 0);
  printf("screenshot: %s\n", shot);
  lw_program_free(prog);
}

static void test_z4ml_random_vectors(void **state) {
  (void)state;
  need_chromium();
  lw_test_need_abc();
  char circuit[1024], page[1100], vector[64];
  lw_test_need_benchmark("lgsynth91/z4ml.blif", circuit, sizeof circuit);
  lw_program *prog = map_and_view(circuit, "z4ml", page, sizeof page);
  uint32_t nin = prog->inputs.size, seed = 12345;
  assert_true(nin < sizeof vector);
  for (int k = 0; k < 3; k++) {
    for (uint32_t j = 0; j < nin; j++) {
      seed = seed * 1103515245u + 12345u;
      vector[j] = (char)('0' + ((seed >> 16) & 1));
    }
    vector[nin] = 0;
    check_vector(prog, page, vector);
  }
  lw_program_free(prog);
}

/* A row of 4 cells: NOT of input a, then NOTs back and forth between
 * cells 1 and 2 (50,000 in all, so y = a), each after an INIT of its
 * output cell, and one INIT at the end: 100,000 cycles. */
static lw_program *long_program(uint32_t *out_cell) {
  lw_program *prog = lw_program_new("chain", "hand", 4);
  uint32_t one = 1, two = 2, three = 3, a = 0;
  lw_program_add_input(prog, "a", 0);
  lw_program_add_init(prog, 1, 0, &one, 1);
  lw_program_add_gate(prog, LW_GATE_NOT, &a, 1, 1);
  uint32_t from = 1, to = 2;
  for (int k = 0; k < 49999; k++) {
    lw_program_add_init(prog, 0, 0, &to, 1);
    lw_program_add_gate(prog, LW_GATE_NOT, &from, 1, to);
    uint32_t t = from;
    from = to;
    to = t;
  }
  lw_program_add_init(prog, 0, 0, &three, 1);
  lw_program_add_output(prog, "y", from);
  lw_program_compute_metrics(prog);
  *out_cell = from;
  (void)two;
  return prog;
}

static void test_long_program_loads(void **state) {
  (void)state;
  need_chromium();
  uint32_t cell;
  lw_program *prog = long_program(&cell);
  assert_int_equal(prog->cycles.size, 100000);
  char blif[1100], json[1100], page[1100], args[4096];
  snprintf(blif, sizeof blif, "%s/chain.blif", lw_test_dir);
  snprintf(json, sizeof json, "%s/chain.json", lw_test_dir);
  snprintf(page, sizeof page, "%s/chain.html", lw_test_dir);
  FILE *f = fopen(blif, "w");
  fputs(".model chain\n.inputs a\n.outputs y\n.names a y\n1 1\n.end\n", f);
  fclose(f);
  lw_error err = {0};
  assert_int_equal(lw_io_write_program(prog, json, LW_FORMAT_JSON, &err),
                   LW_OK);
  snprintf(args, sizeof args, "view '%s' '%s' -o '%s'", blif, json, page);
  assert_int_equal(lw_test_run_cli(args, NULL), 0);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  check_vector(prog, page, "1");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  char *dom = chromium("--dump-dom", page, "vector=0&run=1");
  printf("100,000 cycles: page ready %s ms after navigation (data-load-ms), "
         "browser run %.1f s in all\n",
         root_attr(dom, "data-load-ms"),
         (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9);
  assert_string_equal(root_attr(dom, "data-outputs"), "0");
  free(dom);
  lw_program_free(prog);
}

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static int view_fails(const char *args, const char *message) {
  char *err = NULL;
  int rc = lw_test_run_cli(args, &err);
  if (!strstr(err, message))
    fail_msg("stderr of 'view %s' lacks '%s': %s", args, message, err);
  free(err);
  return rc;
}

/* Bad input: usage (2), an unreadable program (1, file and line named), an
 * incorrect program (4, the program named); an existing page is left as it
 * was and no page is made. */
static void test_bad_input(void **state) {
  (void)state;
  uint32_t cell;
  lw_program *prog = long_program(&cell);
  char blif[1100], json[1100], bad[1100], page[1100], args[4096];
  snprintf(blif, sizeof blif, "%s/inv.blif", lw_test_dir);
  snprintf(json, sizeof json, "%s/bad-chain.json", lw_test_dir);
  snprintf(bad, sizeof bad, "%s/broken.json", lw_test_dir);
  snprintf(page, sizeof page, "%s/kept.html", lw_test_dir);
  write_text(blif, ".model chain\n.inputs a\n.outputs y\n.names a y\n0 1\n"
                   ".end\n");
  write_text(bad, "{\"format\": \"lowwear-program/1\",\n  \"row_size\": }\n");
  write_text(page, "old page\n");
  lw_error err = {0};
  assert_int_equal(lw_io_write_program(prog, json, LW_FORMAT_JSON, &err),
                   LW_OK);
  snprintf(args, sizeof args, "view '%s' '%s'", blif, json);
  assert_int_equal(view_fails(args, "-o FILE"), 2);
  snprintf(args, sizeof args, "view '%s' '%s' -o '%s'", blif, bad, page);
  assert_int_equal(view_fails(args, "broken.json:2"), 1);
  snprintf(args, sizeof args, "view '%s' '%s' -o '%s'", blif, json, page);
  assert_int_equal(view_fails(args, "bad-chain.json: incorrect program"), 4);
  char kept[64] = {0};
  FILE *f = fopen(page, "r");
  assert_non_null(fgets(kept, sizeof kept, f));
  fclose(f);
  assert_string_equal(kept, "old page\n");
  snprintf(page, sizeof page, "%s/none.html", lw_test_dir);
  snprintf(args, sizeof args, "view '%s' '%s' -o '%s'", blif, json, page);
  assert_int_equal(view_fails(args, "incorrect program"), 4);
  assert_int_equal(access(page, F_OK), -1);
  lw_program_free(prog);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bad_input),
      cmocka_unit_test(test_full_adder_every_vector),
      cmocka_unit_test(test_z4ml_random_vectors),
      cmocka_unit_test(test_long_program_loads),
  };
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

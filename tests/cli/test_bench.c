/* lowwear bench end to end on two small circuits: the output files, eight
 * verified rows (three paper flows and lowwear-wide), a second run that
 * skips both circuits, two shards merged into the same results as one full
 * run, and --no-wide: the paper's three flows, whose folder a default run
 * then reruns with the wide flow. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fixture {
  char dir[64];
  char cm138a[1024], cm42a[1024];
} fixture;

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *text = calloc(1, 1 << 20);
  size_t n = fread(text, 1, (1 << 20) - 1, f);
  text[n] = 0;
  fclose(f);
  return text;
}

static int exists(const char *dir, const char *name) {
  char path[1200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  struct stat st;
  return stat(path, &st) == 0 && st.st_size > 0;
}

/* Run "lowwear bench ARGS -o DIR/OUT", stdout to DIR/OUT.stdout. */
static int bench(const fixture *fx, const char *out, const char *args) {
  char cmd[4096], *err = NULL;
  snprintf(cmd, sizeof cmd, "bench --quiet -j 2 -o %s/%s %s >%s/%s.stdout",
           fx->dir, out, args, fx->dir, out);
  int rc = lw_test_run_cli(cmd, &err);
  if (rc != 0)
    fprintf(stderr, "lowwear %s\nexit %d, stderr:\n%s\n", cmd, rc, err);
  free(err);
  return rc;
}

static char *read_out(const fixture *fx, const char *out, const char *name) {
  char path[1200];
  snprintf(path, sizeof path, "%s/%s/%s", fx->dir, out, name);
  return slurp(path);
}

/* results.csv without the columns whose names end in "seconds" (timings
 * differ between runs; everything else must not). */
static char *without_timings(const char *csv) {
  char *out = calloc(1, strlen(csv) + 1);
  int drop[64] = {0}, ncol = 0;
  const char *s = csv;
  /* header: find the timing columns */
  for (const char *h = csv; *h && *h != '\n'; ncol++) {
    const char *end = h + strcspn(h, ",\n");
    drop[ncol] = end - h >= 7 && !strncmp(end - 7, "seconds", 7);
    h = *end == ',' ? end + 1 : end;
  }
  size_t o = 0;
  int col = 0, quoted = 0;
  for (; *s; s++) {
    if (*s == '"')
      quoted = !quoted;
    if (!quoted && (*s == ',' || *s == '\n')) {
      if (*s == '\n') {
        out[o++] = '\n';
        col = 0;
      } else {
        col++;
        if (!drop[col])
          out[o++] = ',';
      }
      continue;
    }
    if (!drop[col])
      out[o++] = *s;
  }
  out[o] = 0;
  return out;
}

static int count_lines(const char *text) {
  int n = 0;
  for (; *text; text++)
    n += *text == '\n';
  return n;
}

/* row_size and min_row of the CSV row starting with prefix (whose last
 * field is the status, followed by row_size and min_row). */
static int row_and_min(const char *csv, const char *prefix, unsigned *row,
                       unsigned *min) {
  char key[128];
  snprintf(key, sizeof key, "\n%s", prefix);
  const char *s = strstr(csv, key);
  return s && sscanf(s + strlen(key), "%u,%u", row, min) == 2;
}

static int setup(void **state) {
  fixture *fx = calloc(1, sizeof *fx);
  if (!lw_test_have_abc() ||
      !lw_test_benchmark("lgsynth91/cm138a.blif", fx->cm138a,
                         sizeof fx->cm138a) ||
      !lw_test_benchmark("lgsynth91/cm42a.blif", fx->cm42a, sizeof fx->cm42a)) {
    free(fx);
    *state = NULL;
    return 0;
  }
  snprintf(fx->dir, sizeof fx->dir, "/tmp/lw_bench_test.XXXXXX");
  if (!mkdtemp(fx->dir))
    return -1;
  *state = fx;
  return 0;
}

static int teardown(void **state) {
  fixture *fx = *state;
  if (fx) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    if (system(cmd) != 0)
      return -1;
    free(fx);
  }
  return 0;
}

static void test_bench_run_resume_merge(void **state) {
  fixture *fx = *state;
  if (!fx) {
    lw_test_skip("needs ABC and the bundled lgsynth91/cm138a, cm42a");
  }
  char files[2100];
  snprintf(files, sizeof files, "%s %s", fx->cm138a, fx->cm42a);

  /* a full run: every report, eight rows (2 circuits x 4 flows), verified */
  assert_int_equal(bench(fx, "full", files), 0);
  char full_dir[128];
  snprintf(full_dir, sizeof full_dir, "%s/full", fx->dir);
  static const char *const outputs[] = {
      "results.csv",        "table4.md", "summary.md",
      "meta.json",          "fig8.svg",  "fig9.svg",
      "fig10.svg",          "fig11.svg", "circuits/cm138a.json",
      "circuits/cm42a.json"};
  for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++)
    assert_true(exists(full_dir, outputs[i]));
  char *csv = read_out(fx, "full", "results.csv");
  assert_non_null(csv);
  assert_int_equal(count_lines(csv), 1 + 8);
  assert_non_null(strstr(csv, "\ncm138a,lgsynth91,lowwear,,ok,"));
  assert_non_null(strstr(csv, "\ncm42a,lgsynth91,simpler,,ok,"));
  /* the wide flow says which netlist its program came from */
  assert_true(strstr(csv, "\ncm42a,lgsynth91,lowwear-wide,wide,ok,") ||
              strstr(csv, "\ncm42a,lgsynth91,lowwear-wide,paper,ok,"));
  /* it maps at the row the paper's three chose, and its minimum is at most
   * lowwear's (its paper-gate netlist is lowwear's) */
  unsigned row_wide = 0, min_wide = 0, row_simpler = 0, min_simpler = 0;
  unsigned row_lw = 0, min_lw = 0;
  assert_true(row_and_min(csv, "cm42a,lgsynth91,lowwear-wide,wide,ok,",
                          &row_wide, &min_wide) ||
              row_and_min(csv, "cm42a,lgsynth91,lowwear-wide,paper,ok,",
                          &row_wide, &min_wide));
  assert_true(row_and_min(csv, "cm42a,lgsynth91,simpler,,ok,", &row_simpler,
                          &min_simpler));
  assert_true(
      row_and_min(csv, "cm42a,lgsynth91,lowwear,,ok,", &row_lw, &min_lw));
  assert_true(row_simpler > 0);
  assert_int_equal(row_wide, row_simpler);
  assert_int_equal(row_lw, row_simpler);
  assert_true(min_wide > 0 && min_wide <= min_lw);
  char *summary = read_out(fx, "full", "summary.md");
  assert_non_null(strstr(summary, "against our own targets (not published)"));
  free(summary);
  char *table = read_out(fx, "full", "table4.md");
  assert_non_null(strstr(table, "| cm42a |"));
  free(table);
  char *meta = read_out(fx, "full", "meta.json");
  assert_non_null(strstr(meta, "\"abc_version\""));
  assert_non_null(strstr(meta, "ABC"));
  free(meta);

  /* a second run finds both circuits complete and reruns neither */
  char *before = read_out(fx, "full", "circuits/cm138a.json");
  assert_int_equal(bench(fx, "full", files), 0);
  char path[200];
  snprintf(path, sizeof path, "%s/full.stdout", fx->dir);
  char *out = slurp(path);
  assert_non_null(out);
  assert_non_null(strstr(out, "(0 run, 2 already done)"));
  free(out);
  char *after = read_out(fx, "full", "circuits/cm138a.json");
  assert_string_equal(before, after); /* timings included: not rerun */
  free(before);
  free(after);
  char *again = read_out(fx, "full", "results.csv");
  assert_string_equal(again, csv);
  free(again);

  /* shards 1/2 and 2/2, merged: the full run's results */
  char args[2200];
  snprintf(args, sizeof args, "--shard 1/2 %s", files);
  assert_int_equal(bench(fx, "s1", args), 0);
  snprintf(args, sizeof args, "--shard 2/2 %s", files);
  assert_int_equal(bench(fx, "s2", args), 0);
  char *s1 = read_out(fx, "s1", "results.csv");
  assert_int_equal(count_lines(s1), 1 + 4);
  assert_non_null(strstr(s1, "\ncm138a,"));
  assert_null(strstr(s1, "\ncm42a,"));
  free(s1);
  snprintf(args, sizeof args, "--merge %s/s1 %s/s2", fx->dir, fx->dir);
  assert_int_equal(bench(fx, "merged", args), 0);
  char *merged = read_out(fx, "merged", "results.csv");
  assert_non_null(merged);
  char *a = without_timings(csv), *b = without_timings(merged);
  assert_string_equal(a, b);
  assert_int_equal(count_lines(b), 1 + 8);
  free(a);
  free(b);
  free(merged);
  char merged_dir[128];
  snprintf(merged_dir, sizeof merged_dir, "%s/merged", fx->dir);
  for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++)
    assert_true(exists(merged_dir, outputs[i]));

  /* --no-wide: the paper's protocol as published, three flows */
  snprintf(args, sizeof args, "--no-wide %s", files);
  assert_int_equal(bench(fx, "paper", args), 0);
  char *paper = read_out(fx, "paper", "results.csv");
  assert_int_equal(count_lines(paper), 1 + 6);
  assert_null(strstr(paper, "lowwear-wide"));
  /* the paper's flows give the same numbers with or without it */
  char *full_paper = without_timings(csv);
  char *only_paper = without_timings(paper);
  const char *row = strstr(only_paper, "\ncm138a,lgsynth91,simpler,");
  assert_non_null(row);
  size_t len = strcspn(row + 1, "\n");
  assert_non_null(strstr(full_paper, "\ncm138a,lgsynth91,simpler,"));
  assert_int_equal(
      strncmp(strstr(full_paper, "\ncm138a,lgsynth91,simpler,"), row, len + 1),
      0);
  free(full_paper);
  free(only_paper);
  free(paper);
  char *psum = read_out(fx, "paper", "summary.md");
  assert_null(strstr(psum, "lowwear-wide"));
  free(psum);
  /* a default run in that folder reruns both circuits, with the wide flow */
  assert_int_equal(bench(fx, "paper", files), 0);
  snprintf(path, sizeof path, "%s/paper.stdout", fx->dir);
  out = slurp(path);
  assert_non_null(strstr(out, "(2 run, 0 already done)"));
  free(out);
  paper = read_out(fx, "paper", "results.csv");
  assert_int_equal(count_lines(paper), 1 + 8);
  free(paper);
  free(csv);
}

static void test_bench_usage_errors(void **state) {
  (void)state;
  char *err = NULL;
  assert_int_equal(lw_test_run_cli("bench --shard 3/2 -o /tmp/x", &err), 2);
  assert_non_null(strstr(err, "--shard"));
  free(err);
  assert_int_equal(
      lw_test_run_cli("bench --suite nosuch -o /tmp/lw_bench_nosuch", &err), 2);
  assert_non_null(strstr(err, "nosuch"));
  free(err);
  assert_int_equal(lw_test_run_cli("bench --merge -o /tmp/x", &err), 2);
  free(err);
}

/* A circuit that cannot be read fails the run with exit 1 (bad input, as
 * in map), names it, and the good circuit beside it still gets its rows. */
static void test_bench_bad_circuit(void **state) {
  fixture *fx = *state;
  if (!fx) {
    lw_test_skip("needs ABC and the bundled lgsynth91/cm42a");
  }
  char bad[1024], args[2100];
  snprintf(args, sizeof args, "--no-wide %s %s", fx->cm42a,
           lw_test_source("tests/data/bad/loop.blif", bad, sizeof bad));
  assert_int_equal(bench(fx, "bad", args), 1);
  char *out = read_out(fx, "bad", "../bad.stdout");
  assert_non_null(out);
  assert_non_null(strstr(out, "1 failed"));
  free(out);
  char *csv = read_out(fx, "bad", "results.csv");
  assert_non_null(csv);
  assert_non_null(strstr(csv, "cm42a"));
  assert_non_null(strstr(csv, "loop"));
  free(csv);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_bench_bad_circuit, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bench_run_resume_merge, setup,
                                      teardown),
      cmocka_unit_test(test_bench_usage_errors),
  };
  return lw_test_run(tests, NULL, NULL);
}

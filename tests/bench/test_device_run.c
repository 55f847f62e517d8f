/* bench --device on three small bundled circuits: every flow's program
 * runs on the row of devices, passes, and fills the device_* columns
 * (positive energy, an INIT share, a margin); summary.md gets its energy
 * section; a run without --device has the same results.csv in every other
 * column, with the device_* fields empty; a second --device run reuses the
 * stored results, device fields included. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char circuits[3200];
static char dir[64];

static int setup(void **state) {
  (void)state;
  char a[1024], b[1024], c[1024];
  snprintf(dir, sizeof dir, "/tmp/lw_bench_device.XXXXXX");
  if (!mkdtemp(dir))
    return -1;
  lw_test_source("examples/full_adder.blif", a, sizeof a);
  if (!lw_test_benchmark("lgsynth91/cm42a.blif", b, sizeof b) ||
      !lw_test_benchmark("lgsynth91/z4ml.blif", c, sizeof c))
    circuits[0] = 0;
  else
    snprintf(circuits, sizeof circuits, "%s %s %s", a, b, c);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

/* "lowwear bench ARGS -o DIR/OUT CIRCUITS", its stdout kept in *out. */
static int bench(const char *out, const char *args, char **stdout_text) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd,
           "bench --quiet -j 2 --no-cec %s -o %s/%s %s >%s/%s.stdout", args,
           dir, out, circuits, dir, out);
  int rc = lw_test_run_cli(cmd, NULL);
  snprintf(cmd, sizeof cmd, "cat %s/%s.stdout", dir, out);
  *stdout_text = lw_test_capture(cmd, NULL);
  return rc;
}

static char *read_out(const char *out, const char *name) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "cat %s/%s/%s", dir, out, name);
  return lw_test_capture(cmd, NULL);
}

/* Field k of the CSV line at s (quoted fields kept with their quotes,
 * which is enough to compare them). */
static void field(const char *s, int k, char *buf, size_t n) {
  int col = 0, quoted = 0;
  size_t o = 0;
  for (; *s; s++) {
    if (*s == '"')
      quoted = !quoted;
    if (!quoted && *s == '\n')
      break;
    if (!quoted && *s == ',') {
      if (++col > k)
        break;
      continue;
    }
    if (col == k && o + 1 < n)
      buf[o++] = *s;
  }
  buf[o] = 0;
}

static int column(const char *csv, const char *name) {
  char buf[64];
  for (int k = 0; k < 80; k++) {
    field(csv, k, buf, sizeof buf);
    if (!strcmp(buf, name))
      return k;
  }
  return -1;
}

/* The CSV without the device_* columns and the timings (columns whose
 * names end in "seconds"), one line per row. */
static char *other_columns(const char *csv) {
  int keep[80] = {0}, ncol = 0;
  char buf[64];
  for (; ncol < 80; ncol++) {
    field(csv, ncol, buf, sizeof buf);
    if (!buf[0])
      break;
    size_t len = strlen(buf);
    keep[ncol] = strncmp(buf, "device_", 7) &&
                 !(len >= 7 && !strcmp(buf + len - 7, "seconds"));
  }
  char *out = calloc(1, strlen(csv) + 1);
  size_t o = 0;
  for (const char *line = csv; *line; line = strchr(line, '\n') + 1) {
    for (int k = 0; k < ncol; k++)
      if (keep[k]) {
        field(line, k, out + o, 1024);
        o += strlen(out + o);
        out[o++] = ',';
      }
    out[o++] = '\n';
    if (!strchr(line, '\n'))
      break;
  }
  out[o] = 0;
  return out;
}

/* A bias file that does not parse stops bench --device before any
 * circuit runs: exit 1, the file and its line named, no output folder. */
static void test_bad_bias_file_refused_first(void **state) {
  (void)state;
  char bias[256], fa[1024], cmd[2048], *said = NULL;
  lw_test_source("examples/full_adder.blif", fa, sizeof fa);
  snprintf(bias, sizeof bias, "%s/bad.bias", dir);
  FILE *f = fopen(bias, "w");
  assert_non_null(f);
  fputs("name bad\nrs 50\ngate NOR 1.25\n", f);
  fclose(f);
  snprintf(cmd, sizeof cmd,
           "bench --quiet --device --device-bias %s -o %s/badout %s", bias, dir,
           fa);
  assert_int_equal(lw_test_run_cli(cmd, &said), 1);
  char where[300];
  snprintf(where, sizeof where, "%s:3", bias);
  if (!said || !strstr(said, where))
    fail_msg("the message does not name %s: %s", where, said ? said : "");
  free(said);
  struct stat sb;
  snprintf(cmd, sizeof cmd, "%s/badout", dir);
  assert_int_not_equal(stat(cmd, &sb), 0);
}

static void test_bench_device(void **state) {
  (void)state;
  lw_test_need_abc();
  if (!circuits[0])
    skip();
  char *said;
  assert_int_equal(bench("dev", "--device", &said), 0);
  free(said);
  char *csv = read_out("dev", "results.csv");
  const char *names[] = {"device_pass", "device_energy_j", "device_init_share",
                         "device_least_margin_nm"};
  int col[4];
  for (int k = 0; k < 4; k++)
    assert_true((col[k] = column(csv, names[k])) > column(csv, "verified"));
  int rows = 0;
  char buf[64];
  for (const char *line = strchr(csv, '\n') + 1; *line;
       line = strchr(line, '\n') + 1, rows++) {
    field(line, col[0], buf, sizeof buf);
    assert_string_equal(buf, "1");
    field(line, col[1], buf, sizeof buf);
    double energy = atof(buf);
    assert_true(energy > 1e-9 && energy < 1e-5); /* tens of nJ to µJ */
    field(line, col[2], buf, sizeof buf);
    double share = atof(buf);
    assert_true(share > 0 && share < 1);
    field(line, col[3], buf, sizeof buf);
    double margin = atof(buf);
    assert_true(margin > 0 && margin < 1);
  }
  assert_int_equal(rows, 3 * 4); /* three paper flows and lowwear-wide */
  char *summary = read_out("dev", "summary.md");
  assert_non_null(strstr(summary, "## Energy per evaluation on the device"));
  assert_non_null(strstr(summary, "12 of 12 programs pass"));

  /* without --device: the same results, the device fields empty */
  assert_int_equal(bench("plain", "", &said), 0);
  free(said);
  char *plain = read_out("plain", "results.csv");
  for (int k = 0; k < 4; k++)
    assert_int_equal(column(plain, names[k]), col[k]);
  for (const char *line = strchr(plain, '\n') + 1; *line;
       line = strchr(line, '\n') + 1)
    for (int k = 0; k < 4; k++) {
      field(line, col[k], buf, sizeof buf);
      assert_string_equal(buf, "");
    }
  char *a = other_columns(csv), *b = other_columns(plain);
  assert_string_equal(a, b);
  char *plain_summary = read_out("plain", "summary.md");
  assert_null(strstr(plain_summary, "on the device"));

  /* resumed: nothing reruns, the device fields come back from the JSON */
  assert_int_equal(bench("dev", "--device", &said), 0);
  assert_non_null(strstr(said, "3 already done"));
  free(said);
  char *again = read_out("dev", "results.csv");
  assert_string_equal(again, csv);
  free(again);
  free(a);
  free(b);
  free(plain_summary);
  free(plain);
  free(summary);
  free(csv);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bench_device),
      cmocka_unit_test(test_bad_bias_file_refused_first),
  };
  return lw_test_run(tests, setup, teardown);
}

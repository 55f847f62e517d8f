/* lowwear device on the command line: exit status 0 iff every case
 * passes, JSON on request, usage errors and bias-file errors. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Run the binary with stdout into a temporary file; return the status and
 * the output (malloc'ed) in *out. */
static int run(const char *args, char **out, char **err) {
  char path[] = "/tmp/lw_device_cli.XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "%s >%s", args, path);
  int st = lw_test_run_cli(cmd, err);
  FILE *f = fopen(path, "rb");
  char *text = calloc(1, 1 << 20);
  if (f) {
    size_t got = fread(text, 1, (1 << 20) - 1, f);
    text[got] = 0;
    fclose(f);
  }
  unlink(path);
  *out = text;
  return st;
}

static void test_recommended_passes(void **state) {
  (void)state;
  char *out, *err;
  assert_int_equal(run("device", &out, &err), 0);
  assert_non_null(strstr(out, "26 of 26 cases pass"));
  assert_non_null(strstr(out, "ONOR   111"));
  free(out);
  free(err);
  assert_int_equal(run("device --json --gate NOT", &out, &err), 0);
  assert_non_null(strstr(out, "\"all_pass\": true"));
  assert_non_null(strstr(out, "\"inputs\": \"1\""));
  free(out);
  free(err);
}

static void test_paper_fails(void **state) {
  (void)state;
  char *out, *err;
  int st = run("device --bias paper", &out, &err);
  assert_int_not_equal(st, 0);
  assert_non_null(strstr(out, "FAIL"));
  free(out);
  free(err);
  /* one failing gate alone is enough for a non-zero status */
  assert_int_not_equal(run("device --bias paper --gate NOT", &out, &err), 0);
  free(out);
  free(err);
}

static void test_usage_errors(void **state) {
  (void)state;
  char *out, *err;
  assert_int_equal(run("device --gate XOR", &out, &err), 2);
  assert_non_null(strstr(err, "XOR"));
  free(out);
  free(err);
  assert_int_equal(run("device --pulse 0", &out, &err), 2);
  free(out);
  free(err);
  /* an option of the other mode is refused, not ignored */
  const char *const misplaced[][2] = {
      {"device --vectors 3", "--vectors needs --program"},
      {"device --gap-grid 0", "--gap-grid needs --program"},
      {"device --min-pass 0.5", "--min-pass needs --program"},
      {"device --program a.blif b.json --window w", "--window is of the"},
      {"device --program a.blif b.json --gate NOR", "--gate is of the"},
      {"device --program a.blif b.json --trials 3", "--trials needs"},
  };
  for (size_t k = 0; k < sizeof misplaced / sizeof *misplaced; k++) {
    assert_int_equal(run(misplaced[k][0], &out, &err), 2);
    if (!strstr(err, misplaced[k][1]))
      fail_msg("%s: %s", misplaced[k][0], err);
    free(out);
    free(err);
  }
  assert_int_equal(run("device --help", &out, &err), 0);
  assert_non_null(strstr(out, "--bias"));
  assert_non_null(strstr(out, "[default = recommended]"));
  free(out);
  free(err);
  char path[] = "/tmp/lw_device_bias.XXXXXX";
  int fd = mkstemp(path);
  const char *bad = "rs 50\ngate NOR 1.25\n";
  assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
  close(fd);
  char args[256];
  snprintf(args, sizeof args, "device --bias %s", path);
  assert_int_not_equal(run(args, &out, &err), 0);
  assert_non_null(strstr(err, ":2:"));
  free(out);
  free(err);
  unlink(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_recommended_passes),
      cmocka_unit_test(test_paper_fails),
      cmocka_unit_test(test_usage_errors),
  };
  return lw_test_run(tests, NULL, NULL);
}

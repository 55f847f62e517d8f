/* Every malformed input of tests/data/bad/EXPECT.csv through the command
 * line: `lowwear map FILE -o OUT` for circuits, `lowwear verify CIRCUIT
 * FILE` for programs. Each must exit with the listed status, print a message
 * that names the file and contains the listed text, and leave no OUT. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct row {
  char file[128], message[256], command[32];
  int status;
} row;

/* file,status,message,command; the message may hold anything but a newline
 * and is everything between the second and the last comma. */
static int parse_row(char *line, row *r) {
  line[strcspn(line, "\r\n")] = 0;
  char *c1 = strchr(line, ','), *cl = strrchr(line, ',');
  if (!c1 || cl == c1)
    return 0;
  char *c2 = strchr(c1 + 1, ',');
  if (!c2 || c2 > cl)
    return 0;
  snprintf(r->file, sizeof r->file, "%.*s", (int)(c1 - line), line);
  r->status = atoi(c1 + 1);
  snprintf(r->message, sizeof r->message, "%.*s", (int)(cl - c2 - 1), c2 + 1);
  snprintf(r->command, sizeof r->command, "%s", cl + 1);
  return 1;
}

static void test_bad_inputs(void **state) {
  (void)state;
  char csv[512], dir[512], good[512];
  lw_test_source("tests/data/bad/EXPECT.csv", csv, sizeof csv);
  lw_test_source("tests/data/bad", dir, sizeof dir);
  lw_test_source("tests/data/good/full_adder.blif", good, sizeof good);
  FILE *f = fopen(csv, "r");
  assert_non_null(f);
  char line[1024];
  int rows = 0, failures = 0;
  assert_non_null(fgets(line, sizeof line, f)); /* header */
  while (fgets(line, sizeof line, f)) {
    row r;
    if (!parse_row(line, &r))
      fail_msg("bad EXPECT.csv line: %s", line);
    char path[1024], out[700], args[4096];
    snprintf(path, sizeof path, "%s/%s", dir, r.file);
    snprintf(out, sizeof out, "%s/%s.out", lw_test_dir, r.file);
    /* the row for a nonexistent path must stay nonexistent */
    if (!strcmp(r.file, "missing.blif"))
      assert_int_not_equal(access(path, F_OK), 0);
    else if (access(path, R_OK) != 0)
      fail_msg("%s is listed in EXPECT.csv but missing", r.file);
    if (!strcmp(r.command, "map"))
      snprintf(args, sizeof args, "map '%s' -o '%s'", path, out);
    else if (!strcmp(r.command, "verify"))
      snprintf(args, sizeof args, "verify '%s' '%s' >'%s'", good, path, out);
    else
      fail_msg("unknown command '%s' in EXPECT.csv", r.command);
    char *err = NULL;
    int status = lw_test_run_cli(args, &err);
    int ok = status == r.status && strstr(err, r.message) &&
             strstr(err, r.file) && strstr(err, "lowwear: error:");
    if (!strcmp(r.command, "map") && access(out, F_OK) == 0) {
      ok = 0;
      fprintf(stderr, "%s: the output file was created\n", r.file);
    }
    if (!ok) {
      fprintf(stderr, "%s: exit %d (want %d), stderr: %s(want '%s')\n", r.file,
              status, r.status, err, r.message);
      failures++;
    }
    free(err);
    unlink(out);
    rows++;
  }
  fclose(f);
  assert_true(rows >= 20);
  assert_int_equal(failures, 0);
}

/* A malformed --abc-script is a usage error (exit 2) that says what is
 * wrong, before ABC runs, and writes nothing. */
static void test_bad_abc_script(void **state) {
  (void)state;
  char good[512], out[700], args[2048];
  lw_test_source("tests/data/good/full_adder.blif", good, sizeof good);
  snprintf(out, sizeof out, "%s/script.json", lw_test_dir);
  static const char *const scripts[][2] = {
      {"strash; {map | }", "an alternative is empty"},
      {"strash; {map}", "at least two alternatives"},
      {"strash; map | amap", "alternatives are written once"},
  };
  for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++) {
    snprintf(args, sizeof args, "map '%s' --abc-script '%s' -o '%s'", good,
             scripts[i][0], out);
    char *err = NULL;
    int status = lw_test_run_cli(args, &err);
    if (status != 2 || !strstr(err, scripts[i][1]) ||
        !strstr(err, "ABC script"))
      fail_msg("'%s': exit %d, stderr: %s", scripts[i][0], status, err);
    free(err);
    assert_int_not_equal(access(out, F_OK), 0);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_bad_inputs),
                                     cmocka_unit_test(test_bad_abc_script)};
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

/* Every malformed input of tests/data/bad/EXPECT.csv through the command
 * line: `lowwear map FILE -o OUT` for circuits, `lowwear verify CIRCUIT
 * FILE` for programs. Each must exit with the listed status, print a message
 * that names the file and contains the listed text, and leave no OUT. */
#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
  assert_true(rows >= 40);
  assert_int_equal(failures, 0);
}

/* Random bytes (binary) or random words and blanks (printable), n bytes. */
static void write_garbage(const char *path, size_t n, int printable) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  uint64_t x = 0x9e3779b97f4a7c15ull;
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64 */
    int c = (int)(x >> 56);
    if (printable)
      c = i && c % 11 == 0 ? '\n' : i && c % 7 == 0 ? ' ' : 'a' + c % 26;
    fputc(c, f);
  }
  assert_int_equal(fclose(f), 0);
}

/* Inputs that cannot live in the repository: a folder, a FIFO with no
 * writer (it must not block), 10 MB of garbage as a file and on standard
 * input. Same rules: the listed status, a message naming the file, and no
 * output file. */
static void test_generated_inputs(void **state) {
  (void)state;
  char dir[600], fifo[600], bin[600], text[600], aag[600];
  snprintf(dir, sizeof dir, "%s/folder.blif", lw_test_dir);
  snprintf(fifo, sizeof fifo, "%s/fifo.blif", lw_test_dir);
  snprintf(bin, sizeof bin, "%s/garbage.blif", lw_test_dir);
  snprintf(text, sizeof text, "%s/words.blif", lw_test_dir);
  snprintf(aag, sizeof aag, "%s/garbage.aag", lw_test_dir);
  assert_int_equal(mkdir(dir, 0700), 0);
  assert_int_equal(mkfifo(fifo, 0600), 0);
  write_garbage(bin, 10u << 20, 0);
  write_garbage(text, 10u << 20, 1);
  write_garbage(aag, 10u << 20, 1);
  static const char *const names[] = {"folder.blif",  "fifo.blif",
                                      "garbage.blif", "words.blif",
                                      "garbage.aag",  "<stdin>"};
  static const char *const msgs[] = {
      "folder.blif: cannot read: is a directory",
      "fifo.blif: empty file",
      "garbage.blif:1: control character",
      "words.blif:1: not a BLIF text",
      "garbage.aag:1: not an AIGER file",
      "<stdin>:1: cannot tell the circuit format"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char out[700], args[2048];
    snprintf(out, sizeof out, "%s/out.json", lw_test_dir);
    if (i + 1 < sizeof names / sizeof *names)
      snprintf(args, sizeof args, "map '%s/%s' -o '%s'", lw_test_dir, names[i],
               out);
    else
      snprintf(args, sizeof args, "map - -o '%s' <'%s'", out, text);
    char *err = NULL;
    int status = lw_test_run_cli(args, &err);
    if (status != 1 || !strstr(err, msgs[i]) || !strstr(err, "lowwear: error:"))
      fail_msg("%s: exit %d, stderr: %s(want '%s')", names[i], status, err,
               msgs[i]);
    free(err);
    if (access(out, F_OK) == 0)
      fail_msg("%s: the output file was created", names[i]);
  }
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
                                     cmocka_unit_test(test_generated_inputs),
                                     cmocka_unit_test(test_bad_abc_script)};
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

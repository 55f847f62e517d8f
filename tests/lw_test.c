#include "lw_test.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lowwear/lowwear.h"

static int skipped_tests;

_Noreturn void lw_test_skip_at(const char *file, int line, const char *func,
                               const char *why) {
  const char *no_skip = getenv("LW_TEST_NO_SKIP");
  if (no_skip && *no_skip && strcmp(no_skip, "0")) {
    print_error("%s (%s:%d) wanted to skip (%s), but LW_TEST_NO_SKIP is "
                "set: everything a test needs must be here\n",
                func, file, line, why);
    _fail(file, line);
  } else {
    print_message("%s (%s:%d) skipped: %s\n", func, file, line, why);
    skipped_tests++;
    _skip(file, line);
  }
  abort(); /* not reached: cmocka leaves the test by longjmp */
}

int lw_test_exit_status(int failed) {
  if (failed)
    return 1;
  return skipped_tests ? LW_TEST_SKIPPED : 0;
}

const char *lw_test_benchmark(const char *rel, char *buf, size_t n) {
  snprintf(buf, n, "%s/%s", LW_FULL_SUITES, rel);
  if (access(buf, R_OK) == 0)
    return buf;
  snprintf(buf, n, "%s/benchmarks/%s", LW_SOURCE_DIR, rel);
  return access(buf, R_OK) == 0 ? buf : NULL;
}

const char *lw_test_need_benchmark_at(const char *file, int line,
                                      const char *func, const char *rel,
                                      char *buf, size_t n) {
  if (lw_test_benchmark(rel, buf, n))
    return buf;
  char why[512];
  snprintf(why, sizeof why,
           "needs %s of the full benchmark suites, not bundled in "
           "benchmarks/ (configure with -DLW_FULL_SUITES=DIR)",
           rel);
  lw_test_skip_at(file, line, func, why);
}

void lw_test_each_benchmark_at(const char *file, int line, const char *func,
                               const char *const *rels, size_t n,
                               void (*fn)(const char *path, const char *rel,
                                          void *ctx),
                               void *ctx) {
  char missing[512] = "";
  for (size_t i = 0; i < n; i++) {
    char path[1024];
    if (lw_test_benchmark(rels[i], path, sizeof path)) {
      fn(path, rels[i], ctx);
      continue;
    }
    size_t used = strlen(missing);
    snprintf(missing + used, sizeof missing - used, " %s", rels[i]);
  }
  if (!missing[0])
    return;
  char why[600];
  snprintf(why, sizeof why, "the others passed; not bundled, not checked:%s",
           missing);
  lw_test_skip_at(file, line, func, why);
}

const char *lw_test_source(const char *rel, char *buf, size_t n) {
  snprintf(buf, n, "%s/%s", LW_SOURCE_DIR, rel);
  return buf;
}

struct lw_net *lw_test_read_circuit(const char *path) {
  lw_net *net = NULL;
  lw_error err = {0};
  if (lw_io_read_circuit(path, NULL, &net, &err) != LW_OK)
    fail_msg("%s:%d: %s", path, err.line, err.msg);
  return net;
}

void lw_test_map(const char *blif, const char *flow, const char *json,
                 lw_net **net, lw_program **prog) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "map %s --flow %s --no-cec -o %s 2>/dev/null", blif,
           flow, json);
  assert_int_equal(lw_test_run_cli(cmd, NULL), 0);
  *net = lw_test_read_circuit(blif);
  lw_error err = {0};
  if (lw_io_read_program(json, prog, &err) != LW_OK)
    fail_msg("%s: %s", json, err.msg);
}

int lw_test_have_abc(void) {
  return system("command -v berkeley-abc >/dev/null 2>&1 || "
                "command -v abc >/dev/null 2>&1") == 0;
}

int lw_test_have_yosys(void) {
  return system("command -v yosys >/dev/null 2>&1") == 0;
}

int lw_test_run_cli(const char *args, char **err_out) {
  char errfile[] = "/tmp/lw_test_err.XXXXXX";
  int fd = mkstemp(errfile);
  if (fd < 0)
    return -1;
  close(fd);
  size_t n = strlen(args) + strlen(errfile) + strlen(LW_BINARY) + 32;
  char *cmd = malloc(n);
  snprintf(cmd, n, "%s %s 2>%s", LW_BINARY, args, errfile);
  int st = system(cmd);
  free(cmd);
  if (err_out) {
    FILE *f = fopen(errfile, "rb");
    char *text = calloc(1, 1 << 16);
    if (f) {
      size_t got = fread(text, 1, (1 << 16) - 1, f);
      text[got] = 0;
      fclose(f);
    }
    *err_out = text;
  }
  unlink(errfile);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

char *lw_test_capture(const char *cmd, int *status) {
  FILE *p = popen(cmd, "r");
  size_t cap = 1 << 16, n = 0;
  char *out = malloc(cap);
  for (size_t got; p && (got = fread(out + n, 1, cap - n - 1, p)) > 0;)
    if ((n += got) + 1 == cap)
      out = realloc(out, cap *= 2);
  out[n] = 0;
  int st = p ? pclose(p) : -1;
  if (status)
    *status = st;
  return out;
}

char lw_test_dir[64] = "/tmp/lw_test.XXXXXX";

int lw_test_dir_setup(void **state) {
  (void)state;
  return mkdtemp(lw_test_dir) ? 0 : -1;
}

int lw_test_dir_teardown(void **state) {
  (void)state;
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", lw_test_dir);
  return system(cmd) == 0 ? 0 : -1;
}

int lw_test_aborts(void (*fn)(void *ctx), void *ctx, char *msg, size_t n) {
  int fd[2];
  if (pipe(fd) != 0)
    return 0;
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    dup2(fd[1], 2);
    fn(ctx);
    _exit(0);
  }
  close(fd[1]);
  size_t got = 0;
  char sink[256];
  for (;;) {
    char *dst = msg && got + 1 < n ? msg + got : sink;
    size_t room = msg && got + 1 < n ? n - 1 - got : sizeof sink;
    ssize_t k = read(fd[0], dst, room);
    if (k <= 0)
      break;
    if (dst != sink)
      got += (size_t)k;
  }
  close(fd[0]);
  if (msg && n)
    msg[got] = 0;
  int st = 0;
  if (pid < 0 || waitpid(pid, &st, 0) != pid)
    return 0;
  return WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT;
}

void lw_test_need_checks(void) {
#ifndef LW_CHECKS
  fprintf(stderr, "skipped: built without LW_CHECKS (Debug or LW_SANITIZE "
                  "builds have them)\n");
  skip();
#endif
}

void lw_test_expect_abort(void (*fn)(void *ctx), void *ctx, const char *where) {
  char msg[1024];
  if (!lw_test_aborts(fn, ctx, msg, sizeof msg))
    fail_msg("no check fired (expected one in %s)", where);
  fprintf(stderr, "as expected: %s", msg);
  if (!strstr(msg, where))
    fail_msg("the check that fired is not in %s", where);
}

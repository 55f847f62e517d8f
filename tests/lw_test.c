#include "lw_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lowwear/lowwear.h"

const char *lw_test_benchmark(const char *rel, char *buf, size_t n) {
  snprintf(buf, n, "%s/benchmarks/%s", LW_SHARED_DIR, rel);
  if (access(buf, R_OK) != 0) {
    snprintf(buf, n, "%s/benchmarks/%s", LW_SOURCE_DIR, rel);
    if (access(buf, R_OK) != 0) {
      fprintf(stderr, "skipped: %s not found (../shared/benchmarks absent)\n",
              rel);
      return NULL;
    }
  }
  return buf;
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

int lw_test_have_abc(void) {
  return system("command -v berkeley-abc >/dev/null 2>&1 || "
                "command -v abc >/dev/null 2>&1") == 0;
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

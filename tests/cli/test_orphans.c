/* A lowwear killed by a signal while ABC runs takes ABC with it (Linux:
 * the child is started with a parent-death signal), instead of leaving a
 * long ABC run behind; stopped by SIGTERM it also removes its scratch
 * folders. */
#include "lw_test.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* 1 while process pid runs (a zombie counts as gone). */
static int alive(long pid) {
  char path[64], line[512];
  snprintf(path, sizeof path, "/proc/%ld/stat", pid);
  FILE *f = fopen(path, "r");
  if (!f)
    return 0;
  int ok = fgets(line, sizeof line, f) != NULL;
  fclose(f);
  const char *close = ok ? strrchr(line, ')') : NULL;
  return close && close[1] == ' ' && close[2] != 'Z' && close[2] != 'X';
}

/* Start `lowwear map` (or bench: cmd) on the bundled full adder with a fake ABC
 * that records its pid and sleeps, scratch folders under tmp; returns lowwear's
 * pid and waits until ABC runs (its pid in *abc_pid). */
static pid_t start(const char *cmd, const char *tmp, long *abc_pid) {
  char abc[600], pidfile[600], circuit[600], out[600];
  snprintf(abc, sizeof abc, "%s/abc", lw_test_dir);
  snprintf(pidfile, sizeof pidfile, "%s/abc.pid", lw_test_dir);
  snprintf(out, sizeof out, "%s/out.json", lw_test_dir);
  unlink(pidfile);
  lw_test_source("examples/full_adder.blif", circuit, sizeof circuit);
  FILE *f = fopen(abc, "w");
  assert_non_null(f);
  /* exec: the script's own process is the one that sleeps */
  fprintf(f, "#!/bin/sh\necho $$ > '%s'\nexec sleep 30\n", pidfile);
  fclose(f);
  assert_int_equal(chmod(abc, 0755), 0);
  mkdir(tmp, 0700);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    setenv("TMPDIR", tmp, 1);
    if (!strcmp(cmd, "map"))
      execl(LW_BINARY, LW_BINARY, "map", circuit, "--abc", abc, "-o", out,
            (char *)NULL);
    else
      execl(LW_BINARY, LW_BINARY, "bench", circuit, "--abc", abc, "-o", out,
            "-j", "1", "--quiet", (char *)NULL);
    _exit(127);
  }
  *abc_pid = 0;
  for (int i = 0; i < 100 && !*abc_pid; i++) {
    nap(50);
    FILE *p = fopen(pidfile, "r");
    if (p) {
      if (fscanf(p, "%ld", abc_pid) != 1)
        *abc_pid = 0;
      fclose(p);
    }
  }
  assert_true(*abc_pid > 0);
  assert_true(alive(*abc_pid));
  return pid;
}

/* Wait up to 2 s for ABC to go; kill it if it did not. */
static int abc_gone(long abc_pid) {
  int gone = 0;
  for (int i = 0; i < 40 && !gone; i++) {
    nap(50);
    gone = !alive(abc_pid);
  }
  if (!gone)
    kill((pid_t)abc_pid, SIGKILL);
  return gone;
}

static int entries(const char *dir) {
  DIR *d = opendir(dir);
  int n = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
  if (d)
    closedir(d);
  return n;
}

/* Start `lowwear cmd` (scratch folders under tmp-NAME), stop it with sig
 * while ABC runs, and check that ABC went with it and that no output was
 * written. Returns lowwear's wait status; *left = the entries still in
 * its scratch folder after up to 2 s. */
static int stop(const char *cmd, int sig, const char *name, int *left) {
  char tmp[600], out[700];
  snprintf(tmp, sizeof tmp, "%s/tmp-%s", lw_test_dir, name);
  snprintf(out, sizeof out, "%s/out.json", lw_test_dir);
  long abc_pid;
  pid_t pid = start(cmd, tmp, &abc_pid);
  assert_true(entries(tmp) > 0); /* ABC's scratch folder is there */
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  assert_true(abc_gone(abc_pid));
  /* nothing half-written (bench's -o folder is made at its start) */
  if (strcmp(cmd, "map"))
    strcat(out, "/results.csv");
  assert_int_not_equal(access(out, F_OK), 0);
  *left = entries(tmp);
  for (int i = 0; i < 40 && *left; i++) {
    nap(50);
    *left = entries(tmp);
  }
  return status;
}

static void test_abc_dies_with_lowwear(void **state) {
  (void)state;
#ifndef __linux__
  lw_test_skip("the orphan checks read /proc (Linux only)");
#endif
  int left;
  stop("map", SIGKILL, "kill", &left);
}

/* SIGTERM (and SIGINT, SIGHUP: one handler) removes the scratch folders,
 * and lowwear still dies of the signal. */
static void test_signal_removes_scratch(void **state) {
  (void)state;
#ifndef __linux__
  lw_test_skip("the orphan checks read /proc (Linux only)");
#endif
  int left;
  int status = stop("map", SIGTERM, "term", &left);
  assert_true(WIFSIGNALED(status));
  assert_int_equal(WTERMSIG(status), SIGTERM);
  assert_int_equal(left, 0);
}

/* A bench killed outright (SIGKILL, no handler runs) still stops its
 * workers, which remove their scratch folders; their ABC goes too. */
static void test_bench_workers_follow(void **state) {
  (void)state;
#ifndef __linux__
  lw_test_skip("the orphan checks read /proc (Linux only)");
#endif
  int left;
  stop("bench", SIGKILL, "bench", &left);
  assert_int_equal(left, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_abc_dies_with_lowwear),
      cmocka_unit_test(test_signal_removes_scratch),
      cmocka_unit_test(test_bench_workers_follow)};
  return lw_test_run(tests, lw_test_dir_setup, lw_test_dir_teardown);
}

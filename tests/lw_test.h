/* Shared helpers for the cmocka tests. */
#ifndef LW_TEST_H
#define LW_TEST_H

/* cmocka needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* ---- running and skipping -------------------------------------------------
 * A test that cannot run here (a tool or a file missing) calls
 * lw_test_skip("why"): the reason is printed, cmocka marks the test skipped,
 * and a program whose tests all passed or skipped, with at least one
 * skipped, exits with LW_TEST_SKIPPED, which CTest shows as "Skipped"
 * (SKIP_RETURN_CODE in tests/CMakeLists.txt). With LW_TEST_NO_SKIP=1 in the
 * environment (CI, where everything is installed) a skip fails the test
 * instead, with the same reason. Every main is
 *   return lw_test_run(tests, setup, teardown);                            */
#define LW_TEST_SKIPPED 77
#define lw_test_skip(why) lw_test_skip_at(__FILE__, __LINE__, __func__, why)
#define lw_test_run(tests, setup, teardown)                                    \
  lw_test_exit_status(_cmocka_run_group_tests(                                 \
      #tests, tests, sizeof(tests) / sizeof((tests)[0]), setup, teardown))
_Noreturn void lw_test_skip_at(const char *file, int line, const char *func,
                               const char *why);
/* cmocka's number of failed tests -> the program's exit status. */
int lw_test_exit_status(int failed);

/* cmocka's own forms would let a skip pass unnoticed (no reason, exit 0):
 * a test written with them gets the behaviour above all the same. */
#undef skip
#define skip() lw_test_skip("no reason given")
#undef cmocka_run_group_tests
#define cmocka_run_group_tests(tests, setup, teardown)                         \
  lw_test_run(tests, setup, teardown)

/* Skip the calling test when no ABC executable (or no yosys) is on the
 * PATH. Macros, so that the message names the caller. */
#define lw_test_need_abc()                                                     \
  do {                                                                         \
    if (!lw_test_have_abc())                                                   \
      lw_test_skip("no ABC (berkeley-abc or abc) on the PATH");                \
  } while (0)
#define lw_test_need_yosys()                                                   \
  do {                                                                         \
    if (!lw_test_have_yosys())                                                 \
      lw_test_skip("no yosys on the PATH");                                    \
  } while (0)

/* ---- files ------------------------------------------------------------- */

/* Path of a benchmark file (rel under a benchmarks folder, e.g.
 * "epfl/ctrl.blif"): in the full suites (LW_FULL_SUITES, tests/CMakeLists.txt)
 * when there, else in the project's own benchmarks/; NULL when neither holds
 * it. */
const char *lw_test_benchmark(const char *rel, char *buf, size_t n);
/* The same, but skips the calling test when the file is not there. */
#define lw_test_need_benchmark(rel, buf, n)                                    \
  lw_test_need_benchmark_at(__FILE__, __LINE__, __func__, rel, buf, n)
const char *lw_test_need_benchmark_at(const char *file, int line,
                                      const char *func, const char *rel,
                                      char *buf, size_t n);
/* fn(path, rel, ctx) for each of rels[0..n) that lw_test_benchmark finds;
 * then, when some were not found, the calling test skips visibly, naming
 * them (the others have run and passed). */
#define lw_test_each_benchmark(rels, n, fn, ctx)                               \
  lw_test_each_benchmark_at(__FILE__, __LINE__, __func__, rels, n, fn, ctx)
void lw_test_each_benchmark_at(const char *file, int line, const char *func,
                               const char *const *rels, size_t n,
                               void (*fn)(const char *path, const char *rel,
                                          void *ctx),
                               void *ctx);
/* Path of a file under the source tree (examples/, tests/data/). */
const char *lw_test_source(const char *rel, char *buf, size_t n);
/* The circuit file read as lowwear reads it; the test fails when it
 * cannot be read. Free with lw_net_free. */
struct lw_net *lw_test_read_circuit(const char *path);
/* `lowwear map BLIF --flow FLOW --no-cec -o JSON` (it must succeed), then
 * the circuit and the program read back. */
struct lw_program;
void lw_test_map(const char *blif, const char *flow, const char *json,
                 struct lw_net **net, struct lw_program **prog);
/* 1 when an ABC executable (yosys) is on the PATH. */
int lw_test_have_abc(void);
int lw_test_have_yosys(void);
/* Run the lowwear binary with a shell command line (after the binary);
 * returns its exit status; its stderr goes to *err_out (malloc'ed) if not
 * NULL. */
int lw_test_run_cli(const char *args, char **err_out);
/* The standard output of the shell command line cmd (malloc'ed, never
 * NULL); its exit status (as pclose's) into *status when not NULL. */
char *lw_test_capture(const char *cmd, int *status);

/* A scratch folder for one test program: lw_test_dir holds its path between
 * lw_test_dir_setup and lw_test_dir_teardown (cmocka group fixtures), which
 * removes it with everything in it. */
extern char lw_test_dir[];
int lw_test_dir_setup(void **state);
int lw_test_dir_teardown(void **state);

/* Run fn(ctx) in a child process; 1 when the child died of SIGABRT (an
 * LW_ASSERT that fired), 0 when it returned or ended otherwise. The child's
 * stderr goes to msg (n bytes, NUL-terminated; may be NULL). */
int lw_test_aborts(void (*fn)(void *ctx), void *ctx, char *msg, size_t n);
/* Skip the test, saying so, in a build without LW_CHECKS (the invariant
 * checks of base/assert.h are on in Debug and LW_SANITIZE builds). */
void lw_test_need_checks(void);
/* Fail unless fn(ctx) aborts with a message that names `where` (a source
 * file); the message is shown. */
void lw_test_expect_abort(void (*fn)(void *ctx), void *ctx, const char *where);

#endif

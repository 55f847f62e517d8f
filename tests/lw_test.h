/* Shared helpers for the cmocka tests. */
#ifndef LW_TEST_H
#define LW_TEST_H

/* cmocka needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* Path of a benchmark under ../shared/benchmarks, or NULL (and a message
 * saying the test is skipped) when that folder is not there. */
const char *lw_test_benchmark(const char *rel, char *buf, size_t n);
/* Path of a file under the source tree (examples/, tests/data/). */
const char *lw_test_source(const char *rel, char *buf, size_t n);
/* The circuit file read as lowwear reads it; the test fails when it
 * cannot be read. Free with lw_net_free. */
struct lw_net *lw_test_read_circuit(const char *path);
/* 1 when an ABC executable is on the PATH. */
int lw_test_have_abc(void);
/* Run the lowwear binary with a shell command line (after the binary);
 * returns its exit status; its stderr goes to *err_out (malloc'ed) if not
 * NULL. */
int lw_test_run_cli(const char *args, char **err_out);

/* A scratch folder for one test program: lw_test_dir holds its path between
 * lw_test_dir_setup and lw_test_dir_teardown (cmocka group fixtures), which
 * removes it with everything in it. */
extern char lw_test_dir[];
int lw_test_dir_setup(void **state);
int lw_test_dir_teardown(void **state);

#endif

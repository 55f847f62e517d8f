/* Running tools: one command with its output and exit status, a time
 * limit, and a race of several where the first decisive one wins. */
#include "lw_test.h"

#include <string.h>

#include "base/proc.h"

static void test_run(void **state) {
  (void)state;
  char *ok[] = {"sh", "-c", "echo hi; echo err >&2", NULL};
  lw_proc p;
  lw_proc_run(ok, 10, &p);
  assert_int_equal(p.result, LW_PROC_EXITED);
  assert_int_equal(p.exit_code, 0);
  assert_string_equal(p.output.data, "hi\nerr\n");
  lw_proc_free(&p);

  char *bad[] = {"sh", "-c", "exit 3", NULL};
  lw_proc_run(bad, 10, &p);
  assert_int_equal(p.result, LW_PROC_EXITED);
  assert_int_equal(p.exit_code, 3);
  lw_proc_free(&p);

  char *slow[] = {"sleep", "10", NULL};
  lw_proc_run(slow, 0.3, &p);
  assert_int_equal(p.result, LW_PROC_TIMEOUT);
  assert_true(p.seconds < 5);
  lw_proc_free(&p);

  char *none[] = {"/nonexistent/tool", NULL};
  lw_proc_run(none, 10, &p);
  assert_int_equal(p.result, LW_PROC_NOEXEC);
  lw_proc_free(&p);
}

static int says_verdict(const lw_proc *p, void *ctx) {
  (void)ctx;
  return p->result == LW_PROC_EXITED && strstr(p->output.data, "verdict");
}

static void test_race(void **state) {
  (void)state;
  char *slow[] = {"sh", "-c", "sleep 10; echo verdict", NULL};
  char *quick[] = {"sh", "-c", "sleep 0.2; echo verdict", NULL};
  char *undecided[] = {"sh", "-c", "echo nothing", NULL};
  lw_proc p[3];

  /* the quick one wins; the slow one is stopped, not waited for */
  char *const *const a[] = {slow, quick};
  assert_int_equal(lw_proc_race(a, 2, 30, says_verdict, NULL, p), 1);
  assert_int_equal(p[0].result, LW_PROC_STOPPED);
  assert_int_equal(p[1].result, LW_PROC_EXITED);
  assert_true(p[1].seconds < 5 && p[0].seconds < 5);
  lw_proc_free(&p[0]);
  lw_proc_free(&p[1]);

  /* one that ends without a verdict does not stop the race */
  char *const *const b[] = {undecided, quick, slow};
  assert_int_equal(lw_proc_race(b, 3, 30, says_verdict, NULL, p), 1);
  assert_int_equal(p[0].result, LW_PROC_EXITED);
  assert_string_equal(p[0].output.data, "nothing\n");
  assert_int_equal(p[2].result, LW_PROC_STOPPED);
  for (int k = 0; k < 3; k++)
    lw_proc_free(&p[k]);

  /* nobody decides in time: -1, the runners time out */
  char *const *const c[] = {undecided, slow};
  assert_int_equal(lw_proc_race(c, 2, 0.5, says_verdict, NULL, p), -1);
  assert_int_equal(p[0].result, LW_PROC_EXITED);
  assert_int_equal(p[1].result, LW_PROC_TIMEOUT);
  lw_proc_free(&p[0]);
  lw_proc_free(&p[1]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_run),
      cmocka_unit_test(test_race),
  };
  return lw_test_run(tests, NULL, NULL);
}

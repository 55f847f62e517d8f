/* LW_ASSERT: aborts with file:line and the condition when LW_CHECKS is on,
 * and is nothing at all (the condition is not even evaluated) when off. The
 * header follows LW_CHECKS where it is included, like <assert.h>, so this
 * file includes it twice. */
#include "lw_test.h"

#include <string.h>

static int evaluated;
static int count(void) { return ++evaluated; }

/* ---- with the checks off ------------------------------------------------ */
#undef LW_CHECKS
#include "base/assert.h"

static void false_condition_off(void *ctx) {
  (void)ctx;
  LW_ASSERT(count() == 0 && "never true");
}

/* ---- with the checks on ------------------------------------------------- */
#define LW_CHECKS 1
#include "base/assert.h"

static void false_condition_on(void *ctx) {
  int *x = ctx;
  LW_ASSERT(*x == 2);
}

static void true_condition_on(void *ctx) {
  int *x = ctx;
  LW_ASSERT(*x == 1);
}

static void test_aborts_when_on(void **state) {
  (void)state;
  int x = 1;
  char msg[512];
  assert_true(lw_test_aborts(false_condition_on, &x, msg, sizeof msg));
  assert_non_null(strstr(msg, "test_assert.c:"));
  assert_non_null(strstr(msg, "*x == 2"));
  assert_false(lw_test_aborts(true_condition_on, &x, NULL, 0));
}

static void test_nothing_when_off(void **state) {
  (void)state;
  evaluated = 0;
  assert_false(lw_test_aborts(false_condition_off, NULL, NULL, 0));
  false_condition_off(NULL); /* here too: no abort, no evaluation */
  assert_int_equal(evaluated, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_aborts_when_on),
      cmocka_unit_test(test_nothing_when_off),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}

#include "base/assert.h"

#include <stdio.h>
#include <stdlib.h>

_Noreturn void lw_assert_fail(const char *cond, const char *file, int line) {
  fprintf(stderr, "%s:%d: internal check failed: %s\n", file, line, cond);
  fflush(stderr);
  abort();
}

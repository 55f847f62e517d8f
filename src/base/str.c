#include "base/str.h"

#include <stdarg.h>
#include <stdio.h>

void lw_chars_printf(lw_chars *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  lw_vec_reserve(out, out->size + (uint32_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(out->data + out->size, (size_t)n + 1, fmt, ap);
  va_end(ap);
  out->size += (uint32_t)n;
}
